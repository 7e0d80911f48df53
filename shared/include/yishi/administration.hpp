// Administration (管理): the organisation's tree, who administers which part of it, the staff
// accounts each level may create, and one-time account codes (activation, password reset).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"
#include "yishi/roles.hpp"

namespace yishi {

// Where an administrator's powers reach: the whole platform, one street (街道) or one community
// (社区). Each level creates what is below it.
enum class AdminLevel { platform, street, community };
const char* to_string(AdminLevel l);
bool admin_level_from_string(const std::string& s, AdminLevel& out);

struct AdminScope {
    AdminLevel level = AdminLevel::community;
    Id id = 0;  // the street or community; 0 for the platform
};

// A place in the tree: a community knows its street; a street is a place with community 0.
struct Place {
    Id street_id = 0;
    Id community_id = 0;
};

// Whether `scope` reaches `place`: the platform reaches everything, a street its communities,
// a community itself.
bool reaches(const AdminScope& scope, const Place& place);

// The rules of each administrative act; `scope` is empty for a caller who is no administrator.
Check may_create_street(const std::optional<AdminScope>& scope);
// Communities and departments (责任单位) are created within a street.
Check may_create_in_street(const std::optional<AdminScope>& scope, Id street_id);
// Councils, grids, the roster, members' roles, codes and deactivation: within a community.
Check may_manage_community(const std::optional<AdminScope>& scope, const Place& community);

// The CPPCC committee (政协) of a street: the street's administrators (or the platform's) create
// it and its special committees (专委会), and seat its people; only an active member takes a seat.
Check may_administer_cppcc(const std::optional<AdminScope>& scope, Id street_id);
Check may_seat_cppcc_member(const std::optional<AdminScope>& scope, Id street_id,
                            bool member_active);

// The staff accounts an administrator creates (each activated with a one-time code).
enum class StaffKind {
    street_admin,     // 街道管理员
    community_admin,  // 社区管理员 (居委会/社区党委工作人员)
    department,       // 责任单位
    grid_worker,      // 网格员
    cppcc_member,     // 政协委员
    party_committee,  // 社区党委: joins a council and convenes it
};
const char* to_string(StaffKind k);
bool staff_kind_from_string(const std::string& s, StaffKind& out);
// The member role the account gets.
Role role_of(StaffKind k);
// The request field that names where the account belongs: street_id, community_id,
// department_id, grid_id or council_id.
const char* place_field(StaffKind k);
// Who may create it where: street admins by the platform; community admins, departments and
// CPPCC members by the street's administrators; grid workers and party committee staff by the
// community's.
Check may_create_staff(const std::optional<AdminScope>& scope, StaffKind kind, const Place& place);

// The roles an administrator may give a member within one council.
bool assignable_council_role(Role r);
// Staff who keep their role and take a seat in a council without a vote: a department (责任单位)
// that answers its tasks, a grid worker who raises issues for its residents, a CPPCC member.
bool seatable_staff_role(Role r);

// One-time account codes: what they are for and how long they live.
enum class CodePurpose { activation, reset };
const char* to_string(CodePurpose p);
constexpr std::int64_t kActivationCodeSeconds = 30LL * 24 * 3600;
constexpr std::int64_t kResetCodeSeconds = 72LL * 3600;

// The names of streets, communities, councils, grids and departments: trimmed, one line,
// 1–40 characters, in `field`.
constexpr std::size_t kPlaceNameMaxChars = 40;
Result<std::string> check_place_name(std::string_view text, const std::string& field);

}  // namespace yishi
