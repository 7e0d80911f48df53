// Issue transitions: each checks who acts and from which stage before changing anything.
#include "yishi/issue_flow.hpp"

#include "yishi/accounts.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {
// Optional short text on one line: empty is allowed, otherwise as validate_text.
Result<std::string> optional_text(const std::string& s, const std::string& field,
                                  std::size_t max_chars) {
    if (!valid_utf8(s)) return make_error("bad_utf8", field);
    if (trim(s).empty()) return std::string{};
    return validate_text(s, field, max_chars, TextLines::one);
}

bool before_agenda(const Issue& i) {
    return i.stage == IssueStage::collecting || i.stage == IssueStage::listed;
}
}  // namespace

bool issue_open(const Issue& issue) {
    return issue.stage != IssueStage::merged && issue.stage != IssueStage::declined &&
           issue.stage != IssueStage::resolved;
}

Check may_raise_issue(const Actor& actor, bool on_behalf) {
    if (!actor.member) return make_error("forbidden");
    if (on_behalf && actor.role != Role::grid_worker) return make_error("not_grid_worker");
    return std::nullopt;
}

Result<Issue> raise_issue(const Actor& actor, Id council_id, const RaiseIssue& r,
                          std::int64_t now) {
    bool for_member = r.on_behalf_of != 0;
    bool for_person = !r.raised_for_name.empty() || !r.raised_for_household.empty();
    if (auto e = may_raise_issue(actor, for_member || for_person)) return *e;
    if (for_member && for_person) return make_error("behalf_twice", "raised_for_name");
    if (for_member && r.on_behalf_of == actor.member_id) return make_error("bad_id", "on_behalf_of");
    Result<std::string> person{std::string{}};
    Result<std::string> household{std::string{}};
    if (for_person) {
        person = validate_text(r.raised_for_name, "raised_for_name", kPersonNameMaxChars,
                               TextLines::one);
        if (!person) return person.error();
        household = optional_text(r.raised_for_household, "raised_for_household",
                                  kHouseholdMaxChars);
        if (!household) return household.error();
    }
    auto title = validate_text(r.title, "title", kTitleMaxChars, TextLines::one);
    if (!title) return title.error();
    auto body = validate_text(r.body, "body", kBodyMaxChars);
    if (!body) return body.error();
    auto category = optional_text(r.category, "category", kCategoryMaxChars);
    if (!category) return category.error();
    auto tag = optional_text(r.tag, "tag", kTagMaxChars);
    if (!tag) return tag.error();
    Issue i;
    i.council_id = council_id;
    i.title = title.value();
    i.body = body.value();
    i.category = category.value();
    i.tag = tag.value();
    i.author_id = for_member ? r.on_behalf_of : actor.member_id;
    i.raised_by_id = for_member ? actor.member_id : 0;
    i.raised_for_name = person.value();
    i.raised_for_household = household.value();
    i.created_at = now;
    i.stage = IssueStage::collecting;
    return i;
}

Check may_accept_issue(const Actor& actor, const Issue& issue) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (issue.stage != IssueStage::collecting) return make_error("wrong_stage");
    return std::nullopt;
}

Result<Issue> accept_issue(const Actor& actor, const Issue& issue) {
    if (auto e = may_accept_issue(actor, issue)) return *e;
    Issue next = issue;
    next.stage = IssueStage::listed;
    return next;
}

Check may_merge_issue(const Actor& actor, const Issue& issue, const Issue& into) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (!before_agenda(issue)) return make_error("wrong_stage");
    // Into itself, across councils or into a closed issue would lose the issue's supporters.
    if (into.id == issue.id || into.council_id != issue.council_id || !issue_open(into))
        return make_error("bad_merge_target");
    return std::nullopt;
}

Result<Issue> merge_issue(const Actor& actor, const Issue& issue, const Issue& into,
                          const std::string& reason) {
    if (auto e = may_merge_issue(actor, issue, into)) return *e;
    auto why = validate_text(reason, "reason", kReasonMaxChars);
    if (!why) return why.error();
    Issue next = issue;
    next.stage = IssueStage::merged;
    next.merged_into = into.id;
    next.reason = why.value();
    return next;
}

Check may_decline_issue(const Actor& actor, const Issue& issue) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (!before_agenda(issue)) return make_error("wrong_stage");
    return std::nullopt;
}

Result<Issue> decline_issue(const Actor& actor, const Issue& issue, const std::string& reason) {
    if (auto e = may_decline_issue(actor, issue)) return *e;
    auto why = validate_text(reason, "reason", kReasonMaxChars);
    if (!why) return why.error();
    Issue next = issue;
    next.stage = IssueStage::declined;
    next.reason = why.value();
    return next;
}

}  // namespace yishi
