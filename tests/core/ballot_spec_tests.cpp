// A ballot's spec read from a request and from storage, votes and paper counts read from
// requests, and the spec's fields on a ballot's reply.
#include <boost/test/unit_test.hpp>

#include "yishi/ballot_spec.hpp"

using namespace yishi;

namespace {
Json parsed(const char* text) { return Json::parse(text); }

Error refusal_of_spec(const char* body) {
    auto s = spec_from_request(parsed(body));
    BOOST_REQUIRE(!s.ok());
    return s.error();
}

BallotSpec spec_of(const char* body) {
    auto s = spec_from_request(parsed(body));
    BOOST_REQUIRE_MESSAGE(s.ok(), body);
    return s.value();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ballot_specs)

BOOST_AUTO_TEST_CASE(an_empty_spec_is_the_plain_yes_no_ballot) {
    BallotSpec s = spec_of("{}");
    BOOST_TEST(s.plain());
    BOOST_TEST((s.method == Method::yes_no));
    BOOST_TEST((s.unit == VotingUnit::member));
}

BOOST_AUTO_TEST_CASE(only_a_secret_ballot_may_go_without_receipts) {
    BOOST_TEST(refusal_of_spec(R"({"receipts": false})").field == "receipts");
    BallotSpec s = spec_of(R"({"secret": true, "receipts": false})");
    BOOST_TEST(s.secret);
    BOOST_TEST(!s.receipts);
    BOOST_TEST(!s.plain());
}

BOOST_AUTO_TEST_CASE(a_yes_no_ballot_takes_no_options) {
    Error e = refusal_of_spec(R"({"options": ["甲", "乙"]})");
    BOOST_TEST(e.code == "bad_ballot");
    BOOST_TEST(e.field == "options");
}

BOOST_AUTO_TEST_CASE(an_unknown_method_or_unit_is_refused_naming_the_field) {
    BOOST_TEST(refusal_of_spec(R"({"method": "lottery"})").code == "unknown_method");
    BOOST_TEST(refusal_of_spec(R"({"method": 3})").code == "wrong_type");
    BOOST_TEST(refusal_of_spec(R"({"unit": "street"})").field == "unit");
}

BOOST_AUTO_TEST_CASE(counting_by_floor_area_is_for_yes_no_ballots_only) {
    BOOST_TEST((spec_of(R"({"unit": "owners"})").unit == VotingUnit::owners));
    Error e = refusal_of_spec(R"({"method": "single", "options": ["甲", "乙"], "unit": "owners"})");
    BOOST_TEST(e.field == "unit");
}

BOOST_AUTO_TEST_CASE(options_are_checked_by_the_bulletin_reader) {
    BOOST_TEST(refusal_of_spec(R"({"method": "single", "options": ["甲", "甲"]})").field ==
               "options[1]");
    BallotSpec s = spec_of(
        R"({"method": "budget", "options": ["路灯", "座椅"], "budget": "100.00",
            "costs": {"路灯": "60.50", "座椅": "40"}})");
    BOOST_TEST(s.budget_centi == 10000);
    BOOST_TEST((s.costs_centi == std::vector<std::int64_t>{6050, 4000}));
}

BOOST_AUTO_TEST_CASE(tellers_are_two_different_members) {
    BOOST_TEST(refusal_of_spec(R"({"tellers": [3]})").field == "tellers");
    BOOST_TEST(refusal_of_spec(R"({"tellers": [3, 3]})").field == "tellers");
    BOOST_TEST(refusal_of_spec(R"({"tellers": [3, 0]})").field == "tellers");
    BOOST_TEST(refusal_of_spec(R"({"tellers": [3, "4"]})").field == "tellers");
    BOOST_TEST((spec_of(R"({"tellers": [3, 4]})").tellers == std::vector<Id>{3, 4}));
}

BOOST_AUTO_TEST_CASE(paper_ballots_count_yes_no_or_single_choice_by_head_only) {
    BOOST_TEST(spec_of(R"({"method": "single", "options": ["甲", "乙"], "tellers": [3, 4]})")
                   .tellers.size() == 2);
    BOOST_TEST(
        refusal_of_spec(R"({"method": "approval", "options": ["甲", "乙"], "tellers": [3, 4]})")
            .field == "tellers");
    BOOST_TEST(refusal_of_spec(R"({"unit": "household", "tellers": [3, 4]})").field == "tellers");
}

BOOST_AUTO_TEST_CASE(a_spec_reads_back_from_storage_as_it_was) {
    BallotSpec s = spec_of(
        R"({"method": "approval", "options": ["甲", "乙", "丙"], "max_choices": 2,
            "secret": true, "receipts": false, "unit": "household"})");
    auto back = stored_spec(to_string(s.method), s.secret, to_string(s.unit), spec_details(s));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(spec_json(back.value()) == spec_json(s));
    BOOST_TEST(!back.value().receipts);
}

BOOST_AUTO_TEST_CASE(an_unreadable_stored_spec_is_refused) {
    BallotSpec s;
    BOOST_TEST(!stored_spec("lottery", false, "member", spec_details(s)).ok());
    BOOST_TEST(!stored_spec("yes_no", false, "street", spec_details(s)).ok());
    BOOST_TEST(!stored_spec("yes_no", false, "member", parsed(R"({"options": []})")).ok());
}

BOOST_AUTO_TEST_CASE(a_stored_secret_spec_from_before_the_choice_has_receipts) {
    Json d = spec_details(BallotSpec{});
    d.erase("receipts");
    auto s = stored_spec("yes_no", true, "member", d);
    BOOST_REQUIRE(s.ok());
    BOOST_TEST(s.value().receipts);
}

BOOST_AUTO_TEST_CASE(a_vote_is_yes_no_or_abstain) {
    BOOST_TEST((choice_from_request(parsed(R"({"choice": "no"})")).value() == Choice::no));
    BOOST_TEST(choice_from_request(parsed("{}")).error().code == "missing_field");
    BOOST_TEST(choice_from_request(parsed(R"({"choice": "maybe"})")).error().code == "wrong_type");
    BOOST_TEST(choice_from_request(parsed(R"({"choice": 1})")).error().field == "choice");
}

BOOST_AUTO_TEST_CASE(a_yes_no_vote_of_a_ballot_with_a_spec_has_the_same_check) {
    BallotSpec secret = spec_of(R"({"secret": true})");
    BOOST_TEST(content_from_request(secret, parsed(R"({"choice": "yes"})")).value() ==
               parsed(R"({"choice": "yes"})"));
    BOOST_TEST(content_from_request(secret, parsed(R"({"choice": "maybe"})")).error().code ==
               choice_from_request(parsed(R"({"choice": "maybe"})")).error().code);
}

BOOST_AUTO_TEST_CASE(a_vote_for_an_unknown_option_is_refused_naming_the_request_field) {
    BallotSpec single = spec_of(R"({"method": "single", "options": ["甲", "乙"]})");
    Error e = content_from_request(single, parsed(R"({"choice": "丙"})")).error();
    BOOST_TEST(e.code == "unknown_option");
    BOOST_TEST(e.field == "choice");
    BallotSpec ranked = spec_of(R"({"method": "schulze", "options": ["甲", "乙"]})");
    BOOST_TEST(content_from_request(ranked, parsed(R"({"ranking": [["甲"], ["丙"]]})"))
                   .error()
                   .field == "ranking[1][0]");
    BOOST_TEST(content_from_request(ranked, parsed(R"({"choice": "甲"})")).error().field ==
               "ranking");
}

BOOST_AUTO_TEST_CASE(paper_counts_cover_every_counted_option_and_a_missing_one_counts_zero) {
    auto c = paper_counts_from_request(BallotSpec{}, parsed(R"({"counts": {"no": 3}})"));
    BOOST_TEST(c.value() == parsed(R"({"yes": 0, "no": 3, "abstain": 0})"));
    BallotSpec single = spec_of(R"({"method": "single", "options": ["甲", "乙"]})");
    BOOST_TEST((counted_options(single) == std::vector<std::string>{"甲", "乙"}));
}

BOOST_AUTO_TEST_CASE(paper_counts_are_whole_numbers_of_known_options) {
    BallotSpec s;
    auto refused = [&](const char* body) {
        return paper_counts_from_request(s, parsed(body)).error();
    };
    BOOST_TEST(refused(R"({"counts": {"maybe": 1}})").code == "unknown_option");
    BOOST_TEST(refused(R"({"counts": {"yes": -1}})").code == "negative_count");
    BOOST_TEST(refused(R"({"counts": {"yes": 1000000001}})").code == "number_too_large");
    BOOST_TEST(refused(R"({"counts": {"yes": 1.5}})").field == "counts.yes");
    BOOST_TEST(refused(R"({"counts": [1]})").code == "wrong_type");
    BOOST_TEST(refused("{}").code == "missing_field");
}

BOOST_AUTO_TEST_CASE(a_closed_secret_ballot_shows_who_voted_never_what) {
    BallotSpec s = spec_of(R"({"secret": true})");
    Json view = {{"state", "closed"}};
    Json j = method_ballot_json(view, s, {1, 2}, {{1, {{"choice", "yes"}}}}, std::nullopt);
    BOOST_TEST(j["voted"] == Json::array({1, 2}));
    BOOST_TEST(j["votes_cast"] == 2);
    BOOST_TEST(j["votes"].empty());
    BOOST_TEST(j["cast"].empty());
}

BOOST_AUTO_TEST_CASE(a_closed_open_ballot_shows_what_each_member_cast_without_floor_area) {
    BallotSpec s = spec_of(R"({"unit": "owners"})");
    Json view = {{"state", "closed"}};
    Json bulletin = {{"result", {{"outcome", "passed"}}}};
    Json j = method_ballot_json(view, s, {7}, {{7, {{"choice", "no"}, {"area", "88.20"}}}},
                                bulletin);
    Json expected = {{"choice", "no"}, {"member_id", 7}};
    BOOST_TEST(j["votes"] == Json::array({expected}));
    BOOST_TEST(j["cast"] == Json::array({expected}));
    BOOST_TEST(j["result"]["outcome"] == "passed");
    BOOST_TEST(j["method"] == "yes_no_abstain");
}

BOOST_AUTO_TEST_CASE(an_open_ballot_shows_no_votes) {
    Json j = method_ballot_json({{"state", "open"}}, spec_of(R"({"secret": true})"), {1}, {},
                                std::nullopt);
    BOOST_TEST(!j.contains("votes"));
    BOOST_TEST(!j.contains("result"));
}

BOOST_AUTO_TEST_CASE(a_closing_time_is_read_as_unix_seconds_and_refusals_name_it) {
    const std::int64_t now = 1'780'000'000;
    BOOST_TEST(closes_at_from_request(parsed(R"({"issue_id": 1})"), now).value() == 0);
    BOOST_TEST(closes_at_from_request(parsed(R"({"closes_at": null})"), now).value() == 0);
    BOOST_TEST(closes_at_from_request(parsed(R"({"closes_at": 1780003000})"), now).value() ==
               1'780'003'000);
    struct Case {
        const char* body;
        const char* code;
        const char* message;
    };
    const Case cases[] = {
        {R"({"closes_at": "1780003000"})", "wrong_type", "字段类型错误：投票截止时间"},
        {R"({"closes_at": 1780003000.5})", "wrong_type", "字段类型错误：投票截止时间"},
        {R"({"closes_at": 1779999999})", "bad_time", "截止时间须晚于现在"},
        {R"({"closes_at": -1})", "bad_time", "截止时间须晚于现在"},
        {R"({"closes_at": 1780604801})", "bad_time", "截止时间须在 7 天之内"},
        {R"({"closes_at": 18446744073709551615})", "bad_time", "截止时间须在 7 天之内"},
        {R"({"closes_at": 9223372036854775807})", "bad_time", "截止时间须在 7 天之内"},
    };
    for (const auto& c : cases) {
        auto r = closes_at_from_request(parsed(c.body), now);
        BOOST_REQUIRE_MESSAGE(!r.ok(), c.body);
        BOOST_TEST(r.error().code == c.code, c.body);
        BOOST_TEST(r.error().field == "closes_at", c.body);
        BOOST_TEST(r.error().message == c.message, c.body);
        BOOST_TEST(r.error().status == 400, c.body);
    }
}

BOOST_AUTO_TEST_SUITE_END()
