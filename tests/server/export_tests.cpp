// CSV exports for the community administrator: BOM, Chinese header, quoting, formulas
// neutralised, and a secret ballot's roll refused (world: board_steps.hpp).
#include <boost/test/unit_test.hpp>

#include "board_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::string csv_of(BoardWorld& w, const std::string& path, const std::string& token) {
    auto r = w.get(path, token);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == 200, path << ": " << r->status << " " << r->body);
    BOOST_TEST(r->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    BOOST_TEST(r->get_header_value("Content-Disposition").rfind("attachment;", 0) == 0);
    return r->body;
}

// A closed yes/no ballot on the demo council (open or secret), with members 2 and 3 on the
// roll and member 2's vote.
void arrange_ballot(BoardWorld& w, Id id, bool secret) {
    std::string i = std::to_string(id);
    std::string s = std::to_string(id);
    execute(w.server.db(),
            "INSERT INTO sessions (id, council_id, kind, state, starts_at, created_by, created_at) "
            "VALUES (" + s + ", 1, 'regular', 'closed', 1, 1, 1);"
            "INSERT INTO ballots (id, council_id, session_id, issue_id, special_matter, state, "
            "electorate_heads, electorate_households, electorate_area, opened_at, closed_at) "
            "VALUES (" + i + ", 1, " + s + ", 9001, 0, 'closed', 2, 2, 0, 1, 2);"
            "INSERT INTO ballot_roll (ballot_id, member_id, household_id, area) VALUES "
            "(" + i + ", 2, 0, 0), (" + i + ", 3, 0, 0);"
            "INSERT INTO votes (ballot_id, member_id, choice, cast_at) VALUES (" + i +
            ", 2, 'yes', 1);" +
            (secret ? "INSERT INTO ballot_specs (ballot_id, method, secret, unit, spec) VALUES (" +
                          i + ", 'yes_no', 1, 'member', '{}');"
                    : std::string()));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(issues_csv_has_a_bom_a_chinese_header_and_quoted_cells) {
    BoardWorld w;
    execute(w.server.db(),
            "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage, "
            "category) VALUES (9101, 1, '=HYPERLINK(\"x\")', '正文', 2, 1767196800, "
            "'collecting', '环境卫生');"
            "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) "
            "VALUES (9102, 1, '路灯,\"坏了\"\n三处', '正文', 2, 1767196800, 'listed');");
    std::string csv = csv_of(w, "/api/communities/1/issues.csv", w.community_admin);
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF编号,标题,阶段,类别,网格,附议人数,提出人,提出时间,受理时间,答复时间\r\n", 0) == 0);
    // A title beginning with = is neutralised with a leading ', then quoted for its quotes.
    BOOST_TEST(csv.find("9101,\"'=HYPERLINK(\"\"x\"\")\",征集附议中,环境卫生,,0,") != std::string::npos);
    BOOST_TEST(csv.find(",2026-01-01 00:00,,\r\n") != std::string::npos);
    BOOST_TEST(csv.find("9102,\"路灯,\"\"坏了\"\"\n三处\",已列入议题清单,") != std::string::npos);
    // A street's administrator covering the community may export it too.
    BOOST_TEST(csv_of(w, "/api/communities/1/issues.csv", w.street_admin).find("9102,") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(tasks_csv_lists_the_communitys_tasks_with_status_and_ratings) {
    BoardWorld w;
    std::string csv = csv_of(w, "/api/communities/1/tasks.csv", w.community_admin);
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF任务编号,议题,责任单位,办理期限,状态,交办时间,答复时间,最新进展,满意,基本满意,不满意\r\n", 0) == 0);
    BOOST_TEST(csv.find("9001,测试议题1,测试城管科,") != std::string::npos);
    BOOST_TEST(csv.find(",已逾期,") != std::string::npos);
    BOOST_TEST(csv.find(",已联系施工队,0,0,0\r\n") != std::string::npos);
    BOOST_TEST(csv.find(",2,0,1\r\n") != std::string::npos);  // 9003's ratings
    BOOST_TEST(csv.find("城西议题") == std::string::npos);
    BOOST_TEST(csv.find("老旧小区加装电梯") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_open_ballots_roll_says_who_voted_and_their_choice_once_closed) {
    BoardWorld w;
    arrange_ballot(w, 9201, false);
    std::string csv = csv_of(w, "/api/ballots/9201/roll.csv", w.community_admin);
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF姓名,户号,是否投票,所投选项\r\n", 0) == 0);
    BOOST_TEST(csv.find(",已投票,赞成\r\n") != std::string::npos);
    BOOST_TEST(csv.find(",未投票,\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_secret_ballots_roll_is_refused_with_409) {
    BoardWorld w;
    arrange_ballot(w, 9202, true);
    std::string before = board_snapshot(w.server.db());
    Json refused = w.get_json("/api/ballots/9202/roll.csv", w.community_admin, 409);
    BOOST_TEST(refused["error"]["code"] == "secret_roll");
    BOOST_TEST(refused["error"]["message"] == "无记名表决不提供投票名单");
    BOOST_TEST(board_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
