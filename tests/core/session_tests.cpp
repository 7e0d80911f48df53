// Sessions: extraordinary only on demand, notice ahead (or a recorded reason), sign-in, quorum.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/session.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
const CouncilRules kVillage = preset_rules(CouncilKind::villagers_meeting);  // 10 days, 1/10

Session planned(std::int64_t starts_at) {
    return plan_session(convenor(), kVillage, kCouncil, SessionKind::regular, starts_at, nullptr,
                        30, kT0)
        .value();
}
std::vector<AgendaItem> agenda() { return {{10, "电动车充电桩", false}}; }
SessionDemand demand_by(int n) {
    SessionDemand d{kCouncil, {}};
    for (int i = 1; i <= n; ++i) d.members.push_back(i);
    return d;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(session)

BOOST_AUTO_TEST_CASE(a_regular_session_is_planned_by_the_convenor_in_the_future) {
    BOOST_TEST((planned(kT0 + 20 * kDay).state == SessionState::planned));
    auto e = plan_session(actor(3), kVillage, kCouncil, SessionKind::regular, kT0 + kDay, nullptr,
                          30, kT0);
    BOOST_TEST(e.error().code == "not_convenor");
    auto past = plan_session(convenor(), kVillage, kCouncil, SessionKind::regular, kT0, nullptr,
                             30, kT0);
    BOOST_TEST(past.error().code == "bad_time");
}

BOOST_AUTO_TEST_CASE(an_extraordinary_session_needs_the_demanded_share_of_members) {
    // Villagers' meeting: 1/10 of 30 voting members is 3.
    auto two = demand_by(2);
    auto e = plan_session(convenor(), kVillage, kCouncil, SessionKind::extraordinary,
                          kT0 + 20 * kDay, &two, 30, kT0);
    BOOST_TEST(e.error().code == "demand_insufficient");
    auto three = demand_by(3);
    auto ok = plan_session(convenor(), kVillage, kCouncil, SessionKind::extraordinary,
                           kT0 + 20 * kDay, &three, 30, kT0);
    BOOST_REQUIRE(ok.ok());
    BOOST_TEST((ok.value().kind == SessionKind::extraordinary));
    auto none = plan_session(convenor(), kVillage, kCouncil, SessionKind::extraordinary,
                             kT0 + 20 * kDay, nullptr, 30, kT0);
    BOOST_TEST(none.error().code == "demand_insufficient");
}

BOOST_AUTO_TEST_CASE(a_member_demands_once_and_non_voters_may_not_demand) {
    SessionDemand d{kCouncil, {}};
    d = demand_session(actor(4), d).value();
    BOOST_TEST(d.members.size() == 1u);
    BOOST_TEST(demand_session(actor(4), d).error().code == "already_demanded");
    BOOST_TEST(demand_session(outsider(5), d).error().code == "forbidden");
    BOOST_TEST(demand_session(actor(61, Role::department), d).error().code == "forbidden");
}

BOOST_AUTO_TEST_CASE(notice_at_least_the_notice_period_ahead_is_published) {
    Session s = planned(kT0 + 10 * kDay);  // exactly 10 days ahead
    auto r = publish_notice(convenor(), kVillage, s, agenda(), kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().state == SessionState::noticed));
    BOOST_TEST(r.value().notice_override_reason.empty());
    BOOST_TEST(r.value().agenda.size() == 1u);
}

BOOST_AUTO_TEST_CASE(notice_too_short_is_refused_without_a_reason) {
    Session s = planned(kT0 + 10 * kDay - 1);  // one second short
    auto r = publish_notice(convenor(), kVillage, s, agenda(), kT0);
    BOOST_TEST(r.error().code == "notice_too_short");
}

BOOST_AUTO_TEST_CASE(notice_too_short_with_a_reason_is_published_and_the_reason_recorded) {
    Session s = planned(kT0 + 2 * kDay);
    auto r = publish_notice(convenor(), kVillage, s, agenda(), kT0, "汛期防汛，需紧急议定");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().notice_override_reason == "汛期防汛，需紧急议定");
}

BOOST_AUTO_TEST_CASE(notice_needs_the_convenor_and_an_agenda) {
    Session s = planned(kT0 + 20 * kDay);
    BOOST_TEST(publish_notice(actor(3), kVillage, s, agenda(), kT0).error().code == "not_convenor");
    BOOST_TEST(publish_notice(convenor(), kVillage, s, {}, kT0).error().code == "empty_agenda");
}

BOOST_AUTO_TEST_CASE(only_listed_issues_of_the_council_go_on_the_agenda) {
    Session s = planned(kT0 + 20 * kDay);
    BOOST_TEST(agenda_item(listed_issue(10), s, false).ok());
    Issue collecting = listed_issue(10);
    collecting.stage = IssueStage::collecting;
    BOOST_TEST(agenda_item(collecting, s, false).error().code == "wrong_stage");
    Issue other = listed_issue(10);
    other.council_id = 2;
    BOOST_TEST(agenda_item(other, s, false).error().code == "bad_id");
}

BOOST_AUTO_TEST_CASE(an_agenda_issue_is_scheduled_once_notice_is_out) {
    Session s = planned(kT0 + 20 * kDay);
    BOOST_TEST(schedule_issue(listed_issue(10), s).error().code == "not_on_agenda");
    s = publish_notice(convenor(), kVillage, s, agenda(), kT0).value();
    auto i = schedule_issue(listed_issue(10), s);
    BOOST_REQUIRE(i.ok());
    BOOST_TEST((i.value().stage == IssueStage::scheduled));
}

BOOST_AUTO_TEST_CASE(a_session_opens_at_its_start_and_members_sign_in_once) {
    Session s = publish_notice(convenor(), kVillage, planned(kT0 + 20 * kDay), agenda(), kT0).value();
    BOOST_TEST(sign_in(actor(1), s).error().code == "wrong_session_state");
    BOOST_TEST(open_session(convenor(), s, kT0 + 20 * kDay - 1).error().code == "too_early");
    s = open_session(convenor(), s, kT0 + 20 * kDay).value();
    s = sign_in(actor(1), s).value();
    BOOST_TEST(s.signed_in.size() == 1u);
    BOOST_TEST(sign_in(actor(1), s).error().code == "already_signed_in");
    BOOST_TEST(sign_in(outsider(99), s).error().code == "forbidden");
    BOOST_TEST(sign_in(actor(62, Role::grid_worker), s).error().code == "forbidden");
}

BOOST_AUTO_TEST_CASE(the_convenor_signs_in_a_voting_member_at_the_desk_once) {
    Session s = publish_notice(convenor(), kVillage, planned(kT0 + 20 * kDay), agenda(), kT0).value();
    BOOST_TEST(sign_in_for(convenor(), actor(4), s).error().code == "wrong_session_state");
    s = open_session(convenor(), s, kT0 + 20 * kDay).value();
    BOOST_TEST(sign_in_for(actor(3), actor(4), s).error().code == "not_convenor");
    BOOST_TEST(sign_in_for(convenor(), outsider(99), s).error().code == "bad_id");
    BOOST_TEST(sign_in_for(convenor(), actor(62, Role::department), s).error().code == "bad_id");
    s = sign_in_for(convenor(), actor(4), s).value();
    BOOST_TEST((s.signed_in == std::vector<Id>{4}));
    BOOST_TEST(sign_in_for(convenor(), actor(4), s).error().code == "already_signed_in");
    BOOST_TEST(sign_in(actor(4), s).error().code == "already_signed_in");
}

BOOST_AUTO_TEST_CASE(session_quorum_counts_signed_in_voters_only) {
    auto rules = preset_rules(CouncilKind::residents_council);
    Session s = open_session_with(7);
    BOOST_TEST(!session_quorum(rules, s, voters(14)));  // exactly half
    s.signed_in.push_back(8);
    BOOST_TEST(session_quorum(rules, s, voters(14)));
    s.signed_in.push_back(99);  // not a voter: does not count
    BOOST_TEST(present_voters(s, voters(14)).size() == 8u);
}

BOOST_AUTO_TEST_CASE(a_session_closes_only_when_no_ballot_is_open) {
    auto rules = preset_rules(CouncilKind::residents_council);
    Session s = open_session_with(3);
    BOOST_TEST(close_session(convenor(), rules, s, voters(14), true, {}, kT0).error().code ==
               "ballot_still_open");
    auto r = close_session(convenor(), rules, s, voters(14), false, {}, kT0 + 7200);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().state == SessionState::closed));
    BOOST_TEST(close_session(convenor(), rules, r.value(), voters(14), false, {}, kT0).error().code ==
               "wrong_session_state");
}

BOOST_AUTO_TEST_CASE(a_closed_session_keeps_the_quorum_it_had_when_it_closed) {
    auto rules = preset_rules(CouncilKind::residents_council);  // more than 1/2 by head
    Session s = open_session_with(8);
    Session closed = close_session(convenor(), rules, s, voters(15), false, {}, kT0 + 7200).value();
    // One more member joins afterwards: 8 of 16 is no longer more than half, but the session
    // was held with 8 of 15.
    QuorumStatus q = quorum_status(rules, closed, voters(16));
    BOOST_TEST(q.met);
    BOOST_TEST(q.present == 8);
    BOOST_TEST(q.electorate == 15);
    // An open session is counted over the electorate as it is now.
    QuorumStatus live = quorum_status(rules, s, voters(16));
    BOOST_TEST(!live.met);
    BOOST_TEST(live.electorate == 16);
}

BOOST_AUTO_TEST_SUITE_END()
