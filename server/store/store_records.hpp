// The store's records read and written by several acts (sessions, ballots, tasks, threads,
// co-signs): the actor as a council sees them, rules, electorate, sessions, ballots, notices.
// Call them inside a transaction (Store::Impl::read, write or act).
#pragma once
#include <optional>
#include <vector>

#include "store_impl.hpp"

#include "yishi/server/store.hpp"

namespace yishi::server::records {

// The member as the council sees them (role, membership, voting); an outsider has member=false.
Actor actor(Connection& db, Id council_id, Id member_id);
// Stored rules, or the preset of the council's kind with its co-sign threshold.
CouncilRules rules(Connection& db, const Council& council);
// The council's voting members, in id order.
std::vector<Voter> electorate(Connection& db, Id council_id);
std::optional<Session> session(Connection& db, Id id);
// The issues of the session's agenda that a ballot was opened on.
std::vector<Id> balloted(Connection& db, Id session_id);
std::optional<BallotRecord> ballot(Connection& db, Id id);
std::vector<Id> ballot_ids_of_session(Connection& db, Id session_id);
// What a vote is checked against: the ballot, the voter as its council sees them, and the
// ballot's session. not_found without the ballot, forbidden for an outsider.
struct VoteContext {
    BallotRecord record;
    Actor who;
    Session session;
};
Result<VoteContext> vote_context(Connection& db, Id ballot_id, Id member_id);

// A task with its progress, replies and their ratings (a recommendation's also with its
// raters, the recommendation's proposers).
std::optional<TaskRecord> load_task(Connection& db, Id id);

// Moves an issue to `stage`.
void write_stage(Connection& db, Id issue_id, IssueStage stage);
// Stores a notice (公示) and returns it with its new id.
Notice insert_notice(Connection& db, Notice n);

}  // namespace yishi::server::records
