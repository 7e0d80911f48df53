// The one order of a yes/no verdict, the outcome of ballots among options, one vote per unit,
// the tellers' rule, the council's rules as a preset and the bulletin published at closing.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/ballot_count.hpp"

using namespace fixtures;

namespace {
Turnout heads(std::int64_t n) { return {n, n, 0}; }
const QuorumRule kHalf{{{1, 2}, Bound::more_than}, QuorumBase::heads};
const PassRule kMajority{{{1, 2}, Bound::more_than}, false};

Json parsed(const char* text) { return Json::parse(text); }

BallotSpec spec_of(const char* body) { return spec_from_request(parsed(body)).value(); }

// A closed ballot on the charging-point agenda item with `members` voters, `present` of them
// on the roll.
Ballot closed_ballot(int members, int present) {
    return close_ballot(convenor(), ballot_over(members, present), kT0 + 3600).value();
}

Json recount(const Json& bulletin) { return tally_bulletin(parse_bulletin(bulletin).value()); }
}  // namespace

BOOST_AUTO_TEST_SUITE(yes_no_verdict_order)

BOOST_AUTO_TEST_CASE(without_a_quorum_nothing_else_is_decided) {
    auto v = yes_no_verdict(kHalf, kMajority, Fraction{1, 10}, heads(10), heads(5), heads(5), 0);
    BOOST_TEST(!v.quorum);
    BOOST_TEST((v.outcome == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(a_near_even_split_defers_before_the_pass_share_is_looked_at) {
    // 4 yes, 3 no of 7 present: passes by share, but |4 − 3| × 10 ≤ 2 × 7 defers first.
    auto v = yes_no_verdict(kHalf, kMajority, Fraction{2, 10}, heads(10), heads(7), heads(4), 3);
    BOOST_TEST((v.outcome == Outcome::deferred));
    auto without = yes_no_verdict(kHalf, kMajority, std::nullopt, heads(10), heads(7), heads(4), 3);
    BOOST_TEST((without.outcome == Outcome::passed));
}

BOOST_AUTO_TEST_CASE(a_zero_margin_defers_an_exact_tie_only) {
    BOOST_TEST((yes_no_verdict(kHalf, kMajority, Fraction{0, 1}, heads(10), heads(6), heads(3), 3)
                    .outcome == Outcome::deferred));
    BOOST_TEST((yes_no_verdict(kHalf, kMajority, Fraction{0, 1}, heads(10), heads(6), heads(3), 2)
                    .outcome == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(a_council_margin_of_zero_is_off) {
    CouncilRules r = preset_rules(CouncilKind::residents_meeting);
    r.defer_margin = {0, 1};
    BOOST_TEST(!defer_margin_of(r).has_value());
    r.defer_margin = {1, 10};
    BOOST_TEST(defer_margin_of(r)->den == 10);
}

BOOST_AUTO_TEST_CASE(the_plain_tally_decides_by_the_same_verdict) {
    // residents_council defers at 1/10: 3 yes, 3 no of 6 present.
    CouncilRules r = preset_rules(CouncilKind::residents_council);
    Tally t = tally(r, voted(ballot_over(10, 6), 3, 3, 0));
    auto v = yes_no_verdict(r.quorum, r.pass, defer_margin_of(r), heads(10), heads(6), heads(3), 3);
    BOOST_TEST((t.outcome == Outcome::deferred));
    BOOST_TEST((t.outcome == v.outcome));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(option_ballot_outcome)

BOOST_AUTO_TEST_CASE(one_winner_passes_a_tie_defers_and_nothing_cast_fails) {
    BOOST_TEST((option_outcome(true, 5, 1) == Outcome::passed));
    BOOST_TEST((option_outcome(true, 5, 2) == Outcome::deferred));
    BOOST_TEST((option_outcome(true, 0, 0) == Outcome::failed));
    BOOST_TEST((option_outcome(true, 3, 0) == Outcome::failed));
    BOOST_TEST((option_outcome(false, 5, 1) == Outcome::no_quorum));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(one_vote_per_unit)

BOOST_AUTO_TEST_CASE(members_of_one_household_share_its_key_under_the_household_unit) {
    Voter a{1, 7, 0}, b{2, 7, 0}, alone{3, 0, 0};
    BOOST_TEST(unit_key(VotingUnit::household, a) == unit_key(VotingUnit::household, b));
    BOOST_TEST(unit_key(VotingUnit::household, a) == 7);
    // No household recorded: a household of one, whose key no household id can equal.
    BOOST_TEST(unit_key(VotingUnit::household, alone) == -3);
    BOOST_TEST(unit_key(VotingUnit::member, a) != unit_key(VotingUnit::member, b));
    BOOST_TEST(unit_key(VotingUnit::owners, b) == 2);
}

BOOST_AUTO_TEST_CASE(a_second_vote_of_a_household_names_whose_vote_came_first) {
    BOOST_TEST(already_voted_in_unit(4, 4).code == "already_voted");
    BOOST_TEST(already_voted_in_unit(4, 5).code == "household_voted");
    BOOST_TEST(already_voted_in_unit(4, 5).status == 409);
}

BOOST_AUTO_TEST_CASE(a_vote_with_content_follows_the_vote_rule_and_keys_by_unit) {
    Session s = open_session_with(3);
    Ballot b = ballot_over(5, 3);
    b.roll[1].household_id = 9;
    CouncilRules r = preset_rules(CouncilKind::residents_council);
    BallotSpec household = spec_of(R"({"unit": "household"})");
    Json yes = {{"choice", "yes"}};
    auto v = content_vote(actor(2), b, s, household, r, yes, kT0);
    BOOST_REQUIRE(v.ok());
    BOOST_TEST(v.value().unit_key == 9);
    BOOST_TEST(v.value().content == yes);
    BOOST_TEST(content_vote(actor(4), b, s, household, r, yes, kT0).error().code == "not_eligible");
    b.state = BallotState::closed;
    BOOST_TEST(content_vote(actor(2), b, s, household, r, yes, kT0).error().code == "ballot_closed");
}

BOOST_AUTO_TEST_CASE(a_reminder_is_for_the_roll_members_whose_unit_has_not_voted) {
    Ballot b = ballot_over(6, 5);  // roll: members 1..5
    b.roll[1].household_id = 9;    // members 2 and 3 share household 9
    b.roll[2].household_id = 9;
    // Member 1 voted by head; under the household unit member 2's vote stands for member 3 too.
    BOOST_TEST(yet_to_vote(b, VotingUnit::member, {1, 2}) == (std::vector<Id>{3, 4, 5}));
    BOOST_TEST(yet_to_vote(b, VotingUnit::household, {-1, 9}) == (std::vector<Id>{4, 5}));
    BOOST_TEST(yet_to_vote(b, VotingUnit::member, {}) == (std::vector<Id>{1, 2, 3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(a_vote_keeps_the_voters_floor_area_where_the_count_weighs_area) {
    Session s = open_session_with(3, true);
    Ballot b = ballot_over(5, 3, true);
    b.roll[0].area_centi_m2 = 8820;
    Json yes = {{"choice", "yes"}};
    CouncilRules r = preset_rules(CouncilKind::residents_council);
    BOOST_TEST(!content_vote(actor(1), b, s, spec_of(R"({"secret": true})"), r, yes, kT0)
                    .value()
                    .content.contains("area"));
    BOOST_TEST(content_vote(actor(1), b, s, spec_of(R"({"unit": "owners"})"), r, yes, kT0)
                   .value()
                   .content["area"] == "88.20");
    r.pass_special.by_area = true;  // a special matter of this ballot weighs area
    BOOST_TEST(content_vote(actor(1), b, s, spec_of(R"({"secret": true})"), r, yes, kT0)
                   .value()
                   .content["area"] == "88.20");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tellers)

BOOST_AUTO_TEST_CASE(tellers_are_members_of_the_council) {
    BallotSpec s = spec_of(R"({"tellers": [3, 42]})");
    Error e = *may_appoint_tellers(s, kMajority, {actor(3), outsider(42)});
    BOOST_TEST(e.code == "bad_ballot");
    BOOST_TEST(e.field == "tellers");
    BOOST_TEST(e.message.find("42") != std::string::npos);
    BOOST_TEST(!may_appoint_tellers(s, kMajority, {actor(3), actor(42)}));
}

BOOST_AUTO_TEST_CASE(paper_ballots_cannot_join_a_count_by_floor_area) {
    BallotSpec s = spec_of(R"({"tellers": [3, 4]})");
    PassRule by_area = kMajority;
    by_area.by_area = true;
    BOOST_TEST(may_appoint_tellers(s, by_area, {actor(3), actor(4)})->field == "tellers");
    BOOST_TEST(!may_appoint_tellers(BallotSpec{}, by_area, {}));
}

BOOST_AUTO_TEST_CASE(only_the_ballots_tellers_enter_counts_while_it_is_open) {
    BallotSpec s = spec_of(R"({"tellers": [3, 4]})");
    Ballot b = ballot_over(5, 3);
    BOOST_TEST(!may_enter_paper_counts(actor(3), b, s));
    BOOST_TEST(may_enter_paper_counts(actor(5), b, s)->code == "not_teller");
    BOOST_TEST(may_enter_paper_counts(outsider(3), b, s)->code == "forbidden");
    b.state = BallotState::closed;
    BOOST_TEST(may_enter_paper_counts(actor(3), b, s)->code == "ballot_closed");
}

BOOST_AUTO_TEST_CASE(the_two_entries_agree_only_when_both_are_in_and_equal) {
    BallotSpec s = spec_of(R"({"tellers": [3, 4]})");
    Json a = {{"yes", 5}, {"no", 2}, {"abstain", 0}};
    Json b = {{"yes", 5}, {"no", 3}, {"abstain", 0}};
    PaperCounts one = compare_paper_counts(s, {{3, a, kT0}});
    BOOST_TEST(!one.agreed);
    BOOST_TEST(one.differing.empty());
    PaperCounts differ = compare_paper_counts(s, {{3, a, kT0}, {4, b, kT0}});
    BOOST_TEST(!differ.agreed);
    BOOST_TEST((differ.differing == std::vector<std::string>{"no"}));
    PaperCounts same = compare_paper_counts(s, {{3, a, kT0}, {4, a, kT0 + 1}});
    BOOST_TEST(same.agreed);
    BOOST_TEST((same.tellers == std::vector<Id>{3, 4}));
}

BOOST_AUTO_TEST_CASE(a_ballot_with_tellers_closes_only_on_agreed_counts) {
    BallotSpec s = spec_of(R"({"tellers": [3, 4]})");
    Json a = {{"yes", 5}, {"no", 2}, {"abstain", 0}};
    BOOST_TEST(counted_paper(s, compare_paper_counts(s, {{3, a, kT0}})).error().code ==
               "paper_counts_disagree");
    auto agreed = counted_paper(s, compare_paper_counts(s, {{3, a, kT0}, {4, a, kT0}}));
    BOOST_TEST(agreed.value().value() == a);
    BOOST_TEST(!counted_paper(BallotSpec{}, PaperCounts{}).value().has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(council_presets)

BOOST_AUTO_TEST_CASE(each_kinds_own_rules_are_its_own_preset) {
    auto preset = [](CouncilKind k, bool special = false) {
        return preset_for(preset_rules(k), special);
    };
    BOOST_TEST((preset(CouncilKind::residents_council) == YesNoPreset::council_default));
    // Residents' and villagers' meetings share council_default's numbers; each keeps its name.
    BOOST_TEST((preset(CouncilKind::residents_meeting) == YesNoPreset::residents_meeting));
    BOOST_TEST((preset(CouncilKind::villagers_meeting) == YesNoPreset::villagers_meeting));
    BOOST_TEST((preset(CouncilKind::villager_representatives) ==
                YesNoPreset::villager_representatives));
    BOOST_TEST((preset(CouncilKind::owners_assembly) == YesNoPreset::owners_ordinary));
    BOOST_TEST((preset(CouncilKind::owners_assembly, true) == YesNoPreset::owners_major));
}

BOOST_AUTO_TEST_CASE(rules_adjusted_to_another_kinds_preset_match_that_one) {
    CouncilRules r = preset_rules(CouncilKind::residents_council);
    r.quorum = preset_rules(CouncilKind::villager_representatives).quorum;
    BOOST_TEST((preset_for(r, false) == YesNoPreset::villager_representatives));
}

BOOST_AUTO_TEST_CASE(rules_adjusted_away_from_every_preset_match_none) {
    CouncilRules r = preset_rules(CouncilKind::residents_council);
    r.quorum.share = {{3, 5}, Bound::at_least};
    BOOST_TEST(!preset_for(r, false).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(published_bulletin)

BOOST_AUTO_TEST_CASE(a_secret_yes_no_bulletin_recounts_to_its_own_result) {
    Ballot b = closed_ballot(5, 4);
    CouncilRules r = preset_rules(CouncilKind::residents_meeting);
    BallotSpec s = spec_of(R"({"secret": true})");
    std::vector<Json> ballots = {parsed(R"({"choice": "yes", "receipt": "A"})"),
                                 parsed(R"({"choice": "yes", "receipt": "B"})"),
                                 parsed(R"({"choice": "yes", "receipt": "C"})"),
                                 parsed(R"({"choice": "no", "receipt": "D"})")};
    auto p = publish_bulletin({b, "电动车充电桩", s, r, ballots, std::nullopt, std::nullopt});
    BOOST_REQUIRE(p.ok());
    const Json& j = p.value().bulletin;
    BOOST_TEST(j["rule"] == "residents_meeting");
    BOOST_TEST(j["issue_title"] == "电动车充电桩");
    BOOST_TEST(j["result"] == recount(j));
    BOOST_TEST(j["result"]["outcome"] == "passed");
    BOOST_TEST(p.value().tally.yes == 3);
    BOOST_TEST(p.value().tally.present == 4);
    BOOST_TEST((p.value().tally.outcome == Outcome::passed));
}

BOOST_AUTO_TEST_CASE(rules_by_households_away_from_every_preset_publish_the_councils_own_tally) {
    Ballot b = closed_ballot(5, 4);
    CouncilRules r = preset_rules(CouncilKind::residents_council);  // defers at 1/10
    r.quorum = {{{3, 5}, Bound::at_least}, QuorumBase::households};
    BallotSpec s = spec_of(R"({"unit": "household", "secret": true})");
    std::vector<Json> ballots = {parsed(R"({"choice": "yes"})"), parsed(R"({"choice": "yes"})"),
                                 parsed(R"({"choice": "no"})"), parsed(R"({"choice": "no"})")};
    auto p = publish_bulletin({b, "楼道保洁", s, r, ballots, std::nullopt, std::nullopt});
    BOOST_REQUIRE(p.ok());
    const Json& j = p.value().bulletin;
    BOOST_TEST(j["recountable"] == false);
    BOOST_TEST(j["rule"].is_null());
    // 4 of 5 households present meet 3/5; 2 against 2 is within the 1/10 margin.
    BOOST_TEST(j["result"]["quorum_met"] == true);
    BOOST_TEST(j["result"]["outcome"] == "deferred");
    BOOST_TEST((p.value().tally.outcome == Outcome::deferred));
}

BOOST_AUTO_TEST_CASE(agreed_paper_counts_join_the_bulletin_as_paper_ballots) {
    Ballot b = closed_ballot(10, 8);
    CouncilRules r = preset_rules(CouncilKind::residents_meeting);
    BallotSpec s = spec_of(R"({"method": "single", "options": ["甲", "乙"], "tellers": [3, 4]})");
    Json paper = {{"甲", 4}, {"乙", 0}};
    std::vector<Json> online = {parsed(R"({"choice": "乙", "member_id": 1})")};
    auto p = publish_bulletin({b, "议题", s, r, online, paper, std::nullopt});
    BOOST_REQUIRE(p.ok());
    const Json& j = p.value().bulletin;
    BOOST_TEST(j["ballots"].size() == 2);
    BOOST_TEST(j["ballots"][1] == parsed(R"({"choice": "甲", "count": 4, "paper": true})"));
    BOOST_TEST(j["result"]["winners"] == Json::array({"甲"}));
    BOOST_TEST((p.value().tally.outcome == Outcome::passed));
    BOOST_TEST(p.value().tally.not_voted == 3);
}

BOOST_AUTO_TEST_CASE(a_tie_among_options_is_deferred_and_an_empty_ballot_box_fails) {
    Ballot b = closed_ballot(4, 4);
    CouncilRules r = preset_rules(CouncilKind::residents_meeting);
    BallotSpec s = spec_of(R"({"method": "approval", "options": ["甲", "乙", "丙"]})");
    std::vector<Json> tie = {parsed(R"({"approve": ["甲"]})"), parsed(R"({"approve": ["乙"]})")};
    BOOST_TEST((publish_bulletin({b, "议题", s, r, tie, std::nullopt, std::nullopt})
                    .value()
                    .tally.outcome == Outcome::deferred));
    BOOST_TEST((publish_bulletin({b, "议题", s, r, {}, std::nullopt, std::nullopt})
                    .value()
                    .tally.outcome == Outcome::failed));
}

BOOST_AUTO_TEST_SUITE_END()
