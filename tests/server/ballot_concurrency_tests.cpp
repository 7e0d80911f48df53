// Races on a ballot: one member's simultaneous votes count exactly once.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(ballot_concurrency)

BOOST_AUTO_TEST_CASE(two_hundred_simultaneous_votes_by_one_member_count_once) {
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    TestServer server(seeded_db(), options);
    auto tokens = member_tokens(server);
    Id session = open_session_with(server, shift, tokens, {kIssueChargers});
    sign_in(server, session, tokens, 1, 11);
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", kIssueChargers}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    std::string votes = path_of("/api/ballots/", opened.body["id"].get<Id>(), "/votes");

    std::atomic<int> accepted{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    const std::string token = tokens[5];
    for (int i = 0; i < 200; ++i) {
        threads.emplace_back([&, i] {
            auto cli = server.client();
            // Choices differ, so a second counted vote could not hide as the same row.
            std::string body = Json{{"choice", i % 2 ? "yes" : "no"}}.dump();
            while (!go) std::this_thread::yield();
            auto r = cli.Post(votes, bearer(token), body, kJson);
            if (r && r->status == 201) ++accepted;
            else if (r && r->status == 409 && decode_error(r->body, 409).code == "already_voted")
                ++refused;
            else ++other;
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(refused == 199);
    BOOST_TEST(other == 0);
    auto ballot = server.store().ballot(opened.body["id"].get<Id>());
    BOOST_REQUIRE(ballot);
    BOOST_TEST(ballot->ballot.votes.size() == 1u);
    BOOST_TEST(ballot->ballot.votes[0].member_id == demo_member(5));
}

BOOST_AUTO_TEST_SUITE_END()
