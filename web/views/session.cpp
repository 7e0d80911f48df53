// #/session/N: the convenor's console — agenda from the period's list, notice, open, sign-in
// with who is missing, a quorum meter, each item's ballot opened and closed with live votes
// cast, the tally and outcome — and for members: 签到 and a way to each open ballot.
#include <algorithm>
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"
#include "yishi/text.hpp"

namespace yishi::web {

namespace {

const BallotView* ballot_for(const SessionView& v, Id issue_id) {
    for (const auto& b : v.ballots)
        if (b.issue_id == issue_id) return &b;
    return nullptr;
}

// present / electorate with the quorum line: green once met.
void quorum_meter(const ClientState& state, const SessionView& v) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    const auto& q = v.quorum;
    ui::text(t.format("session.quorum", {{"present", std::to_string(q.present)},
                                         {"electorate", std::to_string(q.electorate)},
                                         {"missing", std::to_string(std::max<std::int64_t>(
                                                         0, q.electorate - q.present))}}),
             "quorum");
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float w = ui::avail_width(), h = 22;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), c.page, 6);
    float filled = q.electorate > 0 ? w * float(q.present) / float(q.electorate) : 0;
    dl->AddRectFilled(pos, ImVec2(pos.x + filled, pos.y + h), q.met ? c.yes : c.abstain, 6);
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), c.border, 6);
    if (q.rule.share.share.den > 0) {
        float x = pos.x + w * float(q.rule.share.share.num) / float(q.rule.share.share.den);
        dl->AddLine(ImVec2(x, pos.y - 4), ImVec2(x, pos.y + h + 4), c.line, 2.5f);
    }
    ImGui::Dummy(ImVec2(w, h));
    ui::text(t.get(q.met ? "session.quorum_met" : "session.quorum_not_met"), "quorum-state",
             q.met ? ui::Tone::success : ui::Tone::error);
}

// Who has not signed in yet, each with 代为签到 for members who came without a phone.
void missing_members(const ClientState& state, const SessionView& v, Intents& intents) {
    const auto& t = state.strings;
    ui::text(t.get("session.missing_members"), "missing-members", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& m : state.flow.members) {
        if (!m.voting) continue;
        bool present = std::any_of(v.signed_in.begin(), v.signed_in.end(),
                                   [&](const Attendee& a) { return a.member_id == m.id; });
        if (present) continue;
        std::string label = ui::labelled(t.format("session.sign_in_for", {{"name", m.name}}),
                                         "sign-in-for-" + std::to_string(m.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::button(label, ui::ButtonKind::secondary, state.submitting))
            intents.push_back(client::SignInMember{v.session.id, m.id});
    }
    if (first) ui::text(t.get("session.nobody_missing"), "nobody-missing", ui::Tone::success);
}

void agenda_builder(const ClientState& state, const SessionView& v, SessionUi& ui,
                    Intents& intents) {
    const auto& t = state.strings;
    ui::text(t.get("session.build_agenda"), "build-agenda");
    int listed = 0;
    for (const auto& issue : state.issues) {
        if (issue.stage != IssueStage::listed) continue;
        ++listed;
        bool picked = std::find(ui.agenda.begin(), ui.agenda.end(), issue.id) != ui.agenda.end();
        if (ui::toggle(ui::labelled(issue.title, "pick-" + std::to_string(issue.id)), picked)) {
            if (picked) ui.agenda.erase(std::find(ui.agenda.begin(), ui.agenda.end(), issue.id));
            else ui.agenda.push_back(issue.id);
        }
    }
    if (listed == 0) ui::text(t.get("session.nothing_listed"), "nothing-listed", ui::Tone::muted);
    ui::input_text(ui::labelled(t.get("session.override_reason"), "override-reason"),
                   ui.override_reason);
    if (ui::button(ui::labelled(t.get("session.publish_notice"), "publish-notice"),
                   ui::ButtonKind::primary, state.submitting || ui.agenda.empty()))
        intents.push_back(client::PublishSessionNotice{v.session.id, ui.agenda, ui.override_reason});
}

// Paper ballots (纸质票) are counted by two tellers, for yes/no and single choice by head.
bool tellers_allowed(const SessionUi& ui) {
    return (ui.method == "yes_no" || ui.method == "single") && ui.unit == "member";
}

void tellers_picker(const ClientState& state, SessionUi& ui) {
    const auto& t = state.strings;
    ui::text(t.get("session.tellers"), "tellers-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& m : state.flow.members) {
        if (!m.voting) continue;
        std::string label = ui::labelled(m.name, "teller-" + std::to_string(m.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        auto at = std::find(ui.tellers.begin(), ui.tellers.end(), m.id);
        bool picked = at != ui.tellers.end();
        if (ui::toggle(label, picked)) {
            if (picked) ui.tellers.erase(at);
            else if (ui.tellers.size() < 2) ui.tellers.push_back(m.id);
        }
    }
}

// How the next ballot is held: its method, options (one per line), who counts, tellers for
// paper ballots, and secrecy.
void ballot_form(const ClientState& state, SessionUi& ui) {
    const auto& t = state.strings;
    static constexpr const char* kMethods[] = {"yes_no", "single", "approval", "schulze", "irv",
                                               "budget"};
    ui::text(t.get("session.method"), "method-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    for (std::size_t i = 0; i < std::size(kMethods); ++i) {
        std::string label = ui::labelled(t.get(std::string("method.") + kMethods[i]),
                                         std::string("method-") + kMethods[i]);
        ui::flow(ui::button_width(label), right, i == 0);
        if (ui::choice(label, ui.method == kMethods[i])) ui.method = kMethods[i];
    }
    if (ui.method != "yes_no") {
        float h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
        bool budget = ui.method == "budget";
        ui::input_multiline(ui::labelled(t.get(budget ? "session.budget_options" : "session.options"),
                                         "ballot-options"),
                            ui.options, h);
        if (budget) ui::input_text(ui::labelled(t.get("session.budget"), "ballot-budget"), ui.budget);
    }
    if (ui.method == "approval")
        ui::input_text(ui::labelled(t.get("session.max_choices"), "ballot-max-choices"),
                       ui.max_choices);
    // Who counts: each member, each household (户), or owners by floor area (yes/no only).
    if (ui.unit == "owners" && ui.method != "yes_no") ui.unit = "member";
    ui::text(t.get("session.unit"), "unit-label", ui::Tone::muted);
    right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const char* unit : {"member", "household", "owners"}) {
        if (std::string(unit) == "owners" && ui.method != "yes_no") continue;
        std::string label = ui::labelled(t.get(std::string("unit.") + unit),
                                         std::string("unit-") + unit);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.unit == unit)) ui.unit = unit;
    }
    if (tellers_allowed(ui)) tellers_picker(state, ui);
    // 投票截止时间, optional: typed like a session's start, in local time.
    ui::input_text(ui::labelled(t.get("ballot_deadline.input"), "ballot-closes-at"), ui.closes_at);
    if (ui::toggle(ui::labelled(t.get("session.secret"), "ballot-secret"), ui.secret))
        ui.secret = !ui.secret;
    if (!ui.secret) return;
    // A receipt lets a voter check their ballot, and also prove it to whoever presses them.
    ui::text(t.get("session.receipts_help"), "receipts-help", ui::Tone::muted);
    right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    first = true;
    for (bool with : {true, false}) {
        std::string label =
            ui::labelled(t.get(with ? "session.receipts_with" : "session.receipts_without"),
                         with ? "receipts-with" : "receipts-without");
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.receipts == with)) ui.receipts = with;
    }
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + "\n") {
        if (c == '\n') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur += c;
        }
    }
    return out;
}

// With tellers: whether their paper counts agree yet, so the convenor knows closing will work.
void paper_status(const ClientState& state, const BallotView& b, const std::string& n) {
    if (b.tellers.empty()) return;
    const auto& t = state.strings;
    auto p = state.flow.paper_counts.find(b.id);
    if (p == state.flow.paper_counts.end()) return;
    const PaperCounts& pc = p->second;
    std::string differing;
    for (const auto& o : pc.differing) {
        bool yes_no = o == "yes" || o == "no" || o == "abstain";
        differing += (differing.empty() ? "" : "、") + (yes_no ? t.get("choice." + o) : o);
    }
    ui::text(pc.agreed            ? t.get("paper.agreed_short")
             : !differing.empty() ? t.format("paper.mismatch_short", {{"options", differing}})
                                  : t.format("paper.waiting_short",
                                             {{"n", std::to_string(pc.entries.size())}}),
             "paper-status-" + n,
             pc.agreed ? ui::Tone::success : differing.empty() ? ui::Tone::muted : ui::Tone::error);
}

void agenda_item(const ClientState& state, const SessionView& v, const AgendaItem& item,
                 const SessionUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(item.issue_id);
    ui::Card card;
    ui::begin_card(card, 16.0f);
    ui::text(item.title, "item-" + n);
    const BallotView* b = ballot_for(v, item.issue_id);
    bool convenor = state.is_convenor();
    if (!b) {
        ui::text(t.get("session.no_ballot"), "no-ballot-" + n, ui::Tone::muted);
        if (convenor && v.session.state == SessionState::open &&
            ui::button(ui::labelled(t.get("session.open_ballot"), "open-ballot-" + n),
                       ui::ButtonKind::primary, state.submitting))
            intents.push_back(client::OpenBallot{
                v.session.id, item.issue_id, ui.method, lines_of(ui.options), ui.secret,
                ui.budget, ui.unit, ui.max_choices,
                tellers_allowed(ui) ? ui.tellers : std::vector<Id>{}, ui.receipts,
                ui.closes_at});
    } else if (b->state == BallotState::open) {
        // Live: how many of the roll have voted, refreshed every second; never how.
        ui::text(t.format("ballot.progress", {{"n", std::to_string(b->votes_cast)},
                                              {"of", std::to_string(b->roll.size())}}),
                 "votes-cast-" + n);
        ui::set_aria("progressbar");
        if (b->closes_at != 0)
            ui::text(client::ballot_deadline_text(t, b->closes_at), "ballot-closes-" + n,
                     ui::Tone::muted);
        if (ui::button(ui::labelled(t.get("session.to_ballot"), "to-ballot-" + n),
                       ui::ButtonKind::primary))
            intents.push_back(client::Navigate{client::Route{client::Page::ballot, b->id, {}}, false});
        paper_status(state, *b, n);
        if (convenor) {
            ImGui::SameLine();
            if (ui::button(ui::labelled(t.get("session.close_ballot"), "close-ballot-" + n),
                           ui::ButtonKind::secondary, state.submitting))
                intents.push_back(client::CloseBallot{b->id});
        }
    } else {
        if (b->options.empty()) draw_tally_chart(state, *b);
        if (ui::button(ui::labelled(t.get("session.to_result"), "to-result-" + n),
                       ui::ButtonKind::quiet))
            intents.push_back(client::Navigate{client::Route{client::Page::ballot, b->id, {}}, false});
    }
    ui::end_card(card);
}

// A planned session whose start passed before its notice went out: re-time or cancel it.
void overdue_actions(const ClientState& state, const Session& s, SessionUi& ui,
                     Intents& intents) {
    const auto& t = state.strings;
    ui::text(t.get("session.notice_overdue"), "notice-overdue", ui::Tone::error);
    ui::input_text(ui::labelled(t.get("session.new_start"), "new-start"), ui.new_start);
    std::int64_t at = client::parse_local_date_time(ui.new_start);
    if (ui::button(ui::labelled(t.get("session.retime"), "retime-session"),
                   ui::ButtonKind::primary, state.submitting || at == 0))
        intents.push_back(client::RetimeSession{s.id, at});
    ui::input_text(ui::labelled(t.get("session.cancel_reason"), "cancel-reason"), ui.cancel_reason);
    if (ui::button(ui::labelled(t.get("session.cancel"), "cancel-session"),
                   ui::ButtonKind::secondary, state.submitting || trim(ui.cancel_reason).empty()))
        intents.push_back(client::CancelSession{s.id, ui.cancel_reason});
}

}  // namespace

void draw_session(const ClientState& state, SessionUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    if (ui::button(ui::labelled(t.get("raise.back"), "back"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::sessions}, false});
    const SessionView* v = state.find_session(state.route.id);
    if (!v) {
        ui::text(state.loading() ? t.get("app.loading") : t.get("session.missing"),
                 "session-missing", ui::Tone::muted);
        return;
    }
    const Session& s = v->session;
    const bool convenor = state.is_convenor();
    ui::Card head;
    ui::begin_card(head, 20.0f);
    ui::heading(t.format("sessions.item", {{"kind", t.get(std::string("session_kind.") + to_string(s.kind))},
                                           {"date", client::local_date_time(s.starts_at)}}),
                "session-title");
    bool live = s.state == SessionState::open;
    ui::badge(t.get(session_state_key(s.state)), "session-state", live ? c.collecting_bg : c.listed_bg,
              live ? c.collecting_text : c.listed_text);
    if (!s.notice_override_reason.empty())
        ui::text(t.format("session.override_shown", {{"reason", s.notice_override_reason}}),
                 "override-shown", ui::Tone::muted);
    if (convenor && s.state == SessionState::noticed &&
        ui::button(ui::labelled(t.get("session.open"), "open-session"), ui::ButtonKind::primary,
                   state.submitting))
        intents.push_back(client::SessionStep{s.id, "open"});
    if (convenor && s.state == SessionState::open &&
        ui::button(ui::labelled(t.get("session.close"), "close-session"),
                   ui::ButtonKind::secondary, state.submitting))
        intents.push_back(client::OpenModal{"confirm-close"});
    if (s.state == SessionState::cancelled)
        ui::text(t.format("session.cancelled_shown", {{"reason", s.cancel_reason}}),
                 "cancelled-shown", ui::Tone::error);
    if (convenor && notice_overdue(s, std::time(nullptr))) overdue_actions(state, s, ui, intents);
    // 会议纪要: the closed session's minutes as a printed PDF.
    if (s.state == SessionState::closed &&
        ui::button(ui::labelled(t.get("files.minutes"), "download-minutes"),
                   ui::ButtonKind::secondary, state.loading())) {
        const std::string sid = std::to_string(s.id);
        intents.push_back(client::FollowIntent{client::DownloadFile{
            "/api/sessions/" + sid + "/minutes.pdf", t.format("files.minutes_file", {{"id", sid}}),
            "application/pdf"}});
    }
    ui::end_card(head);
    confirm_close_session(state, *v, intents);

    if (s.state == SessionState::open || s.state == SessionState::closed) {
        ui::Card attend;
        ui::begin_card(attend, 20.0f);
        quorum_meter(state, *v);
        if (client::signed_in(state, *v)) {
            ui::text(t.get("session.you_signed_in"), "you-signed-in", ui::Tone::success);
        } else if (!client::sign_in_refusal(state, *v)) {
            if (ui::button(ui::labelled(t.get("session.sign_in"), "sign-in"),
                           ui::ButtonKind::primary, state.submitting, ui::avail_width()))
                intents.push_back(client::SessionStep{s.id, "sign-in"});
        }
        if (convenor && s.state == SessionState::open) missing_members(state, *v, intents);
        std::string names;
        for (const auto& a : v->signed_in) names += (names.empty() ? "" : "、") + a.name;
        ui::text(t.format("session.attendees", {{"names", names.empty() ? "—" : names}}),
                 "attendees", ui::Tone::muted);
        ui::end_card(attend);
    }

    ui::heading(t.get("session.agenda"), "agenda-title");
    if (s.state == SessionState::planned) {
        if (convenor) {
            ui::Card build;
            ui::begin_card(build, 20.0f);
            agenda_builder(state, *v, ui, intents);
            ui::end_card(build);
        } else {
            ui::text(t.get("session.not_noticed"), "not-noticed", ui::Tone::muted);
        }
    }
    if (convenor && s.state == SessionState::open) {
        ui::Card form;
        ui::begin_card(form, 20.0f);
        ballot_form(state, ui);
        ui::end_card(form);
    }
    for (const auto& item : s.agenda) agenda_item(state, *v, item, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
