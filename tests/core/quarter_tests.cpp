// A whole quarter through the core alone, 提 → 议 → 定 → 办 → 评, as the server's integration test
// will play it over HTTP: each step uses the same pure transitions the server will call.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/permissions.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
constexpr Id kConvenor = 1;  // members 1..15 vote; 1 convenes
constexpr Id kGrid = 50;
constexpr Id kDept = 60;
constexpr Id kResident = 70;  // does not use the app: the grid worker raises for them

struct Quarter {
    std::vector<Member> members;
    std::vector<Membership> memberships;
    CouncilRules rules = preset_rules(CouncilKind::residents_council);

    Quarter() {
        for (Id id = 1; id <= 15; ++id) {
            members.push_back({id, "m" + std::to_string(id), "成员", "council_member", id, 0});
            memberships.push_back(
                make_membership(kCouncil, id, id == kConvenor ? Role::convenor : Role::council_member));
        }
        members.push_back({kGrid, "grid", "网格员", "grid_worker", 0, 0});
        memberships.push_back(make_membership(kCouncil, kGrid, Role::grid_worker));
        members.push_back({kDept, "dept", "街道办", "department", 0, 0});
        memberships.push_back(make_membership(kCouncil, kDept, Role::department));
    }
    Actor as(Id id) const {
        for (const auto& m : members)
            if (m.id == id) return actor_in(m, memberships, kCouncil);
        return outsider(id);
    }
    std::vector<Voter> voters() const { return electorate(members, memberships, kCouncil); }
};

Issue raised(const Quarter& q, Id by, const std::string& title, Id id, Id on_behalf = 0) {
    RaiseIssue r{title, title + "，请议事会讨论", "", "", on_behalf};
    Issue i = raise_issue(q.as(by), kCouncil, r, kT0).value();
    i.id = id;
    return i;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(quarter)

BOOST_AUTO_TEST_CASE(a_quarter_runs_from_raising_to_rating) {
    Quarter q;
    BOOST_TEST(q.voters().size() == 15u);  // grid worker and department do not vote

    // 提: six issues, one raised by the grid worker for a resident.
    std::vector<Issue> issues{raised(q, 2, "电动车充电桩", 1), raised(q, 3, "楼道保洁", 2),
                              raised(q, 4, "老年配餐", 3),     raised(q, 5, "加装电梯", 4),
                              raised(q, 6, "广场舞噪音", 5),   raised(q, kGrid, "路灯不亮", 6, kResident)};
    BOOST_TEST(issues[5].author_id == kResident);
    BOOST_TEST(issues[5].raised_by_id == kGrid);

    // Five co-signs list the first issue; the convenor accepts the second and third.
    int cosigns = 0;
    for (Id by = 7; by <= 11; ++by) {
        BOOST_REQUIRE(allowed(check_cosign(issues[0], by, q.as(by).member, false)));
        issues[0].stage = stage_after_cosign(issues[0], ++cosigns, Council{kCouncil, "", "", "", 5, 15});
    }
    BOOST_TEST((issues[0].stage == IssueStage::listed));
    issues[1] = accept_issue(q.as(kConvenor), issues[1]).value();
    issues[2] = accept_issue(q.as(kConvenor), issues[2]).value();

    // Two declined with reasons, one merged.
    issues[3] = decline_issue(q.as(kConvenor), issues[3], "本楼未达成加装协议，请先征求住户意见").value();
    issues[4] = decline_issue(q.as(kConvenor), issues[4], "已由城管部门处理").value();
    issues[5] = merge_issue(q.as(kConvenor), issues[5], issues[0], "路灯与充电桩同一施工").value();
    BOOST_TEST((issues[3].stage == IssueStage::declined));
    BOOST_TEST(issues[5].merged_into == 1);

    // 议: a comment and an official reply.
    Comment c = post_comment(q.as(3), issues[0], nullptr, Stance::support, "支持", kT0).value();
    c.id = 1;
    BOOST_TEST(post_official_reply(q.as(kDept), issues[0], &c, "街道已勘察选址", kT0).value().official);

    // An extraordinary session demanded by three of fifteen (1/5).
    SessionDemand d{kCouncil, {}};
    for (Id by : {12, 13}) d = demand_session(q.as(by), d).value();
    BOOST_TEST(!allowed(may_plan_session(q.as(kConvenor), q.rules, SessionKind::extraordinary, &d, 15)));
    d = demand_session(q.as(14), d).value();
    BOOST_TEST(plan_session(q.as(kConvenor), q.rules, kCouncil, SessionKind::extraordinary,
                            kT0 + 8 * kDay, &d, 15, kT0)
                   .ok());

    // 定: the regular session, noticed 7 days ahead, 11 signed in.
    Session s = plan_session(q.as(kConvenor), q.rules, kCouncil, SessionKind::regular,
                             kT0 + 7 * kDay, nullptr, 15, kT0)
                    .value();
    s.id = 5;
    std::vector<AgendaItem> agenda;
    for (int i : {0, 1, 2}) agenda.push_back(agenda_item(issues[i], s, false).value());
    s = publish_notice(q.as(kConvenor), q.rules, s, agenda, kT0).value();
    for (int i : {0, 1, 2}) issues[i] = schedule_issue(issues[i], s).value();
    s = open_session(q.as(kConvenor), s, kT0 + 7 * kDay).value();
    for (Id by = 1; by <= 11; ++by) s = sign_in(q.as(by), s).value();
    BOOST_TEST(session_quorum(q.rules, s, q.voters()));

    struct Plan { int yes, no, abstain; Outcome expect; };
    const Plan plans[] = {{8, 2, 1, Outcome::passed}, {3, 7, 1, Outcome::failed},
                          {5, 4, 2, Outcome::deferred}};
    std::vector<Ballot> ballots;
    for (int i = 0; i < 3; ++i) {
        Ballot b = open_ballot(q.as(kConvenor), s, issues[i].id, q.voters(), false, kT0).value();
        b.id = i + 1;
        Id next = 1;
        for (int k = 0; k < plans[i].yes; ++k) b = cast_vote(q.as(next++), b, s, Choice::yes, kT0).value();
        for (int k = 0; k < plans[i].no; ++k) b = cast_vote(q.as(next++), b, s, Choice::no, kT0).value();
        for (int k = 0; k < plans[i].abstain; ++k)
            b = cast_vote(q.as(next++), b, s, Choice::abstain, kT0).value();
        BOOST_TEST(cast_vote(q.as(1), b, s, Choice::no, kT0).error().code == "already_voted");
        BOOST_TEST(cast_vote(q.as(12), b, s, Choice::yes, kT0).error().code == "not_eligible");
        b = close_ballot(q.as(kConvenor), b, kT0).value();
        Tally t = tally(q.rules, b);
        BOOST_TEST((t.outcome == plans[i].expect), "ballot " << i);
        issues[i] = resolve_issue(issues[i], b, t).value();
        BOOST_TEST(resolution_notice(q.as(kConvenor), b, t, issues[i].title, kT0, 7).ok());
        ballots.push_back(b);
    }
    BOOST_TEST((issues[2].stage == IssueStage::listed));  // deferred: back for more consultation
    s = close_session(q.as(kConvenor), q.rules, s, q.voters(), false, {1, 2, 3}, kT0 + 7 * kDay + 7200)
            .value();

    // 办 and 评: the passed decision becomes a task; an unsatisfied majority sends it back once.
    Tally passed = tally(q.rules, ballots[0]);
    Task task = assign_task(q.as(kConvenor), ballots[0], passed,
                            {"街道办事处", kDept, kT0 + 40 * kDay}, kT0 + 8 * kDay)
                    .value();
    task = report_progress(q.as(kDept), task, "已完成选址", kT0 + 10 * kDay).value();
    task = answer_task(q.as(kDept), task, "已安装充电桩4个", kT0 + 20 * kDay).value();
    for (Id by = 2; by <= 6; ++by)
        task = rate_reply(q.as(by), task, by <= 4 ? Rating::unsatisfied : Rating::satisfied).value();
    task = conclude_rating(q.as(kConvenor), task).value();
    BOOST_TEST((task.state == TaskState::supervised));
    task = answer_task(q.as(kDept), task, "增至8个并延长开放时间", kT0 + 30 * kDay).value();
    for (Id by = 2; by <= 6; ++by)
        task = rate_reply(q.as(by), task, by == 2 ? Rating::unsatisfied : Rating::satisfied).value();
    task = conclude_rating(q.as(kConvenor), task).value();
    BOOST_TEST((task.state == TaskState::done));
    auto result = result_notice(q.as(kConvenor), task, issues[0].title, kT0 + 31 * kDay, 15);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.value().text.find("增至8个") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
