// Domain entities as plain data: no behaviour, no I/O.
#pragma once
#include <cstdint>
#include <string>

namespace yishi {

using Id = std::int64_t;

// A place, council or committee named in a list or a picker.
struct NamedId {
    Id id = 0;
    std::string name;
};

// A person with an account. Roles beyond resident and convenor arrive with the full flow.
struct Member {
    Id id = 0;
    std::string login;
    std::string name;
    std::string role;  // "resident", "convenor"; see roles.hpp for the full set
    Id household_id = 0;                   // 户: 0 when not recorded
    std::int64_t floor_area_centi_m2 = 0;  // owners' private floor area in 1/100 m² (integer)
};

// 议事会: a council whose members raise and decide issues.
struct Council {
    Id id = 0;
    std::string name;
    std::string community;     // 社区
    std::string kind;          // "residents_council" (居民议事会)
    int cosign_threshold = 5;  // co-signs that put an issue on the period's list
    int member_count = 0;
};

// Where an issue stands: collecting co-signs, on the period's list (季度议题清单), merged into
// another or declined (both with a public reason), on a session's agenda, or resolved by a ballot.
// "decided" is deliberately not a stage name: the ballot's outcome says how it was decided.
enum class IssueStage { collecting, listed, merged, declined, scheduled, resolved };

const char* to_string(IssueStage s);
bool issue_stage_from_string(const std::string& s, IssueStage& out);

// 议题: an issue raised in a council.
struct Issue {
    Id id = 0;
    Id council_id = 0;
    std::string title;
    std::string body;
    Id author_id = 0;
    std::string author_name;
    std::int64_t created_at = 0;  // Unix seconds
    int cosigns = 0;              // 附议 count
    IssueStage stage = IssueStage::collecting;
    bool cosigned_by_me = false;  // filled per viewer by the server
    std::string category;         // 类别, e.g. "停车"; may be empty
    std::string tag;              // grid or building (网格/楼栋), e.g. "3号楼"; may be empty
    Id raised_by_id = 0;          // a grid worker who raised it for the author (代提); 0 if none
    std::string raised_for_name;       // a resident without an account the author raised it for
    std::string raised_for_household;  // that resident's household (户); may be empty
    Id merged_into = 0;           // the issue it was merged into, when merged
    std::string reason;           // the public reason of a merge or decline
};

}  // namespace yishi
