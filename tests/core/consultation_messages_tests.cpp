// JSON forms of the CPPCC committee and its consultations: each view and request survives a round
// trip, optional ids travel as null, and a missing or mistyped field is refused by its path.
#include <boost/test/unit_test.hpp>

#include "yishi/messages_consultation.hpp"

using namespace yishi;

namespace {
template <class T>
void refused(const Result<T>& r, const std::string& code, const std::string& field) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
}

std::string with(const std::string& body, const Json::json_pointer& at, const Json& value) {
    Json j = Json::parse(body);
    j[at] = value;
    return j.dump();
}
std::string without(const std::string& body, const Json::json_pointer& at) {
    Json j = Json::parse(body);
    j[at.parent_pointer()].erase(at.back());
    return j.dump();
}

TaskView handled_task() {
    TaskView t;
    t.id = 31;
    t.recommendation_id = 21;
    t.raters = {4, 5};
    t.adoption = Adoption::partly;
    t.position_reason = "资金有限，分两年实施";
    t.responsible_unit = "市民政局";
    t.responsible_member_id = 60;
    t.due_at = 1'790'000'000;
    t.created_at = 1'780'000'000;
    t.state = TaskState::answered;
    t.progress = {{60, "已起草清单", 1'781'000'000}};
    t.replies = {{60, "清单已印发", 1'782'000'000, {1, 0, 1}, {4, 5}}};
    return t;
}

// The demo meeting in small: planned, researched, met, concluded, sent, one task handed over.
ConsultationView a_consultation() {
    ConsultationView v;
    Consultation& c = v.consultation;
    c.id = 11;
    c.cppcc_id = 7;
    c.title = "城市社区治理";
    c.body = "社区减负增效";
    c.source = TopicSource::public_recommendation;
    c.proposed_by = 100;
    c.issue_id = 12;
    c.created_at = 1'770'000'000;
    c.stage = ConsultationStage::sent;
    c.plan_year = 2025;
    c.committee_id = 8;
    c.lead_vice_chair_id = 2;
    c.research_group = {{2, "周副主席", true}, {4, "李委员", false}};
    c.visits = {{13, "2025-03-12", "城南街道", "走访三个社区", "座谈记录", 4}};
    c.report = {{14, "一、现状", "社区事务繁多"}};
    Meeting m;
    m.held_on = "2025-06-18";
    m.place = "市政协二楼会议室";
    m.chair = "张主席";
    m.participants = {{15, "李委员", "市政协委员", "市律师协会", ParticipantKind::member, 4},
                      {16, "王局长", "民政局局长", "市民政局", ParticipantKind::department_head, 0}};
    m.items = {{17, ItemKind::question, 15, "何时出台清单？", 16, 0, 1'775'000'000},
               {18, ItemKind::answer, 16, "年内出台", 0, 17, 1'775'000'060}};
    m.closed = true;
    c.meeting = m;
    c.sendings = {{19, "市委", "2025-07-01", "市委办公室 陈某"}};
    RecommendationView r{21, "建立社区工作准入清单", {4, 5}, {17, 18}, {14}, {handled_task()}};
    v.recommendations = {r};
    c.recommendations = {{21, r.text, r.proposer_ids, r.item_ids, r.section_ids, {}}};
    v.cppcc_name = "嵊州市政协";
    v.committee_name = "社会和法制委员会";
    v.issue_title = "电动车充电桩";
    v.issue_council_id = 1;
    v.people = {{2, "周副主席"}, {4, "李委员"}, {5, "陈委员"}};
    v.figures = {1, 0, 1, 0, 0, 1, 1, 0, 0};
    v.viewer = {4, true, CppccPost::member};
    v.version = 42;
    return v;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(consultation_messages)

BOOST_AUTO_TEST_CASE(a_consultation_view_round_trips_with_its_parts_nested) {
    ConsultationView v = a_consultation();
    Json j = Json::parse(encode(v));
    BOOST_TEST(j["title"] == "城市社区治理");
    BOOST_TEST(j["stage"] == "sent");
    BOOST_TEST(j["source"] == "public_recommendation");
    BOOST_TEST(j["plan"]["committee_name"] == "社会和法制委员会");
    BOOST_TEST(j["meeting"]["items"][1]["kind"] == "answer");
    BOOST_TEST(j["recommendations"][0]["tasks"][0]["adoption"] == "partly");
    BOOST_TEST(j["figures"]["partly"] == 1);
    BOOST_TEST(j["viewer"]["post"] == "member");
    BOOST_TEST(j["version"] == 42);

    auto back = decode_consultation(encode(v));
    BOOST_REQUIRE(back.ok());
    const ConsultationView& b = back.value();
    BOOST_TEST(encode(b) == encode(v));
    BOOST_TEST(b.consultation.plan_year == 2025);
    BOOST_REQUIRE(b.consultation.meeting.has_value());
    BOOST_TEST(b.consultation.meeting->items[1].answers_item_id == 17);
    BOOST_TEST((b.consultation.meeting->participants[1].kind == ParticipantKind::department_head));
    // The rules' copy of the recommendations is filled too, without tasks.
    BOOST_REQUIRE(b.consultation.recommendations.size() == 1u);
    BOOST_TEST((b.consultation.recommendations[0].item_ids == std::vector<Id>{17, 18}));
    BOOST_TEST(b.consultation.recommendations[0].tasks.empty());
    BOOST_TEST((*b.recommendations[0].tasks[0].adoption == Adoption::partly));
    BOOST_TEST(person_name(b, 5) == "陈委员");
    BOOST_TEST(person_name(b, 99) == "");
    CppccActor a = cppcc_actor(b.viewer);
    BOOST_TEST(a.member_id == 4);
    BOOST_TEST(a.seated);
    BOOST_TEST((a.post == CppccPost::member));
}

BOOST_AUTO_TEST_CASE(a_proposed_topic_shows_no_plan_and_no_meeting_as_null) {
    ConsultationView v;
    v.consultation.id = 3;
    v.consultation.title = "老旧小区加装电梯";
    Json j = Json::parse(encode(v));
    BOOST_TEST(j["plan"].is_null());
    BOOST_TEST(j["meeting"].is_null());
    auto back = decode_consultation(encode(v));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(!back.value().consultation.meeting.has_value());
    BOOST_TEST(back.value().consultation.plan_year == 0);
    BOOST_TEST(encode(back.value()) == encode(v));
}

BOOST_AUTO_TEST_CASE(a_consultation_view_refuses_a_faulty_field_by_its_path) {
    std::string body = encode(a_consultation());
    refused(decode_consultation(without(body, "/version"_json_pointer)), "missing_field", "version");
    refused(decode_consultation(without(body, "/meeting"_json_pointer)), "missing_field", "meeting");
    refused(decode_consultation(with(body, "/stage"_json_pointer, "voting")), "wrong_type", "stage");
    refused(decode_consultation(with(body, "/plan/year"_json_pointer, "2025")), "wrong_type",
            "plan.year");
    refused(decode_consultation(with(body, "/meeting/items/1/answers_item_id"_json_pointer, 1.5)),
            "wrong_type", "meeting.items[1].answers_item_id");
    refused(decode_consultation(without(body, "/meeting/participants/0/affiliation"_json_pointer)),
            "missing_field", "meeting.participants[0].affiliation");
    refused(decode_consultation(with(body, "/recommendations/0/tasks/0/adoption"_json_pointer, "yes")),
            "wrong_type", "recommendations[0].tasks[0].adoption");
    refused(decode_consultation(without(body, "/recommendations/0/tasks/0/raters"_json_pointer)),
            "missing_field", "recommendations[0].tasks[0].raters");
    refused(decode_consultation(with(body, "/viewer/seated"_json_pointer, 1)), "wrong_type",
            "viewer.seated");
    refused(decode_consultation(with(body, "/figures/done"_json_pointer, nullptr)), "missing_field",
            "figures.done");
    refused(decode_consultation("[]"), "bad_json", "");
}

BOOST_AUTO_TEST_CASE(a_task_carries_its_recommendation_raters_and_position) {
    TaskView t = handled_task();
    Json j = to_json(t);
    BOOST_TEST(j["recommendation_id"] == 21);
    BOOST_TEST(j["raters"] == Json::parse("[4,5]"));
    BOOST_TEST(j["adoption"] == "partly");
    BOOST_TEST(j["position_reason"] == "资金有限，分两年实施");
    auto back = decode_task(encode(t));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(encode(back.value()) == encode(t));

    t.adoption.reset();
    BOOST_TEST(to_json(t)["adoption"].is_null());
    BOOST_TEST(!decode_task(encode(t)).value().adoption.has_value());
    refused(decode_task(without(encode(t), "/adoption"_json_pointer)), "missing_field", "adoption");
}

BOOST_AUTO_TEST_CASE(task_view_copies_the_recommendation_fields_from_the_task) {
    Task t;
    t.recommendation_id = 21;
    t.raters = {4, 5};
    t.adoption = Adoption::not_adopted;
    t.position_reason = "与上位法冲突";
    TaskView v = task_view(t, "");
    BOOST_TEST(v.recommendation_id == 21);
    BOOST_TEST((v.raters == std::vector<Id>{4, 5}));
    BOOST_TEST((*v.adoption == Adoption::not_adopted));
    BOOST_TEST(v.position_reason == "与上位法冲突");
}

BOOST_AUTO_TEST_CASE(a_committee_view_and_list_round_trip) {
    CppccView v;
    v.id = 7;
    v.name = "嵊州市政协";
    v.street_id = 2;
    v.committees = {{8, "社会和法制委员会"}};
    v.seats = {{1, "张主席", CppccPost::chair, 0, "市政协主席"},
               {3, "秘书甲", CppccPost::secretariat, 8, ""}};
    v.topics = {{11, "城市社区治理", TopicSource::members, ConsultationStage::planned, 2025, 8, 2, 0}};
    v.viewer = {3, true, CppccPost::secretariat};
    auto back = decode_cppcc(encode(v));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(encode(back.value()) == encode(v));
    BOOST_TEST((back.value().seats[1].post == CppccPost::secretariat));
    refused(decode_cppcc(with(encode(v), "/seats/0/post"_json_pointer, "president")), "wrong_type",
            "seats[0].post");
    refused(decode_cppcc(without(encode(v), "/topics/0/plan_year"_json_pointer)), "missing_field",
            "topics[0].plan_year");

    CppccList l{{{7, "嵊州市政协"}, {9, "新昌县政协"}}};
    auto list = decode_cppcc_list(encode(l));
    BOOST_REQUIRE(list.ok());
    BOOST_TEST(encode(list.value()) == encode(l));
    refused(decode_cppcc_list(R"({"cppccs":[{"id":"7","name":"x"}]})"), "wrong_type", "cppccs[0].id");
}

BOOST_AUTO_TEST_CASE(an_issues_consultation_and_a_departments_tasks_round_trip) {
    IssueConsultation ic{11, "城市社区治理", "嵊州市政协", ConsultationStage::published,
                         a_consultation().recommendations, {1, 1, 0, 0, 0, 1, 1, 1, 0}};
    auto back = decode_issue_consultation(encode(ic));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(encode(back.value()) == encode(ic));
    IssueConsultation never;
    BOOST_TEST(decode_issue_consultation(encode(never)).value().topic_id == 0);
    refused(decode_issue_consultation(without(encode(ic), "/figures"_json_pointer)), "missing_field",
            "figures");

    ConsultationTaskList l{{{11, "城市社区治理", 21, "建立社区工作准入清单", handled_task()}}};
    auto tasks = decode_consultation_task_list(encode(l));
    BOOST_REQUIRE(tasks.ok());
    BOOST_TEST(encode(tasks.value()) == encode(l));
    refused(decode_consultation_task_list(with(encode(l), "/items/0/task/due_at"_json_pointer, "soon")),
            "wrong_type", "items[0].task.due_at");
}

BOOST_AUTO_TEST_CASE(request_bodies_round_trip_with_optional_ids_as_null) {
    TopicDraft topic{"城市社区治理", "正文", TopicSource::party_committee};
    auto t = decode_topic_draft(encode(topic)).value();
    BOOST_TEST(t.title == topic.title);
    BOOST_TEST((t.source == TopicSource::party_committee));
    BOOST_TEST(encode(decode_plan_draft(encode(PlanDraft{2025, 8, 2})).value()) ==
               encode(PlanDraft{2025, 8, 2}));
    std::vector<ResearchMember> group{{2, "", true}, {4, "", false}};
    BOOST_TEST(encode_research_group(decode_research_group(encode_research_group(group)).value()) ==
               encode_research_group(group));
    BOOST_TEST(Json::parse(encode_research_group(group)) ==
               Json::parse(R"({"members":[{"member_id":2,"lead":true},{"member_id":4,"lead":false}]})"));
    VisitDraft visit{"2025-03-12", "城南街道", "走访", "照片清单"};
    BOOST_TEST(encode(decode_visit_draft(encode(visit)).value()) == encode(visit));
    SectionDraft section{"一、现状", "正文"};
    BOOST_TEST(encode(decode_section_draft(encode(section)).value()) == encode(section));
    MeetingDraft meeting{"2025-06-18", "会议室", "张主席"};
    BOOST_TEST(encode(decode_meeting_draft(encode(meeting)).value()) == encode(meeting));

    ParticipantDraft expert{"赵教授", "教授", "市委党校", ParticipantKind::expert, 0};
    BOOST_TEST(Json::parse(encode(expert))["member_id"].is_null());
    BOOST_TEST(decode_participant_draft(encode(expert)).value().member_id == 0);
    ParticipantDraft member{"李委员", "委员", "律协", ParticipantKind::member, 4};
    BOOST_TEST(decode_participant_draft(encode(member)).value().member_id == 4);

    ItemDraft question{ItemKind::question, 15, "何时？", 16, 0};
    Json q = Json::parse(encode(question));
    BOOST_TEST(q["to_participant_id"] == 16);
    BOOST_TEST(q["answers_item_id"].is_null());
    BOOST_TEST(encode(decode_item_draft(encode(question)).value()) == encode(question));

    RecommendationDraft rec{"建立清单", {4, 5}, {17}, {}};
    BOOST_TEST(encode(decode_recommendation_draft(encode(rec)).value()) == encode(rec));
    SendingDraft sending{"市委", "2025-07-01", "办公室"};
    BOOST_TEST(encode(decode_sending_draft(encode(sending)).value()) == encode(sending));
    HandOver h{"市民政局", 60, 1'790'000'000};
    BOOST_TEST(encode(decode_hand_over(encode(h)).value()) == encode(h));
    Position p{Adoption::not_adopted, "与上位法冲突", 1'790'000'000};
    BOOST_TEST(Json::parse(encode(p))["adoption"] == "not_adopted");
    BOOST_TEST(encode(decode_position(encode(p)).value()) == encode(p));
    BOOST_TEST(decode_recommend_issue(R"({"cppcc_id":7})").value().cppcc_id == 7);
}

BOOST_AUTO_TEST_CASE(request_bodies_require_every_field_and_refuse_wrong_types) {
    refused(decode_topic_draft(R"({"title":"t","body":"b"})"), "missing_field", "source");
    refused(decode_topic_draft(R"({"title":"t","body":"b","source":"residents"})"), "wrong_type",
            "source");
    refused(decode_plan_draft(R"({"year":2025,"committee_id":8})"), "missing_field",
            "lead_vice_chair_id");
    refused(decode_plan_draft(R"({"year":"2025","committee_id":8,"lead_vice_chair_id":2})"),
            "wrong_type", "year");
    refused(decode_research_group(R"({"members":[{"member_id":2}]})"), "missing_field",
            "members[0].lead");
    refused(decode_research_group(R"({"members":{}})"), "wrong_type", "members");
    refused(decode_visit_draft(R"({"visited_on":"2025-03-12","place":"p","notes":"n"})"),
            "missing_field", "attachment");
    refused(decode_section_draft(R"({"heading":1,"body":"b"})"), "wrong_type", "heading");
    refused(decode_meeting_draft(R"({"held_on":"2025-06-18","place":"p"})"), "missing_field", "chair");
    // An optional id is null, never absent.
    refused(decode_participant_draft(R"({"name":"n","title":"","affiliation":"","kind":"expert"})"),
            "missing_field", "member_id");
    refused(decode_participant_draft(
                R"({"name":"n","title":"","affiliation":"","kind":"expert","member_id":"4"})"),
            "wrong_type", "member_id");
    refused(decode_item_draft(R"({"kind":"speech","speaker_id":15,"summary":"s","to_participant_id":null})"),
            "missing_field", "answers_item_id");
    refused(decode_item_draft(
                R"({"kind":"talk","speaker_id":15,"summary":"s","to_participant_id":null,"answers_item_id":null})"),
            "wrong_type", "kind");
    refused(decode_recommendation_draft(R"({"text":"t","proposer_ids":[4],"item_ids":["17"],"section_ids":[]})"),
            "wrong_type", "item_ids");
    refused(decode_sending_draft(R"({"recipient":"r","sent_on":20250701,"received_by":"x"})"),
            "wrong_type", "sent_on");
    refused(decode_hand_over(R"({"unit":"u","responsible_member_id":60})"), "missing_field", "due_at");
    refused(decode_position(R"({"adoption":"accepted","reason":"r","due_at":1})"), "wrong_type",
            "adoption");
    refused(decode_recommend_issue("{}"), "missing_field", "cppcc_id");
    refused(decode_recommend_issue("not json"), "bad_json", "");
}

BOOST_AUTO_TEST_SUITE_END()
