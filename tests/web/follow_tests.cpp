// 消息, 督办台账 and 需求月报 in the client: routes, the unread poll (one at a time, quiet, 首页
// re-fetching when something new arrives or on its own poll), the centre's list, marking read
// and following a link, settings, the board's and the report's loads and replies, and files
// fetched to be saved.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/follow.hpp"
#include "yishi/messages_board.hpp"
#include "yishi/messages_notifications.hpp"

using namespace fixtures;

namespace {

// Qualified: an Intent is a std::variant, so std::apply would be found too.
std::vector<Request> follow(ClientState& state, FollowIntent intent) {
    return yishi::client::apply(state, Intent{std::move(intent)});
}

std::string unread(std::int64_t n, Id latest) {
    return encode(UnreadCount{n, latest});
}

// Logged in as a member with `role` whose login reply names `admin_json` (empty: none).
struct Member2 {
    ClientState state;
    std::vector<Request> followups;
    Member2(const std::string& role, const std::string& admin_json, const std::string& hash) {
        auto boot = apply(state, Boot{hash, "", "zh-CN"});
        apply_response(state, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
        auto sent = apply(state, Login{"x", "secret-pass"});
        LoginReply r;
        r.token = "tok-x";
        r.member = Member{1, "x", "赵主任", role};
        auto body = Json::parse(encode(r));
        if (!admin_json.empty()) body["admin"] = Json::parse(admin_json);
        followups = apply_response(state, only(sent, RequestKind::login), 200, body.dump());
        state.url_update = UrlUpdate::none;
    }
};

NotificationList two_notes() {
    NotificationList l;
    l.unread = 1;
    NotificationView a;
    a.id = 12;
    a.kind = NotificationKind::ballot_opened;
    a.subject_id = 9;
    a.title = "加装电梯";
    a.link = "#/ballot/9";
    a.created_at = 1'790'000'000;
    NotificationView b = a;
    b.id = 11;
    b.kind = NotificationKind::issue_accepted;
    b.subject_id = 1;
    b.link = "#/issue/1";
    b.read = true;
    l.items = {a, b};
    return l;
}

const char* kReport = R"({"scope":{"kind":"street","id":1,"name":"城关街道"},"month":"2026-10",
 "figures":{"raised":30,"accepted":25,"answered":20,"accept_median_s":86400,"accept_p90_s":259200,
  "reply_median_s":432000,"reply_p90_s":1209600,"answered_on_time":18,
  "answered_on_time_permille":600,"ratings":10,"satisfied":9,"satisfied_permille":900},
 "previous":{"raised":20,"accepted":20,"answered":15,"accept_median_s":-1,"accept_p90_s":-1,
  "reply_median_s":-1,"reply_p90_s":-1,"answered_on_time":10,"answered_on_time_permille":500,
  "ratings":0,"satisfied":0,"satisfied_permille":-1},
 "by_category":[{"name":"环境卫生","count":12,"previous":8},{"name":"","count":3,"previous":0}],
 "by_grid":[{"id":4,"name":"第二网格","count":20,"previous":10},{"id":0,"name":"未划网格","count":10,"previous":10}],
 "trend":[{"month":"2025-11","raised":5,"answered_on_time_permille":-1,"satisfied_permille":-1},
          {"month":"2026-10","raised":30,"answered_on_time_permille":600,"satisfied_permille":900}]})";

}  // namespace

BOOST_AUTO_TEST_SUITE(follow_through)

BOOST_AUTO_TEST_CASE(routes_of_the_centre_the_board_and_the_report) {
    BOOST_TEST((parse_hash("#/notifications").page == Page::notifications));
    BOOST_TEST((parse_hash("#/board").page == Page::board));
    BOOST_TEST((parse_hash("#/report/").page == Page::report));
    BOOST_TEST(to_hash(Route{Page::notifications}) == "#/notifications");
    BOOST_TEST(to_hash(Route{Page::board}) == "#/board");
    BOOST_TEST(to_hash(Route{Page::report}) == "#/report");
    BOOST_TEST(requires_login(Page::board));
    BOOST_TEST(!is_live(Page::notifications));  // it follows the unread poll instead
}

BOOST_AUTO_TEST_CASE(the_unread_poll_is_quiet_and_one_at_a_time) {
    ClientState logged_out;
    BOOST_TEST(follow(logged_out, FollowIntent{PollUnread{}}).empty());

    LoggedIn f("#/issues");
    f.load_list();
    int pending = f.state.pending;
    auto sent = follow(f.state, FollowIntent{PollUnread{}});
    const Request& poll = only(sent, RequestKind::unread);
    BOOST_TEST(poll.path == "/api/me/notifications/unread");
    BOOST_TEST(poll.background);
    BOOST_TEST(f.state.pending == pending);  // no spinner
    BOOST_TEST(follow(f.state, FollowIntent{PollUnread{}}).empty());  // the first still out
    auto after = apply_response(f.state, poll, 200, unread(2, 40));
    BOOST_TEST(after.empty());
    BOOST_TEST(f.state.follow.notes.unread == 2);
    BOOST_TEST(f.state.follow.notes.latest == 40);
    BOOST_TEST(!f.state.follow.notes.polling);
    // A failed poll says nothing and the next one goes out.
    auto again = follow(f.state, FollowIntent{PollUnread{}});
    apply_response(f.state, only(again, RequestKind::unread), 0, "");
    BOOST_TEST(f.state.error.empty());
    BOOST_TEST(has(follow(f.state, FollowIntent{PollUnread{}}), RequestKind::unread));
}

BOOST_AUTO_TEST_CASE(home_refetches_when_a_new_notification_arrives) {
    LoggedIn f("#/home");
    f.load_list();
    BOOST_REQUIRE((f.state.route.page == Page::home));
    auto first = follow(f.state, FollowIntent{PollUnread{}});
    // The first count only says where things stand.
    BOOST_TEST(apply_response(f.state, only(first, RequestKind::unread), 200, unread(0, 40)).empty());
    auto same = follow(f.state, FollowIntent{PollUnread{}});
    BOOST_TEST(apply_response(f.state, only(same, RequestKind::unread), 200, unread(0, 40)).empty());
    // A ballot opened: notification 41 — 首页 loads its lists again, quietly.
    auto news = follow(f.state, FollowIntent{PollUnread{}});
    auto reload = apply_response(f.state, only(news, RequestKind::unread), 200, unread(1, 41));
    const Request& sessions = only(reload, RequestKind::sessions);
    BOOST_TEST(sessions.background);
    BOOST_TEST(has(reload, RequestKind::issues));
    BOOST_TEST(has(reload, RequestKind::tasks));
    BOOST_TEST(f.state.follow.notes.unread == 1);
    // The open session's console follows, quietly: its new ballot joins the to-do list.
    Session open;
    open.id = 3;
    open.council_id = 7;
    open.state = SessionState::open;
    SessionList list;
    list.sessions = {session_summary(open)};
    int pending = f.state.pending;
    auto consoles = apply_response(f.state, sessions, 200, encode(list));
    const Request& console = only(consoles, RequestKind::session);
    BOOST_TEST(console.path == "/api/sessions/3");
    BOOST_TEST(console.background);
    BOOST_TEST(f.state.pending == pending);
}

BOOST_AUTO_TEST_CASE(home_refetches_on_its_own_poll_too) {
    LoggedIn f("#/home");
    f.load_list();
    int reloads = 0;
    for (int i = 0; i < 8; ++i) {
        auto sent = follow(f.state, FollowIntent{PollUnread{}});
        if (has(sent, RequestKind::sessions)) {
            ++reloads;
            for (const auto& r : sent)
                if (r.kind == RequestKind::sessions)
                    apply_response(f.state, r, 200, R"({"sessions":[]})");
                else if (r.kind == RequestKind::tasks)
                    apply_response(f.state, r, 200, R"({"tasks":[]})");
                else if (r.kind == RequestKind::issues)
                    apply_response(f.state, r, 200, encode(issue_list()));
        }
        apply_response(f.state, only(sent, RequestKind::unread), 200, unread(0, 40));
    }
    BOOST_TEST(reloads == 2);  // every fourth poll
    // Elsewhere the poll is only the count.
    apply(f.state, Navigate{Route{Page::settings}});
    for (int i = 0; i < 4; ++i) {
        auto sent = follow(f.state, FollowIntent{PollUnread{}});
        BOOST_TEST(sent.size() == 1u);
        apply_response(f.state, sent.front(), 200, unread(0, 40));
    }
}

BOOST_AUTO_TEST_CASE(the_centre_lists_marks_read_and_follows_the_link) {
    LoggedIn f("#/issues");
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::notifications}});
    const Request& list = only(sent, RequestKind::notifications);
    BOOST_TEST(list.path == "/api/me/notifications");
    BOOST_TEST(only(sent, RequestKind::notification_settings).method == "GET");
    apply_response(f.state, list, 200, encode(two_notes()));
    const auto& n = f.state.follow.notes;
    BOOST_REQUIRE(n.list_loaded);
    BOOST_TEST(n.list.items.size() == 2u);
    BOOST_TEST(n.list.items.front().id == 12);  // newest first, as sent
    BOOST_TEST(n.unread == 1);

    auto open = follow(f.state, FollowIntent{OpenNotification{12, "#/ballot/9"}});
    const Request& read = only(open, RequestKind::notifications_read);
    BOOST_TEST(read.method == "POST");
    BOOST_TEST(read.path == "/api/me/notifications/read");
    BOOST_TEST(Json::parse(read.body)["ids"] == Json::array({12}));
    BOOST_TEST(n.list.items.front().read);
    BOOST_TEST(n.unread == 0);
    BOOST_TEST((f.state.route == Route{Page::ballot, 9, {}}));
    BOOST_TEST((f.state.url_update == UrlUpdate::push));
    BOOST_TEST(has(open, RequestKind::ballot));
    apply_response(f.state, read, 200, R"({"unread":0})");
    BOOST_TEST(f.state.follow.notes.unread == 0);

    // A read one is only followed.
    apply(f.state, Navigate{Route{Page::notifications}});
    auto again = follow(f.state, FollowIntent{OpenNotification{11, "#/issue/1"}});
    BOOST_TEST(!has(again, RequestKind::notifications_read));
    BOOST_TEST((f.state.route == Route{Page::issue, 1, {}}));
}

BOOST_AUTO_TEST_CASE(all_read_and_the_settings_toggles) {
    LoggedIn f("#/notifications");
    BOOST_REQUIRE((f.state.route.page == Page::notifications));
    const auto sent = f.followups;
    NotificationSettings s;
    for (auto k : kNotificationKinds) s.kinds.push_back({k, true});
    apply_response(f.state, only(sent, RequestKind::notifications), 200, encode(two_notes()));
    apply_response(f.state, only(sent, RequestKind::notification_settings), 200, encode(s));
    BOOST_TEST(f.state.follow.notes.settings.kinds.size() == std::size(kNotificationKinds));

    auto all = follow(f.state, FollowIntent{MarkAllRead{}});
    const Request& read = only(all, RequestKind::notifications_read);
    BOOST_TEST(Json::parse(read.body)["all"] == true);
    for (const auto& v : f.state.follow.notes.list.items) BOOST_TEST(v.read);
    BOOST_TEST(f.state.follow.notes.unread == 0);

    auto off = follow(f.state, FollowIntent{SetNotificationKind{NotificationKind::task_due, false}});
    const Request& put = only(off, RequestKind::notification_settings);
    BOOST_TEST(put.method == "PUT");
    BOOST_TEST(put.path == "/api/me/notification-settings");
    auto body = decode_notification_settings(put.body);
    BOOST_REQUIRE(body);
    BOOST_REQUIRE(body.value().kinds.size() == 1u);
    BOOST_TEST((body.value().kinds[0].kind == NotificationKind::task_due));
    BOOST_TEST(!body.value().kinds[0].on);
    for (const auto& k : f.state.follow.notes.settings.kinds)
        BOOST_TEST(k.on == (k.kind != NotificationKind::task_due));
}

BOOST_AUTO_TEST_CASE(the_catalog_has_a_sentence_and_a_toggle_for_every_kind) {
    for (const char* lang : {"zh-CN", "en"}) {
        Strings t;
        BOOST_REQUIRE(t.load(read_catalog(lang), lang));
        for (auto k : kNotificationKinds) {
            BOOST_TEST(t.get(notification_text_key(k)) != notification_text_key(k));
            BOOST_TEST(t.get(notification_kind_key(k)) != notification_kind_key(k));
        }
        for (auto s : kBoardStatuses)
            BOOST_TEST(t.get(std::string("board_status.") + to_string(s)) !=
                       std::string("board_status.") + to_string(s));
    }
    Strings zh;
    BOOST_REQUIRE(zh.load(read_catalog("zh-CN"), "zh-CN"));
    BOOST_TEST(zh.format(notification_text_key(NotificationKind::issue_declined),
                         {{"title", "加装电梯"}, {"detail", "不属于本议事会"}}) ==
               "您提出的议题“加装电梯”未被采纳。理由：不属于本议事会");
}

BOOST_AUTO_TEST_CASE(a_street_administrator_reads_the_street_board_with_filters) {
    Member2 f("street_admin", R"({"level":"street","id":1})", "#/board");
    const Request& board = only(f.followups, RequestKind::board);
    BOOST_TEST(board.path == "/api/board?street=1");
    BOOST_TEST(has(f.followups, RequestKind::admin_tree));

    Board b;
    b.scope = {"street", 1, "城关街道"};
    b.now = 1'790'000'000;
    BoardRow r;
    r.task_id = 5;
    r.subject_title = "加装电梯";
    r.community_name = "幸福里社区";
    r.responsible_unit = "住建办";
    r.due_at = b.now - 3 * 86400;
    r.status = BoardStatus::overdue;
    r.days_overdue = 3;
    b.rows = {r};
    b.units = {UnitFigures{"住建办", 1, 0, 1, 0, -1, 0, 0, -1}};
    b.filters.units = {"住建办"};
    apply_response(f.state, board, 200, encode(b));
    BOOST_REQUIRE(f.state.follow.board.has_value());
    BOOST_TEST(f.state.follow.board->rows.size() == 1u);
    BOOST_TEST(f.state.follow.board->rows[0].days_overdue == 3);

    BoardFilter g = f.state.follow.board_filter;
    g.unit = "住建办";
    g.status = "overdue";
    g.from = "2026-01";
    g.sort = "overdue";
    auto sent = follow(f.state, FollowIntent{LoadBoard{g}});
    BOOST_TEST(only(sent, RequestKind::board).path ==
               "/api/board?street=1&unit=%E4%BD%8F%E5%BB%BA%E5%8A%9E&status=overdue&from=2026-01&sort=overdue");
    BOOST_TEST((f.state.follow.board_filter == g));
}

BOOST_AUTO_TEST_CASE(the_board_turns_pages_with_its_filters_and_a_new_filter_starts_at_page_one) {
    Member2 f("street_admin", R"({"level":"street","id":1})", "#/board");
    BoardFilter overdue = f.state.follow.board_filter;
    overdue.status = "overdue";
    Request first = only(follow(f.state, FollowIntent{LoadBoard{overdue}}), RequestKind::board);
    BOOST_TEST(first.path == "/api/board?street=1&status=overdue");
    // 120 rows, 50 a page: pages 1, 2 and 3.
    Board b;
    b.scope = {"street", 1, "城关街道"};
    b.total = 120;
    b.limit = 50;
    apply_response(f.state, first, 200, encode(b));
    BoardPaging p = board_paging(*f.state.follow.board);
    BOOST_TEST(p.page == 1);
    BOOST_TEST(p.pages == 3);
    BOOST_TEST(!p.has_previous);
    BOOST_TEST(p.has_next);
    BOOST_TEST(follow(f.state, FollowIntent{PageBoard{-1}}).empty());  // no page before the first

    Request second = only(follow(f.state, FollowIntent{PageBoard{1}}), RequestKind::board);
    BOOST_TEST(second.path == "/api/board?street=1&status=overdue&offset=50");
    b.offset = 50;
    apply_response(f.state, second, 200, encode(b));
    BOOST_TEST(board_paging(*f.state.follow.board).page == 2);
    Request third = only(follow(f.state, FollowIntent{PageBoard{1}}), RequestKind::board);
    BOOST_TEST(third.path == "/api/board?street=1&status=overdue&offset=100");
    b.offset = 100;
    apply_response(f.state, third, 200, encode(b));
    p = board_paging(*f.state.follow.board);
    BOOST_TEST(p.page == 3);
    BOOST_TEST(!p.has_next);
    BOOST_TEST(follow(f.state, FollowIntent{PageBoard{1}}).empty());  // none after the last
    BOOST_TEST(only(follow(f.state, FollowIntent{PageBoard{-1}}), RequestKind::board).path ==
               "/api/board?street=1&status=overdue&offset=50");

    // Another sorting (or filter) starts again from the first page.
    BoardFilter g = f.state.follow.board_filter;
    g.sort = "overdue";
    BOOST_TEST(only(follow(f.state, FollowIntent{LoadBoard{g}}), RequestKind::board).path ==
               "/api/board?street=1&status=overdue&sort=overdue");
    BOOST_TEST(f.state.follow.board_filter.offset == 0);

    // An empty board is one page.
    Board none;
    none.total = 0;
    BOOST_TEST(board_paging(none).pages == 1);
    BOOST_TEST(!board_paging(none).has_next);
}

BOOST_AUTO_TEST_CASE(boards_of_a_community_a_department_and_the_platform) {
    Member2 community("community_admin", R"({"level":"community","id":5})", "#/board");
    BOOST_TEST(only(community.followups, RequestKind::board).path == "/api/board?community=5");
    Member2 unit("department", "", "#/board");
    BOOST_TEST(only(unit.followups, RequestKind::board).path == "/api/me/unit-board");
    // The platform administrator picks a street first: only the tree is asked for.
    Member2 platform("admin", R"({"level":"platform"})", "#/board");
    BOOST_TEST(!has(platform.followups, RequestKind::board));
    BOOST_TEST(has(platform.followups, RequestKind::admin_tree));
    BoardFilter g;
    g.street_id = 2;
    BOOST_TEST(only(follow(platform.state, FollowIntent{LoadBoard{g}}), RequestKind::board).path ==
               "/api/board?street=2");
}

BOOST_AUTO_TEST_CASE(the_report_loads_by_scope_and_month_and_reads_its_reply) {
    Member2 f("street_admin", R"({"level":"street","id":1})", "#/report");
    const Request& report = only(f.followups, RequestKind::report);
    BOOST_TEST(report.path == "/api/report?street=1");
    apply_response(f.state, report, 200, kReport);
    BOOST_REQUIRE(f.state.follow.report.has_value());
    const ReportView& r = *f.state.follow.report;
    BOOST_TEST(r.month == "2026-10");
    BOOST_TEST(r.figures.raised == 30);
    BOOST_TEST(r.previous.reply_p90_s == -1);
    BOOST_TEST(r.by_category.size() == 2u);
    BOOST_TEST(r.by_grid[1].id == 0);  // 未划网格
    BOOST_TEST(r.trend.back().satisfied_permille == 900);

    auto sent = follow(f.state, FollowIntent{LoadReport{ReportPick{"community", 5, "2026-09"}}});
    BOOST_TEST(only(sent, RequestKind::report).path == "/api/report?community=5&month=2026-09");
    BOOST_TEST(!decode_report_view(R"({"scope":{"kind":"street"},"month":"2026-10"})"));
    BOOST_TEST(shift_month("2026-01", -1) == "2025-12");
    BOOST_TEST(shift_month("2026-12", 1) == "2027-01");
    BOOST_TEST(shift_month("2026-13", 1) == "");
}

BOOST_AUTO_TEST_CASE(a_file_is_fetched_and_saved_under_its_name) {
    LoggedIn f("#/issues");
    f.load_list();
    auto sent = follow(f.state, FollowIntent{DownloadFile{"/api/sessions/3/minutes.pdf",
                                                         "会议纪要-3.pdf", "application/pdf"}});
    const Request& file = only(sent, RequestKind::file);
    BOOST_TEST(file.path == "/api/sessions/3/minutes.pdf");
    BOOST_TEST(file.token == "tok-demo01");
    apply_response(f.state, file, 200, std::string("%PDF-1.5\0binary", 15));
    BOOST_REQUIRE(f.state.download.has_value());
    BOOST_TEST(f.state.download->filename == "会议纪要-3.pdf");
    BOOST_TEST(f.state.download->mime == "application/pdf");
    BOOST_TEST(f.state.download->text.size() == 15u);
    // A refusal (the session is not closed) shows a reason and saves nothing.
    f.state.download.reset();
    auto again = follow(f.state, FollowIntent{DownloadFile{"/api/sessions/4/minutes.pdf",
                                                          "会议纪要-4.pdf", "application/pdf"}});
    apply_response(f.state, only(again, RequestKind::file), 409,
                   R"({"error":"session_not_closed","message":"会议尚未结束"})");
    BOOST_TEST(!f.state.download.has_value());
    BOOST_TEST(!f.state.error.empty());
}

BOOST_AUTO_TEST_CASE(logging_out_forgets_the_count_and_the_list) {
    LoggedIn f("#/issues");
    f.load_list();
    auto sent = follow(f.state, FollowIntent{PollUnread{}});
    apply_response(f.state, only(sent, RequestKind::unread), 200, unread(3, 50));
    apply(f.state, Logout{});
    BOOST_TEST(f.state.follow.notes.unread == 0);
    BOOST_TEST(!f.state.follow.notes.unread_loaded);
    BOOST_TEST(follow(f.state, FollowIntent{PollUnread{}}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
