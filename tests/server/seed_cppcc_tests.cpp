// The demo's CPPCC committee (`yishi-server serve --seed-demo`): 嵊州市政协 with its people, the
// 2020 consultation played to published handling, and today's topics, as members see them
// over HTTP; made after every other demo account so that their ids stay as they were.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "decide_steps.hpp"
#include "yishi/server/audit.hpp"
#include "yishi/server/seed.hpp"

namespace yishi::test {

namespace {
struct SeededDemo {
    std::filesystem::path path = fresh_db_path();
    SeededDemo() {
        TestStore store(path);
        server::PasswordHasher hasher(1);
        BOOST_REQUIRE(server::seed_demo(store, hasher, server::system_now()));
        BOOST_TEST(server::verify_audit(store).intact());
    }
};

std::vector<std::string> kinds_of(const Json& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i["kind"].get<std::string>());
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(seed_cppcc)

BOOST_AUTO_TEST_CASE(cppcc_accounts_come_after_every_earlier_demo_account_and_log_in) {
    SeededDemo demo;
    TestStore store(demo.path);
    Id earlier = store.credentials(server::kDemoAdminLogin)->member_id;
    for (const auto& l : server::demo_logins())
        earlier = std::max(earlier, store.credentials(l.login)->member_id);
    for (const auto& l : server::demo_staff_logins())
        earlier = std::max(earlier, store.credentials(l.login)->member_id);
    // The residents keep the ids the browser tests name: demo01 … demo15 in a row after admin.
    for (int i = 0; i < 15; ++i)
        BOOST_TEST(store.credentials(server::demo_login(i))->member_id ==
                   store.credentials(server::demo_login(0))->member_id + i);
    auto logins = server::demo_cppcc_logins();
    BOOST_TEST(logins.size() == 16u);
    Id previous = earlier;
    for (const auto& l : logins) {
        auto c = store.credentials(l.login);
        BOOST_TEST_REQUIRE(c.has_value(), l.login);
        BOOST_TEST(c->member_id > previous, l.login << " after the account before it");
        previous = c->member_id;
    }
    TestServer server(demo.path);
    for (const char* login : {"cppcc_chair", "cppcc_sec", "cppcc01", "minzhengju"})
        BOOST_TEST(!server.login(login).empty(), login);
}

BOOST_AUTO_TEST_CASE(the_committee_has_its_special_committees_leaders_members_and_secretariat) {
    SeededDemo demo;
    TestServer server(demo.path);
    const std::string token = server.login("cppcc01");
    auto list = get_json(server, token, "/api/cppccs");
    BOOST_REQUIRE_EQUAL(list.status, 200);
    BOOST_REQUIRE_EQUAL(list.body["cppccs"].size(), 1u);
    BOOST_TEST(list.body["cppccs"][0]["name"] == "嵊州市政协");
    auto view = get_json(server, token, path_of("/api/cppccs/", 1));
    BOOST_REQUIRE_EQUAL(view.status, 200);
    std::vector<std::string> committees;
    for (const auto& c : view.body["committees"]) committees.push_back(c["name"]);
    BOOST_TEST(committees == (std::vector<std::string>{"社会和法制委员会", "经济委员会",
                                                       "文化文史和学习委员会"}),
               boost::test_tools::per_element());
    std::map<std::string, int> posts;
    for (const auto& s : view.body["seats"]) ++posts[s["post"].get<std::string>()];
    BOOST_TEST(posts["chair"] == 1);
    BOOST_TEST(posts["vice_chair"] == 2);
    BOOST_TEST(posts["member"] == 6);
    BOOST_TEST(posts["secretariat"] == 1);
}

BOOST_AUTO_TEST_CASE(the_2020_consultation_runs_from_research_to_published_handling) {
    SeededDemo demo;
    TestServer server(demo.path);
    auto r = get_json(server, server.login("demo03"), "/api/consultations/1");
    BOOST_REQUIRE_EQUAL(r.status, 200);
    const Json& v = r.body;
    BOOST_TEST(v["source"] == "party_committee");
    BOOST_TEST(v["stage"] == "published");
    BOOST_TEST(v["plan"]["year"] == 2020);
    BOOST_TEST(v["plan"]["committee_name"] == "社会和法制委员会");
    BOOST_TEST(v["research_group"].size() == 4u);
    BOOST_TEST(v["visits"].size() == 4u);
    BOOST_TEST(v["visits"][0]["visited_on"] == "2020-03-18");
    BOOST_TEST(v["visits"][3]["visited_on"] == "2020-05-14");
    BOOST_TEST(v["report"].size() == 4u);
    BOOST_TEST(v["meeting"]["held_on"] == "2020-06-24");
    BOOST_TEST(v["meeting"]["closed"] == true);
    // Opening by the party secretary and the chair, the keynote, seven speeches with two
    // questions answered in between, the party secretary's concluding remarks.
    BOOST_TEST(kinds_of(v["meeting"]["items"]) ==
                   (std::vector<std::string>{"opening", "opening", "keynote", "speech", "speech",
                                             "speech", "question", "speech", "answer", "question",
                                             "answer", "speech", "speech", "speech",
                                             "concluding"}),
               boost::test_tools::per_element());
    BOOST_TEST(v["recommendations"].size() == 8u);
    for (const auto& rec : v["recommendations"]) {
        BOOST_TEST(!rec["proposer_ids"].empty());
        BOOST_TEST(rec["item_ids"].size() + rec["section_ids"].size() > 0u);
        BOOST_TEST(!rec["tasks"].empty());
    }
    BOOST_TEST(v["sendings"].size() == 2u);
    std::map<std::string, int> states;
    for (const auto& rec : v["recommendations"])
        for (const auto& t : rec["tasks"]) ++states[t["state"].get<std::string>()];
    BOOST_TEST(states["done"] == 7);
    BOOST_TEST(states["supervised"] == 1);
    BOOST_TEST(states["answered"] == 1);
    const Json& f = v["figures"];
    BOOST_TEST(f["recommendations"] == 8);
    BOOST_TEST(f["adopted"] == 5);
    BOOST_TEST(f["partly"] == 2);
    BOOST_TEST(f["not_adopted"] == 1);
    BOOST_TEST(f["supervised"] == 1);
}

BOOST_AUTO_TEST_CASE(todays_topics_wait_in_research_and_as_a_recommended_community_issue) {
    SeededDemo demo;
    TestServer server(demo.path);
    const std::string token = server.login("cppcc01");
    auto lifts = get_json(server, token, "/api/consultations/2");
    BOOST_REQUIRE_EQUAL(lifts.status, 200);
    BOOST_TEST(lifts.body["source"] == "members");
    BOOST_TEST(lifts.body["plan"]["year"] == 2026);
    BOOST_TEST(lifts.body["research_group"].size() == 3u);
    auto charging = get_json(server, token, "/api/consultations/3");
    BOOST_REQUIRE_EQUAL(charging.status, 200);
    BOOST_TEST(charging.body["source"] == "public_recommendation");
    BOOST_TEST(charging.body["stage"] == "proposed");
    BOOST_TEST(charging.body["issue_id"] == 1);
    auto link = get_json(server, server.login("demo01"), "/api/issues/1/consultation");
    BOOST_REQUIRE_EQUAL(link.status, 200);
    BOOST_TEST(link.body["topic_id"] == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
