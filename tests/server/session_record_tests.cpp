// A session's record over HTTP: a closed one keeps its quorum and ballots as they were when it
// closed, whoever joins afterwards; agenda items it held no ballot on return to the period's
// list; a planned session whose start passed unnoticed is cancelled or re-timed, not stuck.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// One more resident joins the council: the convenor issues an invite, the resident registers.
void register_one_more_member(TestServer& server, const std::string& convenor_token) {
    auto invited = post_json(server, convenor_token, "/api/invites",
                             {{"name", "钱多多"}, {"council_id", kCouncil}});
    BOOST_REQUIRE_EQUAL(invited.status, 201);
    auto r = server.client().Post(
        "/api/register",
        Json{{"code", invited.body["code"]}, {"login", "qian_duoduo"}, {"password", "chunhui2026"}}
            .dump(),
        kJson);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 201);
}

// A session on the chargers (1) with members 1..8 of 15 signed in and a ballot of 6 yes, 1 no,
// 1 abstain closed: 8 of 15 is more than half, so the quorum was met and the ballot passed.
struct HeldSession {
    Id session = 0;
    Id ballot = 0;
};
HeldSession hold_session_with_eight_of_fifteen(TestServer& server, ClockShift& shift,
                                               const std::vector<std::string>& tokens) {
    HeldSession held;
    held.session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, held.session, tokens, 1, 8);
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", held.session, "/ballots"),
                            {{"issue_id", kIssueChargers}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    held.ballot = opened.body["id"].get<Id>();
    const char* choices[] = {"yes", "yes", "yes", "yes", "yes", "yes", "no", "abstain"};
    for (int m = 1; m <= 8; ++m)
        BOOST_REQUIRE_EQUAL(post_json(server, tokens[m], path_of("/api/ballots/", held.ballot, "/votes"),
                                      {{"choice", choices[m - 1]}})
                                .status,
                            201);
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/ballots/", held.ballot, "/close")).status, 200);
    return held;
}

void check_ballot_as_closed(const Json& b) {
    BOOST_TEST(b["state"] == "closed");
    BOOST_TEST(b["electorate"] == 15);
    BOOST_TEST(b["roll"].size() == 8u);
    BOOST_TEST(b["tally"]["present"] == 8);
    BOOST_TEST(b["tally"]["yes"] == 6);
    BOOST_TEST(b["tally"]["quorum"] == true);
    BOOST_TEST(b["tally"]["outcome"] == "passed");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(session_records)

BOOST_AUTO_TEST_CASE(a_closed_session_keeps_its_electorate_present_and_quorum_when_members_join) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    HeldSession held = hold_session_with_eight_of_fifteen(server, shift, tokens);
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/sessions/", held.session, "/close")).status, 200);

    register_one_more_member(server, tokens[1]);
    auto members = get_json(server, tokens[1], "/api/councils/1/members").body["members"];
    BOOST_REQUIRE_EQUAL(members.size(), 16u);  // the council has grown

    auto s = get_json(server, tokens[5], path_of("/api/sessions/", held.session));
    BOOST_REQUIRE_EQUAL(s.status, 200);
    BOOST_TEST(s.body["state"] == "closed");
    BOOST_TEST(s.body["quorum"]["electorate"] == 15);
    BOOST_TEST(s.body["quorum"]["present"] == 8);
    BOOST_TEST(s.body["quorum"]["met"] == true);
    BOOST_TEST(s.body["signed_in"].size() == 8u);
    BOOST_REQUIRE_EQUAL(s.body["ballots"].size(), 1u);
    check_ballot_as_closed(s.body["ballots"][0]);
    check_ballot_as_closed(get_json(server, tokens[5], path_of("/api/ballots/", held.ballot)).body);
}

BOOST_AUTO_TEST_CASE(a_closed_ballot_keeps_its_electorate_present_and_outcome_when_members_join) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    HeldSession held = hold_session_with_eight_of_fifteen(server, shift, tokens);

    register_one_more_member(server, tokens[1]);

    // The session is still open: it counts today's council, 8 of 16, no longer more than half.
    auto s = get_json(server, tokens[5], path_of("/api/sessions/", held.session));
    BOOST_TEST(s.body["state"] == "open");
    BOOST_TEST(s.body["quorum"]["electorate"] == 16);
    BOOST_TEST(s.body["quorum"]["met"] == false);
    // Its closed ballot was decided 8 of 15 and stays so.
    check_ballot_as_closed(s.body["ballots"][0]);
    check_ballot_as_closed(get_json(server, tokens[5], path_of("/api/ballots/", held.ballot)).body);
}

BOOST_AUTO_TEST_CASE(agenda_items_without_a_ballot_return_to_the_list_and_a_later_session_takes_them) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    Id first = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, first, tokens, 1, 8);
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", first, "/ballots"),
                            {{"issue_id", 1}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[2], path_of("/api/ballots/", ballot, "/votes"), {{"choice", "yes"}})
            .status,
        201);
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close")).status,
                        200);

    // The stairwell (2) and the lift (3) never got a ballot: the close names them.
    auto closed = post_json(server, tokens[1], path_of("/api/sessions/", first, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["state"] == "closed");
    const Json& returned = closed.body["returned_to_list"];
    BOOST_REQUIRE_EQUAL(returned.size(), 2u);
    BOOST_TEST(returned[0]["issue_id"] == 2);
    BOOST_TEST(returned[1]["issue_id"] == 3);
    BOOST_TEST(!returned[0]["title"].get<std::string>().empty());
    for (Id issue : {2, 3})
        BOOST_TEST(get_json(server, tokens[5], path_of("/api/issues/", issue)).body["stage"] ==
                   "listed");
    BOOST_TEST(get_json(server, tokens[5], path_of("/api/issues/", 1)).body["stage"] == "resolved");
    // The session's own record keeps saying which items went back.
    auto record = get_json(server, tokens[5], path_of("/api/sessions/", first));
    BOOST_TEST(record.body["returned_to_list"].size() == 2u);

    // A new session puts the stairwell on its agenda (today's code refused: wrong_stage).
    std::int64_t now = server::system_now() + shift.seconds;
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", now + 8 * kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    auto noticed =
        post_json(server, tokens[1], path_of("/api/sessions/", planned.body["id"].get<Id>(), "/notice"),
                  {{"agenda", Json::array({{{"issue_id", 2}}})}});
    BOOST_TEST(noticed.status == 200);
    BOOST_TEST(noticed.code() == "");
    BOOST_TEST(get_json(server, tokens[5], path_of("/api/issues/", 2)).body["stage"] == "scheduled");
}

BOOST_AUTO_TEST_CASE(a_planned_session_whose_start_passed_unnoticed_is_re_timed_or_cancelled) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    std::int64_t now = server::system_now();
    auto plan = [&](std::int64_t at) {
        auto r = post_json(server, tokens[1], "/api/councils/1/sessions",
                           {{"kind", "regular"}, {"starts_at", at}});
        BOOST_REQUIRE_EQUAL(r.status, 201);
        return r.body["id"].get<Id>();
    };
    Id late = plan(now + kDay), dropped = plan(now + kDay);
    shift.seconds += 2 * kDay;  // the start passes and no notice went out
    now += 2 * kDay;
    Json agenda = {{"agenda", Json::array({{{"issue_id", kIssueChargers}}})},
                   {"override_reason", "补发通知"}};
    // Stuck as it was: too late to notice, and not noticed so it cannot open.
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", late, "/notice"), agenda).code() ==
               "bad_time");
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", late, "/open")).code() ==
               "wrong_session_state");

    // Re-timed: a new start, then the notice goes out as for any planned session.
    auto retimed = post_json(server, tokens[1], path_of("/api/sessions/", late, "/retime"),
                             {{"starts_at", now + 10 * kDay}});
    BOOST_REQUIRE_EQUAL(retimed.status, 200);
    BOOST_TEST(retimed.body["state"] == "planned");
    BOOST_TEST(retimed.body["starts_at"] == now + 10 * kDay);
    auto noticed = post_json(server, tokens[1], path_of("/api/sessions/", late, "/notice"),
                             {{"agenda", Json::array({{{"issue_id", kIssueChargers}}})}});
    BOOST_TEST(noticed.status == 200);
    BOOST_TEST(noticed.body["state"] == "noticed");
    // A noticed session is no longer re-timed or cancelled here.
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", late, "/retime"),
                         {{"starts_at", now + 12 * kDay}})
                   .code() == "wrong_session_state");

    // Cancelled, with a reason every member reads in the list and on the session.
    auto cancelled = post_json(server, tokens[1], path_of("/api/sessions/", dropped, "/cancel"),
                               {{"reason", "会议室装修，本次例会取消，议题并入下季度"}});
    BOOST_REQUIRE_EQUAL(cancelled.status, 200);
    BOOST_TEST(cancelled.body["state"] == "cancelled");
    auto seen = get_json(server, tokens[9], path_of("/api/sessions/", dropped));
    BOOST_TEST(seen.body["state"] == "cancelled");
    BOOST_TEST(seen.body["cancel_reason"] == "会议室装修，本次例会取消，议题并入下季度");
    bool listed = false;
    auto list = get_json(server, tokens[9], "/api/councils/1/sessions");
    for (const auto& s : list.body["sessions"])
        if (s["id"] == dropped)
            listed = s["state"] == "cancelled" &&
                     s["cancel_reason"] == "会议室装修，本次例会取消，议题并入下季度";
    BOOST_TEST(listed);
    // Called off for good: no notice, no new time, no second cancellation.
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", dropped, "/notice"), agenda).code() ==
               "wrong_session_state");
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", dropped, "/retime"),
                         {{"starts_at", now + 10 * kDay}})
                   .code() == "wrong_session_state");
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/sessions/", dropped, "/cancel"),
                         {{"reason", "再次取消"}})
                   .code() == "wrong_session_state");
}

BOOST_AUTO_TEST_CASE(each_bad_cancel_or_retime_request_gets_a_clear_4xx_and_changes_nothing) {
    auto db = seeded_db();
    // Another council (2) with a planned session (100) of its own.
    execute(db,
            "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道');"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) "
            "VALUES (2, 2, '朝阳社区居民议事会', 'residents_council', 5);"
            "INSERT INTO sessions (id, council_id, kind, state, starts_at, created_by, "
            "created_at) VALUES (100, 2, 'regular', 'planned', 4102444800, 15, 0)");
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    std::int64_t now = server::system_now();
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", now + kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    Id session = planned.body["id"].get<Id>();
    Id noticed = open_session_with(server, shift, tokens, {kIssueChargers}, 1);  // opened, in fact
    shift.seconds += 2 * kDay;
    now = server::system_now() + shift.seconds;
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    std::string outsider_token = server.token_for(outsider);
    std::string before = full_snapshot(server.db());

    const std::string convenor = tokens[1], resident = tokens[3];
    const std::string cancel = path_of("/api/sessions/", session, "/cancel");
    const std::string retime = path_of("/api/sessions/", session, "/retime");
    auto why = [](const Json& reason) { return Json{{"reason", reason}}.dump(); };
    auto at = [](const Json& starts_at) { return Json{{"starts_at", starts_at}}.dump(); };
    const std::string fine = why("会议室装修"), later = at(now + 9 * kDay);
    const std::vector<Refusal> cases = {
        {"no token", "POST", cancel, fine, "", 401, "unauthorized", ""},
        {"resident cancels", "POST", cancel, fine, resident, 403, "not_convenor", ""},
        {"resident re-times", "POST", retime, later, resident, 403, "not_convenor", ""},
        {"outsider cancels", "POST", cancel, fine, outsider_token, 403, "forbidden", ""},
        {"another council's session cancelled", "POST", "/api/sessions/100/cancel", fine, convenor,
         403, "forbidden", ""},
        {"another council's session re-timed", "POST", "/api/sessions/100/retime", later, convenor,
         403, "forbidden", ""},
        {"session that does not exist", "POST", "/api/sessions/999/cancel", fine, convenor, 404,
         "not_found", ""},
        {"session id not a number", "POST", "/api/sessions/abc/retime", later, convenor, 400,
         "bad_id", "session_id"},
        {"an open session is not cancelled", "POST", path_of("/api/sessions/", noticed, "/cancel"),
         fine, convenor, 409, "wrong_session_state", ""},
        {"an open session is not re-timed", "POST", path_of("/api/sessions/", noticed, "/retime"),
         later, convenor, 409, "wrong_session_state", ""},
        {"malformed json", "POST", cancel, R"({"reason":)", convenor, 400, "bad_json", ""},
        {"body not an object", "POST", retime, "[1]", convenor, 400, "bad_json", ""},
        {"missing reason", "POST", cancel, "{}", convenor, 400, "missing_field", "reason"},
        {"reason of the wrong type", "POST", cancel, why(42), convenor, 400, "wrong_type",
         "reason"},
        {"blank reason", "POST", cancel, why(" \u3000 "), convenor, 400, "empty_text", "reason"},
        {"overlong reason", "POST", cancel, why(std::string(501, 'x')), convenor, 400, "too_long",
         "reason"},
        {"reason with a control character", "POST", cancel, why("会议\u0001取消"), convenor, 400,
         "bad_character", "reason"},
        {"reason with a line break", "POST", cancel, why("会议\n取消"), convenor, 400, "line_break",
         "reason"},
        {"reason with a bidi override", "POST", cancel, why("会议\u202e消取"), convenor, 400,
         "bad_character", "reason"},
        {"missing start", "POST", retime, "{}", convenor, 400, "missing_field", "starts_at"},
        {"start of the wrong type", "POST", retime, at("明天"), convenor, 400, "wrong_type",
         "starts_at"},
        {"start as a fraction", "POST", retime, at(now + 9.5 * kDay), convenor, 400, "wrong_type",
         "starts_at"},
        {"start in the past", "POST", retime, at(now - kDay), convenor, 400, "bad_time",
         "starts_at"},
        {"start now", "POST", retime, at(now - 5), convenor, 400, "bad_time", "starts_at"},
        {"negative start", "POST", retime, at(-1), convenor, 400, "bad_time", "starts_at"},
        {"start beyond ten years", "POST", retime, at(now + 4000 * kDay), convenor, 400, "bad_time",
         "starts_at"},
        {"huge start", "POST", retime, R"({"starts_at":99999999999999999999999})", convenor, 400,
         "wrong_type", "starts_at"},
    };
    expect_refusals(server, cases);
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
