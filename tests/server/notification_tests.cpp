// Notifications (消息) on the demo council: each act that causes one writes it for exactly the
// members it concerns, in the same transaction (a refused act writes none), muted kinds are not
// written, the sweep writes each reminder once, and a member reads and marks only their own.
#include <boost/test/unit_test.hpp>

#include <set>

#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The demo database without the notifications its seeding wrote, so that counts start at 0.
std::filesystem::path quiet_db() {
    auto db = seeded_db();
    execute(db, "DELETE FROM hook_deliveries; DELETE FROM notifications");
    return db;
}

// Who has a notification of `kind` about `subject`, by member id, from the database itself.
std::multiset<Id> recipients(const std::filesystem::path& db, const std::string& kind, Id subject) {
    auto conn = open_db(db);
    return conn->read([&](database::Connection& c) {
        database::Statement q(c, "SELECT member_id FROM notifications WHERE kind = ? AND subject_id = ?");
        q.bind(1, kind);
        q.bind(2, subject);
        std::multiset<Id> out;
        while (q.step()) out.insert(q.column(0).int64());
        return out;
    });
}

std::int64_t count_notifications(const std::filesystem::path& db) {
    return query_int(db, "SELECT COUNT(*) FROM notifications");
}

std::multiset<Id> members_of(const std::filesystem::path& db, Id council) {
    auto conn = open_db(db);
    return conn->read([&](database::Connection& c) {
        database::Statement q(c, "SELECT member_id FROM council_members WHERE council_id = ?");
        q.bind(1, council);
        std::multiset<Id> out;
        while (q.step()) out.insert(q.column(0).int64());
        return out;
    });
}

std::multiset<Id> demo_members(int first, int last) {
    std::multiset<Id> out;
    for (int n = first; n <= last; ++n) out.insert(demo_member(n));
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(notification)

BOOST_AUTO_TEST_CASE(an_issue_decision_tells_its_author_and_nobody_else) {
    auto db = quiet_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);

    // A resident may not accept: refused, and nothing written.
    auto refused = post_json(server, tokens[5], path_of("/api/issues/", kIssueLift, "/accept"));
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(count_notifications(db) == 0);

    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept")).status, 200);
    BOOST_TEST(recipients(db, "issue_accepted", kIssueLift) == std::multiset<Id>{demo_member(4)});

    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/issues/", kIssueNoise, "/decline"),
                                  {{"reason", "属于物业管理范围，已转物业公司处理"}})
                            .status,
                        200);
    BOOST_TEST(recipients(db, "issue_declined", kIssueNoise) == std::multiset<Id>{demo_member(15)});
    BOOST_TEST(count_notifications(db) == 2);

    // The author reads it with its reason and its link; the unread count says one.
    auto mine = get_json(server, tokens[15], "/api/me/notifications");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    BOOST_TEST(mine.body["unread"] == 1);
    BOOST_REQUIRE_EQUAL(mine.body["items"].size(), 1u);
    const Json& n = mine.body["items"][0];
    BOOST_TEST(n["kind"] == "issue_declined");
    BOOST_TEST(n["subject_id"] == kIssueNoise);
    BOOST_TEST(n["detail"] == "属于物业管理范围，已转物业公司处理");
    BOOST_TEST(n["link"] == "#/issue/6");
    BOOST_TEST(n["read"] == false);
    // Another member sees none of it.
    auto other = get_json(server, tokens[5], "/api/me/notifications");
    BOOST_TEST(other.body["unread"] == 0);
    BOOST_TEST(other.body["items"].empty());
}

BOOST_AUTO_TEST_CASE(co_signs_reaching_the_threshold_tell_the_author_it_was_accepted) {
    auto db = quiet_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    Id stairwell_author = query_int(db, "SELECT author_id FROM issues WHERE id = 2");
    list_three_issues(server, tokens);
    BOOST_TEST(recipients(db, "issue_accepted", 2) == std::multiset<Id>{stairwell_author});
    BOOST_TEST(recipients(db, "issue_accepted", kIssueLift) == std::multiset<Id>{demo_member(4)});
    BOOST_TEST(count_notifications(db) == 2);
}

BOOST_AUTO_TEST_CASE(a_noticed_session_and_an_opened_ballot_reach_their_members_unless_muted) {
    auto db = quiet_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    // demo05 turns session notices off.
    auto cli = server.client();
    auto put = cli.Put("/api/me/notification-settings", bearer(tokens[5]),
                       R"({"kinds":[{"kind":"session_noticed","on":false}]})", kJson);
    BOOST_REQUIRE(put);
    BOOST_REQUIRE_EQUAL(put->status, 200);
    auto settings = get_json(server, tokens[5], "/api/me/notification-settings");
    BOOST_REQUIRE_EQUAL(settings.body["kinds"].size(), 10u);
    for (const auto& k : settings.body["kinds"])
        BOOST_TEST(k["on"] == (k["kind"] != "session_noticed"));

    std::int64_t before = count_notifications(db);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    std::multiset<Id> expected;
    for (Id m : members_of(db, kCouncil))
        if (m != demo_member(5)) expected.insert(m);
    BOOST_TEST(recipients(db, "session_noticed", session) == expected);

    sign_in(server, session, tokens, 1, 11);
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", 1}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    // The roll is who signed in: demo01..demo11.
    BOOST_TEST(recipients(db, "ballot_opened", ballot) == demo_members(1, 11));
    BOOST_TEST(count_notifications(db) == before + std::int64_t(expected.size()) + 11);

    // A second ballot on the same issue is refused and tells nobody.
    auto again = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                           {{"issue_id", 1}});
    BOOST_TEST(again.status == 409);
    BOOST_TEST(count_notifications(db) == before + std::int64_t(expected.size()) + 11);
}

BOOST_AUTO_TEST_CASE(a_reply_reaches_who_may_rate_it_and_reminders_are_written_once) {
    auto db = quiet_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    std::string dept;
    Id dept_id = add_department_member(server, dept);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, session, tokens, 1, 11);
    Id passed = decided_ballot(server, session, tokens, 1, "yes");
    Id task = assign_to(server, tokens, passed, dept_id);

    BOOST_REQUIRE_EQUAL(
        post_json(server, dept, path_of("/api/tasks/", task, "/reply"), {{"text", "已安装充电桩"}})
            .status,
        201);
    // Every council member rates, but not the unit that answered.
    std::multiset<Id> raters = members_of(db, kCouncil);
    raters.erase(dept_id);
    BOOST_TEST(recipients(db, "reply_posted", task) == raters);

    // The task is due in 30 days: nothing yet, then due soon once, then overdue once.
    std::int64_t due = query_int(db, "SELECT due_at FROM tasks WHERE id = " + std::to_string(task));
    std::int64_t before = count_notifications(db);
    BOOST_TEST(server.store().sweep_notifications(due - 4 * kDay) == 0);
    // An answered task is not reminded of: put it back to assigned to see the reminders.
    execute(db, "UPDATE tasks SET state = 'assigned' WHERE id = " + std::to_string(task));
    BOOST_TEST(server.store().sweep_notifications(due - 2 * kDay) == 1);
    BOOST_TEST(server.store().sweep_notifications(due - kDay) == 0);
    BOOST_TEST(recipients(db, "task_due", task) == std::multiset<Id>{dept_id});
    BOOST_TEST(server.store().sweep_notifications(due + 1) == 1);
    BOOST_TEST(server.store().sweep_notifications(due + 2 * kDay) == 0);
    BOOST_TEST(recipients(db, "task_overdue", task) == std::multiset<Id>{dept_id});
    BOOST_TEST(count_notifications(db) == before + 2);
}

BOOST_AUTO_TEST_CASE(a_reply_to_a_comment_tells_its_author_but_not_oneself) {
    auto db = quiet_db();
    TestServer server(db);
    auto tokens = member_tokens(server);
    auto top = post_json(server, tokens[5], path_of("/api/issues/", kIssueLift, "/comments"),
                         {{"stance", "support"}, {"text", "早该装电梯了"}});
    BOOST_REQUIRE_EQUAL(top.status, 201);
    Id comment = top.body["id"].get<Id>();
    BOOST_TEST(count_notifications(db) == 0);
    auto own = post_json(server, tokens[5], path_of("/api/issues/", kIssueLift, "/comments"),
                         {{"stance", "neutral"}, {"text", "补充：三楼以上都需要"}, {"reply_to", comment}});
    BOOST_REQUIRE_EQUAL(own.status, 201);
    BOOST_TEST(count_notifications(db) == 0);
    auto reply = post_json(server, tokens[6], path_of("/api/issues/", kIssueLift, "/comments"),
                           {{"stance", "question"}, {"text", "费用怎么分摊？"}, {"reply_to", comment}});
    BOOST_REQUIRE_EQUAL(reply.status, 201);
    BOOST_TEST(recipients(db, "comment_replied", kIssueLift) == std::multiset<Id>{demo_member(5)});
    BOOST_TEST(count_notifications(db) == 1);
}

BOOST_AUTO_TEST_CASE(a_member_marks_only_their_own_notifications_read) {
    auto db = quiet_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, session, tokens, 1, 11);
    for (Id issue : {1, 2})
        BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                                      {{"issue_id", issue}})
                                .status,
                            201);
    // Two signed-in members who raised none of the issues hold a session notice and two ballot
    // notices each.
    std::vector<int> readers;
    for (int n = 2; n <= 11 && readers.size() < 2; ++n)
        if (query_int(db, "SELECT COUNT(*) FROM issues WHERE author_id = " +
                              std::to_string(demo_member(n))) == 0)
            readers.push_back(n);
    BOOST_REQUIRE_EQUAL(readers.size(), 2u);
    const std::string& reader = tokens[readers[0]];
    const std::string& other = tokens[readers[1]];
    auto count = get_json(server, reader, "/api/me/notifications/unread");
    BOOST_REQUIRE_EQUAL(count.status, 200);
    BOOST_TEST(count.body["unread"] == 3);
    Id latest = query_int(db, "SELECT MAX(id) FROM notifications WHERE member_id = " +
                                  std::to_string(demo_member(readers[0])));
    BOOST_TEST(count.body["latest"] == latest);
    auto list = get_json(server, reader, "/api/me/notifications?limit=2");
    BOOST_REQUIRE_EQUAL(list.body["items"].size(), 2u);
    Id newest = list.body["items"][0]["id"].get<Id>();
    Id second = list.body["items"][1]["id"].get<Id>();
    BOOST_TEST(newest > second);
    auto older = get_json(server, reader, path_of("/api/me/notifications?before=", second));
    BOOST_REQUIRE_EQUAL(older.body["items"].size(), 1u);
    BOOST_TEST(older.body["items"][0]["kind"] == "session_noticed");

    // The other may not mark the reader's: refused, nothing marked.
    std::string snap = full_snapshot(db);
    auto theirs = post_json(server, other, "/api/me/notifications/read", {{"ids", {newest}}});
    BOOST_TEST(theirs.status == 404);
    BOOST_TEST(full_snapshot(db) == snap);

    auto marked = post_json(server, reader, "/api/me/notifications/read", {{"ids", {newest}}});
    BOOST_REQUIRE_EQUAL(marked.status, 200);
    BOOST_TEST(marked.body["unread"] == 2);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM notifications WHERE read_at IS NOT NULL") == 1);
    auto all = post_json(server, reader, "/api/me/notifications/read", {{"all", true}});
    BOOST_TEST(all.body["unread"] == 0);
    BOOST_TEST(get_json(server, other, "/api/me/notifications/unread").body["unread"] == 3);
}

BOOST_AUTO_TEST_SUITE_END()
