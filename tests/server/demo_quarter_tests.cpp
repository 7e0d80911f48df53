// The demo (`yishi-server serve --seed-demo`): a whole past quarter of the 居民议事会, as a
// member sees it over HTTP, seeded quickly and with an intact audit log.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>
#include <set>

#include "decide_steps.hpp"
#include "yishi/server/audit.hpp"
#include "yishi/server/seed.hpp"

namespace yishi::test {

namespace {
std::filesystem::path demo_quarter_db(std::chrono::milliseconds& took) {
    auto path = fresh_db_path();
    TestStore store(path);
    server::PasswordHasher hasher(1);
    auto start = std::chrono::steady_clock::now();
    BOOST_REQUIRE(server::seed_demo(store, hasher, server::system_now()));
    took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start);
    BOOST_TEST(server::verify_audit(store).intact());
    return path;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(demo_quarter)

BOOST_AUTO_TEST_CASE(demo_covers_every_stage_of_a_quarter_and_keeps_issues_one_to_six) {
    std::chrono::milliseconds took{0};
    TestServer server(demo_quarter_db(took));
    BOOST_TEST_MESSAGE("demo seeded in " << took.count() << " ms");  // the figure belongs to bench/
    std::string token = server.login("demo03");

    auto issues = get_json(server, token, "/api/councils/1/issues").body["issues"];
    std::map<Id, Json> by_id;
    std::set<std::string> stages;
    for (const auto& i : issues) {
        by_id[i["id"].get<Id>()] = i;
        stages.insert(i["stage"].get<std::string>());
    }
    BOOST_TEST(stages == (std::set<std::string>{"collecting", "listed", "merged", "declined",
                                                "scheduled", "resolved"}));
    // The demo community's own issues keep their titles; its newest one stays the newest.
    BOOST_TEST(by_id[1]["title"] == "在3号楼车棚加装电动车充电桩");
    BOOST_TEST(by_id[1]["stage"] == "listed");
    BOOST_TEST(issues[0]["id"] == 6);
    for (const auto& [id, i] : by_id)
        if (i["stage"] == "declined" || i["stage"] == "merged")
            BOOST_TEST(!i["reason"].get<std::string>().empty());

    auto sessions = get_json(server, token, "/api/councils/1/sessions").body["sessions"];
    BOOST_REQUIRE_EQUAL(sessions.size(), 3u);
    BOOST_TEST(sessions[0]["kind"] == "extraordinary");
    BOOST_TEST(sessions[1]["state"] == "closed");
    BOOST_TEST(sessions[1]["signed_in_count"] == 11);
    BOOST_TEST(sessions[2]["state"] == "noticed");
    std::multiset<std::string> outcomes;
    for (Id s : {sessions[0]["id"].get<Id>(), sessions[1]["id"].get<Id>()}) {
        Json ballots = get_json(server, token, path_of("/api/sessions/", s)).body["ballots"];
        for (const auto& b : ballots) outcomes.insert(b["tally"]["outcome"].get<std::string>());
    }
    BOOST_TEST(outcomes == (std::multiset<std::string>{"passed", "passed", "failed", "deferred"}));

    auto tasks = get_json(server, token, "/api/councils/1/tasks").body["tasks"];
    BOOST_REQUIRE_EQUAL(tasks.size(), 2u);
    for (const auto& t : tasks) BOOST_TEST(t["state"] == "done");
    BOOST_TEST(tasks[1]["replies"].size() == 2u);  // the meal service, answered again after 督办

    std::multiset<std::string> kinds;
    Json notices = get_json(server, token, "/api/councils/1/notices").body["notices"];
    for (const auto& n : notices) kinds.insert(n["kind"].get<std::string>());
    BOOST_TEST(kinds.count("resolution") == 4u);
    BOOST_TEST(kinds.count("result") == 2u);

    // A thread with every stance and an official reply.
    std::set<std::string> stances;
    bool official = false;
    for (const auto& [id, i] : by_id) {
        if (i["title"] != "社区增设老年助餐点") continue;
        Json thread = get_json(server, token, path_of("/api/issues/", id, "/comments")).body;
        for (const auto& c : thread["comments"]) {
            stances.insert(c["stance"].get<std::string>());
            official = official || c["official"].get<bool>();
        }
    }
    BOOST_TEST(stances.size() == 4u);
    BOOST_TEST(official);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
