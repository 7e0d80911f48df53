// Ballot methods and voting units on the server: single choice, approval, Schulze,
// instant-runoff and participatory budget, checked by the core when opened and when voted;
// one vote per household; owners weighted by floor area. Every closed ballot recounts with the
// real yishi-tally to the server's published result.

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>

#include "ballot_method_steps.hpp"
#include "yishi/messages_decide.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
JsonReply vote(TestServer& server, const std::string& token, Id ballot, const Json& body) {
    return post_json(server, token, path_of("/api/ballots/", ballot, "/votes"), body);
}

// Closes as the convenor, checks the published bulletin recounts to the same result, returns
// the close reply.
Json close_and_recount(TestServer& server, const std::vector<std::string>& tokens, Id ballot) {
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_REQUIRE_MESSAGE(closed.status == 200, closed.body.dump());
    auto bulletin = get_json(server, tokens[2], path_of("/api/ballots/", ballot, "/bulletin"));
    BOOST_REQUIRE_EQUAL(bulletin.status, 200);
    BOOST_TEST(bulletin.body["result"] == closed.body["result"]);
    Recount r = recount(bulletin.body);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == bulletin.body["result"]);
    return closed.body;
}

const Json kABC = Json::array({"东门", "西门", "南门"});
}  // namespace

BOOST_AUTO_TEST_SUITE(ballot_methods)

BOOST_AUTO_TEST_CASE(a_single_choice_ballot_counts_each_option_and_refuses_unknown_ones_by_name) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, {{"method", "single"}, {"options", kABC}});
    auto open = get_json(server, tokens[4], path_of("/api/ballots/", ballot)).body;
    BOOST_TEST(open["method"] == "single");
    BOOST_TEST(open["options"] == kABC);
    BOOST_TEST(open["secret"] == false);

    auto unknown = vote(server, tokens[2], ballot, {{"choice", "北门"}});
    BOOST_TEST(unknown.status == 400);
    BOOST_TEST(unknown.code() == "unknown_option");
    BOOST_TEST(unknown.body["error"]["field"] == "choice");
    BOOST_TEST(unknown.body["error"]["message"].get<std::string>().find("北门") !=
               std::string::npos);
    BOOST_TEST(vote(server, tokens[2], ballot, {{"approve", Json::array({"东门"})}}).code() ==
               "missing_field");

    const char* picks[] = {"东门", "东门", "西门", "东门", "南门", "东门", "西门"};
    for (int m = 1; m <= 7; ++m)
        BOOST_REQUIRE_EQUAL(vote(server, tokens[m], ballot, {{"choice", picks[m - 1]}}).status,
                            201);
    BOOST_TEST(vote(server, tokens[1], ballot, {{"choice", "西门"}}).code() == "already_voted");
    Json closed = close_and_recount(server, tokens, ballot);
    BOOST_TEST(closed["result"]["counts"]["东门"] == 4);
    BOOST_TEST(closed["result"]["winners"] == Json::array({"东门"}));
    BOOST_TEST(closed["tally"]["outcome"] == "passed");
    // The roll is open: each member's pick is published with the result.
    BOOST_REQUIRE_EQUAL(closed["cast"].size(), 7u);
    BOOST_TEST(closed["cast"][2]["member_id"] == demo_member(3));
    BOOST_TEST(closed["cast"][2]["choice"] == "西门");
    // `votes` stays in the yes/no form, so the core's decoder (the client's) still reads it.
    BOOST_TEST(closed["votes"].empty());
    BOOST_TEST(decode_ballot(closed.dump()).ok());
    Json session =
        get_json(server, tokens[4], path_of("/api/sessions/", closed["session_id"].get<Id>())).body;
    BOOST_TEST(decode_session(session.dump()).ok());
    BOOST_TEST(closed["notice"]["kind"] == "resolution");
}

BOOST_AUTO_TEST_CASE(approval_allows_up_to_max_choices) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens,
                                 {{"method", "approval"}, {"options", kABC}, {"max_choices", 2}});
    BOOST_TEST(vote(server, tokens[2], ballot, {{"approve", kABC}}).code() == "too_many_choices");
    BOOST_TEST(
        vote(server, tokens[2], ballot, {{"approve", Json::array({"东门", "东门"})}}).code() ==
        "duplicate_option");
    BOOST_REQUIRE_EQUAL(
        vote(server, tokens[1], ballot, {{"approve", Json::array({"东门", "西门"})}}).status, 201);
    BOOST_REQUIRE_EQUAL(
        vote(server, tokens[2], ballot, {{"approve", Json::array({"西门"})}}).status, 201);
    BOOST_REQUIRE_EQUAL(vote(server, tokens[3], ballot, {{"approve", Json::array()}}).status, 201);
    Json closed = close_and_recount(server, tokens, ballot);
    BOOST_TEST(closed["result"]["counts"]["西门"] == 2);
    BOOST_TEST(closed["result"]["winners"] == Json::array({"西门"}));
}

BOOST_AUTO_TEST_CASE(schulze_and_instant_runoff_rank_options_and_name_an_unknown_one) {
    for (const char* method : {"schulze", "irv"}) {
        ClockShift shift;
        TestServer server(seeded_db(), shifted_options(shift));
        auto tokens = member_tokens(server);
        Id ballot =
            open_ballot_with(server, shift, tokens, {{"method", method}, {"options", kABC}});
        Json unknown = Json::array({Json::array({"东门"}), Json::array({"北门"})});
        auto bad = vote(server, tokens[1], ballot, {{"ranking", unknown}});
        BOOST_TEST(bad.code() == "unknown_option");
        BOOST_TEST(bad.body["error"]["field"] == "ranking[1][0]");
        Json a = Json::array({Json::array({"东门"}), Json::array({"西门"}), Json::array({"南门"})});
        Json b =
            Json::array({Json::array({"西门"}), Json::array({"东门", "南门"})});  // equal ranks
        Json c = Json::array({Json::array({"南门"})});                            // truncated
        std::vector<Json> rankings = {a, a, a, b, b, c, c};
        for (int m = 1; m <= 7; ++m)
            BOOST_REQUIRE_EQUAL(
                vote(server, tokens[m], ballot, {{"ranking", rankings[m - 1]}}).status, 201);
        Json closed = close_and_recount(server, tokens, ballot);
        BOOST_TEST(closed["result"]["winners"] == Json::array({"东门"}));
        if (std::string(method) == "irv")
            BOOST_TEST(closed["result"].contains("rounds"));
        else
            BOOST_TEST(closed["result"].contains("order"));
    }
}

BOOST_AUTO_TEST_CASE(a_participatory_budget_funds_projects_by_approvals_within_the_budget) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Json projects = Json::array({"充电桩", "楼道灯", "助餐点"});
    Json costs = {{"充电桩", "60000.00"}, {"楼道灯", "8000.50"}, {"助餐点", "50000"}};
    Id ballot = open_ballot_with(
        server, shift, tokens,
        {{"method", "budget"}, {"options", projects}, {"budget", "100000"}, {"costs", costs}});
    Json picks[] = {Json::array({"充电桩", "助餐点"}), Json::array({"充电桩"}),
                    Json::array({"助餐点", "楼道灯"}), Json::array({"充电桩", "楼道灯"}),
                    Json::array({"助餐点"})};
    for (int m = 1; m <= 5; ++m)
        BOOST_REQUIRE_EQUAL(vote(server, tokens[m], ballot, {{"approve", picks[m - 1]}}).status,
                            201);
    Json closed = close_and_recount(server, tokens, ballot);
    // 充电桩 3 and 助餐点 3 approvals: 充电桩 (listed first) funded; 助餐点 no longer fits;
    // 楼道灯 (2) does.
    BOOST_TEST(closed["result"]["funded"] == Json::array({"充电桩", "楼道灯"}));
    BOOST_TEST(closed["result"]["spent"] == "68000.50");
    BOOST_TEST(closed["budget"] == "100000.00");
}

BOOST_AUTO_TEST_CASE(bad_specs_are_refused_naming_the_field_and_change_nothing) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id session = open_session_with(server, shift, tokens, {1});
    sign_in(server, session, tokens, 1, 11);
    std::string path = path_of("/api/sessions/", session, "/ballots");
    auto before = full_snapshot(server.db());
    auto check = [&](Json body, const std::string& code, const std::string& field) {
        body["issue_id"] = 1;
        auto r = post_json(server, tokens[1], path, body);
        BOOST_TEST(r.status == 400);
        BOOST_TEST(r.code() == code);
        BOOST_TEST(r.body["error"]["field"] == field);
        BOOST_TEST(!r.body["error"]["message"].get<std::string>().empty());
    };
    check({{"method", "borda"}}, "unknown_method", "method");
    check({{"method", "single"}}, "missing_field", "options");
    check({{"method", "single"}, {"options", {"A", "A"}}}, "duplicate_option", "options[1]");
    check({{"method", "budget"},
           {"options", Json::array({"A"})},
           {"budget", "1.005"},
           {"costs", {{"A", "1"}}}},
          "bad_decimal", "budget");
    check({{"options", Json::array({"A"})}}, "bad_ballot", "options");
    check({{"unit", "building"}}, "bad_ballot", "unit");
    check({{"method", "single"}, {"options", Json::array({"A"})}, {"unit", "owners"}}, "bad_ballot",
          "unit");
    check({{"tellers", Json::array({2})}}, "bad_ballot", "tellers");
    check({{"tellers", Json::array({2, 999})}}, "bad_ballot", "tellers");
    check({{"secret", "yes"}}, "wrong_type", "secret");
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(a_household_votes_once_and_a_second_member_is_told_the_household_has_voted) {
    auto db = seeded_db();
    // Demo02 and demo03 live in one flat (户).
    execute(db, "UPDATE members SET household_id = (SELECT household_id FROM members WHERE id = " +
                    std::to_string(demo_member(2)) + ") WHERE id = " + std::to_string(demo_member(3)));
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, {{"unit", "household"}});
    BOOST_REQUIRE_EQUAL(vote(server, tokens[2], ballot, {{"choice", "yes"}}).status, 201);
    auto before = full_snapshot(server.db());
    auto second = vote(server, tokens[3], ballot, {{"choice", "no"}});
    BOOST_TEST(second.status == 409);
    BOOST_TEST(second.code() == "household_voted");
    BOOST_TEST(second.body["error"]["message"].get<std::string>().find("户") != std::string::npos);
    BOOST_TEST(full_snapshot(server.db()) == before);
    BOOST_TEST(vote(server, tokens[2], ballot, {{"choice", "no"}}).code() == "already_voted");
    for (int m = 4; m <= 9; ++m)
        BOOST_REQUIRE_EQUAL(vote(server, tokens[m], ballot, {{"choice", "yes"}}).status, 201);
    Json closed = close_and_recount(server, tokens, ballot);
    BOOST_TEST(closed["unit"] == "household");
    BOOST_TEST(closed["votes"].size() == 7u);  // an open roll: who voted what
    BOOST_TEST(decode_ballot(closed.dump()).ok());
    // 14 households; the 11 present members are 10 households; 7 yes of 10.
    BOOST_TEST(closed["result"]["present"] == 10);
    BOOST_TEST(closed["result"]["yes"] == 7);
    BOOST_TEST(closed["result"]["outcome"] == "passed");
    auto bulletin = get_json(server, tokens[2], path_of("/api/ballots/", ballot, "/bulletin")).body;
    BOOST_TEST(bulletin["electorate"]["members"] == 14);
}

BOOST_AUTO_TEST_CASE(simultaneous_votes_of_one_household_count_once_in_a_secret_ballot) {
    auto db = seeded_db();
    execute(db, "UPDATE members SET household_id = (SELECT household_id FROM members WHERE id = " +
                    std::to_string(demo_member(2)) + ") WHERE id = " + std::to_string(demo_member(3)));
    ClockShift shift;
    TestServer server(db, shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, {{"unit", "household"}, {"secret", true}});
    std::string votes = path_of("/api/ballots/", ballot, "/votes");
    std::atomic<int> accepted{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 100; ++i) {
        threads.emplace_back([&, i] {
            auto cli = server.client();
            std::string body = Json{{"choice", i % 2 ? "yes" : "no"}}.dump();
            const std::string& token = tokens[i % 2 ? 2 : 3];
            while (!go) std::this_thread::yield();
            auto r = cli.Post(votes, bearer(token), body, kJson);
            if (r && r->status == 201)
                ++accepted;
            else if (r && r->status == 409)
                ++refused;
            else
                ++other;
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(refused == 99);
    BOOST_TEST(other == 0);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM ballot_voters") == 1);
    // Sealed while the ballot is open.
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM sealed_contents") == 1);
}

BOOST_AUTO_TEST_CASE(owners_vote_by_floor_area_with_a_double_majority) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    Id ballot = open_ballot_with(server, shift, tokens, {{"unit", "owners"}}, 15);
    // 11 of 15 owners vote (≥ 2/3); members 1..8 yes, 9..11 no.
    for (int m = 1; m <= 11; ++m)
        BOOST_REQUIRE_EQUAL(
            vote(server, tokens[m], ballot, {{"choice", m <= 8 ? "yes" : "no"}}).status, 201);
    Json closed = close_and_recount(server, tokens, ballot);
    const Json& r = closed["result"];
    BOOST_TEST(r["participating_owners"] == 11);
    // Areas of the demo register: 1..8 = 88.20+75.60+92.35+64.50+105.80+88.20+70.10+91.50.
    BOOST_TEST(r["yes_area"] == "676.25");
    BOOST_TEST(r["participating_area"] == "940.55");
    BOOST_TEST(r["outcome"] == "passed");
    auto bulletin = get_json(server, tokens[2], path_of("/api/ballots/", ballot, "/bulletin")).body;
    BOOST_TEST(bulletin["rule"] == "owners_ordinary");
    BOOST_TEST(bulletin["ballots"][0]["area"] == "88.20");
}

BOOST_AUTO_TEST_SUITE_END()
