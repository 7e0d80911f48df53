// Accounts: version, login, logout, tokens and their expiry, throttling of failed logins.
#include <boost/test/unit_test.hpp>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(account)

BOOST_AUTO_TEST_CASE(version_names_the_api_and_every_reply_carries_it) {
    TestServer server(seeded_db());
    auto r = server.client().Get("/api/version");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200);
    BOOST_TEST(r->get_header_value("X-Yishi-Api") == std::to_string(kApiVersion));
    BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    auto j = Json::parse(r->body);
    BOOST_TEST(j["api"].get<int>() == kApiVersion);
    BOOST_TEST(j["name"].get<std::string>() == "yishi");

    auto missing = server.client().Get("/api/no-such-thing");
    BOOST_REQUIRE(missing);
    BOOST_TEST(missing->get_header_value("X-Yishi-Api") == std::to_string(kApiVersion));
}

BOOST_AUTO_TEST_CASE(demo_member_logs_in_with_the_demo_password) {
    TestServer server(seeded_db());
    auto r = server.client().Post("/api/login", R"({"login":"demo01","password":"yishi2026"})", kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200);
    auto reply = decode_login_reply(r->body);
    BOOST_REQUIRE(reply.ok());
    const auto& login = reply.value();
    BOOST_TEST(login.token.size() == 64u);
    BOOST_TEST(login.token.find_first_not_of("0123456789abcdef") == std::string::npos);
    BOOST_TEST(login.member.login == "demo01");
    BOOST_TEST(login.member.name == "李建国");
    BOOST_TEST(login.member.role == "convenor");
    BOOST_REQUIRE(login.councils.size() == 1u);
    BOOST_TEST(login.councils[0].name == "春晖社区居民议事会");
    BOOST_TEST(login.councils[0].member_count == 15);
    BOOST_TEST(login.councils[0].cosign_threshold == 5);
}

BOOST_AUTO_TEST_CASE(wrong_password_is_refused_with_401_and_a_chinese_message) {
    TestServer server(seeded_db());
    auto r = server.client().Post("/api/login", R"({"login":"demo02","password":"wrong"})", kJson);
    auto e = error_of(r);
    BOOST_TEST(r->status == 401);
    BOOST_TEST(e.code == "bad_credentials");
    BOOST_TEST(e.message == "账号或密码错误");
}

BOOST_AUTO_TEST_CASE(unknown_login_gets_the_same_answer_as_a_wrong_password) {
    TestServer server(seeded_db());
    auto unknown = server.client().Post("/api/login", R"({"login":"nobody","password":"yishi2026"})", kJson);
    auto wrong = server.client().Post("/api/login", R"({"login":"demo02","password":"wrong"})", kJson);
    BOOST_REQUIRE(unknown);
    BOOST_REQUIRE(wrong);
    BOOST_TEST(unknown->status == 401);
    BOOST_TEST(unknown->body == wrong->body);
}

BOOST_AUTO_TEST_CASE(me_names_the_caller_and_their_councils) {
    TestServer server(seeded_db());
    auto token = server.login("demo05");
    auto r = server.client().Get("/api/me", bearer(token));
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200);
    auto j = Json::parse(r->body);
    BOOST_TEST(j["member"]["login"].get<std::string>() == "demo05");
    BOOST_TEST(j["member"]["role"].get<std::string>() == "resident");
    BOOST_TEST(j["councils"].size() == 1u);
    BOOST_TEST(j["councils"][0]["member_count"].get<int>() == 15);
}

BOOST_AUTO_TEST_CASE(logout_revokes_the_token) {
    TestServer server(seeded_db());
    auto token = server.login("demo03");
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 200);
    auto out = server.client().Post("/api/logout", bearer(token), "", kJson);
    BOOST_REQUIRE(out);
    BOOST_TEST(out->status == 200);
    BOOST_TEST(Json::parse(out->body)["ok"].get<bool>() == true);
    auto after = server.client().Get("/api/me", bearer(token));
    BOOST_TEST(after->status == 401);
    BOOST_TEST(error_of(after).code == "unauthorized");
}

BOOST_AUTO_TEST_CASE(missing_or_malformed_tokens_are_unauthorized) {
    TestServer server(seeded_db());
    std::string good = server.login("demo04");
    std::string upper = good;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::vector<httplib::Headers> cases = {
        {},
        {{"Authorization", "Bearer"}},
        {{"Authorization", "Bearer garbage"}},
        {{"Authorization", "Basic ZGVtbzAxOnlpc2hpMjAyNg=="}},
        {{"Authorization", "Bearer " + good.substr(1)}},              // 63 characters
        {{"Authorization", "Bearer " + upper}},                        // not lowercase
        {{"Authorization", "Bearer  " + good}},                        // two spaces
        {{"Authorization", "Bearer " + good + "0"}},                   // 65 characters
        {{"Authorization", "Bearer %" + good.substr(0, 63)}},          // percent-encoded bytes
        {{"Authorization", "Bearer " + std::string(64, '0')}},         // well formed, unknown
        {{"Authorization", "Bearer " + good}, {"Authorization", "Bearer " + good}},  // twice
    };
    for (const auto& headers : cases) {
        auto r = server.client().Get("/api/me", headers);
        BOOST_REQUIRE(r);
        BOOST_TEST(r->status == 401);
        BOOST_TEST(error_of(r).code == "unauthorized");
    }
    BOOST_TEST(server.client().Get("/api/me", bearer(good))->status == 200);
}

BOOST_AUTO_TEST_CASE(token_expires_after_seven_idle_days) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    TestServer server(seeded_db(), options);
    auto token = server.login("demo06");
    shift.seconds = 7 * 24 * 3600 - 60;
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 200);  // still alive, touched
    shift.seconds = 2 * (7 * 24 * 3600 - 60);
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 200);  // idle time restarted
    shift.seconds = 3 * (7 * 24 * 3600);
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 401);  // 7+ idle days
}

BOOST_AUTO_TEST_CASE(token_expires_thirty_days_after_login_even_when_used_daily) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    TestServer server(seeded_db(), options);
    auto token = server.login("demo07");
    for (int day = 1; day < 30; ++day) {
        shift.seconds = day * 24 * 3600;
        BOOST_TEST_REQUIRE(server.client().Get("/api/me", bearer(token))->status == 200);
    }
    shift.seconds = 30 * 24 * 3600;
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 401);
}

BOOST_AUTO_TEST_CASE(repeated_failures_for_one_login_are_throttled_until_the_window_passes) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    options.throttle.max_failures_per_login = 3;  // fewer Argon2 checks than the default 10
    TestServer server(seeded_db(), options);
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo08","password":"x"})", kJson)->status == 401);
    // Even the right password is refused now: the throttle comes before the check.
    auto r = server.client().Post("/api/login", R"({"login":"demo08","password":"yishi2026"})", kJson);
    BOOST_TEST(r->status == 429);
    BOOST_TEST(error_of(r).code == "rate_limited");
    // Other logins from the same address are not affected by this login's count.
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo09","password":"yishi2026"})", kJson)->status == 200);
    shift.seconds = options.throttle.window_seconds + 1;
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo08","password":"yishi2026"})", kJson)->status == 200);
}

BOOST_AUTO_TEST_CASE(repeated_failures_from_one_address_are_throttled_across_logins) {
    ServiceOptions options;
    options.throttle.max_failures_per_address = 3;
    TestServer server(seeded_db(), options);
    for (const char* login : {"demo10", "demo11", "nobody"}) {
        auto body = encode(LoginRequest{login, "wrong"});
        BOOST_TEST(server.client().Post("/api/login", body, kJson)->status == 401);
    }
    auto r = server.client().Post("/api/login", R"({"login":"demo12","password":"yishi2026"})", kJson);
    BOOST_TEST(r->status == 429);
}

BOOST_AUTO_TEST_SUITE_END()
