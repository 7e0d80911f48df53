// 督办台账 over HTTP: statuses against the server's clock, filters, sorting, unit figures, a
// department's own view and the CPPCC's tasks on the street's board (world: board_steps.hpp).
#include <map>

#include <boost/test/unit_test.hpp>

#include "board_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The world's own rows (ids 9001–9006), by task id; the demo's rows are left aside.
std::map<Id, Json> own_rows(const Json& board) {
    std::map<Id, Json> out;
    for (const auto& r : board["rows"])
        if (r["task_id"].get<Id>() >= 9001) out[r["task_id"].get<Id>()] = r;
    return out;
}
std::vector<Id> own_order(const Json& board) {
    std::vector<Id> out;
    for (const auto& r : board["rows"])
        if (r["task_id"].get<Id>() >= 9001) out.push_back(r["task_id"].get<Id>());
    return out;
}
Json unit_named(const Json& board, const std::string& name) {
    for (const auto& u : board["units"])
        if (u["unit"] == name) return u;
    BOOST_FAIL("no unit " + name);
    return {};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(board_api)

BOOST_AUTO_TEST_CASE(the_street_board_shows_each_task_with_its_status_against_the_clock) {
    BoardWorld w;
    Json b = w.get_json("/api/board?street=1", w.street_admin);
    BOOST_TEST(b["scope"]["kind"] == "street");
    BOOST_TEST(b["scope"]["name"] == "城东街道");
    BOOST_TEST(b["now"].get<std::int64_t>() == kBoardNow);
    auto rows = own_rows(b);
    BOOST_REQUIRE_EQUAL(rows.size(), 5u);  // not 9005, the other street's
    BOOST_TEST(rows[9001]["status"] == "overdue");
    BOOST_TEST(rows[9001]["days_overdue"].get<int>() == 3);
    BOOST_TEST(rows[9001]["grid_name"] == "测试网格");
    BOOST_TEST(rows[9001]["community_name"] == "春晖社区");
    BOOST_TEST(rows[9001]["subject_title"] == "测试议题1");
    BOOST_TEST(rows[9002]["status"] == "due_soon");
    BOOST_TEST(rows[9003]["status"] == "answered");
    BOOST_TEST(rows[9003]["ratings"]["satisfied"].get<int>() == 2);
    BOOST_TEST(rows[9003]["ratings"]["unsatisfied"].get<int>() == 1);
    BOOST_TEST(rows[9004]["status"] == "on_time");
    BOOST_TEST(rows[9004]["latest_progress"]["text"] == "已联系施工队");
    BOOST_TEST(rows[9001]["latest_progress"].is_null());
}

BOOST_AUTO_TEST_CASE(the_cppccs_recommendation_tasks_are_on_its_streets_board) {
    BoardWorld w;
    auto rows = own_rows(w.get_json("/api/board?street=1", w.street_admin));
    BOOST_REQUIRE(rows.count(9006));
    BOOST_TEST(rows[9006]["source"] == "consultation");
    BOOST_TEST(rows[9006]["subject_id"].get<Id>() == 9001);
    BOOST_TEST(rows[9006]["subject_title"] == "老旧小区加装电梯");
    BOOST_TEST(rows[9006]["community_id"].get<Id>() == 0);
    BOOST_TEST(rows[9006]["status"] == "done");
    // Not on the other street's board, nor on the community's.
    BOOST_TEST(own_rows(w.get_json("/api/board?street=9001", w.other_admin)).count(9006) == 0u);
    BOOST_TEST(own_rows(w.get_json("/api/board?community=1", w.community_admin)).count(9006) == 0u);
}

BOOST_AUTO_TEST_CASE(unit_figures_are_the_league_table_of_the_units) {
    BoardWorld w;
    Json b = w.get_json("/api/board?street=1", w.street_admin);
    // 测试城管科: 9001 overdue, 9002 due soon, 9006 answered 3 days after creation (on time),
    // one 基本满意 rating.
    Json c = unit_named(b, "测试城管科");
    BOOST_TEST(c["received"].get<int>() == 3);
    BOOST_TEST(c["answered_on_time"].get<int>() == 1);
    BOOST_TEST(c["overdue_now"].get<int>() == 1);
    BOOST_TEST(c["reply_days_tenths"].get<int>() == 30);
    BOOST_TEST(c["ratings"].get<int>() == 1);
    BOOST_TEST(c["satisfied_permille"].get<int>() == 1000);
    // 测试民政科: 9003 answered after 12 days, before its due date; 2 of 3 ratings satisfied.
    Json m = unit_named(b, "测试民政科");
    BOOST_TEST(m["received"].get<int>() == 2);
    BOOST_TEST(m["answered_on_time"].get<int>() == 1);
    BOOST_TEST(m["overdue_now"].get<int>() == 0);
    BOOST_TEST(m["reply_days_tenths"].get<int>() == 120);
    BOOST_TEST(m["satisfied"].get<int>() == 2);
    BOOST_TEST(m["satisfied_permille"].get<int>() == 666);
    // Ranked by satisfaction: 1000 before 666.
    int at_c = -1, at_m = -1;
    for (int i = 0; i < static_cast<int>(b["units"].size()); ++i) {
        if (b["units"][i]["unit"] == "测试城管科") at_c = i;
        if (b["units"][i]["unit"] == "测试民政科") at_m = i;
    }
    BOOST_TEST(at_c < at_m);
}

BOOST_AUTO_TEST_CASE(filters_narrow_the_rows_and_sorting_puts_the_most_overdue_first) {
    BoardWorld w;
    BOOST_TEST((own_order(w.get_json("/api/board?street=1&status=overdue", w.street_admin)) ==
                std::vector<Id>{9001}));
    BOOST_TEST((own_order(w.get_json("/api/board?street=1&unit=%E6%B5%8B%E8%AF%95%E6%B0%91%E6%94%BF%E7%A7%91",
                                     w.street_admin)) == std::vector<Id>{9003, 9004}));
    BOOST_TEST((own_order(w.get_json("/api/board?street=1&grid=9001", w.street_admin)) ==
                std::vector<Id>{9003, 9001, 9002, 9004}));
    BOOST_TEST((own_order(w.get_json("/api/board?street=1&community=1&council=1", w.street_admin)) ==
                std::vector<Id>{9003, 9001, 9002, 9004}));
    // By days overdue: 9003 is answered (not overdue), so 9001 leads, then by due date.
    BOOST_TEST((own_order(w.get_json("/api/board?street=1&sort=overdue", w.street_admin)) ==
                std::vector<Id>{9001, 9003, 9006, 9002, 9004}));
    BOOST_TEST(own_order(w.get_json("/api/board?street=1&from=2000-01&to=2000-12", w.street_admin))
                   .empty());
    Json b = w.get_json("/api/board?street=1&status=overdue", w.street_admin);
    // The filter lists come from the whole board.
    bool grid = false;
    for (const auto& g : b["filters"]["grids"]) grid = grid || g["name"] == "测试网格";
    BOOST_TEST(grid);
}

BOOST_AUTO_TEST_CASE(a_department_member_sees_what_their_unit_owes_oldest_due_first) {
    BoardWorld w;
    Json b = w.get_json("/api/me/unit-board", w.unit_staff);
    BOOST_TEST(b["scope"]["kind"] == "unit");
    BOOST_TEST(b["scope"]["name"] == "测试城管科");
    // Not 9005: it is the unit's name in another street.
    BOOST_TEST((own_order(b) == std::vector<Id>{9001, 9006, 9002}));
    BOOST_REQUIRE_EQUAL(b["units"].size(), 1u);
    BOOST_TEST(b["units"][0]["received"].get<int>() == 3);
    Json refused = w.get_json("/api/me/unit-board", w.resident, 403);
    BOOST_TEST(refused["error"]["code"] == "not_department_staff");
}

BOOST_AUTO_TEST_CASE(a_community_administrator_reads_the_communitys_board_only) {
    BoardWorld w;
    Json b = w.get_json("/api/board?community=1", w.community_admin);
    BOOST_TEST(b["scope"]["kind"] == "community");
    BOOST_TEST((own_order(b) == std::vector<Id>{9003, 9001, 9002, 9004}));
    Json refused = w.get_json("/api/board?street=1", w.community_admin, 403);
    BOOST_TEST(refused["error"]["code"] == "outside_scope");
}

BOOST_AUTO_TEST_CASE(the_board_downloads_as_csv_with_the_same_filters) {
    BoardWorld w;
    auto r = w.get("/api/board.csv?street=1&status=overdue", w.street_admin);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 200);
    BOOST_TEST(r->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    BOOST_TEST(r->get_header_value("Content-Disposition").find("filename*=UTF-8''") !=
               std::string::npos);
    BOOST_TEST(r->body.rfind("\xEF\xBB\xBF任务编号,来源,事项,", 0) == 0);
    BOOST_TEST(r->body.find("9001,议事会决议,测试议题1,春晖社区,") != std::string::npos);
    BOOST_TEST(r->body.find("测试议题2") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
