// #/consultation/N/record: the secretary's live record of the meeting, for a desktop at the
// meeting: large type, one hand on the keyboard — Up/Down pick the speaker, the summary field
// keeps the focus, Enter (or Ctrl+Enter) records it and moves to the next speaker.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/cppcc.hpp"

namespace yishi::web {

namespace {

constexpr ItemKind kRecordKinds[] = {ItemKind::speech, ItemKind::keynote, ItemKind::opening,
                                     ItemKind::question, ItemKind::answer, ItemKind::concluding};
constexpr std::size_t kRecentItems = 5;
constexpr float kRecordScale = 1.35f;

std::string speaker_of(const Meeting& m, Id id) {
    for (const auto& p : m.participants)
        if (p.id == id) return p.name;
    return "#" + std::to_string(id);
}

// The question an answer answers: the latest one not answered yet.
Id open_question(const Meeting& m) {
    for (auto it = m.items.rbegin(); it != m.items.rend(); ++it) {
        if (it->kind != ItemKind::question) continue;
        bool answered = false;
        for (const auto& i : m.items) answered |= i.answers_item_id == it->id;
        if (!answered) return it->id;
    }
    return 0;
}

}  // namespace

void draw_consultation_record(const ClientState& state, RecordUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const ConsultationView* v = state.find_consultation(state.route.id);
    if (ui::button(ui::labelled(t.get("cppcc.record_back"), "record-back"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::consultation, state.route.id, {}}, false});
    if (!v || !v->consultation.meeting)
        return ui::text(state.loading() ? t.get("app.loading") : t.get("cppcc.no_meeting"),
                        "record-missing", ui::Tone::muted);
    const Consultation& c = v->consultation;
    const Meeting& m = *c.meeting;
    const auto& people = m.participants;
    // An accepted item: clear the summary and move on to the next speaker.
    if (ui.recorded_seen != state.cppcc.recorded) {
        if (ui.recorded_seen != 0 || !ui.summary.empty()) {
            ui.summary.clear();
            if (!people.empty()) ui.speaker = (ui.speaker + 1) % people.size();
            ui.kind = "speech";
        }
        ui.recorded_seen = state.cppcc.recorded;
        ui.focus = true;
    }
    ImGui::SetWindowFontScale(kRecordScale);
    ui::heading(t.format("cppcc.record_title", {{"title", c.title}}), "record-title");
    Check refusal = client::act_refusal(state, *v, client::Act::record);
    if (refusal) ui::text(refusal->message, "record-refusal", ui::Tone::error);
    if (people.empty()) ui::text(t.get("cppcc.no_participants"), "no-participants", ui::Tone::muted);
    if (ui.speaker >= people.size()) ui.speaker = 0;
    // Up/Down move through the speakers, even while the summary is being typed.
    if (!people.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            ui.speaker = (ui.speaker + 1) % people.size();
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            ui.speaker = (ui.speaker + people.size() - 1) % people.size();
    }
    ui::text(t.get("cppcc.record_speaker"), "speaker-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& p = people[i];
        std::string label = ui::labelled(std::to_string(i + 1) + ". " + p.name,
                                         "speaker-" + std::to_string(p.id));
        ui::flow(ui::button_width(label), right, i == 0);
        if (ui::choice(label, ui.speaker == i)) {
            ui.speaker = i;
            ui.focus = true;
        }
    }
    ui::text(t.get("cppcc.record_kind"), "kind-label", ui::Tone::muted);
    bool first = true;
    for (ItemKind k : kRecordKinds) {
        std::string label = ui::labelled(t.get(std::string("item_kind.") + to_string(k)),
                                         std::string("kind-") + to_string(k));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.kind == to_string(k))) {
            ui.kind = to_string(k);
            ui.focus = true;
        }
    }
    if (ui.kind == "question") {  // a question names the participant asked
        ui::text(t.get("cppcc.record_to"), "to-label", ui::Tone::muted);
        first = true;
        for (const auto& p : people) {
            std::string label = ui::labelled(p.name, "to-" + std::to_string(p.id));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, ui.to == p.id)) ui.to = p.id;
        }
    }
    Id speaker = people.empty() ? 0 : people[ui.speaker].id;
    if (speaker != 0)
        ui::text(t.format("cppcc.record_now", {{"name", people[ui.speaker].name},
                                               {"title", people[ui.speaker].title}}),
                 "record-now");
    bool enter = ui::input_text(ui::labelled(t.get("cppcc.summary"), "summary"), ui.summary,
                                ImGuiInputTextFlags_EnterReturnsTrue, ui.focus);
    ui.focus = false;
    bool clicked = ui::button(ui::labelled(t.get("cppcc.record_submit"), "record-submit"),
                              ui::ButtonKind::primary, refusal.has_value() || state.submitting);
    if ((enter || clicked) && !refusal && !state.submitting) {
        client::RecordItem item{c.id, ui.kind, speaker, ui.summary, 0, 0};
        if (ui.kind == "answer") item.answers_item_id = open_question(m);
        if (ui.kind == "question") item.to_participant_id = ui.to;
        intents.push_back(client::CppccIntent{item});
    }
    // Enter leaves the field; it takes the focus again, empty, once the item is recorded (an
    // edited field would keep its own copy of the text over the cleared one).
    ui::text(t.get("cppcc.record_hint"), "record-hint", ui::Tone::muted);

    ui::heading(t.get("cppcc.recent"), "recent-title");
    std::size_t from = m.items.size() > kRecentItems ? m.items.size() - kRecentItems : 0;
    for (std::size_t i = m.items.size(); i-- > from;) {
        const auto& item = m.items[i];
        ui::text(t.format("cppcc.item_line",
                          {{"kind", t.get(std::string("item_kind.") + to_string(item.kind))},
                           {"speaker", speaker_of(m, item.speaker_id)},
                           {"summary", item.summary}}),
                 "recent-" + std::to_string(item.id));
    }
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
