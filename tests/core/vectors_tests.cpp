// Published test vectors, run through the bulletin exactly as `./yishi tally` would:
// Schulze's own examples and the Tennessee capital election under IRV and Schulze.
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "yishi/bulletin.hpp"

using namespace yishi;
using Json = nlohmann::json;

namespace {
// "ACBED" ranks option A first, C second, ...; one letter per option, strict order.
Json ranked(const std::string& method, const std::vector<std::string>& options,
            const std::vector<std::pair<int, std::vector<std::string>>>& groups) {
    Json ballots = Json::array();
    for (const auto& [count, order] : groups) {
        Json ranking = Json::array();
        for (const auto& o : order) ranking.push_back(Json::array({o}));
        ballots.push_back({{"count", count}, {"ranking", ranking}});
    }
    return {{"method", method}, {"options", options}, {"ballots", ballots}};
}

std::vector<std::string> letters(const std::string& s) {
    std::vector<std::string> out;
    for (char c : s) out.emplace_back(1, c);
    return out;
}

Json result(const Json& bulletin) {
    auto b = parse_bulletin(bulletin);
    BOOST_REQUIRE_MESSAGE(b.ok(), (b.ok() ? std::string() : b.error().message));
    return tally_bulletin(b.value());
}

Json order_of(const std::vector<std::vector<std::string>>& groups) { return groups; }

const std::vector<std::string> kTennessee = {"Memphis", "Nashville", "Chattanooga", "Knoxville"};
// 42% Memphis, 26% Nashville, 15% Chattanooga, 17% Knoxville, each ranking by distance.
const std::vector<std::pair<int, std::vector<std::string>>> kTennesseeBallots = {
    {42, {"Memphis", "Nashville", "Chattanooga", "Knoxville"}},
    {26, {"Nashville", "Chattanooga", "Knoxville", "Memphis"}},
    {15, {"Chattanooga", "Knoxville", "Nashville", "Memphis"}},
    {17, {"Knoxville", "Chattanooga", "Nashville", "Memphis"}},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(published_vectors)

// Schulze (2011) and Wikipedia's "Schulze method" example: 45 voters, 5 candidates.
BOOST_AUTO_TEST_CASE(schulze_45_voter_example_elects_e_with_order_e_a_c_b_d) {
    auto r = result(ranked("schulze", letters("ABCDE"),
                           {{5, letters("ACBED")}, {5, letters("ADECB")}, {8, letters("BEDAC")},
                            {3, letters("CABED")}, {7, letters("CAEBD")}, {2, letters("CBADE")},
                            {7, letters("DCEBA")}, {8, letters("EBADC")}}));
    BOOST_TEST(r["winners"] == Json::array({"E"}));
    BOOST_TEST(r["order"] == order_of({{"E"}, {"A"}, {"C"}, {"B"}, {"D"}}));
}

// Schulze's 21-voter example: a cycle resolved by path strengths; winner D.
BOOST_AUTO_TEST_CASE(schulze_21_voter_example_elects_d_with_order_d_a_c_b) {
    auto r = result(ranked("schulze", letters("ABCD"),
                           {{8, letters("ACDB")}, {2, letters("BADC")}, {4, letters("CDBA")},
                            {4, letters("DBAC")}, {3, letters("DCBA")}}));
    BOOST_TEST(r["winners"] == Json::array({"D"}));
    BOOST_TEST(r["order"] == order_of({{"D"}, {"A"}, {"C"}, {"B"}}));
}

// Schulze's 9-voter example with a tie: B and D are both potential winners.
BOOST_AUTO_TEST_CASE(schulze_9_voter_example_ties_b_and_d) {
    auto r = result(ranked("schulze", letters("ABCD"),
                           {{3, letters("ABCD")}, {2, letters("DABC")}, {2, letters("DBCA")},
                            {2, letters("CBDA")}}));
    BOOST_TEST(r["winners"] == Json::array({"B", "D"}));
    BOOST_TEST(r["order"] == order_of({{"B", "D"}, {"A", "C"}}));
}

BOOST_AUTO_TEST_CASE(tennessee_capital_under_irv_is_knoxville) {
    auto r = result(ranked("irv", kTennessee, kTennesseeBallots));
    BOOST_TEST(r["winners"] == Json::array({"Knoxville"}));
    const Json& rounds = r["rounds"];
    BOOST_REQUIRE(rounds.size() == 3u);
    BOOST_TEST(rounds[0]["eliminated"] == "Chattanooga");
    BOOST_TEST(rounds[1]["eliminated"] == "Nashville");
    BOOST_TEST(rounds[1]["counts"] == Json({{"Memphis", 42}, {"Nashville", 26}, {"Knoxville", 32}}));
    BOOST_TEST(rounds[2]["counts"] == Json({{"Memphis", 42}, {"Knoxville", 58}}));
    BOOST_TEST(rounds[2]["eliminated"].is_null());
}

BOOST_AUTO_TEST_CASE(tennessee_capital_under_schulze_is_nashville_the_condorcet_winner) {
    auto r = result(ranked("schulze", kTennessee, kTennesseeBallots));
    BOOST_TEST(r["winners"] == Json::array({"Nashville"}));
    BOOST_TEST(r["order"] == order_of({{"Nashville"}, {"Chattanooga"}, {"Knoxville"}, {"Memphis"}}));
}

BOOST_AUTO_TEST_SUITE_END()
