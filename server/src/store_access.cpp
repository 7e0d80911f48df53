// The store's access records: login tokens (kept only as digests) and failed logins.
#include "store_impl.hpp"

namespace yishi::server {

void Store::add_token(const std::string& digest, Id member_id, std::int64_t now,
                      const TokenPolicy& policy) {
    std::lock_guard lock(impl_->mutex);
    auto& db = impl_->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement purge(db,
                            "DELETE FROM auth_tokens WHERE last_used_at <= ? OR created_at <= ?");
    purge.bind(1, now - policy.idle_seconds);
    purge.bind(2, now - policy.absolute_seconds);
    purge.exec();
    SQLite::Statement q(db,
                        "INSERT INTO auth_tokens (token_hash, member_id, created_at, last_used_at) "
                        "VALUES (?, ?, ?, ?)");
    q.bind(1, digest);
    q.bind(2, member_id);
    q.bind(3, now);
    q.bind(4, now);
    q.exec();
    tx.commit();
}

std::optional<Member> Store::member_for_token(const std::string& digest, std::int64_t now,
                                              const TokenPolicy& policy) {
    std::lock_guard lock(impl_->mutex);
    auto& db = impl_->db;
    SQLite::Statement q(db,
                        "SELECT m.id, m.login, m.name, m.role, t.created_at, t.last_used_at "
                        "FROM auth_tokens t JOIN members m ON m.id = t.member_id "
                        "WHERE t.token_hash = ?");
    q.bind(1, digest);
    if (!q.executeStep()) return std::nullopt;
    Member m = member_from(q);
    std::int64_t created_at = q.getColumn(4).getInt64();
    std::int64_t last_used_at = q.getColumn(5).getInt64();
    q.reset();

    if (now - last_used_at >= policy.idle_seconds || now - created_at >= policy.absolute_seconds) {
        SQLite::Statement drop(db, "DELETE FROM auth_tokens WHERE token_hash = ?");
        drop.bind(1, digest);
        drop.exec();
        return std::nullopt;
    }
    if (now - last_used_at >= policy.touch_interval_seconds) {
        SQLite::Statement touch(db, "UPDATE auth_tokens SET last_used_at = ? WHERE token_hash = ?");
        touch.bind(1, now);
        touch.bind(2, digest);
        touch.exec();
    }
    return m;
}

void Store::revoke_token(const std::string& digest) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db, "DELETE FROM auth_tokens WHERE token_hash = ?");
    q.bind(1, digest);
    q.exec();
}

FailureCounts Store::login_failures_since(const std::string& login, const std::string& address,
                                          std::int64_t since) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db,
                        "SELECT (SELECT COUNT(*) FROM login_failures "
                        "        WHERE login = ?1 AND failed_at >= ?3), "
                        "       (SELECT COUNT(*) FROM login_failures "
                        "        WHERE address = ?2 AND failed_at >= ?3)");
    q.bind(1, login);
    q.bind(2, address);
    q.bind(3, since);
    q.executeStep();
    return FailureCounts{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
}

void Store::record_login_failure(const std::string& login, const std::string& address,
                                 std::int64_t now, std::int64_t forget_before) {
    std::lock_guard lock(impl_->mutex);
    auto& db = impl_->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement forget(db, "DELETE FROM login_failures WHERE failed_at < ?");
    forget.bind(1, forget_before);
    forget.exec();
    SQLite::Statement q(db,
                        "INSERT INTO login_failures (login, address, failed_at) VALUES (?, ?, ?)");
    q.bind(1, login);
    q.bind(2, address);
    q.bind(3, now);
    q.exec();
    tx.commit();
}

void Store::clear_login_failures(const std::string& login) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db, "DELETE FROM login_failures WHERE login = ?");
    q.bind(1, login);
    q.exec();
}

}  // namespace yishi::server
