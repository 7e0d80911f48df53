// Refused input for the notification endpoints (消息) and the community's hook: each bad request
// is answered 4xx with a Chinese message and leaves every table as it was.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(notification_bad_input)

BOOST_AUTO_TEST_CASE(each_bad_notification_request_gets_a_clear_4xx_and_changes_nothing) {
    auto db = seeded_db();
    execute(db, "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道')");
    TestServer server(db);
    auto tokens = member_tokens(server);
    // A notification of demo04's, which others must not mark.
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept")).status,
                        200);
    Id theirs = query_int(db, "SELECT MAX(id) FROM notifications");
    Id own_admin = server.store().add_member({"admin_c1", "社区管理员", "resident", "x"});
    Id other_admin = server.store().add_member({"admin_c2", "朝阳社区管理员", "resident", "x"});
    execute(db, "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (" +
                    std::to_string(own_admin) + ", 'community', 1), (" +
                    std::to_string(other_admin) + ", 'community', 2)");
    const std::string admin = server.token_for(own_admin);
    const std::string outsider_admin = server.token_for(other_admin);
    std::string expired = server::new_token();
    server.store().add_token(server::token_digest(expired), 3, server::system_now() - 40 * kDay,
                             server::TokenPolicy{});
    std::string before = full_snapshot(db);

    const std::string resident = tokens[5];
    const std::string hook = "/api/admin/communities/1/hook";
    auto url = [](const std::string& u) { return Json{{"url", u}}.dump(); };
    const std::string too_long = "http://127.0.0.1/" + std::string(484, 'a');

    const std::vector<Refusal> cases = {
        // who is asking
        {"no token", "GET", "/api/me/notifications", "", "", 401, "unauthorized", ""},
        {"expired token", "GET", "/api/me/notifications/unread", "", expired, 401, "unauthorized", ""},
        {"no token marks", "POST", "/api/me/notifications/read", R"({"all":true})", "", 401,
         "unauthorized", ""},
        {"no token settings", "PUT", "/api/me/notification-settings", R"({"kinds":[]})", "", 401,
         "unauthorized", ""},
        {"resident reads the hook", "GET", hook, "", resident, 403, "not_admin", ""},
        {"resident sets the hook", "PUT", hook, url("http://127.0.0.1:9/x"), resident, 403,
         "not_admin", ""},
        {"other community's admin sets the hook", "PUT", hook, url("http://127.0.0.1:9/x"),
         outsider_admin, 403, "outside_scope", ""},
        {"other community's admin reads the hook", "GET", hook, "", outsider_admin, 403,
         "outside_scope", ""},
        // the list's query
        {"limit zero", "GET", "/api/me/notifications?limit=0", "", resident, 400, "bad_query", "limit"},
        {"limit over 100", "GET", "/api/me/notifications?limit=101", "", resident, 400, "bad_query",
         "limit"},
        {"limit not a number", "GET", "/api/me/notifications?limit=ten", "", resident, 400,
         "bad_query", "limit"},
        {"huge before", "GET", "/api/me/notifications?before=99999999999999999999999", "", resident,
         400, "bad_query", "before"},
        {"negative before", "GET", "/api/me/notifications?before=-1", "", resident, 400, "bad_query",
         "before"},
        // marking read
        {"not JSON", "POST", "/api/me/notifications/read", "{ids", resident, 400, "bad_json", ""},
        {"neither ids nor all", "POST", "/api/me/notifications/read", "{}", resident, 400,
         "missing_field", "ids"},
        {"all false without ids", "POST", "/api/me/notifications/read", R"({"all":false})", resident,
         400, "missing_field", "ids"},
        {"all not a boolean", "POST", "/api/me/notifications/read", R"({"all":"yes"})", resident,
         400, "wrong_type", "all"},
        {"ids not a list", "POST", "/api/me/notifications/read", R"({"ids":"1"})", resident, 400,
         "wrong_type", "ids"},
        {"id zero", "POST", "/api/me/notifications/read", R"({"ids":[0]})", resident, 400, "bad_id",
         "ids"},
        {"huge id", "POST", "/api/me/notifications/read", R"({"ids":[99999999999999999999]})",
         resident, 400, "wrong_type", "ids"},
        {"another member's notification", "POST", "/api/me/notifications/read",
         Json{{"ids", {theirs}}}.dump(), resident, 404, "not_found", "ids"},
        {"a notification that does not exist", "POST", "/api/me/notifications/read",
         R"({"ids":[987654]})", resident, 404, "not_found", "ids"},
        // settings
        {"unknown kind", "PUT", "/api/me/notification-settings",
         R"({"kinds":[{"kind":"gossip","on":false}]})", resident, 400, "unknown_kind",
         "kinds[0].kind"},
        {"kind twice", "PUT", "/api/me/notification-settings",
         R"({"kinds":[{"kind":"task_due","on":false},{"kind":"task_due","on":true}]})", resident,
         400, "duplicate_kind", "kinds[1].kind"},
        {"on missing", "PUT", "/api/me/notification-settings", R"({"kinds":[{"kind":"task_due"}]})",
         resident, 400, "missing_field", "kinds[0].on"},
        {"on not a boolean", "PUT", "/api/me/notification-settings",
         R"({"kinds":[{"kind":"task_due","on":0}]})", resident, 400, "wrong_type", "kinds[0].on"},
        {"kinds not a list", "PUT", "/api/me/notification-settings", R"({"kinds":"all"})", resident,
         400, "wrong_type", "kinds"},
        // the hook
        {"community id not a number", "PUT", "/api/admin/communities/x/hook",
         url("http://127.0.0.1/"), admin, 400, "bad_id", "community_id"},
        {"community that does not exist", "PUT", "/api/admin/communities/999/hook",
         url("http://127.0.0.1/"), admin, 404, "not_found", "community_id"},
        {"url missing", "PUT", hook, "{}", admin, 400, "missing_field", "url"},
        {"url not text", "PUT", hook, R"({"url":5})", admin, 400, "wrong_type", "url"},
        {"not http", "PUT", hook, url("ftp://127.0.0.1/x"), admin, 400, "bad_hook_url", "url"},
        {"script", "PUT", hook, url("javascript:alert(1)"), admin, 400, "bad_hook_url", "url"},
        {"no host", "PUT", hook, url("http:///x"), admin, 400, "bad_hook_url", "url"},
        {"credentials", "PUT", hook, url("http://u:p@127.0.0.1/"), admin, 400, "bad_hook_url", "url"},
        {"overlong", "PUT", hook, url(too_long), admin, 400, "bad_hook_url", "url"},
        {"control character", "PUT", hook, url("http://127.0.0.1/a\x01"), admin, 400,
         "bad_hook_url", "url"},
        {"bidi override", "PUT", hook, url("http://127.0.0.1/\xE2\x80\xAE" "exe"), admin, 400,
         "bad_hook_url", "url"},
        {"space", "PUT", hook, url("http://127.0.0.1/a b"), admin, 400, "bad_hook_url", "url"},
    };
    expect_refusals(server, cases);
    BOOST_TEST(full_snapshot(db) == before);
}

BOOST_AUTO_TEST_CASE(the_communitys_admin_sets_reads_and_removes_the_hook) {
    auto db = seeded_db();
    TestServer server(db);
    Id own_admin = server.store().add_member({"admin_c1", "社区管理员", "resident", "x"});
    execute(db, "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (" +
                    std::to_string(own_admin) + ", 'community', 1)");
    std::string admin = server.token_for(own_admin);
    auto cli = server.client();
    const std::string longest = "http://127.0.0.1/" + std::string(483, 'a');  // 500 characters
    auto set = cli.Put("/api/admin/communities/1/hook", bearer(admin),
                       Json{{"url", longest}}.dump(), kJson);
    BOOST_REQUIRE(set);
    BOOST_TEST(set->status == 200);
    auto read = get_json(server, admin, "/api/admin/communities/1/hook");
    BOOST_TEST(read.body["url"] == longest);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM community_hooks") == 1);
    auto removed = cli.Put("/api/admin/communities/1/hook", bearer(admin), R"({"url":""})", kJson);
    BOOST_REQUIRE(removed);
    BOOST_TEST(removed->status == 200);
    BOOST_TEST(get_json(server, admin, "/api/admin/communities/1/hook").body["url"] == "");
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM community_hooks") == 0);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'hook_set'") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
