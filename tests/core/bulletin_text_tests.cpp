// The bulletin read from its text as a stream (parse_bulletin_text): it refuses exactly what the
// JSON tree reader (parse_bulletin after nlohmann's parse) refuses, with the same code and
// message, and accepts the rest with the same result.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "yishi/bulletin.hpp"

using namespace yishi;
using Json = nlohmann::json;

namespace {
// The tree reader's verdict on the same text: the refusal's code and message, or the result.
struct Verdict {
    std::string code, message;
    Json result;
};

Verdict by_tree(const std::string& text) {
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::exception&) {
        return {"bad_bulletin_json", "", Json()};
    }
    auto b = parse_bulletin(j);
    if (!b) return {b.error().code, b.error().message, Json()};
    return {"", "", tally_bulletin(b.value())};
}

Verdict by_stream(const std::string& text) {
    auto b = parse_bulletin_text(text);
    if (!b) return {b.error().code, b.error().message, Json()};
    return {"", "", tally_bulletin(b.value())};
}

// Both readers agree on `text`; the stream's verdict.
Verdict agreed(const std::string& text) {
    Verdict tree = by_tree(text), stream = by_stream(text);
    BOOST_TEST(stream.code == tree.code, text);
    if (tree.code != "bad_bulletin_json") BOOST_TEST(stream.message == tree.message, text);
    BOOST_TEST(stream.result == tree.result, text);
    return stream;
}

const std::string kHeader = R"("electorate": {"members": 9}, "method": "yes_no", "rule": "residents_meeting")";
std::string yes_no_with(const std::string& ballots) {
    return "{\"ballots\": [" + ballots + "], " + kHeader + "}";
}
const std::string kRanked = R"("method": "schulze", "options": ["A", "B", "C"])";
std::string ranked_with(const std::string& ballots) {
    return "{" + kRanked + ", \"ballots\": [" + ballots + "]}";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(bulletin_streamed)

BOOST_AUTO_TEST_CASE(text_that_is_not_json_is_refused_as_nlohmann_refuses_it) {
    const std::vector<std::string> cases = {
        "",
        "{\"method\": ",
        yes_no_with(R"({"choice": "yes"},)"),                       // a trailing comma
        yes_no_with(R"({"choice": "yes"} {"choice": "no"})"),        // a missing comma
        yes_no_with(R"({'choice': 'yes'})"),                         // single quotes
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"A\nB\"}"),  // a raw line break in a string
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"A\tB\"}"),  // a raw tab
        yes_no_with(R"({"choice": "yes", "receipt": "\x41"})"),      // no \x escape in JSON
        yes_no_with(R"({"choice": "yes", "receipt": "\uD800"})"),    // a lone high surrogate
        yes_no_with(R"({"choice": "yes", "receipt": "\uDC00"})"),    // a lone low surrogate
        yes_no_with(R"({"choice": "yes", "receipt": "\uD800\u0041"})"),
        yes_no_with(R"({"choice": "yes", "receipt": "\u12G4"})"),
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\xC0\xAF\"}"),          // overlong '/'
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\xED\xA0\x80\"}"),      // a surrogate in UTF-8
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\xE4\xB8\"}"),          // cut short
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\xF4\x90\x80\x80\"}"),  // above U+10FFFF
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\x80\"}"),              // a stray continuation
        yes_no_with("{\"choice\": \"yes\", \"receipt\": \"\xFF\"}"),
        yes_no_with(R"({"choice": "yes", "count": 01})"),
        yes_no_with(R"({"choice": "yes", "count": 1.})"),
        yes_no_with(R"({"choice": "yes", "count": .5})"),
        yes_no_with(R"({"choice": "yes", "count": +1})"),
        yes_no_with(R"({"choice": "yes", "count": -})"),
        yes_no_with(R"({"choice": "yes", "count": 1e})"),
        yes_no_with(R"({"choice": "yes", "count": NaN})"),
        yes_no_with(R"({"choice": "yes", "note": 1e400})"),  // beyond a double, in an ignored key
        yes_no_with(R"({"choice": "yes", "note": -1e400})"),
        yes_no_with(R"({"choice": "yes", "note": tru})"),
        yes_no_with(R"({"choice": "yes", "note": True})"),
        yes_no_with(R"({"choice": "yes", "note": [1, 2}})"),   // brackets that do not match
        yes_no_with(R"({"choice": "yes", "note": {"a" 1}})"),
        yes_no_with(R"({"choice": "yes", "note": {1: 2}})"),
        yes_no_with(R"({"choice": "yes" /* a comment */})"),
        yes_no_with(R"({"choice": "yes"})") + " x",              // more after the object
        yes_no_with(R"({"choice": "yes"})") + "{}",
        "\xEF\xBB" + yes_no_with(R"({"choice": "yes"})"),        // half a byte order mark
        yes_no_with(std::string("{\"choice\": \"yes\"}\0", 18)),  // a NUL between values
        R"({"ballots": [1 2], "ballots": [], )" + kHeader + "}",  // a replaced value still counts
        R"({"ballots": [], "title": [1 2], )" + kHeader + "}",    // so does an ignored header key
        R"({"ballots": [], "title": "\uDBFF", )" + kHeader + "}",
        R"({"ballots": [], )" + kHeader + ", }",
        R"({"ballots": [], )" + kHeader + "} ]",
        R"({"ballots": [{]}, )" + kHeader + "}",
        R"({"ballots": ["]", )" + kHeader + "}",  // a bracket inside a string misleads no one
    };
    for (const auto& text : cases) {
        Verdict v = agreed(text);
        BOOST_TEST(v.code == "bad_bulletin_json", text);
    }
    // The refusal quotes nlohmann's reason, which names the line and column.
    BOOST_TEST(by_stream("{\n\"method\": tru}").message.find("line 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_check_of_the_tree_reader_refuses_the_streamed_text_alike) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {yes_no_with(R"({"choice": "maybe"})"), "unknown_option"},
        {yes_no_with(R"({"choice": 1})"), "bad_bulletin"},
        {yes_no_with(R"({"choice": null})"), "bad_bulletin"},
        {yes_no_with(R"({"count": 2})"), "bad_bulletin"},  // no choice
        {yes_no_with(R"({"choice": "yes", "count": -3})"), "negative_count"},
        {yes_no_with(R"({"choice": "yes", "count": -9223372036854775808})"), "negative_count"},
        {yes_no_with(R"({"choice": "yes", "count": 1.5})"), "bad_bulletin"},
        {yes_no_with(R"({"choice": "yes", "count": 1e2})"), "bad_bulletin"},
        {yes_no_with(R"({"choice": "yes", "count": "2"})"), "bad_bulletin"},
        {yes_no_with(R"({"choice": "yes", "count": 18446744073709551616})"), "bad_bulletin"},  // 2^64
        {yes_no_with(R"({"choice": "yes", "count": 18446744073709551615})"), "number_too_large"},
        {yes_no_with(R"({"choice": "yes", "count": 1000000000000000001})"), "number_too_large"},
        {yes_no_with(R"({"choice": "yes", "count": 1000000000000000000}, {"choice": "no"})"),
         "number_too_large"},  // the sum passes the bound
        {yes_no_with(R"({"choice": "yes", "receipt": 7})"), "bad_bulletin"},
        {yes_no_with(R"({"choice": "yes", "receipt": "K7"}, {"choice": "no", "receipt": "K7"})"),
         "duplicate_receipt"},
        {yes_no_with(R"({"choice": "yes", "receipt": "B"}, {"choice": "no", "receipt": "A"},)"
                     R"({"choice": "no", "receipt": "B"})"),
         "duplicate_receipt"},  // out of order, then repeating the first
        {yes_no_with(R"({"choice": "yes", "receipt": "\u004b7"}, {"choice": "no", "receipt": "K7"})"),
         "duplicate_receipt"},  // the same receipt, escaped once
        {yes_no_with(R"({"choice": "yes", "area": "88.20"})"), ""},
        {yes_no_with(R"({"choice": "yes", "area": 88.2})"), "bad_decimal"},
        {yes_no_with(R"({"choice": "yes", "area": "88.205"})"), "bad_decimal"},
        {yes_no_with(R"(7)"), "bad_bulletin"},  // an entry that is not an object
        {yes_no_with(R"({"choice": "yes"}, [])"), "bad_bulletin"},
        {yes_no_with(R"({"\u0063hoice": "maybe"})"), "unknown_option"},  // an escaped key
        {yes_no_with(R"({"choice": "yes"}, {"choice": "yes", "count": 10})"), "exceeds_electorate"},
        {R"({"ballots": [{"choice": "yes"}], "present": 0, )" + kHeader + "}", "present_too_small"},
        {R"({"ballots": {}, )" + kHeader + "}", "bad_bulletin"},
        {R"({"ballots": [], "rule": "owners_major", "method": "yes_no", "electorate": {}})",
         "bad_bulletin"},  // the owners' electorate lacks owners and area
        {R"({"ballots": [{"choice": "yes"}], "rule": "best", "method": "yes_no"})", "unknown_preset"},
        {R"({"ballots": [{"choice": "yes"}]})", "bad_bulletin"},  // no method
        {R"({"ballots": [], "method": "borda"})", "unknown_method"},
        {R"([])", "bad_bulletin"},
        {R"({"method": "yes_no"})", "bad_bulletin"},  // no ballots
        {ranked_with(R"({"ranking": [["A"], ["A"]]})"), "duplicate_option"},
        {ranked_with(R"({"ranking": [["A", "B"], ["C", "B"]]})"), "duplicate_option"},
        {ranked_with(R"({"ranking": [["D"]]})"), "unknown_option"},
        {ranked_with(R"({"ranking": [[1]]})"), "bad_bulletin"},
        {ranked_with(R"({"ranking": ["A"]})"), "bad_bulletin"},  // a group that is not a list
        {ranked_with(R"({"ranking": "A"})"), "bad_bulletin"},
        {ranked_with(R"({"choice": "A"})"), "bad_bulletin"},  // no ranking
        {R"({"method": "approval", "options": ["A", "B"], "max_choices": 1, "ballots": [{"approve": ["A", "B"]}]})",
         "too_many_choices"},
        {R"({"method": "approval", "options": ["A", "B"], "ballots": [{"choice": "A"}]})", "bad_bulletin"},
        {R"({"method": "approval", "options": ["A", "B"], "ballots": [{"approve": "A"}]})", "bad_bulletin"},
        {R"({"method": "single", "options": ["A", "A"], "ballots": []})", "duplicate_option"},
        {R"({"method": "single", "options": ["A"], "ballots": [{"choice": "B"}]})", "unknown_option"},
        {R"({"method": "budget", "options": ["A"], "budget": "10", "costs": {"A": "1", "B": "2"}, "ballots": []})",
         "unknown_option"},
        // The first refusal in reading order: the header's before any ballot's, and the earlier
        // ballot's before the later one's.
        {R"({"ballots": [{"choice": "maybe"}], "method": "yes_no", "rule": "residents_meeting"})", "bad_bulletin"},
        {yes_no_with(R"({"choice": "yes", "count": -1, "receipt": 5}, {"choice": "maybe"})"), "negative_count"},
    };
    for (const auto& [text, code] : cases) {
        Verdict v = agreed(text);
        BOOST_TEST(v.code == code, text);
    }
    // A ballot's refusal is told only once the whole text is known to be JSON, as the tree tells it.
    BOOST_TEST(agreed(yes_no_with(R"({"choice": "maybe"}, {"choice": "yes", "note": 1e400})")).code ==
               "bad_bulletin_json");
    // The place is named: the entry and the field.
    BOOST_TEST(agreed(ranked_with(R"({"ranking": [["A"]]}, {"ranking": [["B"], ["C", "B"]]})")).message.find(
                   "ballots[1].ranking[1][1]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bulletin_however_written_recounts_to_the_same_result) {
    // 3 yes, 1 no, 1 abstain among 9 residents: 5 present, more than half; 3 yes of 5, passed.
    const std::string ballots =
        R"({"choice": "yes", "receipt": "A1"}, {"choice": "no", "receipt": "A2"},)"
        R"({"choice": "abstain"}, {"choice": "yes", "count": 2})";
    const Json expected = {{"outcome", "passed"}, {"yes", 3},    {"no", 1},
                           {"abstain", 1},        {"present", 5}, {"quorum_met", true}};
    const std::vector<std::string> writings = {
        yes_no_with(ballots),                                        // ballots first, as published
        "{" + kHeader + ", \"ballots\": [" + ballots + "]}",         // ballots last
        "\xEF\xBB\xBF \n\t" + yes_no_with(ballots) + " \r\n",        // a byte order mark, whitespace
        R"({"ballots": [{"choice": "no"}], "ballots": [)" + ballots + "], " + kHeader + "}",  // the last wins
        R"({"method": "single", "ballots": [)" + ballots + "], " + kHeader + "}",  // so does a later method
        yes_no_with(R"({"\u0063hoice": "y\u0065s", "receipt": "A\u0031"}, {"choice": "yes", "choice": "no",)"
                    R"( "receipt": "A2"}, {"choice": "abstain", "note": {"x": [1, -0.5e-400, true, null]}},)"
                    R"({"choice": "yes", "count": 2, "count": "x", "count": 2})"),  // escapes, repeats
        yes_no_with(R"({"choice": "yes", "receipt": "A1"}, {"choice": "no", "receipt": "A2"},)"
                    R"({"choice": "abstain", "count": 1}, {"choice": "yes", "count": 2}, {"choice": "no", "count": -0})"),
    };
    for (const auto& text : writings) BOOST_TEST(agreed(text).result == expected, text);

    // Ballots read under a header that a later key changes are read again under the whole one:
    // as a single-choice ballot over the three words, "yes" wins 3 to 1 and 1.
    Verdict single = agreed("{" + kHeader + ", \"ballots\": [" + ballots +
                            R"(], "method": "single", "options": ["yes", "no", "abstain"]})");
    BOOST_TEST(single.result["winners"] == Json::array({"yes"}));
    BOOST_TEST(single.result["counts"] == Json::parse(R"({"yes": 3, "no": 1, "abstain": 1})"));

    // Names with brackets, quotes and escapes (unlisted options rank last): B beats A 2–1 and
    // C 2–0, A beats C 2–1.
    const std::string names = R"(["A [1]", "B \"乙\"", "方案三"])";
    const std::string ranked = R"({"method": "schulze", "options": )" + names + R"(, "ballots": [)"
        R"({"ranking": [["B \"\u4e59\""], ["A [1]"], ["\u65b9\u6848\u4e09"]]},)"
        R"({"ranking": [["B \"乙\""], ["方案三"]], "receipt": "]"},)"
        R"({"ranking": [["A [1]"], [], ["B \"乙\"", "方案三"]]}]})";
    Verdict v = agreed(ranked);
    BOOST_TEST(v.result["winners"] == Json::array({"B \"乙\""}));
    BOOST_TEST(v.result["order"] == Json::parse(R"([["B \"乙\""], ["A [1]"], ["方案三"]])"));
}

BOOST_AUTO_TEST_CASE(random_bulletins_of_every_method_recount_alike_from_text_and_tree) {
    std::mt19937 rng(7);
    const std::vector<std::string> methods = {"single", "approval", "schulze", "irv", "budget"};
    for (int round = 0; round < 60; ++round) {
        std::string method = methods[round % methods.size()];
        int n = 2 + static_cast<int>(rng() % 5);
        Json names = Json::array(), costs = Json::object();
        for (int o = 0; o < n; ++o) {
            names.push_back("项目" + std::to_string(o));
            costs[names.back().get<std::string>()] = std::to_string(1 + rng() % 9) + ".5";
        }
        Json ballots = Json::array();
        for (int k = static_cast<int>(rng() % 30); k > 0; --k) {
            Json e = {{"count", rng() % 4}};
            if (method == "single") e["choice"] = names[rng() % n];
            if (method == "approval" || method == "budget") e["approve"] = Json::array();
            if (method == "schulze" || method == "irv") e["ranking"] = Json::array();
            for (int o = 0; o < n; ++o) {
                if (rng() % 2) continue;
                if (e.contains("approve")) e["approve"].push_back(names[o]);
                if (e.contains("ranking")) e["ranking"].push_back(Json::array({names[o]}));
            }
            ballots.push_back(e);
        }
        Json b = {{"method", method}, {"options", names}, {"ballots", ballots}};
        if (method == "budget") {
            b["budget"] = "12.00";
            b["costs"] = costs;
        }
        // Published (sorted keys, ballots first), indented, and with the ballots last.
        Json header = b;
        header.erase("ballots");
        std::string last = header.dump();
        last.insert(last.size() - 1, ",\"ballots\":" + ballots.dump());
        for (const auto& text : {b.dump(), b.dump(2), last}) BOOST_TEST(agreed(text).code == "", text);
    }
}

BOOST_AUTO_TEST_CASE(a_published_bulletin_lists_its_ballots_after_every_other_key) {
    Json j = Json::parse(yes_no_with(R"({"choice": "yes", "receipt": "A1"}, {"choice": "no"})"));
    j["result"] = {{"outcome", "failed"}};
    std::string text = bulletin_text(j);
    BOOST_TEST(text.find("\"ballots\"") > text.find("\"result\""));
    BOOST_TEST(text.find("\"ballots\"") > text.find("\"rule\""));
    BOOST_TEST(Json::parse(text) == j);
    BOOST_TEST(agreed(text).result["no"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
