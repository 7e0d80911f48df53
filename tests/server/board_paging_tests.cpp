// 督办台账 one page at a time: the rows of a page in either order, the count of every row the
// query keeps, and the unit figures and filter options of the whole board on every page. The
// other street (城西街道) holds seven tasks here, so its pages are known by hand.
#include <boost/test/unit_test.hpp>

#include "board_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

std::string at(std::int64_t days) { return std::to_string(kBoardNow + days * kBoardDay); }

// The other street's council gets six more tasks besides 9005 (测试城管科, 3 days overdue):
// 9101 10 days overdue, 9102 due in 20 days, 9103 answered (replied 25 days ago, 5 days after
// it was handed out, before its due date 20 days ago), 9104 due in 2 days, 9105 done (due
// yesterday), 9106 5 days overdue; all 城西城管科's.
struct SevenTasks : BoardWorld {
    SevenTasks() {
        std::string t = "INSERT INTO tasks (id, council_id, issue_id, responsible_unit, "
                        "responsible_member_id, due_at, state, created_by, created_at) VALUES ";
        auto task = [&](int id, int due, const char* state, int created) {
            return t + "(" + std::to_string(id) + ", 9001, 9005, '城西城管科', 9003, " + at(due) +
                   ", '" + state + "', 1, " + at(created) + ");";
        };
        execute(server.db(), task(9101, -10, "assigned", -40) + task(9102, 20, "assigned", -10) +
                                 task(9103, -20, "answered", -30) + task(9104, 2, "assigned", -10) +
                                 task(9105, -1, "done", -12) + task(9106, -5, "assigned", -35) +
                                 "INSERT INTO task_replies (id, task_id, member_id, text, at) "
                                 "VALUES (9103, 9103, 9003, '已处理', " + at(-25) + ");");
    }
    Json page(const std::string& query) {
        return get_json("/api/board?street=9001&" + query, other_admin);
    }
};

std::vector<Id> ids(const Json& board) {
    std::vector<Id> out;
    for (const auto& r : board["rows"]) out.push_back(r["task_id"].get<Id>());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(board_paging)

BOOST_AUTO_TEST_CASE(pages_by_due_date_hold_the_rows_in_order_and_count_every_row) {
    SevenTasks w;
    // By due date: 9103 (-20), 9101 (-10), 9106 (-5), 9005 (-3), 9105 (-1), 9104 (+2), 9102 (+20).
    Json first = w.page("limit=3");
    BOOST_TEST((ids(first) == std::vector<Id>{9103, 9101, 9106}));
    BOOST_TEST(first["total"].get<int>() == 7);
    BOOST_TEST(first["limit"].get<int>() == 3);
    BOOST_TEST(first["offset"].get<int>() == 0);
    Json second = w.page("limit=3&offset=3");
    BOOST_TEST((ids(second) == std::vector<Id>{9005, 9105, 9104}));
    BOOST_TEST(second["total"].get<int>() == 7);
    BOOST_TEST(second["rows"][0]["status"] == "overdue");
    BOOST_TEST(second["rows"][0]["days_overdue"].get<int>() == 3);
    Json third = w.page("limit=3&offset=6");
    BOOST_TEST((ids(third) == std::vector<Id>{9102}));
    // Without a limit, one page of up to 50.
    BOOST_TEST(ids(w.page("sort=due")).size() == 7u);
}

BOOST_AUTO_TEST_CASE(pages_by_days_overdue_put_the_overdue_rows_first) {
    SevenTasks w;
    // 9101 (10 days), 9106 (5), 9005 (3), then the rest by due date.
    BOOST_TEST((ids(w.page("sort=overdue&limit=3")) == std::vector<Id>{9101, 9106, 9005}));
    BOOST_TEST((ids(w.page("sort=overdue&limit=3&offset=3")) == std::vector<Id>{9103, 9105, 9104}));
    BOOST_TEST((ids(w.page("sort=overdue&limit=3&offset=6")) == std::vector<Id>{9102}));
    // A status filter counts the rows it keeps.
    Json overdue = w.page("status=overdue&limit=2&offset=2");
    BOOST_TEST((ids(overdue) == std::vector<Id>{9005}));
    BOOST_TEST(overdue["total"].get<int>() == 3);
    Json soon = w.page("status=due_soon");
    BOOST_TEST((ids(soon) == std::vector<Id>{9104}));
    BOOST_TEST((ids(w.page("status=on_time")) == std::vector<Id>{9102}));
    BOOST_TEST((ids(w.page("status=done")) == std::vector<Id>{9105}));
}

BOOST_AUTO_TEST_CASE(every_page_carries_the_figures_and_options_of_the_whole_board) {
    SevenTasks w;
    Json first = w.page("limit=3");
    // 城西城管科: six tasks, 9101 and 9106 overdue, 9103 answered on time after 5 days.
    Json units = first["units"];
    BOOST_REQUIRE_EQUAL(units.size(), 2u);
    Json own;
    for (const auto& u : units)
        if (u["unit"] == "城西城管科") own = u;
    BOOST_REQUIRE(own.is_object());
    BOOST_TEST(own["received"].get<int>() == 6);
    BOOST_TEST(own["overdue_now"].get<int>() == 2);
    BOOST_TEST(own["answered"].get<int>() == 1);
    BOOST_TEST(own["answered_on_time"].get<int>() == 1);
    BOOST_TEST(own["reply_days_tenths"].get<int>() == 50);
    BOOST_TEST(own["satisfied_permille"].get<int>() == -1);
    for (const char* query : {"limit=3&offset=3", "limit=3&offset=6", "limit=3&offset=7"}) {
        Json other = w.page(query);
        BOOST_TEST_CONTEXT(query) {
            BOOST_TEST(other["units"] == units);
            BOOST_TEST(other["filters"] == first["filters"]);
        }
    }
    BOOST_TEST(first["filters"]["units"].size() == 2u);
    BOOST_REQUIRE_EQUAL(first["filters"]["councils"].size(), 1u);
    BOOST_TEST(first["filters"]["councils"][0]["name"] == "晨光社区议事会");
}

BOOST_AUTO_TEST_CASE(a_page_past_the_last_row_is_empty_and_still_counts_the_rows) {
    SevenTasks w;
    for (const char* query : {"limit=3&offset=7", "offset=1000", "limit=200&offset=1000000000"}) {
        Json b = w.page(query);
        BOOST_TEST_CONTEXT(query) {
            BOOST_TEST(b["rows"].empty());
            BOOST_TEST(b["total"].get<int>() == 7);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_departments_own_view_pages_oldest_due_first) {
    SevenTasks w;
    // 测试城管科 owes 9001 (due -3), 9006 (-1) and 9002 (+5) in its own street.
    Json first = w.get_json("/api/me/unit-board?limit=2", w.unit_staff);
    BOOST_TEST((ids(first) == std::vector<Id>{9001, 9006}));
    BOOST_TEST(first["total"].get<int>() == 3);
    Json second = w.get_json("/api/me/unit-board?limit=2&offset=2", w.unit_staff);
    BOOST_TEST((ids(second) == std::vector<Id>{9002}));
    BOOST_TEST(second["units"] == first["units"]);
    BOOST_REQUIRE_EQUAL(first["units"].size(), 1u);
    BOOST_TEST(first["units"][0]["received"].get<int>() == 3);
}

BOOST_AUTO_TEST_CASE(the_csv_holds_every_row_whatever_the_page) {
    SevenTasks w;
    auto r = w.get("/api/board.csv?street=9001&limit=3", w.other_admin);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 200);
    for (const char* id : {"9005,", "9101,", "9102,", "9103,", "9104,", "9105,", "9106,"})
        BOOST_TEST(r->body.find(std::string("\n") + id) != std::string::npos, id);
}

BOOST_AUTO_TEST_SUITE_END()
