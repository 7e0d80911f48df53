// Accounts: version, login, logout, tokens and their expiry, growing delays after failed logins.
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <vector>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// A clock that moves only when the test moves it.
struct ManualClock {
    std::atomic<std::int64_t> now{server::system_now()};
    server::Clock clock() {
        return [this] { return now.load(); };
    }
};

// A login posted from another loopback address (Linux routes all of 127.0.0.0/8 to lo), as a
// resident at another address would send it.
RawReply login_from(int port, const std::string& from, const std::string& login,
                    const std::string& password) {
    std::string body = encode(LoginRequest{login, password});
    std::string request = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\nConnection: close\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    RawReply reply;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    BOOST_REQUIRE(fd >= 0);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.c_str(), &source.sin_addr);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(static_cast<std::uint16_t>(port));
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&source), sizeof source) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&target), sizeof target) != 0) {
        ::close(fd);
        BOOST_FAIL("cannot connect to the test server from " + from);
    }
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    char buf[4096];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 10000) > 0) {
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        reply.data.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return reply;
}
}  // namespace

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

BOOST_AUTO_TEST_CASE(a_token_is_touched_at_most_once_a_minute) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    TestServer server(seeded_db(), options);
    auto token = server.login("demo05");
    auto last_used = [&] {
        return query_int(server.db(),
                         "SELECT MAX(t.last_used_at) FROM auth_tokens t JOIN members m "
                         "ON m.id = t.member_id WHERE m.login = 'demo05'");
    };
    const std::int64_t at_login = last_used();
    shift.seconds = 30;
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 200);
    BOOST_TEST(last_used() == at_login);
    shift.seconds = 90;
    BOOST_TEST(server.client().Get("/api/me", bearer(token))->status == 200);
    BOOST_TEST(last_used() >= at_login + 90);
}

BOOST_AUTO_TEST_CASE(a_signed_in_read_answers_while_the_writers_are_held) {
    TestServer server(seeded_db());
    auto token = server.login("demo05");
    // Another process holds the writers' turn: SQLite's write lock, or on PostgreSQL the
    // advisory lock every server's write groups take. A token used within the minute is only
    // read, so the request does not queue behind them.
    auto db = open_db(server.db());
    db->with_connection([&](database::Connection& c) {
        bool pg = c.kind() == database::Kind::postgres;
        c.execute(pg ? "SELECT pg_advisory_lock(22889, -2)" : "BEGIN IMMEDIATE");
        auto r = server.client().Get("/api/me", bearer(token));
        c.execute(pg ? "SELECT pg_advisory_unlock(22889, -2)" : "ROLLBACK");
        BOOST_REQUIRE(r);
        BOOST_TEST(r->status == 200);
    });
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

BOOST_AUTO_TEST_CASE(owner_logs_in_at_their_own_address_after_failures_from_other_addresses) {
    ManualClock clock;
    ServiceOptions options;
    options.clock = clock.clock();
    TestServer server(seeded_db(), options);
    auto before = snapshot(server.db());
    // Ten wrong passwords from two other addresses, then forty more from eight others: as many
    // as each address may try before it must wait, so every one is a real failure.
    int failures = 0;
    for (int host = 2; host <= 11; ++host) {
        for (int k = 0; k < 5; ++k) {
            auto r = login_from(server.port(), "127.0.0." + std::to_string(host), "demo08", "wrong");
            BOOST_TEST(r.status() == 401);
            failures += r.status() == 401;
        }
        if (host == 3 || host == 11) {
            BOOST_TEST_CONTEXT("after " << failures << " failures from other addresses") {
                BOOST_TEST(server.client()
                               .Post("/api/login", R"({"login":"demo08","password":"yishi2026"})", kJson)
                               ->status == 200);
            }
        }
    }
    BOOST_TEST(failures == 50);
    BOOST_TEST(snapshot(server.db()) == before);  // tokens are not part of it
}

BOOST_AUTO_TEST_CASE(a_pair_waits_twice_as_long_after_each_further_failure_up_to_fifteen_minutes) {
    ManualClock clock;
    ServiceOptions options;
    options.clock = clock.clock();
    TestServer server(seeded_db(), options);
    auto before = snapshot(server.db());
    auto attempt = [&](const char* password) {
        return server.client().Post("/api/login", encode(LoginRequest{"demo08", password}), kJson);
    };
    for (int k = 0; k < 5; ++k) BOOST_TEST(attempt("wrong")->status == 401);

    const std::vector<std::pair<std::int64_t, std::string>> waits = {
        {1, "1 秒"},   {2, "2 秒"},     {4, "4 秒"},     {8, "8 秒"},     {16, "16 秒"},
        {32, "32 秒"}, {64, "2 分钟"},  {128, "3 分钟"}, {256, "5 分钟"}, {512, "9 分钟"},
        {900, "15 分钟"}, {900, "15 分钟"}};
    for (const auto& [wait, said] : waits) {
        BOOST_TEST_CONTEXT("waiting " << wait << " s") {
            // Even the right password waits: the throttle comes before the check.
            auto r = attempt("yishi2026");
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == 429);
            BOOST_TEST(error_of(r).code == "rate_limited");
            BOOST_TEST(error_of(r).message == "尝试次数过多，请 " + said + "后再试");
            BOOST_TEST(r->get_header_value("Retry-After") == std::to_string(wait));
            clock.now += wait - 1;
            BOOST_TEST(attempt("yishi2026")->status == 429);  // a moment too early
            clock.now += 1;
            BOOST_TEST(attempt("wrong")->status == 401);
        }
    }
    BOOST_TEST(snapshot(server.db()) == before);
    // After the wait the owner gets in, and their failures are forgotten.
    clock.now += 900;
    BOOST_TEST(attempt("yishi2026")->status == 200);
    BOOST_TEST(attempt("wrong")->status == 401);
    BOOST_TEST(attempt("yishi2026")->status == 200);
}

BOOST_AUTO_TEST_CASE(simultaneous_wrong_passwords_from_one_pair_get_only_the_free_checks) {
    ManualClock clock;  // stands still: no delay runs out while the guesses arrive
    ServiceOptions options;
    options.clock = clock.clock();
    TestServer server(seeded_db(), options);
    auto before = snapshot(server.db());
    std::vector<std::future<int>> guesses;
    for (int k = 0; k < 40; ++k)
        guesses.push_back(std::async(std::launch::async, [&] {
            auto r = server.client().Post("/api/login", R"({"login":"demo08","password":"wrong"})", kJson);
            return r ? r->status : 0;
        }));
    int checked = 0, waiting = 0;
    for (auto& g : guesses) {
        int status = g.get();
        checked += status == 401;
        waiting += status == 429;
    }
    BOOST_TEST(checked == options.throttle.free_failures_per_login);
    BOOST_TEST(waiting == 40 - options.throttle.free_failures_per_login);
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(one_address_trying_many_logins_waits_longer_after_each_failure) {
    ManualClock clock;
    ServiceOptions options;
    options.clock = clock.clock();
    options.throttle.free_failures_per_address = 5;  // fewer Argon2 checks than the default 100
    TestServer server(seeded_db(), options);
    auto before = snapshot(server.db());
    for (const char* login : {"demo02", "demo03", "demo04", "demo05", "nobody"})
        BOOST_TEST(server.client().Post("/api/login", encode(LoginRequest{login, "wrong"}), kJson)->status == 401);
    // A login this address never tried waits too, but only at this address.
    auto r = server.client().Post("/api/login", R"({"login":"demo06","password":"yishi2026"})", kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 429);
    BOOST_TEST(r->get_header_value("Retry-After") == "1");
    BOOST_TEST(error_of(r).message == "尝试次数过多，请 1 秒后再试");
    BOOST_TEST(login_from(server.port(), "127.0.0.2", "demo06", "yishi2026").status() == 200);
    BOOST_TEST(snapshot(server.db()) == before);  // tokens are not part of it

    clock.now += 1;
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo07","password":"wrong"})", kJson)->status == 401);
    r = server.client().Post("/api/login", R"({"login":"demo06","password":"yishi2026"})", kJson);
    BOOST_TEST(r->status == 429);
    BOOST_TEST(r->get_header_value("Retry-After") == "2");
    // A right password does not wipe the address's count: another login's success would
    // otherwise reset a guesser's budget.
    clock.now += 2;
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo06","password":"yishi2026"})", kJson)->status == 200);
    r = server.client().Post("/api/login", R"({"login":"demo09","password":"yishi2026"})", kJson);
    BOOST_TEST(r->status == 429);
}

BOOST_AUTO_TEST_SUITE_END()
