// Administration's rules: which scope reaches which place, and who may create what.
#include "yishi/administration.hpp"

#include "yishi/text.hpp"

namespace yishi {

namespace {
template <typename E>
struct Named {
    E value;
    const char* name;
};
constexpr Named<AdminLevel> kLevels[] = {
    {AdminLevel::platform, "platform"},
    {AdminLevel::street, "street"},
    {AdminLevel::community, "community"},
};
constexpr Named<StaffKind> kStaff[] = {
    {StaffKind::street_admin, "street_admin"},     {StaffKind::community_admin, "community_admin"},
    {StaffKind::department, "department"},         {StaffKind::grid_worker, "grid_worker"},
    {StaffKind::cppcc_member, "cppcc_member"},     {StaffKind::party_committee, "party_committee"},
};

template <typename E, std::size_t N>
const char* name_of(const Named<E> (&table)[N], E value) {
    for (const auto& n : table)
        if (n.value == value) return n.name;
    return table[0].name;
}
template <typename E, std::size_t N>
bool parse(const Named<E> (&table)[N], const std::string& s, E& out) {
    for (const auto& n : table)
        if (s == n.name) {
            out = n.value;
            return true;
        }
    return false;
}

Check refused(const std::optional<AdminScope>& scope) {
    return make_error(scope ? "outside_scope" : "not_admin");
}
}  // namespace

const char* to_string(AdminLevel l) { return name_of(kLevels, l); }
bool admin_level_from_string(const std::string& s, AdminLevel& out) { return parse(kLevels, s, out); }
const char* to_string(StaffKind k) { return name_of(kStaff, k); }
bool staff_kind_from_string(const std::string& s, StaffKind& out) { return parse(kStaff, s, out); }

const char* to_string(CodePurpose p) { return p == CodePurpose::activation ? "activation" : "reset"; }

bool reaches(const AdminScope& scope, const Place& place) {
    switch (scope.level) {
        case AdminLevel::platform: return true;
        case AdminLevel::street: return place.street_id != 0 && place.street_id == scope.id;
        case AdminLevel::community:
            return place.community_id != 0 && place.community_id == scope.id;
    }
    return false;
}

Check may_create_street(const std::optional<AdminScope>& scope) {
    if (scope && scope->level == AdminLevel::platform) return std::nullopt;
    return refused(scope);
}

Check may_create_in_street(const std::optional<AdminScope>& scope, Id street_id) {
    if (scope && scope->level != AdminLevel::community && reaches(*scope, Place{street_id, 0}))
        return std::nullopt;
    return refused(scope);
}

Check may_manage_community(const std::optional<AdminScope>& scope, const Place& community) {
    if (scope && reaches(*scope, community)) return std::nullopt;
    return refused(scope);
}

Check may_administer_cppcc(const std::optional<AdminScope>& scope, Id street_id) {
    return may_create_in_street(scope, street_id);
}

Check may_seat_cppcc_member(const std::optional<AdminScope>& scope, Id street_id,
                            bool member_active) {
    if (auto refused = may_administer_cppcc(scope, street_id)) return refused;
    if (!member_active) return make_error("member_inactive", "member_id");
    return std::nullopt;
}

Role role_of(StaffKind k) {
    switch (k) {
        case StaffKind::street_admin:
        case StaffKind::community_admin: return Role::admin;
        case StaffKind::department: return Role::department;
        case StaffKind::grid_worker: return Role::grid_worker;
        case StaffKind::cppcc_member: return Role::cppcc_member;
        case StaffKind::party_committee: return Role::party_committee;
    }
    return Role::resident;
}

const char* place_field(StaffKind k) {
    switch (k) {
        case StaffKind::street_admin:
        case StaffKind::cppcc_member: return "street_id";
        case StaffKind::community_admin: return "community_id";
        case StaffKind::department: return "department_id";
        case StaffKind::grid_worker: return "grid_id";
        case StaffKind::party_committee: return "council_id";
    }
    return "street_id";
}

Check may_create_staff(const std::optional<AdminScope>& scope, StaffKind kind, const Place& place) {
    switch (kind) {
        case StaffKind::street_admin: return may_create_street(scope);
        case StaffKind::community_admin:
        case StaffKind::department:
        case StaffKind::cppcc_member: return may_create_in_street(scope, place.street_id);
        case StaffKind::grid_worker:
        case StaffKind::party_committee: return may_manage_community(scope, place);
    }
    return refused(scope);
}

bool assignable_council_role(Role r) {
    return r == Role::resident || r == Role::council_member || r == Role::convenor;
}

bool seatable_staff_role(Role r) {
    return r == Role::department || r == Role::grid_worker || r == Role::cppcc_member;
}

Result<std::string> check_place_name(std::string_view text, const std::string& field) {
    return validate_text(text, field, kPlaceNameMaxChars, TextLines::one);
}

}  // namespace yishi
