// Free text with control or directional characters, at every endpoint that stores text: each
// is refused 400 with the field named, and no table of the domain changes.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <utility>
#include <vector>

#include "task_steps.hpp"
#include "yishi/text.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// Where a text goes: the request, with the text put into it, and the field the refusal names.
struct TextField {
    std::string rule;
    std::string method, path, token;
    std::function<Json(const std::string&)> body;
    std::string field, label;  // as the request names it, and as the message does
    bool one_line = false;
};

// Bytes that must never be stored, and the code of their refusal.
std::vector<std::pair<std::string, std::string>> bad_texts(bool one_line) {
    std::vector<std::pair<std::string, std::string>> texts = {
        {std::string("路灯\0不亮", 13), "bad_character"},
        {"路灯\x1B[2J不亮", "bad_character"},
        {"路灯\x7F不亮", "bad_character"},
        {"路灯\xC2\x85不亮", "bad_character"},
        {"费用 \xE2\x80\xAE" "001 元", "bad_character"},
        {"路灯\xE2\x81\xA6不亮\xE2\x81\xA9", "bad_character"},
        {"路灯\xE2\x80\x8F不亮", "bad_character"},
    };
    if (one_line) {
        texts.emplace_back("路灯\n不亮", "line_break");
        texts.emplace_back("路灯\r不亮", "line_break");
    }
    return texts;
}

void expect_each_refused(TestServer& server, const std::vector<TextField>& fields) {
    std::string before = full_snapshot(server.db());
    for (const auto& f : fields) {
        for (const auto& [text, code] : bad_texts(f.one_line)) {
            auto lines = f.one_line ? TextLines::one : TextLines::many;
            BOOST_TEST_CONTEXT(f.rule << " with U+" << std::hex
                                      << static_cast<unsigned>(*forbidden_character(text, lines))) {
                std::string body = f.body(text).dump();
                auto r = f.method == "PATCH"
                             ? server.client().Patch(f.path.c_str(), bearer(f.token), body, kJson)
                             : server.client().Post(f.path.c_str(), bearer(f.token), body, kJson);
                BOOST_REQUIRE(r);
                BOOST_TEST(r->status == 400);
                Error e = error_of(r);
                BOOST_TEST(e.code == code);
                BOOST_TEST(e.field == f.field);
                BOOST_TEST(e.message.rfind(f.label, 0) == 0u, "the message names the field");
            }
        }
    }
    BOOST_TEST(full_snapshot(server.db()) == before);
}

Json with(Json base, const std::string& key, const std::string& text) {
    base[key] = text;
    return base;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(text_bad_input)

BOOST_AUTO_TEST_CASE(issues_comments_reasons_invites_and_notices_refuse_control_characters) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    auto first = post_json(server, tokens[2], "/api/issues/1/comments",
                           {{"stance", "support"}, {"text", "赞成"}});
    BOOST_REQUIRE_EQUAL(first.status, 201);
    std::string comment = path_of("/api/comments/", first.body["id"].get<Id>());
    // A session three days ahead: its notice is short and needs a written reason.
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", server::system_now() + 3 * kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    std::string notice = path_of("/api/sessions/", planned.body["id"].get<Id>(), "/notice");
    const std::string convenor = tokens[1], resident = tokens[3];

    Json issue = {{"title", "北门路灯不亮"}, {"body", "晚上很黑"}};
    Json invitation = {{"name", "钱多多"}, {"council_id", 1}};
    Json agenda = {{"agenda", Json::array({{{"issue_id", 1}}})}};
    auto key = [](Json base, const char* k) {
        return [base, k](const std::string& t) { return with(base, k, t); };
    };
    expect_each_refused(server, {
        {"issue title", "POST", "/api/councils/1/issues", resident, key(issue, "title"), "title", "标题", true},
        {"issue body", "POST", "/api/councils/1/issues", resident, key(issue, "body"), "body", "内容"},
        {"issue category", "POST", "/api/councils/1/issues", resident, key(issue, "category"),
         "category", "类别", true},
        {"issue tag", "POST", "/api/councils/1/issues", resident, key(issue, "tag"), "tag", "网格/楼栋", true},
        {"comment", "POST", "/api/issues/1/comments", resident,
         key({{"stance", "oppose"}}, "text"), "text", "内容"},
        {"reply", "POST", "/api/issues/1/comments", resident,
         key({{"stance", "question"}, {"reply_to", first.body["id"]}}, "text"), "text", "内容"},
        {"comment edit", "PATCH", comment, tokens[2], key(Json::object(), "text"), "text", "内容"},
        {"hiding reason", "POST", comment + "/hide", convenor, key(Json::object(), "reason"),
         "reason", "理由"},
        {"declining reason", "POST", "/api/issues/6/decline", convenor,
         key(Json::object(), "reason"), "reason", "理由"},
        {"merging reason", "POST", "/api/issues/5/merge", convenor, key({{"into", 4}}, "reason"),
         "reason", "理由"},
        {"invited name", "POST", "/api/invites", convenor, key(invitation, "name"), "name", "姓名", true},
        {"invited household", "POST", "/api/invites", convenor, key(invitation, "household"),
         "household", "户号", true},
        {"short notice reason", "POST", notice, convenor, key(agenda, "override_reason"), "reason", "理由"},
    });
}

BOOST_AUTO_TEST_CASE(ballot_options_units_progress_and_replies_refuse_control_characters) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    list_three_issues(server, tokens);
    std::string dept;
    Id dept_id = add_department_member(server, dept);
    Id session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, session, tokens, 1, 11);
    Id passed = decided_ballot(server, session, tokens, 1, "yes");
    Id task = assign_to(server, tokens, passed, dept_id);
    const std::string convenor = tokens[1];
    std::int64_t due = server::system_now() + shift.seconds + 30 * kDay;

    auto options = [](const std::string& t) {
        return Json{{"issue_id", 3}, {"method", "single"}, {"options", Json::array({"方案一", t})}};
    };
    auto unit = [&](const std::string& t) {
        return Json{{"responsible_unit", t}, {"due_at", due}, {"assignee_id", dept_id}};
    };
    auto text = [](const std::string& t) { return Json{{"text", t}}; };
    expect_each_refused(server, {
        {"ballot option", "POST", path_of("/api/sessions/", session, "/ballots"), convenor,
         options, "options[1]", "选项（第 2 项）", true},
        {"responsible unit", "POST", path_of("/api/ballots/", passed, "/tasks"), convenor, unit,
         "responsible_unit", "责任单位", true},
        {"progress", "POST", path_of("/api/tasks/", task, "/progress"), dept, text, "text", "内容"},
        {"formal reply", "POST", path_of("/api/tasks/", task, "/reply"), dept, text, "text", "内容"},
    });
}

BOOST_AUTO_TEST_CASE(bodies_keep_newlines_and_tabs_while_titles_stay_on_one_line) {
    TestServer server(seeded_db());
    auto token = server.login("demo03");
    auto raised = post_json(server, token, "/api/councils/1/issues",
                            {{"title", "北门路灯不亮"}, {"body", "一、路灯不亮\r\n二、\t楼道堆物"}});
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    BOOST_TEST(raised.body["body"] == "一、路灯不亮\r\n二、\t楼道堆物");
    auto r = post_json(server, token, "/api/councils/1/issues",
                       {{"title", "北门\n路灯"}, {"body", "晚上很黑"}});
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.code() == "line_break");
    BOOST_TEST(r.body["error"]["message"] == "标题只能写一行，不能换行");
}

BOOST_AUTO_TEST_SUITE_END()
