// The store's administration (管理): the first start, the organisation's tree, staff accounts
// and their activation codes, members' roles, deactivation and password resets. Each act reads
// the actor's scope in its own transaction and asks the core (administration.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "store_impl.hpp"

namespace yishi::server {

namespace {
// Street and city acts write to the city's chain.
constexpr Id kCityChain = 0;

std::optional<AdminScope> scope_of(Connection& db, Id member_id) {
    Statement q(db,
                "SELECT s.level, s.scope_id FROM admin_scopes s JOIN members m ON m.id = s.member_id "
                "WHERE s.member_id = ? AND m.active = 1");
    q.bind(1, member_id);
    if (!q.step()) return std::nullopt;
    AdminScope scope;
    if (!admin_level_from_string(q.column(0).text(), scope.level)) return std::nullopt;
    scope.id = q.column(1).int64();
    return scope;
}

// The community with its street; nullopt when there is no such community.
std::optional<Place> community_place(Connection& db, Id community_id) {
    Statement q(db, "SELECT COALESCE(street_id, 0) FROM communities WHERE id = ?");
    q.bind(1, community_id);
    if (!q.step()) return std::nullopt;
    return Place{q.column(0).int64(), community_id};
}

bool exists(Connection& db, const std::string& sql, Id id) {
    Statement q(db, sql);
    q.bind(1, id);
    return q.step();
}

// Whether a name is taken among the rows of `table` with `parent` = parent_id.

std::string street_name(Connection& db, Id street_id) {
    Statement q(db, "SELECT name FROM streets WHERE id = ?");
    q.bind(1, street_id);
    return q.step() ? q.column(0).text() : "";
}

// A member with no account yet: login '#<id>' (no login can start with '#') and no password.
Id insert_pending_member(Connection& db, const std::string& name, Role role, Id community_id,
                         Id street_id) {
    Statement add(db,
                  "INSERT INTO members (login, name, role, password_hash, community_id, street_id) "
                  "VALUES ('#', ?, ?, '', ?, ?) RETURNING id");
    add.bind(1, name);
    add.bind(2, to_string(role));
    if (community_id) add.bind(3, community_id); else add.bind(3);
    if (street_id) add.bind(4, street_id); else add.bind(4);
    Id id = single(add).int64();
    Statement login(db, "UPDATE members SET login = ? WHERE id = ?");
    login.bind(1, "#" + std::to_string(id));
    login.bind(2, id);
    login.run();
    return id;
}

void insert_code(Connection& db, Id member_id, CodePurpose purpose, const std::string& code_hash,
                 std::optional<Id> by, std::int64_t now, std::int64_t expires_at) {
    // A new code ends the member's earlier unused ones of the same purpose.
    Statement end(db,
                  "UPDATE account_codes SET expires_at = ? WHERE member_id = ? AND purpose = ? "
                  "AND used_at IS NULL AND expires_at > ?");
    end.bind(1, now);
    end.bind(2, member_id);
    end.bind(3, to_string(purpose));
    end.bind(4, now);
    end.run();
    Statement q(db,
                "INSERT INTO account_codes (code_hash, member_id, purpose, created_by, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, code_hash);
    q.bind(2, member_id);
    q.bind(3, to_string(purpose));
    q.bind(4, by);
    q.bind(5, now);
    q.bind(6, expires_at);
    q.run();
}

constexpr const char* kMemberRowSelect = R"sql(
    SELECT m.id, m.name, m.login, m.role, COALESCE(h.label, ''), m.building,
           COALESCE(g.name, ''), m.phone, m.active, m.password_hash <> ''
    FROM members m
    LEFT JOIN households h ON h.id = m.household_id
    LEFT JOIN grids g ON g.id = m.grid_id
)sql";

MemberRow member_row_from(Connection& db, Statement& q) {
    MemberRow r;
    r.id = q.column(0).int64();
    r.name = q.column(1).text();
    r.activated = q.column(9).integer() != 0;
    r.login = r.activated ? q.column(2).text() : "";
    r.role = q.column(3).text();
    r.household = q.column(4).text();
    r.building = q.column(5).text();
    r.grid = q.column(6).text();
    r.phone = q.column(7).text();
    r.active = q.column(8).integer() != 0;
    Statement seats(db, "SELECT council_id FROM council_members WHERE member_id = ? ORDER BY council_id");
    seats.bind(1, r.id);
    while (seats.step()) r.councils.push_back(seats.column(0).int64());
    return r;
}

std::optional<MemberRow> member_row(Connection& db, Id member_id) {
    Statement q(db, std::string(kMemberRowSelect) + " WHERE m.id = ?");
    q.bind(1, member_id);
    if (!q.step()) return std::nullopt;
    return member_row_from(db, q);
}

// The community whose administrators manage a member: their own, else their councils'.
Id managing_community(Connection& db, Id member_id) {
    Statement q(db, "SELECT community_id FROM members WHERE id = ?");
    q.bind(1, member_id);
    if (q.step() && !q.column(0).null()) return q.column(0).int64();
    return community_of_member(db, member_id);
}

// The member's place for a community-level rule, or not_found.
Result<Place> member_place(Connection& db, Id member_id) {
    Statement q(db, "SELECT community_id, street_id FROM members WHERE id = ?");
    q.bind(1, member_id);
    if (!q.step()) return make_error("not_found", "member_id");
    if (!q.column(0).null()) return *community_place(db, q.column(0).int64());
    // Staff of a street (departments, CPPCC members) belong to the street as a whole, whatever
    // council seats they hold.
    if (!q.column(1).null()) return Place{q.column(1).int64(), 0};
    Id community = community_of_member(db, member_id);
    if (auto place = community ? community_place(db, community) : std::nullopt) return *place;
    return Place{};
}

PlaceRecord place_record(Id id, const std::string& name, Id parent) {
    PlaceRecord p;
    p.id = id;
    p.name = name;
    p.parent_id = parent;
    return p;
}
}  // namespace

bool name_taken(Connection& db, const std::string& table, const std::string& parent, Id parent_id,
                const std::string& name) {
    std::string sql = "SELECT 1 FROM " + table + " WHERE name = ?";
    if (!parent.empty()) sql += " AND " + parent + " = ?";
    Statement q(db, sql);
    q.bind(1, name);
    if (!parent.empty()) q.bind(2, parent_id);
    return q.step();
}

std::optional<AdminScope> admin_scope_of(Connection& db, Id member_id) {
    return scope_of(db, member_id);
}

std::optional<AdminScope> Store::admin_scope(Id member_id) {
    return impl_->read([&](Connection& db) { return scope_of(db, member_id); });
}

bool Store::setup_needed() {
    return impl_->read([](Connection& db) {
        Statement done(db, "SELECT 1 FROM setup WHERE done_at IS NOT NULL");
        if (done.step()) return false;
        // A database seeded or used before setup existed has its people already.
        Statement any(db, "SELECT 1 FROM members LIMIT 1");
        return !any.step();
    });
}

bool Store::offer_setup(const std::string& code_hash, std::int64_t now) {
    if (!setup_needed()) return false;
    // Not a domain act: the code is the operator's key to the empty database, never logged.
    impl_->write([&](Connection& db) {
        Statement q(db,
                    "INSERT INTO setup (id, code_hash, created_at) VALUES (1, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET code_hash = excluded.code_hash, "
                    "created_at = excluded.created_at");
        q.bind(1, code_hash);
        q.bind(2, now);
        q.run();
    });
    return true;
}

Result<SetupDone> Store::complete_setup(const SetupRequest& r) {
    return impl_->act(std::nullopt, r.now, [&](Act& act) -> Result<SetupDone> {
        Connection& db = act.db;
        Statement state(db, "SELECT code_hash, done_at FROM setup WHERE id = 1");
        if (!state.step()) return make_error("setup_code_invalid", "code");
        if (!state.column(1).null()) return make_error("setup_done");
        if (state.column(0).text() != r.code_hash) return make_error("setup_code_invalid", "code");
        state.reset();
        Statement any(db, "SELECT 1 FROM members LIMIT 1");
        if (any.step()) return make_error("setup_done");

        SetupDone done;
        Statement street(db, "INSERT INTO streets (name) VALUES (?) RETURNING id");
        street.bind(1, r.street);
        done.street_id = single(street).int64();
        Statement community(db,
                            "INSERT INTO communities (name, street, street_id) VALUES (?, ?, ?) "
                            "RETURNING id");
        community.bind(1, r.community);
        community.bind(2, r.street);
        community.bind(3, done.street_id);
        done.community_id = single(community).int64();

        Statement admin(db,
                        "INSERT INTO members (login, name, role, password_hash) "
                        "VALUES (?, ?, 'admin', ?) RETURNING id");
        admin.bind(1, r.login);
        admin.bind(2, r.name);
        admin.bind(3, r.password_hash);
        done.admin.id = single(admin).int64();
        done.admin.login = r.login;
        done.admin.name = r.name;
        done.admin.role = "admin";
        Statement scope(db,
                        "INSERT INTO admin_scopes (member_id, level, scope_id) "
                        "VALUES (?, 'platform', 0)");
        scope.bind(1, done.admin.id);
        scope.run();
        Statement spend(db, "UPDATE setup SET done_at = ? WHERE id = 1 AND done_at IS NULL");
        spend.bind(1, r.now);
        if (spend.run() != 1) throw StoreError("setup completed twice in one transaction");

        act.actor = done.admin.id;
        act.in_community(kCityChain);
        act.record("setup_completed", Json{{"admin_id", done.admin.id},
                                           {"login", r.login},
                                           {"name", r.name},
                                           {"street_id", done.street_id},
                                           {"street", r.street},
                                           {"community_id", done.community_id},
                                           {"community", r.community}});
        return done;
    });
}

std::vector<StreetTree> Store::tree(const AdminScope& scope) {
    return impl_->read([&](Connection& db) {
        std::vector<StreetTree> out;
        Statement streets(db, "SELECT id, name FROM streets ORDER BY id");
        while (streets.step()) {
            StreetTree s;
            s.street = place_record(streets.column(0).int64(), streets.column(1).text(), 0);
            if (scope.level == AdminLevel::street && scope.id != s.street.id) continue;
            Statement deps(db, "SELECT id, name FROM departments WHERE street_id = ? ORDER BY id");
            deps.bind(1, s.street.id);
            while (deps.step())
                s.departments.push_back(
                    place_record(deps.column(0).int64(), deps.column(1).text(), s.street.id));
            Statement comms(db, "SELECT id, name FROM communities WHERE street_id = ? ORDER BY id");
            comms.bind(1, s.street.id);
            while (comms.step()) {
                CommunityTree c;
                c.community = place_record(comms.column(0).int64(), comms.column(1).text(),
                                           s.street.id);
                if (!reaches(scope, Place{s.street.id, c.community.id})) continue;
                Statement councils(db,
                                   "SELECT c.id, c.name, c.kind, (SELECT COUNT(*) FROM "
                                   "council_members cm WHERE cm.council_id = c.id) "
                                   "FROM councils c WHERE c.community_id = ? ORDER BY c.id");
                councils.bind(1, c.community.id);
                while (councils.step()) {
                    PlaceRecord p = place_record(councils.column(0).int64(),
                                                 councils.column(1).text(), c.community.id);
                    p.kind = councils.column(2).text();
                    p.member_count = councils.column(3).integer();
                    c.councils.push_back(p);
                }
                Statement grids(db, "SELECT id, name FROM grids WHERE community_id = ? ORDER BY id");
                grids.bind(1, c.community.id);
                while (grids.step())
                    c.grids.push_back(place_record(grids.column(0).int64(), grids.column(1).text(),
                                                   c.community.id));
                s.communities.push_back(std::move(c));
            }
            if (scope.level == AdminLevel::community && s.communities.empty()) continue;
            Statement cppccs(db, "SELECT id, name FROM cppccs WHERE street_id = ? ORDER BY id");
            cppccs.bind(1, s.street.id);
            while (cppccs.step())
                s.cppccs.push_back(place_record(cppccs.column(0).int64(), cppccs.column(1).text(),
                                                s.street.id));
            out.push_back(std::move(s));
        }
        return out;
    });
}

Result<PlaceRecord> Store::create_street(Id actor, const std::string& name, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        if (auto refused = may_create_street(scope_of(act.db, actor))) return *refused;
        if (name_taken(act.db, "streets", "", 0, name)) return make_error("name_taken", "street");
        Statement q(act.db, "INSERT INTO streets (name) VALUES (?) RETURNING id");
        q.bind(1, name);
        PlaceRecord p = place_record(single(q).int64(), name, 0);
        act.in_community(kCityChain);
        act.record("street_created", Json{{"street_id", p.id}, {"name", name}});
        return p;
    });
}

Result<PlaceRecord> Store::create_community(Id actor, Id street_id, const std::string& name,
                                            std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        if (!exists(act.db, "SELECT 1 FROM streets WHERE id = ?", street_id))
            return make_error("not_found", "street_id");
        if (auto refused = may_create_in_street(scope_of(act.db, actor), street_id)) return *refused;
        if (name_taken(act.db, "communities", "street_id", street_id, name))
            return make_error("name_taken", "community");
        Statement q(act.db,
                    "INSERT INTO communities (name, street, street_id) VALUES (?, ?, ?) "
                    "RETURNING id");
        q.bind(1, name);
        q.bind(2, street_name(act.db, street_id));
        q.bind(3, street_id);
        PlaceRecord p = place_record(single(q).int64(), name, street_id);
        act.in_community(p.id);
        act.record("community_created",
                   Json{{"community_id", p.id}, {"street_id", street_id}, {"name", name}});
        return p;
    });
}

Result<PlaceRecord> Store::create_department(Id actor, Id street_id, const std::string& name,
                                             std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        if (!exists(act.db, "SELECT 1 FROM streets WHERE id = ?", street_id))
            return make_error("not_found", "street_id");
        if (auto refused = may_create_in_street(scope_of(act.db, actor), street_id)) return *refused;
        if (name_taken(act.db, "departments", "street_id", street_id, name))
            return make_error("name_taken", "name");
        Statement q(act.db, "INSERT INTO departments (street_id, name) VALUES (?, ?) RETURNING id");
        q.bind(1, street_id);
        q.bind(2, name);
        PlaceRecord p = place_record(single(q).int64(), name, street_id);
        act.in_community(kCityChain);
        act.record("department_created",
                   Json{{"department_id", p.id}, {"street_id", street_id}, {"name", name}});
        return p;
    });
}

Result<PlaceRecord> Store::create_council(Id actor, Id community_id, const std::string& name,
                                          CouncilKind kind, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        auto place = community_place(act.db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(act.db, actor), *place)) return *refused;
        if (name_taken(act.db, "councils", "community_id", community_id, name))
            return make_error("name_taken", "name");
        CouncilRules preset = preset_rules(kind);
        Statement q(act.db,
                    "INSERT INTO councils (community_id, name, kind, cosign_threshold) "
                    "VALUES (?, ?, ?, ?) RETURNING id");
        q.bind(1, community_id);
        q.bind(2, name);
        q.bind(3, to_string(kind));
        q.bind(4, preset.cosign_threshold);
        PlaceRecord p = place_record(single(q).int64(), name, community_id);
        p.kind = to_string(kind);
        act.in_community(community_id);
        act.record("council_created", Json{{"council_id", p.id},
                                           {"community_id", community_id},
                                           {"name", name},
                                           {"kind", p.kind}});
        return p;
    });
}

Result<PlaceRecord> Store::create_grid(Id actor, Id community_id, const std::string& name,
                                       std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        auto place = community_place(act.db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(act.db, actor), *place)) return *refused;
        if (name_taken(act.db, "grids", "community_id", community_id, name))
            return make_error("name_taken", "name");
        Statement q(act.db, "INSERT INTO grids (community_id, name) VALUES (?, ?) RETURNING id");
        q.bind(1, community_id);
        q.bind(2, name);
        PlaceRecord p = place_record(single(q).int64(), name, community_id);
        act.in_community(community_id);
        act.record("grid_created",
                   Json{{"grid_id", p.id}, {"community_id", community_id}, {"name", name}});
        return p;
    });
}

Result<PendingAccount> Store::create_staff(Id actor, const StaffRequest& r,
                                           const std::string& code_hash, std::int64_t now,
                                           std::int64_t expires_at) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PendingAccount> {
        Connection& db = act.db;
        // Where the account belongs, from the id its kind names.
        Place place;
        Id council_id = 0, grid_id = 0, department_id = 0;
        std::string field;
        switch (r.kind) {
            case StaffKind::street_admin:
            case StaffKind::cppcc_member:
            case StaffKind::community_admin:
                if (r.kind == StaffKind::community_admin) {
                    field = "community_id";
                    auto p = community_place(db, r.place_id);
                    if (!p) return make_error("not_found", field);
                    place = *p;
                } else {
                    field = "street_id";
                    if (!exists(db, "SELECT 1 FROM streets WHERE id = ?", r.place_id))
                        return make_error("not_found", field);
                    place.street_id = r.place_id;
                }
                break;
            case StaffKind::department: {
                field = "department_id";
                Statement q(db, "SELECT street_id FROM departments WHERE id = ?");
                q.bind(1, r.place_id);
                if (!q.step()) return make_error("not_found", field);
                place.street_id = q.column(0).int64();
                department_id = r.place_id;
                break;
            }
            case StaffKind::grid_worker: {
                field = "grid_id";
                Statement q(db, "SELECT community_id FROM grids WHERE id = ?");
                q.bind(1, r.place_id);
                if (!q.step()) return make_error("not_found", field);
                place = *community_place(db, q.column(0).int64());
                grid_id = r.place_id;
                break;
            }
            case StaffKind::party_committee: {
                field = "council_id";
                Statement q(db, "SELECT community_id FROM councils WHERE id = ?");
                q.bind(1, r.place_id);
                if (!q.step()) return make_error("not_found", field);
                place = *community_place(db, q.column(0).int64());
                council_id = r.place_id;
                break;
            }
        }
        if (auto refused = may_create_staff(scope_of(db, actor), r.kind, place)) return *refused;

        Role role = role_of(r.kind);
        Id id = insert_pending_member(db, r.name, role, place.community_id, place.street_id);
        if (grid_id || department_id) {
            Statement q(db, "UPDATE members SET grid_id = ?, department_id = ? WHERE id = ?");
            if (grid_id) q.bind(1, grid_id); else q.bind(1);
            if (department_id) q.bind(2, department_id); else q.bind(2);
            q.bind(3, id);
            q.run();
        }
        if (r.kind == StaffKind::street_admin || r.kind == StaffKind::community_admin) {
            Statement q(db, "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (?, ?, ?)");
            q.bind(1, id);
            q.bind(2, r.kind == StaffKind::street_admin ? "street" : "community");
            q.bind(3, r.kind == StaffKind::street_admin ? place.street_id : place.community_id);
            q.run();
        }
        if (council_id) {
            Statement q(db, "INSERT INTO council_members (council_id, member_id) VALUES (?, ?)");
            q.bind(1, council_id);
            q.bind(2, id);
            q.run();
        }
        insert_code(db, id, CodePurpose::activation, code_hash, actor, now, expires_at);
        act.in_community(place.community_id ? place.community_id : kCityChain);
        act.record("staff_created", Json{{"member_id", id},
                                         {"name", r.name},
                                         {"kind", to_string(r.kind)},
                                         {field, r.place_id},
                                         {"code_expires_at", expires_at}});
        return PendingAccount{id, r.name, to_string(role), ""};
    });
}

Result<std::vector<MemberRow>> Store::community_members(Id actor, Id community_id,
                                                        const MemberFilter& f) {
    return impl_->read([&](Connection& db) -> Result<std::vector<MemberRow>> {
        auto place = community_place(db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(db, actor), *place)) return *refused;
        // Members of the community, and those seated in its councils from elsewhere.
        std::string sql = std::string(kMemberRowSelect) +
                          " WHERE (m.community_id = ?1 OR m.id IN (SELECT cm.member_id FROM "
                          "council_members cm JOIN councils c ON c.id = cm.council_id "
                          "WHERE c.community_id = ?1))";
        int next = 2;
        std::vector<std::string> binds;
        auto like = [](const std::string& s) { return "%" + s + "%"; };
        if (!f.text.empty()) {
            sql += " AND (m.name LIKE ?" + std::to_string(next) + " OR COALESCE(h.label, '') LIKE ?" +
                   std::to_string(next) + " OR (m.password_hash <> '' AND m.login LIKE ?" +
                   std::to_string(next) + "))";
            binds.push_back(like(f.text));
            ++next;
        }
        if (!f.grid.empty()) {
            sql += " AND COALESCE(g.name, '') = ?" + std::to_string(next++);
            binds.push_back(f.grid);
        }
        if (!f.building.empty()) {
            sql += " AND m.building = ?" + std::to_string(next++);
            binds.push_back(f.building);
        }
        if (!f.role.empty()) {
            sql += " AND m.role = ?" + std::to_string(next++);
            binds.push_back(f.role);
        }
        if (f.active) sql += *f.active ? " AND m.active = 1" : " AND m.active = 0";
        sql += " ORDER BY m.name, m.id";
        Statement q(db, sql);
        q.bind(1, community_id);
        for (std::size_t i = 0; i < binds.size(); ++i) q.bind(static_cast<int>(i + 2), binds[i]);
        std::vector<MemberRow> rows;
        while (q.step()) rows.push_back(member_row_from(db, q));
        return rows;
    });
}

Result<MemberRow> Store::set_member_role(Id actor, Id member_id, std::optional<Role> role,
                                         Id council_id, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<MemberRow> {
        Connection& db = act.db;
        auto place = member_place(db, member_id);
        if (!place) return place.error();
        auto scope = scope_of(db, actor);
        if (!role && !council_id) return make_error("missing_field", "role");
        // Staff named with their own role are only seated: they keep it and have no vote.
        if (role && council_id && seatable_staff_role(*role)) {
            auto current = member_row(db, member_id);
            if (current && current->role == to_string(*role)) role.reset();
        }
        if (role) {
            if (auto refused = may_manage_community(scope, place.value())) return *refused;
            if (!assignable_council_role(*role)) return make_error("bad_role", "role");
        }
        auto before = member_row(db, member_id);
        if (!before->active) return make_error("member_inactive", "member_id");
        Id chain = place.value().community_id;
        if (council_id) {
            Statement c(db, "SELECT community_id FROM councils WHERE id = ?");
            c.bind(1, council_id);
            if (!c.step()) return make_error("not_found", "council_id");
            auto seat_place = community_place(db, c.column(0).int64());
            c.reset();
            if (auto refused = may_manage_community(scope, *seat_place)) return *refused;
            // A seat in the member's own community, or, for those who serve the whole street
            // (departments, CPPCC members), in any community of that street.
            bool own = place.value().community_id == seat_place->community_id;
            bool serves = place.value().community_id == 0 &&
                          place.value().street_id == seat_place->street_id;
            if (!own && !serves) return make_error("outside_scope", "council_id");
            chain = seat_place->community_id;
            Statement seat(db,
                           "INSERT INTO council_members (council_id, member_id) VALUES (?, ?) "
                           "ON CONFLICT DO NOTHING");
            seat.bind(1, council_id);
            seat.bind(2, member_id);
            seat.run();
        }
        if (role) {
            Statement q(db, "UPDATE members SET role = ? WHERE id = ?");
            q.bind(1, to_string(*role));
            q.bind(2, member_id);
            q.run();
        }
        act.in_community(chain);
        act.record(role ? "member_role_changed" : "member_seated",
                   Json{{"member_id", member_id},
                        {"from", before->role},
                        {"to", role ? to_string(*role) : before->role},
                        {"council_id", council_id}});
        return *member_row(db, member_id);
    });
}

Result<MemberRow> Store::deactivate_member(Id actor, Id member_id, const std::string& reason,
                                           std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<MemberRow> {
        Connection& db = act.db;
        auto place = member_place(db, member_id);
        if (!place) return place.error();
        if (auto refused = may_manage_community(scope_of(db, actor), place.value())) return *refused;
        if (member_id == actor) return make_error("outside_scope", "member_id");
        if (!member_row(db, member_id)->active) return make_error("already_inactive", "member_id");
        Statement q(db, "UPDATE members SET active = 0 WHERE id = ?");
        q.bind(1, member_id);
        q.run();
        for (const char* sql : {"DELETE FROM auth_tokens WHERE member_id = ?",
                                "UPDATE account_codes SET expires_at = 0 WHERE member_id = ? "
                                "AND used_at IS NULL"}) {
            Statement s(db, sql);
            s.bind(1, member_id);
            s.run();
        }
        act.in_community(place.value().community_id);
        act.record("member_deactivated", Json{{"member_id", member_id}, {"reason", reason}});
        return *member_row(db, member_id);
    });
}

Result<std::int64_t> Store::issue_reset_code(Id actor, Id member_id, const std::string& code_hash,
                                             std::int64_t now, std::int64_t expires_at) {
    return impl_->act(actor, now, [&](Act& act) -> Result<std::int64_t> {
        Connection& db = act.db;
        auto place = member_place(db, member_id);
        if (!place) return place.error();
        if (auto refused = may_manage_community(scope_of(db, actor), place.value())) return *refused;
        auto row = member_row(db, member_id);
        if (!row->active) return make_error("member_inactive", "member_id");
        if (!row->activated) return make_error("code_invalid", "member_id");
        insert_code(db, member_id, CodePurpose::reset, code_hash, actor, now, expires_at);
        act.in_community(place.value().community_id);
        // The code is a secret: the log says one was issued, not what it is.
        act.record("reset_code_issued", Json{{"member_id", member_id}, {"expires_at", expires_at}});
        return expires_at;
    });
}

Result<Member> Store::reset_password(const std::string& code_hash, const std::string& password_hash,
                                     std::int64_t now) {
    return impl_->act(std::nullopt, now, [&](Act& act) -> Result<Member> {
        Connection& db = act.db;
        Statement q(db,
                    "SELECT c.id, c.member_id, c.expires_at, c.used_at IS NOT NULL, m.active "
                    "FROM account_codes c JOIN members m ON m.id = c.member_id "
                    "WHERE c.code_hash = ? AND c.purpose = 'reset'");
        q.bind(1, code_hash);
        if (!q.step()) return make_error("code_invalid", "code");
        Id code_id = q.column(0).int64();
        Id member_id = q.column(1).int64();
        if (q.column(3).integer() != 0) return make_error("code_used", "code");
        if (now >= q.column(2).int64()) return make_error("code_expired", "code");
        if (q.column(4).integer() == 0) return make_error("member_inactive", "code");
        q.reset();
        Statement set(db, "UPDATE members SET password_hash = ? WHERE id = ?");
        set.bind(1, password_hash);
        set.bind(2, member_id);
        set.run();
        Statement spend(db, "UPDATE account_codes SET used_at = ? WHERE id = ? AND used_at IS NULL");
        spend.bind(1, now);
        spend.bind(2, code_id);
        if (spend.run() != 1) throw StoreError("a reset code was spent twice in one transaction");
        Statement end(db, "DELETE FROM auth_tokens WHERE member_id = ?");
        end.bind(1, member_id);
        end.run();
        act.actor = member_id;
        act.in_community(managing_community(db, member_id));
        act.record("password_reset", Json{{"member_id", member_id}});
        Statement m(db, "SELECT id, login, name, role FROM members WHERE id = ?");
        m.bind(1, member_id);
        m.step();
        return member_from(m);
    });
}

Result<RosterWritten> Store::import_roster(Id actor, Id community_id, Id council_id,
                                           const std::vector<RosterRow>& rows, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<RosterWritten> {
        Connection& db = act.db;
        auto place = community_place(db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(db, actor), *place)) return *refused;
        if (council_id) {
            Statement c(db, "SELECT community_id FROM councils WHERE id = ?");
            c.bind(1, council_id);
            if (!c.step()) return make_error("not_found", "council_id");
            if (c.column(0).int64() != community_id) return make_error("outside_scope", "council_id");
        }
        // Thousands of rows in one transaction: the community's households and grids are read
        // once, and new rows go in batches, so that a server over the network (PostgreSQL)
        // makes few round trips.
        auto known = [&](const char* table, const char* key) {
            std::map<std::string, Id> ids;
            Statement q(db, std::string("SELECT ") + key + ", id FROM " + table +
                                " WHERE community_id = ?");
            q.bind(1, community_id);
            while (q.step()) ids[q.column(0).text()] = q.column(1).int64();
            return ids;
        };
        std::map<std::string, Id> households = known("households", "label");
        std::map<std::string, Id> grids = known("grids", "name");
        RosterWritten written;

        for (const RosterRow& r : rows) {
            if (r.grid.empty() || grids.count(r.grid)) continue;
            Statement add(db, "INSERT INTO grids (community_id, name) VALUES (?, ?) RETURNING id");
            add.bind(1, community_id);
            add.bind(2, r.grid);
            grids[r.grid] = single(add).int64();
            ++written.grids;
        }
        std::vector<std::string> new_labels;
        for (const RosterRow& r : rows) {
            std::string label = r.household();
            if (!label.empty() && !households.count(label)) {
                households[label] = 0;
                new_labels.push_back(label);
            }
        }
        constexpr std::size_t kBatch = 100;  // rows per statement: the drivers bind at most 1,000 values
        for (std::size_t at = 0; at < new_labels.size(); at += kBatch) {
            std::size_t n = std::min(kBatch, new_labels.size() - at);
            std::string sql = "INSERT INTO households (community_id, label) VALUES ";
            for (std::size_t i = 0; i < n; ++i) sql += i ? ", (?, ?)" : "(?, ?)";
            Statement add(db, sql + " RETURNING id, label");
            for (std::size_t i = 0; i < n; ++i) {
                add.bind(static_cast<int>(2 * i + 1), community_id);
                add.bind(static_cast<int>(2 * i + 2), new_labels[at + i]);
            }
            while (add.step()) households[add.column(1).text()] = add.column(0).int64();
        }
        written.households = static_cast<std::int64_t>(new_labels.size());

        // Logins of accounts still to be activated: '#', this import's tag and the row's line;
        // no login people choose can start with '#'.
        const std::string tag = "#" + new_token().substr(0, 16) + "-";
        constexpr int kColumns = 8;
        for (std::size_t at = 0; at < rows.size(); at += kBatch) {
            std::size_t n = std::min(kBatch, rows.size() - at);
            std::string sql =
                "INSERT INTO members (login, name, role, password_hash, household_id, floor_area, "
                "community_id, grid_id, phone, building) VALUES ";
            for (std::size_t i = 0; i < n; ++i)
                sql += std::string(i ? ", " : "") + "(?, ?, 'resident', '', ?, ?, ?, ?, ?, ?)";
            Statement add(db, sql);
            for (std::size_t i = 0; i < n; ++i) {
                const RosterRow& r = rows[at + i];
                int c = static_cast<int>(i) * kColumns;
                add.bind(c + 1, tag + std::to_string(r.line));
                add.bind(c + 2, r.name);
                std::string label = r.household();
                if (label.empty()) add.bind(c + 3); else add.bind(c + 3, households.at(label));
                add.bind(c + 4, r.floor_area_centi_m2);
                add.bind(c + 5, community_id);
                if (r.grid.empty()) add.bind(c + 6); else add.bind(c + 6, grids.at(r.grid));
                add.bind(c + 7, r.phone);
                add.bind(c + 8, r.building);
            }
            add.run();
        }
        written.members = static_cast<std::int64_t>(rows.size());
        if (council_id) {
            Statement seat(db,
                           "INSERT INTO council_members (council_id, member_id) "
                           "SELECT ?, id FROM members WHERE community_id = ? AND login LIKE ?");
            seat.bind(1, council_id);
            seat.bind(2, community_id);
            seat.bind(3, tag + "%");
            seat.run();
        }
        act.in_community(community_id);
        act.record("roster_imported", Json{{"community_id", community_id},
                                           {"council_id", council_id},
                                           {"members", written.members},
                                           {"households", written.households},
                                           {"grids", written.grids}});
        return written;
    });
}

Result<std::vector<PendingAccount>> Store::pending_accounts(Id actor, Id community_id,
                                                            const std::vector<Id>& member_ids) {
    return impl_->read([&](Connection& db) -> Result<std::vector<PendingAccount>> {
        auto place = community_place(db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(db, actor), *place)) return *refused;
        std::vector<PendingAccount> out;
        Statement q(db,
                    "SELECT m.id, m.name, m.role, COALESCE(h.label, '') FROM members m "
                    "LEFT JOIN households h ON h.id = m.household_id "
                    "WHERE m.community_id = ? AND m.password_hash = '' AND m.active = 1 "
                    "ORDER BY h.label, m.id");
        q.bind(1, community_id);
        while (q.step()) {
            PendingAccount p{q.column(0).int64(), q.column(1).text(), q.column(2).text(),
                             q.column(3).text()};
            if (member_ids.empty() ||
                std::find(member_ids.begin(), member_ids.end(), p.member_id) != member_ids.end())
                out.push_back(p);
        }
        for (Id id : member_ids) {
            bool found = std::any_of(out.begin(), out.end(),
                                     [&](const PendingAccount& p) { return p.member_id == id; });
            if (!found) return make_error("already_activated", "member_ids");
        }
        return out;
    });
}

Check Store::grant_activation_codes(Id actor, Id community_id, const std::vector<CodeGrant>& grants,
                                    std::int64_t now, std::int64_t expires_at) {
    auto out = impl_->act(actor, now, [&](Act& act) -> Result<bool> {
        Connection& db = act.db;
        auto place = community_place(db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_manage_community(scope_of(db, actor), *place)) return *refused;
        std::set<Id> pending;
        Statement q(db,
                    "SELECT id FROM members WHERE community_id = ? AND password_hash = '' "
                    "AND active = 1");
        q.bind(1, community_id);
        while (q.step()) pending.insert(q.column(0).int64());
        for (const CodeGrant& g : grants)
            if (!pending.count(g.member_id)) return make_error("already_activated", "member_ids");
        // In batches, as the roster's rows: a sheet may hold thousands of slips.
        constexpr std::size_t kBatch = 100;  // rows per statement: the drivers bind at most 1,000 values
        for (std::size_t at = 0; at < grants.size(); at += kBatch) {
            std::size_t n = std::min(kBatch, grants.size() - at);
            std::string ids, rows;
            for (std::size_t i = 0; i < n; ++i) {
                ids += i ? ", ?" : "?";
                rows += i ? ", (?, ?, 'activation', ?, ?, ?)" : "(?, ?, 'activation', ?, ?, ?)";
            }
            // New codes end the members' earlier unused ones.
            Statement end(db, "UPDATE account_codes SET expires_at = ? WHERE purpose = 'activation' "
                              "AND used_at IS NULL AND expires_at > ? AND member_id IN (" + ids + ")");
            end.bind(1, now);
            end.bind(2, now);
            for (std::size_t i = 0; i < n; ++i) end.bind(static_cast<int>(i + 3), grants[at + i].member_id);
            end.run();
            Statement add(db, "INSERT INTO account_codes (code_hash, member_id, purpose, created_by, "
                              "created_at, expires_at) VALUES " + rows);
            for (std::size_t i = 0; i < n; ++i) {
                int c = static_cast<int>(i) * 5;
                add.bind(c + 1, grants[at + i].code_hash);
                add.bind(c + 2, grants[at + i].member_id);
                add.bind(c + 3, actor);
                add.bind(c + 4, now);
                add.bind(c + 5, expires_at);
            }
            add.run();
        }
        act.in_community(community_id);
        act.record("activation_codes_issued", Json{{"community_id", community_id},
                                                   {"members", grants.size()},
                                                   {"expires_at", expires_at}});
        return true;
    });
    if (!out) return out.error();
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> Store::community_names(Id community_id) {
    return impl_->read([&](Connection& db) -> std::optional<std::pair<std::string, std::string>> {
        Statement q(db, "SELECT street, name FROM communities WHERE id = ?");
        q.bind(1, community_id);
        if (!q.step()) return std::nullopt;
        return std::make_pair(q.column(0).text(), q.column(1).text());
    });
}

}  // namespace yishi::server
