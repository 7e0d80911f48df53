// Inside the store: its database (SQLite or PostgreSQL, through one interface) and the readers
// shared by store.cpp (communities, councils, issues), store_access.cpp (login tokens, the
// throttle), store_invites.cpp (invites, registration), store_members.cpp (accounts,
// households) and store_audit.cpp (the audit log).
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "ballot_seal.hpp"
#include "yishi/database/database.hpp"
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

using database::Connection;
using database::Statement;

struct Store::Impl {
    using Access = Store::Access;
    Impl(const std::string& address, Access access);

    // Every act runs inside one of these: write() retries the whole function when a concurrent
    // writer on PostgreSQL made it fail, so the function builds its result afresh each time.
    template <typename F>
    auto write(F&& f) { return db->write(std::forward<F>(f)); }
    // An act of one community: the community's writers take turns (see Database::write_in),
    // so that appends to its audit chain never collide.
    template <typename F>
    auto write_in(Id community_id, F&& f) { return db->write_in(community_id, std::forward<F>(f)); }
    template <typename F>
    auto read(F&& f) { return db->read(std::forward<F>(f)); }

    std::unique_ptr<database::Database> db;
    BallotKey ballot_key;  // read_write only: seals and opens secret ballots
};

// Readers for use inside a transaction.
std::optional<Issue> issue(Connection& db, Id id, Id viewer);
std::optional<Council> council(Connection& db, Id id);
bool is_member(Connection& db, Id council_id, Id member_id);
// The community a council or a member belongs to: the audit chain an act is written to.
Id community_of_council(Connection& db, Id council_id);
Id community_of_member(Connection& db, Id member_id);

// Appends one entry to the community's audit chain, linked to its newest entry. Call it inside
// the write transaction of the change it records, so both commit or neither does: every write
// in the store adds one such line.
void audit(Connection& db, Id community_id, std::optional<Id> actor, const std::string& action,
           const Json& details, std::int64_t at);

// Reads a member from the columns id, login, name, role (in that order, from column 0).
Member member_from(Statement& q);

// The id of the community's household with `label`, created on first use; nullopt for an
// empty label (not recorded). Call it inside the write transaction that needs it.
std::optional<Id> household_id(Connection& db, Id community_id, const std::string& label);

}  // namespace yishi::server
