// Refused input for the 定 (decide) endpoints: each bad request is answered 4xx with a clear
// message and leaves every table of the domain as it was.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// A second community with its own council (2), a listed issue (7) and a planned session, so
// that requests can name another council's things.
void add_other_council(const std::filesystem::path& db) {
    execute(db,
            "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道');"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) "
            "VALUES (2, 2, '朝阳社区居民议事会', 'residents_council', 5);"
            "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) "
            "VALUES (7, 2, '别处的议题', '别处的内容', 15, 0, 'listed');"
            "INSERT INTO sessions (id, council_id, kind, state, starts_at, created_by, created_at) "
            "VALUES (100, 2, 'regular', 'planned', 4102444800, 15, 0)");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(decide_bad_input)

BOOST_AUTO_TEST_CASE(each_bad_decide_request_gets_a_clear_4xx_and_changes_nothing) {
    auto db = seeded_db();
    add_other_council(db);
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    TestServer server(db, options);
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    // Session 1: open, 11 signed in, a ballot open on the chargers with one vote (demo02).
    Id open_session = open_session_with(server, shift, tokens, {1, 2});
    sign_in(server, open_session, tokens, 1, 11);
    auto ballot = post_json(server, tokens[1], path_of("/api/sessions/", open_session, "/ballots"),
                            {{"issue_id", 1}});
    BOOST_REQUIRE_EQUAL(ballot.status, 201);
    Id ballot_id = ballot.body["id"].get<Id>();
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[2], path_of("/api/ballots/", ballot_id, "/votes"),
                                  {{"choice", "yes"}})
                            .status,
                        201);
    // Session 2: planned a day ahead, no notice yet.
    std::int64_t now = server::system_now() + shift.seconds;
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", now + kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    Id planned_id = planned.body["id"].get<Id>();

    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    std::string outsider_token = server.token_for(outsider);
    std::string expired = server::new_token();
    server.store().add_token(server::token_digest(expired), 3, server::system_now() - 40 * kDay,
                             server::TokenPolicy{});
    std::string before = full_snapshot(server.db());

    const std::string convenor = tokens[1], resident = tokens[3];
    const std::string sessions = "/api/councils/1/sessions";
    const std::string notice = path_of("/api/sessions/", planned_id, "/notice");
    const std::string open_base = path_of("/api/sessions/", open_session);
    const std::string votes = path_of("/api/ballots/", ballot_id, "/votes");
    const std::string close_ballot = path_of("/api/ballots/", ballot_id, "/close");
    auto plan = [&](const Json& starts_at) {
        return Json{{"kind", "regular"}, {"starts_at", starts_at}}.dump();
    };
    auto agenda = [](const Json& items) { return Json{{"agenda", items}}.dump(); };

    const std::vector<Refusal> cases = {
        // who is asking
        {"no token", "POST", sessions, plan(now + 9 * kDay), "", 401, "unauthorized", ""},
        {"garbage token", "POST", sessions, plan(now + 9 * kDay), "not-a-token", 401, "unauthorized", ""},
        {"expired token", "POST", votes, R"({"choice":"yes"})", expired, 401, "unauthorized", ""},
        {"resident plans a session", "POST", sessions, plan(now + 9 * kDay), resident, 403,
         "not_convenor", ""},
        {"outsider plans a session", "POST", sessions, plan(now + 9 * kDay), outsider_token, 403,
         "forbidden", ""},
        // planning
        {"council id not a number", "POST", "/api/councils/abc/sessions", plan(now + 9 * kDay),
         convenor, 400, "bad_id", "council_id"},
        {"council that does not exist", "POST", "/api/councils/999/sessions", plan(now + 9 * kDay),
         convenor, 404, "not_found", "council_id"},
        {"another council's sessions", "POST", "/api/councils/2/sessions", plan(now + 9 * kDay),
         convenor, 403, "forbidden", ""},
        {"another council's session list", "GET", "/api/councils/2/sessions", "", convenor, 403,
         "forbidden", ""},
        {"malformed json", "POST", sessions, R"({"kind":"regular",)", convenor, 400, "bad_json", ""},
        {"missing kind", "POST", sessions, Json{{"starts_at", now + 9 * kDay}}.dump(), convenor, 400,
         "missing_field", "kind"},
        {"kind of the wrong type", "POST", sessions,
         Json{{"kind", 1}, {"starts_at", now + 9 * kDay}}.dump(), convenor, 400, "wrong_type", "kind"},
        {"unknown kind", "POST", sessions, Json{{"kind", "weekly"}, {"starts_at", now + 9 * kDay}}.dump(),
         convenor, 400, "wrong_type", "kind"},
        {"missing starts_at", "POST", sessions, R"({"kind":"regular"})", convenor, 400,
         "missing_field", "starts_at"},
        {"starts_at as a string", "POST", sessions, plan("2026-12-01"), convenor, 400, "wrong_type",
         "starts_at"},
        {"starts_at as a fraction", "POST", sessions, plan(1.5e9), convenor, 400, "wrong_type",
         "starts_at"},
        {"negative starts_at", "POST", sessions, plan(-86400), convenor, 400, "bad_time", "starts_at"},
        {"starts_at in the past", "POST", sessions, plan(now - kDay), convenor, 400, "bad_time",
         "starts_at"},
        {"starts_at centuries ahead", "POST", sessions, plan(INT64_MAX), convenor, 400, "bad_time",
         "starts_at"},
        {"starts_at past 64 bits", "POST", sessions,
         R"({"kind":"regular","starts_at":18446744073709551615})", convenor, 400, "bad_time",
         "starts_at"},
        {"starts_at far past 64 bits", "POST", sessions,
         R"({"kind":"regular","starts_at":1e30})", convenor, 400, "wrong_type", "starts_at"},
        {"extraordinary without demand", "POST", sessions,
         Json{{"kind", "extraordinary"}, {"starts_at", now + 9 * kDay}}.dump(), convenor, 409,
         "demand_insufficient", ""},
        {"outsider demands a session", "POST", "/api/councils/1/session-demands", "", outsider_token,
         403, "forbidden", ""},
        // notice and agenda
        {"missing agenda", "POST", notice, R"({})", convenor, 400, "missing_field", "agenda"},
        {"agenda not a list", "POST", notice, agenda("1,2"), convenor, 400, "wrong_type", "agenda"},
        {"empty agenda", "POST", notice, agenda(Json::array()), convenor, 400, "empty_agenda", ""},
        {"agenda item not an object", "POST", notice, agenda(Json::array({3})), convenor, 400, "wrong_type",
         "agenda"},
        {"agenda item without issue_id", "POST", notice, agenda(Json::array({Json::object()})), convenor, 400,
         "missing_field", "issue_id"},
        {"issue_id as a string", "POST", notice, agenda({{{"issue_id", "3"}}}), convenor, 400,
         "wrong_type", "issue_id"},
        {"negative issue_id", "POST", notice, agenda({{{"issue_id", -3}}}), convenor, 400, "bad_id",
         "issue_id"},
        {"issue_id zero", "POST", notice, agenda({{{"issue_id", 0}}}), convenor, 400, "bad_id",
         "issue_id"},
        {"issue that does not exist", "POST", notice, agenda({{{"issue_id", 9999}}}), convenor, 400,
         "bad_id", "issue_id"},
        {"another council's issue", "POST", notice, agenda({{{"issue_id", 7}}}), convenor, 400,
         "bad_id", "issue_id"},
        {"issue not on the list", "POST", notice, agenda({{{"issue_id", 4}}}), convenor, 409,
         "wrong_stage", ""},
        {"issue already scheduled elsewhere", "POST", notice, agenda({{{"issue_id", 1}}}), convenor,
         409, "wrong_stage", ""},
        {"the same issue twice", "POST", notice, agenda({{{"issue_id", 3}}, {{"issue_id", 3}}}),
         convenor, 400, "bad_id", "issue_id"},
        {"special_matter not a boolean", "POST", notice,
         agenda({{{"issue_id", 3}, {"special_matter", "yes"}}}), convenor, 400, "wrong_type",
         "special_matter"},
        {"override_reason not a string", "POST", notice,
         Json{{"agenda", {{{"issue_id", 3}}}}, {"override_reason", 42}}.dump(), convenor, 400,
         "wrong_type", "override_reason"},
        {"short notice without a reason", "POST", notice, agenda({{{"issue_id", 3}}}), convenor, 409,
         "notice_too_short", ""},
        {"short notice with a blank reason", "POST", notice,
         Json{{"agenda", {{{"issue_id", 3}}}}, {"override_reason", " \u3000 "}}.dump(), convenor, 409,
         "notice_too_short", ""},
        {"resident publishes the notice", "POST", notice, agenda({{{"issue_id", 3}}}), resident, 403,
         "not_convenor", ""},
        {"session id not a number", "POST", "/api/sessions/x1/notice", agenda({{{"issue_id", 3}}}),
         convenor, 400, "bad_id", "session_id"},
        {"session that does not exist", "POST", "/api/sessions/999/notice",
         agenda({{{"issue_id", 3}}}), convenor, 404, "not_found", ""},
        {"another council's session", "POST", "/api/sessions/100/notice", agenda({{{"issue_id", 7}}}),
         convenor, 403, "forbidden", ""},
        {"notice of an open session", "POST", open_base + "/notice", agenda({{{"issue_id", 3}}}),
         convenor, 409, "wrong_session_state", ""},
        // opening, sign-in, closing
        {"open an open session", "POST", open_base + "/open", "", convenor, 409,
         "wrong_session_state", ""},
        {"open a session without notice", "POST", path_of("/api/sessions/", planned_id, "/open"), "",
         convenor, 409, "wrong_session_state", ""},
        {"resident opens a session", "POST", path_of("/api/sessions/", planned_id, "/open"), "",
         resident, 403, "not_convenor", ""},
        {"sign in twice", "POST", open_base + "/sign-in", "", resident, 409, "already_signed_in", ""},
        {"outsider signs in", "POST", open_base + "/sign-in", "", outsider_token, 403, "forbidden", ""},
        {"sign in before opening", "POST", path_of("/api/sessions/", planned_id, "/sign-in"), "",
         tokens[12], 409, "wrong_session_state", ""},
        {"close with a ballot open", "POST", open_base + "/close", "", convenor, 409,
         "ballot_still_open", ""},
        {"resident closes the session", "POST", open_base + "/close", "", resident, 403,
         "not_convenor", ""},
        {"outsider reads a session", "GET", open_base, "", outsider_token, 403, "forbidden", ""},
        // ballots
        {"ballot without issue_id", "POST", open_base + "/ballots", "{}", convenor, 400,
         "missing_field", "issue_id"},
        {"ballot issue_id as a string", "POST", open_base + "/ballots", R"({"issue_id":"2"})",
         convenor, 400, "wrong_type", "issue_id"},
        {"ballot issue_id negative", "POST", open_base + "/ballots", R"({"issue_id":-2})", convenor,
         400, "bad_id", "issue_id"},
        {"ballot issue_id huge", "POST", open_base + "/ballots",
         R"({"issue_id":99999999999999999999})", convenor, 400, "wrong_type", "issue_id"},
        {"ballot on an issue off the agenda", "POST", open_base + "/ballots", R"({"issue_id":3})",
         convenor, 409, "not_on_agenda", ""},
        {"second ballot on an item", "POST", open_base + "/ballots", R"({"issue_id":1})", convenor,
         409, "ballot_exists", ""},
        {"resident opens a ballot", "POST", open_base + "/ballots", R"({"issue_id":2})", resident,
         403, "not_convenor", ""},
        {"ballot in a session not open", "POST", path_of("/api/sessions/", planned_id, "/ballots"),
         R"({"issue_id":2})", convenor, 409, "wrong_session_state", ""},
        // votes
        {"vote without choice", "POST", votes, "{}", resident, 400, "missing_field", "choice"},
        {"choice of the wrong type", "POST", votes, R"({"choice":1})", resident, 400, "wrong_type",
         "choice"},
        {"unknown choice", "POST", votes, R"({"choice":"maybe"})", resident, 400, "wrong_type",
         "choice"},
        {"vote twice", "POST", votes, R"({"choice":"no"})", tokens[2], 409, "already_voted", ""},
        {"vote off the roll", "POST", votes, R"({"choice":"yes"})", tokens[13], 403, "not_eligible",
         ""},
        {"outsider votes", "POST", votes, R"({"choice":"yes"})", outsider_token, 403, "forbidden", ""},
        {"ballot id zero", "POST", "/api/ballots/0/votes", R"({"choice":"yes"})", resident, 400,
         "bad_id", "ballot_id"},
        {"ballot that does not exist", "POST", "/api/ballots/999/votes", R"({"choice":"yes"})",
         resident, 404, "not_found", ""},
        {"outsider reads a ballot", "GET", path_of("/api/ballots/", ballot_id), "", outsider_token,
         403, "forbidden", ""},
        // closing a ballot
        {"resident closes a ballot", "POST", close_ballot, "", resident, 403, "not_convenor", ""},
        {"notice period of zero days", "POST", close_ballot, R"({"notice_days":0})", convenor, 400,
         "bad_period", "notice_days"},
        {"negative notice period", "POST", close_ballot, R"({"notice_days":-5})", convenor, 400,
         "bad_period", "notice_days"},
        {"notice period over a year", "POST", close_ballot, R"({"notice_days":400})", convenor, 400,
         "bad_period", "notice_days"},
        {"huge notice period", "POST", close_ballot, R"({"notice_days":9223372036854775807})",
         convenor, 400, "bad_period", "notice_days"},
        {"notice period as a string", "POST", close_ballot, R"({"notice_days":"7"})", convenor, 400,
         "wrong_type", "notice_days"},
        // rules and notices
        {"resident adjusts the rules", "PUT", "/api/councils/1/rules",
         get_json(server, convenor, "/api/councils/1/rules").body.dump(), resident, 403,
         "not_convenor", ""},
        {"rules without a quorum", "PUT", "/api/councils/1/rules", R"({"kind":"residents_council"})",
         convenor, 400, "missing_field", "quorum"},
        {"another council's notices", "GET", "/api/councils/2/notices", "", convenor, 403,
         "forbidden", ""},
    };
    expect_refusals(server, cases);
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
