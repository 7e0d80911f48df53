// Council rule presets carry DESIGN.md's legal numbers; adjusted rules are validated.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/rules.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
bool is(const Threshold& t, std::int64_t num, std::int64_t den, Bound b) {
    return t.share.num == num && t.share.den == den && t.bound == b;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(rules)

BOOST_AUTO_TEST_CASE(residents_council_defaults_to_more_than_half_of_members) {
    auto r = preset_rules(CouncilKind::residents_council);
    BOOST_TEST(is(r.quorum.share, 1, 2, Bound::more_than));
    BOOST_TEST((r.quorum.base == QuorumBase::heads));
    BOOST_TEST(is(r.pass.share, 1, 2, Bound::more_than));
    BOOST_TEST(!r.pass.by_area);
    BOOST_TEST(r.cosign_threshold == 5);
    BOOST_TEST(r.defer_margin.num == 1);
    BOOST_TEST(r.defer_margin.den == 10);
}

BOOST_AUTO_TEST_CASE(residents_meeting_needs_more_than_half_and_one_fifth_may_demand) {
    auto r = preset_rules(CouncilKind::residents_meeting);
    BOOST_TEST(is(r.quorum.share, 1, 2, Bound::more_than));
    BOOST_TEST(is(r.pass.share, 1, 2, Bound::more_than));
    BOOST_TEST(is(r.demand, 1, 5, Bound::at_least));
}

BOOST_AUTO_TEST_CASE(villagers_meeting_one_tenth_may_demand_with_ten_days_notice) {
    auto r = preset_rules(CouncilKind::villagers_meeting);
    BOOST_TEST(is(r.quorum.share, 1, 2, Bound::more_than));
    BOOST_TEST(is(r.pass.share, 1, 2, Bound::more_than));
    BOOST_TEST(is(r.demand, 1, 10, Bound::at_least));
    BOOST_TEST(r.notice_days == 10);
}

BOOST_AUTO_TEST_CASE(villager_representatives_need_at_least_two_thirds_and_one_fifth_may_demand) {
    auto r = preset_rules(CouncilKind::villager_representatives);
    BOOST_TEST(is(r.quorum.share, 2, 3, Bound::at_least));
    BOOST_TEST(is(r.pass.share, 1, 2, Bound::more_than));
    BOOST_TEST(is(r.demand, 1, 5, Bound::at_least));
}

BOOST_AUTO_TEST_CASE(owners_assembly_is_a_double_majority_by_area_and_head) {
    auto r = preset_rules(CouncilKind::owners_assembly);
    BOOST_TEST(is(r.quorum.share, 2, 3, Bound::at_least));
    BOOST_TEST((r.quorum.base == QuorumBase::area_and_heads));
    BOOST_TEST(is(r.pass.share, 1, 2, Bound::more_than));
    BOOST_TEST(r.pass.by_area);
    BOOST_TEST(is(r.pass_special.share, 3, 4, Bound::at_least));
    BOOST_TEST(r.pass_special.by_area);
}

BOOST_AUTO_TEST_CASE(every_preset_is_valid_and_statutory_bodies_do_not_defer) {
    for (auto k : {CouncilKind::residents_council, CouncilKind::residents_meeting,
                   CouncilKind::villagers_meeting, CouncilKind::villager_representatives,
                   CouncilKind::owners_assembly}) {
        auto r = preset_rules(k);
        BOOST_TEST(!validate_rules(r).has_value(), to_string(k));
        BOOST_TEST((r.kind == k));
        CouncilKind back{};
        BOOST_TEST(council_kind_from_string(to_string(k), back));
        BOOST_TEST((back == k));
        if (k != CouncilKind::residents_council) BOOST_TEST(r.defer_margin.num == 0);
    }
}

BOOST_AUTO_TEST_CASE(adjusted_rules_with_a_share_outside_zero_to_one_are_refused) {
    auto r = preset_rules(CouncilKind::residents_council);
    r.quorum.share.share = {3, 2};
    auto e = validate_rules(r);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->code == "bad_rules");
    BOOST_TEST(e->field == "quorum");

    r = preset_rules(CouncilKind::residents_council);
    r.pass.share.share = {1, 0};
    BOOST_TEST(validate_rules(r)->field == "pass");

    r = preset_rules(CouncilKind::residents_council);
    r.demand.share = {0, 5};
    BOOST_TEST(validate_rules(r)->field == "demand");
}

BOOST_AUTO_TEST_CASE(adjusted_thresholds_and_periods_must_be_in_range) {
    auto r = preset_rules(CouncilKind::residents_council);
    r.cosign_threshold = 0;
    BOOST_TEST(validate_rules(r)->field == "cosign_threshold");
    r = preset_rules(CouncilKind::residents_council);
    r.notice_days = -1;
    BOOST_TEST(validate_rules(r)->field == "notice_days");
    r = preset_rules(CouncilKind::residents_council);
    r.defer_margin = {2, 1};
    BOOST_TEST(validate_rules(r)->field == "defer_margin");
    r.defer_margin = {0, 1};  // off is allowed
    BOOST_TEST(!validate_rules(r).has_value());
}

BOOST_AUTO_TEST_CASE(weighing_by_area_needs_an_area_quorum) {
    auto r = preset_rules(CouncilKind::residents_council);
    r.pass.by_area = true;
    BOOST_TEST(validate_rules(r)->field == "pass");
}

BOOST_AUTO_TEST_CASE(only_a_convenor_may_adjust_the_rules) {
    auto r = preset_rules(CouncilKind::residents_council);
    r.cosign_threshold = 8;
    BOOST_TEST(adjust_rules(convenor(), r).ok());
    BOOST_TEST(adjust_rules(convenor(), r).value().cosign_threshold == 8);
    BOOST_TEST(adjust_rules(actor(2), r).error().code == "not_convenor");
    BOOST_TEST(adjust_rules(outsider(2), r).error().code == "forbidden");
    r.cosign_threshold = 0;
    BOOST_TEST(adjust_rules(convenor(), r).error().code == "bad_rules");
}

BOOST_AUTO_TEST_CASE(a_stored_council_gets_its_kinds_preset_and_its_own_cosign_threshold) {
    Council c;
    c.kind = "villager_representatives";
    c.cosign_threshold = 3;
    auto r = rules_for(c);
    BOOST_TEST((r.kind == CouncilKind::villager_representatives));
    BOOST_TEST(is(r.quorum.share, 2, 3, Bound::at_least));
    BOOST_TEST(r.cosign_threshold == 3);
    c.kind = "unknown";
    BOOST_TEST((rules_for(c).kind == CouncilKind::residents_council));
}

BOOST_AUTO_TEST_SUITE_END()
