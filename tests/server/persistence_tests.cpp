// Durability and schema: data outlives the server; migrations run once, in order.
#include <boost/test/unit_test.hpp>

#include "harness.hpp"
#include "yishi/server/seed.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(persistence)

BOOST_AUTO_TEST_CASE(issues_cosigns_and_tokens_survive_a_restart_on_the_same_file) {
    auto db = seeded_db();
    std::string token;
    Id raised = 0;
    {
        TestServer first(db);
        token = first.login("demo10");
        auto r = first.client().Post("/api/councils/1/issues", bearer(token),
                                     encode(NewIssueRequest{"社区食堂老年配餐", "希望开设老年助餐点。"}), kJson);
        BOOST_REQUIRE(r);
        BOOST_REQUIRE_EQUAL(r->status, 201);
        raised = decode_issue(r->body).value().id;
        auto c = first.client().Post("/api/issues/" + std::to_string(raised) + "/cosign",
                                     bearer(first.token_for(demo_member(11))), "", kJson);
        BOOST_REQUIRE_EQUAL(c->status, 200);
    }
    TestServer second(db);
    auto r = second.client().Get("/api/issues/" + std::to_string(raised), bearer(token));
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200);
    auto issue = decode_issue(r->body).value();
    BOOST_TEST(issue.title == "社区食堂老年配餐");
    BOOST_TEST(issue.author_name == "吴玉梅");
    BOOST_TEST(issue.cosigns == 1);
}

BOOST_AUTO_TEST_CASE(new_database_is_migrated_to_the_latest_schema_and_reopens_unchanged) {
    auto path = fresh_db_path();
    int version = 0;
    {
        TestStore store(path);
        version = store.schema_version();
        BOOST_TEST(version >= 1);
    }
    std::string before = snapshot(path);
    TestStore again(path);
    BOOST_TEST(again.schema_version() == version);
    BOOST_TEST(snapshot(path) == before);
}

BOOST_AUTO_TEST_CASE(database_from_a_newer_server_is_refused) {
    auto path = fresh_db_path();
    { TestStore store(path); }
    execute(path, "UPDATE schema_version SET version = 999");
    BOOST_CHECK_THROW(TestStore store(path), server::StoreError);
}

BOOST_AUTO_TEST_CASE(unopenable_database_path_is_a_store_error) {
    BOOST_CHECK_THROW(server::Store store("/nonexistent-dir/yishi.sqlite"), server::StoreError);
}

BOOST_AUTO_TEST_CASE(demo_seed_writes_once_and_never_over_existing_data) {
    auto path = fresh_db_path();
    TestStore store(path);
    server::PasswordHasher hasher(1);
    BOOST_TEST(server::seed_demo(store, hasher, server::system_now()));
    std::string seeded = snapshot(path);
    BOOST_TEST(!server::seed_demo(store, hasher, server::system_now()));
    BOOST_TEST(snapshot(path) == seeded);
    BOOST_TEST(server::has_demo_logins(store));
    // The demo has its platform administrator, made by the first-run setup.
    auto admin = store.credentials(server::kDemoAdminLogin);
    BOOST_REQUIRE(admin);
    auto scope = store.admin_scope(admin->member_id);
    BOOST_REQUIRE(scope);
    BOOST_TEST((scope->level == AdminLevel::platform));
    BOOST_TEST(!store.setup_needed());
}

BOOST_AUTO_TEST_CASE(demo_community_lists_exactly_the_issues_at_the_cosign_threshold) {
    auto path = fresh_db_path();
    TestStore store(path);
    server::PasswordHasher hasher(1);
    auto places = server::seed_demo_community(store, hasher.hash(server::kDemoPassword),
                                              server::system_now());
    BOOST_REQUIRE(places);
    server::seed_demo_issues(store, *places, server::system_now());

    auto council = store.council(1);
    BOOST_REQUIRE(council);
    BOOST_TEST(council->member_count == 15);
    auto issues = store.issues(1, 1);
    BOOST_TEST(issues.size() >= 4u);
    BOOST_TEST(issues.size() <= 6u);
    int listed = 0, with_cosigns = 0;
    for (const auto& i : issues) {
        listed += i.stage == IssueStage::listed;
        with_cosigns += i.cosigns > 0;
        BOOST_TEST((i.stage == IssueStage::listed) == (i.cosigns >= council->cosign_threshold));
    }
    BOOST_TEST(listed == 1);
    BOOST_TEST(with_cosigns >= 3);
}

BOOST_AUTO_TEST_SUITE_END()
