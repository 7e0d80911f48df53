// Inside the store: readers and writers shared by the store's files (sessions, ballots,
// tasks, threads, co-signs). They take no lock: call them with the store's mutex held.
#pragma once
#include <optional>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "yishi/server/store.hpp"

namespace yishi::server::decide {

// The member as the council sees them (role, membership, voting); an outsider has member=false.
Actor actor(SQLite::Database& db, Id council_id, Id member_id);
// Stored rules, or the preset of the council's kind with its co-sign threshold.
CouncilRules rules(SQLite::Database& db, const Council& council);
// The council's voting members, in id order.
std::vector<Voter> electorate(SQLite::Database& db, Id council_id);
std::optional<Session> session(SQLite::Database& db, Id id);
// The issues of the session's agenda that a ballot was opened on.
std::vector<Id> balloted(SQLite::Database& db, Id session_id);
std::optional<BallotRecord> ballot(SQLite::Database& db, Id id);
std::vector<Id> ballot_ids_of_session(SQLite::Database& db, Id session_id);
// What a vote is checked against: the ballot, the voter as its council sees them, and the
// ballot's session. not_found without the ballot, forbidden for an outsider.
struct VoteContext {
    BallotRecord record;
    Actor who;
    Session session;
};
Result<VoteContext> vote_context(SQLite::Database& db, Id ballot_id, Id member_id);

// Moves an issue to `stage`.
void write_stage(SQLite::Database& db, Id issue_id, IssueStage stage);
// Stores a notice (公示) and returns it with its new id.
Notice insert_notice(SQLite::Database& db, Notice n);

}  // namespace yishi::server::decide
