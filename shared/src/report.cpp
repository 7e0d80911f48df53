// The monthly needs report (群众需求月报): month arithmetic in China time, exact percentiles and
// the report built from the store's rows.
#include "yishi/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "yishi/csv.hpp"

namespace yishi {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    std::int64_t y;
    int m;
    int d;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

Error bad_month() {
    return Error{"bad_month", 400, "month", "月份格式应为 YYYY-MM（如 2026-10）"};
}

template <class Row, class Key>
void sort_counts(std::vector<Row>& rows, Key key) {
    std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (a.count != b.count) return a.count > b.count;
        if (a.previous != b.previous) return a.previous > b.previous;
        return key(a) < key(b);
    });
}

}  // namespace

Result<Month> parse_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return bad_month();
    int v[2] = {0, 0};
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4) continue;
        if (text[i] < '0' || text[i] > '9') return bad_month();
        int& part = v[i < 4 ? 0 : 1];
        part = part * 10 + (text[i] - '0');
    }
    if (v[0] < 2000 || v[1] < 1 || v[1] > 12) return bad_month();
    return Month{v[0], v[1]};
}

std::string format_month(Month m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
    return buf;
}

Month month_of(std::int64_t unix_seconds) {
    const Civil c = civil_from_days(floor_div(unix_seconds + kChinaUtcOffsetSeconds, 86400));
    return Month{static_cast<int>(c.y), c.m};
}

std::int64_t month_start(Month m) {
    return days_from_civil(m.year, m.month, 1) * 86400 - kChinaUtcOffsetSeconds;
}

std::int64_t month_end(Month m) { return month_start(next_month(m)); }

Month previous_month(Month m) { return m.month == 1 ? Month{m.year - 1, 12} : Month{m.year, m.month - 1}; }

Month next_month(Month m) { return m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}; }

std::vector<Month> last_12_months(Month m) {
    std::vector<Month> out(12);
    for (int i = 11; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = m;
        m = previous_month(m);
    }
    return out;
}

std::int64_t nearest_rank(std::vector<std::int64_t> values, int percent) {
    if (values.empty()) return -1;
    const auto n = static_cast<std::int64_t>(values.size());
    std::int64_t rank = (static_cast<std::int64_t>(percent) * n + 99) / 100;  // ceil(p*n/100)
    rank = std::clamp<std::int64_t>(rank, 1, n);
    auto at = values.begin() + (rank - 1);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

std::int64_t permille(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0) return -1;
    return numerator * 1000 / denominator;
}

bool answered_on_time(const ReportIssue& issue) {
    return issue.answered_at != 0 && issue.answered_at - issue.created_at <= kIssueReplyDueSeconds;
}

MonthlyFigures monthly_figures(const std::vector<ReportIssue>& issues, const RatingTally& ratings) {
    MonthlyFigures f;
    std::vector<std::int64_t> accept, reply;
    for (const auto& i : issues) {
        ++f.raised;
        if (i.accepted_at != 0) {
            ++f.accepted;
            accept.push_back(i.accepted_at - i.created_at);
        }
        if (i.answered_at != 0) {
            ++f.answered;
            reply.push_back(i.answered_at - i.created_at);
        }
        if (answered_on_time(i)) ++f.answered_on_time;
    }
    f.accept_median_s = median_of(accept);
    f.accept_p90_s = p90_of(std::move(accept));
    f.reply_median_s = median_of(reply);
    f.reply_p90_s = p90_of(std::move(reply));
    f.answered_on_time_permille = permille(f.answered_on_time, f.raised);
    f.ratings = ratings.ratings;
    f.satisfied = ratings.satisfied;
    f.satisfied_permille = permille(ratings.satisfied, ratings.ratings);
    return f;
}

MonthlyReport build_monthly_report(const ReportInput& in) {
    MonthlyReport r;
    r.scope = in.scope;
    r.month = in.month;
    r.figures = monthly_figures(in.issues, in.ratings);
    r.previous = monthly_figures(in.previous, in.previous_ratings);

    std::map<std::string, CategoryCount> cats;
    std::map<Id, GridCount> grids;
    auto count = [&](const std::vector<ReportIssue>& issues, bool current) {
        for (const auto& i : issues) {
            const std::string cat = i.category.empty() ? std::string(kNoCategoryName) : i.category;
            auto& c = cats[cat];
            c.name = cat;
            auto& g = grids[i.grid_id];
            g.id = i.grid_id;
            g.name = i.grid_id == 0 ? std::string(kNoGridName) : i.grid_name;
            ++(current ? c.count : c.previous);
            ++(current ? g.count : g.previous);
        }
    };
    count(in.issues, true);
    count(in.previous, false);
    for (auto& [name, c] : cats) r.by_category.push_back(std::move(c));
    for (auto& [id, g] : grids) r.by_grid.push_back(std::move(g));
    sort_counts(r.by_category, [](const CategoryCount& c) { return c.name; });
    sort_counts(r.by_grid, [](const GridCount& g) { return std::make_pair(g.name, g.id); });

    for (Month m : last_12_months(in.month)) {
        TrendPoint p;
        p.month = m;
        for (const auto& c : in.trend) {
            if (c.month != m) continue;
            p.raised += c.raised;
            p.answered_on_time_permille = permille(c.answered_on_time, c.raised);
            p.satisfied_permille = permille(c.ratings.satisfied, c.ratings.ratings);
        }
        r.trend.push_back(p);
    }
    return r;
}

std::string report_time_text(std::int64_t t) {
    if (t == 0) return "";
    const std::int64_t local = t + kChinaUtcOffsetSeconds;
    const std::int64_t day = floor_div(local, 86400);
    const std::int64_t sec = local - day * 86400;
    const Civil c = civil_from_days(day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d %02lld:%02lld", static_cast<long long>(c.y),
                  c.m, c.d, static_cast<long long>(sec / 3600), static_cast<long long>(sec / 60 % 60));
    return buf;
}

std::string report_stage_label(std::string_view stage) {
    static const std::map<std::string_view, const char*> labels = {
        {"collecting", "征集附议中"}, {"listed", "已列入议题清单"}, {"merged", "已合并"},
        {"declined", "未采纳"},       {"scheduled", "已列入会议议程"}, {"resolved", "已表决"},
    };
    auto it = labels.find(stage);
    return it == labels.end() ? std::string(stage) : it->second;
}

std::string report_csv(const std::vector<ReportIssue>& issues) {
    const std::vector<std::string> header = {"议题编号", "标题",     "社区",     "网格",
                                             "类别",     "阶段",     "提出时间", "受理时间",
                                             "答复时间", "受理用时（秒）", "答复用时（秒）", "按期答复"};
    std::vector<std::vector<std::string>> rows;
    rows.reserve(issues.size());
    for (const auto& i : issues) {
        rows.push_back({std::to_string(i.id), i.title, i.community_name,
                        i.grid_id == 0 ? std::string(kNoGridName) : i.grid_name,
                        i.category.empty() ? std::string(kNoCategoryName) : i.category,
                        report_stage_label(i.stage), report_time_text(i.created_at),
                        report_time_text(i.accepted_at), report_time_text(i.answered_at),
                        i.accepted_at ? std::to_string(i.accepted_at - i.created_at) : "",
                        i.answered_at ? std::to_string(i.answered_at - i.created_at) : "",
                        answered_on_time(i) ? "是" : "否"});
    }
    return csv_document(header, rows);
}

}  // namespace yishi
