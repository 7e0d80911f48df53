// 提 (propose): raising an issue (also 代提 by a grid worker), and the convenor's list work:
// accept onto the period's list, merge a duplicate, decline — merge and decline with a reason.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"
#include "yishi/roles.hpp"

namespace yishi {

constexpr std::size_t kCategoryMaxChars = 20;
constexpr std::size_t kTagMaxChars = 40;
constexpr std::size_t kReasonMaxChars = 500;
constexpr std::size_t kHouseholdMaxChars = 40;  // 户, e.g. "3栋2单元501"

struct RaiseIssue {
    std::string title;
    std::string body;
    std::string category;  // optional
    std::string tag;       // optional grid/building tag
    Id on_behalf_of = 0;   // the resident a grid worker raises it for; 0 for oneself
    // A resident without an account a grid worker raises it for: name (required then) and
    // household; the grid worker stays the author. Never together with on_behalf_of.
    std::string raised_for_name;
    std::string raised_for_household;
};

// Any member of the council may raise an issue; only a grid worker may raise one for a resident.
Check may_raise_issue(const Actor& actor, bool on_behalf);

// A new issue collecting co-signs; on behalf of a resident with an account the resident is the
// author and the grid worker is recorded in raised_by_id; for one without, the grid worker is the
// author and the resident's name and household are kept. Texts are validated and trimmed.
Result<Issue> raise_issue(const Actor& actor, Id council_id, const RaiseIssue& r,
                          std::int64_t now);

// The convenor puts a collecting issue on the period's list before it reaches the threshold.
Check may_accept_issue(const Actor& actor, const Issue& issue);
Result<Issue> accept_issue(const Actor& actor, const Issue& issue);

// The convenor merges a collecting or listed issue into another open one of the same council.
Check may_merge_issue(const Actor& actor, const Issue& issue, const Issue& into);
Result<Issue> merge_issue(const Actor& actor, const Issue& issue, const Issue& into,
                          const std::string& reason);

// The convenor declines a collecting or listed issue, with a reason everyone can read.
Check may_decline_issue(const Actor& actor, const Issue& issue);
Result<Issue> decline_issue(const Actor& actor, const Issue& issue, const std::string& reason);

// An issue still open for work: not merged, declined or resolved.
bool issue_open(const Issue& issue);

}  // namespace yishi
