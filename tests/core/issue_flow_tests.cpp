// 提: raising (and 代提 by grid workers), accepting, merging and declining issues.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/issue_flow.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
RaiseIssue lift() { return {"加装电梯", "三号楼老人上下楼困难", "加装电梯", "3号楼", 0}; }
Issue collecting(Id id) {
    Issue i = listed_issue(id);
    i.stage = IssueStage::collecting;
    return i;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(issue_flow)

BOOST_AUTO_TEST_CASE(a_member_raises_an_issue_that_starts_collecting_cosigns) {
    auto r = raise_issue(actor(3), kCouncil, lift(), kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().author_id == 3);
    BOOST_TEST(r.value().raised_by_id == 0);
    BOOST_TEST((r.value().stage == IssueStage::collecting));
    BOOST_TEST(r.value().category == "加装电梯");
    BOOST_TEST(r.value().tag == "3号楼");
}

BOOST_AUTO_TEST_CASE(a_non_member_may_not_raise_an_issue) {
    auto r = raise_issue(outsider(3), kCouncil, lift(), kT0);
    BOOST_TEST(r.error().code == "forbidden");
    BOOST_TEST(r.error().status == 403);
}

BOOST_AUTO_TEST_CASE(a_grid_worker_raises_on_behalf_of_a_resident_and_is_recorded) {
    auto req = lift();
    req.on_behalf_of = 9;
    auto r = raise_issue(actor(50, Role::grid_worker), kCouncil, req, kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().author_id == 9);
    BOOST_TEST(r.value().raised_by_id == 50);
}

BOOST_AUTO_TEST_CASE(a_grid_worker_raises_for_a_resident_without_an_account_and_stays_author) {
    auto req = lift();
    req.raised_for_name = " 王秀英 ";
    req.raised_for_household = "3栋2单元";
    auto r = raise_issue(actor(50, Role::grid_worker), kCouncil, req, kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().author_id == 50);
    BOOST_TEST(r.value().raised_by_id == 0);
    BOOST_TEST(r.value().raised_for_name == "王秀英");
    BOOST_TEST(r.value().raised_for_household == "3栋2单元");
}

BOOST_AUTO_TEST_CASE(a_resident_without_an_account_needs_a_name_and_a_grid_worker) {
    auto grid = actor(50, Role::grid_worker);
    auto with = [](std::string name, std::string household, Id member) {
        auto req = lift();
        req.raised_for_name = std::move(name);
        req.raised_for_household = std::move(household);
        req.on_behalf_of = member;
        return req;
    };
    BOOST_TEST(raise_issue(actor(3), kCouncil, with("王秀英", "", 0), kT0).error().code ==
               "not_grid_worker");
    BOOST_TEST(raise_issue(actor(3), kCouncil, with("", "3栋", 0), kT0).error().code ==
               "not_grid_worker");
    auto both = raise_issue(grid, kCouncil, with("王秀英", "", 9), kT0).error();
    BOOST_TEST(both.code == "behalf_twice");
    BOOST_TEST(both.status == 400);
    BOOST_TEST(raise_issue(grid, kCouncil, with("", "3栋", 0), kT0).error().code == "empty_text");
    BOOST_TEST(raise_issue(grid, kCouncil, with(std::string(33, 'a'), "", 0), kT0).error().code ==
               "too_long");
    BOOST_TEST(raise_issue(grid, kCouncil, with("王秀英", std::string(41, '3'), 0), kT0)
                   .error().field == "raised_for_household");
    BOOST_TEST(raise_issue(grid, kCouncil, with("王\xE2\x80\xAE秀英", "", 0), kT0).error().code ==
               "bad_character");
    BOOST_TEST(raise_issue(grid, kCouncil, with("王\n秀英", "", 0), kT0).error().code ==
               "line_break");
}

BOOST_AUTO_TEST_CASE(only_a_grid_worker_may_raise_on_behalf_of_someone) {
    auto req = lift();
    req.on_behalf_of = 9;
    BOOST_TEST(raise_issue(actor(3), kCouncil, req, kT0).error().code == "not_grid_worker");
}

BOOST_AUTO_TEST_CASE(raised_text_is_validated) {
    auto req = lift();
    req.title = "   ";
    BOOST_TEST(raise_issue(actor(3), kCouncil, req, kT0).error().code == "empty_text");
    req = lift();
    req.tag = std::string("\xff");
    auto e = raise_issue(actor(3), kCouncil, req, kT0).error();
    BOOST_TEST(e.code == "bad_utf8");
    BOOST_TEST(e.field == "tag");
    req = lift();
    req.category = std::string(21, 'a');
    BOOST_TEST(raise_issue(actor(3), kCouncil, req, kT0).error().code == "too_long");
}

BOOST_AUTO_TEST_CASE(the_convenor_accepts_a_collecting_issue_onto_the_list) {
    auto r = accept_issue(convenor(), collecting(7));
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().stage == IssueStage::listed));
    BOOST_TEST(accept_issue(actor(3), collecting(7)).error().code == "not_convenor");
    BOOST_TEST(accept_issue(convenor(), listed_issue(7)).error().code == "wrong_stage");
}

BOOST_AUTO_TEST_CASE(merging_records_the_target_and_the_reason) {
    auto r = merge_issue(convenor(), collecting(7), listed_issue(8), "与8号议题重复");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().stage == IssueStage::merged));
    BOOST_TEST(r.value().merged_into == 8);
    BOOST_TEST(r.value().reason == "与8号议题重复");
}

BOOST_AUTO_TEST_CASE(merging_into_itself_another_council_or_a_closed_issue_is_refused) {
    BOOST_TEST(merge_issue(convenor(), collecting(7), collecting(7), "重复").error().code ==
               "bad_merge_target");
    Issue other = listed_issue(8);
    other.council_id = 2;
    BOOST_TEST(merge_issue(convenor(), collecting(7), other, "重复").error().code ==
               "bad_merge_target");
    Issue declined = listed_issue(8);
    declined.stage = IssueStage::declined;
    BOOST_TEST(merge_issue(convenor(), collecting(7), declined, "重复").error().code ==
               "bad_merge_target");
    BOOST_TEST(merge_issue(actor(3), collecting(7), listed_issue(8), "重复").error().code ==
               "not_convenor");
}

BOOST_AUTO_TEST_CASE(declining_requires_a_reason) {
    auto e = decline_issue(convenor(), collecting(7), "  ").error();
    BOOST_TEST(e.code == "empty_text");
    BOOST_TEST(e.field == "reason");
    auto r = decline_issue(convenor(), collecting(7), "属于物业合同纠纷，请向业主委员会反映");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().stage == IssueStage::declined));
    BOOST_TEST(r.value().reason == "属于物业合同纠纷，请向业主委员会反映");
}

BOOST_AUTO_TEST_CASE(a_scheduled_issue_can_no_longer_be_declined_or_merged) {
    Issue s = listed_issue(7);
    s.stage = IssueStage::scheduled;
    BOOST_TEST(decline_issue(convenor(), s, "理由").error().code == "wrong_stage");
    BOOST_TEST(merge_issue(convenor(), s, listed_issue(8), "理由").error().code == "wrong_stage");
}

BOOST_AUTO_TEST_CASE(new_stage_names_round_trip_and_the_old_ones_keep_their_strings) {
    BOOST_TEST(std::string(to_string(IssueStage::collecting)) == "collecting");
    BOOST_TEST(std::string(to_string(IssueStage::listed)) == "listed");
    for (auto s : {IssueStage::merged, IssueStage::declined, IssueStage::scheduled,
                   IssueStage::resolved}) {
        IssueStage back{};
        BOOST_TEST(issue_stage_from_string(to_string(s), back));
        BOOST_TEST((back == s));
    }
}

BOOST_AUTO_TEST_SUITE_END()
