// The store's access records: login tokens (kept only as digests) and the login throttle's
// counts of failed attempts.
#include "store_impl.hpp"

#include <algorithm>

namespace yishi::server {

void Store::add_token(const std::string& digest, Id member_id, std::int64_t now,
                      const TokenPolicy& policy) {
    impl_->write([&](Connection& db) {
        Statement purge(db, "DELETE FROM auth_tokens WHERE last_used_at <= ? OR created_at <= ?");
        purge.bind(1, now - policy.idle_seconds);
        purge.bind(2, now - policy.absolute_seconds);
        purge.run();
        Statement q(db,
                    "INSERT INTO auth_tokens (token_hash, member_id, created_at, last_used_at) "
                    "VALUES (?, ?, ?, ?)");
        q.bind(1, digest);
        q.bind(2, member_id);
        q.bind(3, now);
        q.bind(4, now);
        q.run();
    });
}

namespace {
// A login token as its member's requests find it.
struct TokenUse {
    Member member;
    std::int64_t created_at = 0;
    std::int64_t last_used_at = 0;
};

std::optional<TokenUse> token_use(Connection& db, const std::string& digest) {
    Statement q(db,
                "SELECT m.id, m.login, m.name, m.role, t.created_at, t.last_used_at "
                "FROM auth_tokens t JOIN members m ON m.id = t.member_id "
                "WHERE t.token_hash = ? AND m.active = 1");
    q.bind(1, digest);
    if (!q.step()) return std::nullopt;
    TokenUse use;
    use.member = member_from(q);
    use.created_at = q.column(4).int64();
    use.last_used_at = q.column(5).int64();
    return use;
}

bool expired(const TokenUse& use, std::int64_t now, const TokenPolicy& policy) {
    return now - use.last_used_at >= policy.idle_seconds ||
           now - use.created_at >= policy.absolute_seconds;
}

bool due_for_touch(const TokenUse& use, std::int64_t now, const TokenPolicy& policy) {
    return now - use.last_used_at >= policy.touch_interval_seconds;
}
}  // namespace

std::optional<Member> Store::member_for_token(const std::string& digest, std::int64_t now,
                                              const TokenPolicy& policy) {
    // Every signed-in request asks this, so it only reads while the token is fresh and was
    // touched lately: a read never waits for the writers' commit. An expired token is dropped,
    // and a used one touched, by a write that looks again and commits with the answer.
    auto seen = impl_->read_statement([&](Connection& db) { return token_use(db, digest); });
    if (!seen) return std::nullopt;
    if (!expired(*seen, now, policy) && !due_for_touch(*seen, now, policy)) return seen->member;
    return impl_->write([&](Connection& db) -> std::optional<Member> {
        auto use = token_use(db, digest);
        if (!use) return std::nullopt;
        if (expired(*use, now, policy)) {
            Statement drop(db, "DELETE FROM auth_tokens WHERE token_hash = ?");
            drop.bind(1, digest);
            drop.run();
            return std::nullopt;
        }
        if (due_for_touch(*use, now, policy)) {
            Statement touch(db, "UPDATE auth_tokens SET last_used_at = ? WHERE token_hash = ?");
            touch.bind(1, now);
            touch.bind(2, digest);
            touch.run();
        }
        return use->member;
    });
}

void Store::revoke_token(const std::string& digest) {
    impl_->write([&](Connection& db) {
        Statement q(db, "DELETE FROM auth_tokens WHERE token_hash = ?");
        q.bind(1, digest);
        q.run();
    });
}

AttemptAdmission Store::begin_attempt(const std::string& login, const std::string& address,
                                       std::int64_t now, const LoginThrottle& policy) {
    return impl_->write([&](Connection& db) -> AttemptAdmission {
        // Forgetting old failures commits even when the attempt is refused below: what is
        // forgotten stays forgotten, and the refusal was reckoned without it.
        for (const char* table : {"throttle_pairs", "throttle_addresses"}) {
            Statement forget(db, std::string("DELETE FROM ") + table +
                                     " WHERE last_failure_at < ?");
            forget.bind(1, now - policy.forget_after_seconds);
            forget.run();
        }

        // The later of the two moments the pair and the address may try again.
        std::int64_t allowed_at = now;
        auto wait_for = [&](Statement& q, int free) {
            if (!q.step()) return;
            std::int64_t failures = q.column(0).int64();
            std::int64_t last = q.column(1).int64();
            allowed_at = std::max(allowed_at, last + policy.delay_after(failures, free));
        };
        Statement pair(db, "SELECT failures, last_failure_at FROM throttle_pairs "
                           "WHERE login = ? AND address = ?");
        pair.bind(1, login);
        pair.bind(2, address);
        wait_for(pair, policy.free_failures_per_login);
        Statement from(db, "SELECT failures, last_failure_at FROM throttle_addresses "
                           "WHERE address = ?");
        from.bind(1, address);
        wait_for(from, policy.free_failures_per_address);
        if (allowed_at > now) return AttemptAdmission{false, allowed_at - now};

        // The existing row is named by its table: a bare column would be ambiguous with
        // `excluded` on PostgreSQL.
        Statement count_pair(
            db, "INSERT INTO throttle_pairs (login, address, failures, last_failure_at) "
                "VALUES (?1, ?2, 1, ?3) ON CONFLICT (login, address) DO UPDATE "
                "SET failures = throttle_pairs.failures + 1, last_failure_at = ?3");
        count_pair.bind(1, login);
        count_pair.bind(2, address);
        count_pair.bind(3, now);
        count_pair.run();
        Statement count_address(
            db, "INSERT INTO throttle_addresses (address, failures, last_failure_at) "
                "VALUES (?1, 1, ?2) ON CONFLICT (address) DO UPDATE "
                "SET failures = throttle_addresses.failures + 1, last_failure_at = ?2");
        count_address.bind(1, address);
        count_address.bind(2, now);
        count_address.run();
        return AttemptAdmission{};
    });
}

namespace {
void uncount_address(Connection& db, const std::string& address) {
    Statement q(db, "UPDATE throttle_addresses SET failures = failures - 1 "
                    "WHERE address = ? AND failures > 0");
    q.bind(1, address);
    q.run();
}
}  // namespace

void Store::attempt_succeeded(const std::string& login, const std::string& address) {
    impl_->write([&](Connection& db) {
        Statement forget(db, "DELETE FROM throttle_pairs WHERE login = ? AND address = ?");
        forget.bind(1, login);
        forget.bind(2, address);
        forget.run();
        uncount_address(db, address);
    });
}

void Store::withdraw_attempt(const std::string& login, const std::string& address) {
    impl_->write([&](Connection& db) {
        Statement q(db, "UPDATE throttle_pairs SET failures = failures - 1 "
                        "WHERE login = ? AND address = ? AND failures > 0");
        q.bind(1, login);
        q.bind(2, address);
        q.run();
        uncount_address(db, address);
    });
}

}  // namespace yishi::server
