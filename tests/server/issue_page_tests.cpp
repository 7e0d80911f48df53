// The issue list by pages: keyset on time and id, newest first, excerpts instead of bodies, a
// cursor to the next page; and the refusals of bad paging, each a Chinese 400 that changes
// nothing.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

constexpr std::int64_t kLater = 4102444800;  // 2100-01-01: after every seeded issue

// Issues 1001…1023 of the demo council, raised in groups of three at the same second (so the
// id decides within a group), the newest group last; the body of each is 200 characters.
void add_issues(const std::filesystem::path& db) {
    std::string sql;
    for (int n = 1; n <= 23; ++n) {
        std::string body;
        for (int k = 0; k < 100; ++k) body += "长文";
        sql += "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) "
               "VALUES (" + std::to_string(1000 + n) + ", 1, '分页议题" + std::to_string(n) +
               "', '" + body + "', 3, " + std::to_string(kLater + (n - 1) / 3) +
               ", 'collecting');";
    }
    execute(db, sql);
}

Json get_json(TestServer& server, const std::string& token, const std::string& path) {
    auto r = server.client().Get(path, bearer(token));
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == 200, path + " answered " + std::to_string(r->status) +
                                                " " + r->body);
    return Json::parse(r->body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(issue_page)

BOOST_AUTO_TEST_CASE(pages_of_seven_list_every_issue_once_newest_first_with_excerpts) {
    TestServer server(seeded_db());
    add_issues(server.db());
    std::string token = server.token_for(demo_member(4));
    // Stated by hand: groups by time, newest first, and within a group the larger id first.
    std::vector<Id> expected = {1023, 1022, 1021, 1020, 1019, 1018, 1017, 1016, 1015, 1014, 1013, 1012,
                                1011, 1010, 1009, 1008, 1007, 1006, 1005, 1004, 1003, 1002, 1001};
    const auto seeded = query_int(server.db(), "SELECT COUNT(*) FROM issues WHERE council_id = 1") - 23;
    std::vector<Id> seen;
    std::string after;
    int pages = 0;
    for (;;) {
        Json page = get_json(server, token, "/api/councils/1/issues?limit=7" +
                                                (after.empty() ? "" : "&after=" + after));
        ++pages;
        BOOST_TEST(page["council"]["id"] == 1);
        BOOST_TEST(page["issues"].size() <= 7u);
        for (const auto& i : page["issues"]) {
            seen.push_back(i["id"].get<Id>());
            if (i["id"].get<Id>() > 1000) {
                // 80 characters of the 200, and the ellipsis.
                BOOST_TEST(i["body"].get<std::string>().size() == 80u * 3 + 3);
                BOOST_TEST(i["title"].get<std::string>().rfind("分页议题", 0) == 0);
            }
        }
        after = page["next"].get<std::string>();
        if (after.empty()) break;
        BOOST_REQUIRE(pages < 20);
    }
    BOOST_TEST(seen.size() == static_cast<std::size_t>(23 + seeded));
    std::vector<Id> first(seen.begin(), seen.begin() + 23);
    BOOST_TEST(first == expected, boost::test_tools::per_element());
    // Every seeded issue once, after the new ones.
    std::sort(seen.begin() + 23, seen.end());
    BOOST_TEST((std::adjacent_find(seen.begin() + 23, seen.end()) == seen.end()));
    BOOST_TEST(pages == static_cast<int>((23 + seeded + 6) / 7));
    // Without paging the list is whole, bodies included.
    Json whole = get_json(server, token, "/api/councils/1/issues");
    BOOST_TEST(whole["issues"].size() == static_cast<std::size_t>(23 + seeded));
    BOOST_TEST(whole["issues"][0]["body"].get<std::string>().size() == 200u * 3);
    BOOST_TEST(!whole.contains("next"));
}

BOOST_AUTO_TEST_CASE(a_page_after_a_newly_raised_issue_neither_repeats_nor_skips) {
    TestServer server(seeded_db());
    add_issues(server.db());
    std::string token = server.token_for(demo_member(4));
    Json first = get_json(server, token, "/api/councils/1/issues?limit=5");
    BOOST_TEST(first["next"] == std::to_string(kLater + 6) + ".1019");
    // A newer issue arrives between the pages: it belongs to the first page, not the second.
    execute(server.db(),
            "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) "
            "VALUES (1100, 1, '新议题', '正文', 3, " + std::to_string(kLater + 99) + ", 'collecting')");
    Json second = get_json(server, token, "/api/councils/1/issues?limit=5&after=" +
                                              first["next"].get<std::string>());
    std::vector<Id> ids;
    for (const auto& i : second["issues"]) ids.push_back(i["id"].get<Id>());
    BOOST_TEST(ids == (std::vector<Id>{1018, 1017, 1016, 1015, 1014}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_paging_is_refused_in_chinese_and_changes_nothing) {
    TestServer server(seeded_db());
    add_issues(server.db());
    execute(server.db(),
            "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道');"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) "
            "VALUES (2, 2, '朝阳社区居民议事会', 'residents_council', 5)");
    std::string token = server.token_for(demo_member(4));
    const std::string list = "/api/councils/1/issues";
    std::vector<RefusedGet> cases = {
        {list + "?limit=5", "", 401, "unauthorized"},
        {"/api/councils/2/issues?limit=5", token, 403, "forbidden"},
        {"/api/councils/424242/issues?limit=5", token, 404, "not_found"},
        {"/api/councils/abc/issues?limit=5", token, 400, "bad_id"},
        {list + "?limit=0", token, 400, "bad_filter"},
        {list + "?limit=201", token, 400, "bad_filter"},
        {list + "?limit=-1", token, 400, "bad_filter"},
        {list + "?limit=ten", token, 400, "bad_filter"},
        {list + "?limit=", token, 400, "bad_filter"},
        {list + "?limit=1.5", token, 400, "bad_filter"},
        {list + "?limit=99999999999999999999999", token, 400, "bad_filter"},
        {list + "?limit=3&limit=4", token, 400, "bad_filter"},
        {list + "?limit=%E2%80%AE5", token, 400, "bad_filter"},
        {list + "?after=4102444800.1019", token, 400, "bad_filter"},
        {list + "?limit=5&after=", token, 400, "bad_filter"},
        {list + "?limit=5&after=1019", token, 400, "bad_filter"},
        {list + "?limit=5&after=4102444800.0", token, 400, "bad_filter"},
        {list + "?limit=5&after=4102444800.-3", token, 400, "bad_filter"},
        {list + "?limit=5&after=4102444800.1019.7", token, 400, "bad_filter"},
        {list + "?limit=5&after=4102444800.%01", token, 400, "bad_filter"},
        {list + "?limit=5&after=99999999999999999999.1", token, 400, "bad_filter"},
        {list + "?limit=5&after=a.b", token, 400, "bad_filter"},
    };
    std::string before = snapshot(server.db());
    expect_refused_gets(server, cases);
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
