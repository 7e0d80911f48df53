// 请你来协商 from the meeting on: participants and the order of business, recommendations,
// sending, publishing, handing over, the department's position, the proposers' ratings and the
// handling figures.
#include <boost/test/unit_test.hpp>

#include "consultation_fixtures.hpp"

using namespace cppcc_fixtures;

BOOST_AUTO_TEST_SUITE(consultation_handling)

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
