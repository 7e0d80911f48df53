// 请你来协商: who may do each step of a consultation, from which stage, with which texts and ids,
// the raters of a recommendation's tasks and the published handling figures.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/consultation.hpp"

using namespace yishi;
using fixtures::kDay;
using fixtures::kT0;

namespace {
// The committee: chair 1, vice-chair 2, secretariat 3, members 4–6; 9 holds no seat.
constexpr Id kChair = 1, kViceChair = 2, kSecretary = 3, kMember = 4, kMember2 = 5, kMember3 = 6,
             kOutsider = 9, kDepartment = 60, kCppcc = 7, kCommittee = 8;
const std::vector<Id> kSeated = {1, 2, 3, 4, 5, 6};

CppccActor seat(Id id, CppccPost post) { return {id, true, post}; }
CppccActor chair() { return seat(kChair, CppccPost::chair); }
CppccActor vice_chair() { return seat(kViceChair, CppccPost::vice_chair); }
CppccActor secretary() { return seat(kSecretary, CppccPost::secretariat); }
CppccActor member(Id id = kMember) { return seat(id, CppccPost::member); }
CppccActor outsider() { return {kOutsider, false, CppccPost::member}; }

// What the store does after each act: numbers the new parts.
Consultation saved(Consultation c) {
    Id next = 100;
    auto number = [&](Id& id) {
        if (id == 0) id = next;
        ++next;
    };
    if (c.id == 0) c.id = 50;
    for (auto& v : c.visits) number(v.id);
    for (auto& s : c.report) number(s.id);
    if (c.meeting) {
        for (auto& p : c.meeting->participants) number(p.id);
        for (auto& i : c.meeting->items) number(i.id);
    }
    for (auto& r : c.recommendations) number(r.id);
    for (auto& s : c.sendings) number(s.id);
    return c;
}

Consultation proposed() {
    return saved(propose_topic(member(), kCppcc, {"城市社区治理", "社区减负增效", TopicSource::members},
                               kT0)
                     .value());
}
Consultation planned() {
    return saved(plan_topic(chair(), proposed(), {2025, kCommittee, kViceChair}, true, true).value());
}
Consultation researching() {
    Consultation c = set_research_group(secretary(), planned(),
                                        {{kViceChair, "", true}, {kMember, "", false}}, kSeated)
                         .value();
    c = add_visit(member(), c, {"2025-03-12", "城南街道", "走访三个社区", "座谈记录"}).value();
    return saved(add_section(secretary(), c, "一、现状", "社区事务繁多").value());
}
Id section_id(const Consultation& c) { return c.report.at(0).id; }

// A meeting with the chair's participant (a member), a department head and one speech.
Consultation meeting_with_speech() {
    Consultation c = saved(schedule_meeting(secretary(), researching(),
                                            {"2025-06-18", "市政协二楼会议室", "张主席"})
                               .value());
    c = saved(add_participant(secretary(), c,
                              {"李委员", "市政协委员", "市律师协会", ParticipantKind::member, kMember})
                  .value());
    c = saved(add_participant(secretary(), c,
                              {"王局长", "民政局局长", "市民政局", ParticipantKind::department_head, 0})
                  .value());
    ItemDraft speech{ItemKind::speech, c.meeting->participants[0].id, "建议建立社区工作准入清单", 0, 0};
    return saved(record_item(secretary(), c, speech, kT0 + 10).value());
}
Id speaker(const Consultation& c) { return c.meeting->participants.at(0).id; }
Id department_head(const Consultation& c) { return c.meeting->participants.at(1).id; }
Id first_item(const Consultation& c) { return c.meeting->items.at(0).id; }

Consultation concluded() {
    Consultation c = close_meeting(secretary(), meeting_with_speech()).value();
    RecommendationDraft r{"建立社区工作准入清单", {kMember, kMember2}, {first_item(c)}, {}};
    return saved(add_recommendation(secretary(), c, r, kSeated).value());
}
Consultation sent() {
    return saved(send_outcome(secretary(), concluded(), {"市委", "2025-07-01", "市委办公室 陈某"}).value());
}
Id recommendation(const Consultation& c) { return c.recommendations.at(0).id; }

Task handed(const Consultation& c) {
    return hand_over(chair(), c, recommendation(c), {"市民政局", kDepartment, kT0 + 30 * kDay}, kT0)
        .value();
}
Actor department() { return fixtures::actor(kDepartment, Role::department); }

void refused(const Result<Consultation>& r, const std::string& code, const std::string& field = {}) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
}
template <class T>
void refused(const Result<T>& r, const std::string& code, const std::string& field = {}) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
}
}  // namespace

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

BOOST_AUTO_TEST_CASE(a_recorder_schedules_the_meeting_from_planned_or_researching) {
    Consultation c = schedule_meeting(secretary(), planned(), {"2025-06-18", "会议室", "张主席"}).value();
    BOOST_TEST((c.stage == ConsultationStage::meeting));
    BOOST_REQUIRE(c.meeting.has_value());
    BOOST_TEST(c.meeting->held_on == "2025-06-18");
    BOOST_TEST(!c.meeting->closed);
    // Before anything is recorded the date may be corrected; afterwards not.
    BOOST_TEST(schedule_meeting(secretary(), c, {"2025-06-19", "会议室", "张主席"}).value().meeting->held_on ==
               "2025-06-19");
    MeetingDraft d{"2025-06-18", "会议室", "张主席"};
    refused(schedule_meeting(secretary(), meeting_with_speech(), d), "wrong_stage");
    refused(schedule_meeting(member(), researching(), d), "not_recorder");
    refused(schedule_meeting(secretary(), proposed(), d), "wrong_stage");
    refused(schedule_meeting(secretary(), researching(), {"18/06/2025", "会议室", "张主席"}), "bad_date",
            "held_on");
    refused(schedule_meeting(secretary(), researching(), {"2025-06-18", "会议室", ""}), "empty_text",
            "chair");
}

BOOST_AUTO_TEST_CASE(participants_are_added_while_the_meeting_is_open) {
    Consultation c = meeting_with_speech();
    BOOST_TEST(c.meeting->participants.size() == 2u);
    BOOST_TEST((c.meeting->participants[1].kind == ParticipantKind::department_head));
    ParticipantDraft expert{"赵教授", "", "", ParticipantKind::expert, 0};
    BOOST_TEST(add_participant(secretary(), c, expert).ok());
    refused(add_participant(member(), c, expert), "not_recorder");
    refused(add_participant(secretary(), researching(), expert), "wrong_stage");
    refused(add_participant(secretary(), concluded(), expert), "wrong_stage");
    refused(add_participant(secretary(), c, {"", "", "", ParticipantKind::expert, 0}), "empty_text",
            "name");
    refused(add_participant(secretary(), c, {"赵教授", std::string(61, 't'), "", ParticipantKind::expert, 0}),
            "too_long", "title");
    refused(add_participant(secretary(), c, {"赵教授", "", "大\r学", ParticipantKind::expert, 0}),
            "line_break", "affiliation");
    refused(add_participant(secretary(), c, {"又一个李委员", "", "", ParticipantKind::member, kMember}),
            "bad_participant", "member_id");
    refused(add_participant(secretary(), c, {"赵教授", "", "", ParticipantKind::expert, -1}), "bad_id",
            "member_id");
}

BOOST_AUTO_TEST_CASE(an_item_is_spoken_by_a_participant_of_this_meeting) {
    Consultation c = meeting_with_speech();
    BOOST_REQUIRE(c.meeting->items.size() == 1u);
    const MeetingItem& i = c.meeting->items[0];
    BOOST_TEST(i.speaker_id == speaker(c));
    BOOST_TEST(i.at == kT0 + 10);
    BOOST_TEST((i.kind == ItemKind::speech));
    refused(record_item(secretary(), c, {ItemKind::speech, 999, "发言", 0, 0}, kT0), "bad_participant",
            "speaker_id");
    refused(record_item(secretary(), c, {ItemKind::speech, speaker(c), "", 0, 0}, kT0), "empty_text",
            "summary");
    refused(record_item(secretary(), c, {ItemKind::speech, speaker(c), std::string(2001, 's'), 0, 0}, kT0),
            "too_long", "summary");
    refused(record_item(member(), c, {ItemKind::speech, speaker(c), "发言", 0, 0}, kT0), "not_recorder");
    refused(record_item(secretary(), concluded(), {ItemKind::speech, speaker(c), "发言", 0, 0}, kT0),
            "wrong_stage");
}

BOOST_AUTO_TEST_CASE(a_question_names_another_participant_and_is_answered_once) {
    Consultation c = meeting_with_speech();
    Id member_p = speaker(c), head = department_head(c);
    refused(record_item(secretary(), c, {ItemKind::question, member_p, "何时落实？", 0, 0}, kT0),
            "bad_participant", "to_participant_id");
    refused(record_item(secretary(), c, {ItemKind::question, member_p, "何时落实？", member_p, 0}, kT0),
            "bad_participant", "to_participant_id");
    Consultation q = saved(
        record_item(secretary(), c, {ItemKind::question, member_p, "何时落实？", head, 0}, kT0).value());
    Id question = q.meeting->items.back().id;
    // Only a question of this meeting can be answered, and only once.
    refused(record_item(secretary(), q, {ItemKind::answer, head, "年内", 0, 0}, kT0), "bad_item",
            "answers_item_id");
    refused(record_item(secretary(), q, {ItemKind::answer, head, "年内", 0, first_item(q)}, kT0),
            "bad_item", "answers_item_id");
    Consultation a = saved(
        record_item(secretary(), q, {ItemKind::answer, head, "年内出台清单", 0, question}, kT0).value());
    BOOST_TEST(a.meeting->items.back().answers_item_id == question);
    refused(record_item(secretary(), a, {ItemKind::answer, head, "再答", 0, question}, kT0),
            "already_answered", "answers_item_id");
    // Other kinds link nowhere.
    refused(record_item(secretary(), c, {ItemKind::speech, member_p, "发言", head, 0}, kT0), "bad_item",
            "to_participant_id");
    refused(record_item(secretary(), q, {ItemKind::concluding, member_p, "总结", 0, question}, kT0),
            "bad_item", "answers_item_id");
}

BOOST_AUTO_TEST_CASE(closing_needs_a_recorder_an_open_meeting_and_at_least_one_item) {
    Consultation c = close_meeting(vice_chair(), meeting_with_speech()).value();
    BOOST_TEST((c.stage == ConsultationStage::concluded));
    BOOST_TEST(c.meeting->closed);
    Consultation empty = schedule_meeting(secretary(), planned(), {"2025-06-18", "会议室", "张主席"}).value();
    refused(close_meeting(secretary(), empty), "empty_meeting");
    refused(close_meeting(member(), meeting_with_speech()), "not_recorder");
    refused(close_meeting(secretary(), c), "wrong_stage");
}

BOOST_AUTO_TEST_CASE(a_recommendation_has_seated_proposers_and_sources_from_this_consultation) {
    Consultation c = concluded();
    BOOST_REQUIRE(c.recommendations.size() == 1u);
    BOOST_TEST((c.recommendations[0].proposer_ids == std::vector<Id>{kMember, kMember2}));
    BOOST_TEST((c.recommendations[0].item_ids == std::vector<Id>{first_item(c)}));
    BOOST_TEST(c.recommendations[0].tasks.empty());
    Id item = first_item(c), section = section_id(c);
    BOOST_TEST(add_recommendation(secretary(), c, {"修订清单", {kMember}, {}, {section}}, kSeated).ok());

    refused(add_recommendation(member(), c, {"建议", {kMember}, {item}, {}}, kSeated), "not_recorder");
    refused(add_recommendation(secretary(), meeting_with_speech(), {"建议", {kMember}, {item}, {}},
                               kSeated),
            "wrong_stage");
    refused(add_recommendation(secretary(), sent(), {"建议", {kMember}, {item}, {}}, kSeated),
            "wrong_stage");
    refused(add_recommendation(secretary(), c, {"", {kMember}, {item}, {}}, kSeated), "empty_text",
            "text");
    refused(add_recommendation(secretary(), c, {std::string(2001, 'r'), {kMember}, {item}, {}}, kSeated),
            "too_long", "text");
    refused(add_recommendation(secretary(), c, {"建议", {}, {item}, {}}, kSeated), "bad_proposer",
            "proposer_ids");
    refused(add_recommendation(secretary(), c, {"建议", {kMember, kOutsider}, {item}, {}}, kSeated),
            "bad_proposer", "proposer_ids[1]");
    refused(add_recommendation(secretary(), c, {"建议", {kMember, kMember}, {item}, {}}, kSeated),
            "bad_proposer", "proposer_ids[1]");
    refused(add_recommendation(secretary(), c, {"建议", {kMember}, {}, {}}, kSeated), "bad_source",
            "item_ids");
    refused(add_recommendation(secretary(), c, {"建议", {kMember}, {item, 999}, {}}, kSeated),
            "bad_source", "item_ids[1]");
    refused(add_recommendation(secretary(), c, {"建议", {kMember}, {}, {item}}, kSeated), "bad_source",
            "section_ids[0]");  // a speech is not a report section
    refused(add_recommendation(secretary(), c, {"建议", {kMember}, {item, item}, {}}, kSeated),
            "bad_source", "item_ids[1]");
}

BOOST_AUTO_TEST_CASE(the_outcome_is_sent_once_there_are_recommendations_and_may_be_sent_again) {
    Consultation c = sent();
    BOOST_TEST((c.stage == ConsultationStage::sent));
    BOOST_REQUIRE(c.sendings.size() == 1u);
    BOOST_TEST(c.sendings[0].recipient == "市委");
    BOOST_TEST(c.sendings[0].sent_on == "2025-07-01");
    Consultation twice = send_outcome(secretary(), c, {"市政府", "2025-07-02", "市府办 刘某"}).value();
    BOOST_TEST(twice.sendings.size() == 2u);
    BOOST_TEST((twice.stage == ConsultationStage::sent));

    Consultation no_recs = close_meeting(secretary(), meeting_with_speech()).value();
    SendingDraft d{"市委", "2025-07-01", "市委办公室"};
    refused(send_outcome(secretary(), no_recs, d), "no_recommendations");
    refused(send_outcome(secretary(), meeting_with_speech(), d), "wrong_stage");
    refused(send_outcome(member(), concluded(), d), "not_recorder");
    refused(send_outcome(secretary(), concluded(), {"市委", "2025-07-32", "市委办公室"}), "bad_date",
            "sent_on");
    refused(send_outcome(secretary(), concluded(), {"", "2025-07-01", "市委办公室"}), "empty_text",
            "recipient");
    refused(send_outcome(secretary(), concluded(), {"市委", "2025-07-01", std::string(61, 'x')}),
            "too_long", "received_by");
}

BOOST_AUTO_TEST_CASE(a_leader_publishes_a_sent_outcome) {
    Consultation c = publish(chair(), sent()).value();
    BOOST_TEST((c.stage == ConsultationStage::published));
    BOOST_TEST((send_outcome(secretary(), c, {"市政协", "2025-08-01", "办公室"}).value().stage ==
                ConsultationStage::published));
    refused(publish(secretary(), sent()), "not_leader");
    refused(publish(chair(), concluded()), "wrong_stage");
    refused(publish(chair(), c), "wrong_stage");
}

BOOST_AUTO_TEST_CASE(a_leader_hands_a_recommendation_to_a_department_whose_proposers_rate) {
    Consultation c = sent();
    Task t = handed(c);
    BOOST_TEST(t.recommendation_id == recommendation(c));
    BOOST_TEST((t.raters == std::vector<Id>{kMember, kMember2}));
    BOOST_TEST(t.council_id == 0);
    BOOST_TEST(t.issue_id == 0);
    BOOST_TEST(t.ballot_id == 0);
    BOOST_TEST(t.responsible_unit == "市民政局");
    BOOST_TEST(t.responsible_member_id == kDepartment);
    BOOST_TEST((t.state == TaskState::assigned));
    BOOST_TEST(!t.adoption.has_value());
    BOOST_TEST(hand_over(vice_chair(), publish(chair(), c).value(), recommendation(c),
                         {"市妇联", kDepartment + 1, kT0 + kDay}, kT0)
                   .ok());

    HandOver h{"市民政局", kDepartment, kT0 + kDay};
    refused(hand_over(secretary(), c, recommendation(c), h, kT0), "not_leader");
    refused(hand_over(chair(), concluded(), recommendation(concluded()), h, kT0), "wrong_stage");
    refused(hand_over(chair(), c, 999, h, kT0), "not_found", "recommendation_id");
    refused(hand_over(chair(), c, recommendation(c), {"", kDepartment, kT0 + kDay}, kT0), "empty_text",
            "unit");
    refused(hand_over(chair(), c, recommendation(c), {std::string(51, 'u'), kDepartment, kT0 + kDay}, kT0),
            "too_long", "unit");
    refused(hand_over(chair(), c, recommendation(c), {"民政局", 0, kT0 + kDay}, kT0), "bad_id",
            "responsible_member_id");
    refused(hand_over(chair(), c, recommendation(c), {"民政局", kDepartment, kT0}, kT0), "bad_time",
            "due_at");
}

BOOST_AUTO_TEST_CASE(the_department_states_its_position_while_the_task_is_open) {
    Task t = handed(sent());
    Task p = take_position(department(), t, {Adoption::partly, "资金有限，分两年实施", kT0 + 60 * kDay},
                           kT0 + kDay)
                 .value();
    BOOST_TEST((*p.adoption == Adoption::partly));
    BOOST_TEST(p.position_reason == "资金有限，分两年实施");
    BOOST_TEST(p.due_at == kT0 + 60 * kDay);
    BOOST_TEST((p.state == TaskState::assigned));

    Position good{Adoption::adopted, "采纳", kT0 + 10 * kDay};
    refused(take_position(fixtures::actor(kMember, Role::cppcc_member), t, good, kT0), "not_responsible");
    refused(take_position(fixtures::outsider(kDepartment), t, good, kT0), "forbidden");
    refused(take_position(department(), t, {Adoption::adopted, "", kT0 + kDay}, kT0), "empty_text",
            "reason");
    refused(take_position(department(), t, {Adoption::adopted, std::string(2001, 'r'), kT0 + kDay}, kT0),
            "too_long", "reason");
    refused(take_position(department(), t, {Adoption::adopted, "采纳", kT0}, kT0), "bad_time", "due_at");
    Task answered = answer_task(department(), t, "已出台清单", kT0 + kDay).value();
    refused(take_position(department(), answered, good, kT0), "wrong_task_state");
    // Supervised (督办): the position may be restated.
    Task supervised = answered;
    supervised.state = TaskState::supervised;
    BOOST_TEST(take_position(department(), supervised, good, kT0).ok());
    // A council's task has no recommendation to take a position on.
    Task council_task = t;
    council_task.recommendation_id = 0;
    refused(take_position(department(), council_task, good, kT0), "wrong_task_state");
}

BOOST_AUTO_TEST_CASE(only_the_proposers_rate_a_recommendations_handling) {
    Task t = answer_task(department(), handed(sent()), "已出台清单", kT0 + kDay).value();
    Actor proposer = task_actor(member(kMember));
    Actor other_member = task_actor(member(kMember3));
    Actor leader = task_actor(chair());
    refused(rate_reply(other_member, t, Rating::satisfied), "not_proposer");
    refused(rate_reply(leader, t, Rating::satisfied), "not_proposer");
    Task rated = rate_reply(proposer, t, Rating::unsatisfied).value();
    rated = rate_reply(task_actor(member(kMember2)), rated, Rating::unsatisfied).value();
    refused(rate_reply(proposer, rated, Rating::satisfied), "already_rated");
    // A leader concludes as a council convenor does: an unsatisfied majority sends it back.
    BOOST_TEST((conclude_rating(leader, rated).value().state == TaskState::supervised));
    refused(conclude_rating(task_actor(secretary()), rated), "not_convenor");
}

BOOST_AUTO_TEST_CASE(a_council_task_without_raters_is_rated_by_any_member_as_before) {
    Task t;
    t.responsible_member_id = kDepartment;
    t.state = TaskState::answered;
    t.replies.push_back({kDepartment, "已完成", kT0, {}});
    BOOST_TEST(!may_rate_reply(fixtures::actor(17), t).has_value());
    BOOST_TEST(may_rate_reply(department(), t)->code == "not_eligible");
}

// Three recommendations, handled as follows (worked out by hand):
//  A: two departments, adopted (answered day 5 of 10) and partly (answered day 12 of 10,
//     then supervised) → counts as partly; 2 tasks, 1 on time, 1 supervised.
//  B: one department, not adopted, answered exactly at its due time, done → not adopted;
//     1 task, 1 on time, 1 done.
//  C: one department, no position yet, no reply → pending; 1 task.
//  D: not handed over at all → pending.
// Totals: 4 recommendations; adopted 0, partly 1, not adopted 1, pending 2; 4 tasks,
// 2 answered on time, 1 done, 1 supervised.
BOOST_AUTO_TEST_CASE(figures_count_each_recommendation_by_its_least_favourable_position) {
    auto task = [](std::optional<Adoption> a, std::int64_t due, std::optional<std::int64_t> replied,
                   TaskState s) {
        Task t;
        t.adoption = a;
        t.due_at = due;
        t.state = s;
        if (replied) t.replies.push_back({kDepartment, "答复", *replied, {}});
        return t;
    };
    Consultation c;
    Recommendation a, b, cc, d;
    a.tasks = {task(Adoption::adopted, kT0 + 10 * kDay, kT0 + 5 * kDay, TaskState::answered),
               task(Adoption::partly, kT0 + 10 * kDay, kT0 + 12 * kDay, TaskState::supervised)};
    b.tasks = {task(Adoption::not_adopted, kT0 + 10 * kDay, kT0 + 10 * kDay, TaskState::done)};
    cc.tasks = {task(std::nullopt, kT0 + 10 * kDay, std::nullopt, TaskState::assigned)};
    c.recommendations = {a, b, cc, d};
    HandlingFigures f = handling_figures(c);
    BOOST_TEST(f.recommendations == 4);
    BOOST_TEST(f.adopted == 0);
    BOOST_TEST(f.partly == 1);
    BOOST_TEST(f.not_adopted == 1);
    BOOST_TEST(f.pending == 2);
    BOOST_TEST(f.tasks == 4);
    BOOST_TEST(f.answered_on_time == 2);
    BOOST_TEST(f.done == 1);
    BOOST_TEST(f.supervised == 1);
}

BOOST_AUTO_TEST_CASE(figures_judge_on_time_by_the_first_reply_not_a_later_one) {
    Consultation c;
    Recommendation r;
    Task t;
    t.adoption = Adoption::adopted;
    t.due_at = kT0 + 10 * kDay;
    t.state = TaskState::done;
    t.replies = {{kDepartment, "首次答复", kT0 + 11 * kDay, {}}, {kDepartment, "再次答复", kT0 + kDay, {}}};
    r.tasks = {t};
    c.recommendations = {r};
    HandlingFigures f = handling_figures(c);
    BOOST_TEST(f.adopted == 1);
    BOOST_TEST(f.answered_on_time == 0);
}

BOOST_AUTO_TEST_CASE(new_error_codes_have_chinese_messages_and_statuses) {
    BOOST_TEST(make_error("not_seated").status == 403);
    BOOST_TEST(make_error("not_seated").message == "你不是本届政协委员");
    BOOST_TEST(make_error("not_proposer").message == "只有提出建议的委员可以评价");
    BOOST_TEST(make_error("already_answered").status == 409);
    BOOST_TEST(make_error("bad_date", "visited_on").message.find("调研日期") != std::string::npos);
    BOOST_TEST(make_error("bad_source", "item_ids[1]").message.find("依据的发言（第 2 项）") !=
               std::string::npos);
    for (const char* code : {"not_recorder", "not_leader", "bad_research_group", "bad_participant",
                             "bad_item", "empty_meeting", "bad_proposer", "already_recommended",
                             "no_recommendations"})
        BOOST_TEST(make_error(code).status < 500, code);
}

BOOST_AUTO_TEST_SUITE_END()
