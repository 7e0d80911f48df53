// Races: co-signs arriving at once are counted exactly once per member.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(fifty_simultaneous_cosigns_by_one_member_count_once) {
    TestServer server(seeded_db());
    auto token = server.token_for(demo_member(5));  // demo05, who has not co-signed the noise issue
    std::atomic<int> accepted{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
        threads.emplace_back([&] {
            auto cli = server.client();
            while (!go) std::this_thread::yield();
            auto r = cli.Post("/api/issues/6/cosign", bearer(token), "", kJson);
            if (r && r->status == 200) ++accepted;
            else if (r && r->status == 409) ++refused;
            else ++other;
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(refused == 49);
    BOOST_TEST(other == 0);
    auto issue = server.store().issue(kIssueNoise, demo_member(5));
    BOOST_REQUIRE(issue);
    BOOST_TEST(issue->cosigns == 1);
    BOOST_TEST(issue->cosigned_by_me);
}

BOOST_AUTO_TEST_CASE(simultaneous_cosigns_by_many_members_all_count_and_list_the_issue_once) {
    TestServer server(seeded_db());
    // Everyone but the author (demo15) co-signs the noise issue at once.
    std::vector<std::string> tokens;
    for (int n = 1; n <= 14; ++n) tokens.push_back(server.token_for(demo_member(n)));
    std::atomic<int> accepted{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (const auto& token : tokens) {
        threads.emplace_back([&, token] {
            auto cli = server.client();
            while (!go) std::this_thread::yield();
            auto r = cli.Post("/api/issues/6/cosign", bearer(token), "", kJson);
            if (r && r->status == 200) ++accepted;
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    // Once listed at the 5th co-sign, the issue stops collecting: later ones are refused.
    BOOST_TEST(accepted == 5);
    auto issue = server.store().issue(kIssueNoise, 1);
    BOOST_REQUIRE(issue);
    BOOST_TEST(issue->cosigns == 5);
    BOOST_TEST(issue->stage == IssueStage::listed);
}

BOOST_AUTO_TEST_SUITE_END()
