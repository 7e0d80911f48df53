// The bulletin: exact decimals, every refusal naming its problem, and the result JSON's fields.
#include <boost/test/unit_test.hpp>

#include <string>

#include "yishi/bulletin.hpp"
#include "yishi/decimal.hpp"

using namespace yishi;
using Json = nlohmann::json;

namespace {
Json yes_no(const std::string& rule, Json electorate, Json ballots) {
    return {{"method", "yes_no"}, {"rule", rule}, {"electorate", electorate}, {"ballots", ballots}};
}

// The refusal's code, or "" when the bulletin is accepted.
std::string refusal(const Json& j) {
    auto b = parse_bulletin(j);
    return b.ok() ? std::string() : b.error().code;
}

std::string message(const Json& j) {
    auto b = parse_bulletin(j);
    return b.ok() ? std::string() : b.error().message;
}

Json tally(const Json& j) {
    auto b = parse_bulletin(j);
    BOOST_REQUIRE_MESSAGE(b.ok(), (b.ok() ? std::string() : b.error().message));
    return tally_bulletin(b.value());
}

const Json kSingle = {{"method", "single"}, {"options", {"东门", "西门"}},
                      {"ballots", {{{"choice", "东门"}, {"count", 3}}, {{"choice", "西门"}}}}};
}  // namespace

BOOST_AUTO_TEST_SUITE(decimals)

BOOST_AUTO_TEST_CASE(decimals_parse_exactly_to_hundredths) {
    BOOST_TEST(parse_hundredths("88.20", "area").value() == 8820);
    BOOST_TEST(parse_hundredths("88.2", "area").value() == 8820);
    BOOST_TEST(parse_hundredths("88", "area").value() == 8800);
    BOOST_TEST(parse_hundredths("0.01", "area").value() == 1);
    BOOST_TEST(parse_hundredths("999999999999999.99", "area").value() == 99'999'999'999'999'999);
    BOOST_TEST(format_hundredths(8820) == "88.20");
    BOOST_TEST(format_hundredths(5) == "0.05");
    BOOST_TEST(format_hundredths(-5) == "-0.05");
}

BOOST_AUTO_TEST_CASE(bad_decimals_are_refused_never_rounded) {
    for (const char* bad : {"", "1.005", "-1", "+1", "1e3", " 1", "1 ", "1.", ".5", "1,5", "1.2.3",
                            "0x10", "1000000000000000", "NaN"}) {
        auto r = parse_hundredths(bad, "area");
        BOOST_TEST(!r.ok(), "accepted " << bad);
        if (!r.ok()) BOOST_TEST(r.error().code == "bad_decimal");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bulletin)

BOOST_AUTO_TEST_CASE(yes_no_result_has_the_documented_fields) {
    auto r = tally(yes_no("residents_meeting", {{"members", 10}},
                          {{{"choice", "yes"}, {"count", 4}}, {{"choice", "no"}}, {{"choice", "abstain"}}}));
    BOOST_TEST(r == Json({{"outcome", "passed"}, {"yes", 4}, {"no", 1}, {"abstain", 1},
                          {"present", 6}, {"quorum_met", true}}));
}

BOOST_AUTO_TEST_CASE(owners_result_adds_areas_as_two_decimal_strings) {
    auto r = tally(yes_no("owners_major", {{"owners", 3}, {"area", "300"}},
                          {{{"choice", "yes"}, {"count", 2}, {"area", "100.5"}},
                           {{"choice", "no"}, {"area", "99.00"}}}));
    BOOST_TEST(r["yes_area"] == "201.00");
    BOOST_TEST(r["participating_area"] == "300.00");
    BOOST_TEST(r["participating_owners"] == 3);
    BOOST_TEST(r["present"] == 3);
    BOOST_TEST(r["yes"] == 2);
    BOOST_TEST(r["quorum_met"] == true);
    BOOST_TEST(r["outcome"] == "failed");  // 2 of 3 owners is less than 3/4
}

BOOST_AUTO_TEST_CASE(present_counts_attendees_who_cast_no_ballot) {
    Json j = yes_no("council_default", {{"members", 10}}, {{{"choice", "yes"}, {"count", 3}}});
    j["present"] = 7;
    auto r = tally(j);
    BOOST_TEST(r["present"] == 7);
    BOOST_TEST(r["outcome"] == "failed");  // 3 of 7
}

BOOST_AUTO_TEST_CASE(defer_margin_is_read_from_the_bulletin) {
    Json j = yes_no("council_default", {{"members", 10}},
                    {{{"choice", "yes"}, {"count", 5}}, {{"choice", "no"}, {"count", 4}}});
    j["defer_margin"] = {{"num", 1}, {"den", 5}};
    BOOST_TEST(tally(j)["outcome"] == "deferred");  // |5 − 4| × 5 = 5 ≤ 1 × 9
}

BOOST_AUTO_TEST_CASE(single_and_approval_results_name_counts_and_winners) {
    auto r = tally(kSingle);
    BOOST_TEST(r == Json({{"counts", {{"东门", 3}, {"西门", 1}}}, {"winners", {"东门"}}}));
    Json a = {{"method", "approval"}, {"options", {"A", "B", "C"}}, {"max_choices", 2},
              {"ballots", {{{"approve", {"A", "B"}}}, {{"approve", {"B"}}}, {{"approve", Json::array()}}}}};
    BOOST_TEST(tally(a) == Json({{"counts", {{"A", 1}, {"B", 2}, {"C", 0}}}, {"winners", {"B"}}}));
}

BOOST_AUTO_TEST_CASE(budget_result_names_funded_unfunded_and_spent) {
    Json j = {{"method", "budget"}, {"options", {"路灯", "充电桩", "座椅"}}, {"budget", "100000"},
              {"costs", {{"路灯", "60000.50"}, {"充电桩", "50000"}, {"座椅", "8000"}}},
              {"ballots", {{{"approve", {"路灯", "充电桩"}}, {"count", 5}}, {{"approve", {"座椅"}}}}}};
    BOOST_TEST(tally(j) == Json({{"funded", {"路灯", "座椅"}}, {"unfunded", {"充电桩"}},
                                 {"spent", "68000.50"}}));
}

BOOST_AUTO_TEST_CASE(malformed_bulletins_are_refused_with_the_problem_named) {
    Json unknown_option = kSingle;
    unknown_option["ballots"][1]["choice"] = "南门";
    BOOST_TEST(refusal(unknown_option) == "unknown_option");
    BOOST_TEST(message(unknown_option).find("ballots[1].choice") != std::string::npos);
    BOOST_TEST(message(unknown_option).find("南门") != std::string::npos);

    BOOST_TEST(refusal(yes_no("owners_special", {{"members", 3}}, Json::array())) == "unknown_preset");

    Json bad_area = yes_no("owners_ordinary", {{"owners", 3}, {"area", "300"}},
                           {{{"choice", "yes"}, {"area", "88.205"}}});
    BOOST_TEST(refusal(bad_area) == "bad_decimal");
    BOOST_TEST(message(bad_area).find("ballots[0].area") != std::string::npos);
    bad_area["ballots"][0]["area"] = 88.2;  // a JSON number would be a float: refused
    BOOST_TEST(refusal(bad_area) == "bad_decimal");

    Json negative = kSingle;
    negative["ballots"][0]["count"] = -1;
    BOOST_TEST(refusal(negative) == "negative_count");

    Json few_present = yes_no("council_default", {{"members", 10}}, {{{"choice", "yes"}, {"count", 5}}});
    few_present["present"] = 4;
    BOOST_TEST(refusal(few_present) == "present_too_small");

    Json too_many = {{"method", "approval"}, {"options", {"A", "B"}}, {"max_choices", 1},
                     {"ballots", {{{"approve", {"A", "B"}}}}}};
    BOOST_TEST(refusal(too_many) == "too_many_choices");

    Json twice = {{"method", "schulze"}, {"options", {"A", "B"}},
                  {"ballots", {{{"ranking", {{"A"}, {"A"}}}}}}};
    BOOST_TEST(refusal(twice) == "duplicate_option");

    Json receipts = kSingle;
    receipts["ballots"][0]["receipt"] = "K7Q2";
    receipts["ballots"][1]["receipt"] = "K7Q2";
    BOOST_TEST(refusal(receipts) == "duplicate_receipt");

    BOOST_TEST(refusal(yes_no("residents_meeting", {{"members", 2}}, {{{"choice", "yes"}, {"count", 3}}})) ==
               "exceeds_electorate");
    BOOST_TEST(refusal(yes_no("owners_ordinary", {{"owners", 3}}, Json::array())) == "bad_bulletin");
    BOOST_TEST(refusal({{"method", "borda"}}) == "unknown_method");
    BOOST_TEST(refusal(Json::array()) == "bad_bulletin");
    BOOST_TEST(!parse_bulletin_text("{\"method\": ").ok());
}

BOOST_AUTO_TEST_CASE(a_councils_own_rule_by_heads_is_recounted_exactly_at_its_bounds) {
    // Quorum at least 3/5 of 10; pass at least 2/3 of those present.
    Json rule = {{"quorum", {{"num", 3}, {"den", 5}, {"bound", "at_least"}, {"base", "heads"}}},
                 {"pass", {{"num", 2}, {"den", 3}, {"bound", "at_least"}, {"by_area", false}}}};
    auto bulletin = [&](int yes, int no, int present) {
        Json j = yes_no("", {{"members", 10}}, {{{"choice", "yes"}, {"count", yes}},
                                                {{"choice", "no"}, {"count", no}}});
        j["rule"] = rule;
        j["present"] = present;
        return j;
    };
    BOOST_TEST(tally(bulletin(4, 2, 6))["outcome"] == "passed");     // 6 = 3/5 of 10; 4 = 2/3 of 6
    BOOST_TEST(tally(bulletin(3, 2, 6))["outcome"] == "failed");     // 3 < 2/3 of 6
    BOOST_TEST(tally(bulletin(4, 1, 5))["outcome"] == "no_quorum");  // 5 < 3/5 of 10
    BOOST_TEST(custom_rule_json({{{{3, 5}, Bound::at_least}, QuorumBase::heads},
                                 {{{2, 3}, Bound::at_least}, false}}) == rule);
    // Floor area and households stay with the presets; shares stay within (0, 1].
    Json by_area = bulletin(4, 2, 6);
    by_area["rule"]["pass"]["by_area"] = true;
    BOOST_TEST(refusal(by_area) == "bad_bulletin");
    Json households = bulletin(4, 2, 6);
    households["rule"]["quorum"]["base"] = "households";
    BOOST_TEST(refusal(households) == "bad_bulletin");
    Json over = bulletin(4, 2, 6);
    over["rule"]["pass"]["num"] = 4;
    BOOST_TEST(refusal(over) == "bad_bulletin");
    Json bound = bulletin(4, 2, 6);
    bound["rule"]["quorum"]["bound"] = "about";
    BOOST_TEST(message(bound).find("自定义规则") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(receipts_are_kept_in_bulletin_order) {
    Json j = kSingle;
    j["ballots"][0]["receipt"] = "B2";
    j["ballots"][1]["receipt"] = "A1";
    auto b = parse_bulletin(j);
    BOOST_REQUIRE(b.ok());
    BOOST_TEST((b.value().receipts == std::vector<std::string>{"B2", "A1"}));
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_so_the_server_may_publish_more) {
    Json j = kSingle;
    j["title"] = "新增充电桩选址";
    j["closed_at"] = 1780000000;
    BOOST_TEST(refusal(j).empty());
}

BOOST_AUTO_TEST_SUITE_END()
