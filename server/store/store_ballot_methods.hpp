// Inside the store: readers and writers of ballot specs, voters, secret contents
// (sealed while open), paper counts and bulletins, shared by store_ballots.cpp and
// store_ballot_methods.cpp. No lock taken.
#pragma once
#include "store_impl.hpp"

#include <optional>
#include <vector>

#include "ballot_seal.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server::methods {

// The ballot's spec; the plain one when it has no row (ballots opened before ballot methods
// were stored).
BallotSpec spec(Connection& db, Id ballot_id);
void insert_spec(Connection& db, Id ballot_id, const BallotSpec& spec);
// The tellers' entries, where they differ, and whether they agree.
PaperCounts paper(Connection& db, Id ballot_id, const BallotSpec& spec);
// The bulletin's ballots in published order: plain and open ballots by voting order with
// member_id; secret ones in a canonical order (by receipt, then content), each with its receipt
// if the ballot has receipts.
std::vector<Json> bulletin_ballots(Connection& db, Id ballot_id, const BallotSpec& spec);
std::optional<Json> stored_bulletin(Connection& db, Id ballot_id);

// The fingerprint of the ballot key recorded with the first sealed ballot; nullopt before one.
std::optional<std::string> ballot_key_fingerprint(Connection& db);
// Gives a secret ballot its key pair at opening (recording the key's fingerprint the first time;
// throws StoreError when the database knows another key).
void seal_ballot(Connection& db, Id ballot_id, const BallotKey& key);
// The ballot's key pair while it is open; nullopt for a ballot that is not sealed (not secret,
// closed, or opened before contents were sealed).
std::optional<BallotKeyPair> ballot_key_pair(Connection& db, Id ballot_id);
// Stores one sealed content under a random id.
void insert_sealed_content(Connection& db, Id ballot_id, const std::string& sealed);
// At closing: opens the ballot's sealed contents, writes them to secret_contents in a canonical
// order (by receipt, then content), deletes the sealed rows and the ballot's key pair. False when
// the ballot was not sealed.
bool unseal_contents(Connection& db, Id ballot_id, const BallotKey& key);
void save_bulletin(Connection& db, Id ballot_id, const Json& bulletin, std::int64_t now);

}  // namespace yishi::server::methods
