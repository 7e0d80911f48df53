// Inside the SQLite store: the connection and its mutex, shared by store.cpp (communities,
// councils, issues) and store_access.cpp (login tokens, failed logins).
#pragma once
#include <mutex>
#include <optional>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "yishi/server/store.hpp"

namespace yishi::server {

struct Store::Impl {
    explicit Impl(const std::string& path);

    // Readers that take no lock, for use while `mutex` is held (inside a transaction).
    std::optional<Issue> issue(Id id, Id viewer);
    std::optional<Council> council(Id id);
    bool is_member(Id council_id, Id member_id);

    std::mutex mutex;
    SQLite::Database db;
};

// Reads a member from the columns id, login, name, role (in that order, from column 0).
Member member_from(SQLite::Statement& q);

}  // namespace yishi::server
