// Yes/no presets at their legal boundaries (exactly 1/2, 2/3, 3/4; one owner or one square metre
// short), all-abstain, empty ballots, deferral; and the tie rules of every other method.
#include <boost/test/unit_test.hpp>

#include "yishi/methods.hpp"

using namespace yishi;

namespace {
YesNoVote votes(Choice c, std::int64_t n, std::int64_t area = 0) { return {c, n, area}; }

YesNoResult heads(YesNoPreset p, std::int64_t members, std::int64_t present, std::int64_t yes,
                  std::int64_t no, std::int64_t abstain = 0) {
    YesNoSpec s;
    s.rule = p;
    s.electorate.members = members;
    s.electorate.households = members;
    s.present = present;
    return tally_yes_no(s, {votes(Choice::yes, yes), votes(Choice::no, no),
                            votes(Choice::abstain, abstain)});
}

// 12 owners holding 1200.00 m², each 100.00 m² unless given.
YesNoResult owners(YesNoPreset p, std::vector<YesNoVote> v) {
    YesNoSpec s;
    s.rule = p;
    s.electorate.owners = 12;
    s.electorate.area_centi_m2 = 120000;
    return tally_yes_no(s, v);
}

constexpr std::int64_t k100 = 10000;  // 100.00 m² in hundredths

Picks pick(std::vector<std::size_t> o, std::int64_t n = 1) { return {std::move(o), n}; }
Ranking rank(std::vector<std::vector<std::size_t>> g, std::int64_t n = 1) { return {std::move(g), n}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(yes_no_presets)

BOOST_AUTO_TEST_CASE(residents_meeting_quorum_needs_more_than_half_of_members) {
    BOOST_TEST((heads(YesNoPreset::residents_meeting, 10, 5, 5, 0).outcome == Outcome::no_quorum));
    BOOST_TEST((heads(YesNoPreset::residents_meeting, 10, 6, 6, 0).outcome == Outcome::passed));
}

BOOST_AUTO_TEST_CASE(exactly_half_of_those_present_voting_yes_fails) {
    auto r = heads(YesNoPreset::villagers_meeting, 10, 8, 4, 4);
    BOOST_TEST(r.quorum_met);
    BOOST_TEST((r.outcome == Outcome::failed));
    BOOST_TEST((heads(YesNoPreset::villagers_meeting, 10, 8, 5, 3).outcome == Outcome::passed));
}

BOOST_AUTO_TEST_CASE(abstentions_and_silent_attendees_weigh_against) {
    // 9 present, 4 yes, 1 no, 2 abstain, 2 did not vote: 4 is not more than 9/2.
    auto r = heads(YesNoPreset::council_default, 12, 9, 4, 1, 2);
    BOOST_TEST(r.present == 9);
    BOOST_TEST((r.outcome == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(villager_representatives_quorum_is_at_least_two_thirds) {
    BOOST_TEST((heads(YesNoPreset::villager_representatives, 9, 6, 6, 0).outcome == Outcome::passed));
    BOOST_TEST((heads(YesNoPreset::villager_representatives, 9, 5, 5, 0).outcome == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(villagers_meeting_households_quorum_is_two_thirds_of_households) {
    YesNoSpec s;
    s.rule = YesNoPreset::villagers_meeting_households;
    s.electorate.members = 100;  // heads do not matter for this preset
    s.electorate.households = 30;
    s.present = 20;
    BOOST_TEST(tally_yes_no(s, {votes(Choice::yes, 11)}).quorum_met);
    s.present = 19;
    BOOST_TEST(!tally_yes_no(s, {votes(Choice::yes, 11)}).quorum_met);
}

BOOST_AUTO_TEST_CASE(all_abstain_fails_and_empty_ballots_have_no_quorum) {
    auto all_abstain = heads(YesNoPreset::council_default, 10, 10, 0, 0, 10);
    BOOST_TEST((all_abstain.outcome == Outcome::failed));
    YesNoSpec s;
    s.electorate.members = 10;
    auto empty = tally_yes_no(s, {});
    BOOST_TEST(empty.present == 0);
    BOOST_TEST((empty.outcome == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(owners_quorum_needs_two_thirds_of_owners_and_of_area) {
    // 8 of 12 owners with exactly 800.00 of 1200.00 m²: both exactly 2/3.
    auto exact = owners(YesNoPreset::owners_ordinary, {votes(Choice::yes, 8, k100)});
    BOOST_TEST(exact.quorum_met);
    BOOST_TEST(exact.participating_owners == 8);
    BOOST_TEST(exact.participating_area_centi_m2 == 8 * k100);
    // one owner short, area made up by a larger flat
    auto one_owner_short = owners(YesNoPreset::owners_ordinary,
                                  {votes(Choice::yes, 6, k100), votes(Choice::yes, 1, 2 * k100)});
    BOOST_TEST((one_owner_short.outcome == Outcome::no_quorum));
    // one square metre short: 799.00 m²
    auto one_m2_short = owners(YesNoPreset::owners_ordinary,
                               {votes(Choice::yes, 7, k100), votes(Choice::yes, 1, k100 - 100)});
    BOOST_TEST((one_m2_short.outcome == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(owners_ordinary_needs_more_than_half_by_head_and_by_area) {
    // 8 owners with 800.00 m² take part. 5 yes holding exactly 400.00 m²: half the area, not more.
    std::vector<YesNoVote> no_side = {votes(Choice::no, 2, 13333), votes(Choice::no, 1, 13334)};
    auto v = no_side;
    v.push_back(votes(Choice::yes, 4, 7500));
    v.push_back(votes(Choice::yes, 1, 10000));
    auto half_area = owners(YesNoPreset::owners_ordinary, v);
    BOOST_TEST(half_area.participating_area_centi_m2 == 80000);
    BOOST_TEST(half_area.yes_area_centi_m2 == 40000);
    BOOST_TEST((half_area.outcome == Outcome::failed));
    // One hundredth of a square metre more on the yes side (taken from the no side) passes.
    v = {votes(Choice::no, 2, 13333), votes(Choice::no, 1, 13333), votes(Choice::yes, 4, 7500),
         votes(Choice::yes, 1, 10001)};
    auto more = owners(YesNoPreset::owners_ordinary, v);
    BOOST_TEST(more.yes_area_centi_m2 == 40001);
    BOOST_TEST((more.outcome == Outcome::passed));
    // 4 yes of 8 holding 600.00 m²: exactly half by head fails whatever the area.
    auto half_heads = owners(YesNoPreset::owners_ordinary,
                             {votes(Choice::yes, 4, 15000), votes(Choice::no, 4, 5000)});
    BOOST_TEST(half_heads.quorum_met);
    BOOST_TEST((half_heads.outcome == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(owners_major_needs_at_least_three_quarters_of_both) {
    // 8 owners of 100.00 m²: 6 yes is exactly 3/4 by head and by area.
    auto exact = owners(YesNoPreset::owners_major, {votes(Choice::yes, 6, k100), votes(Choice::no, 2, k100)});
    BOOST_TEST((exact.outcome == Outcome::passed));
    // one owner short: 5 yes of 8, though their 600.00 m² is still 3/4 of the area
    auto owner_short = owners(YesNoPreset::owners_major,
                              {votes(Choice::yes, 4, k100), votes(Choice::yes, 1, 2 * k100),
                               votes(Choice::no, 2, k100), votes(Choice::abstain, 1, 0)});
    BOOST_TEST(owner_short.yes_area_centi_m2 * 4 >= owner_short.participating_area_centi_m2 * 3);
    BOOST_TEST((owner_short.outcome == Outcome::failed));
    // one square metre short: 6 yes of 8 by head, but 599.00 of 800.00 m² (3/4 is 600.00)
    auto area_short = owners(YesNoPreset::owners_major,
                             {votes(Choice::yes, 5, k100), votes(Choice::yes, 1, k100 - 100),
                              votes(Choice::no, 2, k100 + 50)});
    BOOST_TEST(area_short.participating_area_centi_m2 == 8 * k100);
    BOOST_TEST(area_short.yes_area_centi_m2 == 6 * k100 - 100);
    BOOST_TEST((area_short.outcome == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(a_split_within_the_defer_margin_is_deferred) {
    YesNoSpec s;
    s.electorate.members = 20;
    s.present = 20;
    s.defer_margin = Fraction{1, 10};
    // |11 − 9| × 10 = 20 ≤ 1 × 20: deferred, exactly on the margin
    BOOST_TEST((tally_yes_no(s, {votes(Choice::yes, 11), votes(Choice::no, 9)}).outcome ==
                Outcome::deferred));
    // |12 − 8| × 10 = 40 > 20: passed
    BOOST_TEST((tally_yes_no(s, {votes(Choice::yes, 12), votes(Choice::no, 8)}).outcome ==
                Outcome::passed));
    // all abstain with a margin: no split at all, deferred
    BOOST_TEST((tally_yes_no(s, {votes(Choice::abstain, 20)}).outcome == Outcome::deferred));
    // a zero margin defers an exact tie only
    s.defer_margin = Fraction{0, 1};
    BOOST_TEST((tally_yes_no(s, {votes(Choice::yes, 10), votes(Choice::no, 10)}).outcome ==
                Outcome::deferred));
    BOOST_TEST((tally_yes_no(s, {votes(Choice::yes, 11), votes(Choice::no, 9)}).outcome ==
                Outcome::passed));
}

BOOST_AUTO_TEST_CASE(without_quorum_no_margin_defers) {
    YesNoSpec s;
    s.electorate.members = 20;
    s.present = 10;
    s.defer_margin = Fraction{1, 2};
    BOOST_TEST((tally_yes_no(s, {votes(Choice::yes, 5), votes(Choice::no, 5)}).outcome ==
                Outcome::no_quorum));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(choice_methods)

BOOST_AUTO_TEST_CASE(a_single_choice_tie_names_every_option_with_the_top_count) {
    auto r = tally_single(3, {pick({0}, 4), pick({2}, 4), pick({1}, 1)});
    BOOST_TEST((r.winners == std::vector<std::size_t>{0, 2}));
    BOOST_TEST((r.counts == std::vector<std::int64_t>{4, 1, 4}));
}

BOOST_AUTO_TEST_CASE(no_votes_elect_nobody) {
    BOOST_TEST(tally_single(3, {}).winners.empty());
    BOOST_TEST(tally_approval(3, {pick({}, 5)}).winners.empty());
    BOOST_TEST(tally_schulze(3, {rank({}, 5)}).winners.empty());
    BOOST_TEST(tally_irv(3, {}).winners.empty());
}

BOOST_AUTO_TEST_CASE(approval_counts_every_approved_option) {
    auto r = tally_approval(3, {pick({0, 1}, 3), pick({1}, 2), pick({2, 0})});
    BOOST_TEST((r.counts == std::vector<std::int64_t>{4, 5, 1}));
    BOOST_TEST((r.winners == std::vector<std::size_t>{1}));
}

BOOST_AUTO_TEST_CASE(budget_funds_by_approvals_and_skips_what_does_not_fit) {
    // costs 60, 50, 30, 10; budget 100; approvals 5, 4, 3, 0
    auto r = tally_budget({6000, 5000, 3000, 1000}, 10000,
                          {pick({0, 1, 2}, 3), pick({0, 1}, 1), pick({0, 2}, 1)});
    BOOST_TEST((r.approvals == std::vector<std::int64_t>{5, 4, 4, 0}));
    // 0 (60) fits; 1 (50) does not fit in 40 and is skipped; 2 (30) fits; 3 has no approvals.
    BOOST_TEST((r.funded == std::vector<std::size_t>{0, 2}));
    BOOST_TEST((r.unfunded == std::vector<std::size_t>{1, 3}));
    BOOST_TEST(r.spent_centi == 9000);
}

BOOST_AUTO_TEST_CASE(budget_ties_in_approvals_go_to_the_earlier_listed_project) {
    auto r = tally_budget({5000, 5000}, 5000, {pick({1, 0})});
    BOOST_TEST((r.funded == std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ranked_methods)

BOOST_AUTO_TEST_CASE(schulze_equal_ranks_give_no_preference_between_them) {
    // A = B > C on every ballot: A and B tie at the top, C last.
    auto r = tally_schulze(3, {rank({{0, 1}, {2}}, 5)});
    BOOST_TEST((r.winners == std::vector<std::size_t>{0, 1}));
    BOOST_TEST(r.order.size() == 2u);
    BOOST_TEST((r.order[1] == std::vector<std::size_t>{2}));
}

BOOST_AUTO_TEST_CASE(schulze_unlisted_options_rank_below_listed_ones) {
    // [[B]] alone: B above A and C; A and C equal.
    auto r = tally_schulze(3, {rank({{1}}, 3), rank({{0}, {2}}, 2)});
    BOOST_TEST((r.winners == std::vector<std::size_t>{1}));
}

BOOST_AUTO_TEST_CASE(schulze_weighs_links_by_winning_votes_not_margins) {
    // A, B, C. 3 ballots list C only; 2 rank A > C > B; 4 rank B > A (C unlisted, so below both).
    // A beats C 6:3, C beats B 5:4, B beats A 4:2: a cycle. By winning votes the weakest link is
    // B→A (4), so A wins; by margins it would be C→B (5 − 4 = 1), electing B.
    auto r = tally_schulze(3, {rank({{2}}, 3), rank({{0}, {2}, {1}}, 2), rank({{1}, {0}}, 4)});
    BOOST_TEST((r.winners == std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_CASE(schulze_an_even_split_between_two_is_a_tie) {
    auto r = tally_schulze(2, {rank({{0}, {1}}, 3), rank({{1}, {0}}, 3)});
    BOOST_TEST((r.winners == std::vector<std::size_t>{0, 1}));
    BOOST_TEST(r.order.size() == 1u);
}

BOOST_AUTO_TEST_CASE(irv_eliminates_the_fewest_until_one_has_more_than_half) {
    // A×4, B>A ×3, C×3, D>C ×2. Round 1: A 4, B 3, C 3, D 2 → D out, its 2 go to C.
    // Round 2: A 4, B 3, C 5 (5 is not more than 12/2) → B out, its 3 go to A. Round 3: A 7 wins.
    auto r = tally_irv(4, {rank({{0}}, 4), rank({{1}, {0}}, 3), rank({{2}}, 3), rank({{3}, {2}}, 2)});
    BOOST_TEST(r.rounds.size() == 3u);
    BOOST_TEST(*r.rounds[0].eliminated == 3u);
    BOOST_TEST(*r.rounds[1].eliminated == 1u);
    BOOST_TEST(!r.rounds[2].eliminated.has_value());
    BOOST_TEST(r.rounds[2].counts[0] == 7);
    BOOST_TEST((r.winners == std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_CASE(irv_equal_now_and_before_eliminates_the_later_listed_option) {
    // A×3, B×2, C×2, D>B ×1. Round 1: D out. Round 2: A 3, B 3, C 2 → C out (its ballots list
    // nobody else: exhausted). Round 3: A 3, B 3, and A 3, B 3 the round before: B is listed later.
    auto t = tally_irv(4, {rank({{0}}, 3), rank({{1}}, 2), rank({{2}}, 2), rank({{3}, {1}}, 1)});
    BOOST_TEST(*t.rounds[0].eliminated == 3u);
    BOOST_TEST(*t.rounds[1].eliminated == 2u);
    BOOST_TEST(*t.rounds[2].eliminated == 1u);
    BOOST_TEST((t.winners == std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_CASE(irv_among_equals_the_one_with_fewer_in_the_previous_round_goes_first) {
    // Round 1: A 3, B 2, C 3, D 1 → D out, its ballot goes to B. Round 2: A 3, B 3, C 3, all
    // equal; in round 1 B had the fewest (2), so B is eliminated, not C (listed later).
    auto r = tally_irv(4, {rank({{0}}, 3), rank({{1}}, 2), rank({{2}}, 3), rank({{3}, {1}}, 1)});
    BOOST_TEST(*r.rounds[0].eliminated == 3u);
    BOOST_TEST((r.rounds[1].counts == std::vector<std::int64_t>{3, 3, 3, 0}));
    BOOST_TEST(*r.rounds[1].eliminated == 1u);
}

BOOST_AUTO_TEST_CASE(irv_a_ballot_with_equal_best_options_counts_for_none) {
    auto r = tally_irv(3, {rank({{0, 1}}, 5), rank({{2}}, 2), rank({{0}}, 1)});
    BOOST_TEST(r.rounds[0].counts[0] == 1);
    BOOST_TEST(r.rounds[0].counts[1] == 0);
    BOOST_TEST(r.rounds[0].counts[2] == 2);
}

BOOST_AUTO_TEST_SUITE_END()
