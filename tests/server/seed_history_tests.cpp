// The demo's year of needs (`yishi-server serve --seed-demo`): both communities of the demo street
// raise issues every month, spread over categories and grids, accepted and answered after the
// times they were raised, with quarterly tasks answered and rated; the quarter stays as it was.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"
#include "yishi/report.hpp"
#include "yishi/server/audit.hpp"
#include "yishi/server/seed.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::filesystem::path demo_db(std::int64_t now) {
    auto path = fresh_db_path();
    TestStore store(path);
    server::PasswordHasher hasher(1);
    BOOST_REQUIRE(server::seed_demo(store, hasher, now));
    BOOST_TEST(server::verify_audit(store).intact());
    return path;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(seed_history)

BOOST_AUTO_TEST_CASE(every_month_of_the_year_has_needs_in_both_communities) {
    const std::int64_t now = server::system_now();
    auto db = demo_db(now);
    Id xiushui = query_int(db, "SELECT id FROM communities WHERE name = '秀水社区'");
    Id chunhui = query_int(db, "SELECT id FROM communities WHERE name = '春晖社区'");
    BOOST_TEST(query_int(db, "SELECT street_id FROM communities WHERE id = " +
                                 std::to_string(xiushui)) ==
               query_int(db, "SELECT street_id FROM communities WHERE id = " + std::to_string(chunhui)));
    auto raised = [&](Id community, Month m) {
        return query_int(db, "SELECT COUNT(*) FROM issues i JOIN councils co ON co.id = i.council_id "
                             "WHERE co.community_id = " + std::to_string(community) +
                                 " AND i.created_at >= " + std::to_string(month_start(m)) +
                                 " AND i.created_at < " + std::to_string(month_end(m)));
    };
    Month m = month_of(now);
    for (int back = 1; back <= 12; ++back) {
        m = previous_month(m);
        BOOST_TEST_CONTEXT(format_month(m)) { BOOST_TEST(raised(xiushui, m) >= 10); }
    }
    // 春晖社区 keeps just its played quarter, which the older demo tests rely on.
    Month early = month_of(now - 200 * kDay);
    BOOST_TEST(raised(chunhui, early) == 0);

    const std::string xs = " FROM issues i JOIN councils co ON co.id = i.council_id WHERE "
                           "co.community_id = " + std::to_string(xiushui);
    BOOST_TEST(query_int(db, "SELECT COUNT(DISTINCT i.grid_id)" + xs) == 3);
    BOOST_TEST(query_int(db, "SELECT COUNT(*)" + xs + " AND i.grid_id IS NULL") == 0);
    BOOST_TEST(query_int(db, "SELECT COUNT(DISTINCT i.category)" + xs) >= 6);
    // Accepted and answered after they were raised, and never after the seed's time.
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM issues WHERE accepted_at < created_at OR "
                             "answered_at < created_at OR accepted_at > " + std::to_string(now) +
                                 " OR answered_at > " + std::to_string(now)) == 0);
    std::int64_t answered = query_int(db, "SELECT COUNT(*)" + xs + " AND i.answered_at IS NOT NULL");
    std::int64_t late = query_int(db, "SELECT COUNT(*)" + xs + " AND i.answered_at - i.created_at > " +
                                          std::to_string(15 * kDay));
    BOOST_TEST(answered >= 60);
    BOOST_TEST(late > 0);
    BOOST_TEST(late < answered / 2);
    BOOST_TEST(query_int(db, "SELECT COUNT(*)" + xs + " AND i.stage = 'declined'") > 0);
}

BOOST_AUTO_TEST_CASE(xiushui_holds_a_session_each_quarter_whose_task_is_answered_and_rated) {
    const std::int64_t now = server::system_now();
    auto db = demo_db(now);
    const std::string tasks =
        " FROM tasks t JOIN councils co ON co.id = t.council_id JOIN communities cm "
        "ON cm.id = co.community_id WHERE cm.name = '秀水社区'";
    BOOST_TEST(query_int(db, "SELECT COUNT(*)" + tasks) == 4);
    BOOST_TEST(query_int(db, "SELECT COUNT(*)" + tasks + " AND t.answered_at IS NOT NULL") == 4);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM task_ratings ra JOIN task_replies rp ON "
                             "rp.id = ra.reply_id WHERE rp.task_id IN (SELECT t.id" + tasks + ")") == 32);
    // Its residents sign in as xiushui01..; its property office answers.
    TestServer server(db);
    std::string token = server.login("xiushui02");
    auto councils = get_json(server, token, "/api/me").body;
    BOOST_TEST(!councils.is_null());
    server.login("xiushui_wuye");
}

BOOST_AUTO_TEST_SUITE_END()
