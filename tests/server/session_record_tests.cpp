// A closed session's record over HTTP: its quorum and its ballots stay as they were when they
// closed, whoever joins the council afterwards.
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

BOOST_AUTO_TEST_SUITE_END()
