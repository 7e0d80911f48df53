// #/cppcc: the CPPCC committees (政协); #/cppcc/N: its topics newest first, the annual plan by
// year, and the form that proposes a topic (委员提题). Also the names of 政协's enums.
#include <algorithm>
#include <set>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/cppcc.hpp"

namespace yishi::web {

using client::CppccIntent;

std::string source_name(const ClientState& state, TopicSource s) {
    return state.strings.get(std::string("topic_source.") + to_string(s));
}

std::string stage_name(const ClientState& state, ConsultationStage s) {
    return state.strings.get(std::string("consultation_stage.") + to_string(s));
}

std::string adoption_name(const ClientState& state, const std::optional<Adoption>& a) {
    return a ? state.strings.get(std::string("adoption.") + to_string(*a))
             : state.strings.get("cppcc.no_position");
}

namespace {

void open_topic(Intents& intents, Id id) {
    intents.push_back(client::Navigate{client::Route{client::Page::consultation, id, {}}, false});
}

std::string seat_name(const CppccView& v, Id member_id) {
    for (const auto& s : v.seats)
        if (s.member_id == member_id) return s.name;
    return "#" + std::to_string(member_id);
}

std::string committee_name(const CppccView& v, Id id) {
    for (const auto& c : v.committees)
        if (c.id == id) return c.name;
    return {};
}

void topics_card(const ClientState& state, const CppccView& v, Intents& intents) {
    const auto& t = state.strings;
    ui::heading(t.get("cppcc.topics"), "topics-title");
    if (v.topics.empty()) ui::text(t.get("cppcc.no_topics"), "no-topics", ui::Tone::muted);
    for (const auto& topic : v.topics) {
        const std::string n = std::to_string(topic.id);
        ui::Card card;
        ui::begin_card(card, 14.0f);
        ui::text(topic.title, "topic-" + n);
        ui::text(source_name(state, topic.source), "topic-source-" + n, ui::Tone::muted);
        const auto& c = theme::colors();
        ui::badge(stage_name(state, topic.stage), "topic-stage-" + n, c.collecting_bg,
                  c.collecting_text);
        ImGui::SameLine();
        if (ui::button(ui::labelled(t.get("cppcc.open_topic"), "open-topic-" + n),
                       ui::ButtonKind::primary))
            open_topic(intents, topic.id);
        ui::end_card(card);
    }
}

// 年度协商计划: the planned topics by year, newest year first, with committee and vice-chair.
void plan_card(const ClientState& state, const CppccView& v, Intents& intents) {
    const auto& t = state.strings;
    std::set<int, std::greater<int>> years;
    for (const auto& topic : v.topics)
        if (topic.plan_year != 0) years.insert(topic.plan_year);
    ui::heading(t.get("cppcc.plan"), "plan-title");
    if (years.empty()) ui::text(t.get("cppcc.no_plan"), "no-plan", ui::Tone::muted);
    for (int year : years) {
        ui::Card card;
        ui::begin_card(card, 14.0f);
        ui::text(t.format("cppcc.plan_year", {{"year", std::to_string(year)}}),
                 "plan-year-" + std::to_string(year));
        for (const auto& topic : v.topics) {
            if (topic.plan_year != year) continue;
            const std::string n = std::to_string(topic.id);
            ui::text(t.format("cppcc.plan_line",
                              {{"title", topic.title},
                               {"committee", committee_name(v, topic.committee_id)},
                               {"vice_chair", seat_name(v, topic.lead_vice_chair_id)}}),
                     "plan-line-" + n);
            if (ui::button(ui::labelled(t.get("cppcc.open_topic"), "plan-open-" + n),
                           ui::ButtonKind::quiet))
                open_topic(intents, topic.id);
        }
        ui::end_card(card);
    }
}

void propose_card(const ClientState& state, const CppccView& v, CppccUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("cppcc.propose"), "propose-title");
    bool seated = v.viewer.seated;
    if (!seated) ui::text(t.get("cppcc.not_seated"), "propose-refusal", ui::Tone::muted);
    ui::input_text(ui::labelled(t.get("cppcc.topic_title"), "topic-title"), ui.title,
                   seated ? 0 : ImGuiInputTextFlags_ReadOnly);
    float h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    ui::input_multiline(ui::labelled(t.get("cppcc.topic_body"), "topic-body"), ui.body, h);
    ui::text(t.get("cppcc.source"), "source-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (TopicSource s : kTopicSources) {
        std::string label = ui::labelled(source_name(state, s), std::string("source-") + to_string(s));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.source == to_string(s))) ui.source = to_string(s);
    }
    if (ui::button(ui::labelled(t.get("cppcc.topic_submit"), "topic-submit"),
                   ui::ButtonKind::primary, !seated || state.submitting))
        intents.push_back(CppccIntent{client::ProposeTopic{v.id, ui.title, ui.body, ui.source}});
    ui::end_card(card);
}

}  // namespace

void draw_cppccs(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    ui::heading(t.get("cppcc.title"), "cppcc-title");
    const auto& c = state.cppcc;
    if (!c.cppccs_loaded) return ui::text(t.get("app.loading"), "cppcc-loading", ui::Tone::muted);
    if (c.cppccs.empty()) ui::text(t.get("cppcc.none"), "no-cppcc", ui::Tone::muted);
    for (const auto& n : c.cppccs) {
        ui::Card card;
        ui::begin_card(card, 14.0f);
        ui::text(n.name, "cppcc-name-" + std::to_string(n.id));
        if (ui::button(ui::labelled(t.get("cppcc.open"), "cppcc-open-" + std::to_string(n.id)),
                       ui::ButtonKind::primary))
            intents.push_back(client::Navigate{client::Route{client::Page::cppcc, n.id, {}}, false});
        ui::end_card(card);
    }
}

void draw_cppcc(const ClientState& state, CppccUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.writes_seen != state.writes_done) {
        ui.writes_seen = state.writes_done;
        ui.title.clear();
        ui.body.clear();
    }
    auto it = state.cppcc.committees.find(state.route.id);
    if (it == state.cppcc.committees.end())
        return ui::text(state.loading() ? t.get("app.loading") : t.get("cppcc.missing"),
                        "cppcc-missing", ui::Tone::muted);
    const CppccView& v = it->second;
    ui::heading(v.name, "cppcc-name");
    std::string who = v.viewer.seated
                          ? t.format("cppcc.you_are", {{"post", t.get(std::string("cppcc_post.") +
                                                                      to_string(v.viewer.post))}})
                          : t.get("cppcc.reader");
    ui::text(who, "cppcc-viewer", ui::Tone::muted);
    topics_card(state, v, intents);
    plan_card(state, v, intents);
    propose_card(state, v, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

// 管理: a street's CPPCCs, each with its special committees (专委会) and seats, and the forms.
void draw_admin_cppccs(const ClientState& state, const client::AdminStreet& st, CppccAdminUi& ui,
                       Intents& intents) {
    const auto& t = state.strings;
    const std::string sn = std::to_string(st.id);
    bool allowed = !may_create_in_street(state.session.admin, st.id);
    ui::text(t.get("cppcc.admin_cppccs"), "cppccs-" + sn, ui::Tone::muted);
    for (const auto& c : st.cppccs) {
        const std::string n = std::to_string(c.id);
        ui::Card card;
        ui::begin_card(card, 12.0f);
        ui::text(c.name, "cppcc-" + n);
        auto view = state.cppcc.committees.find(c.id);
        if (view != state.cppcc.committees.end()) {
            for (const auto& k : view->second.committees)
                ui::text(k.name, "committee-" + std::to_string(k.id), ui::Tone::muted);
            for (const auto& s : view->second.seats)
                ui::text(t.format("cppcc.seat_line",
                                  {{"name", s.name},
                                   {"post", t.get(std::string("cppcc_post.") + to_string(s.post))},
                                   {"title", s.title}}),
                         "seat-" + n + "-" + std::to_string(s.member_id));
        }
        ui::input_text(ui::labelled(t.get("cppcc.new_committee"), "new-committee-" + n),
                       ui.new_committee[c.id], allowed ? 0 : ImGuiInputTextFlags_ReadOnly);
        if (ui::button(ui::labelled(t.get("cppcc.add_committee"), "add-committee-" + n),
                       ui::ButtonKind::secondary, !allowed || state.submitting))
            intents.push_back(CppccIntent{client::CreateSpecialCommittee{c.id, ui.new_committee[c.id]}});
        // The seat form.
        ui::input_text(ui::labelled(t.get("cppcc.seat_member"), "seat-member-" + n),
                       ui.seat_member[c.id], ImGuiInputTextFlags_CharsDecimal);
        std::string& post = ui.seat_post[c.id];
        if (post.empty()) post = "member";
        float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
        bool first = true;
        for (CppccPost p : {CppccPost::chair, CppccPost::vice_chair, CppccPost::member,
                            CppccPost::secretariat}) {
            std::string label = ui::labelled(t.get(std::string("cppcc_post.") + to_string(p)),
                                             "seat-post-" + n + "-" + to_string(p));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, post == to_string(p))) post = to_string(p);
        }
        if (view != state.cppcc.committees.end()) {
            Id& picked = ui.seat_committee[c.id];
            first = true;
            for (const auto& k : view->second.committees) {
                std::string label = ui::labelled(k.name, "seat-committee-" + n + "-" + std::to_string(k.id));
                ui::flow(ui::button_width(label), right, first);
                first = false;
                if (ui::choice(label, picked == k.id)) picked = picked == k.id ? 0 : k.id;
            }
        }
        ui::input_text(ui::labelled(t.get("cppcc.seat_title"), "seat-title-" + n), ui.seat_title[c.id]);
        if (ui::button(ui::labelled(t.get("cppcc.seat_submit"), "seat-submit-" + n),
                       ui::ButtonKind::primary, !allowed || state.submitting))
            intents.push_back(CppccIntent{client::SeatCppccMember{
                c.id, ui.seat_member[c.id], post, ui.seat_committee[c.id], ui.seat_title[c.id]}});
        ui::end_card(card);
    }
    ui::input_text(ui::labelled(t.get("cppcc.new_cppcc"), "new-cppcc-" + sn), ui.new_cppcc[st.id],
                   allowed ? 0 : ImGuiInputTextFlags_ReadOnly);
    if (ui::button(ui::labelled(t.get("cppcc.add_cppcc"), "add-cppcc-" + sn),
                   ui::ButtonKind::secondary, !allowed || state.submitting))
        intents.push_back(CppccIntent{client::CreateCppcc{st.id, ui.new_cppcc[st.id]}});
}

}  // namespace yishi::web
