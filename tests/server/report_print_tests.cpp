// The monthly needs report printed as PDF (GET /api/report.pdf), read back with pdftotext: the
// figures of a small month beside the month before, the counts by category and grid, the trend.
#include <boost/test/unit_test.hpp>

#include "document_print_steps.hpp"
#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kFeb2025 = 1738339200;  // 2025-02-01 00:00 +08:00
constexpr std::int64_t kMar2025 = 1740758400;  // 2025-03-01 00:00 +08:00

// In March 2025 three issues of the demo council (whose residents all live in 春晖第一网格):
// A (停车) accepted after 2 hours and answered after 3 days, B (停车) accepted after a day and
// answered after 20 days, C (绿化) neither. In February one issue (噪音), never accepted.
void build_march(TestServer& server, Id department) {
    auto& store = server.store();
    auto raise = [&](int author, const char* title, const char* category, std::int64_t at) {
        auto r = store.raise_issue_as(kCouncil, demo_member(author),
                                      {title, "具体情况见标题，请议事会关注。", category, "", 0}, at);
        BOOST_REQUIRE(r.ok());
        return r.value().id;
    };
    auto accept = [&](Id issue, std::int64_t at) {
        BOOST_REQUIRE(store.accept_issue(issue, kConvenor, at).ok());
    };
    auto answer = [&](Id issue, std::int64_t at) {
        BOOST_REQUIRE(store.post_comment(issue, department, 0, Stance::neutral, "已安排人员处理。",
                                         true, at)
                          .ok());
    };
    raise(6, "夜间施工噪音扰民", "噪音", kFeb2025 + 5 * kDay);
    Id a = raise(2, "小区东门停车位不足", "停车", kMar2025 + 1 * kDay);
    accept(a, kMar2025 + 1 * kDay + 2 * kHour);
    answer(a, kMar2025 + 4 * kDay);
    Id b = raise(3, "消防通道被私家车占用", "停车", kMar2025 + 2 * kDay);
    accept(b, kMar2025 + 3 * kDay);
    answer(b, kMar2025 + 22 * kDay);
    raise(4, "绿化带杂草丛生", "绿化", kMar2025 + 3 * kDay);
}

void has_row(const std::string& rows, const std::string& row) {
    BOOST_TEST(rows.find("\n" + row + "\n") != std::string::npos, "no row " << row << " in\n" << rows);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(report_print)

BOOST_AUTO_TEST_CASE(the_printed_report_states_the_months_figures_groups_and_trend) {
    TestServer server(seeded_db());
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    build_march(server, dept);
    const std::string admin = server.token_for(kAdmin);
    auto printed = fetch(server, admin, "/api/report.pdf?community=1&month=2025-03");
    BOOST_REQUIRE_EQUAL(printed.status, 200);
    BOOST_TEST(printed.content_type == "application/pdf");
    appear_in_order(pdf_text(printed.body), {"群众需求月报", "春晖社区（社区）", "2025年3月",
                                             "一、主要指标", "二、按类别", "三、按网格",
                                             "四、近12个月趋势", "各月提出议题数"});
    const std::string rows = pdf_rows(printed.body);
    has_row(rows, "指标2025年3月2025年2月");
    has_row(rows, "提出议题（件）31");
    has_row(rows, "已受理（件）20");
    has_row(rows, "已答复（件）20");
    // Nearest rank of {2 h, 24 h}: the median is the first, the 90th percentile the second.
    has_row(rows, "受理用时中位数2小时—");
    has_row(rows, "受理用时第90百分位1天—");
    has_row(rows, "答复用时中位数3天—");
    has_row(rows, "答复用时第90百分位20天—");
    // One of three answered within 15 days: 333‰; none of February's one.
    has_row(rows, "按期答复（件，占提出）1（33.3%）0（0.0%）");
    has_row(rows, "满意及基本满意（次，占评价）0（—）0（—）");
    has_row(rows, "停车20");
    has_row(rows, "绿化10");
    has_row(rows, "噪音01");
    has_row(rows, "春晖第一网格31");
    has_row(rows, "2025-03333.3%—");
    has_row(rows, "2025-0210.0%—");
    has_row(rows, "2024-040——");
}

BOOST_AUTO_TEST_CASE(the_printed_report_is_refused_as_the_report_is) {
    TestServer server(seeded_db());
    const std::string admin = server.token_for(kAdmin);
    const std::string resident = server.token_for(demo_member(3));
    const auto before = full_snapshot(server.db());
    expect_refusals(
        server,
        {
            {"no token", "GET", "/api/report.pdf?street=1", "", "", 401, "unauthorized", ""},
            {"a resident", "GET", "/api/report.pdf?community=1", "", resident, 403, "not_admin",
             ""},
            {"neither place", "GET", "/api/report.pdf?month=2025-03", "", admin, 400, "bad_scope",
             "street_id"},
            {"text id", "GET", "/api/report.pdf?street=abc", "", admin, 400, "bad_id",
             "street_id"},
            {"unknown community", "GET", "/api/report.pdf?community=999999", "", admin, 404,
             "not_found", "community_id"},
            {"month 13", "GET", "/api/report.pdf?street=1&month=2025-13", "", admin, 400,
             "bad_month", "month"},
            {"bidi month", "GET", "/api/report.pdf?street=1&month=%E2%80%AE2025-03", "", admin,
             400, "bad_month", "month"},
        });
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
