// 提/议 over HTTP: the convenor's list work (accept, merge and decline with a public reason) and
// the issues' threads (comments, one level of replies, official replies, edits kept, hiding).
#include <boost/test/unit_test.hpp>

#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
constexpr Id kIssueGarbage = 4;  // collecting
constexpr Id kIssueLamp = 5;     // collecting

JsonReply patch_json(TestServer& server, const std::string& token, const std::string& path,
                     const Json& body) {
    auto r = server.client().Patch(path, bearer(token), body.dump(), kJson);
    BOOST_REQUIRE(r);
    return {r->status, Json::parse(r->body, nullptr, false)};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(threads)

BOOST_AUTO_TEST_CASE(the_convenor_accepts_merges_and_declines_with_a_public_reason) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    BOOST_TEST(
        post_json(server, tokens[3], path_of("/api/issues/", kIssueLift, "/accept")).code() ==
        "not_convenor");
    auto accepted = post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept"));
    BOOST_REQUIRE_EQUAL(accepted.status, 200);
    BOOST_TEST(accepted.body["stage"] == "listed");
    BOOST_TEST(
        post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept")).code() ==
        "wrong_stage");

    auto declined = post_json(server, tokens[1], path_of("/api/issues/", kIssueNoise, "/decline"),
                              {{"reason", "属物业管理事项，已转物业公司处理"}});
    BOOST_REQUIRE_EQUAL(declined.status, 200);
    BOOST_TEST(declined.body["stage"] == "declined");
    BOOST_TEST(declined.body["reason"] == "属物业管理事项，已转物业公司处理");
    auto read_back = get_json(server, tokens[5], path_of("/api/issues/", kIssueNoise));
    BOOST_TEST(read_back.body["stage"] == "declined");
    BOOST_TEST(read_back.body["reason"] == "属物业管理事项，已转物业公司处理",
               "everyone reading the issue sees the public reason");

    // Not into a closed issue; into an open one, with the reason kept.
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/issues/", kIssueLamp, "/merge"),
                         {{"into", kIssueNoise}, {"reason", "重复"}})
                   .code() == "bad_merge_target");
    auto merged = post_json(server, tokens[1], path_of("/api/issues/", kIssueLamp, "/merge"),
                            {{"into", kIssueGarbage}, {"reason", "同属北门环境整治"}});
    BOOST_REQUIRE_EQUAL(merged.status, 200);
    BOOST_TEST(merged.body["stage"] == "merged");
    BOOST_TEST(merged.body["merged_into"] == kIssueGarbage);
    auto lamp = get_json(server, tokens[5], path_of("/api/issues/", kIssueLamp));
    BOOST_TEST(lamp.body["merged_into"] == kIssueGarbage);
    BOOST_TEST(lamp.body["reason"] == "同属北门环境整治");
    BOOST_TEST(post_json(server, tokens[1], path_of("/api/issues/", kIssueLamp, "/decline"),
                         {{"reason", "再次处理"}})
                   .code() == "wrong_stage");
}

BOOST_AUTO_TEST_CASE(a_thread_keeps_edits_hides_with_a_reason_and_marks_official_replies) {
    auto db = seeded_db();
    std::string dept_token;
    Id comment = 0, reply = 0;
    std::vector<std::string> tokens;
    {
        TestServer server(db);
        tokens = member_tokens(server);
        add_department_member(server, dept_token);
        const std::string thread = path_of("/api/issues/", kIssueChargers, "/comments");
        auto first = post_json(server, tokens[2], thread,
                               {{"stance", "support"}, {"text", "晚上充电排队太久"}});
        BOOST_REQUIRE_EQUAL(first.status, 201);
        comment = first.body["id"].get<Id>();
        BOOST_TEST(first.body["reply_to"].is_null());
        auto second =
            post_json(server, tokens[4], thread,
                      {{"stance", "question"}, {"text", "电费谁出？"}, {"reply_to", comment}});
        BOOST_REQUIRE_EQUAL(second.status, 201);
        reply = second.body["id"].get<Id>();
        BOOST_TEST(second.body["reply_to"] == comment);
        // One level of replies only.
        BOOST_TEST(post_json(server, tokens[5], thread,
                             {{"stance", "neutral"}, {"text", "回复的回复"}, {"reply_to", reply}})
                       .code() == "reply_to_reply");
        // Official replies: departments only, marked as such.
        BOOST_TEST(
            post_json(server, tokens[3], thread, {{"official", true}, {"text", "官方"}}).code() ==
            "not_department");
        auto official = post_json(
            server, dept_token, thread,
            {{"official", true}, {"text", "电费按表计收，由使用者承担。"}, {"reply_to", comment}});
        BOOST_REQUIRE_EQUAL(official.status, 201);
        BOOST_TEST(official.body["official"] == true);

        // Only the author edits; the old text is kept.
        BOOST_TEST(
            patch_json(server, tokens[3], path_of("/api/comments/", comment), {{"text", "改"}})
                .code() == "not_author");
        auto edited = patch_json(server, tokens[2], path_of("/api/comments/", comment),
                                 {{"text", "晚上充电排队太久，常到十一点"}});
        BOOST_REQUIRE_EQUAL(edited.status, 200);
        BOOST_TEST(edited.body["edited"] == true);
        BOOST_TEST(edited.body["history"][0]["text"] == "晚上充电排队太久");
    }
    // After a restart: the convenor hides the reply with a public reason; its text is kept.
    TestServer server(db);
    BOOST_TEST(
        post_json(server, tokens[2], path_of("/api/comments/", reply, "/hide"), {{"reason", "无"}})
            .code() == "not_convenor");
    auto hidden = post_json(server, tokens[1], path_of("/api/comments/", reply, "/hide"),
                            {{"reason", "含有个人信息"}});
    BOOST_REQUIRE_EQUAL(hidden.status, 200);
    BOOST_TEST(hidden.body["hidden"] == true);
    BOOST_TEST(hidden.body["text"].get<std::string>().find("含有个人信息") != std::string::npos);
    BOOST_TEST(
        patch_json(server, tokens[4], path_of("/api/comments/", reply), {{"text", "改"}}).code() ==
        "comment_hidden");
    auto list = get_json(server, tokens[6], path_of("/api/issues/", kIssueChargers, "/comments"));
    BOOST_REQUIRE_EQUAL(list.status, 200);
    BOOST_REQUIRE_EQUAL(list.body["comments"].size(), 3u);
    BOOST_TEST(list.body["comments"][0]["text"] == "晚上充电排队太久，常到十一点");
    BOOST_TEST(list.body["comments"][1]["hidden"] == true);
    BOOST_TEST(list.body["comments"][1]["text"] != "电费谁出？");
    BOOST_TEST(list.body["comments"][2]["official"] == true);
    // A declined issue's thread is closed.
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/issues/", kIssueNoise, "/decline"),
                  {{"reason", "属物业管理事项"}})
            .status,
        200);
    BOOST_TEST(post_json(server, tokens[2], path_of("/api/issues/", kIssueNoise, "/comments"),
                         {{"stance", "oppose"}, {"text", "不同意"}})
                   .code() == "thread_closed");
}

BOOST_AUTO_TEST_CASE(each_bad_thread_request_gets_a_clear_4xx_and_changes_nothing) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    auto first = post_json(server, tokens[2], "/api/issues/1/comments",
                           {{"stance", "support"}, {"text", "赞成"}});
    BOOST_REQUIRE_EQUAL(first.status, 201);
    Id c = first.body["id"].get<Id>();
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    std::string outsider_token = server.token_for(outsider);
    std::string before = full_snapshot(server.db());
    const std::string convenor = tokens[1], resident = tokens[3];
    const std::string thread = "/api/issues/1/comments", cpath = path_of("/api/comments/", c);

    struct Case {
        const char* rule;
        std::string method, path, body, token;
        int status;
        std::string code, field;
    };
    const std::vector<Case> cases = {
        {"no token", "POST", thread, R"({"stance":"support","text":"好"})", "", 401, "unauthorized",
         ""},
        {"outsider comments", "POST", thread, R"({"stance":"support","text":"好"})", outsider_token,
         403, "forbidden", ""},
        {"outsider reads the thread", "GET", thread, "", outsider_token, 403, "forbidden", ""},
        {"issue id not a number", "POST", "/api/issues/x/comments",
         R"({"stance":"support","text":"好"})", resident, 400, "bad_id", "issue_id"},
        {"issue that does not exist", "POST", "/api/issues/999/comments",
         R"({"stance":"support","text":"好"})", resident, 404, "not_found", "issue_id"},
        {"malformed json", "POST", thread, R"({"stance":)", resident, 400, "bad_json", ""},
        {"invalid utf-8", "POST", thread, "{\"stance\":\"support\",\"text\":\"\xff\"}", resident,
         400, "bad_utf8", ""},
        {"missing stance", "POST", thread, R"({"text":"好"})", resident, 400, "missing_field",
         "stance"},
        {"unknown stance", "POST", thread, R"({"stance":"maybe","text":"好"})", resident, 400,
         "wrong_type", "stance"},
        {"missing text", "POST", thread, R"({"stance":"support"})", resident, 400, "missing_field",
         "text"},
        {"blank text", "POST", thread, R"({"stance":"support","text":"  "})", resident, 400,
         "empty_text", "text"},
        {"overlong text", "POST", thread,
         Json{{"stance", "support"}, {"text", std::string(2001, 'a')}}.dump(), resident, 400,
         "too_long", "text"},
        {"reply_to as a string", "POST", thread,
         R"({"stance":"support","text":"好","reply_to":"1"})", resident, 400, "wrong_type",
         "reply_to"},
        {"reply_to negative", "POST", thread, R"({"stance":"support","text":"好","reply_to":-1})",
         resident, 400, "bad_id", "reply_to"},
        {"reply_to that does not exist", "POST", thread,
         R"({"stance":"support","text":"好","reply_to":999})", resident, 400, "bad_id", "reply_to"},
        {"reply_to in another thread", "POST", "/api/issues/2/comments",
         Json{{"stance", "support"}, {"text", "好"}, {"reply_to", c}}.dump(), resident, 400,
         "bad_id", "reply_to"},
        {"official not a boolean", "POST", thread, R"({"official":"yes","text":"好"})", resident,
         400, "wrong_type", "official"},
        {"resident replies officially", "POST", thread, R"({"official":true,"text":"好"})",
         resident, 403, "not_department", ""},
        {"edit by another", "PATCH", cpath, R"({"text":"改"})", resident, 403, "not_author", ""},
        {"edit without text", "PATCH", cpath, "{}", tokens[2], 400, "missing_field", "text"},
        {"comment id zero", "PATCH", "/api/comments/0", R"({"text":"改"})", tokens[2], 400,
         "bad_id", "comment_id"},
        {"comment that does not exist", "PATCH", "/api/comments/999", R"({"text":"改"})", tokens[2],
         404, "not_found", ""},
        {"resident hides", "POST", cpath + "/hide", R"({"reason":"不当"})", resident, 403,
         "not_convenor", ""},
        {"hide without reason", "POST", cpath + "/hide", "{}", convenor, 400, "missing_field",
         "reason"},
        {"hide with a blank reason", "POST", cpath + "/hide", R"({"reason":" "})", convenor, 400,
         "empty_text", "reason"},
        {"resident accepts", "POST", "/api/issues/3/accept", "", resident, 403, "not_convenor", ""},
        {"accept a listed issue", "POST", "/api/issues/1/accept", "", convenor, 409, "wrong_stage",
         ""},
        {"accept an issue that does not exist", "POST", "/api/issues/999/accept", "", convenor, 404,
         "not_found", "issue_id"},
        {"decline without reason", "POST", "/api/issues/6/decline", "{}", convenor, 400,
         "missing_field", "reason"},
        {"decline with an overlong reason", "POST", "/api/issues/6/decline",
         Json{{"reason", std::string(501, 'a')}}.dump(), convenor, 400, "too_long", "reason"},
        {"resident declines", "POST", "/api/issues/6/decline", R"({"reason":"不办"})", resident,
         403, "not_convenor", ""},
        {"merge without into", "POST", "/api/issues/5/merge", R"({"reason":"重复"})", convenor, 400,
         "missing_field", "into"},
        {"merge into a string", "POST", "/api/issues/5/merge", R"({"into":"4","reason":"重复"})",
         convenor, 400, "wrong_type", "into"},
        {"merge into nothing", "POST", "/api/issues/5/merge", R"({"into":999,"reason":"重复"})",
         convenor, 400, "bad_id", "into"},
        {"merge into itself", "POST", "/api/issues/5/merge", R"({"into":5,"reason":"重复"})",
         convenor, 409, "bad_merge_target", ""},
    };
    for (const auto& k : cases) {
        BOOST_TEST_CONTEXT(k.rule) {
            httplib::Headers headers = k.token.empty() ? httplib::Headers{} : bearer(k.token);
            auto cli = server.client();
            httplib::Result r = k.method == "GET"     ? cli.Get(k.path, headers)
                                : k.method == "PATCH" ? cli.Patch(k.path, headers, k.body, kJson)
                                                      : cli.Post(k.path, headers, k.body, kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == k.status);
            auto e = error_of(r);
            BOOST_TEST(e.code == k.code);
            BOOST_TEST(e.field == k.field);
            BOOST_TEST(!e.message.empty());
            BOOST_TEST(e.message.find(k.field.empty() ? "\x01" : k.field) == std::string::npos);
        }
    }
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(only_a_grid_worker_raises_an_issue_for_a_resident_who_becomes_its_author) {
    TestServer server(seeded_db());
    auto tokens = member_tokens(server);
    Id grid = server.store().add_member({"wangge", "网格员小王", "grid_worker", "x"});
    execute(server.db(), "INSERT INTO council_members (council_id, member_id) VALUES (1, " +
                             std::to_string(grid) + ")");
    std::string grid_token = server.token_for(grid);
    Id outsider = server.store().add_member({"outsider", "外来人员", "resident", "x"});
    auto raise = [&](const std::string& token, const Json& extra) {
        Json body = {{"title", "7号楼门禁经常失灵"}, {"body", "老人进出不便，请物业维修。"}};
        body.update(extra);
        return post_json(server, token, "/api/councils/1/issues", body);
    };
    std::string before = full_snapshot(server.db());
    BOOST_TEST(raise(tokens[3], {{"on_behalf_of", 7}}).code() == "not_grid_worker");
    BOOST_TEST(raise(grid_token, {{"on_behalf_of", outsider}}).code() == "bad_id");
    BOOST_TEST(raise(grid_token, {{"on_behalf_of", grid}}).code() == "bad_id");
    BOOST_TEST(raise(grid_token, {{"on_behalf_of", "7"}}).code() == "wrong_type");
    BOOST_TEST(raise(grid_token, {{"on_behalf_of", -7}}).code() == "bad_id");
    BOOST_TEST(raise(grid_token, {{"category", 5}}).code() == "wrong_type");
    BOOST_TEST(raise(grid_token, {{"category", std::string(21, 'a')}}).code() == "too_long");
    BOOST_TEST(full_snapshot(server.db()) == before);

    auto raised = raise(grid_token, {{"on_behalf_of", 7}, {"category", "安全"}, {"tag", "7号楼"}});
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    BOOST_TEST(raised.body["author_id"] == 7);
    BOOST_TEST(raised.body["raised_by_id"] == grid);
    BOOST_TEST(raised.body["category"] == "安全");
    BOOST_TEST(raised.body["tag"] == "7号楼");
    auto stored = server.store().issue(raised.body["id"].get<Id>(), 1);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->author_id == 7);
    BOOST_TEST(stored->raised_by_id == grid);
    // Raised for oneself, nobody is recorded as having raised it for another.
    auto own = raise(tokens[3], {{"tag", "3号楼"}});
    BOOST_REQUIRE_EQUAL(own.status, 201);
    BOOST_TEST(own.body["author_id"] == demo_member(3));
    BOOST_TEST(own.body["raised_by_id"].is_null());
}

BOOST_AUTO_TEST_SUITE_END()
