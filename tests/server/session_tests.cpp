// 定 (decide) over HTTP: a quarter's session of the demo 居民议事会 (15 members) from plan to
// resolution notices, and an extraordinary session called by members' demand.
#include <boost/test/unit_test.hpp>

#include <map>

#include "decide_steps.hpp"
#include "yishi/server/audit.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// Casts the choices in order for members first, first+1, ...; each vote must count.
void vote_all(TestServer& server, const std::vector<std::string>& tokens, Id ballot, int first,
              const std::vector<std::string>& choices) {
    int m = first;
    for (const auto& choice : choices) {
        auto r = post_json(server, tokens[m++], path_of("/api/ballots/", ballot, "/votes"),
                           {{"choice", choice}});
        BOOST_REQUIRE_EQUAL(r.status, 201);
    }
}

std::vector<std::string> repeat(const std::string& s, int n) { return std::vector<std::string>(n, s); }

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(sessions)

BOOST_AUTO_TEST_CASE(a_quarterly_session_decides_three_issues_pass_fail_and_defer) {
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    TestServer server(seeded_db(), options);
    auto tokens = member_tokens(server);
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    auto outsider_token = server.token_for(outsider);
    list_three_issues(server, tokens);

    // The rules the session runs under: the 居民议事会 preset, stored per council.
    auto rules = get_json(server, tokens[2], "/api/councils/1/rules");
    BOOST_REQUIRE_EQUAL(rules.status, 200);
    BOOST_TEST(rules.body["notice_days"] == 7);
    BOOST_TEST(rules.body["defer_margin"]["num"] == 1);
    BOOST_TEST(rules.body["defer_margin"]["den"] == 10);

    // Only the convenor plans, and only members at all.
    std::int64_t starts_at = server::system_now() + 3 * kDay;
    Json plan = {{"kind", "regular"}, {"starts_at", starts_at}};
    BOOST_TEST(post_json(server, outsider_token, "/api/councils/1/sessions", plan).code() == "forbidden");
    BOOST_TEST(post_json(server, tokens[2], "/api/councils/1/sessions", plan).code() == "not_convenor");
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions", plan);
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    BOOST_TEST(planned.body["state"] == "planned");
    Id session = planned.body["id"].get<Id>();
    std::string base = path_of("/api/sessions/", session);

    // Three days' notice is short of the seven the rules ask: refused without a reason.
    Json agenda = Json::array({{{"issue_id", 1}}, {{"issue_id", 2}}, {{"issue_id", 3}}});
    auto short_notice = post_json(server, tokens[1], base + "/notice", {{"agenda", agenda}});
    BOOST_TEST(short_notice.status == 409);
    BOOST_TEST(short_notice.code() == "notice_too_short");
    BOOST_TEST(post_json(server, tokens[2], base + "/notice",
                         {{"agenda", agenda}, {"override_reason", "汛期前需尽快决定"}})
                   .code() == "not_convenor");
    auto noticed = post_json(server, tokens[1], base + "/notice",
                             {{"agenda", agenda}, {"override_reason", "汛期前需尽快决定"}});
    BOOST_REQUIRE_EQUAL(noticed.status, 200);
    BOOST_TEST(noticed.body["state"] == "noticed");
    BOOST_TEST(noticed.body["notice_override_reason"] == "汛期前需尽快决定");
    BOOST_TEST(noticed.body["agenda"].size() == 3u);
    for (Id issue : {1, 2, 3})
        BOOST_TEST(get_json(server, tokens[5], path_of("/api/issues/", issue)).body["stage"] ==
                   "scheduled");

    // Opened at its time, by the convenor.
    BOOST_TEST(post_json(server, tokens[1], base + "/open").code() == "too_early");
    shift.seconds = 3 * kDay + 60;
    BOOST_TEST(post_json(server, tokens[2], base + "/open").code() == "not_convenor");
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], base + "/open").status, 200);

    // 11 of 15 sign in: more than half, the quorum is met.
    sign_in(server, session, tokens, 1, 11);
    BOOST_TEST(post_json(server, tokens[3], base + "/sign-in").code() == "already_signed_in");
    BOOST_TEST(post_json(server, outsider_token, base + "/sign-in").code() == "forbidden");
    auto state = get_json(server, tokens[7], base);
    BOOST_REQUIRE_EQUAL(state.status, 200);
    BOOST_TEST(state.body["quorum"]["met"] == true);
    BOOST_TEST(state.body["quorum"]["present"] == 11);
    BOOST_TEST(state.body["quorum"]["electorate"] == 15);
    BOOST_TEST(state.body["signed_in"].size() == 11u);
    BOOST_TEST(get_json(server, outsider_token, base).code() == "forbidden");

    // Ballot 1, the chargers: 8 yes, 2 no, 1 abstain — passes.
    BOOST_TEST(post_json(server, tokens[2], base + "/ballots", {{"issue_id", 1}}).code() ==
               "not_convenor");
    BOOST_TEST(post_json(server, tokens[1], base + "/ballots", {{"issue_id", 4}}).code() ==
               "not_on_agenda");
    auto opened = post_json(server, tokens[1], base + "/ballots", {{"issue_id", 1}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id chargers = opened.body["id"].get<Id>();
    BOOST_TEST(opened.body["roll"].size() == 11u);
    // Signing in after the ballot opened does not put a member on its roll.
    sign_in(server, session, tokens, 12, 12);
    std::string ballot = path_of("/api/ballots/", chargers);
    BOOST_TEST(post_json(server, tokens[12], ballot + "/votes", {{"choice", "yes"}}).code() ==
               "not_eligible");
    BOOST_TEST(post_json(server, outsider_token, ballot + "/votes", {{"choice", "yes"}}).code() ==
               "forbidden");
    vote_all(server, tokens, chargers, 1, repeat("yes", 8) + repeat("no", 2) + repeat("abstain", 1));
    auto twice = post_json(server, tokens[4], ballot + "/votes", {{"choice", "no"}});
    BOOST_TEST(twice.status == 409);
    BOOST_TEST(twice.code() == "already_voted");
    auto progress = get_json(server, tokens[13], ballot);
    BOOST_TEST(progress.body["state"] == "open");
    BOOST_TEST(progress.body["votes_cast"] == 11);
    BOOST_TEST(progress.body["voted"].size() == 11u);
    BOOST_TEST(!progress.body.contains("tally"));  // no running count while open
    BOOST_TEST(!progress.body.contains("votes"));
    BOOST_TEST(post_json(server, tokens[1], base + "/close").code() == "ballot_still_open");
    BOOST_TEST(post_json(server, tokens[2], ballot + "/close").code() == "not_convenor");
    auto closed = post_json(server, tokens[1], ballot + "/close");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["yes"] == 8);
    BOOST_TEST(closed.body["tally"]["no"] == 2);
    BOOST_TEST(closed.body["tally"]["abstain"] == 1);
    BOOST_TEST(closed.body["tally"]["present"] == 11);
    BOOST_TEST(closed.body["tally"]["outcome"] == "passed");
    BOOST_TEST(closed.body["votes"].size() == 11u);  // open roll: published with the tally
    BOOST_TEST(closed.body["notice"]["kind"] == "resolution");
    BOOST_TEST(closed.body["notice"]["text"].get<std::string>().find("结果：通过") !=
               std::string::npos);
    auto late = post_json(server, tokens[11], ballot + "/votes", {{"choice", "no"}});
    BOOST_TEST(late.status == 409);
    BOOST_TEST(late.code() == "ballot_closed");
    BOOST_TEST(post_json(server, tokens[1], ballot + "/close").code() == "ballot_closed");
    BOOST_TEST(post_json(server, tokens[1], base + "/ballots", {{"issue_id", 1}}).code() ==
               "ballot_exists");

    // Ballot 2, the stairwell: 3 yes, 7 no, 1 abstain — fails.
    auto stairwell = post_json(server, tokens[1], base + "/ballots", {{"issue_id", 2}});
    BOOST_REQUIRE_EQUAL(stairwell.status, 201);
    Id stairwell_id = stairwell.body["id"].get<Id>();
    BOOST_TEST(stairwell.body["roll"].size() == 12u);  // demo12 signed in before this one opened
    vote_all(server, tokens, stairwell_id, 1,
             repeat("yes", 3) + repeat("no", 7) + repeat("abstain", 1));
    auto failed = post_json(server, tokens[1], path_of("/api/ballots/", stairwell_id, "/close"));
    BOOST_REQUIRE_EQUAL(failed.status, 200);
    BOOST_TEST(failed.body["tally"]["not_voted"] == 1);
    BOOST_TEST(failed.body["tally"]["outcome"] == "failed");

    // Ballot 3, the lift: 5 yes, 5 no, 1 abstain of 12 present — a split within 1/10: deferred.
    auto lift = post_json(server, tokens[1], base + "/ballots", {{"issue_id", 3}});
    BOOST_REQUIRE_EQUAL(lift.status, 201);
    Id lift_id = lift.body["id"].get<Id>();
    vote_all(server, tokens, lift_id, 1, repeat("yes", 5) + repeat("no", 5) + repeat("abstain", 1));
    auto deferred = post_json(server, tokens[1], path_of("/api/ballots/", lift_id, "/close"),
                              {{"notice_days", 14}});
    BOOST_REQUIRE_EQUAL(deferred.status, 200);
    BOOST_TEST(deferred.body["tally"]["outcome"] == "deferred");
    BOOST_TEST(deferred.body["notice"]["ends_at"].get<std::int64_t>() -
                   deferred.body["notice"]["starts_at"].get<std::int64_t>() ==
               14 * kDay);

    // Passed and failed issues are resolved; the deferred one goes back to the list.
    BOOST_TEST(get_json(server, tokens[5], "/api/issues/1").body["stage"] == "resolved");
    BOOST_TEST(get_json(server, tokens[5], "/api/issues/2").body["stage"] == "resolved");
    BOOST_TEST(get_json(server, tokens[5], "/api/issues/3").body["stage"] == "listed");

    // Three resolution notices (决议公开), each in force for its period.
    auto notices = get_json(server, tokens[15], "/api/councils/1/notices");
    BOOST_REQUIRE_EQUAL(notices.status, 200);
    BOOST_REQUIRE_EQUAL(notices.body["notices"].size(), 3u);
    for (const auto& n : notices.body["notices"]) {
        BOOST_TEST(n["kind"] == "resolution");
        BOOST_TEST(n["in_force"] == true);
    }
    BOOST_TEST(get_json(server, outsider_token, "/api/councils/1/notices").code() == "forbidden");

    // The session closes; its record keeps all three ballots.
    BOOST_TEST(post_json(server, tokens[2], base + "/close").code() == "not_convenor");
    auto ended = post_json(server, tokens[1], base + "/close");
    BOOST_REQUIRE_EQUAL(ended.status, 200);
    BOOST_TEST(ended.body["state"] == "closed");
    auto record = get_json(server, tokens[9], base);
    BOOST_TEST(record.body["ballots"].size() == 3u);
    auto list = get_json(server, tokens[9], "/api/councils/1/sessions");
    BOOST_REQUIRE_EQUAL(list.body["sessions"].size(), 1u);
    BOOST_TEST(list.body["sessions"][0]["state"] == "closed");
    BOOST_TEST(post_json(server, tokens[13], base + "/sign-in").code() == "wrong_session_state");

    // Every change left one audit entry, refusals none, and the chain holds.
    std::map<std::string, int> actions;
    for (const auto& e : server.store().audit_entries(1, 0, 10000)) ++actions[e.action];
    BOOST_TEST(actions["session_planned"] == 1);
    BOOST_TEST(actions["session_noticed"] == 1);
    BOOST_TEST(actions["session_opened"] == 1);
    BOOST_TEST(actions["session_signed_in"] == 12);
    BOOST_TEST(actions["ballot_opened"] == 3);
    BOOST_TEST(actions["vote_cast"] == 33);
    BOOST_TEST(actions["ballot_closed"] == 3);
    BOOST_TEST(actions["session_closed"] == 1);
    BOOST_TEST(server::verify_audit(server.store()).intact());
}

BOOST_AUTO_TEST_CASE(extraordinary_session_needs_the_demand_of_a_fifth_of_the_members) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    Json plan = {{"kind", "extraordinary"}, {"starts_at", server::system_now() + 10 * kDay}};
    BOOST_TEST(post_json(server, tokens[1], "/api/councils/1/sessions", plan).code() ==
               "demand_insufficient");
    BOOST_TEST(post_json(server, server.token_for(outsider), "/api/councils/1/session-demands")
                   .code() == "forbidden");
    // 1/5 of 15 is 3: two demands are not enough, the third is.
    for (int m : {5, 6}) {
        auto r = post_json(server, tokens[m], "/api/councils/1/session-demands");
        BOOST_REQUIRE_EQUAL(r.status, 201);
        BOOST_TEST(r.body["sufficient"] == false);
    }
    BOOST_TEST(post_json(server, tokens[5], "/api/councils/1/session-demands").code() ==
               "already_demanded");
    BOOST_TEST(post_json(server, tokens[1], "/api/councils/1/sessions", plan).code() ==
               "demand_insufficient");
    auto third = post_json(server, tokens[7], "/api/councils/1/session-demands");
    BOOST_TEST(third.body["demanded"] == 3);
    BOOST_TEST(third.body["sufficient"] == true);
    BOOST_TEST(post_json(server, tokens[7], "/api/councils/1/sessions", plan).code() ==
               "not_convenor");
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions", plan);
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    BOOST_TEST(planned.body["kind"] == "extraordinary");
    // The demands are spent on this session: another needs new ones.
    BOOST_TEST(get_json(server, tokens[5], "/api/councils/1/session-demands").body["demanded"] == 0);
    BOOST_TEST(post_json(server, tokens[1], "/api/councils/1/sessions", plan).code() ==
               "demand_insufficient");
}

BOOST_AUTO_TEST_CASE(a_ballot_without_quorum_has_no_outcome_but_no_quorum) {
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    TestServer server(seeded_db(), options);
    auto tokens = member_tokens(server);
    Id session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, session, tokens, 1, 7);  // 7 of 15: not more than half
    auto state = get_json(server, tokens[1], path_of("/api/sessions/", session));
    BOOST_TEST(state.body["quorum"]["met"] == false);
    auto b = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                       {{"issue_id", kIssueChargers}});
    BOOST_REQUIRE_EQUAL(b.status, 201);
    Id ballot = b.body["id"].get<Id>();
    vote_all(server, tokens, ballot, 1, repeat("yes", 7));
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_TEST(closed.body["tally"]["outcome"] == "no_quorum");
    BOOST_TEST(get_json(server, tokens[1], "/api/issues/1").body["stage"] == "listed");
}

BOOST_AUTO_TEST_CASE(only_the_convenor_adjusts_the_rules_and_they_are_kept) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    auto rules = get_json(server, tokens[1], "/api/councils/1/rules").body;
    rules["defer_margin"] = {{"num", 0}, {"den", 1}};
    rules["notice_days"] = 10;
    rules["cosign_threshold"] = 8;
    auto put = [&](const std::string& token, const Json& body) {
        auto r = server.client().Put("/api/councils/1/rules", bearer(token), body.dump(), kJson);
        BOOST_REQUIRE(r);
        return JsonReply{r->status, Json::parse(r->body, nullptr, false)};
    };
    BOOST_TEST(put(tokens[2], rules).code() == "not_convenor");
    Json bad = rules;
    bad["quorum"]["den"] = 0;
    BOOST_TEST(put(tokens[1], bad).code() == "bad_rules");
    auto ok = put(tokens[1], rules);
    BOOST_REQUIRE_EQUAL(ok.status, 200);
    auto again = get_json(server, tokens[3], "/api/councils/1/rules").body;
    BOOST_TEST(again["notice_days"] == 10);
    BOOST_TEST(again["defer_margin"]["num"] == 0);
    // The co-sign threshold is the council's, the one co-signing counts against.
    BOOST_TEST(again["cosign_threshold"] == 8);
    BOOST_TEST(server.store().council(kCouncil)->cosign_threshold == 8);
}

BOOST_AUTO_TEST_SUITE_END()
