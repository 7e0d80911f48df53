// Refused input for the 办/评 (carry out, evaluate) endpoints: each bad request is answered 4xx
// with a clear message and leaves every table of the domain as it was.
#include <boost/test/unit_test.hpp>

#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// A second council (2) that the demo members do not belong to.
void add_other_council(const std::filesystem::path& db) {
    execute(db,
            "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道');"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) "
            "VALUES (2, 2, '朝阳社区居民议事会', 'residents_council', 5)");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(task_bad_input)

BOOST_AUTO_TEST_CASE(each_bad_task_request_gets_a_clear_4xx_and_changes_nothing) {
    auto db = seeded_db();
    add_other_council(db);
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    std::string dept;
    Id dept_id = add_department_member(server, dept);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, session, tokens, 1, 11);
    Id passed = decided_ballot(server, session, tokens, 1, "yes");
    Id failed = decided_ballot(server, session, tokens, 2, "no");
    auto open = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                          {{"issue_id", 3}});
    BOOST_REQUIRE_EQUAL(open.status, 201);
    Id open_ballot = open.body["id"].get<Id>();
    // Task A: answered, rated by demo02. Task B: just assigned.
    Id a = assign_to(server, tokens, passed, dept_id);
    BOOST_REQUIRE_EQUAL(
        post_json(server, dept, path_of("/api/tasks/", a, "/reply"), {{"text", "已办结"}}).status,
        201);
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[2], path_of("/api/tasks/", a, "/ratings"),
                                  {{"rating", "satisfied"}})
                            .status,
                        201);
    Id b = assign_to(server, tokens, passed, dept_id);

    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    std::string outsider_token = server.token_for(outsider);
    std::string expired = server::new_token();
    server.store().add_token(server::token_digest(expired), 3, server::system_now() - 40 * kDay,
                             server::TokenPolicy{});
    std::string before = full_snapshot(server.db());

    const std::string convenor = tokens[1], resident = tokens[3];
    std::int64_t now = server::system_now() + shift.seconds;
    const std::string assign = path_of("/api/ballots/", passed, "/tasks");
    const std::string ta = path_of("/api/tasks/", a), tb = path_of("/api/tasks/", b);
    auto spec = [&](const Json& unit, const Json& due) {
        return Json{{"responsible_unit", unit}, {"due_at", due}, {"assignee_id", dept_id}}.dump();
    };
    const std::string good = spec("街道城管科", now + 30 * kDay);
    std::string long_unit;
    for (int k = 0; k < 51; ++k) long_unit += "很";

    const std::vector<Refusal> cases = {
        // who is asking
        {"no token", "POST", assign, good, "", 401, "unauthorized", ""},
        {"expired token", "POST", tb + "/progress", R"({"text":"进展"})", expired, 401,
         "unauthorized", ""},
        {"resident assigns a task", "POST", assign, good, resident, 403, "not_convenor", ""},
        {"department assigns a task", "POST", assign, good, dept, 403, "not_convenor", ""},
        {"outsider assigns a task", "POST", assign, good, outsider_token, 403, "forbidden", ""},
        // assigning
        {"ballot id not a number", "POST", "/api/ballots/x/tasks", good, convenor, 400, "bad_id",
         "ballot_id"},
        {"ballot that does not exist", "POST", "/api/ballots/999/tasks", good, convenor, 404,
         "not_found", ""},
        {"a failed ballot", "POST", path_of("/api/ballots/", failed, "/tasks"), good, convenor, 409,
         "not_passed", ""},
        {"an open ballot", "POST", path_of("/api/ballots/", open_ballot, "/tasks"), good, convenor,
         409, "ballot_still_open", ""},
        {"malformed json", "POST", assign, R"({"responsible_unit":)", convenor, 400, "bad_json",
         ""},
        {"invalid utf-8", "POST", assign,
         "{\"responsible_unit\":\"\xff\xfe\",\"due_at\":" + std::to_string(now + kDay) + "}",
         convenor, 400, "bad_utf8", ""},
        {"missing unit", "POST", assign, Json{{"due_at", now + kDay}}.dump(), convenor, 400,
         "missing_field", "responsible_unit"},
        {"unit of the wrong type", "POST", assign, spec(12, now + kDay), convenor, 400,
         "wrong_type", "responsible_unit"},
        {"blank unit", "POST", assign, spec(" \u3000 ", now + kDay), convenor, 400, "empty_text",
         "responsible_unit"},
        {"overlong unit", "POST", assign, spec(long_unit, now + kDay), convenor, 400, "too_long",
         "responsible_unit"},
        {"missing due_at", "POST", assign, Json{{"responsible_unit", "城管科"}}.dump(), convenor,
         400, "missing_field", "due_at"},
        {"due_at as a string", "POST", assign, spec("城管科", "2027-01-01"), convenor, 400,
         "wrong_type", "due_at"},
        {"negative due_at", "POST", assign, spec("城管科", -1), convenor, 400, "bad_time",
         "due_at"},
        {"due_at in the past", "POST", assign, spec("城管科", now - kDay), convenor, 400,
         "bad_time", "due_at"},
        {"due_at past 64 bits", "POST", assign,
         R"({"responsible_unit":"城管科","due_at":18446744073709551615})", convenor, 400,
         "bad_time", "due_at"},
        {"assignee as a string", "POST", assign,
         Json{{"responsible_unit", "城管科"}, {"due_at", now + kDay}, {"assignee_id", "16"}}.dump(),
         convenor, 400, "wrong_type", "assignee_id"},
        {"negative assignee", "POST", assign,
         Json{{"responsible_unit", "城管科"}, {"due_at", now + kDay}, {"assignee_id", -16}}.dump(),
         convenor, 400, "bad_id", "assignee_id"},
        {"assignee outside the council", "POST", assign,
         Json{{"responsible_unit", "城管科"}, {"due_at", now + kDay}, {"assignee_id", outsider}}
             .dump(),
         convenor, 400, "bad_id", "assignee_id"},
        // reading
        {"council id not a number", "GET", "/api/councils/abc/tasks", "", convenor, 400, "bad_id",
         "council_id"},
        {"council that does not exist", "GET", "/api/councils/999/tasks", "", convenor, 404,
         "not_found", "council_id"},
        {"another council's tasks", "GET", "/api/councils/2/tasks", "", convenor, 403, "forbidden",
         ""},
        {"outsider reads a task", "GET", ta, "", outsider_token, 403, "forbidden", ""},
        {"task id zero", "GET", "/api/tasks/0", "", convenor, 400, "bad_id", "task_id"},
        {"task that does not exist", "GET", "/api/tasks/999", "", convenor, 404, "not_found", ""},
        // progress and replies
        {"progress without text", "POST", tb + "/progress", "{}", dept, 400, "missing_field",
         "text"},
        {"progress text a number", "POST", tb + "/progress", R"({"text":5})", dept, 400,
         "wrong_type", "text"},
        {"blank progress", "POST", tb + "/progress", R"({"text":"   "})", dept, 400, "empty_text",
         "text"},
        {"overlong progress", "POST", tb + "/progress",
         Json{{"text", std::string(5001, 'a')}}.dump(), dept, 400, "too_long", "text"},
        {"resident reports progress", "POST", tb + "/progress", R"({"text":"进展"})", resident, 403,
         "not_responsible", ""},
        {"convenor replies for the unit", "POST", tb + "/reply", R"({"text":"答复"})", convenor,
         403, "not_responsible", ""},
        {"outsider replies", "POST", tb + "/reply", R"({"text":"答复"})", outsider_token, 403,
         "forbidden", ""},
        {"progress on an answered task", "POST", ta + "/progress", R"({"text":"进展"})", dept, 409,
         "wrong_task_state", ""},
        {"reply to an answered task", "POST", ta + "/reply", R"({"text":"答复"})", dept, 409,
         "wrong_task_state", ""},
        {"progress on a task that does not exist", "POST", "/api/tasks/999/progress",
         R"({"text":"进展"})", dept, 404, "not_found", ""},
        // ratings
        {"rating missing", "POST", ta + "/ratings", "{}", resident, 400, "missing_field", "rating"},
        {"rating a number", "POST", ta + "/ratings", R"({"rating":1})", resident, 400, "wrong_type",
         "rating"},
        {"unknown rating", "POST", ta + "/ratings", R"({"rating":"great"})", resident, 400,
         "wrong_type", "rating"},
        {"rating twice", "POST", ta + "/ratings", R"({"rating":"unsatisfied"})", tokens[2], 409,
         "already_rated", ""},
        {"the unit rates itself", "POST", ta + "/ratings", R"({"rating":"satisfied"})", dept, 403,
         "not_eligible", ""},
        {"outsider rates", "POST", ta + "/ratings", R"({"rating":"satisfied"})", outsider_token,
         403, "forbidden", ""},
        {"rating before the reply", "POST", tb + "/ratings", R"({"rating":"satisfied"})", resident,
         409, "wrong_task_state", ""},
        // concluding and the result notice
        {"resident concludes", "POST", ta + "/conclude", "", resident, 403, "not_convenor", ""},
        {"conclude before the reply", "POST", tb + "/conclude", "", convenor, 409,
         "wrong_task_state", ""},
        {"result notice before the reply", "POST", tb + "/notice", "", convenor, 409,
         "wrong_task_state", ""},
        {"resident publishes the result", "POST", ta + "/notice", "", resident, 403, "not_convenor",
         ""},
        {"notice period of zero days", "POST", ta + "/notice", R"({"notice_days":0})", convenor,
         400, "bad_period", "notice_days"},
        {"notice period over a year", "POST", ta + "/notice", R"({"notice_days":366})", convenor,
         400, "bad_period", "notice_days"},
        {"notice period as a string", "POST", ta + "/notice", R"({"notice_days":"7"})", convenor,
         400, "wrong_type", "notice_days"},
        {"huge notice period", "POST", ta + "/notice", R"({"notice_days":9223372036854775807})",
         convenor, 400, "bad_period", "notice_days"},
    };
    expect_refusals(server, cases);
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
