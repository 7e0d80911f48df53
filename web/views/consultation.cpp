// #/consultation/N: one consultation in tabs following its stages — topic and plan, research,
// the meeting, the outcome — each with the forms of who may act (greyed out, with the core's
// reason, for others). Handling and the published figures are in consultation_handling.cpp.
#include <algorithm>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/cppcc.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

using client::Act;
using client::CppccIntent;

namespace {

struct Tab {
    const char* name;
    const char* key;
};
constexpr Tab kTabs[] = {{"topic", "cppcc.tab_topic"},
                         {"research", "cppcc.tab_research"},
                         {"meeting", "cppcc.tab_meeting"},
                         {"outcome", "cppcc.tab_outcome"},
                         {"handling", "cppcc.tab_handling"}};

std::string default_tab(ConsultationStage s) {
    switch (s) {
        case ConsultationStage::proposed:
        case ConsultationStage::planned: return "topic";
        case ConsultationStage::researching: return "research";
        case ConsultationStage::meeting: return "meeting";
        case ConsultationStage::concluded: return "outcome";
        default: return "handling";
    }
}

float text_box_height(int lines) {
    return ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2;
}

// Says why the form below is refused, and returns whether it is allowed.
bool allowed(const ClientState& state, const ConsultationView& v, Act act, const std::string& id) {
    Check refusal = client::act_refusal(state, v, act);
    if (refusal) ui::text(refusal->message, id, ui::Tone::muted);
    return !refusal;
}

void toggle(std::vector<Id>& ids, Id id) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end()) ids.push_back(id);
    else ids.erase(it);
}

bool has(const std::vector<Id>& ids, Id id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const CppccView* committee_of(const ClientState& state, const ConsultationView& v) {
    auto it = state.cppcc.committees.find(v.consultation.cppcc_id);
    return it == state.cppcc.committees.end() ? nullptr : &it->second;
}

std::string participant_name(const Consultation& c, Id id) {
    if (c.meeting)
        for (const auto& p : c.meeting->participants)
            if (p.id == id) return p.name;
    return "#" + std::to_string(id);
}

void topic_tab(const ClientState& state, const ConsultationView& v, ConsultationUi& ui,
               Intents& intents) {
    const auto& t = state.strings;
    const Consultation& c = v.consultation;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    if (!c.body.empty()) ui::text(c.body, "consultation-body");
    if (c.proposed_by != 0)
        ui::text(t.format("cppcc.proposed_by", {{"name", person_name(v, c.proposed_by)}}),
                 "proposed-by", ui::Tone::muted);
    if (c.issue_id != 0) {
        ui::text(t.format("cppcc.from_issue", {{"title", v.issue_title}}), "from-issue",
                 ui::Tone::muted);
        if (ui::button(ui::labelled(t.get("cppcc.open_issue"), "open-issue"), ui::ButtonKind::quiet))
            intents.push_back(client::Navigate{client::Route{client::Page::issue, c.issue_id, {}}, false});
    }
    if (c.plan_year != 0)
        ui::text(t.format("cppcc.planned_line", {{"year", std::to_string(c.plan_year)},
                                                 {"committee", v.committee_name},
                                                 {"vice_chair", person_name(v, c.lead_vice_chair_id)}}),
                 "plan-line");
    ui::end_card(card);

    // The plan form: year, special committee, leading vice-chair.
    const CppccView* k = committee_of(state, v);
    ui::Card form;
    ui::begin_card(form, 20.0f);
    ui::heading(t.get("cppcc.plan_form"), "plan-form");
    bool ok = allowed(state, v, Act::plan, "plan-refusal");
    ui::input_text(ui::labelled(t.get("cppcc.year"), "plan-year"), ui.year,
                   ImGuiInputTextFlags_CharsDecimal | (ok ? 0 : ImGuiInputTextFlags_ReadOnly));
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    if (k) {
        ui::text(t.get("cppcc.committee"), "plan-committee-label", ui::Tone::muted);
        bool first = true;
        for (const auto& n : k->committees) {
            std::string label = ui::labelled(n.name, "plan-committee-" + std::to_string(n.id));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, ui.committee == n.id)) ui.committee = n.id;
        }
        ui::text(t.get("cppcc.vice_chair"), "plan-vice-label", ui::Tone::muted);
        first = true;
        for (const auto& s : k->seats) {
            if (s.post != CppccPost::vice_chair && s.post != CppccPost::chair) continue;
            std::string label = ui::labelled(s.name, "plan-vice-" + std::to_string(s.member_id));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, ui.vice_chair == s.member_id)) ui.vice_chair = s.member_id;
        }
    }
    if (ui::button(ui::labelled(t.get("cppcc.plan_submit"), "plan-submit"), ui::ButtonKind::primary,
                   !ok || state.submitting))
        intents.push_back(CppccIntent{client::PlanTopic{c.id, ui.year, ui.committee, ui.vice_chair}});
    ui::end_card(form);
}

void research_tab(const ClientState& state, const ConsultationView& v, ConsultationUi& ui,
                  Intents& intents) {
    const auto& t = state.strings;
    const Consultation& c = v.consultation;
    // The research group.
    ui::Card group;
    ui::begin_card(group, 20.0f);
    ui::heading(t.get("cppcc.group"), "group-title");
    std::string names;
    for (const auto& m : c.research_group)
        names += (names.empty() ? "" : "、") + m.name + (m.lead ? t.get("cppcc.lead_mark") : "");
    ui::text(names.empty() ? t.get("cppcc.no_group") : names, "group-line");
    if (const CppccView* k = committee_of(state, v); k && !client::act_refusal(state, v, Act::research_group)) {
        float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
        bool first = true;
        for (const auto& s : k->seats) {
            std::string label = ui::labelled(s.name, "group-" + std::to_string(s.member_id));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, has(ui.group, s.member_id))) toggle(ui.group, s.member_id);
        }
        ui::text(t.get("cppcc.group_lead"), "group-lead-label", ui::Tone::muted);
        first = true;
        for (Id id : ui.group) {
            std::string label = ui::labelled(person_name(v, id).empty() ? "#" + std::to_string(id)
                                                                        : person_name(v, id),
                                             "lead-" + std::to_string(id));
            for (const auto& s : k->seats)
                if (s.member_id == id) label = ui::labelled(s.name, "lead-" + std::to_string(id));
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::choice(label, ui.lead == id)) ui.lead = id;
        }
        if (ui::button(ui::labelled(t.get("cppcc.group_submit"), "group-submit"),
                       ui::ButtonKind::secondary, state.submitting))
            intents.push_back(CppccIntent{client::SetResearchGroup{c.id, ui.group, ui.lead}});
    }
    ui::end_card(group);

    // Field visits.
    ui::heading(t.get("cppcc.visits"), "visits-title");
    if (c.visits.empty()) ui::text(t.get("cppcc.no_visits"), "no-visits", ui::Tone::muted);
    for (std::size_t i = 0; i < c.visits.size(); ++i) {
        const auto& x = c.visits[i];
        std::string line = x.visited_on + " · " + x.place + "：" + x.notes;
        if (!x.attachment.empty()) line += t.format("cppcc.attachment", {{"text", x.attachment}});
        ui::text(line, "visit-" + std::to_string(x.id));
    }
    ui::Card vf;
    ui::begin_card(vf, 20.0f);
    bool ok = allowed(state, v, Act::visit, "visit-refusal");
    int ro = ok ? 0 : ImGuiInputTextFlags_ReadOnly;
    ui::input_text(ui::labelled(t.get("cppcc.visit_date"), "visit-date"), ui.visit_date, ro);
    ui::input_text(ui::labelled(t.get("cppcc.visit_place"), "visit-place"), ui.visit_place, ro);
    ui::input_multiline(ui::labelled(t.get("cppcc.visit_notes"), "visit-notes"), ui.visit_notes,
                        text_box_height(3));
    ui::input_text(ui::labelled(t.get("cppcc.visit_attachment"), "visit-attachment"),
                   ui.visit_attachment, ro);
    if (ui::button(ui::labelled(t.get("cppcc.visit_submit"), "visit-submit"),
                   ui::ButtonKind::primary, !ok || state.submitting))
        intents.push_back(CppccIntent{client::AddVisit{
            c.id, VisitDraft{ui.visit_date, ui.visit_place, ui.visit_notes, ui.visit_attachment}}});
    ui::end_card(vf);

    // The research report, section by section.
    ui::heading(t.get("cppcc.report"), "report-title");
    if (c.report.empty()) ui::text(t.get("cppcc.no_report"), "no-report", ui::Tone::muted);
    for (const auto& s : c.report) {
        ui::text(s.heading, "section-head-" + std::to_string(s.id));
        ui::text(s.body, "section-body-" + std::to_string(s.id), ui::Tone::muted);
    }
    ui::Card sf;
    ui::begin_card(sf, 20.0f);
    ok = allowed(state, v, Act::section, "section-refusal");
    ui::input_text(ui::labelled(t.get("cppcc.section_heading"), "section-heading"),
                   ui.section_heading, ok ? 0 : ImGuiInputTextFlags_ReadOnly);
    ui::input_multiline(ui::labelled(t.get("cppcc.section_body"), "section-body"), ui.section_body,
                        text_box_height(5));
    if (ui::button(ui::labelled(t.get("cppcc.section_submit"), "section-submit"),
                   ui::ButtonKind::primary, !ok || state.submitting))
        intents.push_back(CppccIntent{client::AddSection{c.id, ui.section_heading, ui.section_body}});
    ui::end_card(sf);
}

void meeting_tab(const ClientState& state, const ConsultationView& v, ConsultationUi& ui,
                 Intents& intents) {
    const auto& t = state.strings;
    const Consultation& c = v.consultation;
    ui::Card head;
    ui::begin_card(head, 20.0f);
    if (c.meeting)
        ui::text(t.format("cppcc.meeting_line", {{"date", c.meeting->held_on},
                                                 {"place", c.meeting->place},
                                                 {"chair", c.meeting->chair}}),
                 "meeting-line");
    else
        ui::text(t.get("cppcc.no_meeting"), "meeting-line", ui::Tone::muted);
    if (c.meeting && c.meeting->closed) ui::text(t.get("cppcc.meeting_closed"), "meeting-closed", ui::Tone::success);
    if (!client::act_refusal(state, v, Act::meeting)) {
        ui::input_text(ui::labelled(t.get("cppcc.meeting_date"), "meeting-date"), ui.meeting_date);
        ui::input_text(ui::labelled(t.get("cppcc.meeting_place"), "meeting-place"), ui.meeting_place);
        ui::input_text(ui::labelled(t.get("cppcc.meeting_chair"), "meeting-chair"), ui.meeting_chair);
        if (ui::button(ui::labelled(t.get("cppcc.meeting_submit"), "meeting-submit"),
                       ui::ButtonKind::primary, state.submitting))
            intents.push_back(CppccIntent{client::ScheduleMeeting{
                c.id, MeetingDraft{ui.meeting_date, ui.meeting_place, ui.meeting_chair}}});
    }
    ui::end_card(head);
    if (!c.meeting) return;

    ui::heading(t.get("cppcc.participants"), "participants-title");
    for (const auto& p : c.meeting->participants)
        ui::text(t.format("cppcc.participant_line",
                          {{"name", p.name}, {"title", p.title}, {"affiliation", p.affiliation},
                           {"kind", t.get(std::string("participant_kind.") + to_string(p.kind))}}),
                 "participant-" + std::to_string(p.id));
    ui::Card pf;
    ui::begin_card(pf, 20.0f);
    bool ok = allowed(state, v, Act::participant, "participant-refusal");
    int ro = ok ? 0 : ImGuiInputTextFlags_ReadOnly;
    ui::input_text(ui::labelled(t.get("cppcc.p_name"), "participant-name"), ui.p_name, ro);
    ui::input_text(ui::labelled(t.get("cppcc.p_title"), "participant-title"), ui.p_title, ro);
    ui::input_text(ui::labelled(t.get("cppcc.p_affiliation"), "participant-affiliation"),
                   ui.p_affiliation, ro);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (ParticipantKind k : kParticipantKinds) {
        std::string label = ui::labelled(t.get(std::string("participant_kind.") + to_string(k)),
                                         std::string("participant-kind-") + to_string(k));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.p_kind == to_string(k))) ui.p_kind = to_string(k);
    }
    ui::input_text(ui::labelled(t.get("cppcc.p_member"), "participant-member"), ui.p_member,
                   ImGuiInputTextFlags_CharsDecimal | ro);
    if (ui::button(ui::labelled(t.get("cppcc.p_submit"), "participant-submit"),
                   ui::ButtonKind::primary, !ok || state.submitting))
        intents.push_back(CppccIntent{client::AddParticipant{c.id, ui.p_name, ui.p_title,
                                                            ui.p_affiliation, ui.p_kind,
                                                            ui.p_member}});
    ui::end_card(pf);

    // The order of business as recorded.
    ui::heading(t.get("cppcc.items"), "items-title");
    if (c.meeting->items.empty()) ui::text(t.get("cppcc.no_items"), "no-items", ui::Tone::muted);
    for (const auto& i : c.meeting->items)
        ui::text(t.format("cppcc.item_line",
                          {{"kind", t.get(std::string("item_kind.") + to_string(i.kind))},
                           {"speaker", participant_name(c, i.speaker_id)},
                           {"summary", i.summary}}),
                 "item-" + std::to_string(i.id));
    if (ui::button(ui::labelled(t.get("cppcc.open_record"), "open-record"), ui::ButtonKind::primary,
                   client::act_refusal(state, v, Act::record).has_value()))
        intents.push_back(client::Navigate{client::Route{client::Page::consultation_record, c.id, {}}, false});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("cppcc.close_meeting"), "close-meeting"),
                   ui::ButtonKind::secondary,
                   client::act_refusal(state, v, Act::close_meeting).has_value() || state.submitting))
        intents.push_back(CppccIntent{client::CloseMeeting{c.id}});
}

std::string sources_text(const ClientState& state, const ConsultationView& v,
                         const RecommendationView& r) {
    const Consultation& c = v.consultation;
    std::string out;
    for (Id id : r.item_ids)
        if (c.meeting)
            for (const auto& i : c.meeting->items)
                if (i.id == id)
                    out += (out.empty() ? "" : "；") +
                           state.strings.format("cppcc.source_item",
                                                {{"speaker", participant_name(c, i.speaker_id)},
                                                 {"summary", client::excerpt(i.summary, 20)}});
    for (Id id : r.section_ids)
        for (const auto& s : c.report)
            if (s.id == id)
                out += (out.empty() ? "" : "；") +
                       state.strings.format("cppcc.source_section", {{"heading", s.heading}});
    return out;
}

void outcome_tab(const ClientState& state, const ConsultationView& v, ConsultationUi& ui,
                 Intents& intents) {
    const auto& t = state.strings;
    const Consultation& c = v.consultation;
    ui::heading(t.get("cppcc.recommendations"), "recommendations-title");
    if (v.recommendations.empty()) ui::text(t.get("cppcc.no_recommendations"), "no-recommendations", ui::Tone::muted);
    int n = 0;
    for (const auto& r : v.recommendations) {
        const std::string k = std::to_string(r.id);
        ui::Card card;
        ui::begin_card(card, 14.0f);
        ui::text(std::to_string(++n) + ". " + r.text, "rec-" + k);
        std::string who;
        for (Id id : r.proposer_ids) who += (who.empty() ? "" : "、") + person_name(v, id);
        ui::text(t.format("cppcc.proposers", {{"names", who}}), "rec-proposers-" + k, ui::Tone::muted);
        ui::text(t.format("cppcc.sources", {{"sources", sources_text(state, v, r)}}),
                 "rec-sources-" + k, ui::Tone::muted);
        ui::end_card(card);
    }
    if (!client::act_refusal(state, v, Act::recommend)) {
        ui::Card form;
        ui::begin_card(form, 20.0f);
        ui::heading(t.get("cppcc.rec_form"), "rec-form");
        ui::input_multiline(ui::labelled(t.get("cppcc.rec_text"), "rec-text"), ui.rec_text,
                            text_box_height(3));
        float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
        if (const CppccView* k = committee_of(state, v)) {
            ui::text(t.get("cppcc.rec_proposers"), "rec-proposers-label", ui::Tone::muted);
            bool first = true;
            for (const auto& s : k->seats) {
                std::string label = ui::labelled(s.name, "rec-proposer-" + std::to_string(s.member_id));
                ui::flow(ui::button_width(label), right, first);
                first = false;
                if (ui::choice(label, has(ui.rec_proposers, s.member_id))) toggle(ui.rec_proposers, s.member_id);
            }
        }
        ui::text(t.get("cppcc.rec_items"), "rec-items-label", ui::Tone::muted);
        if (c.meeting)
            for (const auto& i : c.meeting->items) {
                std::string label = ui::labelled(
                    participant_name(c, i.speaker_id) + "：" + client::excerpt(i.summary, 16),
                    "rec-item-" + std::to_string(i.id));
                if (ui::choice(label, has(ui.rec_items, i.id))) toggle(ui.rec_items, i.id);
            }
        ui::text(t.get("cppcc.rec_sections"), "rec-sections-label", ui::Tone::muted);
        for (const auto& s : c.report) {
            std::string label = ui::labelled(client::excerpt(s.heading, 20), "rec-section-" + std::to_string(s.id));
            if (ui::choice(label, has(ui.rec_sections, s.id))) toggle(ui.rec_sections, s.id);
        }
        if (ui::button(ui::labelled(t.get("cppcc.rec_submit"), "rec-submit"), ui::ButtonKind::primary,
                       state.submitting))
            intents.push_back(CppccIntent{client::AddRecommendation{
                c.id, RecommendationDraft{ui.rec_text, ui.rec_proposers, ui.rec_items, ui.rec_sections}}});
        ui::end_card(form);
    }

    ui::heading(t.get("cppcc.sendings"), "sendings-title");
    if (c.sendings.empty()) ui::text(t.get("cppcc.no_sendings"), "no-sendings", ui::Tone::muted);
    for (const auto& s : c.sendings)
        ui::text(t.format("cppcc.sending_line", {{"recipient", s.recipient}, {"date", s.sent_on},
                                                 {"received_by", s.received_by}}),
                 "sending-" + std::to_string(s.id));
    ui::Card sf;
    ui::begin_card(sf, 20.0f);
    bool ok = allowed(state, v, Act::send, "send-refusal");
    int ro = ok ? 0 : ImGuiInputTextFlags_ReadOnly;
    ui::input_text(ui::labelled(t.get("cppcc.send_recipient"), "send-recipient"), ui.send_recipient, ro);
    ui::input_text(ui::labelled(t.get("cppcc.send_date"), "send-date"), ui.send_date, ro);
    ui::input_text(ui::labelled(t.get("cppcc.send_received_by"), "send-received-by"),
                   ui.send_received_by, ro);
    if (ui::button(ui::labelled(t.get("cppcc.send_submit"), "send-submit"), ui::ButtonKind::primary,
                   !ok || state.submitting))
        intents.push_back(CppccIntent{client::SendOutcome{
            c.id, SendingDraft{ui.send_recipient, ui.send_date, ui.send_received_by}}});
    if (ui::button(ui::labelled(t.get("cppcc.publish"), "publish"), ui::ButtonKind::secondary,
                   client::act_refusal(state, v, Act::publish).has_value() || state.submitting))
        intents.push_back(CppccIntent{client::PublishOutcome{c.id}});
    if (c.meeting && ui::button(ui::labelled(t.get("cppcc.print_record"), "print-record"),
                                ui::ButtonKind::secondary, state.pending > 0))
        intents.push_back(CppccIntent{client::PrintConsultation{c.id, false}});
    if (ui::button(ui::labelled(t.get("cppcc.print_outcome"), "print-outcome"),
                   ui::ButtonKind::secondary, state.pending > 0))
        intents.push_back(CppccIntent{client::PrintConsultation{c.id, true}});
    ui::end_card(sf);
}

}  // namespace

void draw_consultation(const ClientState& state, ConsultationUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const ConsultationView* v = state.find_consultation(state.route.id);
    if (!v)
        return ui::text(state.loading() ? t.get("app.loading") : t.get("cppcc.topic_missing"),
                        "consultation-missing", ui::Tone::muted);
    if (ui.writes_seen != state.writes_done) {  // an accepted act clears the forms
        ui.writes_seen = state.writes_done;
        std::string tab = ui.tab;
        ConsultationUi fresh;
        fresh.tab = tab;
        fresh.writes_seen = state.writes_done;
        ui = fresh;
    }
    const Consultation& c = v->consultation;
    if (ui::button(ui::labelled(v->cppcc_name.empty() ? t.get("raise.back") : v->cppcc_name, "back"),
                   ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::cppcc, c.cppcc_id, {}}, false});
    ui::heading(c.title, "consultation-title");
    const auto& colors = theme::colors();
    ui::badge(stage_name(state, c.stage), "consultation-stage", colors.listed_bg, colors.listed_text);
    ImGui::SameLine(0, 12);
    ImGui::AlignTextToFramePadding();
    ui::text(source_name(state, c.source), "consultation-source", ui::Tone::muted);

    std::string tab = ui.tab.empty() ? default_tab(c.stage) : ui.tab;
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const Tab& k : kTabs) {
        std::string label = ui::labelled(t.get(k.key), std::string("tab-") + k.name);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, tab == k.name)) ui.tab = k.name;
    }
    ImGui::Dummy(ImVec2(0, 4));
    if (tab == "topic") topic_tab(state, *v, ui, intents);
    else if (tab == "research") research_tab(state, *v, ui, intents);
    else if (tab == "meeting") meeting_tab(state, *v, ui, intents);
    else if (tab == "outcome") outcome_tab(state, *v, ui, intents);
    else draw_consultation_handling(state, *v, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
