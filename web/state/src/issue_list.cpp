// Filtering, searching and paging the issue list; the flow step of an issue.
#include "yishi/client/issue_list.hpp"

#include <algorithm>
#include <set>

namespace yishi::client {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

// Splits on ASCII white space and the ideographic space U+3000 (E3 80 80).
std::vector<std::string> words(std::string_view q) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(lowered(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < q.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(q[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            flush();
        } else if (c == 0xE3 && i + 2 < q.size() && static_cast<unsigned char>(q[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(q[i + 2]) == 0x80) {
            flush();
            i += 2;
        } else {
            cur += q[i];
        }
    }
    flush();
    return out;
}

std::vector<std::string> distinct(const std::vector<Issue>& issues,
                                  std::string Issue::*field) {
    std::set<std::string> seen;
    for (const auto& i : issues)
        if (!(i.*field).empty()) seen.insert(i.*field);
    return {seen.begin(), seen.end()};
}

}  // namespace

std::vector<std::size_t> filter_issues(const std::vector<Issue>& issues, const IssueFilter& f) {
    std::vector<std::string> terms = words(f.query);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const Issue& is = issues[i];
        if (f.stage && is.stage != *f.stage) continue;
        if (!f.category.empty() && is.category != f.category) continue;
        if (!f.tag.empty() && is.tag != f.tag) continue;
        if (!terms.empty()) {
            std::string hay = lowered(is.title + "\n" + is.body + "\n" + is.category + "\n" + is.tag);
            bool all = std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
                return hay.find(t) != std::string::npos;
            });
            if (!all) continue;
        }
        out.push_back(i);
    }
    return out;
}

std::vector<std::string> categories_of(const std::vector<Issue>& issues) {
    return distinct(issues, &Issue::category);
}

std::vector<std::string> tags_of(const std::vector<Issue>& issues) {
    return distinct(issues, &Issue::tag);
}

std::size_t page_count(std::size_t n) {
    return n == 0 ? 1 : (n + kIssuesPerPage - 1) / kIssuesPerPage;
}

std::size_t clamp_page(std::size_t page, std::size_t n) {
    return std::min(page, page_count(n) - 1);
}

FlowStep flow_step(IssueStage stage, bool has_task, bool answered) {
    switch (stage) {
        case IssueStage::collecting: return FlowStep::propose;
        case IssueStage::listed:
        case IssueStage::merged:
        case IssueStage::declined: return FlowStep::deliberate;
        case IssueStage::scheduled: return FlowStep::decide;
        case IssueStage::resolved:
            if (answered) return FlowStep::evaluate;
            return has_task ? FlowStep::carry_out : FlowStep::decide;
    }
    return FlowStep::propose;
}

}  // namespace yishi::client
