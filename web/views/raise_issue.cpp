// #/new: 提出新议题 with 标题 (one line) and 内容 (several), checked by the server's own rules
// while typing, then 提交 or 返回.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/roles.hpp"
#include "yishi/text.hpp"

namespace yishi::web {

namespace {

void counter(const ClientState& state, const std::string& value, std::size_t max,
             std::string_view id) {
    std::size_t n = utf8_length(value);
    ui::text(state.strings.format("raise.count", {{"n", std::to_string(n)},
                                                  {"max", std::to_string(max)}}),
             id, n > max ? ui::Tone::error : ui::Tone::muted);
}

// 代提: a grid worker picks the resident the issue is raised for (who becomes its author).
void on_behalf_picker(const ClientState& state, RaiseIssueUi& ui) {
    Role role = Role::resident;
    role_from_string(state.session.member.role, role);
    if (role != Role::grid_worker) return;
    const auto& t = state.strings;
    ui::text(t.get("raise.on_behalf"), "on-behalf-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& m : state.flow.members) {
        if (!m.voting) continue;
        std::string label = ui::labelled(m.name, "behalf-" + std::to_string(m.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.on_behalf_of == m.id))
            ui.on_behalf_of = ui.on_behalf_of == m.id ? 0 : m.id;
    }
    if (ui.on_behalf_of == 0) ui::text(t.get("raise.on_behalf_none"), "on-behalf-none", ui::Tone::error);
}

}  // namespace

void draw_raise_issue(const ClientState& state, RaiseIssueUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.raised_seen != state.issues_raised) {  // the last one was accepted: start afresh
        ui.title.clear();
        ui.body.clear();
        ui.touched = false;
        ui.raised_seen = state.issues_raised;
    }

    ui::Card card;
    ui::begin_card(card, 24.0f);
    ui::heading(t.get("raise.title"), "raise-title");
    ui::text(t.get("raise.hint"), "raise-hint", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));

    bool edited = ui::input_text(ui::labelled(t.get("raise.field_title"), "title"), ui.title, 0,
                                 ui.focus_first);
    ui.focus_first = false;
    counter(state, ui.title, kTitleMaxChars, "title-count");
    float body_h = ImGui::GetTextLineHeight() * 8 + ImGui::GetStyle().FramePadding.y * 2;
    edited |= ui::input_multiline(ui::labelled(t.get("raise.field_body"), "body"), ui.body,
                                  body_h);
    counter(state, ui.body, kBodyMaxChars, "body-count");
    ui.touched |= edited;
    ui::input_text(ui::labelled(t.get("raise.category"), "category"), ui.category);
    ui::input_text(ui::labelled(t.get("raise.tag"), "tag"), ui.tag);
    on_behalf_picker(state, ui);

    // The same check the server makes, explained before anything is sent.
    Check refusal = client::check_new_issue(ui.title, ui.body);
    if (refusal && ui.touched) ui::text(refusal->message, "hint", ui::Tone::error);

    ImGui::Dummy(ImVec2(0, 4));
    if (ui::button(ui::labelled(t.get("raise.submit"), "submit"), ui::ButtonKind::primary,
                   state.submitting)) {
        ui.touched = true;
        intents.push_back(
            client::RaiseIssue{ui.title, ui.body, ui.category, ui.tag, ui.on_behalf_of});
    }
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("raise.back"), "back")))
        intents.push_back(client::Navigate{client::Route{client::Page::issues}, false});
    ui::end_card(card);
}

}  // namespace yishi::web
