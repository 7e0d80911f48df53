// The council's printed papers over real HTTP, read back from the PDF with poppler's pdftotext:
// a closed session's minutes (会议纪要) name the council, who came and who did not, the quorum,
// each item's count and outcome; a resolution notice (决议公示) states its period.
#include <boost/test/unit_test.hpp>

#include "document_print_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The demo council's members as its register lists them: demo01..demo15.
const std::vector<std::string> kDemoNames = {
    "李建国", "王秀英", "张伟",   "刘桂兰", "陈志强", "杨淑珍", "赵德明", "黄丽娟",
    "周建华", "吴玉梅", "徐国庆", "孙晓燕", "马文涛", "朱红霞", "胡海波",
};
const std::string kChargers = "在3号楼车棚加装电动车充电桩";
const std::string kStairwell = "楼道保洁改为每周两次";
const std::string kLift = "7号楼加装电梯，请街道介绍补贴政策";
}  // namespace

BOOST_AUTO_TEST_SUITE(document_print)

BOOST_AUTO_TEST_CASE(minutes_of_a_closed_session_name_who_came_the_quorum_and_each_outcome) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    PlayedSession played = play_session(server, shift, tokens);
    const std::string path = path_of("/api/sessions/", played.session, "/minutes.pdf");

    // Before closing there are no minutes yet.
    auto early = fetch(server, tokens[5], path);
    BOOST_TEST(early.status == 409);
    BOOST_TEST(early.body.find("会议尚未结束") != std::string::npos);

    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/sessions/", played.session, "/close")).status,
        200);
    // A resident of the council reads them, as does the platform administrator.
    auto printed = fetch(server, tokens[12], path);
    BOOST_REQUIRE_EQUAL(printed.status, 200);
    BOOST_TEST(printed.content_type == "application/pdf");
    BOOST_TEST(printed.body.rfind("%PDF-", 0) == 0);
    BOOST_TEST(pdf_pages(printed.body) >= 1);
    BOOST_TEST(fetch(server, server.token_for(kAdmin), path).status == 200);

    const std::string text = pdf_text(printed.body);
    // demo01..demo11 signed in, in that order; demo12..demo15 did not.
    std::vector<std::string> attendees(kDemoNames.begin(), kDemoNames.begin() + 11);
    std::vector<std::string> absentees(kDemoNames.begin() + 11, kDemoNames.end());
    std::vector<std::string> order = {"会议纪要", "城东街道春晖社区", "春晖社区居民议事会",
                                      "召集人：李建国", "出席人员："};
    order.insert(order.end(), attendees.begin(), attendees.end());
    order.push_back("（共11人）");
    order.push_back("缺席人员：");
    order.insert(order.end(), absentees.begin(), absentees.end());
    order.push_back("（共4人）");
    // 15 voting members; more than half of them is 8.
    order.push_back("应到15人，实到11人，法定人数8人，达到法定人数。");
    order.push_back("过半数");
    // The chargers: demo01..08 yes, 09..11 present without voting; 8 of 11 is more than half.
    order.push_back(kChargers);
    order.push_back("出席11人：赞成8票，反对0票，弃权0票，未投票3人");
    order.push_back("表决结果：通过");
    order.push_back(kStairwell);
    order.push_back("出席11人：赞成0票，反对8票，弃权0票，未投票3人");
    order.push_back("表决结果：未通过");
    order.push_back(kLift);
    order.push_back("表决结果：未表决");
    order.push_back("记录人：");
    order.push_back("主持人：");
    appear_in_order(text, order);
    // The absentees are not among those present.
    const std::size_t absent_at = text.find("缺席人员：");
    for (const auto& name : absentees) BOOST_TEST(text.find(name) > absent_at);
}

BOOST_AUTO_TEST_CASE(a_resolution_notice_prints_its_council_subject_text_and_period) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    PlayedSession played = play_session(server, shift, tokens);
    const Id notice = query_int(server.db(),
                                "SELECT id FROM notices WHERE kind = 'resolution' AND subject_id = " +
                                    std::to_string(played.passed_ballot));
    auto printed = fetch(server, tokens[3], path_of("/api/notices/", notice, ".pdf"));
    BOOST_REQUIRE_EQUAL(printed.status, 200);
    BOOST_TEST(printed.content_type == "application/pdf");
    const std::string text = pdf_text(printed.body);

    // Closed with a 7-day notice: up from the day of closing to the seventh day after it (the
    // notice ends at the same time of day a week later, so that day is its last).
    bool period_found = false;
    for (std::int64_t closed : {played.passed_closed_before, played.passed_closed_after}) {
        const std::string period =
            "公示期：" + china_day(closed) + "至" + china_day(closed + 7 * kDay);
        period_found = period_found || text.find(period) != std::string::npos;
    }
    BOOST_TEST(period_found, "no period of a week from the closing day in: " << text);
    appear_in_order(text, {"决议公示", "春晖社区", "春晖社区居民议事会", "事项：" + kChargers,
                           "到会11人，赞成8票，反对0票，弃权0票，未投票3人", "通过", "公示期："});
}

BOOST_AUTO_TEST_CASE(the_papers_of_a_council_are_refused_to_others_and_unknown_ones_are_404) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    PlayedSession played = play_session(server, shift, tokens);
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/sessions/", played.session, "/close")).status,
        200);
    OtherCommunity other = add_other_community(server);
    const Id notice = query_int(server.db(), "SELECT MIN(id) FROM notices");
    const std::string minutes = path_of("/api/sessions/", played.session, "/minutes.pdf");
    const std::string notice_path = path_of("/api/notices/", notice, ".pdf");
    const std::string resident = server.token_for(other.resident);
    const std::string admin = server.token_for(other.admin);
    const auto before = full_snapshot(server.db());
    expect_refusals(
        server,
        {
            {"no token", "GET", minutes, "", "", 401, "unauthorized", ""},
            {"another council's resident, minutes", "GET", minutes, "", resident, 403, "forbidden",
             ""},
            {"another council's resident, notice", "GET", notice_path, "", resident, 403,
             "forbidden", ""},
            {"another community's administrator", "GET", minutes, "", admin, 403, "forbidden", ""},
            {"another community's administrator, notice", "GET", notice_path, "", admin, 403,
             "forbidden", ""},
            {"unknown session", "GET", "/api/sessions/999999/minutes.pdf", "", tokens[2], 404,
             "not_found", ""},
            {"unknown notice", "GET", "/api/notices/999999.pdf", "", tokens[2], 404, "not_found",
             ""},
            {"session id not a number", "GET", "/api/sessions/abc/minutes.pdf", "", tokens[2], 400,
             "bad_id", "session_id"},
            {"huge session id", "GET", "/api/sessions/99999999999999999999999/minutes.pdf", "",
             tokens[2], 400, "bad_id", "session_id"},
            {"notice id not a number", "GET", "/api/notices/x1.pdf", "", tokens[2], 400, "bad_id",
             "notice_id"},
            {"negative notice id", "GET", "/api/notices/-1.pdf", "", tokens[2], 400, "bad_id",
             "notice_id"},
        });
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
