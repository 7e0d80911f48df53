// Roles, per-council membership (成员资格) and the Actor: who is acting, as seen from one council.
#pragma once
#include <string>
#include <vector>

#include "yishi/model.hpp"

namespace yishi {

enum class Role {
    resident,         // 居民
    council_member,   // 议事会成员
    convenor,         // 召集人: runs the lists, sessions, ballots and tasks
    party_committee,  // 社区党委: convenes like a convenor
    cppcc_member,     // 政协委员
    department,       // 部门/责任单位: official replies, task progress and answers
    grid_worker,      // 网格员: raises issues on behalf of residents (代提)
    admin,            // 系统管理员: accounts only, no say in a council's decisions
};

const char* to_string(Role r);
bool role_from_string(const std::string& s, Role& out);

// Roles that take part in quorums and ballots by default; departments, grid workers and
// admins serve the council but do not decide for it.
bool role_votes(Role r);

// One member's place in one council.
struct Membership {
    Id council_id = 0;
    Id member_id = 0;
    Role role = Role::resident;
    bool voting = true;
};

Membership make_membership(Id council_id, Id member_id, Role role);

// The acting member as one council sees them; `member` is false for outsiders.
struct Actor {
    Id member_id = 0;
    Role role = Role::resident;
    bool member = false;
    bool voting = false;
};

// Looks the member up in the memberships of `council_id`.
Actor actor_in(const Member& m, const std::vector<Membership>& memberships, Id council_id);

// A member of the council who convenes it (召集人 or 社区党委).
bool convenes(const Actor& a);

}  // namespace yishi
