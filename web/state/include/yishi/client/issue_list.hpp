// The issue list's filters, search and pages, and where an issue stands in the flow.
// Pure functions over the loaded issues: the view only draws what they pick.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/model.hpp"

namespace yishi::client {

constexpr std::size_t kIssuesPerPage = 20;

struct IssueFilter {
    std::optional<IssueStage> stage;  // nullopt: every stage
    std::string category;             // empty: every category
    std::string tag;                  // grid or building; empty: all
    std::string query;                // words separated by spaces; each must appear
    friend bool operator==(const IssueFilter&, const IssueFilter&) = default;
};

// Indexes into `issues` of those the filter keeps, in the list's order. A word matches
// anywhere in the title, body, category or tag (Chinese has no spaces between words, so a
// word is any run of characters); ASCII letters match regardless of case.
std::vector<std::size_t> filter_issues(const std::vector<Issue>& issues, const IssueFilter& f);

// The distinct non-empty categories and tags among `issues`, sorted, for the filter menus.
std::vector<std::string> categories_of(const std::vector<Issue>& issues);
std::vector<std::string> tags_of(const std::vector<Issue>& issues);

// Pages of kIssuesPerPage: how many for `n` issues (at least 1), and a page clamped to them.
std::size_t page_count(std::size_t n);
std::size_t clamp_page(std::size_t page, std::size_t n);

// The five steps of the flow (提 → 议 → 定 → 办 → 评).
enum class FlowStep { propose, deliberate, decide, carry_out, evaluate };
constexpr int kFlowSteps = 5;

// Where an issue stands: collecting co-signs is 提, on the list (or merged, declined) 议,
// on an agenda 定, resolved 办; once a task's reply exists, 评.
FlowStep flow_step(IssueStage stage, bool has_task, bool answered);

}  // namespace yishi::client
