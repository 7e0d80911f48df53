// Inside the store (issue 5): readers and writers of ballot specs, voters, secret contents, paper
// counts and bulletins, shared by store_ballots.cpp and store_ballot_methods.cpp. No lock taken.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <vector>

#include "yishi/server/store.hpp"

namespace yishi::server::methods {

// The ballot's spec; the plain one when it has no row (ballots opened before schema step 7).
BallotSpec spec(SQLite::Database& db, Id ballot_id);
void insert_spec(SQLite::Database& db, Id ballot_id, const BallotSpec& spec);
// The tellers' entries, where they differ, and whether they agree.
PaperCounts paper(SQLite::Database& db, Id ballot_id, const BallotSpec& spec);
// The bulletin's ballots in published order: plain and open ballots by voting order with
// member_id; secret ones by their random ids, each with its receipt.
std::vector<Json> bulletin_ballots(SQLite::Database& db, Id ballot_id, const BallotSpec& spec);
std::optional<Json> stored_bulletin(SQLite::Database& db, Id ballot_id);
void save_bulletin(SQLite::Database& db, Id ballot_id, const Json& bulletin, std::int64_t now);

}  // namespace yishi::server::methods
