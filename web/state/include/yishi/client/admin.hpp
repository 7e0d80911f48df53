// 管理: what the client keeps of the organisation (street → communities → councils, grids;
// departments), a community's members, a roster import's preview and one-time codes, and what
// an administrator's scope reaches (mirroring the server's checks, to grey out the refused).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/administration.hpp"
#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi::client {

struct AdminCouncil {
    Id id = 0;
    std::string name;
    std::string kind;  // residents_council, residents_meeting, villagers_meeting, ...
    std::int64_t member_count = 0;
};
struct AdminGrid {  // 网格
    Id id = 0;
    std::string name;
};
struct AdminCommunity {  // 社区
    Id id = 0;
    std::string name;
    std::vector<AdminCouncil> councils;
    std::vector<AdminGrid> grids;
};
struct AdminDepartment {  // 责任单位
    Id id = 0;
    std::string name;
};
struct AdminCppcc {  // 政协, sitting at a street (or county) level
    Id id = 0;
    std::string name;
};
struct AdminStreet {  // 街道
    Id id = 0;
    std::string name;
    std::vector<AdminDepartment> departments;
    std::vector<AdminCommunity> communities;
    std::vector<AdminCppcc> cppccs;
};
struct AdminTree {
    std::optional<AdminScope> scope;
    std::vector<AdminStreet> streets;
    const AdminCommunity* find_community(Id id, Id* street_id = nullptr) const;
};

// One member of a community as its administrators see them.
struct AdminMember {
    Id id = 0;
    std::string name;
    std::string login;  // empty until the code is used
    std::string role;
    std::string household;
    std::string building;
    std::string grid;
    bool active = true;
    bool activated = false;
    std::vector<Id> councils;
};

// 花名册: one row that will be created, and one refused with its line number and reason.
struct RosterRow {
    std::int64_t line = 0;
    std::string name, building, unit, room, household, grid, floor_area, phone;
};
struct RosterRefusal {
    std::int64_t line = 0;
    std::string code;
    std::string message;  // the server's Chinese reason
};
struct RosterPreview {
    std::vector<RosterRow> accepted;
    std::vector<RosterRefusal> refused;
    bool written = false;
};

// The CSV file picked for a community, as bytes, and the server's answer to it.
struct RosterImport {
    Id community_id = 0;
    Id council_id = 0;
    std::string file_name;
    std::string bytes;
    std::optional<RosterPreview> preview;
};

// An activation or reset code, shown once in clear right after the server made it.
struct OneTimeCode {
    std::string kind;   // "activation" (staff), "reset"
    std::string name;   // whose code it is
    Id member_id = 0;
    std::string code;
    std::int64_t expires_at = 0;
};

// The member list's filters (GET .../members?q=&grid=&building=&role=&active=).
struct MemberFilter {
    std::string q;
    std::string grid;
    std::string building;
    std::string role;
    std::string active;  // "1", "0" or "" for both
    friend bool operator==(const MemberFilter&, const MemberFilter&) = default;
};

struct AdminData {
    std::optional<bool> setup_needed;  // GET /api/setup; unknown until it answers
    AdminTree tree;
    bool tree_loaded = false;
    Id members_community = 0;  // the community whose members `members` holds
    std::vector<AdminMember> members;
    bool members_loaded = false;
    MemberFilter filter;  // the filter the list was loaded with
    std::optional<RosterImport> roster;
    std::optional<OneTimeCode> code;
    std::uint64_t created = 0;  // counts accepted creations, so forms know to clear
};

// The five kinds of council (议事机构), in the order the form offers them.
extern const char* const kCouncilKinds[5];

// Where a staff account of `kind` may be attached within the scope's reach, by the core's
// rules (the server applies the same): the street, community, department, grid or council.
struct StaffPlace {
    Id id = 0;
    std::string name;  // "幸福里社区 · 第一网格"
    Place place;
};
std::vector<StaffPlace> staff_places(const AdminTree& tree, const std::optional<AdminScope>& scope,
                                     StaffKind kind);

// Replies of the administration API. The scope is GET /api/me's (or a login reply's) `admin`:
// nullopt for a member who administers nothing.
Result<std::optional<AdminScope>> decode_admin_scope(std::string_view body_with_admin);
Result<AdminTree> decode_admin_tree(std::string_view body);
Result<std::vector<AdminMember>> decode_admin_members(std::string_view body);
Result<AdminMember> decode_admin_member(std::string_view body);
Result<RosterPreview> decode_roster_preview(std::string_view body);
Result<OneTimeCode> decode_one_time_code(std::string_view body);

// "a b&c" → "a%20b%26c": a query parameter's value as a URL wants it (UTF-8 bytes escaped).
std::string url_encode(std::string_view text);

}  // namespace yishi::client
