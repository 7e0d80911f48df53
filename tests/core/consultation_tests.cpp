// 请你来协商 before the meeting: names, who leads and records, dates, proposing, recommending a
// community issue, the annual plan and the research.
#include <boost/test/unit_test.hpp>

#include "consultation_fixtures.hpp"

using namespace cppcc_fixtures;

BOOST_AUTO_TEST_SUITE(consultation)

BOOST_AUTO_TEST_CASE(enums_read_back_by_their_wire_names_and_refuse_others) {
    CppccPost post;
    BOOST_TEST(cppcc_post_from_string("vice_chair", post));
    BOOST_TEST((post == CppccPost::vice_chair));
    BOOST_TEST(!cppcc_post_from_string("Chair", post));
    TopicSource source;
    BOOST_TEST(topic_source_from_string("public_recommendation", source));
    BOOST_TEST((source == TopicSource::public_recommendation));
    ConsultationStage stage;
    BOOST_TEST(consultation_stage_from_string("published", stage));
    BOOST_TEST((stage == ConsultationStage::published));
    BOOST_TEST(!consultation_stage_from_string("", stage));
    ParticipantKind kind;
    BOOST_TEST(participant_kind_from_string("department_head", kind));
    BOOST_TEST((kind == ParticipantKind::department_head));
    ItemKind item;
    BOOST_TEST(item_kind_from_string("concluding", item));
    BOOST_TEST((item == ItemKind::concluding));
    Adoption adoption;
    BOOST_TEST(adoption_from_string("not_adopted", adoption));
    BOOST_TEST((adoption == Adoption::not_adopted));
    BOOST_TEST(!adoption_from_string("rejected", adoption));
    BOOST_TEST(std::string(to_string(Adoption::partly)) == "partly");
}

BOOST_AUTO_TEST_CASE(chair_and_vice_chairs_lead_and_with_the_secretariat_record) {
    BOOST_TEST(leads(chair()));
    BOOST_TEST(leads(vice_chair()));
    BOOST_TEST(!leads(secretary()));
    BOOST_TEST(!leads(member()));
    BOOST_TEST(records(secretary()));
    BOOST_TEST(records(vice_chair()));
    BOOST_TEST(!records(member()));
    BOOST_TEST(!leads({kOutsider, false, CppccPost::chair}));  // a post without a seat is nothing
}

BOOST_AUTO_TEST_CASE(task_rules_see_a_leader_as_convenor_and_the_unseated_as_outsiders) {
    Actor leader = task_actor(vice_chair());
    BOOST_TEST(leader.member);
    BOOST_TEST((leader.role == Role::convenor));
    BOOST_TEST(convenes(leader));
    for (CppccActor a : {secretary(), member()}) {
        Actor t = task_actor(a);
        BOOST_TEST(t.member);
        BOOST_TEST((t.role == Role::cppcc_member));
        BOOST_TEST(t.member_id == a.member_id);
    }
    BOOST_TEST(!task_actor(outsider()).member);
}

BOOST_AUTO_TEST_CASE(dates_are_real_days_written_yyyy_mm_dd_between_2000_and_2100) {
    for (const char* good : {"2025-06-18", "2000-01-01", "2100-12-31", "2024-02-29", "2000-02-29"})
        BOOST_TEST(valid_date(good), good);
    for (const char* bad : {"2025-6-18", "2025/06/18", "2025-02-29", "2100-02-29", "1999-12-31",
                            "2101-01-01", "2025-13-01", "2025-04-31", "2025-00-10", "2025-06-00",
                            "", "2025-06-18 ", "２０２５-06-18", "+025-06-18"})
        BOOST_TEST(!valid_date(bad), bad);
}

BOOST_AUTO_TEST_CASE(any_seated_member_proposes_a_topic_with_its_source) {
    Consultation c =
        propose_topic(member(), kCppcc, {" 城市社区治理 ", "", TopicSource::government}, kT0).value();
    BOOST_TEST(c.title == "城市社区治理");
    BOOST_TEST(c.body == "");
    BOOST_TEST((c.source == TopicSource::government));
    BOOST_TEST((c.stage == ConsultationStage::proposed));
    BOOST_TEST(c.proposed_by == kMember);
    BOOST_TEST(c.cppcc_id == kCppcc);
    BOOST_TEST(c.created_at == kT0);
}

BOOST_AUTO_TEST_CASE(a_topic_needs_a_seat_and_a_one_line_title_of_at_most_100_characters) {
    TopicDraft d{"城市社区治理", "正文", TopicSource::members};
    refused(propose_topic(outsider(), kCppcc, d, kT0), "not_seated");
    refused(propose_topic(member(), 0, d, kT0), "bad_id", "cppcc_id");
    refused(propose_topic(member(), kCppcc, {" ", "", TopicSource::members}, kT0), "empty_text",
            "title");
    refused(propose_topic(member(), kCppcc, {"社区\n治理", "", TopicSource::members}, kT0),
            "line_break", "title");
    refused(propose_topic(member(), kCppcc, {std::string(101, 'a'), "", TopicSource::members}, kT0),
            "too_long", "title");
    BOOST_TEST(propose_topic(member(), kCppcc, {std::string(100, 'a'), "", TopicSource::members}, kT0)
                   .ok());
    refused(propose_topic(member(), kCppcc, {"治理", std::string(5001, 'b'), TopicSource::members}, kT0),
            "too_long", "body");
    refused(propose_topic(member(), kCppcc, {"治理", "正文\u202e反转", TopicSource::members}, kT0),
            "bad_character", "body");
}

BOOST_AUTO_TEST_CASE(a_council_convenor_recommends_an_open_issue_as_a_public_topic) {
    Issue issue = fixtures::listed_issue(12);
    issue.body = "充电桩不够用";
    Consultation c = recommend_issue(fixtures::convenor(), issue, kCppcc, kT0).value();
    BOOST_TEST((c.source == TopicSource::public_recommendation));
    BOOST_TEST(c.issue_id == 12);
    BOOST_TEST(c.title == "电动车充电桩");
    BOOST_TEST(c.body == "充电桩不够用");
    BOOST_TEST(c.proposed_by == fixtures::convenor().member_id);
    BOOST_TEST((c.stage == ConsultationStage::proposed));

    refused(recommend_issue(fixtures::actor(3), issue, kCppcc, kT0), "not_convenor");
    refused(recommend_issue(fixtures::outsider(100), issue, kCppcc, kT0), "forbidden");
    refused(recommend_issue(fixtures::convenor(), issue, 0, kT0), "bad_id", "cppcc_id");
    for (IssueStage closed : {IssueStage::merged, IssueStage::declined}) {
        Issue i = issue;
        i.stage = closed;
        BOOST_TEST(may_recommend_issue(fixtures::convenor(), i)->code == "wrong_stage");
    }
}

BOOST_AUTO_TEST_CASE(a_leader_plans_a_topic_for_a_year_with_its_committee_and_vice_chair) {
    Consultation c = planned();
    BOOST_TEST((c.stage == ConsultationStage::planned));
    BOOST_TEST(c.plan_year == 2025);
    BOOST_TEST(c.committee_id == kCommittee);
    BOOST_TEST(c.lead_vice_chair_id == kViceChair);
    // Re-planning while planned corrects the plan.
    Consultation again = plan_topic(vice_chair(), c, {2026, kCommittee, kViceChair}, true, true).value();
    BOOST_TEST(again.plan_year == 2026);
}

BOOST_AUTO_TEST_CASE(planning_refuses_non_leaders_later_stages_bad_years_and_unknown_ids) {
    PlanDraft d{2025, kCommittee, kViceChair};
    refused(plan_topic(secretary(), proposed(), d, true, true), "not_leader");
    refused(plan_topic(outsider(), proposed(), d, true, true), "not_seated");
    refused(plan_topic(chair(), researching(), d, true, true), "wrong_stage");
    refused(plan_topic(chair(), proposed(), {1999, kCommittee, kViceChair}, true, true), "bad_time",
            "year");
    refused(plan_topic(chair(), proposed(), {2101, kCommittee, kViceChair}, true, true), "bad_time",
            "year");
    refused(plan_topic(chair(), proposed(), d, false, true), "bad_id", "committee_id");
    refused(plan_topic(chair(), proposed(), {2025, 0, kViceChair}, true, true), "bad_id",
            "committee_id");
    refused(plan_topic(chair(), proposed(), d, true, false), "bad_id", "lead_vice_chair_id");
}

BOOST_AUTO_TEST_CASE(the_research_group_has_seated_members_and_exactly_one_lead) {
    Consultation c = set_research_group(vice_chair(), planned(),
                                        {{kViceChair, "", true}, {kMember, "", false}}, kSeated)
                         .value();
    BOOST_TEST((c.stage == ConsultationStage::researching));
    BOOST_TEST(c.research_group.size() == 2u);

    refused(set_research_group(member(), planned(), {{kMember, "", true}}, kSeated), "not_recorder");
    refused(set_research_group(secretary(), proposed(), {{kMember, "", true}}, kSeated),
            "wrong_stage");
    refused(set_research_group(secretary(), planned(), {}, kSeated), "bad_research_group", "members");
    refused(set_research_group(secretary(), planned(), {{kMember, "", false}}, kSeated),
            "bad_research_group", "members");
    refused(set_research_group(secretary(), planned(), {{kMember, "", true}, {kMember2, "", true}},
                               kSeated),
            "bad_research_group", "members");
    refused(set_research_group(secretary(), planned(), {{kMember, "", true}, {kOutsider, "", false}},
                               kSeated),
            "bad_research_group", "members[1]");
    refused(set_research_group(secretary(), planned(), {{kMember, "", true}, {kMember, "", false}},
                               kSeated),
            "bad_research_group", "members[1]");
    refused(set_research_group(secretary(), planned(), {{0, "", true}}, kSeated), "bad_id",
            "members[0]");
}

BOOST_AUTO_TEST_CASE(group_members_and_recorders_add_visits_and_report_sections) {
    Consultation c = researching();
    BOOST_REQUIRE(c.visits.size() == 1u);
    BOOST_TEST(c.visits[0].by == kMember);
    BOOST_TEST(c.visits[0].place == "城南街道");
    BOOST_TEST(c.visits[0].attachment == "座谈记录");
    BOOST_REQUIRE(c.report.size() == 1u);
    BOOST_TEST(c.report[0].heading == "一、现状");
    // A visit alone moves a planned topic into research.
    Consultation v = add_visit(secretary(), planned(), {"2025-03-01", "城北", "座谈", ""}).value();
    BOOST_TEST((v.stage == ConsultationStage::researching));
    BOOST_TEST(v.visits[0].attachment == "");

    VisitDraft good{"2025-04-02", "城西街道", "走访", ""};
    refused(add_visit(member(kMember3), c, good), "not_recorder");  // seated, not in the group
    refused(add_visit(outsider(), c, good), "not_seated");
    refused(add_visit(secretary(), proposed(), good), "wrong_stage");
    refused(add_visit(secretary(), meeting_with_speech(), good), "wrong_stage");
    refused(add_visit(member(), c, {"2025-04-31", "城西", "走访", ""}), "bad_date", "visited_on");
    refused(add_visit(member(), c, {"2025-04-02", std::string(61, 'x'), "走访", ""}), "too_long",
            "place");
    refused(add_visit(member(), c, {"2025-04-02", "城西", "", ""}), "empty_text", "notes");
    refused(add_visit(member(), c, {"2025-04-02", "城西", std::string(2001, 'n'), ""}), "too_long",
            "notes");
    refused(add_visit(member(), c, {"2025-04-02", "城西", "走访", std::string("a\0b", 3)}),
            "bad_character", "attachment");
    refused(add_section(member(kMember3), c, "二、问题", "正文"), "not_recorder");
    refused(add_section(member(), c, "二、问题", std::string(5001, 's')), "too_long", "body");
    refused(add_section(member(), c, "二、\n问题", "正文"), "line_break", "heading");
    BOOST_TEST(add_section(member(), c, "二、问题", std::string(5000, 's')).ok());
}

BOOST_AUTO_TEST_SUITE_END()
