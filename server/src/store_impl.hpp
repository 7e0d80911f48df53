// Inside the SQLite store: the connection and its mutex, shared by store.cpp (communities,
// councils, issues), store_access.cpp (login tokens, failed logins), store_invites.cpp
// (invites, registration), store_members.cpp (accounts, households) and store_audit.cpp (the
// audit log).
#pragma once
#include <mutex>
#include <optional>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "ballot_seal.hpp"
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

struct Store::Impl {
    using Access = Store::Access;
    Impl(const std::string& path, Access access);

    // Readers that take no lock, for use while `mutex` is held (inside a transaction).
    std::optional<Issue> issue(Id id, Id viewer);
    std::optional<Council> council(Id id);
    bool is_member(Id council_id, Id member_id);

    // Appends one entry to the audit log, chained to the last one. Call it inside the write
    // transaction of the change it records, so both commit or neither does: every new write
    // in the store adds one such line.
    void audit(std::optional<Id> actor, const std::string& action, const Json& details,
               std::int64_t at);

    std::mutex mutex;
    SQLite::Database db;
    BallotKey ballot_key;  // read_write only: seals and opens secret ballots
};

// Reads a member from the columns id, login, name, role (in that order, from column 0).
Member member_from(SQLite::Statement& q);

// The id of the community's household with `label`, created on first use; nullopt for an
// empty label (not recorded). Call it inside the write transaction that needs it.
std::optional<Id> household_id(SQLite::Database& db, Id community_id, const std::string& label);

}  // namespace yishi::server
