// The store's invites (邀请码) and registration by invite: one transaction creates the member,
// joins them to the invite's council, spends the invite and audits it.
#include "store_impl.hpp"

namespace yishi::server {

namespace {
struct InviteRow {
    Id id = 0;
    std::string name;
    Id council_id = 0;
    std::int64_t expires_at = 0;
    bool used = false;
    std::string household;
    std::int64_t floor_area_centi_m2 = 0;
    Id community_id = 0;
};

std::optional<InviteRow> find_invite(Connection& db, const std::string& code_hash) {
    Statement q(db,
                "SELECT i.id, i.name, i.council_id, i.expires_at, i.used_at IS NOT NULL, "
                "i.household, i.floor_area, c.community_id "
                "FROM invites i JOIN councils c ON c.id = i.council_id "
                "WHERE i.code_hash = ?");
    q.bind(1, code_hash);
    if (!q.step()) return std::nullopt;
    return InviteRow{q.column(0).int64(), q.column(1).text(),
                     q.column(2).int64(), q.column(3).int64(),
                     q.column(4).integer() != 0, q.column(5).text(),
                     q.column(6).int64(), q.column(7).int64()};
}

// An activation code (激活码) of an account the community made: a resident from the roster or
// a staff account.
struct ActivationRow {
    Id code_id = 0;
    Id member_id = 0;
    std::int64_t expires_at = 0;
    bool used = false;
    bool usable = false;  // the account is active and still without a password
};

std::optional<ActivationRow> find_activation(Connection& db, const std::string& code_hash) {
    Statement q(db,
                "SELECT c.id, c.member_id, c.expires_at, c.used_at IS NOT NULL, "
                "m.active = 1 AND m.password_hash = '' "
                "FROM account_codes c JOIN members m ON m.id = c.member_id "
                "WHERE c.code_hash = ? AND c.purpose = 'activation'");
    q.bind(1, code_hash);
    if (!q.step()) return std::nullopt;
    return ActivationRow{q.column(0).int64(), q.column(1).int64(), q.column(2).int64(),
                         q.column(3).integer() != 0, q.column(4).integer() != 0};
}

Check activation_refusal(const ActivationRow& a, std::int64_t now) {
    if (a.used || !a.usable) return make_error("invite_used", "code");
    if (now >= a.expires_at) return make_error("invite_expired", "code");
    return std::nullopt;
}

// Sets the login and password of an account waiting for them and spends its code.
Result<Member> activate(Act& act, const ActivationRow& a, const Registration& r) {
    Connection& db = act.db;
    if (auto refused = activation_refusal(a, r.now)) return *refused;
    Statement taken(db, "SELECT 1 FROM members WHERE login = ?");
    taken.bind(1, r.login);
    if (taken.step()) return make_error("login_taken", "login");
    Statement set(db, "UPDATE members SET login = ?, password_hash = ? WHERE id = ?");
    set.bind(1, r.login);
    set.bind(2, r.password_hash);
    set.bind(3, a.member_id);
    set.run();
    Statement spend(db, "UPDATE account_codes SET used_at = ? WHERE id = ? AND used_at IS NULL");
    spend.bind(1, r.now);
    spend.bind(2, a.code_id);
    if (spend.run() != 1) throw StoreError("an activation code was spent twice in one transaction");
    Statement m(db, "SELECT id, login, name, role, household_id, floor_area, community_id "
                    "FROM members WHERE id = ?");
    m.bind(1, a.member_id);
    m.step();
    Member member = member_from(m);
    member.household_id = m.column(4).null() ? 0 : m.column(4).int64();
    member.floor_area_centi_m2 = m.column(5).int64();
    Id community = m.column(6).null() ? community_of_member(db, a.member_id) : m.column(6).int64();
    m.reset();
    act.actor = a.member_id;
    act.in_community(community);
    act.record("account_activated", Json{{"member_id", a.member_id}, {"login", r.login}});
    return member;
}

// Used before expired: a spent code says so even after its date has passed.
Check refusal(const std::optional<InviteRow>& invite, std::int64_t now) {
    if (!invite) return make_error("invite_invalid", "code");
    if (invite->used) return make_error("invite_used", "code");
    if (now >= invite->expires_at) return make_error("invite_expired", "code");
    return std::nullopt;
}
}  // namespace

Id Store::create_invite(const NewInvite& invite) {
    return impl_->act(invite.created_by, invite.created_at, [&](Act& act) {
        Statement q(act.db,
                    "INSERT INTO invites (code_hash, name, council_id, created_by, created_at, "
                    "expires_at, household, floor_area) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id");
        q.bind(1, invite.code_hash);
        q.bind(2, invite.name);
        q.bind(3, invite.council_id);
        q.bind(4, invite.created_by);
        q.bind(5, invite.created_at);
        q.bind(6, invite.expires_at);
        q.bind(7, invite.household);
        q.bind(8, invite.floor_area_centi_m2);
        Id id = single(q).int64();
        // The code is not in the log: the log is for reading, the code is a secret.
        act.in_council(invite.council_id);
        act.record("invite_created", Json{{"invite_id", id},
                                          {"council_id", invite.council_id},
                                          {"name", invite.name},
                                          {"household", invite.household},
                                          {"floor_area_centi_m2", invite.floor_area_centi_m2},
                                          {"expires_at", invite.expires_at}});
        return id;
    });
}

Check Store::check_invite(const std::string& code_hash, std::int64_t now) {
    return impl_->read([&](Connection& db) -> Check {
        auto invite = find_invite(db, code_hash);
        if (!invite)
            if (auto activation = find_activation(db, code_hash))
                return activation_refusal(*activation, now);
        return refusal(invite, now);
    });
}

Result<Member> Store::register_member(const Registration& r) {
    // The entry names the member it makes: no one else acts.
    return impl_->act(std::nullopt, r.now, [&](Act& act) -> Result<Member> {
        Connection& db = act.db;
        // Every check comes before the first write: a refusal returns (and commits) nothing.
        auto invite = find_invite(db, r.code_hash);
        if (!invite)
            if (auto activation = find_activation(db, r.code_hash)) return activate(act, *activation, r);
        if (auto refused = refusal(invite, r.now)) return *refused;

        Statement taken(db, "SELECT 1 FROM members WHERE login = ?");
        taken.bind(1, r.login);
        if (taken.step()) return make_error("login_taken", "login");

        Member m;
        m.login = r.login;
        m.name = invite->name;
        m.role = "resident";
        auto household = household_id(db, invite->community_id, invite->household);
        m.household_id = household.value_or(0);
        m.floor_area_centi_m2 = invite->floor_area_centi_m2;
        Statement add(db,
                      "INSERT INTO members (login, name, role, password_hash, household_id, "
                      "floor_area) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        add.bind(1, m.login);
        add.bind(2, m.name);
        add.bind(3, m.role);
        add.bind(4, r.password_hash);
        if (household)
            add.bind(5, *household);
        else
            add.bind(5);
        add.bind(6, m.floor_area_centi_m2);
        m.id = single(add).int64();

        Statement join(db, "INSERT INTO council_members (council_id, member_id) VALUES (?, ?)");
        join.bind(1, invite->council_id);
        join.bind(2, m.id);
        join.run();

        Statement spend(db,
                        "UPDATE invites SET used_at = ?, used_by = ? "
                        "WHERE id = ? AND used_at IS NULL");
        spend.bind(1, r.now);
        spend.bind(2, m.id);
        spend.bind(3, invite->id);
        if (spend.run() != 1)
            throw StoreError("an invite was spent twice within one transaction");

        act.actor = m.id;
        act.in_community(invite->community_id);
        act.record("member_registered", Json{{"member_id", m.id},
                                             {"login", m.login},
                                             {"name", m.name},
                                             {"household", invite->household},
                                             {"floor_area_centi_m2", m.floor_area_centi_m2},
                                             {"council_id", invite->council_id},
                                             {"invite_id", invite->id}});
        return m;
    });
}

}  // namespace yishi::server
