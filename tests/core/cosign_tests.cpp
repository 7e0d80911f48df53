// 附议 rules: who may co-sign, once, and when an issue reaches the period's list.
#include <boost/test/unit_test.hpp>

#include "yishi/cosign.hpp"

using namespace yishi;

namespace {
Issue issue_by(Id author, IssueStage stage = IssueStage::collecting) {
    Issue i;
    i.id = 7;
    i.council_id = 1;
    i.author_id = author;
    i.stage = stage;
    return i;
}
Council council_with_threshold(int t) {
    Council c;
    c.id = 1;
    c.cosign_threshold = t;
    return c;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cosign)

BOOST_AUTO_TEST_CASE(a_member_may_cosign_another_members_issue) {
    BOOST_TEST(!check_cosign(issue_by(1), 2, true, false).has_value());
}

BOOST_AUTO_TEST_CASE(the_author_may_not_cosign_their_own_issue) {
    auto e = check_cosign(issue_by(1), 1, true, false);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->code == "own_issue");
    BOOST_TEST(e->status == 409);
}

BOOST_AUTO_TEST_CASE(a_member_may_cosign_only_once) {
    auto e = check_cosign(issue_by(1), 2, true, true);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->code == "already_cosigned");
}

BOOST_AUTO_TEST_CASE(a_non_member_may_not_cosign) {
    auto e = check_cosign(issue_by(1), 2, false, false);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->code == "forbidden");
    BOOST_TEST(e->status == 403);
}

BOOST_AUTO_TEST_CASE(a_listed_issue_no_longer_collects_cosigns) {
    auto e = check_cosign(issue_by(1, IssueStage::listed), 2, true, false);
    BOOST_REQUIRE(e.has_value());
    BOOST_TEST(e->code == "not_open_for_cosign");
}

BOOST_AUTO_TEST_CASE(reaching_the_threshold_lists_the_issue) {
    auto c = council_with_threshold(5);
    BOOST_TEST((stage_after_cosign(issue_by(1), 4, c) == IssueStage::collecting));
    BOOST_TEST((stage_after_cosign(issue_by(1), 5, c) == IssueStage::listed));
}

BOOST_AUTO_TEST_CASE(stage_names_round_trip) {
    for (auto s : {IssueStage::collecting, IssueStage::listed}) {
        IssueStage back{};
        BOOST_TEST(issue_stage_from_string(to_string(s), back));
        BOOST_TEST((back == s));
    }
    IssueStage ignored{};
    BOOST_TEST(!issue_stage_from_string("decided", ignored));
}

BOOST_AUTO_TEST_SUITE_END()
