// The monthly needs report's rules: months in China time, nearest-rank percentiles, permille
// shares, the figures and the report built from plain rows, and its JSON and CSV forms.
#include <boost/test/unit_test.hpp>

#include "yishi/messages_report.hpp"
#include "yishi/report.hpp"

using namespace yishi;

namespace {
// First seconds of months in China time, worked out by hand from the UTC calendar minus 8 h.
constexpr std::int64_t kJan2026 = 1767196800;  // 2026-01-01 00:00 +08:00
constexpr std::int64_t kDec2025 = 1764518400;  // 2025-12-01 00:00 +08:00
constexpr std::int64_t kFeb2024 = 1706716800;  // 2024-02-01 00:00 +08:00
constexpr std::int64_t kMar2024 = 1709222400;  // 2024-03-01 00:00 +08:00
constexpr std::int64_t kDay = 86400;

ReportIssue issue(Id id, std::int64_t created, std::int64_t accepted, std::int64_t answered,
                  std::string category = "", Id grid = 0, std::string grid_name = "") {
    ReportIssue i;
    i.id = id;
    i.created_at = created;
    i.accepted_at = accepted;
    i.answered_at = answered;
    i.category = std::move(category);
    i.grid_id = grid;
    i.grid_name = std::move(grid_name);
    i.stage = "listed";
    return i;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(months_begin_at_midnight_china_time) {
    BOOST_TEST(month_start(Month{2026, 1}) == kJan2026);
    BOOST_TEST(month_start(Month{2025, 12}) == kDec2025);
    BOOST_TEST(month_end(Month{2025, 12}) == kJan2026);
    BOOST_TEST(month_end(Month{2024, 2}) == kMar2024);  // a leap February: 29 days
    BOOST_TEST(kMar2024 - kFeb2024 == 29 * kDay);
}

BOOST_AUTO_TEST_CASE(a_time_belongs_to_its_china_month) {
    // 2025-12-31 16:00 UTC is already January 1st in China.
    BOOST_TEST(format_month(month_of(kJan2026)) == "2026-01");
    BOOST_TEST(format_month(month_of(kJan2026 - 1)) == "2025-12");
    BOOST_TEST(format_month(month_of(kDec2025)) == "2025-12");
}

BOOST_AUTO_TEST_CASE(december_is_followed_by_january_of_the_next_year) {
    BOOST_TEST((next_month(Month{2025, 12}) == Month{2026, 1}));
    BOOST_TEST((previous_month(Month{2026, 1}) == Month{2025, 12}));
    auto months = last_12_months(Month{2026, 1});
    BOOST_TEST(months.size() == 12u);
    BOOST_TEST((months.front() == Month{2025, 2}));
    BOOST_TEST((months[10] == Month{2025, 12}));
    BOOST_TEST((months.back() == Month{2026, 1}));
}

BOOST_AUTO_TEST_CASE(months_are_parsed_strictly) {
    auto m = parse_month("2026-10");
    BOOST_TEST(m.ok());
    BOOST_TEST((m.value() == Month{2026, 10}));
    for (const char* bad : {"", "2026-13", "2026-00", "2026-1", "26-10", "2026/10", "2026-10-01",
                            "１９９９-10", "1999-10", "abcd-ef", "2026-1x"}) {
        auto r = parse_month(bad);
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!r.ok());
            if (!r.ok()) {
                BOOST_TEST(r.error().status == 400);
                BOOST_TEST(r.error().message.find("月份") != std::string::npos);
            }
        }
    }
    BOOST_TEST(format_month(Month{2026, 3}) == "2026-03");
}

BOOST_AUTO_TEST_CASE(percentiles_take_the_nearest_rank) {
    BOOST_TEST(nearest_rank({}, 50) == -1);
    BOOST_TEST(median_of({7}) == 7);
    BOOST_TEST(p90_of({7}) == 7);
    // n=2: median rank ceil(1)=1, p90 rank ceil(1.8)=2
    BOOST_TEST(median_of({30, 10}) == 10);
    BOOST_TEST(p90_of({30, 10}) == 30);
    // n=4: median rank 2, p90 rank ceil(3.6)=4
    BOOST_TEST(median_of({4, 1, 3, 2}) == 2);
    BOOST_TEST(p90_of({4, 1, 3, 2}) == 4);
    // n=10: p90 rank 9
    BOOST_TEST(p90_of({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}) == 9);
    BOOST_TEST(median_of({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}) == 5);
    // n=11: median rank ceil(5.5)=6, p90 rank ceil(9.9)=10
    BOOST_TEST(median_of({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) == 6);
    BOOST_TEST(p90_of({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) == 10);
}

BOOST_AUTO_TEST_CASE(permille_rounds_down_and_is_minus_one_without_a_denominator) {
    BOOST_TEST(permille(2, 3) == 666);
    BOOST_TEST(permille(1, 3) == 333);
    BOOST_TEST(permille(3, 3) == 1000);
    BOOST_TEST(permille(0, 5) == 0);
    BOOST_TEST(permille(1, 7) == 142);
    BOOST_TEST(permille(0, 0) == -1);
}

BOOST_AUTO_TEST_CASE(an_issue_is_on_time_when_answered_within_fifteen_days) {
    BOOST_TEST(answered_on_time(issue(1, kJan2026, 0, kJan2026 + 15 * kDay)));
    BOOST_TEST(!answered_on_time(issue(1, kJan2026, 0, kJan2026 + 15 * kDay + 1)));
    BOOST_TEST(!answered_on_time(issue(1, kJan2026, 0, 0)));
}

BOOST_AUTO_TEST_CASE(figures_count_a_months_issues_and_ratings) {
    std::vector<ReportIssue> issues = {
        issue(1, kJan2026, kJan2026 + 100, kJan2026 + 2 * kDay),
        issue(2, kJan2026 + kDay, kJan2026 + kDay + 300, kJan2026 + 20 * kDay),
        issue(3, kJan2026 + 2 * kDay, kJan2026 + 2 * kDay + 200, 0),
        issue(4, kJan2026 + 3 * kDay, 0, 0),
    };
    auto f = monthly_figures(issues, RatingTally{3, 2});
    BOOST_TEST(f.raised == 4);
    BOOST_TEST(f.accepted == 3);
    BOOST_TEST(f.answered == 2);
    BOOST_TEST(f.accept_median_s == 200);  // {100, 200, 300}: rank 2
    BOOST_TEST(f.accept_p90_s == 300);     // rank ceil(2.7) = 3
    BOOST_TEST(f.reply_median_s == 2 * kDay);
    BOOST_TEST(f.reply_p90_s == 19 * kDay);
    BOOST_TEST(f.answered_on_time == 1);
    BOOST_TEST(f.answered_on_time_permille == 250);
    BOOST_TEST(f.ratings == 3);
    BOOST_TEST(f.satisfied == 2);
    BOOST_TEST(f.satisfied_permille == 666);

    auto empty = monthly_figures({}, RatingTally{});
    BOOST_TEST(empty.raised == 0);
    BOOST_TEST(empty.accept_median_s == -1);
    BOOST_TEST(empty.reply_p90_s == -1);
    BOOST_TEST(empty.answered_on_time_permille == -1);
    BOOST_TEST(empty.satisfied_permille == -1);
}

BOOST_AUTO_TEST_CASE(the_report_groups_by_category_and_grid_with_the_previous_month) {
    ReportInput in;
    in.scope = {"community", 3, "幸福社区"};
    in.month = Month{2026, 1};
    in.issues = {issue(1, kJan2026, 0, 0, "停车", 5, "一网格"), issue(2, kJan2026, 0, 0, "停车", 6, "二网格"),
                 issue(3, kJan2026, 0, 0, "", 0, ""), issue(4, kJan2026, 0, 0, "绿化", 5, "一网格")};
    in.previous = {issue(5, kDec2025, 0, 0, "绿化", 5, "一网格"), issue(6, kDec2025, 0, 0, "噪音", 6, "二网格"),
                   issue(7, kDec2025, 0, 0, "噪音", 6, "二网格")};
    in.trend = {MonthCounts{Month{2026, 1}, 4, 1, {2, 1}}, MonthCounts{Month{2025, 12}, 3, 3, {0, 0}},
                MonthCounts{Month{2024, 12}, 9, 9, {1, 1}}};  // outside the 12 months: left out
    auto r = build_monthly_report(in);
    BOOST_TEST(r.figures.raised == 4);
    BOOST_TEST(r.previous.raised == 3);
    BOOST_REQUIRE(r.by_category.size() == 4u);
    BOOST_TEST((r.by_category[0] == CategoryCount{"停车", 2, 0}));
    BOOST_TEST((r.by_category[1] == CategoryCount{"绿化", 1, 1}));
    BOOST_TEST((r.by_category[2] == CategoryCount{"未分类", 1, 0}));
    BOOST_TEST((r.by_category[3] == CategoryCount{"噪音", 0, 2}));
    BOOST_REQUIRE(r.by_grid.size() == 3u);
    BOOST_TEST((r.by_grid[0] == GridCount{5, "一网格", 2, 1}));
    BOOST_TEST((r.by_grid[1] == GridCount{6, "二网格", 1, 2}));
    BOOST_TEST((r.by_grid[2] == GridCount{0, "未划网格", 1, 0}));
    BOOST_REQUIRE(r.trend.size() == 12u);
    BOOST_TEST((r.trend.front().month == Month{2025, 2}));
    BOOST_TEST(r.trend.front().raised == 0);
    BOOST_TEST(r.trend.front().answered_on_time_permille == -1);
    BOOST_TEST((r.trend[10] == TrendPoint{Month{2025, 12}, 3, 1000, -1}));
    BOOST_TEST((r.trend[11] == TrendPoint{Month{2026, 1}, 4, 250, 500}));
}

BOOST_AUTO_TEST_CASE(the_report_survives_its_json_form) {
    ReportInput in;
    in.scope = {"street", 1, "和平街道"};
    in.month = Month{2026, 1};
    in.issues = {issue(1, kJan2026, kJan2026 + 60, kJan2026 + kDay, "停车", 5, "一网格")};
    in.ratings = {2, 1};
    in.trend = {MonthCounts{Month{2026, 1}, 1, 1, {2, 1}}};
    auto r = build_monthly_report(in);
    auto back = decode_monthly_report(encode(r));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST((back.value() == r));
    auto j = to_json(r);
    BOOST_TEST(j["month"] == "2026-01");
    BOOST_TEST(j["figures"]["satisfied_permille"] == 500);
    BOOST_TEST(j["trend"][11]["month"] == "2026-01");

    j["trend"][3]["raised"] = "many";
    auto bad = decode_monthly_report(j.dump());
    BOOST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.error().field == "trend[3].raised");
}

BOOST_AUTO_TEST_CASE(the_csv_has_a_bom_a_chinese_header_and_neutralised_cells) {
    auto i = issue(9, kJan2026 + 3 * kDay + 14 * 3600 + 5 * 60 + 59, 0, kJan2026 + 4 * kDay, "=cmd", 0, "");
    i.title = "路灯, \"坏了\"";
    i.community_name = "幸福社区";
    std::string csv = report_csv({i});
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF议题编号,标题,社区,网格,类别,阶段,", 0) == 0);
    BOOST_TEST(csv.find("\r\n9,\"路灯, \"\"坏了\"\"\",幸福社区,未划网格,'=cmd,已列入议题清单,"
                        "2026-01-04 14:05,,2026-01-05 00:00,,") != std::string::npos);
    BOOST_TEST(csv.find(",是\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
