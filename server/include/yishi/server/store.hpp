// The store: the only place that speaks SQL. A narrow interface over one SQLite file, so that
// a PostgreSQL store could replace it. Every write is one transaction; bad input writes nothing.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/messages.hpp"
#include "yishi/model.hpp"
#include "yishi/server/auth.hpp"

namespace yishi::server {

// The database could not be opened, or holds a schema from a newer server.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a login is checked against.
struct Credentials {
    Id member_id = 0;
    std::string password_hash;
};

// An account to create; the password is already hashed.
struct NewMember {
    std::string login;
    std::string name;
    std::string role;
    std::string password_hash;
};
// A whole first community, decided outside the store (see seed.hpp) and written at once.
// Every member joins the council; members are referred to by their index in `members`.
struct SeedIssue {
    std::string title;
    std::string body;
    int author = 0;
    std::int64_t created_at = 0;
    std::vector<int> cosigners;
};
struct SeedData {
    std::string street;     // 街道
    std::string community;  // 社区
    std::string council;    // 议事会 name
    std::string council_kind = "residents_council";
    int cosign_threshold = 5;
    std::vector<NewMember> members;
    std::vector<SeedIssue> issues;
    std::int64_t seeded_at = 0;  // when, for the audit entry that records the seeding
};

// An invite (邀请码) to record; the code itself is never stored, only its SHA-256.
struct NewInvite {
    std::string code_hash;
    std::string name;  // the resident's real name, as verified by the community
    Id council_id = 0;
    Id created_by = 0;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
};

// A registration with an invite code; the password is already hashed.
struct Registration {
    std::string code_hash;
    std::string login;
    std::string password_hash;
    std::int64_t now = 0;
};

// One line of the audit log (审计日志), as stored. `details` is compact JSON text;
// `hash` chains to `prev_hash` (see audit.hpp). `actor_id` is empty for the system (seeding).
struct AuditEntry {
    Id id = 0;
    std::int64_t at = 0;
    std::optional<Id> actor_id;
    std::string action;
    std::string details;
    std::string prev_hash;
    std::string hash;
};

// Recent failed logins, for throttling.
struct FailureCounts {
    int by_login = 0;
    int by_address = 0;
};

class Store {
public:
    // read_write opens (creating if needed) the database file and brings its schema up to date;
    // read_only opens an existing file of the current schema and never writes (verify-audit).
    enum class Access { read_write, read_only };
    // Throws StoreError.
    explicit Store(const std::string& path, Access access = Access::read_write);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schema_version();

    // Writes `data` in one transaction when the database holds no community yet.
    // Returns false (and writes nothing) otherwise. Cosign counts pass through the same
    // threshold rule as live co-signs.
    bool seed_if_empty(const SeedData& data);

    // --- members and councils ---
    // Creates an account that belongs to no council yet (audited as the system's act, at the
    // system time). Throws on a duplicate login.
    Id add_member(const NewMember& member);
    std::optional<Credentials> credentials(const std::string& login);
    std::optional<Member> member(Id id);
    std::vector<Council> councils_of(Id member_id);
    std::optional<Council> council(Id id);
    bool is_member(Id council_id, Id member_id);

    // --- issues (议题); cosigned_by_me is filled for `viewer` ---
    std::vector<Issue> issues(Id council_id, Id viewer);  // newest first
    std::optional<Issue> issue(Id id, Id viewer);
    // Records a validated new issue. The caller has checked that the council exists and
    // that the author belongs to it.
    Issue raise_issue(Id council_id, Id author, const NewIssueRequest& request, std::int64_t now);
    // 附议: checks yishi::check_cosign, records the co-sign and moves the stage by
    // yishi::stage_after_cosign, all in one transaction, so concurrent attempts count once.
    Result<Issue> cosign(Id issue_id, Id member_id, std::int64_t now);

    // --- invites (邀请码) and registration ---
    // Records an invite; the caller has checked the council and the issuer's right.
    Id create_invite(const NewInvite& invite);
    // Whether a code could register now: invite_invalid (unknown), invite_used or
    // invite_expired. A read, to refuse early before a password is hashed.
    Check check_invite(const std::string& code_hash, std::int64_t now);
    // One transaction: checks the invite again, creates the member (role resident, the
    // invite's name) in the invite's council, marks the invite used, and audits it.
    // Refuses with invite_invalid, invite_used, invite_expired or login_taken, writing nothing.
    Result<Member> register_member(const Registration& registration);

    // --- audit log (审计日志); writes append to it inside their own transactions ---
    // Up to `limit` entries with id > after_id, in id order.
    std::vector<AuditEntry> audit_entries(Id after_id, int limit);

    // --- login tokens, kept only as digests ---
    // Tokens, logout and failed logins are access records, not state of the domain: they are
    // not audited (and expired ones are purged, which an append-only log would not allow).
    // Also deletes every token that `policy` says has expired.
    void add_token(const std::string& digest, Id member_id, std::int64_t now,
                   const TokenPolicy& policy);
    // The member a live token belongs to; expired tokens are deleted on sight.
    std::optional<Member> member_for_token(const std::string& digest, std::int64_t now,
                                           const TokenPolicy& policy);
    void revoke_token(const std::string& digest);

    // --- failed logins ---
    FailureCounts login_failures_since(const std::string& login, const std::string& address,
                                       std::int64_t since);
    // Records one failure and forgets those older than `forget_before`.
    void record_login_failure(const std::string& login, const std::string& address,
                              std::int64_t now, std::int64_t forget_before);
    void clear_login_failures(const std::string& login);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::server
