// At the meeting-room desk: the council's member list, and the convenor signing in members who
// came without a phone (代为签到) — counted as their own sign-in, refused for anyone else.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(desk_sign_in)

BOOST_AUTO_TEST_CASE(members_see_the_councils_member_list_with_who_votes) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    auto r = get_json(server, tokens[5], "/api/councils/1/members");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    const Json& members = r.body["members"];
    BOOST_TEST(members.size() >= 15u);
    BOOST_TEST(members[0]["name"] == "李建国");
    BOOST_TEST(members[0]["role"] == "convenor");
    BOOST_TEST(members[0]["voting"] == true);
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    auto refused = get_json(server, server.token_for(outsider), "/api/councils/1/members");
    BOOST_TEST(refused.status == 403);
}

BOOST_AUTO_TEST_CASE(the_convenor_signs_a_member_in_once_and_it_counts_as_theirs) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    Id session = open_session_with(server, shift, tokens, {1});
    std::string path = path_of("/api/sessions/", session, "/sign-in");

    std::string before = full_snapshot(server.db());
    // A resident cannot sign someone else in; nor can anyone sign in a non-member.
    BOOST_TEST(post_json(server, tokens[3], path, {{"member_id", demo_member(4)}}).code() == "not_convenor");
    BOOST_TEST(post_json(server, tokens[1], path, {{"member_id", 999}}).code() == "bad_id");
    BOOST_TEST(post_json(server, tokens[1], path, {{"member_id", "4"}}).code() == "wrong_type");
    BOOST_TEST(full_snapshot(server.db()) == before);

    auto ok = post_json(server, tokens[1], path, {{"member_id", demo_member(4)}});
    BOOST_REQUIRE_EQUAL(ok.status, 200);
    BOOST_TEST(ok.body["signed_in_count"] == 1);
    // Demo04 is present (the convenor is not, until they sign in themselves).
    auto view = get_json(server, tokens[1], path_of("/api/sessions/", session));
    BOOST_REQUIRE_EQUAL(view.body["signed_in"].size(), 1u);
    BOOST_TEST(view.body["signed_in"][0]["member_id"] == demo_member(4));
    BOOST_TEST(post_json(server, tokens[4], path).code() == "already_signed_in");
    BOOST_TEST(post_json(server, tokens[1], path, {{"member_id", demo_member(4)}}).code() == "already_signed_in");
    BOOST_TEST(post_json(server, tokens[1], path).status == 200);
    auto after = get_json(server, tokens[1], path_of("/api/sessions/", session));
    BOOST_TEST(after.body["signed_in_count"] == 2);
}

BOOST_AUTO_TEST_SUITE_END()
