// The monthly needs report (群众需求月报): for a community or a street and a calendar month in
// China time, the issues raised by category and by grid, how long acceptance and the first answer
// took (median and 90th percentile), the share answered on time and the satisfaction of replies,
// with the previous month and a 12-month trend. Built here from plain rows the store reads.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi {

// Months are calendar months in China time (UTC+8), written "2026-10".
inline constexpr std::int64_t kChinaUtcOffsetSeconds = 8LL * 3600;

struct Month {
    int year = 1970;
    int month = 1;  // 1..12
    friend auto operator<=>(const Month&, const Month&) = default;
};

// "YYYY-MM" with a year 2000..9999 and a month 01..12; anything else → 400 bad_month.
Result<Month> parse_month(std::string_view text);
std::string format_month(Month m);
// The month (UTC+8) a Unix time falls in.
Month month_of(std::int64_t unix_seconds);
// The first second of the month (UTC+8) as Unix seconds, and the first second of the next one:
// a time t is in m when month_start(m) <= t < month_end(m).
std::int64_t month_start(Month m);
std::int64_t month_end(Month m);
Month previous_month(Month m);
Month next_month(Month m);
// The 12 months ending with m, oldest first.
std::vector<Month> last_12_months(Month m);

// An issue counts as answered on time when its first answer came at most 15 days after it was
// raised.
inline constexpr std::int64_t kIssueReplyDueDays = 15;
inline constexpr std::int64_t kIssueReplyDueSeconds = kIssueReplyDueDays * 24 * 3600;

// Nearest-rank percentile: the value at rank ceil(p*n/100) (1-based) of the sorted values; -1
// when there are none. The values need not be sorted.
std::int64_t nearest_rank(std::vector<std::int64_t> values, int percent);
inline std::int64_t median_of(std::vector<std::int64_t> values) {
    return nearest_rank(std::move(values), 50);
}
inline std::int64_t p90_of(std::vector<std::int64_t> values) {
    return nearest_rank(std::move(values), 90);
}
// numerator*1000/denominator rounded down; -1 when the denominator is 0.
std::int64_t permille(std::int64_t numerator, std::int64_t denominator);

// One issue as the report reads it. accepted_at / answered_at are 0 while not yet accepted
// (listed) or answered.
struct ReportIssue {
    Id id = 0;
    std::string title;
    Id community_id = 0;
    std::string community_name;
    Id grid_id = 0;  // 0: the author had no grid (未划网格)
    std::string grid_name;
    std::string category;  // "" shown as 未分类
    std::string stage;     // the issue's stage as stored ("collecting", "listed", ...)
    std::int64_t created_at = 0;
    std::int64_t accepted_at = 0;
    std::int64_t answered_at = 0;
};

// Ratings of replies given within a month: all of them and the satisfied ones (满意 + 基本满意).
struct RatingTally {
    std::int64_t ratings = 0;
    std::int64_t satisfied = 0;
};

// A month's counts summed by the store for the trend.
struct MonthCounts {
    Month month;
    std::int64_t raised = 0;
    std::int64_t answered_on_time = 0;
    RatingTally ratings;
};

// A month's figures (F in the API). Durations in seconds (-1 when none); shares in permille of
// the issues raised (answered_on_time) or of the ratings (satisfied), -1 when the denominator is 0.
struct MonthlyFigures {
    std::int64_t raised = 0;
    std::int64_t accepted = 0;  // raised in the month and accepted since
    std::int64_t answered = 0;  // raised in the month and answered since
    std::int64_t accept_median_s = -1;
    std::int64_t accept_p90_s = -1;
    std::int64_t reply_median_s = -1;
    std::int64_t reply_p90_s = -1;
    std::int64_t answered_on_time = 0;
    std::int64_t answered_on_time_permille = -1;
    std::int64_t ratings = 0;
    std::int64_t satisfied = 0;
    std::int64_t satisfied_permille = -1;
    friend bool operator==(const MonthlyFigures&, const MonthlyFigures&) = default;
};

bool answered_on_time(const ReportIssue& issue);
// The figures of the issues raised in one month and the ratings given in it.
MonthlyFigures monthly_figures(const std::vector<ReportIssue>& issues, const RatingTally& ratings);

struct ReportScope {
    std::string kind;  // "street" or "community"
    Id id = 0;
    std::string name;
    friend bool operator==(const ReportScope&, const ReportScope&) = default;
};

struct CategoryCount {
    std::string name;  // 未分类 for issues without a category
    std::int64_t count = 0;
    std::int64_t previous = 0;
    friend bool operator==(const CategoryCount&, const CategoryCount&) = default;
};

struct GridCount {
    Id id = 0;         // 0 for 未划网格
    std::string name;  // within a street, "社区名 网格名"
    std::int64_t count = 0;
    std::int64_t previous = 0;
    friend bool operator==(const GridCount&, const GridCount&) = default;
};

struct TrendPoint {
    Month month;
    std::int64_t raised = 0;
    std::int64_t answered_on_time_permille = -1;
    std::int64_t satisfied_permille = -1;
    friend bool operator==(const TrendPoint&, const TrendPoint&) = default;
};

struct MonthlyReport {
    ReportScope scope;
    Month month;
    MonthlyFigures figures;
    MonthlyFigures previous;  // the month before
    std::vector<CategoryCount> by_category;  // count desc, then previous desc, then name
    std::vector<GridCount> by_grid;          // count desc, then previous desc, then name
    std::vector<TrendPoint> trend;           // 12 months, oldest first, ending with `month`
    friend bool operator==(const MonthlyReport&, const MonthlyReport&) = default;
};

// What the store reads for one report: the issues raised in the month and in the month before,
// the ratings given in each, and the counts of the 12 months ending with the month (any missing
// month counts as empty).
struct ReportInput {
    ReportScope scope;
    Month month;
    std::vector<ReportIssue> issues;    // raised in the month
    std::vector<ReportIssue> previous;  // raised in the month before
    RatingTally ratings;
    RatingTally previous_ratings;
    std::vector<MonthCounts> trend;
};

MonthlyReport build_monthly_report(const ReportInput& input);

// The names shown for an empty category and for issues without a grid.
inline constexpr std::string_view kNoCategoryName = "未分类";
inline constexpr std::string_view kNoGridName = "未划网格";

// The report's underlying rows as CSV (UTF-8 with BOM, RFC 4180): one row per issue raised in the
// month, with a Chinese header. Times as "2026-10-03 14:05" in China time.
std::string report_csv(const std::vector<ReportIssue>& issues);
// "2026-10-03 14:05" (UTC+8); "" for 0.
std::string report_time_text(std::int64_t unix_seconds);
// The Chinese name of an issue's stage ("collecting" → 征集附议中, ...).
std::string report_stage_label(std::string_view stage);

}  // namespace yishi
