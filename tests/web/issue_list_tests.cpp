// The issue list's filters, Chinese search and pages; where an issue stands in the flow.
#include <boost/test/unit_test.hpp>

#include "yishi/client/issue_list.hpp"

using namespace yishi;
using namespace yishi::client;

namespace {

Issue make(Id id, std::string title, IssueStage stage, std::string category = {},
           std::string tag = {}, std::string body = "说明") {
    Issue i;
    i.id = id;
    i.title = std::move(title);
    i.body = std::move(body);
    i.stage = stage;
    i.category = std::move(category);
    i.tag = std::move(tag);
    return i;
}

std::vector<Issue> sample() {
    return {make(5, "北门垃圾分类投放点异味大", IssueStage::collecting, "环境卫生", "2号楼"),
            make(4, "3号楼车棚加装电动车充电桩", IssueStage::listed, "安全", "3号楼",
                 "飞线充电很危险"),
            make(3, "楼道保洁改为每周两次", IssueStage::resolved, "环境卫生", "1号楼"),
            make(2, "加装电梯 Lift", IssueStage::declined, "加装电梯", "7号楼"),
            make(1, "路灯坏了", IssueStage::collecting)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_list)

BOOST_AUTO_TEST_CASE(no_filter_keeps_every_issue_in_order) {
    auto picked = filter_issues(sample(), {});
    BOOST_TEST(picked == (std::vector<std::size_t>{0, 1, 2, 3, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(stage_category_and_tag_filters_combine) {
    IssueFilter f;
    f.stage = IssueStage::collecting;
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{0, 4}),
               boost::test_tools::per_element());
    f.category = "环境卫生";
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{0}),
               boost::test_tools::per_element());
    f.tag = "3号楼";
    BOOST_TEST(filter_issues(sample(), f).empty());
}

BOOST_AUTO_TEST_CASE(chinese_words_match_inside_titles_and_bodies_without_spaces) {
    IssueFilter f;
    f.query = "充电";
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{1}),
               boost::test_tools::per_element());
    f.query = "飞线";  // only in the body
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{1}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_word_must_match_and_the_ideographic_space_separates_words) {
    IssueFilter f;
    f.query = "楼道　保洁";  // U+3000 between the words
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{2}),
               boost::test_tools::per_element());
    f.query = "楼道 电梯";
    BOOST_TEST(filter_issues(sample(), f).empty());
}

BOOST_AUTO_TEST_CASE(latin_letters_match_regardless_of_case) {
    IssueFilter f;
    f.query = "lift";
    BOOST_TEST(filter_issues(sample(), f) == (std::vector<std::size_t>{3}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(menus_list_distinct_categories_and_tags_without_blanks) {
    auto cats = categories_of(sample());
    BOOST_TEST(cats.size() == 3u);
    auto tags = tags_of(sample());
    BOOST_TEST(tags.size() == 4u);
    for (const auto& t : tags) BOOST_TEST(!t.empty());
}

BOOST_AUTO_TEST_CASE(five_thousand_issues_make_250_pages_and_pages_clamp) {
    BOOST_TEST(page_count(0) == 1u);
    BOOST_TEST(page_count(20) == 1u);
    BOOST_TEST(page_count(21) == 2u);
    BOOST_TEST(page_count(5000) == 250u);
    BOOST_TEST(clamp_page(400, 5000) == 249u);
    BOOST_TEST(clamp_page(3, 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_flow_step_follows_stage_task_and_reply) {
    BOOST_TEST((flow_step(IssueStage::collecting, false, false) == FlowStep::propose));
    BOOST_TEST((flow_step(IssueStage::listed, false, false) == FlowStep::deliberate));
    BOOST_TEST((flow_step(IssueStage::declined, false, false) == FlowStep::deliberate));
    BOOST_TEST((flow_step(IssueStage::scheduled, false, false) == FlowStep::decide));
    BOOST_TEST((flow_step(IssueStage::resolved, false, false) == FlowStep::decide));
    BOOST_TEST((flow_step(IssueStage::resolved, true, false) == FlowStep::carry_out));
    BOOST_TEST((flow_step(IssueStage::resolved, true, true) == FlowStep::evaluate));
}

BOOST_AUTO_TEST_SUITE_END()
