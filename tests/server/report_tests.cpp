// The monthly needs report (群众需求月报) over HTTP: a small month built by the test with its
// figures stated here, the CSV of its rows, the times the acts write, and on the whole demo the
// report's figures recomputed from the database with the test's own SQL.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "task_steps.hpp"

#include "yishi/report.hpp"
#include "yishi/server/seed.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// First seconds of months in China time (UTC+8), worked out by hand.
constexpr std::int64_t kFeb2025 = 1738339200;  // 2025-02-01 00:00 +08:00
constexpr std::int64_t kMar2025 = 1740758400;  // 2025-03-01 00:00 +08:00
constexpr std::int64_t kHour = 3600;

// In March 2025, four issues of the demo council (all of its residents live in 春晖第一网格):
// A (停车) accepted after 2 h, officially answered after 3 days; B (停车) accepted after a day,
// answered after 20 days; C (绿化) accepted after 4 h, declined after 5 days; D (no category)
// neither. In February one issue E (噪音), never accepted.
struct March {
    Id a = 0, b = 0, c = 0, d = 0, e = 0;
};

March build_march(TestServer& server, Id department) {
    auto& store = server.store();
    auto raise = [&](int author, const char* title, const char* category, std::int64_t at) {
        auto r = store.raise_issue_as(kCouncil, demo_member(author),
                                      {title, "具体情况见标题，请议事会关注。", category, "", 0}, at);
        BOOST_REQUIRE(r.ok());
        return r.value().id;
    };
    auto accept = [&](Id issue, std::int64_t at) {
        BOOST_REQUIRE(store.accept_issue(issue, kConvenor, at).ok());
    };
    auto answer = [&](Id issue, std::int64_t at) {
        BOOST_REQUIRE(store.post_comment(issue, department, 0, Stance::neutral, "已安排人员处理。",
                                         true, at)
                          .ok());
    };
    March m;
    const std::int64_t day = kDay;
    m.e = raise(6, "夜间施工噪音扰民", "噪音", kFeb2025 + 5 * day);
    m.a = raise(2, "小区东门停车位不足", "停车", kMar2025 + 1 * day);
    accept(m.a, kMar2025 + 1 * day + 2 * kHour);
    answer(m.a, kMar2025 + 4 * day);
    answer(m.a, kMar2025 + 6 * day);  // a second answer leaves the first one's time
    m.b = raise(3, "消防通道被私家车占用", "停车", kMar2025 + 2 * day);
    accept(m.b, kMar2025 + 3 * day);
    answer(m.b, kMar2025 + 22 * day);
    m.c = raise(4, "绿化带杂草丛生", "绿化", kMar2025 + 3 * day);
    accept(m.c, kMar2025 + 3 * day + 4 * kHour);
    BOOST_REQUIRE(store.decline_issue(m.c, kConvenor, "已纳入物业日常养护，不再单独议事。",
                                      kMar2025 + 8 * day)
                      .ok());
    m.d = raise(5, "建议增设快递柜", "", kMar2025 + 10 * day);
    return m;
}


// The test's own nearest rank: sort, then the value at rank ceil(p*n/100).
std::int64_t rank_of(std::vector<std::int64_t> v, int p) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    std::size_t n = v.size();
    std::size_t rank = (static_cast<std::size_t>(p) * n + 99) / 100;
    return v[std::max<std::size_t>(rank, 1) - 1];
}

std::vector<std::int64_t> ints(const std::filesystem::path& db, const std::string& sql) {
    std::vector<std::int64_t> out;
    open_db(db)->read([&](database::Connection& c) {
        database::Statement q(c, sql);
        while (q.step()) out.push_back(q.column(0).int64());
        return 0;
    });
    return out;
}

std::int64_t share(std::int64_t n, std::int64_t d) { return d == 0 ? -1 : n * 1000 / d; }
}  // namespace

BOOST_AUTO_TEST_SUITE(report_api)

BOOST_AUTO_TEST_CASE(a_community_month_states_its_figures_groups_and_trend) {
    auto db = seeded_db();
    TestServer server(db);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    March m = build_march(server, dept);
    std::string admin = server.login("admin");

    auto r = get_json(server, admin, "/api/report?community=1&month=2025-03");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    const Json& j = r.body;
    BOOST_TEST(j["scope"] == (Json{{"kind", "community"}, {"id", 1}, {"name", "春晖社区"}}));
    BOOST_TEST(j["month"] == "2025-03");
    Json f = j["figures"];
    BOOST_TEST(f["raised"] == 4);
    BOOST_TEST(f["accepted"] == 3);
    BOOST_TEST(f["answered"] == 3);
    BOOST_TEST(f["accept_median_s"] == 4 * kHour);  // of 2 h, 4 h, 24 h
    BOOST_TEST(f["accept_p90_s"] == 24 * kHour);
    BOOST_TEST(f["reply_median_s"] == 5 * kDay);  // of 3, 5 and 20 days
    BOOST_TEST(f["reply_p90_s"] == 20 * kDay);
    BOOST_TEST(f["answered_on_time"] == 2);
    BOOST_TEST(f["answered_on_time_permille"] == 500);
    BOOST_TEST(f["ratings"] == 0);
    BOOST_TEST(f["satisfied_permille"] == -1);
    BOOST_TEST(j["previous"]["raised"] == 1);
    BOOST_TEST(j["previous"]["accepted"] == 0);
    BOOST_TEST(j["previous"]["accept_median_s"] == -1);
    BOOST_TEST(j["previous"]["answered_on_time_permille"] == 0);

    BOOST_TEST(j["by_category"] == (Json::parse(R"([
        {"name":"停车","count":2,"previous":0}, {"name":"未分类","count":1,"previous":0},
        {"name":"绿化","count":1,"previous":0}, {"name":"噪音","count":0,"previous":1}])")));
    Id grid = query_int(db, "SELECT id FROM grids WHERE name = '春晖第一网格'");
    BOOST_TEST(j["by_grid"] ==
               (Json::array({{{"id", grid}, {"name", "春晖第一网格"}, {"count", 4}, {"previous", 1}}})));
    BOOST_REQUIRE_EQUAL(j["trend"].size(), 12u);
    BOOST_TEST(j["trend"][0] == (Json{{"month", "2024-04"}, {"raised", 0},
                                      {"answered_on_time_permille", -1}, {"satisfied_permille", -1}}));
    BOOST_TEST(j["trend"][10] == (Json{{"month", "2025-02"}, {"raised", 1},
                                       {"answered_on_time_permille", 0}, {"satisfied_permille", -1}}));
    BOOST_TEST(j["trend"][11] == (Json{{"month", "2025-03"}, {"raised", 4},
                                       {"answered_on_time_permille", 500}, {"satisfied_permille", -1}}));

    // The street's report holds the same issues, its grids named with their community.
    auto s = get_json(server, admin, "/api/report?street=1&month=2025-03");
    BOOST_REQUIRE_EQUAL(s.status, 200);
    BOOST_TEST(s.body["scope"]["kind"] == "street");
    BOOST_TEST(s.body["figures"] == f);
    BOOST_TEST(s.body["by_grid"][0]["name"] == "春晖社区 春晖第一网格");
    (void)m;
}

BOOST_AUTO_TEST_CASE(the_acts_write_grid_acceptance_and_first_answer_once) {
    auto db = seeded_db();
    TestServer server(db);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    March m = build_march(server, dept);
    auto at = [&](const char* column, Id issue) {
        return query_int(db, std::string("SELECT COALESCE(") + column + ", 0) FROM issues WHERE id = " +
                                 std::to_string(issue));
    };
    Id grid = query_int(db, "SELECT id FROM grids WHERE name = '春晖第一网格'");
    BOOST_TEST(at("grid_id", m.a) == grid);
    BOOST_TEST(at("accepted_at", m.a) == kMar2025 + kDay + 2 * kHour);
    BOOST_TEST(at("answered_at", m.a) == kMar2025 + 4 * kDay);  // the first of two answers
    BOOST_TEST(at("answered_at", m.c) == kMar2025 + 8 * kDay);  // the decline
    BOOST_TEST(at("accepted_at", m.d) == 0);
    BOOST_TEST(at("answered_at", m.d) == 0);
    // Issue 1 reached its co-sign threshold in the seed: accepted then.
    BOOST_TEST(at("accepted_at", kIssueChargers) ==
               query_int(db, "SELECT MAX(created_at) FROM cosigns WHERE issue_id = 1"));
}

BOOST_AUTO_TEST_CASE(the_csv_holds_the_months_issues_with_bom_and_chinese_header) {
    auto db = seeded_db();
    TestServer server(db);
    std::string dept_token;
    Id dept = add_department_member(server, dept_token);
    March m = build_march(server, dept);
    std::string admin = server.login("admin");
    auto res = server.client().Get("/api/report.csv?community=1&month=2025-03", bearer(admin));
    BOOST_REQUIRE(res);
    BOOST_REQUIRE_EQUAL(res->status, 200);
    BOOST_TEST(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    BOOST_TEST(res->get_header_value("Content-Disposition").find("filename*=UTF-8''") !=
               std::string::npos);
    const std::string& csv = res->body;
    BOOST_TEST(csv.rfind("\xEF\xBB\xBF议题编号,标题,社区,网格,类别,阶段,提出时间,受理时间,答复时间,"
                         "受理用时（秒）,答复用时（秒）,按期答复\r\n",
                         0) == 0);
    // Four rows after the header: A, B, C, D in id order.
    BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 5);
    BOOST_TEST(csv.find("\r\n" + std::to_string(m.a) +
                        ",小区东门停车位不足,春晖社区,春晖第一网格,停车,已列入议题清单,"
                        "2025-03-02 00:00,2025-03-02 02:00,2025-03-05 00:00,7200,259200,是\r\n") !=
               std::string::npos);
    BOOST_TEST(csv.find("\r\n" + std::to_string(m.d) +
                        ",建议增设快递柜,春晖社区,春晖第一网格,未分类,征集附议中,2025-03-11 00:00,,,,,否\r\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_demo_report_matches_the_tests_own_sql) {
    auto db = fresh_db_path();
    {
        TestStore store(db);
        server::PasswordHasher hasher(1);
        BOOST_REQUIRE(server::seed_demo(store, hasher, server::system_now()));
    }
    TestServer server(db);
    std::string admin = server.login("admin");
    const std::int64_t now = server::system_now();
    // Every month of the demo's year, for the street and for each community.
    std::vector<std::string> scopes = {"street=1"};
    for (auto id : ints(db, "SELECT id FROM communities ORDER BY id"))
        scopes.push_back("community=" + std::to_string(id));
    Month month = month_of(now);
    for (int back = 0; back < 13; ++back, month = previous_month(month)) {
        const std::string from = std::to_string(month_start(month)),
                          to = std::to_string(month_end(month));
        for (const auto& scope : scopes) {
            BOOST_TEST_CONTEXT(scope << " " << format_month(month)) {
                const bool street = scope.rfind("street", 0) == 0;
                const std::string id = scope.substr(scope.find('=') + 1);
                const std::string in_scope =
                    " FROM issues i JOIN councils co ON co.id = i.council_id JOIN communities cm "
                    "ON cm.id = co.community_id WHERE " +
                    std::string(street ? "cm.street_id = " : "cm.id = ") + id +
                    " AND i.created_at >= " + from + " AND i.created_at < " + to;
                auto accept = ints(db, "SELECT i.accepted_at - i.created_at" + in_scope +
                                           " AND i.accepted_at IS NOT NULL");
                auto reply = ints(db, "SELECT i.answered_at - i.created_at" + in_scope +
                                          " AND i.answered_at IS NOT NULL");
                std::int64_t raised = query_int(db, "SELECT COUNT(*)" + in_scope);
                std::int64_t on_time = static_cast<std::int64_t>(
                    std::count_if(reply.begin(), reply.end(), [](auto s) { return s <= 15 * kDay; }));
                auto rated = ints(
                    db, "SELECT CASE WHEN ra.rating = 'unsatisfied' THEN 0 ELSE 1 END "
                        "FROM task_ratings ra JOIN task_replies rp ON rp.id = ra.reply_id "
                        "JOIN tasks t ON t.id = rp.task_id JOIN issues i ON i.id = t.issue_id "
                        "JOIN councils co ON co.id = i.council_id JOIN communities cm "
                        "ON cm.id = co.community_id WHERE " +
                            std::string(street ? "cm.street_id = " : "cm.id = ") + id +
                            " AND ra.rated_at >= " + from + " AND ra.rated_at < " + to);
                std::int64_t satisfied = std::count(rated.begin(), rated.end(), 1);

                auto r = get_json(server, admin, "/api/report?" + scope + "&month=" + format_month(month));
                BOOST_REQUIRE_EQUAL(r.status, 200);
                const Json& f = r.body["figures"];
                BOOST_TEST(f["raised"] == raised);
                BOOST_TEST(f["accepted"] == static_cast<std::int64_t>(accept.size()));
                BOOST_TEST(f["answered"] == static_cast<std::int64_t>(reply.size()));
                BOOST_TEST(f["accept_median_s"] == rank_of(accept, 50));
                BOOST_TEST(f["accept_p90_s"] == rank_of(accept, 90));
                BOOST_TEST(f["reply_median_s"] == rank_of(reply, 50));
                BOOST_TEST(f["reply_p90_s"] == rank_of(reply, 90));
                BOOST_TEST(f["answered_on_time"] == on_time);
                BOOST_TEST(f["answered_on_time_permille"] == share(on_time, raised));
                BOOST_TEST(f["ratings"] == static_cast<std::int64_t>(rated.size()));
                BOOST_TEST(f["satisfied"] == satisfied);
                BOOST_TEST(f["satisfied_permille"] ==
                           share(satisfied, static_cast<std::int64_t>(rated.size())));
                BOOST_TEST(r.body["trend"][11]["raised"] == raised);
                std::int64_t counted = 0;
                for (const auto& c : r.body["by_category"]) counted += c["count"].get<std::int64_t>();
                BOOST_TEST(counted == raised);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(report_bad_input)

BOOST_AUTO_TEST_CASE(each_bad_report_request_gets_a_clear_4xx_and_changes_nothing) {
    auto db = seeded_db();
    // A second street with its community, their administrators, and a resident of the demo.
    execute(db,
            "INSERT INTO streets (id, name) VALUES (2, '城西街道');"
            "INSERT INTO communities (id, name, street, street_id) VALUES (2, '朝阳社区', '城西街道', 2);"
            "INSERT INTO members (id, login, name, role, password_hash, community_id) VALUES "
            "(900, 'chaoyang_admin', '朝阳管理员', 'admin', 'x', 2);"
            "INSERT INTO members (id, login, name, role, password_hash, street_id) VALUES "
            "(901, 'chengxi_admin', '城西管理员', 'admin', 'x', 2);"
            "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (900, 'community', 2);"
            "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (901, 'street', 2)");
    TestServer server(db);
    const std::string admin = server.login("admin");
    const std::string other_community = server.token_for(900);
    const std::string other_street = server.token_for(901);
    const std::string resident = server.token_for(demo_member(3));
    // The other street's administrators read their own places.
    BOOST_TEST(get_json(server, other_community, "/api/report?community=2").status == 200);
    BOOST_TEST(get_json(server, other_street, "/api/report?street=2").status == 200);
    BOOST_TEST(get_json(server, other_street, "/api/report?community=2&month=2026-01").status == 200);
    const std::string before = snapshot(db);

    struct Case {
        const char* what;
        std::string token;
        std::string query;
        int status;
        const char* code;
    };
    const std::vector<Case> cases = {
        {"no token", "", "street=1", 401, nullptr},
        {"a resident", resident, "community=1", 403, "not_admin"},
        {"a resident, street", resident, "street=1", 403, "not_admin"},
        {"another community's admin", other_community, "community=1", 403, "outside_scope"},
        {"a community admin, its street", other_community, "street=2", 403, "outside_scope"},
        {"another street's admin", other_street, "street=1", 403, "outside_scope"},
        {"another street's admin, community", other_street, "community=1", 403, "outside_scope"},
        {"neither place", admin, "month=2026-01", 400, "bad_scope"},
        {"both places", admin, "street=1&community=1", 400, "bad_scope"},
        {"street zero", admin, "street=0", 400, "bad_id"},
        {"negative community", admin, "community=-1", 400, "bad_id"},
        {"huge id", admin, "community=99999999999999999999", 400, "bad_id"},
        {"largest id", admin, "community=9223372036854775807", 404, "not_found"},
        {"unknown street", admin, "street=77", 404, "not_found"},
        {"text id", admin, "street=abc", 400, "bad_id"},
        {"month 13", admin, "street=1&month=2026-13", 400, "bad_month"},
        {"month 0", admin, "street=1&month=2026-00", 400, "bad_month"},
        {"short month", admin, "street=1&month=2026-1", 400, "bad_month"},
        {"day given", admin, "street=1&month=2026-10-01", 400, "bad_month"},
        {"empty month", admin, "street=1&month=", 400, "bad_month"},
        {"control character", admin, "street=1&month=2026-1%00", 400, "bad_month"},
        {"newline", admin, "street=1&month=2026-10%0A", 400, "bad_month"},
        {"bidi override", admin, "street=1&month=%E2%80%AE2026-10", 400, "bad_month"},
        {"full-width digits", admin, "street=1&month=%EF%BC%92026-10", 400, "bad_month"},
        {"long month", admin, "street=1&month=" + std::string(5000, '9'), 400, "bad_month"},
    };
    for (const char* path : {"/api/report?", "/api/report.csv?"}) {
        for (const auto& c : cases) {
            BOOST_TEST_CONTEXT(path << c.what) {
                auto r = get_json(server, c.token, path + c.query);
                BOOST_TEST(r.status == c.status);
                if (c.code) {
                    BOOST_TEST(r.code() == c.code);
                    // Every refusal says what is wrong in Chinese.
                    std::string message = r.body["error"].value("message", "");
                    BOOST_TEST(!message.empty());
                    BOOST_TEST(static_cast<unsigned char>(message[0]) >= 0xE0);
                }
            }
        }
    }
    BOOST_TEST(snapshot(db) == before);
}

BOOST_AUTO_TEST_SUITE_END()
