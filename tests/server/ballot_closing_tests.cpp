// A ballot's announced closing time (投票截止时间) on the demo council: the reminder within the
// last hour reaches exactly the roll's members yet to vote, once; votes after it are refused
// while the ballot waits for the convenor; and a bad closing time is refused at opening.
#include <boost/test/unit_test.hpp>

#include <set>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
constexpr std::int64_t kMinute = 60;

// Who was reminded that `ballot` closes soon, by name, from the database itself.
std::multiset<std::string> reminded(const std::filesystem::path& db, Id ballot) {
    auto conn = open_db(db);
    return conn->read([&](database::Connection& c) {
        database::Statement q(c,
                              "SELECT m.name FROM notifications n JOIN members m "
                              "ON m.id = n.member_id WHERE n.kind = 'ballot_closing' "
                              "AND n.subject_id = ?");
        q.bind(1, ballot);
        std::multiset<std::string> out;
        while (q.step()) out.insert(q.column(0).text());
        return out;
    });
}

std::int64_t server_now(ClockShift& shift) { return server::system_now() + shift.seconds; }

// An open session of the demo council with demo01..demo11 signed in.
struct OpenSession {
    std::filesystem::path db = seeded_db();
    ClockShift shift;
    TestServer server{db, shifted_options(shift)};
    std::vector<std::string> tokens = member_tokens(server);
    Id session = 0;
    OpenSession() {
        list_three_issues(server, tokens);
        session = open_session_with(server, shift, tokens, {1, 2, 3});
        sign_in(server, session, tokens, 1, 11);
    }
    JsonReply open(Json body) {
        return post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"), body);
    }
    Id opened(Json body) {
        auto r = open(std::move(body));
        BOOST_REQUIRE_EQUAL(r.status, 201);
        return r.body["id"].get<Id>();
    }
    int vote(int member, Id ballot, Json body) {
        return post_json(server, tokens[member], path_of("/api/ballots/", ballot, "/votes"), body)
            .status;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(ballot_closing)

BOOST_AUTO_TEST_CASE(the_roll_members_yet_to_vote_are_reminded_once_within_the_last_hour) {
    OpenSession f;
    // 陈志强 (demo05) turns the closing reminder off.
    auto cli = f.server.client();
    auto put = cli.Put("/api/me/notification-settings", bearer(f.tokens[5]),
                       R"({"kinds":[{"kind":"ballot_closing","on":false}]})", kJson);
    BOOST_REQUIRE(put);
    BOOST_REQUIRE_EQUAL(put->status, 200);

    std::int64_t now = server_now(f.shift);
    // The chargers close in 50 minutes; 王秀英 (demo02) and 张伟 (demo03) have voted.
    Id chargers = f.opened({{"issue_id", 1}, {"closes_at", now + 50 * kMinute}});
    BOOST_TEST(f.vote(2, chargers, {{"choice", "yes"}}) == 201);
    BOOST_TEST(f.vote(3, chargers, {{"choice", "no"}}) == 201);
    // The stairwell is secret and closes in 2 hours; 刘桂兰 (demo04) has voted.
    Id stairwell = f.opened({{"issue_id", 2}, {"secret", true}, {"closes_at", now + 120 * kMinute}});
    BOOST_TEST(f.vote(4, stairwell, {{"choice", "yes"}}) == 201);

    f.server.store().sweep_notifications(now);
    const std::multiset<std::string> chargers_expected = {
        "李建国", "刘桂兰", "杨淑珍", "赵德明", "黄丽娟", "周建华", "吴玉梅", "徐国庆"};
    BOOST_TEST(reminded(f.db, chargers) == chargers_expected);
    BOOST_TEST(reminded(f.db, stairwell).empty());
    // A second sweep writes no second reminder.
    f.server.store().sweep_notifications(now + kMinute);
    BOOST_TEST(reminded(f.db, chargers) == chargers_expected);

    // 李建国 reads it with its link.
    auto mine = get_json(f.server, f.tokens[1], "/api/me/notifications");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    int found = 0;
    for (const auto& n : mine.body["items"])
        if (n["kind"] == "ballot_closing") {
            ++found;
            BOOST_TEST(n["subject_id"] == chargers);
            BOOST_TEST(n["title"] == "在3号楼车棚加装电动车充电桩");
            BOOST_TEST(n["link"] == "#/ballot/" + std::to_string(chargers));
        }
    BOOST_TEST(found == 1);

    // 70 minutes on, the chargers' time has passed and the secret stairwell ballot closes within
    // the hour: its roll but 刘桂兰 (voted) and 陈志强 (muted) hear of it.
    f.server.store().sweep_notifications(now + 70 * kMinute);
    BOOST_TEST(reminded(f.db, chargers) == chargers_expected);
    BOOST_TEST(reminded(f.db, stairwell) ==
               (std::multiset<std::string>{"李建国", "王秀英", "张伟", "杨淑珍", "赵德明",
                                           "黄丽娟", "周建华", "吴玉梅", "徐国庆"}));
}

BOOST_AUTO_TEST_CASE(a_vote_after_the_closing_time_is_refused_and_the_convenor_still_closes) {
    OpenSession f;
    std::int64_t closes_at = server_now(f.shift) + 10 * kMinute;
    auto opened = f.open({{"issue_id", 1}, {"closes_at", closes_at}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    BOOST_TEST(opened.body["closes_at"] == closes_at);
    Id plain = opened.body["id"].get<Id>();
    Id single = f.opened({{"issue_id", 2},
                          {"method", "single"},
                          {"options", {"每周两次", "每周三次"}},
                          {"closes_at", closes_at}});
    BOOST_TEST(f.vote(2, plain, {{"choice", "yes"}}) == 201);
    auto read = get_json(f.server, f.tokens[3], path_of("/api/ballots/", single));
    BOOST_TEST(read.body["closes_at"] == closes_at);

    f.shift.seconds += 11 * kMinute;
    std::string before = full_snapshot(f.server.db());
    expect_refusals(f.server,
                    {{"a plain vote after the closing time", "POST",
                      path_of("/api/ballots/", plain, "/votes"), R"({"choice":"no"})", f.tokens[3],
                      409, "ballot_deadline_passed", ""},
                     {"a vote among options after it", "POST",
                      path_of("/api/ballots/", single, "/votes"), R"({"choice":"每周两次"})",
                      f.tokens[3], 409, "ballot_deadline_passed", ""}});
    auto late = post_json(f.server, f.tokens[4], path_of("/api/ballots/", plain, "/votes"),
                          {{"choice", "yes"}});
    BOOST_TEST(late.body["error"]["message"] == "投票已截止，等待召集人结束表决并计票");
    BOOST_TEST(full_snapshot(f.server.db()) == before);

    // Still open until the convenor closes it; the vote cast in time is counted.
    BOOST_TEST(get_json(f.server, f.tokens[1], path_of("/api/ballots/", plain)).body["state"] ==
               "open");
    auto closed = post_json(f.server, f.tokens[1], path_of("/api/ballots/", plain, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["yes"] == 1);
    BOOST_TEST(closed.body["tally"]["not_voted"] == 10);
}

BOOST_AUTO_TEST_CASE(a_bad_closing_time_is_refused_at_opening_and_changes_nothing) {
    OpenSession f;
    std::int64_t now = server_now(f.shift);
    std::string path = path_of("/api/sessions/", f.session, "/ballots");
    auto body = [](const std::string& closes_at) {
        return R"({"issue_id":1,"closes_at":)" + closes_at + "}";
    };
    std::string before = full_snapshot(f.server.db());
    const std::string convenor = f.tokens[1];
    expect_refusals(
        f.server,
        {{"in the past", "POST", path, body(std::to_string(now - kMinute)), convenor, 400,
          "bad_time", "closes_at"},
         {"more than 7 days ahead", "POST", path, body(std::to_string(now + 8 * kDay)), convenor,
          400, "bad_time", "closes_at"},
         {"a string", "POST", path, body(R"("2026-12-01 15:30")"), convenor, 400, "wrong_type",
          "closes_at"},
         {"a fraction", "POST", path, body("1.5e9"), convenor, 400, "wrong_type", "closes_at"},
         {"beyond 64 bits", "POST", path, body("18446744073709551616"), convenor, 400,
          "wrong_type", "closes_at"},
         {"the largest unsigned", "POST", path, body("18446744073709551615"), convenor, 400,
          "bad_time", "closes_at"},
         {"negative", "POST", path, body("-1"), convenor, 400, "bad_time", "closes_at"},
         {"an object", "POST", path, body(R"({"at":1})"), convenor, 400, "wrong_type",
          "closes_at"},
         {"a resident opening", "POST", path, body(std::to_string(now + kDay)), f.tokens[3], 403,
          "not_convenor", ""}});
    auto past = post_json(f.server, convenor, path,
                          Json{{"issue_id", 1}, {"closes_at", now - kMinute}});
    BOOST_TEST(past.body["error"]["message"] == "截止时间须晚于现在");
    auto far = post_json(f.server, convenor, path, Json{{"issue_id", 1}, {"closes_at", now + 8 * kDay}});
    BOOST_TEST(far.body["error"]["message"] == "截止时间须在 7 天之内");
    BOOST_TEST(full_snapshot(f.server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
