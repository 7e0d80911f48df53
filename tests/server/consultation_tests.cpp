// 请你来协商 over HTTP: each act of a consultation from its topic to publication, who may do it
// and when, what it keeps, and the version that grows with every change.
#include <boost/test/unit_test.hpp>

#include "consultation_steps.hpp"

using namespace yishi;
using namespace yishi::test;
using S = ConsultationStage;

namespace {
void expect_refused(ConsultationWorld& w, int status, const std::string& code,
                    const std::string& path, const std::string& who, const Json& body) {
    std::string before = consultation_snapshot(w.server.db());
    auto r = w.post(path, who, body);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == status, path << " by " << who << ": " << r->body);
    BOOST_TEST(error_of(r).code == code);
    BOOST_TEST(consultation_snapshot(w.server.db()) == before);
}

Json keynote(Id speaker) {
    return Json{{"kind", "speech"}, {"speaker_id", speaker}, {"summary", "委员发言"},
                {"to_participant_id", nullptr}, {"answers_item_id", nullptr}};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(consultation)

BOOST_AUTO_TEST_CASE(a_seated_member_proposes_a_topic_that_starts_proposed) {
    ConsultationWorld w;
    auto v = w.expect(201, "/api/cppccs/" + std::to_string(w.cppcc) + "/topics", "member",
                      Json{{"title", "城市社区治理"}, {"body", "物业与自治"}, {"source", "members"}});
    const Consultation& c = v.consultation;
    BOOST_TEST(c.id > 0);
    BOOST_TEST(c.cppcc_id == w.cppcc);
    BOOST_TEST(c.title == "城市社区治理");
    BOOST_TEST(c.body == "物业与自治");
    BOOST_TEST((c.source == TopicSource::members));
    BOOST_TEST((c.stage == S::proposed));
    BOOST_TEST(c.proposed_by == w.member);
    BOOST_TEST(v.cppcc_name == "城东政协");
    BOOST_TEST(person_name(v, w.member) == "钱委员");
    BOOST_TEST(v.viewer.member_id == w.member);
    BOOST_TEST(v.viewer.seated);
    BOOST_TEST((v.viewer.post == CppccPost::member));
    BOOST_TEST(v.version >= 1);
    // Read back, by anyone with an account.
    auto again = w.read(c.id, "resident");
    BOOST_TEST(again.consultation.title == "城市社区治理");
    BOOST_TEST(!again.viewer.seated);
    BOOST_TEST(again.version == v.version);
}

BOOST_AUTO_TEST_CASE(only_a_member_of_this_cppcc_proposes_a_topic) {
    ConsultationWorld w;
    std::string topics = "/api/cppccs/" + std::to_string(w.cppcc) + "/topics";
    Json draft{{"title", "议题"}, {"body", ""}, {"source", "government"}};
    expect_refused(w, 403, "not_seated", topics, "resident", draft);
    expect_refused(w, 403, "not_seated", topics, "stranger", draft);
    expect_refused(w, 404, "not_found", "/api/cppccs/999999/topics", "member", draft);
    expect_refused(w, 401, "unauthorized", topics, "none", draft);
}

BOOST_AUTO_TEST_CASE(reading_a_consultation_needs_an_account_and_an_existing_topic) {
    ConsultationWorld w;
    Id topic = w.propose();
    auto anonymous = w.server.client().Get("/api/consultations/" + std::to_string(topic));
    BOOST_REQUIRE(anonymous);
    BOOST_TEST(anonymous->status == 401);
    auto missing = w.server.client().Get("/api/consultations/999999", bearer(w.tokens["member"]));
    BOOST_REQUIRE(missing);
    BOOST_TEST(missing->status == 404);
    auto bad = w.server.client().Get("/api/consultations/abc", bearer(w.tokens["member"]));
    BOOST_REQUIRE(bad);
    BOOST_TEST(bad->status == 400);
    BOOST_TEST(error_of(bad).code == "bad_id");
}

BOOST_AUTO_TEST_CASE(a_leader_puts_a_topic_in_the_years_plan_with_its_committee_and_vice_chair) {
    ConsultationWorld w;
    Id topic = w.propose();
    Json plan{{"year", 2026}, {"committee_id", w.committee}, {"lead_vice_chair_id", w.vice_chair}};
    expect_refused(w, 403, "not_leader", w.path(topic, "plan"), "member", plan);
    expect_refused(w, 403, "not_leader", w.path(topic, "plan"), "secretary", plan);
    auto v = w.expect(200, w.path(topic, "plan"), "vice_chair", plan);
    BOOST_TEST((v.consultation.stage == S::planned));
    BOOST_TEST(v.consultation.plan_year == 2026);
    BOOST_TEST(v.consultation.committee_id == w.committee);
    BOOST_TEST(v.committee_name == "社会和法制委员会");
    BOOST_TEST(v.consultation.lead_vice_chair_id == w.vice_chair);
    BOOST_TEST(person_name(v, w.vice_chair) == "周副主席");
}

BOOST_AUTO_TEST_CASE(the_plan_names_a_committee_and_a_vice_chair_of_this_cppcc) {
    ConsultationWorld w;
    Id topic = w.propose();
    std::string plan = w.path(topic, "plan");
    auto refused = [&](Id committee, Id vice_chair) {
        std::string before = consultation_snapshot(w.server.db());
        auto r = w.post(plan, "chair",
                        Json{{"year", 2026}, {"committee_id", committee},
                             {"lead_vice_chair_id", vice_chair}});
        BOOST_REQUIRE(r);
        BOOST_TEST(r->status >= 400);
        BOOST_TEST(r->status < 500);
        BOOST_TEST(consultation_snapshot(w.server.db()) == before);
    };
    refused(w.other_committee, w.vice_chair);
    refused(999999, w.vice_chair);
    refused(w.committee, w.stranger);  // the other committee's vice-chair
    refused(w.committee, w.member);    // seated, but not a vice-chair
}

BOOST_AUTO_TEST_CASE(research_keeps_its_group_visits_and_report_sections) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::researching);
    auto v = w.read(topic);
    const Consultation& c = v.consultation;
    BOOST_TEST((c.stage == S::researching));
    BOOST_REQUIRE(c.research_group.size() == 2u);
    int leads = 0;
    for (const auto& m : c.research_group) {
        leads += m.lead;
        if (m.member_id == w.vice_chair) {
            BOOST_TEST(m.lead);
            BOOST_TEST(m.name == "周副主席");
        }
    }
    BOOST_TEST(leads == 1);
    BOOST_REQUIRE(c.visits.size() == 1u);
    BOOST_TEST(c.visits[0].visited_on == "2026-03-18");
    BOOST_TEST(c.visits[0].place == "北门社区");
    BOOST_TEST(c.visits[0].attachment == "座谈记录三份");
    BOOST_TEST(c.visits[0].by == w.member);
    BOOST_REQUIRE(c.report.size() == 1u);
    BOOST_TEST(c.report[0].heading == "一、基本情况");
    BOOST_TEST(c.report[0].id > 0);
}

BOOST_AUTO_TEST_CASE(the_research_group_is_of_seated_members_with_exactly_one_lead) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::planned);
    std::string group = w.path(topic, "research-group");
    auto members = [](std::initializer_list<std::pair<Id, bool>> list) {
        Json a = Json::array();
        for (auto [id, lead] : list) a.push_back(Json{{"member_id", id}, {"lead", lead}});
        return Json{{"members", a}};
    };
    auto refused = [&](const Json& body) {
        std::string before = consultation_snapshot(w.server.db());
        auto r = w.post(group, "chair", body);
        BOOST_REQUIRE(r);
        BOOST_TEST((r->status >= 400 && r->status < 500), r->body);
        BOOST_TEST(consultation_snapshot(w.server.db()) == before);
    };
    refused(members({{w.member, false}, {w.second_member, false}}));  // no lead
    refused(members({{w.member, true}, {w.second_member, true}}));    // two leads
    refused(members({{w.member, true}, {w.stranger, false}}));        // the other committee's
    refused(members({{w.member, true}, {w.resident, false}}));        // seated nowhere
}

BOOST_AUTO_TEST_CASE(only_the_research_group_and_recorders_add_visits_and_sections) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::researching);
    Json visit{{"visited_on", "2026-04-02"}, {"place", "南门社区"}, {"notes", "走访"},
               {"attachment", ""}};
    expect_refused(w, 403, "not_recorder", w.path(topic, "visits"), "second_member", visit);
    expect_refused(w, 403, "not_seated", w.path(topic, "visits"), "resident", visit);
    expect_refused(w, 403, "not_recorder", w.path(topic, "sections"), "second_member",
                   Json{{"heading", "二"}, {"body", "内容"}});
    auto v = w.expect(201, w.path(topic, "visits"), "secretary", visit);
    BOOST_TEST(v.consultation.visits.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_recorder_schedules_the_meeting_and_records_its_order_of_business) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::meeting);
    Json meeting{{"held_on", "2026-06-13"}, {"place", "别处"}, {"chair", "陈主席"}};
    expect_refused(w, 403, "not_recorder", w.path(topic, "meeting"), "member", meeting);
    auto v = w.read(topic);
    BOOST_TEST((v.consultation.stage == S::meeting));
    BOOST_REQUIRE(v.consultation.meeting);
    const Meeting& m = *v.consultation.meeting;
    BOOST_TEST(m.held_on == "2026-06-12");
    BOOST_TEST(m.chair == "陈主席");
    BOOST_TEST(!m.closed);
    BOOST_REQUIRE(m.participants.size() == 2u);
    BOOST_TEST(m.participants[0].member_id == w.member);
    BOOST_TEST((m.participants[1].kind == ParticipantKind::department_head));
    BOOST_TEST(m.participants[1].member_id == 0);
    BOOST_REQUIRE(m.items.size() == 2u);
    BOOST_TEST((m.items[0].kind == ItemKind::keynote));
    BOOST_TEST((m.items[1].kind == ItemKind::question));
    BOOST_TEST(m.items[1].to_participant_id == m.participants[1].id);
    BOOST_TEST(m.items[1].at > 0);
    expect_refused(w, 403, "not_recorder", w.path(topic, "items"), "member",
                   keynote(m.participants[0].id));
}

BOOST_AUTO_TEST_CASE(a_question_is_answered_once_by_the_participant_it_was_put_to) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::meeting);
    auto m = *w.read(topic).consultation.meeting;
    Id head = m.participants[1].id, question = m.items[1].id, keynote_item = m.items[0].id;
    auto answer = [&](Id answers) {
        return Json{{"kind", "answer"}, {"speaker_id", head}, {"summary", "市财政列支"},
                    {"to_participant_id", nullptr}, {"answers_item_id", answers}};
    };
    // A keynote is no question.
    expect_refused(w, 400, "bad_item", w.path(topic, "items"), "secretary", answer(keynote_item));
    auto v = w.expect(201, w.path(topic, "items"), "secretary", answer(question));
    BOOST_TEST(v.consultation.meeting->items.back().answers_item_id == question);
    expect_refused(w, 409, "already_answered", w.path(topic, "items"), "secretary",
                   answer(question));
}

BOOST_AUTO_TEST_CASE(closing_the_meeting_concludes_it_and_ends_its_record) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::meeting);
    expect_refused(w, 403, "not_recorder", w.path(topic, "close-meeting"), "member",
                   Json::object());
    auto v = w.expect(200, w.path(topic, "close-meeting"), "secretary", Json::object());
    BOOST_TEST((v.consultation.stage == S::concluded));
    BOOST_TEST(v.consultation.meeting->closed);
    Id speaker = v.consultation.meeting->participants[0].id;
    expect_refused(w, 409, "wrong_stage", w.path(topic, "items"), "secretary", keynote(speaker));
}

BOOST_AUTO_TEST_CASE(a_recommendation_is_traced_to_this_consultations_speeches_and_sections) {
    ConsultationWorld w;
    Id topic = w.propose();
    Id other = w.propose("另一个议题");
    w.advance(other, S::meeting);
    auto elsewhere = w.read(other).consultation;
    w.advance(topic, S::concluded);
    auto v = w.read(topic);
    BOOST_REQUIRE(v.recommendations.size() == 1u);
    const auto& r = v.recommendations[0];
    BOOST_TEST(r.text == "建立社区物业服务质量评价制度");
    BOOST_TEST(r.proposer_ids == std::vector<Id>{w.member});
    BOOST_TEST(r.item_ids == std::vector<Id>{v.consultation.meeting->items[0].id});
    BOOST_TEST(r.section_ids == std::vector<Id>{v.consultation.report[0].id});
    BOOST_TEST(r.tasks.empty());

    auto draft = [&](Id item, Id section, Id proposer) {
        return Json{{"text", "建议"},
                    {"proposer_ids", Json::array({proposer})},
                    {"item_ids", item ? Json::array({item}) : Json::array()},
                    {"section_ids", section ? Json::array({section}) : Json::array()}};
    };
    std::string path = w.path(topic, "recommendations");
    expect_refused(w, 400, "bad_source", path, "secretary",
                   draft(elsewhere.meeting->items[0].id, 0, w.member));
    expect_refused(w, 400, "bad_source", path, "secretary",
                   draft(0, elsewhere.report[0].id, w.member));
    expect_refused(w, 403, "not_recorder", path, "member",
                   draft(v.consultation.meeting->items[0].id, 0, w.member));
    auto refused = [&](Id proposer) {
        std::string before = consultation_snapshot(w.server.db());
        auto r = w.post(path, "secretary", draft(v.consultation.meeting->items[0].id, 0, proposer));
        BOOST_REQUIRE(r);
        BOOST_TEST((r->status >= 400 && r->status < 500), r->body);
        BOOST_TEST(consultation_snapshot(w.server.db()) == before);
    };
    refused(w.stranger);
    refused(w.resident);
}

BOOST_AUTO_TEST_CASE(recommendations_wait_for_the_meeting_to_close) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::meeting);
    auto c = w.read(topic).consultation;
    expect_refused(w, 409, "wrong_stage", w.path(topic, "recommendations"), "secretary",
                   Json{{"text", "建议"},
                        {"proposer_ids", Json::array({w.member})},
                        {"item_ids", Json::array({c.meeting->items[0].id})},
                        {"section_ids", Json::array()}});
}

BOOST_AUTO_TEST_CASE(the_outcome_is_sent_once_it_holds_a_recommendation_then_published_by_a_leader) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::meeting);
    w.expect(200, w.path(topic, "close-meeting"), "secretary", Json::object());
    Json sending{{"recipient", "市委"}, {"sent_on", "2026-06-30"}, {"received_by", "市委办公室"}};
    expect_refused(w, 409, "no_recommendations", w.path(topic, "sendings"), "secretary", sending);
    expect_refused(w, 409, "wrong_stage", w.path(topic, "publish"), "chair", Json::object());
    Id topic2 = w.propose("第二个议题");
    w.advance(topic2, S::sent);
    auto v = w.read(topic2);
    BOOST_TEST((v.consultation.stage == S::sent));
    BOOST_REQUIRE(v.consultation.sendings.size() == 1u);
    BOOST_TEST(v.consultation.sendings[0].recipient == "市委");
    BOOST_TEST(v.consultation.sendings[0].received_by == "市委办公室");
    // A further sending, to the government.
    auto more = w.expect(201, w.path(topic2, "sendings"), "secretary",
                         Json{{"recipient", "市政府"}, {"sent_on", "2026-07-01"},
                              {"received_by", "市政府办公室"}});
    BOOST_TEST(more.consultation.sendings.size() == 2u);
    expect_refused(w, 403, "not_leader", w.path(topic2, "publish"), "secretary", Json::object());
    auto published = w.expect(200, w.path(topic2, "publish"), "chair", Json::object());
    BOOST_TEST((published.consultation.stage == S::published));
    BOOST_TEST(published.figures.recommendations == 1);
    BOOST_TEST(published.figures.pending == 1);
}

BOOST_AUTO_TEST_CASE(the_version_grows_with_every_change_and_not_with_a_refusal) {
    ConsultationWorld w;
    Id topic = w.propose();
    std::int64_t version = w.read(topic).version;
    auto step = [&](int status, const std::string& act, const std::string& who, const Json& body) {
        auto v = w.expect(status, w.path(topic, act), who, body);
        BOOST_TEST(v.version > version, act);
        BOOST_TEST(w.read(topic).version == v.version);
        version = v.version;
    };
    step(200, "plan", "chair",
         Json{{"year", 2026}, {"committee_id", w.committee}, {"lead_vice_chair_id", w.vice_chair}});
    step(200, "research-group", "chair",
         Json{{"members", Json::array({Json{{"member_id", w.member}, {"lead", true}}})}});
    step(201, "sections", "secretary", Json{{"heading", "一"}, {"body", "正文"}});
    auto r = w.post(w.path(topic, "plan"), "member", Json{{"year", 2026}});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 400);
    BOOST_TEST(w.read(topic).version == version);
}

BOOST_AUTO_TEST_CASE(every_act_is_audited_on_the_city_chain_by_its_actor) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, S::published);
    std::vector<std::string> actions;
    for (const auto& e : w.server.store().audit_entries(0, 0, 1000))
        if (e.actor_id && (*e.actor_id == w.member || *e.actor_id == w.chair ||
                           *e.actor_id == w.secretary))
            actions.push_back(e.action);
    for (const char* a : {"topic_proposed", "topic_planned", "research_group_set", "visit_added",
                          "section_added", "meeting_scheduled", "participant_added",
                          "item_recorded", "meeting_closed", "recommendation_added",
                          "outcome_sent", "consultation_published"})
        BOOST_TEST(std::count(actions.begin(), actions.end(), a) >= 1, a);
}

BOOST_AUTO_TEST_SUITE_END()
