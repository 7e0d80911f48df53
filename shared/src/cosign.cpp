#include "yishi/cosign.hpp"

namespace yishi {

const char* to_string(IssueStage s) {
    switch (s) {
        case IssueStage::collecting: return "collecting";
        case IssueStage::listed: return "listed";
        case IssueStage::merged: return "merged";
        case IssueStage::declined: return "declined";
        case IssueStage::scheduled: return "scheduled";
        case IssueStage::resolved: return "resolved";
    }
    return "collecting";
}

bool issue_stage_from_string(const std::string& s, IssueStage& out) {
    if (s == "collecting") { out = IssueStage::collecting; return true; }
    if (s == "listed") { out = IssueStage::listed; return true; }
    if (s == "merged") { out = IssueStage::merged; return true; }
    if (s == "declined") { out = IssueStage::declined; return true; }
    if (s == "scheduled") { out = IssueStage::scheduled; return true; }
    if (s == "resolved") { out = IssueStage::resolved; return true; }
    return false;
}

Check check_cosign(const Issue& issue, Id actor, bool actor_is_member, bool already_cosigned) {
    if (!actor_is_member) return make_error("forbidden");
    if (issue.author_id == actor) return make_error("own_issue");
    if (already_cosigned) return make_error("already_cosigned");
    if (issue.stage != IssueStage::collecting) return make_error("not_open_for_cosign");
    return std::nullopt;
}

IssueStage stage_after_cosign(const Issue& issue, int cosigns_after, const Council& council) {
    if (issue.stage == IssueStage::collecting && cosigns_after >= council.cosign_threshold)
        return IssueStage::listed;
    return issue.stage;
}

}  // namespace yishi
