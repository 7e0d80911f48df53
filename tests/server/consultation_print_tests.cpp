// The consultation's printed papers (会议纪要, 协商成果报告): read back from the PDF with poppler's
// pdftotext, the names, speeches, recommendations and department replies in the order printed.
#include <boost/test/unit_test.hpp>

#include "cppcc_steps.hpp"
#include "document_print_steps.hpp"
#include "yishi/server/consultation_print.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
Json required(const JsonReply& r, int status, const std::string& what) {
    BOOST_REQUIRE_MESSAGE(r.status == status, what << " answered " << r.status << ": " << r.body);
    return r.body;
}

Participant participant(Id id, const char* name, const char* title, const char* affiliation,
                        ParticipantKind kind) {
    return {id, name, title, affiliation, kind, 0};
}

MeetingItem item(Id id, ItemKind kind, Id speaker, std::string summary, Id to = 0,
                 Id answers = 0) {
    return {id, kind, speaker, std::move(summary), to, answers, 1592985600};
}

// A consultation after its meeting, sent and handled: the shape of the demo's 2020 topic,
// small. The answer to the question was recorded after the next speech.
ConsultationView handled_consultation() {
    ConsultationView v;
    v.cppcc_name = "嵊州市政协";
    v.committee_name = "社会和法制委员会";
    v.people = {{11, "钱立群"}, {12, "孙海燕"}, {13, "郑文博"}, {21, "县民政局"}};
    Consultation& c = v.consultation;
    c.id = 1;
    c.title = "加强城市社区治理";
    c.body = "疫情之后，社区治理要向县域治理共同体迈进。";
    c.source = TopicSource::party_committee;
    c.stage = ConsultationStage::published;
    c.plan_year = 2020;
    c.committee_id = 3;
    c.lead_vice_chair_id = 12;
    c.research_group = {{12, "孙海燕", true}, {13, "郑文博", false}};
    c.visits = {{1, "2020-03-18", "鹿山街道城南社区", "网格划分过大，一名网格员要管六百户。",
                 "座谈记录三份", 12},
                {2, "2020-04-22", "县大数据中心", "社区数据分散在十几个系统里。", "", 13}};
    c.report = {{1, "基本情况", "……"}, {2, "存在的问题", "……"}, {3, "对策建议", "……"}};
    Meeting m;
    m.held_on = "2020-06-24";
    m.place = "县行政中心三楼会议室";
    m.chair = "钱立群";
    m.participants = {
        participant(1, "钱立群", "市政协主席", "嵊州市政协", ParticipantKind::member),
        participant(2, "孙海燕", "市政协副主席", "嵊州市政协", ParticipantKind::member),
        participant(3, "郑文博", "市政协委员", "某软件公司", ParticipantKind::member),
        participant(4, "何建平", "局长", "市民政局", ParticipantKind::department_head),
    };
    m.items = {
        item(1, ItemKind::opening, 1, "开场：今天专题协商城市社区治理。"),
        item(2, ItemKind::keynote, 2, "专题发言：从顶层设计到智慧治理六个方面提出建议。"),
        item(3, ItemKind::question, 3, "提问：社工站什么时候能覆盖所有乡镇？", 4),
        item(4, ItemKind::speech, 4, "发言：优化社区规模布局，制定服务标准。"),
        item(5, ItemKind::answer, 4, "答复：二〇二二年底前每个乡镇建成社工站。", 0, 3),
        item(6, ItemKind::concluding, 1, "总结：请各部门认真研究吸收。"),
    };
    m.closed = true;
    c.meeting = m;
    c.sendings = {{1, "市委", "2020-07-10", "市委办公室 王某"},
                  {2, "市政府", "2020-07-10", "市政府办公室 李某"}};

    RecommendationView r1;
    r1.id = 1;
    r1.text = "建议一：推进网格精细化，网格员专职化。";
    r1.proposer_ids = {12, 13};
    r1.item_ids = {2};
    r1.section_ids = {2};
    TaskView t1;
    t1.id = 7;
    t1.recommendation_id = 1;
    t1.responsible_unit = "市民政局";
    t1.responsible_member_id = 21;
    t1.adoption = Adoption::partly;
    t1.position_reason = "网格员专职化需分步实施。";
    t1.created_at = 1595000000;
    t1.due_at = 1600000000;
    t1.state = TaskState::done;
    t1.progress = {{21, "已完成网格调整方案。", 1597000000}};
    ReplyView reply;
    reply.by = 21;
    reply.text = "已将城区网格由六百户调整为三百户。";
    reply.at = 1599000000;
    reply.ratings = {1, 1, 0};
    t1.replies = {reply};
    r1.tasks = {t1};
    RecommendationView r2;
    r2.id = 2;
    r2.text = "建议二：建设社区数据库，一网统管。";
    r2.proposer_ids = {13};
    r2.item_ids = {4};
    TaskView t2;
    t2.id = 8;
    t2.recommendation_id = 2;
    t2.responsible_unit = "市大数据中心";
    t2.adoption = Adoption::not_adopted;
    t2.position_reason = "省级平台统一建设，县级不再重复建设。";
    t2.state = TaskState::supervised;
    r2.tasks = {t2};
    v.recommendations = {r1, r2};
    v.figures = {2, 0, 1, 1, 0, 2, 1, 1, 1};
    return v;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(consultation_print)

BOOST_AUTO_TEST_CASE(the_record_prints_the_meeting_its_participants_and_each_item_in_order) {
    std::string text = pdf_text(server::consultation_record_pdf(handled_consultation()));
    appear_in_order(text, {"专题协商会会议纪要", "嵊州市政协", "加强城市社区治理", "党委点题",
                           "2020-06-24", "县行政中心三楼会议室", "钱立群",
                           // participants: name, title, affiliation, kind
                           "钱立群", "市政协主席", "嵊州市政协", "政协委员",
                           "何建平", "局长", "市民政局", "部门负责人",
                           // the order of business with speakers and summaries
                           "开场讲话", "钱立群", "开场：今天专题协商城市社区治理。",
                           "专题发言", "孙海燕", "从顶层设计到智慧治理六个方面提出建议。",
                           "提问", "郑文博", "何建平", "社工站什么时候能覆盖所有乡镇？",
                           "答复", "何建平", "二〇二二年底前每个乡镇建成社工站。",
                           "发言", "何建平", "优化社区规模布局，制定服务标准。",
                           "总结讲话", "钱立群", "请各部门认真研究吸收。"});
}

BOOST_AUTO_TEST_CASE(an_answer_prints_once_under_its_question) {
    std::string text = pdf_text(server::consultation_record_pdf(handled_consultation()));
    const std::string answer = squeezed("二〇二二年底前每个乡镇建成社工站。");
    BOOST_TEST(text.find(answer) != std::string::npos);
    BOOST_TEST(text.find(answer) == text.rfind(answer));
}

BOOST_AUTO_TEST_CASE(the_outcome_report_traces_recommendations_and_prints_each_reply_in_order) {
    std::string text = pdf_text(server::outcome_report_pdf(handled_consultation()));
    appear_in_order(text, {"协商成果报告", "加强城市社区治理", "党委点题",
                           // plan and research
                           "2020", "社会和法制委员会", "孙海燕",
                           "孙海燕（组长）", "郑文博", "2020-03-18", "鹿山街道城南社区",
                           "网格划分过大", "2020-04-22", "县大数据中心", "基本情况",
                           "存在的问题", "对策建议",
                           // recommendations with proposers and sources
                           "建议一：推进网格精细化，网格员专职化。", "孙海燕、郑文博",
                           "专题发言（孙海燕）", "从顶层设计到智慧治理", "存在的问题",
                           "建议二：建设社区数据库，一网统管。", "郑文博", "发言（何建平）",
                           // sendings
                           "2020-07-10", "市委", "市委办公室王某", "市政府", "市政府办公室李某",
                           // handling
                           "市民政局", "部分采纳", "网格员专职化需分步实施。", "已办结",
                           "已完成网格调整方案。", "已将城区网格由六百户调整为三百户。",
                           "满意1", "基本满意1", "不满意0",
                           "市大数据中心", "未采纳", "省级平台统一建设，县级不再重复建设。",
                           "督办中",
                           // figures
                           "建议2条", "采纳0条", "部分采纳1条", "未采纳1条", "交办2件",
                           "按期答复1件", "办结1件", "督办1件"});
}

BOOST_AUTO_TEST_CASE(a_long_speech_wraps_and_flows_over_pages_without_losing_a_sentence) {
    ConsultationView v = handled_consultation();
    std::string summary;
    std::vector<std::string> sentences;
    for (int i = 1; i <= 120; ++i) {
        std::string s = "第" + std::to_string(i) + "条：社区网格员要熟悉每一户居民的情况并及时上报。";
        sentences.push_back(s);
        summary += s;
    }
    v.consultation.meeting->items[1].summary = summary;  // the keynote, some 3,000 characters
    std::string pdf = server::consultation_record_pdf(v);
    BOOST_TEST(pdf_page_count(written_pdf(pdf)) >= 3);
    std::string text = pdf_text(pdf);
    appear_in_order(text, sentences);
    appear_in_order(text, {"第120条", "提问", "总结讲话"});
}

BOOST_AUTO_TEST_CASE(every_page_is_numbered_with_the_page_count) {
    ConsultationView v = handled_consultation();
    std::string summary;
    for (int i = 0; i < 150; ++i) summary += "协商于民、协商为民，让群众的意见有处说、有人听。";
    v.consultation.meeting->items[1].summary = summary;
    auto pdf = written_pdf(server::consultation_record_pdf(v));
    const int pages = pdf_page_count(pdf);
    BOOST_TEST_REQUIRE(pages >= 2);
    for (int page = 1; page <= pages; ++page) {
        std::string p = std::to_string(page);
        std::string text = pdf_page_text(pdf, page, false);
        BOOST_TEST(squeezed(text).find("第" + p + "页，共" + std::to_string(pages) + "页") !=
                       std::string::npos,
                   "page " << page);
    }
}

BOOST_AUTO_TEST_CASE(a_topic_before_its_meeting_prints_its_title_and_says_no_meeting_yet) {
    ConsultationView v;
    v.cppcc_name = "嵊州市政协";
    v.consultation.title = "电动车集中充电设施建设";
    v.consultation.source = TopicSource::public_recommendation;
    v.consultation.issue_id = 1;
    v.issue_title = "在3号楼车棚加装电动车充电桩";
    std::string record = pdf_text(server::consultation_record_pdf(v));
    appear_in_order(record, {"电动车集中充电设施建设", "群众荐题", "在3号楼车棚加装电动车充电桩",
                             "协商会尚未安排"});
    std::string outcome = pdf_text(server::outcome_report_pdf(v));
    appear_in_order(outcome, {"电动车集中充电设施建设", "尚未列入年度协商计划", "尚未形成建议",
                              "尚未报送", "尚未交办", "建议0条"});
}

BOOST_AUTO_TEST_CASE(text_not_in_utf8_is_refused) {
    ConsultationView v = handled_consultation();
    v.consultation.title = "\xff\xfe";
    BOOST_CHECK_THROW(server::consultation_record_pdf(v), std::runtime_error);
    BOOST_CHECK_THROW(server::outcome_report_pdf(v), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(any_member_downloads_both_papers_with_a_departments_reply_in_them) {
    CppccWorld w;
    SentConsultation sent = sent_consultation(w);
    Json view = required(
        post_json(w.server, w.chair.token,
                  path_of("/api/recommendations/", sent.recommendations[0], "/hand-over"),
                  {{"unit", "县民政局"},
                   {"responsible_member_id", w.civil_affairs_staff.id},
                   {"due_at", server::system_now() + 30 * kDay}}),
        201, "handing over");
    Id task = tasks_of(view, sent.recommendations[0]).back()["id"].get<Id>();
    required(post_json(w.server, w.civil_affairs_staff.token,
                            path_of("/api/tasks/", task, "/position"),
                            {{"adoption", "partly"},
                             {"reason", "联席会议先在城区试行"},
                             {"due_at", server::system_now() + 60 * kDay}}),
                  200, "the position");
    required(post_json(w.server, w.civil_affairs_staff.token,
                            path_of("/api/tasks/", task, "/reply"),
                            {{"text", "城区联席会议已召开首次会议"}}),
                  201, "the reply");

    // A resident of the demo community reads them as the committee's members do.
    const std::string resident = w.server.login("demo03");
    Printed record =
        fetch(w.server, resident, path_of("/api/consultations/", sent.topic, "/record.pdf"));
    BOOST_TEST(record.status == 200);
    BOOST_TEST(record.content_type == "application/pdf");
    appear_in_order(pdf_text(record.body),
                    {"专题协商会会议纪要", "加强城市社区治理", "2020-06-24", "县政协会议室",
                     "主席甲", "副主席乙", "县政协副主席", "专题发言", "副主席乙",
                     "专题发言：六个方面的建议。", "发言", "建议建立统一的指挥平台。"});

    Printed outcome =
        fetch(w.server, resident, path_of("/api/consultations/", sent.topic, "/outcome.pdf"));
    BOOST_TEST(outcome.status == 200);
    BOOST_TEST(outcome.content_type == "application/pdf");
    appear_in_order(pdf_text(outcome.body),
                    {"协商成果报告", "加强城市社区治理", "委员提题", "一、现状",
                     "建立社区治理联席会议制度", "建议建立统一的指挥平台。",
                     "推进智慧治理平台建设", "2020-07-01", "县委", "县委办公室张某",
                     "建议1", "县民政局", "部分采纳", "联席会议先在城区试行",
                     "城区联席会议已召开首次会议", "建议2条", "部分采纳1条", "待表态1条"});
}

BOOST_AUTO_TEST_CASE(the_papers_need_an_account_and_an_existing_consultation) {
    CppccWorld w;
    SentConsultation sent = sent_consultation(w);
    const std::string record = path_of("/api/consultations/", sent.topic, "/record.pdf");
    BOOST_TEST(fetch(w.server, "", record).status == 401);
    BOOST_TEST(fetch(w.server, "", path_of("/api/consultations/", sent.topic, "/outcome.pdf"))
                   .status == 401);
    const std::string token = w.server.login("demo03");
    Printed missing = fetch(w.server, token, "/api/consultations/999/record.pdf");
    BOOST_TEST(missing.status == 404);
    BOOST_TEST(Json::parse(missing.body)["error"]["code"] == "not_found");
    Printed bad = fetch(w.server, token, "/api/consultations/abc/outcome.pdf");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(Json::parse(bad.body)["error"]["code"] == "bad_id");
}

BOOST_AUTO_TEST_SUITE_END()
