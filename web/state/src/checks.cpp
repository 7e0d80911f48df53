// The client's checks: core objects rebuilt from the views, asked with the core's may_*.
#include "yishi/client/checks.hpp"

#include <algorithm>

#include "yishi/permissions.hpp"

namespace yishi::client {

namespace {

// The ballot as the core knows it: who may vote and who has (never how, while open).
Ballot core_ballot(const BallotView& v) {
    Ballot b;
    b.id = v.id;
    b.council_id = v.council_id;
    b.session_id = v.session_id;
    b.issue_id = v.issue_id;
    b.state = v.state;
    b.closes_at = v.closes_at;
    for (Id id : v.roll) b.roll.push_back(Voter{id, 0, 0});
    for (Id id : v.voted) b.votes.push_back(CastVote{id, Choice::abstain});
    return b;
}

}  // namespace

Task core_task(const TaskView& v) {
    Task t;
    t.id = v.id;
    t.council_id = v.council_id;
    t.issue_id = v.issue_id;
    t.ballot_id = v.ballot_id;
    t.recommendation_id = v.recommendation_id;
    t.raters = v.raters;
    t.adoption = v.adoption;
    t.position_reason = v.position_reason;
    t.responsible_unit = v.responsible_unit;
    t.responsible_member_id = v.responsible_member_id;
    t.due_at = v.due_at;
    t.created_at = v.created_at;
    t.state = v.state;
    for (const auto& r : v.replies) {
        TaskReply reply{r.by, r.text, r.at, {}};
        for (Id who : r.rated_by) reply.ratings.push_back({who, Rating::satisfied});
        t.replies.push_back(std::move(reply));
    }
    return t;
}

Check vote_refusal(const ClientState& state, const BallotView& ballot, std::int64_t now) {
    Actor actor = state.actor();
    if (!actor.member) return make_error("forbidden");
    if (auto r = state.flow.vote_refusals.find(ballot.id); r != state.flow.vote_refusals.end())
        return r->second;
    // An open ballot belongs to an open session (the server closes ballots before sessions).
    Session s;
    s.id = ballot.session_id;
    s.state = ballot.state == BallotState::open ? SessionState::open : SessionState::closed;
    return may_vote(actor, core_ballot(ballot), s, now);
}

Check sign_in_refusal(const ClientState& state, const SessionView& view) {
    Session s = view.session;
    s.signed_in.clear();
    for (const auto& a : view.signed_in) s.signed_in.push_back(a.member_id);
    return may_sign_in(state.actor(), s);
}

Check rate_refusal(const ClientState& state, const TaskView& task) {
    return may_rate_reply(state.actor(), core_task(task));
}

Check answer_refusal(const ClientState& state, const TaskView& task) {
    return may_answer_task(state.actor(), core_task(task));
}

bool has_voted(const ClientState& state, const BallotView& ballot) {
    Id me = state.session.member.id;
    return std::find(ballot.voted.begin(), ballot.voted.end(), me) != ballot.voted.end();
}

bool signed_in(const ClientState& state, const SessionView& view) {
    Id me = state.session.member.id;
    return std::any_of(view.signed_in.begin(), view.signed_in.end(),
                       [&](const Attendee& a) { return a.member_id == me; });
}

bool overdue(const TaskView& task, std::int64_t now) {
    bool waiting = task.state == TaskState::assigned || task.state == TaskState::supervised;
    return waiting && task.due_at > 0 && now > task.due_at;
}

std::vector<AgendaItem> unballoted_items(const SessionView& session) {
    std::vector<Id> balloted;
    for (const auto& b : session.ballots) balloted.push_back(b.issue_id);
    return yishi::unballoted_items(session.session, balloted);
}

}  // namespace yishi::client
