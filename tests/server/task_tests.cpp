// 办 carry out and 评 evaluate over HTTP: a passed ballot becomes a task, the responsible unit
// reports and replies, members rate, an unsatisfied majority sends it back for supervision (督办)
// until a reply satisfies; the result notice (实施结果公开) beside the resolution notice.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// Members first..last rate the current reply of `task` with `rating`.
void rate_all(TestServer& server, const std::vector<std::string>& tokens, Id task, int first,
              int last, const std::string& rating) {
    for (int m = first; m <= last; ++m)
        BOOST_REQUIRE_EQUAL(post_json(server, tokens[m], path_of("/api/tasks/", task, "/ratings"),
                                      {{"rating", rating}})
                                .status,
                            201);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tasks)

BOOST_AUTO_TEST_CASE(an_unsatisfied_majority_sends_the_task_back_until_a_reply_satisfies) {
    auto db = seeded_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    Id session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, session, tokens, 1, 11);
    Id ballot = decided_ballot(server, session, tokens, kIssueChargers, "yes");

    // 交办: only the convenor turns the passed ballot into a task.
    std::int64_t due = server::system_now() + shift.seconds + 30 * kDay;
    Json spec = {{"responsible_unit", "街道城管科"}, {"due_at", due}, {"assignee_id", dept}};
    auto refused = post_json(server, tokens[3], path_of("/api/ballots/", ballot, "/tasks"), spec);
    BOOST_TEST(refused.code() == "not_convenor");
    auto assigned = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/tasks"), spec);
    BOOST_REQUIRE_EQUAL(assigned.status, 201);
    Id task = assigned.body["id"].get<Id>();
    BOOST_TEST(assigned.body["state"] == "assigned");
    BOOST_TEST(assigned.body["issue_id"] == kIssueChargers);
    BOOST_TEST(assigned.body["responsible_member_id"] == dept);
    BOOST_TEST(assigned.body["due_at"] == due);
    const std::string base = path_of("/api/tasks/", task);

    // Only the responsible unit reports progress and replies.
    BOOST_TEST(post_json(server, tokens[3], base + "/progress", {{"text", "我来汇报"}}).code() ==
               "not_responsible");
    BOOST_TEST(post_json(server, tokens[1], base + "/reply", {{"text", "召集人代答"}}).code() ==
               "not_responsible");
    auto progress = post_json(server, dept_token, base + "/progress",
                              {{"text", "已联系供电公司现场勘察，确定安装位置。"}});
    BOOST_REQUIRE_EQUAL(progress.status, 201);
    BOOST_TEST(progress.body["progress"].size() == 1u);
    BOOST_TEST(progress.body["progress"][0]["by"] == dept);
    // Nothing to rate before the reply.
    BOOST_TEST(post_json(server, tokens[2], base + "/ratings", {{"rating", "satisfied"}}).code() ==
               "wrong_task_state");

    auto answered = post_json(server, dept_token, base + "/reply",
                              {{"text", "已在3号楼北侧安装充电桩8个，12月1日起投入使用。"}});
    BOOST_REQUIRE_EQUAL(answered.status, 201);
    BOOST_TEST(answered.body["state"] == "answered");
    BOOST_TEST(answered.body["replies"].size() == 1u);
    // 实施结果公开, by the convenor.
    BOOST_TEST(post_json(server, dept_token, base + "/notice").code() == "not_convenor");
    auto notice = post_json(server, tokens[1], base + "/notice", {{"notice_days", 10}});
    BOOST_REQUIRE_EQUAL(notice.status, 201);
    BOOST_TEST(notice.body["kind"] == "result");
    BOOST_TEST(notice.body["subject_id"] == task);
    BOOST_TEST(notice.body["ends_at"].get<std::int64_t>() -
                   notice.body["starts_at"].get<std::int64_t>() ==
               10 * kDay);

    // 评: the unit does not grade itself; each member rates once.
    BOOST_TEST(post_json(server, dept_token, base + "/ratings", {{"rating", "satisfied"}}).code() ==
               "not_eligible");
    rate_all(server, tokens, task, 2, 6, "unsatisfied");
    rate_all(server, tokens, task, 7, 9, "satisfied");
    rate_all(server, tokens, task, 10, 10, "basically_satisfied");
    BOOST_TEST(post_json(server, tokens[2], base + "/ratings", {{"rating", "satisfied"}}).code() ==
               "already_rated");
    auto current = get_json(server, tokens[4], base);
    BOOST_TEST(current.body["replies"][0]["ratings"]["unsatisfied"] == 5);
    BOOST_TEST(current.body["replies"][0]["ratings"]["satisfied"] == 3);
    BOOST_TEST(current.body["replies"][0]["ratings"]["basically_satisfied"] == 1);

    // 5 unsatisfied of 9 is a majority: back to supervision (督办).
    BOOST_TEST(post_json(server, tokens[2], base + "/conclude").code() == "not_convenor");
    auto supervised = post_json(server, tokens[1], base + "/conclude");
    BOOST_REQUIRE_EQUAL(supervised.status, 200);
    BOOST_TEST(supervised.body["state"] == "supervised");
    BOOST_TEST(post_json(server, tokens[11], base + "/ratings", {{"rating", "satisfied"}}).code() ==
               "wrong_task_state");
    BOOST_TEST(post_json(server, tokens[1], base + "/notice").code() == "wrong_task_state");

    // Answered again; the new reply is rated afresh, by the same members too.
    auto again = post_json(server, dept_token, base + "/reply",
                           {{"text", "已增设充电桩4个并调整收费时段，夜间不再排队。"}});
    BOOST_REQUIRE_EQUAL(again.status, 201);
    BOOST_TEST(again.body["state"] == "answered");
    BOOST_TEST(again.body["replies"].size() == 2u);
    rate_all(server, tokens, task, 2, 5, "satisfied");
    rate_all(server, tokens, task, 6, 8, "basically_satisfied");
    rate_all(server, tokens, task, 9, 9, "unsatisfied");
    auto done = post_json(server, tokens[1], base + "/conclude");
    BOOST_REQUIRE_EQUAL(done.status, 200);
    BOOST_TEST(done.body["state"] == "done");
    BOOST_TEST(post_json(server, dept_token, base + "/progress", {{"text", "补充说明"}}).code() ==
               "wrong_task_state");
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], base + "/notice").status, 201);

    // Both notices (两公开): the resolution of the ballot and the result of the task.
    auto notices = get_json(server, tokens[5], "/api/councils/1/notices");
    BOOST_REQUIRE_EQUAL(notices.status, 200);
    int resolution = 0, result = 0;
    for (const auto& n : notices.body["notices"]) {
        if (n["kind"] == "resolution" && n["subject_id"] == ballot) ++resolution;
        if (n["kind"] == "result" && n["subject_id"] == task) ++result;
    }
    BOOST_TEST(resolution == 1);
    BOOST_TEST(result == 2);
    auto list = get_json(server, tokens[5], "/api/councils/1/tasks");
    BOOST_REQUIRE_EQUAL(list.status, 200);
    BOOST_REQUIRE_EQUAL(list.body["tasks"].size(), 1u);
    BOOST_TEST(list.body["tasks"][0]["state"] == "done");
    BOOST_TEST(list.body["tasks"][0]["issue_title"].get<std::string>().size() > 0u);
}

BOOST_AUTO_TEST_CASE(only_a_passed_and_closed_ballot_becomes_a_task) {
    auto db = seeded_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, session, tokens, 1, 11);
    Id failed = decided_ballot(server, session, tokens, 2, "no");
    auto open = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                          {{"issue_id", 3}});
    BOOST_REQUIRE_EQUAL(open.status, 201);
    std::int64_t due = server::system_now() + shift.seconds + 30 * kDay;
    Json spec = {{"responsible_unit", "街道城管科"}, {"due_at", due}, {"assignee_id", dept}};
    BOOST_TEST(
        post_json(server, tokens[1], path_of("/api/ballots/", failed, "/tasks"), spec).code() ==
        "not_passed");
    BOOST_TEST(post_json(server, tokens[1],
                         path_of("/api/ballots/", open.body["id"].get<Id>(), "/tasks"), spec)
                   .code() == "ballot_still_open");
    BOOST_TEST(get_json(server, tokens[1], "/api/councils/1/tasks").body["tasks"].empty());
}

BOOST_AUTO_TEST_CASE(without_an_assignee_the_convenor_follows_the_task_up) {
    auto db = seeded_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    Id session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, session, tokens, 1, 11);
    Id ballot = decided_ballot(server, session, tokens, kIssueChargers, "yes");
    std::int64_t due = server::system_now() + shift.seconds + 30 * kDay;
    auto t = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/tasks"),
                       {{"responsible_unit", "社区居委会"}, {"due_at", due}});
    BOOST_REQUIRE_EQUAL(t.status, 201);
    BOOST_TEST(t.body["responsible_member_id"] == kConvenor);
    auto reply =
        post_json(server, tokens[1], path_of("/api/tasks/", t.body["id"].get<Id>(), "/reply"),
                  {{"text", "已协调完成。"}});
    BOOST_TEST(reply.status == 201);
}

BOOST_AUTO_TEST_CASE(a_task_and_its_ratings_survive_a_restart_mid_rating) {
    auto db = seeded_db();
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    std::vector<std::string> tokens;
    std::string dept_token;
    Id task = 0;
    {
        TestServer first(db, options);
        tokens = member_tokens(first);
        Id dept = add_department_member(first, dept_token);
        Id session = open_session_with(first, shift, tokens, {kIssueChargers});
        sign_in(first, session, tokens, 1, 11);
        Id ballot = decided_ballot(first, session, tokens, kIssueChargers, "yes");
        task = assign_to(first, tokens, ballot, dept);
        BOOST_REQUIRE_EQUAL(post_json(first, dept_token, path_of("/api/tasks/", task, "/progress"),
                                      {{"text", "正在施工"}})
                                .status,
                            201);
        BOOST_REQUIRE_EQUAL(post_json(first, dept_token, path_of("/api/tasks/", task, "/reply"),
                                      {{"text", "施工完毕"}})
                                .status,
                            201);
        rate_all(first, tokens, task, 2, 4, "unsatisfied");
    }
    TestServer second(db, options);
    const std::string base = path_of("/api/tasks/", task);
    auto state = get_json(second, tokens[6], base);
    BOOST_REQUIRE_EQUAL(state.status, 200);
    BOOST_TEST(state.body["state"] == "answered");
    BOOST_TEST(state.body["progress"].size() == 1u);
    BOOST_TEST(state.body["replies"][0]["ratings"]["unsatisfied"] == 3);
    // A rating given before the restart still counts once.
    BOOST_TEST(post_json(second, tokens[3], base + "/ratings", {{"rating", "satisfied"}}).code() ==
               "already_rated");
    rate_all(second, tokens, task, 5, 6, "satisfied");
    auto concluded = post_json(second, tokens[1], base + "/conclude");
    BOOST_REQUIRE_EQUAL(concluded.status, 200);
    BOOST_TEST(concluded.body["state"] == "supervised");  // 3 of 5 unsatisfied
}

BOOST_AUTO_TEST_CASE(fifty_simultaneous_ratings_by_one_member_count_once) {
    auto db = seeded_db();
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    Id session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, session, tokens, 1, 11);
    Id task = assign_to(server, tokens,
                        decided_ballot(server, session, tokens, kIssueChargers, "yes"), dept);
    BOOST_REQUIRE_EQUAL(
        post_json(server, dept_token, path_of("/api/tasks/", task, "/reply"), {{"text", "已办结"}})
            .status,
        201);
    const std::string ratings = path_of("/api/tasks/", task, "/ratings");
    std::atomic<int> accepted{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&, i] {
            auto cli = server.client();
            // Ratings differ, so a second counted one could not hide as the same row.
            std::string body = Json{{"rating", i % 2 ? "satisfied" : "unsatisfied"}}.dump();
            while (!go) std::this_thread::yield();
            auto r = cli.Post(ratings, bearer(tokens[5]), body, kJson);
            if (r && r->status == 201)
                ++accepted;
            else if (r && r->status == 409 && decode_error(r->body, 409).code == "already_rated")
                ++refused;
            else
                ++other;
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(refused == 49);
    BOOST_TEST(other == 0);
    auto stored = server.store().task(task);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->task.replies.back().ratings.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
