// Domain entities as plain data: no behaviour, no I/O.
#pragma once
#include <cstdint>
#include <string>

namespace yishi {

using Id = std::int64_t;

// A person with an account. Roles beyond resident and convenor arrive with the full flow.
struct Member {
    Id id = 0;
    std::string login;
    std::string name;
    std::string role;  // "resident", "convenor"
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

// Where an issue stands in 提 (propose): collecting co-signs, or on the period's list.
enum class IssueStage { collecting, listed };

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
};

}  // namespace yishi
