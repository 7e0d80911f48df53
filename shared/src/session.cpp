// Session transitions: demand, plan, notice, open, sign-in, close; and who counts as present.
#include "yishi/session.hpp"

#include <algorithm>

#include "yishi/issue_flow.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {
bool contains(const std::vector<Id>& v, Id id) {
    return std::find(v.begin(), v.end(), id) != v.end();
}
}  // namespace

const char* to_string(SessionKind k) {
    return k == SessionKind::regular ? "regular" : "extraordinary";
}

const char* to_string(SessionState s) {
    switch (s) {
        case SessionState::planned: return "planned";
        case SessionState::noticed: return "noticed";
        case SessionState::open: return "open";
        case SessionState::closed: return "closed";
        case SessionState::cancelled: return "cancelled";
    }
    return "planned";
}

Check may_demand_session(const Actor& actor, const SessionDemand& d) {
    if (!actor.member || !actor.voting) return make_error("forbidden");
    if (contains(d.members, actor.member_id)) return make_error("already_demanded");
    return std::nullopt;
}

Result<SessionDemand> demand_session(const Actor& actor, const SessionDemand& d) {
    if (auto e = may_demand_session(actor, d)) return *e;
    SessionDemand next = d;
    next.members.push_back(actor.member_id);
    return next;
}

bool demand_sufficient(const CouncilRules& rules, const SessionDemand& d,
                       std::int64_t voting_members) {
    return meets(rules.demand, static_cast<std::int64_t>(d.members.size()), voting_members);
}

Check may_plan_session(const Actor& actor, const CouncilRules& rules, SessionKind kind,
                       const SessionDemand* demand, std::int64_t voting_members) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (kind == SessionKind::extraordinary &&
        (!demand || !demand_sufficient(rules, *demand, voting_members)))
        return make_error("demand_insufficient");
    return std::nullopt;
}

Result<Session> plan_session(const Actor& actor, const CouncilRules& rules, Id council_id,
                             SessionKind kind, std::int64_t starts_at,
                             const SessionDemand* demand, std::int64_t voting_members,
                             std::int64_t now) {
    if (auto e = may_plan_session(actor, rules, kind, demand, voting_members)) return *e;
    if (starts_at <= now) return make_error("bad_time", "starts_at");
    Session s;
    s.council_id = council_id;
    s.kind = kind;
    s.starts_at = starts_at;
    return s;
}

Result<AgendaItem> agenda_item(const Issue& issue, const Session& s, bool special_matter) {
    if (issue.council_id != s.council_id) return make_error("bad_id", "issue_id");
    if (issue.stage != IssueStage::listed) return make_error("wrong_stage");
    return AgendaItem{issue.id, issue.title, special_matter};
}

Check may_publish_notice(const Actor& actor, const Session& s) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (s.state != SessionState::planned) return make_error("wrong_session_state");
    return std::nullopt;
}

Result<Session> publish_notice(const Actor& actor, const CouncilRules& rules, const Session& s,
                               const std::vector<AgendaItem>& agenda, std::int64_t now,
                               const std::string& override_reason) {
    if (auto e = may_publish_notice(actor, s)) return *e;
    if (agenda.empty()) return make_error("empty_agenda");
    for (std::size_t i = 0; i < agenda.size(); ++i)
        for (std::size_t j = i + 1; j < agenda.size(); ++j)
            if (agenda[i].issue_id == agenda[j].issue_id) return make_error("bad_id", "issue_id");
    if (now >= s.starts_at) return make_error("bad_time", "starts_at");
    Session next = s;
    bool short_notice = s.starts_at - now < static_cast<std::int64_t>(rules.notice_days) * kSecondsPerDay;
    if (short_notice) {
        // Members must have time to read the agenda; only a written reason excuses less.
        if (trim(override_reason).empty()) return make_error("notice_too_short");
        auto why = validate_text(override_reason, "reason", kReasonMaxChars);
        if (!why) return why.error();
        next.notice_override_reason = why.value();
    }
    next.agenda = agenda;
    next.noticed_at = now;
    next.state = SessionState::noticed;
    return next;
}

Result<Issue> schedule_issue(const Issue& issue, const Session& s) {
    if (s.state == SessionState::planned || !on_agenda(s, issue.id))
        return make_error("not_on_agenda");
    if (issue.stage != IssueStage::listed) return make_error("wrong_stage");
    Issue next = issue;
    next.stage = IssueStage::scheduled;
    return next;
}

Check may_open_session(const Actor& actor, const Session& s, std::int64_t now) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (s.state != SessionState::noticed) return make_error("wrong_session_state");
    if (now < s.starts_at) return make_error("too_early");
    return std::nullopt;
}

Result<Session> open_session(const Actor& actor, const Session& s, std::int64_t now) {
    if (auto e = may_open_session(actor, s, now)) return *e;
    Session next = s;
    next.state = SessionState::open;
    next.opened_at = now;
    return next;
}

Check may_sign_in(const Actor& actor, const Session& s) {
    if (!actor.member || !actor.voting) return make_error("forbidden");
    if (s.state != SessionState::open) return make_error("wrong_session_state");
    if (contains(s.signed_in, actor.member_id)) return make_error("already_signed_in");
    return std::nullopt;
}

Result<Session> sign_in(const Actor& actor, const Session& s) {
    if (auto e = may_sign_in(actor, s)) return *e;
    Session next = s;
    next.signed_in.push_back(actor.member_id);
    return next;
}

Check may_sign_in_for(const Actor& convenor, const Actor& member, const Session& s) {
    if (!convenor.member) return make_error("forbidden");
    if (!convenes(convenor)) return make_error("not_convenor");
    if (!member.member || !member.voting) return make_error("bad_id", "member_id");
    return may_sign_in(member, s);
}

Result<Session> sign_in_for(const Actor& convenor, const Actor& member, const Session& s) {
    if (auto e = may_sign_in_for(convenor, member, s)) return *e;
    Session next = s;
    next.signed_in.push_back(member.member_id);
    return next;
}

Check may_close_session(const Actor& actor, const Session& s, bool any_ballot_open) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (s.state != SessionState::open) return make_error("wrong_session_state");
    if (any_ballot_open) return make_error("ballot_still_open");
    return std::nullopt;
}

Result<Session> close_session(const Actor& actor, const CouncilRules& rules, const Session& s,
                              const std::vector<Voter>& electorate, bool any_ballot_open,
                              const std::vector<Id>& balloted, std::int64_t now) {
    if (auto e = may_close_session(actor, s, any_ballot_open)) return *e;
    Session next = s;
    next.quorum_at_close = quorum_status(rules, s, electorate);
    next.returned_to_list = unballoted_items(s, balloted);
    next.state = SessionState::closed;
    next.closed_at = now;
    return next;
}

std::vector<Voter> present_voters(const Session& s, const std::vector<Voter>& electorate) {
    std::vector<Voter> out;
    for (const auto& v : electorate)
        if (contains(s.signed_in, v.member_id)) out.push_back(v);
    return out;
}

bool session_quorum(const CouncilRules& rules, const Session& s,
                    const std::vector<Voter>& electorate) {
    return quorum_met(rules.quorum, count(present_voters(s, electorate)), count(electorate));
}

std::vector<AgendaItem> unballoted_items(const Session& s, const std::vector<Id>& balloted) {
    std::vector<AgendaItem> out;
    for (const auto& a : s.agenda)
        if (!contains(balloted, a.issue_id)) out.push_back(a);
    return out;
}

Result<Issue> return_to_list(const Issue& issue, const Session& closed) {
    if (closed.state != SessionState::closed || !on_agenda(closed, issue.id))
        return make_error("not_on_agenda");
    if (issue.stage != IssueStage::scheduled) return make_error("wrong_stage");
    Issue next = issue;
    next.stage = IssueStage::listed;
    return next;
}

Check may_change_planned_session(const Actor& actor, const Session& s) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (s.state != SessionState::planned) return make_error("wrong_session_state");
    return std::nullopt;
}

Result<Session> cancel_session(const Actor& actor, const Session& s, const std::string& reason,
                               std::int64_t now) {
    if (auto e = may_change_planned_session(actor, s)) return *e;
    // Members read why their meeting will not take place: a reason is required.
    auto why = validate_text(reason, "reason", kReasonMaxChars, TextLines::one);
    if (!why) return why.error();
    Session next = s;
    next.state = SessionState::cancelled;
    next.cancel_reason = why.value();
    next.cancelled_at = now;
    return next;
}

Result<Session> retime_session(const Actor& actor, const Session& s, std::int64_t starts_at,
                               std::int64_t now) {
    if (auto e = may_change_planned_session(actor, s)) return *e;
    if (starts_at <= now) return make_error("bad_time", "starts_at");
    Session next = s;
    next.starts_at = starts_at;
    return next;
}

bool notice_overdue(const Session& s, std::int64_t now) {
    return s.state == SessionState::planned && now >= s.starts_at;
}

QuorumStatus quorum_status(const CouncilRules& rules, const Session& s,
                           const std::vector<Voter>& electorate) {
    if (s.state == SessionState::closed && s.quorum_at_close) return *s.quorum_at_close;
    return {session_quorum(rules, s, electorate),
            static_cast<std::int64_t>(present_voters(s, electorate).size()),
            static_cast<std::int64_t>(electorate.size()), rules.quorum};
}

bool on_agenda(const Session& s, Id issue_id) {
    for (const auto& a : s.agenda)
        if (a.issue_id == issue_id) return true;
    return false;
}

}  // namespace yishi
