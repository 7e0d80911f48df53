// Accounts by invite code (邀请码): who may issue codes, registering with one, and every way a
// registration is refused without changing the database.
#include <boost/test/unit_test.hpp>

#include <future>

#include "harness.hpp"
#include "yishi/accounts.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
const std::string kPassword = "chunhui2026";

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// Issues an invite through the API as `token`; fails the test unless it is created.
Invite invite(TestServer& server, const std::string& token, const std::string& name = "钱多多",
              Id council = kCouncil) {
    auto r = server.client().Post("/api/invites", bearer(token),
                                  encode(NewInviteRequest{name, council}), kJson);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 201);
    auto reply = decode_invite(r->body);
    BOOST_REQUIRE(reply.ok());
    return reply.value();
}

httplib::Result register_with(TestServer& server, const std::string& code, const std::string& login,
                              const std::string& password = kPassword) {
    return server.client().Post("/api/register", encode(RegisterRequest{code, login, password}),
                                kJson);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(invites)

BOOST_AUTO_TEST_CASE(convenor_invites_a_resident_who_registers_logs_in_and_sees_the_council) {
    TestServer server(seeded_db());
    auto convenor = server.login("demo01");
    Invite inv = invite(server, convenor, "钱多多");
    BOOST_TEST(inv.name == "钱多多");
    BOOST_TEST(inv.council_id == kCouncil);
    BOOST_TEST(inv.code.size() == 11u);  // "ABCDE-FGHJK"
    BOOST_TEST(normalize_invite_code(inv.code).has_value());
    BOOST_TEST(inv.expires_at - server::system_now() > 13 * 24 * 3600);

    auto r = register_with(server, inv.code, "qian_duoduo");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 201);
    auto reply = decode_login_reply(r->body);
    BOOST_REQUIRE(reply.ok());
    BOOST_TEST(reply.value().member.login == "qian_duoduo");
    BOOST_TEST(reply.value().member.name == "钱多多");  // the name comes from the invite
    BOOST_TEST(reply.value().member.role == "resident");
    BOOST_REQUIRE(reply.value().councils.size() == 1u);
    BOOST_TEST(reply.value().councils[0].member_count == 16);
    BOOST_TEST(server.client().Get("/api/me", bearer(reply.value().token))->status == 200);

    auto token = server.login("qian_duoduo", kPassword);
    auto issues = server.client().Get("/api/councils/1/issues", bearer(token));
    BOOST_REQUIRE(issues);
    BOOST_TEST(issues->status == 200);
    BOOST_TEST(decode_issue_list(issues->body).value().council.name == "春晖社区居民议事会");
}

BOOST_AUTO_TEST_CASE(code_is_accepted_in_lower_case_without_hyphen_or_with_spaces) {
    TestServer server(seeded_db());
    auto convenor = server.login("demo01");
    auto plain = *normalize_invite_code(invite(server, convenor).code);
    std::string lower = plain;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    BOOST_TEST(register_with(server, lower, "lower_case")->status == 201);
    auto spaced = *normalize_invite_code(invite(server, convenor).code);
    spaced.insert(5, " ");
    BOOST_TEST(register_with(server, " " + spaced + " ", "with_spaces")->status == 201);
}

BOOST_AUTO_TEST_CASE(an_invite_code_registers_only_once) {
    TestServer server(seeded_db());
    Invite inv = invite(server, server.login("demo01"));
    BOOST_TEST(register_with(server, inv.code, "first_one")->status == 201);
    std::string before = snapshot(server.db());
    auto again = register_with(server, inv.code, "second_one");
    BOOST_REQUIRE(again);
    BOOST_TEST(again->status == 410);
    BOOST_TEST(error_of(again).code == "invite_used");
    BOOST_TEST(error_of(again).message == "该邀请码已经使用过，请向社区申请新的邀请码");
    BOOST_TEST(snapshot(server.db()) == before);
    BOOST_TEST(!server.store().credentials("second_one").has_value());
}

BOOST_AUTO_TEST_CASE(concurrent_registrations_with_one_code_create_one_member) {
    TestServer server(seeded_db());
    Invite inv = invite(server, server.login("demo01"));
    std::vector<std::future<int>> attempts;
    for (int i = 0; i < 6; ++i)
        attempts.push_back(std::async(std::launch::async, [&, i] {
            auto r = register_with(server, inv.code, "racer_" + std::to_string(i));
            return r ? r->status : 0;
        }));
    int created = 0;
    for (auto& a : attempts) {
        int status = a.get();
        BOOST_TEST((status == 201 || status == 410 || status == 429));
        created += status == 201;
    }
    BOOST_TEST(created == 1);
    BOOST_TEST(server.store().council(kCouncil)->member_count == 16);
}

BOOST_AUTO_TEST_CASE(an_expired_code_is_refused_with_410_and_changes_nothing) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    TestServer server(seeded_db(), options);
    Invite inv = invite(server, server.login("demo01"));
    shift.seconds = options.invite_lifetime_seconds;  // the moment it expires
    std::string before = snapshot(server.db());
    auto r = register_with(server, inv.code, "too_late");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 410);
    BOOST_TEST(error_of(r).code == "invite_expired");
    BOOST_TEST(error_of(r).message == "该邀请码已过期，请向社区申请新的邀请码");
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(a_code_still_registers_just_before_it_expires) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    TestServer server(seeded_db(), options);
    Invite inv = invite(server, server.login("demo01"));
    shift.seconds = options.invite_lifetime_seconds - 2;  // the clock may tick once in between
    BOOST_TEST(register_with(server, inv.code, "just_in_time")->status == 201);
}

BOOST_AUTO_TEST_CASE(a_resident_cannot_create_invites) {
    TestServer server(seeded_db());
    std::string before = snapshot(server.db());
    auto r = server.client().Post("/api/invites", bearer(server.login("demo02")),
                                  encode(NewInviteRequest{"钱多多", kCouncil}), kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 403);
    BOOST_TEST(error_of(r).code == "invite_not_allowed");
    BOOST_TEST(error_of(r).message == "只有召集人或管理员可以发放邀请码");
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(an_admin_outside_the_council_may_invite_to_it) {
    TestServer server(seeded_db());
    // The demo's platform administrator holds no seat in the council.
    BOOST_REQUIRE(!server.store().is_member(kCouncil, kAdmin));
    Invite inv = invite(server, server.token_for(kAdmin));
    BOOST_TEST(register_with(server, inv.code, "by_admin")->status == 201);
}

BOOST_AUTO_TEST_CASE(a_convenor_outside_the_council_may_not_invite_to_it) {
    TestServer server(seeded_db());
    server::PasswordHasher hasher;
    Id other = server.store().add_member({"other_convenor", "别处召集人", "convenor",
                                          hasher.hash("other2026")});
    auto r = server.client().Post("/api/invites", bearer(server.token_for(other)),
                                  encode(NewInviteRequest{"钱多多", kCouncil}), kJson);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 403);
    BOOST_TEST(error_of(r).code == "forbidden");
}

BOOST_AUTO_TEST_CASE(each_bad_invite_request_gets_a_4xx_and_changes_nothing) {
    TestServer server(seeded_db());
    auto convenor = server.login("demo01");
    std::string before = snapshot(server.db());
    struct Case {
        const char* rule;
        std::string body;
        bool authorised;
        int status;
        std::string code, field;
    };
    const std::vector<Case> cases = {
        {"no token", R"({"name":"钱多多","council_id":1})", false, 401, "unauthorized", ""},
        {"not json", "name=钱多多", true, 400, "bad_json", ""},
        {"missing name", R"({"council_id":1})", true, 400, "missing_field", "name"},
        {"missing council", R"({"name":"钱多多"})", true, 400, "missing_field", "council_id"},
        {"council as text", R"({"name":"钱多多","council_id":"1"})", true, 400, "wrong_type", "council_id"},
        {"council as a fraction", R"({"name":"钱多多","council_id":1.5})", true, 400, "wrong_type", "council_id"},
        {"negative council", R"({"name":"钱多多","council_id":-1})", true, 400, "bad_id", "council_id"},
        {"huge council", R"({"name":"钱多多","council_id":18446744073709551615})", true, 400, "bad_id", "council_id"},
        {"unknown council", R"({"name":"钱多多","council_id":99})", true, 404, "not_found", "council_id"},
        {"blank name", R"({"name":"　 ","council_id":1})", true, 400, "empty_text", "name"},
        {"name of 33 characters", Json{{"name", repeat("钱", 33)}, {"council_id", 1}}.dump(), true,
         400, "too_long", "name"},
        {"invalid UTF-8 name", "{\"name\":\"\xe9\x92\",\"council_id\":1}", true, 400, "bad_utf8", ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.rule) {
            httplib::Headers headers = c.authorised ? bearer(convenor) : httplib::Headers{};
            auto r = server.client().Post("/api/invites", headers, c.body, kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
            BOOST_TEST(!e.message.empty());
        }
    }
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(each_bad_registration_gets_a_4xx_and_changes_nothing) {
    TestServer server(seeded_db());
    std::string code = invite(server, server.login("demo01")).code;
    std::string before = snapshot(server.db());
    auto reg = [](const Json& code_, const Json& login, const Json& password) {
        return Json{{"code", code_}, {"login", login}, {"password", password}}.dump();
    };
    struct Case {
        const char* rule;
        std::string body;
        int status;
        std::string code, field;
    };
    const std::vector<Case> cases = {
        {"not json", "code=x", 400, "bad_json", ""},
        {"empty body", "", 400, "bad_json", ""},
        {"missing code", R"({"login":"newbie","password":"chunhui2026"})", 400, "missing_field", "code"},
        {"missing login", Json{{"code", code}, {"password", kPassword}}.dump(), 400, "missing_field", "login"},
        {"missing password", Json{{"code", code}, {"login", "newbie"}}.dump(), 400, "missing_field", "password"},
        {"password as a number", reg(code, "newbie", 12345678), 400, "wrong_type", "password"},
        {"password of 7 characters", reg(code, "newbie", "chunhui"), 400, "bad_password", "password"},
        {"password of 129 characters", reg(code, "newbie", std::string(129, 'p')), 400, "bad_password", "password"},
        {"login of 2 characters", reg(code, "ab", kPassword), 400, "bad_login", "login"},
        {"login of 33 characters", reg(code, std::string(33, 'a'), kPassword), 400, "bad_login", "login"},
        {"login with upper case", reg(code, "NewBie", kPassword), 400, "bad_login", "login"},
        {"login with a hyphen", reg(code, "new-bie", kPassword), 400, "bad_login", "login"},
        {"login in Chinese", reg(code, "钱多多", kPassword), 400, "bad_login", "login"},
        {"login already taken", reg(code, "demo02", kPassword), 409, "login_taken", "login"},
        {"invalid UTF-8 password", "{\"code\":\"" + code + "\",\"login\":\"newbie\",\"password\":\"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\"}",
         400, "bad_utf8", ""},
        {"code of the wrong length", reg("ABCDE", "newbie", kPassword), 400, "invite_invalid", "code"},
        {"code with a look-alike letter", reg("ABCDE-FGHJ0", "newbie", kPassword), 400, "invite_invalid", "code"},
        {"well-formed unknown code", reg("22222-22222", "newbie", kPassword), 400, "invite_invalid", "code"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.rule) {
            auto r = server.client().Post("/api/register", c.body, kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
            BOOST_TEST(!e.message.empty());
        }
    }
    BOOST_TEST(snapshot(server.db()) == before);
    // The code was not spent by any of these.
    BOOST_TEST(register_with(server, code, "newbie")->status == 201);
}

BOOST_AUTO_TEST_CASE(guessing_codes_from_one_address_waits_longer_after_each_failure) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    options.throttle.free_failures_per_login = 3;
    TestServer server(seeded_db(), options);
    std::string code = invite(server, server.login("demo01")).code;
    auto before = snapshot(server.db());
    for (const char* guess : {"22222-22222", "33333-33333", "44444-44444"})
        BOOST_TEST(register_with(server, guess, "guesser")->status == 400);
    // Even the right code waits now: the throttle comes first.
    auto r = register_with(server, code, "guesser");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 429);
    BOOST_TEST(error_of(r).code == "rate_limited");
    BOOST_TEST(error_of(r).message == "尝试次数过多，请 1 秒后再试");
    BOOST_TEST(r->get_header_value("Retry-After") == "1");
    BOOST_TEST(snapshot(server.db()) == before);
    // Waiting is enough; no hard lock.
    shift.seconds += 2;
    BOOST_TEST(register_with(server, code, "guesser")->status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
