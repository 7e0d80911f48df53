// 公示: a resolution notice once a ballot closes and a result notice once a task is answered,
// each for a publication period.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/notice.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
const CouncilRules kRules = preset_rules(CouncilKind::residents_council);
}

BOOST_AUTO_TEST_SUITE(notice)

BOOST_AUTO_TEST_CASE(a_closed_ballot_is_published_as_a_resolution_for_its_period) {
    Ballot b = voted(ballot_over(15, 11), 8, 2, 1);
    auto n = resolution_notice(convenor(), b, tally(kRules, b), "电动车充电桩", kT0, 7);
    BOOST_REQUIRE(n.ok());
    BOOST_TEST((n.value().kind == NoticeKind::resolution));
    BOOST_TEST(n.value().starts_at == kT0);
    BOOST_TEST(n.value().ends_at == kT0 + 7 * kDay);
    BOOST_TEST(n.value().text.find("赞成8票") != std::string::npos);
    BOOST_TEST(n.value().text.find("通过") != std::string::npos);
    BOOST_TEST(notice_in_force(n.value(), kT0));
    BOOST_TEST(!notice_in_force(n.value(), kT0 + 7 * kDay));
}

BOOST_AUTO_TEST_CASE(an_open_ballot_cannot_be_published) {
    Ballot b = ballot_over(15, 11);
    auto n = resolution_notice(convenor(), b, tally(kRules, b), "电动车充电桩", kT0, 7);
    BOOST_TEST(n.error().code == "ballot_still_open");
}

BOOST_AUTO_TEST_CASE(a_publication_period_must_be_one_day_to_a_year) {
    Ballot b = voted(ballot_over(15, 11), 8, 2, 1);
    BOOST_TEST(resolution_notice(convenor(), b, tally(kRules, b), "题", kT0, 0).error().code ==
               "bad_period");
    BOOST_TEST(resolution_notice(convenor(), b, tally(kRules, b), "题", kT0, 366).error().code ==
               "bad_period");
    BOOST_TEST(resolution_notice(actor(1), b, tally(kRules, b), "题", kT0, 7).error().code ==
               "not_convenor");
}

BOOST_AUTO_TEST_CASE(an_answered_task_is_published_as_a_result) {
    Ballot b = voted(ballot_over(15, 11), 8, 2, 1);
    Task t = assign_task(convenor(), b, tally(kRules, b), {"物业公司", 60, kT0 + 30 * kDay}, kT0)
                 .value();
    BOOST_TEST(result_notice(convenor(), t, "电动车充电桩", kT0, 7).error().code ==
               "wrong_task_state");
    t = answer_task(actor(60, Role::department), t, "充电桩已投入使用", kT0 + kDay).value();
    auto n = result_notice(convenor(), t, "电动车充电桩", kT0 + kDay, 15);
    BOOST_REQUIRE(n.ok());
    BOOST_TEST((n.value().kind == NoticeKind::result));
    BOOST_TEST(n.value().text.find("充电桩已投入使用") != std::string::npos);
    BOOST_TEST(n.value().ends_at == kT0 + 16 * kDay);
}

BOOST_AUTO_TEST_SUITE_END()
