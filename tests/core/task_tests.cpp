// 办 and 评: tasks from passed decisions, progress and replies by the responsible unit,
// one rating per member per reply, and supervision on an unsatisfied majority (more than half).
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/task.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
const CouncilRules kRules = preset_rules(CouncilKind::residents_council);
constexpr Id kDept = 60;

Actor dept() { return actor(kDept, Role::department); }

Task assigned() {
    Ballot b = voted(ballot_over(15, 11), 9, 1, 1);
    return assign_task(convenor(), b, tally(kRules, b), {"街道办事处", kDept, kT0 + 30 * kDay}, kT0)
        .value();
}

Task answered() { return answer_task(dept(), assigned(), "已在东门安装充电桩8个", kT0 + kDay).value(); }

// Rates the current reply by members 1.. : `unsatisfied` of them unsatisfied, the rest satisfied.
Task rated(Task t, int total, int unsatisfied) {
    for (int i = 1; i <= total; ++i)
        t = rate_reply(actor(i), t, i <= unsatisfied ? Rating::unsatisfied : Rating::satisfied)
                .value();
    return t;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(task)

BOOST_AUTO_TEST_CASE(a_passed_decision_becomes_a_task_for_a_responsible_unit) {
    Task t = assigned();
    BOOST_TEST(t.responsible_unit == "街道办事处");
    BOOST_TEST(t.responsible_member_id == kDept);
    BOOST_TEST((t.state == TaskState::assigned));
    BOOST_TEST(t.issue_id == 10);
}

BOOST_AUTO_TEST_CASE(only_passed_closed_ballots_are_assigned_with_a_future_due_date) {
    Ballot failed = voted(ballot_over(15, 11), 2, 8, 1);
    BOOST_TEST(assign_task(convenor(), failed, tally(kRules, failed), {"城管", kDept, kT0 + kDay}, kT0)
                   .error()
                   .code == "not_passed");
    Ballot open = ballot_over(15, 11);
    BOOST_TEST(assign_task(convenor(), open, tally(kRules, open), {"城管", kDept, kT0 + kDay}, kT0)
                   .error()
                   .code == "ballot_still_open");
    Ballot passed = voted(ballot_over(15, 11), 9, 1, 1);
    Tally t = tally(kRules, passed);
    BOOST_TEST(assign_task(convenor(), passed, t, {"城管", kDept, kT0}, kT0).error().code ==
               "bad_time");
    BOOST_TEST(assign_task(convenor(), passed, t, {" ", kDept, kT0 + kDay}, kT0).error().code ==
               "empty_text");
    BOOST_TEST(assign_task(actor(3), passed, t, {"城管", kDept, kT0 + kDay}, kT0).error().code ==
               "not_convenor");
}

BOOST_AUTO_TEST_CASE(only_the_responsible_unit_reports_progress_and_answers) {
    Task t = assigned();
    BOOST_TEST(report_progress(actor(3), t, "进展", kT0).error().code == "not_responsible");
    BOOST_TEST(answer_task(actor(61, Role::department), t, "答复", kT0).error().code ==
               "not_responsible");
    t = report_progress(dept(), t, "已完成选址", kT0 + kDay).value();
    BOOST_REQUIRE(t.progress.size() == 1u);
    BOOST_TEST(t.progress[0].text == "已完成选址");
    t = answer_task(dept(), t, "已安装完毕", kT0 + 2 * kDay).value();
    BOOST_TEST((t.state == TaskState::answered));
    BOOST_TEST(report_progress(dept(), t, "再报", kT0).error().code == "wrong_task_state");
}

BOOST_AUTO_TEST_CASE(a_member_rates_a_reply_only_once) {
    Task t = rate_reply(actor(1), answered(), Rating::basically_satisfied).value();
    BOOST_TEST(rate_reply(actor(1), t, Rating::unsatisfied).error().code == "already_rated");
    BOOST_TEST(t.replies.back().ratings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(non_members_the_unit_itself_and_unanswered_tasks_cannot_be_rated) {
    BOOST_TEST(rate_reply(outsider(99), answered(), Rating::satisfied).error().code == "forbidden");
    BOOST_TEST(rate_reply(dept(), answered(), Rating::satisfied).error().code == "not_eligible");
    BOOST_TEST(rate_reply(actor(1), assigned(), Rating::satisfied).error().code ==
               "wrong_task_state");
}

BOOST_AUTO_TEST_CASE(exactly_half_unsatisfied_does_not_send_the_task_back) {
    Task t = rated(answered(), 4, 2);
    BOOST_TEST(!unsatisfied_majority(t.replies.back()));
    BOOST_TEST((conclude_rating(convenor(), t).value().state == TaskState::done));
}

BOOST_AUTO_TEST_CASE(more_than_half_unsatisfied_sends_the_task_back_for_supervision) {
    Task t = rated(answered(), 5, 3);
    BOOST_TEST(unsatisfied_majority(t.replies.back()));
    t = conclude_rating(convenor(), t).value();
    BOOST_TEST((t.state == TaskState::supervised));
    // 督办: it must be answered again, and the new reply is rated afresh.
    BOOST_TEST(rate_reply(actor(9), t, Rating::satisfied).error().code == "wrong_task_state");
    t = answer_task(dept(), t, "已增设北门充电桩并调整收费", kT0 + 10 * kDay).value();
    BOOST_TEST((t.state == TaskState::answered));
    BOOST_TEST(t.replies.size() == 2u);
    t = rate_reply(actor(1), t, Rating::satisfied).value();  // member 1 rated the first reply too
    BOOST_TEST((conclude_rating(convenor(), t).value().state == TaskState::done));
}

BOOST_AUTO_TEST_CASE(basically_satisfied_is_not_unsatisfied) {
    Task t = answered();
    for (Id i = 1; i <= 3; ++i) t = rate_reply(actor(i), t, Rating::basically_satisfied).value();
    t = rate_reply(actor(4), t, Rating::unsatisfied).value();
    BOOST_TEST(!unsatisfied_majority(t.replies.back()));
}

BOOST_AUTO_TEST_CASE(only_the_convenor_concludes_rating_of_an_answered_task) {
    BOOST_TEST(conclude_rating(actor(1), answered()).error().code == "not_convenor");
    BOOST_TEST(conclude_rating(convenor(), assigned()).error().code == "wrong_task_state");
}

BOOST_AUTO_TEST_CASE(rating_names_round_trip) {
    for (auto r : {Rating::satisfied, Rating::basically_satisfied, Rating::unsatisfied}) {
        Rating back{};
        BOOST_TEST(rating_from_string(to_string(r), back));
        BOOST_TEST((back == r));
    }
    BOOST_TEST(std::string(to_string(TaskState::supervised)) == "supervised");
}

BOOST_AUTO_TEST_SUITE_END()
