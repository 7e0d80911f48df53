// Tellers (计票员): two members named when the ballot opens each enter the paper ballots'
// counts; the counts join the online ones only when both entries agree; on a mismatch both see
// the differing lines and the ballot cannot close; every entry is in the audit log.
#include <boost/test/unit_test.hpp>

#include "ballot_method_steps.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(tellers)

BOOST_AUTO_TEST_CASE(paper_counts_join_the_online_ones_only_when_both_tellers_agree) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    const Json tellers = Json::array({demo_member(4), demo_member(5)});
    Id ballot = open_ballot_with(server, shift, tokens, {{"tellers", tellers}});
    std::string path = path_of("/api/ballots/", ballot);
    std::string paper = path + "/paper-counts";
    BOOST_TEST(get_json(server, tokens[2], path).body["tellers"] == tellers);

    // Online: 5 yes, 1 no.
    for (int m = 1; m <= 6; ++m)
        BOOST_REQUIRE_EQUAL(
            post_json(server, tokens[m], path + "/votes", {{"choice", m <= 5 ? "yes" : "no"}})
                .status,
            201);

    // Only the named tellers enter counts; the counts are checked against the options.
    auto before = full_snapshot(server.db());
    auto outsider = post_json(server, tokens[6], paper, {{"counts", {{"yes", 3}}}});
    BOOST_TEST(outsider.status == 403);
    BOOST_TEST(outsider.code() == "not_teller");
    auto unknown = post_json(server, tokens[4], paper, {{"counts", {{"maybe", 1}}}});
    BOOST_TEST(unknown.code() == "unknown_option");
    BOOST_TEST(unknown.body["error"]["message"].get<std::string>().find("maybe") !=
               std::string::npos);
    BOOST_TEST(post_json(server, tokens[4], paper, {{"counts", {{"yes", -1}}}}).code() ==
               "negative_count");
    BOOST_TEST(full_snapshot(server.db()) == before);

    // The two entries differ on "yes": both see it, and the ballot cannot close.
    auto first = post_json(server, tokens[4], paper, {{"counts", {{"yes", 3}, {"no", 1}}}});
    BOOST_REQUIRE_EQUAL(first.status, 200);
    BOOST_TEST(first.body["agreed"] == false);
    auto second = post_json(server, tokens[5], paper, {{"counts", {{"yes", 2}, {"no", 1}}}});
    BOOST_REQUIRE_EQUAL(second.status, 200);
    BOOST_TEST(second.body["differing"] == Json::array({"yes"}));
    auto seen = get_json(server, tokens[4], paper).body;
    BOOST_TEST(seen["entries"].size() == 2u);
    BOOST_TEST(seen["differing"] == Json::array({"yes"}));
    BOOST_TEST(seen["agreed"] == false);
    auto refused = post_json(server, tokens[1], path + "/close");
    BOOST_TEST(refused.status == 409);
    BOOST_TEST(refused.code() == "paper_counts_disagree");

    // Recounted, the second teller corrects the entry: they agree, and the ballot closes with them.
    auto corrected = post_json(server, tokens[5], paper, {{"counts", {{"yes", 3}, {"no", 1}}}});
    BOOST_TEST(corrected.body["agreed"] == true);
    BOOST_TEST(corrected.body["differing"].empty());
    auto closed = post_json(server, tokens[1], path + "/close");
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["result"]["yes"] == 8);
    BOOST_TEST(closed.body["result"]["no"] == 2);
    BOOST_TEST(closed.body["result"]["present"] == 11);
    BOOST_TEST(closed.body["tally"]["yes"] == 8);
    BOOST_TEST(post_json(server, tokens[4], paper, {{"counts", {{"yes", 4}}}}).code() ==
               "ballot_closed");

    auto bulletin = get_json(server, tokens[2], path + "/bulletin").body;
    int paper_lines = 0;
    for (const auto& b : bulletin["ballots"])
        if (b.value("paper", false)) ++paper_lines;
    BOOST_TEST(paper_lines == 2);  // "yes" × 3 and "no" × 1 as counted lines
    Recount r = recount(bulletin);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == bulletin["result"]);

    // Each entry is a line of the audit log.
    int entries = 0;
    for (const auto& e : all_audit_entries(server.store()))
        if (e.action == "paper_counts_entered") ++entries;
    BOOST_TEST(entries == 3);
}

BOOST_AUTO_TEST_SUITE_END()
