// The accountability board (督办台账): statuses against the due date, unit figures in exact
// integers, the query's filters and sorting, who reads it, and its JSON round trip.
#include <boost/test/unit_test.hpp>

#include "yishi/board.hpp"
#include "yishi/messages_board.hpp"

using namespace yishi;

namespace {
constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kNow = 1790000000;

BoardRow row(Id id, const std::string& unit, TaskState state, std::int64_t created,
             std::int64_t due) {
    BoardRow r;
    r.task_id = id;
    r.responsible_unit = unit;
    r.state = state;
    r.created_at = created;
    r.due_at = due;
    return r;
}

QueryParams params(std::initializer_list<std::pair<const std::string, std::string>> p) {
    return QueryParams(p);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(board)

BOOST_AUTO_TEST_CASE(an_assigned_task_is_on_time_due_soon_or_overdue_by_its_due_date) {
    BOOST_TEST((board_status(TaskState::assigned, kNow + 8 * kDay, kNow) == BoardStatus::on_time));
    BOOST_TEST((board_status(TaskState::assigned, kNow + 7 * kDay, kNow) == BoardStatus::due_soon));
    BOOST_TEST((board_status(TaskState::assigned, kNow, kNow) == BoardStatus::due_soon));
    BOOST_TEST((board_status(TaskState::assigned, kNow - 1, kNow) == BoardStatus::overdue));
}

BOOST_AUTO_TEST_CASE(answered_supervised_and_done_come_from_the_state_whatever_the_date) {
    BOOST_TEST((board_status(TaskState::answered, kNow - 30 * kDay, kNow) == BoardStatus::answered));
    BOOST_TEST((board_status(TaskState::supervised, kNow - kDay, kNow) == BoardStatus::supervised));
    BOOST_TEST((board_status(TaskState::done, kNow + kDay, kNow) == BoardStatus::done));
    BOOST_TEST(days_overdue(TaskState::answered, kNow - 30 * kDay, kNow) == 0);
}

BOOST_AUTO_TEST_CASE(a_started_day_past_due_counts_as_a_whole_day_overdue) {
    BOOST_TEST(days_overdue(TaskState::assigned, kNow - 1, kNow) == 1);
    BOOST_TEST(days_overdue(TaskState::assigned, kNow - kDay, kNow) == 1);
    BOOST_TEST(days_overdue(TaskState::assigned, kNow - kDay - 1, kNow) == 2);
    BOOST_TEST(days_overdue(TaskState::assigned, kNow + 1, kNow) == 0);
}

BOOST_AUTO_TEST_CASE(a_status_as_a_condition_on_state_and_due_date_picks_the_same_tasks) {
    const TaskState states[] = {TaskState::assigned, TaskState::answered, TaskState::supervised,
                                TaskState::done};
    for (BoardStatus s : kBoardStatuses) {
        StatusCondition c = status_condition(s, kNow);
        for (TaskState state : states)
            for (std::int64_t due : {kNow - 30 * kDay, kNow - kDay - 1, kNow - 1, kNow, kNow + 1,
                                     kNow + 7 * kDay, kNow + 7 * kDay + 1, kNow + 30 * kDay}) {
                bool in = state == c.state && (!c.due_from || due >= *c.due_from) &&
                          (!c.due_to || due <= *c.due_to);
                BOOST_TEST_CONTEXT(to_string(s) << " " << to_string(state) << " " << due - kNow) {
                    BOOST_TEST(in == (board_status(state, due, kNow) == s));
                }
            }
    }
}

BOOST_AUTO_TEST_CASE(most_days_overdue_first_is_the_overdue_tasks_first_then_by_due_date) {
    std::vector<BoardRow> rows = {
        row(1, "甲", TaskState::assigned, 0, kNow - 2 * kDay),
        row(2, "甲", TaskState::assigned, 0, kNow - 2 * kDay + 5),  // also 2 days overdue
        row(3, "甲", TaskState::answered, 0, kNow - 20 * kDay),
        row(4, "甲", TaskState::assigned, 0, kNow - 9 * kDay),
        row(5, "甲", TaskState::assigned, 0, kNow + kDay),
        row(6, "甲", TaskState::done, 0, kNow - 30 * kDay),
    };
    settle_statuses(rows, kNow);
    sort_board(rows, BoardSort::overdue);
    std::vector<Id> order;
    for (const auto& r : rows) order.push_back(r.task_id);
    BOOST_TEST((order == std::vector<Id>{4, 1, 2, 6, 3, 5}));
}

BOOST_AUTO_TEST_CASE(the_page_is_fifty_rows_unless_asked_and_at_most_two_hundred) {
    auto plain = parse_board_query(params({{"street", "1"}}), true);
    BOOST_REQUIRE(plain.ok());
    BOOST_TEST(plain.value().limit == 50);
    BOOST_TEST(plain.value().offset == 0);
    auto asked = parse_board_query(params({{"street", "1"}, {"limit", "200"}, {"offset", "400"}}),
                                   true);
    BOOST_REQUIRE(asked.ok());
    BOOST_TEST(asked.value().limit == 200);
    BOOST_TEST(asked.value().offset == 400);
    BOOST_TEST(parse_board_query(params({{"street", "1"}, {"offset", "1000000000"}}), true).ok());
    for (auto [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"limit", "0"}, {"limit", "201"}, {"limit", "-5"}, {"limit", ""}, {"limit", "1e2"},
             {"offset", "-1"}, {"offset", "1000000001"}, {"offset", "99999999999999999999"},
             {"offset", "x"}}) {
        auto bad = parse_board_query(params({{"street", "1"}, {name, value}}), true);
        BOOST_TEST_CONTEXT(name << "=" << value) {
            BOOST_REQUIRE(!bad.ok());
            BOOST_TEST(bad.error().code == "bad_filter");
            BOOST_TEST(bad.error().field == name);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_page_read_by_a_store_is_settled_sorted_and_ranked_like_the_whole_board) {
    std::vector<BoardRow> all = {row(1, "城管科", TaskState::assigned, kNow - 9 * kDay, kNow - kDay),
                                 row(2, "民政科", TaskState::answered, kNow - 9 * kDay, kNow),
                                 row(3, "城管科", TaskState::assigned, kNow - 9 * kDay, kNow - 5 * kDay)};
    all[1].first_reply_at = kNow - 4 * kDay;
    all[1].ratings = {1, 0, 0};
    Board whole = build_board({"street", 1, "x"}, all, BoardQuery{}, kNow);

    BoardPageRows read;
    read.scope = {"street", 1, "x"};
    read.rows = {all[0], all[2]};  // the page, in no particular order
    read.total = 3;
    read.units = {{"民政科", 1, 1, 0, 1, 5 * kDay, 1, 1}, {"城管科", 2, 0, 2, 0, 0, 0, 0}};
    read.filters.units = {"民政科", "城管科", "民政科", ""};
    read.filters.grids = {{7, "二网格"}, {0, ""}, {3, "一网格"}, {7, "二网格"}};
    BoardQuery q;
    q.limit = 2;
    Board page = board_page(read, q, kNow);
    BOOST_REQUIRE_EQUAL(page.rows.size(), 2u);
    BOOST_TEST(page.rows[0].task_id == 3);
    BOOST_TEST((page.rows[0].status == BoardStatus::overdue));
    BOOST_TEST(page.rows[0].days_overdue == 5);
    BOOST_TEST(page.total == 3);
    BOOST_TEST(page.limit == 2);
    BOOST_TEST((page.filters.units == std::vector<std::string>{"城管科", "民政科"}));
    BOOST_REQUIRE_EQUAL(page.filters.grids.size(), 2u);
    BOOST_TEST(page.filters.grids[0].id == 3);
    // The sums give the figures the rows give.
    BOOST_REQUIRE_EQUAL(page.units.size(), whole.units.size());
    for (std::size_t i = 0; i < page.units.size(); ++i) {
        BOOST_TEST(page.units[i].unit == whole.units[i].unit);
        BOOST_TEST(page.units[i].received == whole.units[i].received);
        BOOST_TEST(page.units[i].overdue_now == whole.units[i].overdue_now);
        BOOST_TEST(page.units[i].answered_on_time == whole.units[i].answered_on_time);
        BOOST_TEST(page.units[i].reply_days_tenths == whole.units[i].reply_days_tenths);
        BOOST_TEST(page.units[i].satisfied_permille == whole.units[i].satisfied_permille);
    }
    BOOST_TEST(page.units[0].unit == "民政科");  // 100% satisfied first
}

BOOST_AUTO_TEST_CASE(every_status_reads_back_from_its_name) {
    for (BoardStatus s : kBoardStatuses) {
        BoardStatus back;
        BOOST_TEST(board_status_from_string(to_string(s), back));
        BOOST_TEST((back == s));
        BOOST_TEST(std::string(board_status_label(s)).size() > 0);
    }
    BoardStatus ignored;
    BOOST_TEST(!board_status_from_string("late", ignored));
}

BOOST_AUTO_TEST_CASE(unit_figures_count_on_time_replies_overdue_tasks_and_satisfaction_exactly) {
    // 街道城管科: three tasks. One answered after 2 days (on time), one answered 1 day late after
    // 11 days, one still assigned and overdue. 民政科: one task on time, no ratings.
    std::vector<BoardRow> rows;
    BoardRow a = row(1, "城管科", TaskState::done, kNow - 20 * kDay, kNow - 10 * kDay);
    a.first_reply_at = a.created_at + 2 * kDay;
    a.ratings = {2, 1, 0};
    BoardRow b = row(2, "城管科", TaskState::answered, kNow - 20 * kDay, kNow - 10 * kDay);
    b.first_reply_at = b.created_at + 11 * kDay;
    b.ratings = {0, 0, 3};
    BoardRow c = row(3, "城管科", TaskState::assigned, kNow - 20 * kDay, kNow - 2 * kDay);
    BoardRow d = row(4, "民政科", TaskState::assigned, kNow - kDay, kNow + 20 * kDay);
    rows = {a, b, c, d};
    settle_statuses(rows, kNow);
    auto units = unit_figures(rows);
    BOOST_REQUIRE(units.size() == 2u);
    const UnitFigures& u = units[0];  // 3/6 satisfied ranks above 民政科's no ratings
    BOOST_TEST(u.unit == "城管科");
    BOOST_TEST(u.received == 3);
    BOOST_TEST(u.answered == 2);
    BOOST_TEST(u.answered_on_time == 1);
    BOOST_TEST(u.overdue_now == 1);
    BOOST_TEST(u.reply_days_tenths == 65);  // (2 + 11) / 2 = 6.5 days
    BOOST_TEST(u.ratings == 6);
    BOOST_TEST(u.satisfied == 3);
    BOOST_TEST(u.satisfied_permille == 500);
    BOOST_TEST(units[1].unit == "民政科");
    BOOST_TEST(units[1].reply_days_tenths == -1);
    BOOST_TEST(units[1].satisfied_permille == -1);
}

BOOST_AUTO_TEST_CASE(shares_round_down_and_ties_rank_by_fewer_overdue_tasks) {
    std::vector<BoardRow> rows;
    BoardRow a = row(1, "甲", TaskState::done, kNow - 10 * kDay, kNow + kDay);
    a.ratings = {1, 1, 1};  // 666.6 → 666
    BoardRow b = row(2, "乙", TaskState::done, kNow - 10 * kDay, kNow + kDay);
    b.ratings = {2, 0, 1};
    BoardRow c = row(3, "乙", TaskState::assigned, kNow - 10 * kDay, kNow - kDay);
    BoardRow d = row(4, "丙", TaskState::done, kNow - 10 * kDay, kNow + kDay);
    d.ratings = {0, 2, 1};
    rows = {a, b, c, d};
    settle_statuses(rows, kNow);
    auto units = unit_figures(rows);
    BOOST_REQUIRE(units.size() == 3u);
    BOOST_TEST(units[0].satisfied_permille == 666);
    // 甲 and 丙 have no overdue task, ordered by name; 乙 has one.
    BOOST_TEST(units[2].unit == "乙");
    BOOST_TEST(units[2].overdue_now == 1);
}

BOOST_AUTO_TEST_CASE(the_query_names_a_street_or_a_community_and_reads_every_filter) {
    auto q = parse_board_query(params({{"street", "3"}, {"community", "7"}, {"unit", " 城管科 "},
                                       {"council", "9"}, {"grid", "11"}, {"status", "overdue"},
                                       {"from", "2026-01"}, {"to", "2026-03"},
                                       {"sort", "overdue"}}),
                               true);
    BOOST_REQUIRE(q.ok());
    BOOST_TEST(q.value().street_id == 3);
    BOOST_TEST(q.value().community_id == 7);
    BOOST_TEST(q.value().scope_community_id == 0);
    BOOST_TEST(q.value().unit == "城管科");
    BOOST_TEST(q.value().council_id == 9);
    BOOST_TEST(q.value().grid_id == 11);
    BOOST_TEST((*q.value().status == BoardStatus::overdue));
    // 2026-01-01 00:00 and 2026-04-01 00:00 China time (UTC+8).
    BOOST_TEST(q.value().created_from == 1767196800);
    BOOST_TEST(q.value().created_before == 1774972800);
    BOOST_TEST((q.value().sort == BoardSort::overdue));

    auto community = parse_board_query(params({{"community", "7"}}), true);
    BOOST_REQUIRE(community.ok());
    BOOST_TEST(community.value().scope_community_id == 7);
    BOOST_TEST(community.value().community_id == 0);
}

BOOST_AUTO_TEST_CASE(bad_query_values_are_refused_in_chinese_naming_the_parameter) {
    struct Case {
        QueryParams p;
        std::string code;
    };
    std::vector<Case> cases = {
        {params({}), "missing_scope"},
        {params({{"street", "abc"}}), "bad_filter"},
        {params({{"street", "0"}}), "bad_filter"},
        {params({{"street", "-1"}}), "bad_filter"},
        {params({{"street", "99999999999999999999"}}), "bad_filter"},
        {params({{"street", "1"}, {"street", "2"}}), "bad_filter"},
        {params({{"street", "1"}, {"status", "late"}}), "bad_filter"},
        {params({{"street", "1"}, {"from", "2026-13"}}), "bad_filter"},
        {params({{"street", "1"}, {"from", "2026-3"}}), "bad_filter"},
        {params({{"street", "1"}, {"from", "2026-05"}, {"to", "2026-04"}}), "bad_filter"},
        {params({{"street", "1"}, {"sort", "name"}}), "bad_filter"},
        {params({{"street", "1"}, {"unit", "城管\u202e科"}}), "bad_filter"},
        {params({{"street", "1"}, {"unit", std::string("a\x01")}}), "bad_filter"},
        {params({{"street", "1"}, {"unit", std::string(51, 'x')}}), "bad_filter"},
        {params({{"street", "1"}, {"unit", std::string("\xff")}}), "bad_filter"},
    };
    for (const auto& c : cases) {
        auto q = parse_board_query(c.p, true);
        BOOST_REQUIRE(!q.ok());
        BOOST_TEST(q.error().code == c.code);
        BOOST_TEST(q.error().status == 400);
        BOOST_TEST(q.error().message.find("\xE6") != std::string::npos);  // Chinese text
    }
    auto status = parse_board_query(params({{"street", "1"}, {"status", "x"}}), true);
    BOOST_TEST(status.error().message == "筛选条件无效：状态");
}

BOOST_AUTO_TEST_CASE(the_board_filters_sorts_and_counts_units_without_its_status_filter) {
    std::vector<BoardRow> all;
    BoardRow a = row(1, "城管科", TaskState::assigned, kNow - 30 * kDay, kNow - 3 * kDay);
    a.community_id = 5;
    a.community_name = "幸福社区";
    BoardRow b = row(2, "城管科", TaskState::assigned, kNow - 30 * kDay, kNow - 10 * kDay);
    b.community_id = 5;
    b.community_name = "幸福社区";
    BoardRow c = row(3, "城管科", TaskState::done, kNow - 30 * kDay, kNow - 20 * kDay);
    c.community_id = 6;
    c.community_name = "和平社区";
    BoardRow d = row(4, "民政科", TaskState::assigned, kNow - 30 * kDay, kNow + 30 * kDay);
    d.community_id = 5;
    d.community_name = "幸福社区";
    all = {a, b, c, d};
    BoardQuery q;
    q.unit = "城管科";
    q.status = BoardStatus::overdue;
    q.sort = BoardSort::overdue;
    Board board = build_board({"street", 1, "城南街道"}, all, q, kNow);
    BOOST_REQUIRE(board.rows.size() == 2u);
    BOOST_TEST(board.rows[0].task_id == 2);  // 10 days overdue before 3
    BOOST_TEST(board.rows[0].days_overdue == 10);
    BOOST_TEST(board.rows[1].task_id == 1);
    BOOST_REQUIRE(board.units.size() == 1u);
    BOOST_TEST(board.units[0].received == 3);  // the done task counts, though not overdue
    BOOST_TEST(board.filters.units.size() == 2u);
    BOOST_REQUIRE(board.filters.communities.size() == 2u);
    BOOST_TEST(board.filters.communities[0].name == "幸福社区");

    BoardQuery by_due;
    Board due = build_board({"street", 1, "城南街道"}, all, by_due, kNow);
    BOOST_REQUIRE(due.rows.size() == 4u);
    BOOST_TEST(due.rows[0].task_id == 3);  // oldest due first
    BOOST_TEST(due.rows[3].task_id == 4);
}

BOOST_AUTO_TEST_CASE(the_period_keeps_tasks_created_within_its_months) {
    auto q = parse_board_query(params({{"street", "1"}, {"from", "2026-02"}, {"to", "2026-02"}}), true);
    BOOST_REQUIRE(q.ok());
    std::int64_t feb = 1769875200;  // 2026-02-01 00:00 China time
    std::vector<BoardRow> all = {row(1, "甲", TaskState::assigned, feb - 1, kNow),
                                 row(2, "甲", TaskState::assigned, feb, kNow),
                                 row(3, "甲", TaskState::assigned, feb + 28 * kDay - 1, kNow),
                                 row(4, "甲", TaskState::assigned, feb + 28 * kDay, kNow)};
    Board b = build_board({"street", 1, "x"}, all, q.value(), kNow);
    BOOST_REQUIRE(b.rows.size() == 2u);
    BOOST_TEST(b.rows[0].task_id == 2);
    BOOST_TEST(b.rows[1].task_id == 3);
}

BOOST_AUTO_TEST_CASE(street_and_platform_administrators_read_a_street_board_community_ones_do_not) {
    AdminScope platform{AdminLevel::platform, 0};
    AdminScope street{AdminLevel::street, 2};
    AdminScope community{AdminLevel::community, 7};
    Place street2{2, 0};
    Place community7{2, 7};
    BOOST_TEST(!may_read_board(platform, street2));
    BOOST_TEST(!may_read_board(street, street2));
    BOOST_TEST(may_read_board(AdminScope{AdminLevel::street, 3}, street2)->code == "outside_scope");
    BOOST_TEST(may_read_board(community, street2)->code == "outside_scope");
    BOOST_TEST(!may_read_board(community, community7));
    BOOST_TEST(!may_read_board(street, community7));
    BOOST_TEST(may_read_board(std::nullopt, community7)->status == 403);
    BOOST_TEST(!may_export(community, community7));
    BOOST_TEST(may_export(AdminScope{AdminLevel::community, 8}, community7).has_value());
    BOOST_TEST(may_export(street, street2).has_value());
}

BOOST_AUTO_TEST_CASE(a_unit_owes_the_tasks_of_its_name_or_of_its_member) {
    BoardRow r = row(1, "城管科", TaskState::assigned, kNow, kNow);
    r.responsible_member_id = 40;
    BOOST_TEST(owes("城管科", 41, r));
    BOOST_TEST(owes("民政科", 40, r));
    BOOST_TEST(!owes("民政科", 41, r));
    BOOST_TEST(!owes("", 0, row(2, "", TaskState::assigned, kNow, kNow)));
}

BOOST_AUTO_TEST_CASE(times_print_as_china_minutes) {
    BOOST_TEST(china_minute(0) == "");
    BOOST_TEST(china_minute(1767196800) == "2026-01-01 00:00");
    BOOST_TEST(china_minute(1767196800 + 14 * 3600 + 5 * 60 + 59) == "2026-01-01 14:05");
}

BOOST_AUTO_TEST_CASE(the_board_reads_back_from_its_json) {
    Board b;
    b.scope = {"street", 2, "城南街道"};
    b.now = kNow;
    BoardRow r = row(9, "城管科", TaskState::assigned, kNow - kDay, kNow - 1);
    r.source = BoardSource::consultation;
    r.subject_id = 4;
    r.subject_title = "老旧小区加装电梯";
    r.latest_progress = LatestProgress{"已勘察", kNow - 100};
    r.ratings = {1, 2, 3};
    r.first_reply_at = kNow - 50;
    r.status = BoardStatus::overdue;
    r.days_overdue = 1;
    b.rows = {r, row(10, "民政科", TaskState::done, kNow, kNow)};
    b.rows[1].status = BoardStatus::done;
    b.total = 12;
    b.limit = 2;
    b.offset = 10;
    b.units = unit_figures(b.rows);
    b.filters.units = {"城管科", "民政科"};
    b.filters.communities = {{5, "幸福社区"}};
    auto back = decode_board(encode(b));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(encode(back.value()) == encode(b));
    BOOST_TEST(back.value().rows[0].latest_progress->text == "已勘察");
    BOOST_TEST(!back.value().rows[1].latest_progress);
    BOOST_TEST((back.value().rows[0].source == BoardSource::consultation));
    BOOST_TEST(back.value().total == 12);
    BOOST_TEST(back.value().offset == 10);

    auto broken = decode_board(R"({"scope":{"kind":"street","id":1,"name":"x"},"now":1,
        "rows":[{"task_id":"9"}],"total":1,"limit":50,"offset":0,"units":[],"filters":{"units":[],"communities":[],
        "councils":[],"grids":[]}})");
    BOOST_REQUIRE(!broken.ok());
    BOOST_TEST(broken.error().field == "rows[0].task_id");
}

BOOST_AUTO_TEST_SUITE_END()
