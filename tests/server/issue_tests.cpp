// Issues (议题) and co-signs (附议) over HTTP: raising, listing, co-signing, the threshold.
#include <boost/test/unit_test.hpp>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::string issues_path(Id council) { return "/api/councils/" + std::to_string(council) + "/issues"; }
std::string cosign_path(Id issue) { return "/api/issues/" + std::to_string(issue) + "/cosign"; }

IssueList list(TestServer& server, const std::string& token) {
    auto r = server.client().Get(issues_path(kCouncil), bearer(token));
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 200);
    auto l = decode_issue_list(r->body);
    BOOST_REQUIRE(l.ok());
    return l.value();
}

Issue issue_from(const httplib::Result& r, int expected_status) {
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, expected_status);
    auto i = decode_issue(r->body);
    BOOST_REQUIRE(i.ok());
    return i.value();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(issues)

BOOST_AUTO_TEST_CASE(council_list_shows_the_demo_issues_newest_first) {
    TestServer server(seeded_db());
    auto l = list(server, server.login("demo01"));
    BOOST_TEST(l.council.id == kCouncil);
    BOOST_REQUIRE(l.issues.size() == 6u);
    for (std::size_t k = 1; k < l.issues.size(); ++k)
        BOOST_TEST(l.issues[k - 1].created_at >= l.issues[k].created_at);
    BOOST_TEST(l.issues.front().id == kIssueNoise);
    BOOST_TEST(l.issues.back().id == kIssueChargers);
    BOOST_TEST(l.issues.back().stage == IssueStage::listed);
    BOOST_TEST(l.issues.back().cosigns == 5);
}

BOOST_AUTO_TEST_CASE(raised_issue_with_chinese_text_is_created_and_listed_first) {
    TestServer server(seeded_db());
    auto token = server.login("demo05");
    auto r = server.client().Post(issues_path(kCouncil), bearer(token),
                                  encode(NewIssueRequest{"  小区东门增设无障碍坡道　",
                                                         "东门台阶有五级，坐轮椅的居民和推婴儿车的家长进出很不方便。"}),
                                  kJson);
    Issue raised = issue_from(r, 201);
    BOOST_TEST(raised.title == "小区东门增设无障碍坡道");  // trimmed, ideographic space too
    BOOST_TEST(raised.author_name == "陈志强");
    BOOST_TEST(raised.cosigns == 0);
    BOOST_TEST(raised.stage == IssueStage::collecting);
    BOOST_TEST(raised.council_id == kCouncil);

    auto l = list(server, server.login("demo06"));
    BOOST_REQUIRE(l.issues.size() == 7u);
    BOOST_TEST(l.issues.front().id == raised.id);
    BOOST_TEST(l.issues.front().body == "东门台阶有五级，坐轮椅的居民和推婴儿车的家长进出很不方便。");

    auto one = server.client().Get("/api/issues/" + std::to_string(raised.id), bearer(token));
    BOOST_TEST(issue_from(one, 200).title == raised.title);
}

BOOST_AUTO_TEST_CASE(second_member_cosign_counts_once_and_is_marked_for_them_only) {
    TestServer server(seeded_db());
    auto author = server.login("demo05");
    Issue raised = issue_from(server.client().Post(issues_path(kCouncil), bearer(author),
                                                   encode(NewIssueRequest{"楼下早餐摊占道", "早上七点人行道被占满。"}),
                                                   kJson),
                              201);
    auto neighbour = server.login("demo06");
    Issue after = issue_from(server.client().Post(cosign_path(raised.id), bearer(neighbour), "", kJson), 200);
    BOOST_TEST(after.cosigns == 1);
    BOOST_TEST(after.cosigned_by_me);
    BOOST_TEST(after.stage == IssueStage::collecting);

    BOOST_TEST(list(server, neighbour).issues.front().cosigned_by_me);
    BOOST_TEST(!list(server, author).issues.front().cosigned_by_me);
    BOOST_TEST(list(server, author).issues.front().cosigns == 1);
}

BOOST_AUTO_TEST_CASE(author_cannot_cosign_their_own_issue) {
    TestServer server(seeded_db());
    auto author = server.login("demo15");  // raised the noise issue
    std::string before = snapshot(server.db());
    auto r = server.client().Post(cosign_path(kIssueNoise), bearer(author), "", kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 409);
    BOOST_TEST(error_of(r).code == "own_issue");
    BOOST_TEST(error_of(r).message == "不能附议自己提出的议题");
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(second_cosign_by_the_same_member_is_refused_and_counted_once) {
    TestServer server(seeded_db());
    auto token = server.login("demo03");
    Issue first = issue_from(server.client().Post(cosign_path(kIssueNoise), bearer(token), "", kJson), 200);
    BOOST_TEST(first.cosigns == 1);
    std::string before = snapshot(server.db());
    auto again = server.client().Post(cosign_path(kIssueNoise), bearer(token), "", kJson);
    BOOST_REQUIRE(again);
    BOOST_TEST(again->status == 409);
    BOOST_TEST(error_of(again).code == "already_cosigned");
    BOOST_TEST(snapshot(server.db()) == before);
    auto now = server.client().Get("/api/issues/" + std::to_string(kIssueNoise), bearer(token));
    BOOST_TEST(issue_from(now, 200).cosigns == 1);
}

BOOST_AUTO_TEST_CASE(reaching_the_threshold_lists_the_issue_and_closes_cosigning) {
    TestServer server(seeded_db());
    // The lift issue has 4 co-signs; the council's threshold is 5.
    auto fifth = server.login("demo08");
    Issue listed = issue_from(server.client().Post(cosign_path(kIssueLift), bearer(fifth), "", kJson), 200);
    BOOST_TEST(listed.cosigns == 5);
    BOOST_TEST(listed.stage == IssueStage::listed);

    auto sixth = server.client().Post(cosign_path(kIssueLift), bearer(server.login("demo09")), "", kJson);
    BOOST_REQUIRE(sixth);
    BOOST_TEST(sixth->status == 409);
    BOOST_TEST(error_of(sixth).code == "not_open_for_cosign");
}

BOOST_AUTO_TEST_CASE(member_outside_the_council_is_forbidden_everywhere_in_it) {
    TestServer server(seeded_db());
    server::PasswordHasher hasher(1);
    server.store().add_member({"outsider", "钱多多", "resident", hasher.hash("outside2026")});
    auto token = server.login("outsider", "outside2026");
    std::string before = snapshot(server.db());

    auto listing = server.client().Get(issues_path(kCouncil), bearer(token));
    auto raising = server.client().Post(issues_path(kCouncil), bearer(token),
                                        encode(NewIssueRequest{"外来议题", "不应被接受"}), kJson);
    auto reading = server.client().Get("/api/issues/1", bearer(token));
    auto cosigning = server.client().Post(cosign_path(kIssueNoise), bearer(token), "", kJson);
    for (const auto* r : {&listing, &raising, &reading, &cosigning}) {
        BOOST_REQUIRE(*r);
        BOOST_TEST((*r)->status == 403);
        BOOST_TEST(error_of(*r).code == "forbidden");
    }
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(unknown_council_or_issue_is_404_and_a_malformed_id_is_400) {
    TestServer server(seeded_db());
    auto token = server.login("demo02");
    struct Case {
        std::string method, path;
        int status;
        std::string code, field;
    };
    const std::vector<Case> cases = {
        {"GET", "/api/councils/999/issues", 404, "not_found", "council_id"},
        {"GET", "/api/issues/999", 404, "not_found", "issue_id"},
        {"POST", "/api/issues/999/cosign", 404, "not_found", "issue_id"},
        {"GET", "/api/councils/abc/issues", 400, "bad_id", "council_id"},
        {"GET", "/api/councils/0/issues", 400, "bad_id", "council_id"},
        {"GET", "/api/councils/-1/issues", 400, "bad_id", "council_id"},
        {"GET", "/api/councils/01/issues", 400, "bad_id", "council_id"},
        {"GET", "/api/issues/1.5", 400, "bad_id", "issue_id"},
        {"GET", "/api/issues/99999999999999999999", 400, "bad_id", "issue_id"},
        {"POST", "/api/issues/%20/cosign", 400, "bad_id", "issue_id"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.method << " " << c.path) {
            auto r = c.method == "GET" ? server.client().Get(c.path, bearer(token))
                                       : server.client().Post(c.path, bearer(token), "", kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
