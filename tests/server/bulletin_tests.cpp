// The bulletin (计票公告) a closed ballot publishes: refused while open, in the published format, and
// recounted by the real yishi-tally to exactly the server's published result, for test-made
// ballots and for every closed ballot of the demo quarter (`serve --seed-demo`).
#include <functional>

#include <boost/test/unit_test.hpp>

#include "ballot_method_steps.hpp"
#include "yishi/server/seed.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(bulletins)

BOOST_AUTO_TEST_CASE(a_closed_ballot_publishes_a_bulletin_that_yishi_tally_recounts_to_its_result) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, Json::object());
    std::string path = path_of("/api/ballots/", ballot);

    auto early = get_json(server, tokens[3], path + "/bulletin");
    BOOST_TEST(early.status == 409);
    BOOST_TEST(early.code() == "bulletin_not_published");
    BOOST_TEST(!early.body["error"]["message"].get<std::string>().empty());

    const char* choices[] = {"yes", "yes", "yes", "yes", "yes",
                             "yes", "yes", "no",  "no",  "abstain"};
    for (int m = 1; m <= 10; ++m)
        BOOST_REQUIRE_EQUAL(
            post_json(server, tokens[m], path + "/votes", {{"choice", choices[m - 1]}}).status,
            201);
    auto closed = post_json(server, tokens[1], path + "/close");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(!closed.body.contains("result"));  // the plain ballot's reply is as before

    auto bulletin = get_json(server, tokens[3], path + "/bulletin");
    BOOST_REQUIRE_EQUAL(bulletin.status, 200);
    const Json& b = bulletin.body;
    // The 居民议事会 preset: council_default with its 1/10 deferral margin; 11 present of 15.
    BOOST_TEST(b["method"] == "yes_no");
    BOOST_TEST(b["rule"] == "council_default");
    BOOST_TEST(b["electorate"]["members"] == 15);
    BOOST_TEST(b["present"] == 11);
    BOOST_TEST(b["defer_margin"]["num"] == 1);
    BOOST_TEST(b["defer_margin"]["den"] == 10);
    BOOST_REQUIRE_EQUAL(b["ballots"].size(), 10u);
    BOOST_TEST(b["ballots"][0]["choice"] == "yes");
    BOOST_TEST(b["ballots"][0]["member_id"] == kConvenor);  // an open roll publishes who voted what
    BOOST_TEST(b["result"]["outcome"] == "passed");
    BOOST_TEST(b["result"]["yes"] == 7);
    BOOST_TEST(b["result"]["present"] == 11);
    BOOST_TEST(b["result"]["outcome"] == closed.body["tally"]["outcome"]);

    Recount r = recount(b);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == b["result"]);
}

BOOST_AUTO_TEST_CASE(every_closed_ballot_of_the_demo_quarter_recounts_to_its_published_result) {
    auto path = fresh_db_path();
    {
        TestStore store(path);
        server::PasswordHasher hasher(1);
        BOOST_REQUIRE(server::seed_demo(store, hasher, server::system_now()));
    }
    TestServer server(path);
    std::string token = server.token_for(demo_member(3));
    int recounted = 0;
    Json sessions = get_json(server, token, "/api/councils/1/sessions").body["sessions"];
    for (const auto& s : sessions) {
        Json ballots =
            get_json(server, token, path_of("/api/sessions/", s["id"].get<Id>())).body["ballots"];
        for (const auto& ballot : ballots) {
            if (ballot["state"] != "closed") continue;
            auto bulletin = get_json(server, token,
                                     path_of("/api/ballots/", ballot["id"].get<Id>(), "/bulletin"));
            BOOST_REQUIRE_EQUAL(bulletin.status, 200);
            BOOST_TEST(bulletin.body["ballots"].size() == ballot["votes"].size());
            Recount r = recount(bulletin.body);
            BOOST_REQUIRE_EQUAL(r.status, 0);
            BOOST_TEST(r.result() == bulletin.body["result"]);
            // The council's preset is the bulletin's rule: the ballot's own outcome agrees.
            BOOST_TEST(bulletin.body["result"]["outcome"] == ballot["tally"]["outcome"]);
            ++recounted;
        }
    }
    BOOST_TEST(recounted == 4);
}

namespace {

// Puts the council's rules changed by `change`, then plays a yes/no ballot with 9 yes of the
// roll's 11 and returns the closed ballot's reply and its bulletin.
std::pair<Json, Json> ballot_under_rules(const std::function<void(Json&)>& change) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    auto rules = get_json(server, tokens[1], "/api/councils/1/rules").body;
    change(rules);
    auto put = server.client().Put("/api/councils/1/rules", bearer(tokens[1]), rules.dump(), kJson);
    BOOST_REQUIRE(put);
    BOOST_REQUIRE_MESSAGE(put->status == 200, put->body);
    Id ballot = open_ballot_with(server, shift, tokens, Json::object());
    std::string path = path_of("/api/ballots/", ballot);
    for (int m = 1; m <= 9; ++m)
        BOOST_REQUIRE_EQUAL(
            post_json(server, tokens[m], path + "/votes", {{"choice", "yes"}}).status, 201);
    auto closed = post_json(server, tokens[1], path + "/close");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    return {closed.body, get_json(server, tokens[2], path + "/bulletin").body};
}

}  // namespace

BOOST_AUTO_TEST_CASE(rules_adjusted_away_from_every_preset_are_published_as_the_councils_own_rule) {
    // A quorum of at least 3/5 and a pass of at least 9/10: no legal preset has them.
    auto [closed, b] = ballot_under_rules([](Json& rules) {
        rules["quorum"]["num"] = 3;
        rules["quorum"]["den"] = 5;
        rules["quorum"]["bound"] = "at_least";
        rules["pass"]["num"] = 9;
        rules["pass"]["den"] = 10;
        rules["pass"]["bound"] = "at_least";
    });
    BOOST_TEST(b["rule"]["quorum"]["num"] == 3);
    BOOST_TEST(b["rule"]["quorum"]["base"] == "heads");
    BOOST_TEST(b["rule"]["pass"]["den"] == 10);
    BOOST_TEST(!b.contains("recountable"));
    // 9 yes of 11 present is short of 9/10: failed, as the council's own tally says.
    BOOST_TEST(b["result"]["outcome"] == "failed");
    BOOST_TEST(b["result"]["outcome"] == closed["tally"]["outcome"]);
    Recount r = recount(b);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == b["result"]);
}

BOOST_AUTO_TEST_CASE(a_household_quorum_over_votes_by_head_is_published_as_not_recountable) {
    // A quorum counted by households cannot be read off a roll of heads: the bulletin carries
    // the council's result and rules, and yishi-tally refuses rather than recount it otherwise.
    auto [closed, b] = ballot_under_rules([](Json& rules) {
        rules["quorum"]["base"] = "households";
    });
    BOOST_TEST(b["rule"].is_null());
    BOOST_TEST(b["recountable"] == false);
    BOOST_TEST(b["council_rules"]["quorum"]["base"] == "households");
    BOOST_TEST(b["result"]["outcome"] == closed["tally"]["outcome"]);
    BOOST_TEST(b["result"]["outcome"] == "passed");
    BOOST_TEST(recount(b).status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
