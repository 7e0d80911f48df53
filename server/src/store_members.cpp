// The store's members: accounts made by the operator, credentials for login, and where members
// live (households, 户, and floor areas), which quorums and owners' tallies count.
#include <chrono>

#include "store_impl.hpp"

namespace yishi::server {

std::optional<Id> household_id(SQLite::Database& db, Id community_id, const std::string& label) {
    if (label.empty()) return std::nullopt;
    SQLite::Statement add(db,
                          "INSERT INTO households (community_id, label) VALUES (?, ?) "
                          "ON CONFLICT DO NOTHING");
    add.bind(1, community_id);
    add.bind(2, label);
    add.exec();
    SQLite::Statement q(db, "SELECT id FROM households WHERE community_id = ? AND label = ?");
    q.bind(1, community_id);
    q.bind(2, label);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

Id Store::add_member(const NewMember& m) {
    std::lock_guard lock(impl_->mutex);
    auto& db = impl_->db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(db,
                        "INSERT INTO members (login, name, role, password_hash) VALUES (?, ?, ?, ?)");
    q.bind(1, m.login);
    q.bind(2, m.name);
    q.bind(3, m.role);
    q.bind(4, m.password_hash);
    q.exec();
    Id id = db.getLastInsertRowid();
    std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    impl_->audit(std::nullopt, "member_added",
                 Json{{"member_id", id}, {"login", m.login}, {"role", m.role}}, now);
    tx.commit();
    return id;
}

std::optional<Credentials> Store::credentials(const std::string& login) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db, "SELECT id, password_hash FROM members WHERE login = ?");
    q.bind(1, login);
    if (!q.executeStep()) return std::nullopt;
    return Credentials{q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

std::optional<Member> Store::member(Id id) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db,
                        "SELECT id, login, name, role, household_id, floor_area FROM members "
                        "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    Member m = member_from(q);
    m.household_id = q.getColumn(4).isNull() ? 0 : q.getColumn(4).getInt64();
    m.floor_area_centi_m2 = q.getColumn(5).getInt64();
    return m;
}

MemberHome Store::home_of(Id member_id) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db,
                        "SELECT h.label, m.floor_area FROM members m "
                        "LEFT JOIN households h ON h.id = m.household_id WHERE m.id = ?");
    q.bind(1, member_id);
    if (!q.executeStep()) return {};
    return {q.getColumn(0).isNull() ? "" : q.getColumn(0).getString(), q.getColumn(1).getInt64()};
}

}  // namespace yishi::server
