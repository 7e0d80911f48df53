// Role names as they appear in JSON and the database, and membership lookup.
#include "yishi/roles.hpp"

namespace yishi {

namespace {
struct Name {
    Role role;
    const char* name;
};
constexpr Name kNames[] = {
    {Role::resident, "resident"},       {Role::council_member, "council_member"},
    {Role::convenor, "convenor"},       {Role::party_committee, "party_committee"},
    {Role::cppcc_member, "cppcc_member"}, {Role::department, "department"},
    {Role::grid_worker, "grid_worker"}, {Role::admin, "admin"},
};
}  // namespace

const char* to_string(Role r) {
    for (const auto& n : kNames)
        if (n.role == r) return n.name;
    return "resident";
}

bool role_from_string(const std::string& s, Role& out) {
    for (const auto& n : kNames)
        if (s == n.name) { out = n.role; return true; }
    return false;
}

bool role_votes(Role r) {
    return r != Role::department && r != Role::grid_worker && r != Role::admin;
}

Membership make_membership(Id council_id, Id member_id, Role role) {
    return Membership{council_id, member_id, role, role_votes(role)};
}

Actor actor_in(const Member& m, const std::vector<Membership>& memberships, Id council_id) {
    Actor a;
    a.member_id = m.id;
    role_from_string(m.role, a.role);
    for (const auto& ms : memberships) {
        if (ms.council_id == council_id && ms.member_id == m.id) {
            a.role = ms.role;
            a.member = true;
            a.voting = ms.voting;
            break;
        }
    }
    return a;
}

bool convenes(const Actor& a) {
    return a.member && (a.role == Role::convenor || a.role == Role::party_committee);
}

}  // namespace yishi
