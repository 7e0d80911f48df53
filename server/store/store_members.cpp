// The store's members: accounts made by the operator, credentials for login, and where members
// live (households, 户, and floor areas), which quorums and owners' tallies count.
#include <chrono>

#include "store_impl.hpp"

namespace yishi::server {

std::optional<Id> household_id(Connection& db, Id community_id, const std::string& label) {
    if (label.empty()) return std::nullopt;
    Statement add(db,
                  "INSERT INTO households (community_id, label) VALUES (?, ?) "
                  "ON CONFLICT (community_id, label) DO NOTHING");
    add.bind(1, community_id);
    add.bind(2, label);
    add.run();
    Statement q(db, "SELECT id FROM households WHERE community_id = ? AND label = ?");
    q.bind(1, community_id);
    q.bind(2, label);
    return single(q).int64();
}

Id Store::add_member(const NewMember& m) {
    std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    return impl_->act(std::nullopt, now, [&](Act& act) {
        Statement q(act.db,
                    "INSERT INTO members (login, name, role, password_hash) "
                    "VALUES (?, ?, ?, ?) RETURNING id");
        q.bind(1, m.login);
        q.bind(2, m.name);
        q.bind(3, m.role);
        q.bind(4, m.password_hash);
        Id id = single(q).int64();
        // A new account is in no council yet: community_of_member gives the city's chain.
        act.in_community(community_of_member(act.db, id));
        act.record("member_added", Json{{"member_id", id}, {"login", m.login}, {"role", m.role}});
        return id;
    });
}

std::optional<Credentials> Store::credentials(const std::string& login) {
    return impl_->read([&](Connection& db) -> std::optional<Credentials> {
        Statement q(db, "SELECT id, password_hash, active FROM members WHERE login = ?");
        q.bind(1, login);
        if (!q.step()) return std::nullopt;
        return Credentials{q.column(0).int64(), q.column(1).text(), q.column(2).integer() != 0};
    });
}

std::optional<Member> Store::member(Id id) {
    return impl_->read([&](Connection& db) -> std::optional<Member> {
        Statement q(db,
                    "SELECT id, login, name, role, household_id, floor_area FROM members "
                    "WHERE id = ?");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        Member m = member_from(q);
        m.household_id = q.column(4).null() ? 0 : q.column(4).int64();
        m.floor_area_centi_m2 = q.column(5).int64();
        return m;
    });
}

MemberHome Store::home_of(Id member_id) {
    return impl_->read([&](Connection& db) -> MemberHome {
        Statement q(db,
                    "SELECT h.label, m.floor_area FROM members m "
                    "LEFT JOIN households h ON h.id = m.household_id WHERE m.id = ?");
        q.bind(1, member_id);
        if (!q.step()) return {};
        return {q.column(0).null() ? "" : q.column(0).text(), q.column(1).int64()};
    });
}

}  // namespace yishi::server
