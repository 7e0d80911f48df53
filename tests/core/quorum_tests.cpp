// Quorum by head, by household and by area and head, with the boundaries of each share.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/quorum.hpp"

using namespace yishi;
using namespace fixtures;

BOOST_AUTO_TEST_SUITE(quorum)

BOOST_AUTO_TEST_CASE(quorum_requires_more_than_half_of_members_so_exactly_half_fails) {
    auto r = preset_rules(CouncilKind::residents_council);
    Turnout all{14, 14, 0};
    BOOST_TEST(!quorum_met(r.quorum, {7, 7, 0}, all));
    BOOST_TEST(quorum_met(r.quorum, {8, 8, 0}, all));
}

BOOST_AUTO_TEST_CASE(representatives_quorum_includes_two_thirds_exactly_and_not_one_short) {
    auto r = preset_rules(CouncilKind::villager_representatives);
    Turnout all{30, 30, 0};
    BOOST_TEST(quorum_met(r.quorum, {20, 20, 0}, all));
    BOOST_TEST(!quorum_met(r.quorum, {19, 19, 0}, all));
}

BOOST_AUTO_TEST_CASE(household_quorum_counts_distinct_households) {
    // Two members of one household count once.
    std::vector<Voter> all{{1, 7, 0}, {2, 7, 0}, {3, 8, 0}, {4, 9, 0}};
    Turnout t = count(all);
    BOOST_TEST(t.heads == 4);
    BOOST_TEST(t.households == 3);
    QuorumRule rule{{{2, 3}, Bound::at_least}, QuorumBase::households};
    std::vector<Voter> same_house{{1, 7, 0}, {2, 7, 0}};
    BOOST_TEST(!quorum_met(rule, count(same_house), t));  // 1 of 3 households
    std::vector<Voter> two_houses{{1, 7, 0}, {3, 8, 0}};
    BOOST_TEST(quorum_met(rule, count(two_houses), t));  // 2 of 3 = exactly 2/3
}

BOOST_AUTO_TEST_CASE(owners_quorum_needs_two_thirds_of_area_and_of_heads) {
    auto r = preset_rules(CouncilKind::owners_assembly);
    Turnout all{3, 3, 30000};
    BOOST_TEST(quorum_met(r.quorum, {2, 2, 20000}, all));    // both exactly 2/3
    BOOST_TEST(!quorum_met(r.quorum, {2, 2, 19999}, all));   // area one hundredth short
    BOOST_TEST(!quorum_met(r.quorum, {1, 1, 29000}, all));   // area enough, heads not
}

BOOST_AUTO_TEST_CASE(pass_by_area_requires_both_majorities) {
    auto r = preset_rules(CouncilKind::owners_assembly);
    Turnout present{4, 4, 40000};
    BOOST_TEST(pass_met(r.pass, {3, 3, 20001}, present));
    BOOST_TEST(!pass_met(r.pass, {3, 3, 20000}, present));  // exactly half the area
    BOOST_TEST(!pass_met(r.pass, {2, 2, 39000}, present));  // exactly half the heads
}

BOOST_AUTO_TEST_CASE(electorate_is_the_voting_members_of_the_council) {
    std::vector<Member> members(4);
    for (int i = 0; i < 4; ++i) members[i].id = i + 1;
    members[0].floor_area_centi_m2 = 8950;
    std::vector<Membership> ms{make_membership(kCouncil, 1, Role::resident),
                               make_membership(kCouncil, 2, Role::department),
                               make_membership(kCouncil, 3, Role::grid_worker),
                               make_membership(2, 4, Role::resident)};
    auto e = electorate(members, ms, kCouncil);
    BOOST_REQUIRE(e.size() == 1u);
    BOOST_TEST(e[0].member_id == 1);
    BOOST_TEST(e[0].area_centi_m2 == 8950);
}

BOOST_AUTO_TEST_SUITE_END()
