// 附议 (co-sign): who may co-sign an issue, and when it reaches the period's list.
#pragma once
#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi {

// A member of the issue's council may co-sign once an issue somebody else raised,
// while it is still collecting co-signs.
Check check_cosign(const Issue& issue, Id actor, bool actor_is_member, bool already_cosigned);

// The stage after one more co-sign: an issue reaching the council's threshold is listed.
IssueStage stage_after_cosign(const Issue& issue, int cosigns_after, const Council& council);

}  // namespace yishi
