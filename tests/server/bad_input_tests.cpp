// Refused input: each bad request gets a 4xx JSON error and leaves the database unchanged.
#include <boost/test/unit_test.hpp>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

std::string issue_json(const Json& title, const Json& body) {
    return Json{{"title", title}, {"body", body}}.dump();
}

const std::string kIssues = "/api/councils/1/issues";
}  // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(each_bad_request_gets_a_json_4xx_and_changes_nothing) {
    TestServer server(seeded_db());
    auto token = server.login("demo02");
    std::string before = snapshot(server.db());

    struct Case {
        const char* rule;
        std::string method, path, body;
        bool authorised;
        int status;
        std::string code, field;
    };
    const std::vector<Case> cases = {
        {"unknown api route", "GET", "/api/nothing/here", "", true, 404, "not_found", ""},
        {"unknown api route, POST", "POST", "/api/nothing", "{}", true, 404, "not_found", ""},
        {"known path, wrong method", "DELETE", "/api/issues/1", "", true, 405, "method_not_allowed", ""},
        {"known path, wrong method (GET cosign)", "GET", "/api/issues/1/cosign", "", true, 405,
         "method_not_allowed", ""},
        {"no token", "POST", kIssues, issue_json("标题", "内容"), false, 401, "unauthorized", ""},
        {"malformed json", "POST", kIssues, "{\"title\": \"停车\",", true, 400, "bad_json", ""},
        {"json that is not an object", "POST", kIssues, "[\"停车\"]", true, 400, "bad_json", ""},
        {"empty body", "POST", kIssues, "", true, 400, "bad_json", ""},
        {"missing title", "POST", kIssues, R"({"body":"内容"})", true, 400, "missing_field", "title"},
        {"missing body", "POST", kIssues, R"({"title":"标题"})", true, 400, "missing_field", "body"},
        {"title of the wrong type", "POST", kIssues, R"({"title":42,"body":"内容"})", true, 400,
         "wrong_type", "title"},
        {"body of the wrong type", "POST", kIssues, R"({"title":"标题","body":["内容"]})", true, 400,
         "wrong_type", "body"},
        {"empty title", "POST", kIssues, issue_json("", "内容"), true, 400, "empty_text", "title"},
        {"whitespace title (ASCII and U+3000)", "POST", kIssues, issue_json(" \t\u3000 ", "内容"),
         true, 400, "empty_text", "title"},
        {"title of 101 Chinese characters", "POST", kIssues, issue_json(repeat("议", 101), "内容"), true,
         400, "too_long", "title"},
        {"body of 5001 characters", "POST", kIssues, issue_json("标题", repeat("长", 5001)), true, 400,
         "too_long", "body"},
        {"invalid UTF-8 bytes in the body", "POST", kIssues,
         "{\"title\":\"\xe8\xae\",\"body\":\"\xff\xfe\"}", true, 400, "bad_utf8", ""},
        {"lone surrogate escape", "POST", kIssues, R"({"title":"\ud800","body":"内容"})", true, 400,
         "bad_json", ""},
        {"login without password", "POST", "/api/login", R"({"login":"demo02"})", false, 400,
         "missing_field", "password"},
        {"cosign with a bad id", "POST", "/api/issues/abc/cosign", "", true, 400, "bad_id", "issue_id"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.rule) {
            httplib::Headers headers = c.authorised ? bearer(token) : httplib::Headers{};
            auto cli = server.client();
            httplib::Result r = c.method == "GET"      ? cli.Get(c.path, headers)
                                : c.method == "DELETE" ? cli.Delete(c.path, headers)
                                                       : cli.Post(c.path, headers, c.body, kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
            BOOST_TEST(!e.message.empty());
        }
    }
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(title_of_exactly_100_chinese_characters_is_accepted) {
    TestServer server(seeded_db());
    auto token = server.login("demo02");
    auto r = server.client().Post(kIssues, bearer(token),
                                  issue_json(repeat("议", 100), repeat("长", 5000)), kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 201);
}

BOOST_AUTO_TEST_CASE(chunked_request_is_refused_with_411_before_its_body_is_read) {
    TestServer server(seeded_db());
    auto token = server.login("demo02");
    std::string before = snapshot(server.db());
    std::string body = issue_json("分块", "分块传输");
    std::ostringstream chunk;
    chunk << std::hex << body.size() << "\r\n" << body << "\r\n0\r\n\r\n";
    auto reply = raw_exchange(server.port(),
                              "POST /api/councils/1/issues HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Authorization: Bearer " + token + "\r\n"
                              "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                  chunk.str());
    BOOST_TEST(reply.status() == 411);
    BOOST_TEST(decode_error(reply.body(), 411).code == "length_required");
    BOOST_TEST(reply.data.find("Connection: close") != std::string::npos);
    BOOST_TEST(reply.closed_by_server);
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(oversized_content_length_is_refused_with_413_without_waiting_for_the_body) {
    TestServer server(seeded_db());
    // Headers only: a server that tried to read the 2 MiB body would time out instead.
    auto reply = raw_exchange(server.port(),
                              "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Content-Type: application/json\r\nContent-Length: 2097152\r\n\r\n",
                              std::chrono::seconds(30));
    // A server that waited for the body would time the request out with 408 instead.
    BOOST_TEST(reply.status() == 413);
    BOOST_TEST(decode_error(reply.body(), 413).code == "payload_too_large");
    BOOST_TEST(reply.closed_by_server);
}

BOOST_AUTO_TEST_CASE(content_length_of_exactly_one_mebibyte_is_read_and_judged_on_content) {
    TestServer server(seeded_db());
    auto token = server.login("demo02");
    std::string body = issue_json("标题", "内容");
    body.resize(1024 * 1024, ' ');  // trailing white space keeps it valid JSON
    auto r = server.client().Post(kIssues, bearer(token), body, kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 201);
}

BOOST_AUTO_TEST_CASE(post_without_content_length_has_an_empty_body) {
    // What `curl -X POST` sends for a co-sign or a logout: no body, no length.
    TestServer server(seeded_db());
    auto token = server.token_for(demo_member(5));
    auto reply = raw_exchange(server.port(),
                              "POST /api/issues/6/cosign HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                              "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
    BOOST_TEST(reply.status() == 200);
    auto issue = decode_issue(reply.body());
    BOOST_REQUIRE(issue.ok());
    BOOST_TEST(issue.value().cosigns == 1);
}

BOOST_AUTO_TEST_SUITE_END()
