// The schema, as an ordered list of steps. Never edit a step that has shipped: append one.
// Plain SQL that PostgreSQL also accepts, except INTEGER PRIMARY KEY for generated ids.
#include "schema.hpp"

#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "yishi/server/store.hpp"

namespace yishi::server {

namespace {
const std::vector<const char*>& steps() {
    static const std::vector<const char*> s = {
        // 1: communities, councils, members, issues and co-signs.
        R"sql(
        CREATE TABLE communities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            street TEXT NOT NULL
        );
        CREATE TABLE councils (
            id INTEGER PRIMARY KEY,
            community_id INTEGER NOT NULL REFERENCES communities(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            cosign_threshold INTEGER NOT NULL CHECK (cosign_threshold > 0)
        );
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL
        );
        CREATE TABLE council_members (
            council_id INTEGER NOT NULL REFERENCES councils(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            PRIMARY KEY (council_id, member_id)
        );
        CREATE INDEX council_members_by_member ON council_members(member_id);
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('collecting', 'listed'))
        );
        CREATE INDEX issues_by_council ON issues(council_id, created_at);
        CREATE TABLE cosigns (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            UNIQUE (issue_id, member_id)
        );
        )sql",
        // 2: login tokens (digests only) and failed logins for throttling.
        R"sql(
        CREATE TABLE auth_tokens (
            token_hash TEXT PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NOT NULL
        );
        CREATE INDEX auth_tokens_by_member ON auth_tokens(member_id);
        CREATE TABLE login_failures (
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            failed_at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_by_login ON login_failures(login, failed_at);
        CREATE INDEX login_failures_by_address ON login_failures(address, failed_at);
        )sql",
        // 3: invites (邀请码, kept as SHA-256 digests) and the append-only, hash-chained audit
        // log. The triggers are SQLite's dialect; PostgreSQL would need a trigger function.
        R"sql(
        CREATE TABLE invites (
            id INTEGER PRIMARY KEY,
            code_hash TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            created_by INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER,
            used_by INTEGER REFERENCES members(id)
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES members(id),
            action TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        -- Appends only at the end of the chain: a new entry must link to the newest one.
        CREATE TRIGGER audit_log_append_at_head BEFORE INSERT ON audit_log
        WHEN NEW.prev_hash IS NOT COALESCE(
            (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
            '0000000000000000000000000000000000000000000000000000000000000000')
          OR NEW.id <= COALESCE((SELECT MAX(id) FROM audit_log), 0)
        BEGIN SELECT RAISE(ABORT, 'audit_log entries must extend the chain'); END;
        )sql",
    };
    return s;
}

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}
}  // namespace

int latest_schema_version() { return static_cast<int>(steps().size()); }

void migrate(SQLite::Database& db) {
    int current = user_version(db);
    if (current > latest_schema_version())
        throw StoreError("database schema version " + std::to_string(current) +
                         " is newer than this server's " +
                         std::to_string(latest_schema_version()));
    for (int v = current + 1; v <= latest_schema_version(); ++v) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while we waited for the write lock.
        if (user_version(db) >= v) continue;
        db.exec(steps()[v - 1]);
        db.exec("PRAGMA user_version = " + std::to_string(v));
        tx.commit();
    }
}

}  // namespace yishi::server
