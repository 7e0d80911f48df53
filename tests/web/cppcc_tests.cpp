// 政协 in the client: routes, what each page loads, each act sent as its request (or refused by
// the core's rules without a round trip), and replies applied — the live page keeps an unchanged
// consultation, a proposed topic opens its page, a recorded item moves the record screen on.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/cppcc.hpp"
#include "yishi/client/format.hpp"
#include "yishi/messages_consultation.hpp"

using namespace fixtures;

namespace {

constexpr Id kCppcc = 3;
constexpr Id kTopic = 5;
constexpr Id kMe = 101;  // demo01, seated as the fixture says

CppccView committee(CppccPost post) {
    CppccView v;
    v.id = kCppcc;
    v.name = "嵊州市政协";
    v.committees = {{11, "社会和法制委员会"}};
    v.seats = {{kMe, "王秀英", post, 11, ""}, {102, "李建国", CppccPost::vice_chair, 0, ""},
               {103, "赵敏", CppccPost::member, 11, ""}};
    v.viewer = {kMe, true, post};
    return v;
}

// A consultation at `stage`, the viewer seated as `post`; a meeting with two participants and a
// keynote, one recommendation proposed by 103, sent.
ConsultationView consultation(ConsultationStage stage, CppccPost post, std::int64_t version = 1) {
    ConsultationView v;
    Consultation& c = v.consultation;
    c.id = kTopic;
    c.cppcc_id = kCppcc;
    c.title = "城市社区治理";
    c.source = TopicSource::members;
    c.stage = stage;
    Meeting m;
    m.held_on = "2026-06-18";
    m.place = "政协会议室";
    m.chair = "李建国";
    m.participants = {{21, "张伟", "委员", "县政协", ParticipantKind::member, 103},
                      {22, "陈民政", "局长", "县民政局", ParticipantKind::department_head, 0}};
    m.items = {{31, ItemKind::keynote, 21, "社区治理的现状", 0, 0, 1'750'000'000}};
    m.closed = stage != ConsultationStage::meeting;
    c.meeting = m;
    if (stage >= ConsultationStage::concluded) {
        Recommendation r;
        r.id = 41;
        r.text = "建立社区议事协商清单";
        r.proposer_ids = {103};
        r.item_ids = {31};
        c.recommendations = {r};
        v.recommendations = {{41, r.text, {103}, {31}, {}, {}}};
    }
    v.cppcc_name = "嵊州市政协";
    v.people = {{kMe, "王秀英"}, {103, "赵敏"}, {201, "民政局 钱工"}};
    v.viewer = {kMe, true, post};
    v.version = version;
    return v;
}

TaskView answered_task(std::vector<Id> raters) {
    TaskView t;
    t.id = 61;
    t.recommendation_id = 41;
    t.raters = std::move(raters);
    t.responsible_unit = "县民政局";
    t.responsible_member_id = 201;
    t.due_at = 1'900'000'000;
    t.state = TaskState::answered;
    ReplyView r;
    r.by = 201;
    r.text = "已建立清单";
    r.at = 1'800'000'000;
    t.replies = {r};
    return t;
}

// Logged in and on the consultation's page with it (and its committee) loaded.
struct OnConsultation : LoggedIn {
    explicit OnConsultation(ConsultationView v, CppccPost post) {
        load_list();
        auto sent = apply(state, Navigate{Route{Page::consultation, kTopic}, false});
        auto more = apply_response(state, only(sent, RequestKind::consultation), 200, encode(v));
        apply_response(state, only(more, RequestKind::cppcc), 200, encode(committee(post)));
        state.url_update = UrlUpdate::none;
    }
};

Json body_of(const Request& r) { return Json::parse(r.body); }

}  // namespace

BOOST_AUTO_TEST_SUITE(cppcc)

BOOST_AUTO_TEST_CASE(the_cppcc_routes_round_trip_and_the_consultation_pages_are_live) {
    for (Route r : {Route{Page::cppccs}, Route{Page::cppcc, 3, {}}, Route{Page::consultation, 5, {}},
                    Route{Page::consultation_record, 5, {}}, Route{Page::consultation_tasks}})
        BOOST_TEST((parse_hash(to_hash(r)) == r), to_hash(r));
    BOOST_TEST(to_hash(Route{Page::cppccs}) == "#/cppcc");
    BOOST_TEST(to_hash(Route{Page::cppcc, 3, {}}) == "#/cppcc/3");
    BOOST_TEST(to_hash(Route{Page::consultation_record, 5, {}}) == "#/consultation/5/record");
    BOOST_TEST(to_hash(Route{Page::consultation_tasks}) == "#/my-consultation-tasks");
    BOOST_TEST((parse_hash("#/cppcc/abc") == Route{Page::home}));
    BOOST_TEST((parse_hash("#/consultation") == Route{Page::home}));
    BOOST_TEST((parse_hash("#/issue/abc") == Route{Page::home}));
    BOOST_TEST(is_live(Page::consultation));
    BOOST_TEST(is_live(Page::consultation_record));
    BOOST_TEST(!is_live(Page::cppcc));
    BOOST_TEST(requires_login(Page::consultation_tasks));
}

BOOST_AUTO_TEST_CASE(with_one_committee_the_list_goes_straight_to_it) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::cppccs}, false});
    BOOST_TEST(only(sent, RequestKind::cppccs).path == "/api/cppccs");
    auto next = apply_response(f.state, only(sent, RequestKind::cppccs), 200,
                               encode(CppccList{{{kCppcc, "嵊州市政协"}}}));
    BOOST_TEST((f.state.route == Route{Page::cppcc, kCppcc, {}}));
    BOOST_TEST((f.state.url_update == UrlUpdate::replace));
    BOOST_TEST(only(next, RequestKind::cppcc).path == "/api/cppccs/3");
}

BOOST_AUTO_TEST_CASE(with_two_committees_the_list_stays) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::cppccs}, false});
    apply_response(f.state, only(sent, RequestKind::cppccs), 200,
                   encode(CppccList{{{3, "嵊州市政协"}, {4, "越城区政协"}}}));
    BOOST_TEST((f.state.route == Route{Page::cppccs}));
    BOOST_TEST(f.state.cppcc.cppccs.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_consultation_loads_then_its_committee_for_the_pickers) {
    OnConsultation f(consultation(ConsultationStage::meeting, CppccPost::secretariat),
                     CppccPost::secretariat);
    BOOST_REQUIRE(f.state.find_consultation(kTopic));
    BOOST_TEST(f.state.cppcc.committees.count(kCppcc) == 1u);
    BOOST_TEST(f.state.find_consultation(kTopic)->consultation.title == "城市社区治理");
}

BOOST_AUTO_TEST_CASE(a_live_refresh_keeps_an_unchanged_consultation_and_takes_a_new_version) {
    OnConsultation f(consultation(ConsultationStage::meeting, CppccPost::secretariat, 7),
                     CppccPost::secretariat);
    auto poll = apply(f.state, Refresh{});
    const Request& r = only(poll, RequestKind::consultation);
    BOOST_TEST(r.background);
    BOOST_TEST(r.path == "/api/consultations/5");
    // Same version, other text: nothing changes (the version is what the page compares).
    ConsultationView same = consultation(ConsultationStage::meeting, CppccPost::secretariat, 7);
    same.consultation.title = "别的标题";
    apply_response(f.state, r, 200, encode(same));
    BOOST_TEST(f.state.find_consultation(kTopic)->consultation.title == "城市社区治理");
    auto again = apply(f.state, Refresh{});
    ConsultationView newer = consultation(ConsultationStage::meeting, CppccPost::secretariat, 8);
    newer.consultation.meeting->items.push_back({32, ItemKind::speech, 22, "回应", 0, 0, 1});
    apply_response(f.state, only(again, RequestKind::consultation), 200, encode(newer));
    BOOST_TEST(f.state.find_consultation(kTopic)->consultation.meeting->items.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_proposed_topic_is_posted_and_its_page_opens) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::cppcc, kCppcc, {}}, false});
    apply_response(f.state, only(sent, RequestKind::cppcc), 200, encode(committee(CppccPost::member)));
    auto post = yishi::client::apply(f.state, CppccIntent{ProposeTopic{kCppcc, " 城市社区治理 ", "说明", "members"}});
    const Request& w = only(post, RequestKind::write);
    BOOST_TEST(w.path == "/api/cppccs/3/topics");
    BOOST_TEST(body_of(w)["title"] == "城市社区治理");
    BOOST_TEST(body_of(w)["source"] == "members");
    auto next = apply_response(f.state, w, 201,
                               encode(consultation(ConsultationStage::proposed, CppccPost::member)));
    BOOST_TEST((f.state.route == Route{Page::consultation, kTopic, {}}));
    BOOST_TEST(f.state.find_consultation(kTopic));
    BOOST_TEST(has(next, RequestKind::cppcc));  // the committee's list gains the topic
}

BOOST_AUTO_TEST_CASE(an_empty_topic_title_is_refused_without_sending) {
    LoggedIn f;
    f.load_list();
    auto sent = yishi::client::apply(f.state, CppccIntent{ProposeTopic{kCppcc, "  ", "", "members"}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(!f.state.error.empty());
}

BOOST_AUTO_TEST_CASE(a_leader_plans_with_the_year_as_a_number_and_a_member_may_not) {
    OnConsultation f(consultation(ConsultationStage::proposed, CppccPost::chair), CppccPost::chair);
    auto sent = yishi::client::apply(f.state, CppccIntent{PlanTopic{kTopic, "2026", 11, 102}});
    const Request& w = only(sent, RequestKind::write);
    BOOST_TEST(w.path == "/api/consultations/5/plan");
    BOOST_TEST(body_of(w) == (Json{{"year", 2026}, {"committee_id", 11}, {"lead_vice_chair_id", 102}}));

    OnConsultation m(consultation(ConsultationStage::proposed, CppccPost::member), CppccPost::member);
    BOOST_TEST(act_refusal(m.state, *m.state.find_consultation(kTopic), Act::plan)->code ==
               "not_leader");
    auto refused = yishi::client::apply(m.state, CppccIntent{PlanTopic{kTopic, "2026", 11, 102}});
    BOOST_TEST(refused.empty());
    BOOST_TEST(!m.state.error.empty());
}

BOOST_AUTO_TEST_CASE(a_secretary_records_a_speech_and_the_record_screen_moves_on) {
    OnConsultation f(consultation(ConsultationStage::meeting, CppccPost::secretariat),
                     CppccPost::secretariat);
    apply(f.state, Navigate{Route{Page::consultation_record, kTopic, {}}, false});
    BOOST_TEST(to_hash(f.state.route) == "#/consultation/5/record");
    auto sent = yishi::client::apply(f.state, CppccIntent{RecordItem{kTopic, "speech", 22, "将建立清单", 0, 0}});
    const Request& w = only(sent, RequestKind::write);
    BOOST_TEST(w.path == "/api/consultations/5/items");
    BOOST_TEST(body_of(w)["kind"] == "speech");
    BOOST_TEST(body_of(w)["speaker_id"] == 22);
    BOOST_TEST(body_of(w)["to_participant_id"].is_null());
    auto before = f.state.cppcc.recorded;
    ConsultationView after = consultation(ConsultationStage::meeting, CppccPost::secretariat, 2);
    after.consultation.meeting->items.push_back({32, ItemKind::speech, 22, "将建立清单", 0, 0, 1});
    apply_response(f.state, w, 201, encode(after));
    BOOST_TEST(f.state.cppcc.recorded == before + 1);
    BOOST_TEST(f.state.find_consultation(kTopic)->consultation.meeting->items.size() == 2u);
    BOOST_TEST((f.state.route.page == Page::consultation_record));
}

BOOST_AUTO_TEST_CASE(a_member_who_does_not_record_is_refused_before_sending) {
    OnConsultation f(consultation(ConsultationStage::meeting, CppccPost::member), CppccPost::member);
    auto sent = yishi::client::apply(f.state, CppccIntent{RecordItem{kTopic, "speech", 22, "发言", 0, 0}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == make_error("not_recorder").message);
}

BOOST_AUTO_TEST_CASE(a_recommendation_with_its_sources_and_a_sending_are_posted) {
    OnConsultation f(consultation(ConsultationStage::concluded, CppccPost::secretariat),
                     CppccPost::secretariat);
    auto sent = yishi::client::apply(f.state, CppccIntent{AddRecommendation{
                                   kTopic, RecommendationDraft{"完善清单", {103}, {31}, {}}}});
    const Request& w = only(sent, RequestKind::write);
    BOOST_TEST(w.path == "/api/consultations/5/recommendations");
    BOOST_TEST(body_of(w)["proposer_ids"] == Json::array({103}));
    BOOST_TEST(body_of(w)["item_ids"] == Json::array({31}));
    apply_response(f.state, w, 201, encode(consultation(ConsultationStage::concluded, CppccPost::secretariat, 2)));
    auto send = yishi::client::apply(f.state, CppccIntent{SendOutcome{kTopic, SendingDraft{"县委", "2026-07-01", "县委办公室"}}});
    BOOST_TEST(only(send, RequestKind::write).path == "/api/consultations/5/sendings");
    BOOST_TEST(body_of(only(send, RequestKind::write))["sent_on"] == "2026-07-01");
}

BOOST_AUTO_TEST_CASE(a_leader_hands_a_recommendation_over_due_at_the_end_of_the_typed_day) {
    OnConsultation f(consultation(ConsultationStage::sent, CppccPost::chair), CppccPost::chair);
    auto sent = yishi::client::apply(f.state, CppccIntent{HandOverRecommendation{kTopic, 41, "县民政局", "201", "2030-09-30"}});
    const Request& w = only(sent, RequestKind::write);
    BOOST_TEST(w.path == "/api/recommendations/41/hand-over");
    BOOST_TEST(body_of(w)["responsible_member_id"] == 201);
    BOOST_TEST(body_of(w)["due_at"] == parse_local_date_time("2030-09-30 23:59"));
    // Not a date: refused here.
    auto refused = yishi::client::apply(f.state, CppccIntent{HandOverRecommendation{kTopic, 41, "县民政局", "201", "九月"}});
    BOOST_TEST(refused.empty());
    BOOST_TEST(f.state.error_field == "due_at");
}

BOOST_AUTO_TEST_CASE(only_the_proposers_rate_and_only_leaders_conclude) {
    TaskView task = answered_task({103});
    ConsultationView as_proposer = consultation(ConsultationStage::sent, CppccPost::member);
    as_proposer.viewer.member_id = 103;
    OnConsultation f(as_proposer, CppccPost::member);
    BOOST_TEST(!proposer_rate_refusal(f.state, as_proposer, task).has_value());
    BOOST_TEST(leader_conclude_refusal(f.state, as_proposer, task)->code == "not_convenor");
    ConsultationView other = consultation(ConsultationStage::sent, CppccPost::member);  // 101
    BOOST_TEST(proposer_rate_refusal(f.state, other, task).has_value());
    ConsultationView chair = consultation(ConsultationStage::sent, CppccPost::chair);
    BOOST_TEST(!leader_conclude_refusal(f.state, chair, task).has_value());
    // The rating itself is the task machinery's request.
    auto sent = yishi::client::apply(f.state, FlowIntent{RateTask{61, "satisfied"}});
    BOOST_TEST(only(sent, RequestKind::write).path == "/api/tasks/61/ratings");
}

BOOST_AUTO_TEST_CASE(the_department_loads_its_recommendations_and_states_a_position) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::consultation_tasks}, false});
    const Request& load = only(sent, RequestKind::consultation_tasks);
    BOOST_TEST(load.path == "/api/me/consultation-tasks");
    TaskView task = answered_task({103});
    task.state = TaskState::assigned;
    task.replies.clear();
    task.responsible_member_id = kMe;
    ConsultationTaskList list{{{kTopic, "城市社区治理", 41, "建立社区议事协商清单", task}}};
    apply_response(f.state, load, 200, encode(list));
    BOOST_REQUIRE(f.state.find_consultation_task(61));
    BOOST_TEST(!position_refusal(f.state, task).has_value());
    BOOST_TEST(!department_answer_refusal(f.state, task).has_value());
    auto pos = yishi::client::apply(f.state, CppccIntent{TakePosition{61, "partly", "资金不足，分步实施", "2030-12-31"}});
    const Request& w = only(pos, RequestKind::write);
    BOOST_TEST(w.path == "/api/tasks/61/position");
    BOOST_TEST(body_of(w)["adoption"] == "partly");
    BOOST_TEST(body_of(w)["reason"] == "资金不足，分步实施");
    // The reply reloads the list.
    auto after = apply_response(f.state, w, 200, encode(task));
    BOOST_TEST(has(after, RequestKind::consultation_tasks));
    // Progress and the formal reply are the task machinery's.
    auto progress = yishi::client::apply(f.state, FlowIntent{PostTaskText{61, "progress", "已召开专题会"}});
    BOOST_TEST(only(progress, RequestKind::write).path == "/api/tasks/61/progress");
    // Someone else's task: no position.
    task.responsible_member_id = 999;
    BOOST_TEST(position_refusal(f.state, task)->code == "not_responsible");
}

BOOST_AUTO_TEST_CASE(an_issue_page_asks_quietly_for_its_consultation_and_a_convenor_recommends_it) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::issue, 1, {}}, false});
    const Request& q = only(sent, RequestKind::issue_consultation);
    BOOST_TEST(q.path == "/api/issues/1/consultation");
    BOOST_TEST(q.background);  // no spinner; a failure shows no banner
    apply_response(f.state, q, 404, R"({"error":{"code":"not_found","message":"x","field":""}})");
    BOOST_TEST(f.state.error.empty());
    auto rec = yishi::client::apply(f.state, CppccIntent{RecommendIssue{1, kCppcc}});
    // demo01 is a resident, not the convenor: the core refuses.
    BOOST_TEST(rec.empty());
    BOOST_TEST(!f.state.error.empty());
    IssueConsultation ic;
    ic.topic_id = kTopic;
    ic.title = "城市社区治理";
    ic.stage = ConsultationStage::sent;
    apply_response(f.state, q, 200, encode(ic));
    BOOST_TEST(f.state.cppcc.issues.at(1).topic_id == kTopic);
}

BOOST_AUTO_TEST_CASE(the_admin_creates_a_cppcc_its_committee_and_seats_a_member) {
    LoggedIn f;
    f.load_list();
    f.state.session.admin = AdminScope{AdminLevel::platform, 0};
    auto a = yishi::client::apply(f.state, CppccIntent{CreateCppcc{1, "嵊州市政协"}});
    const Request& c = only(a, RequestKind::admin_create);
    BOOST_TEST(c.path == "/api/admin/cppccs");
    BOOST_TEST(body_of(c) == (Json{{"street_id", 1}, {"name", "嵊州市政协"}}));
    apply_response(f.state, c, 201, R"({"id":3,"name":"嵊州市政协","parent_id":1})");
    auto k = yishi::client::apply(f.state, CppccIntent{CreateSpecialCommittee{3, "社会和法制委员会"}});
    BOOST_TEST(only(k, RequestKind::admin_create).path == "/api/admin/cppccs/3/committees");
    apply_response(f.state, only(k, RequestKind::admin_create), 201, R"({"id":11,"name":"x","parent_id":3})");
    auto s = yishi::client::apply(f.state, CppccIntent{SeatCppccMember{3, "101", "vice_chair", 0, "副主席"}});
    const Request& seat = only(s, RequestKind::admin_create);
    BOOST_TEST(seat.path == "/api/admin/cppccs/3/seats");
    BOOST_TEST(body_of(seat) == (Json{{"member_id", 101}, {"post", "vice_chair"},
                                      {"committee_id", nullptr}, {"title", "副主席"}}));
    auto refused = yishi::client::apply(f.state, CppccIntent{SeatCppccMember{3, "abc", "member", 0, ""}});
    BOOST_TEST(refused.empty());
    BOOST_TEST(f.state.error_field == "member_id");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cppcc_papers)

BOOST_AUTO_TEST_CASE(the_printed_papers_are_fetched_and_saved_as_pdf_files) {
    OnConsultation f(consultation(ConsultationStage::sent, CppccPost::member), CppccPost::member);
    auto record = yishi::client::apply(f.state, CppccIntent{PrintConsultation{kTopic, false}});
    const Request& r = only(record, RequestKind::consultation_paper);
    BOOST_TEST(r.method == "GET");
    BOOST_TEST(r.path == "/api/consultations/5/record.pdf");
    apply_response(f.state, r, 200, "%PDF-1.5 record");
    BOOST_REQUIRE(f.state.download.has_value());
    BOOST_TEST(f.state.download->text == "%PDF-1.5 record");
    BOOST_TEST(f.state.download->mime == "application/pdf");
    BOOST_TEST(f.state.download->filename.find("会议纪要") != std::string::npos);

    auto outcome = yishi::client::apply(f.state, CppccIntent{PrintConsultation{kTopic, true}});
    const Request& o = only(outcome, RequestKind::consultation_paper);
    BOOST_TEST(o.path == "/api/consultations/5/outcome.pdf");
    apply_response(f.state, o, 200, "%PDF-1.5 outcome");
    BOOST_TEST(f.state.download->filename.find("协商成果报告") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
