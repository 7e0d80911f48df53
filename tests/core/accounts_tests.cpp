// Account rules: logins, passwords (counted in characters), invite codes as people type them,
// who may issue invites, and the register request's decoding.
#include <boost/test/unit_test.hpp>

#include "yishi/accounts.hpp"
#include "yishi/messages.hpp"

using namespace yishi;

namespace {
std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}
Member with_role(const std::string& role) {
    Member m;
    m.id = 1;
    m.role = role;
    return m;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(accounts)

BOOST_AUTO_TEST_CASE(login_is_3_to_32_lowercase_letters_digits_or_underscores) {
    BOOST_TEST(!check_login("abc").has_value());
    BOOST_TEST(!check_login(std::string(32, 'z')).has_value());
    BOOST_TEST(!check_login("qian_duoduo_1958").has_value());
    for (std::string bad : {std::string("ab"), std::string(33, 'a'), std::string("Qian"),
                            std::string("qian-duo"), std::string("qian duo"), std::string("钱多多"),
                            std::string("qian.duo"), std::string("")}) {
        BOOST_TEST_CONTEXT(bad) {
            auto e = check_login(bad);
            BOOST_REQUIRE(e.has_value());
            BOOST_TEST(e->code == "bad_login");
            BOOST_TEST(e->status == 400);
        }
    }
}

BOOST_AUTO_TEST_CASE(password_is_8_to_128_characters_not_bytes) {
    BOOST_TEST(!check_password("12345678").has_value());
    BOOST_TEST(check_password("1234567")->code == "bad_password");
    BOOST_TEST(!check_password(std::string(128, 'p')).has_value());
    BOOST_TEST(check_password(std::string(129, 'p'))->code == "bad_password");
    // Seven Chinese characters are 21 bytes but only 7 characters: too short.
    BOOST_TEST(check_password(repeat("议", 7))->code == "bad_password");
    BOOST_TEST(!check_password(repeat("议", 8)).has_value());
    BOOST_TEST(!check_password(repeat("议", 128)).has_value());
}

BOOST_AUTO_TEST_CASE(invite_code_ignores_case_spaces_and_hyphens_and_refuses_look_alikes) {
    BOOST_TEST(*normalize_invite_code("ABCDE-FGHJK") == "ABCDEFGHJK");
    BOOST_TEST(*normalize_invite_code(" abcde fghjk ") == "ABCDEFGHJK");
    BOOST_TEST(*normalize_invite_code("abcdefghjk") == "ABCDEFGHJK");
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJ").has_value());     // 9
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJKL").has_value());   // 11
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJ0").has_value());    // 0 is not in the alphabet
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJO").has_value());    // nor O
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJ1").has_value());    // nor 1
    BOOST_TEST(!normalize_invite_code("ABCDE-FGHJI").has_value());    // nor I
    BOOST_TEST(!normalize_invite_code("ABCDE\xef\xbc\x8d" "FGHJK").has_value());  // full-width hyphen
    BOOST_TEST(format_invite_code("ABCDEFGHJK") == "ABCDE-FGHJK");
    BOOST_TEST(kInviteAlphabet.size() == 32u);
}

BOOST_AUTO_TEST_CASE(only_a_convenor_of_the_council_or_an_admin_may_issue_invites) {
    BOOST_TEST(!check_issue_invite(with_role("convenor"), true).has_value());
    BOOST_TEST(!check_issue_invite(with_role("party_committee"), true).has_value());
    BOOST_TEST(!check_issue_invite(with_role("admin"), false).has_value());
    BOOST_TEST(check_issue_invite(with_role("convenor"), false)->code == "forbidden");
    for (const char* role : {"resident", "council_member", "grid_worker", "department", "cppcc_member", ""})
        BOOST_TEST(check_issue_invite(with_role(role), true)->code == "invite_not_allowed");
}

BOOST_AUTO_TEST_CASE(register_request_normalizes_the_code_and_trims_the_login) {
    auto r = decode_register_request(R"({"code":"abcde fghjk","login":" qian_duoduo ","password":" pass word "})");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().code == "ABCDEFGHJK");
    BOOST_TEST(r.value().login == "qian_duoduo");
    BOOST_TEST(r.value().password == " pass word ");  // taken as typed
    auto bad = decode_register_request(R"({"code":"ABCDE-FGHJ0","login":"qian","password":"12345678"})");
    BOOST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.error().code == "invite_invalid");
    BOOST_TEST(bad.error().field == "code");
}

BOOST_AUTO_TEST_CASE(invite_request_needs_a_name_and_a_positive_integer_council) {
    auto ok = decode_new_invite_request(R"({"name":" 钱多多 ","council_id":1})");
    BOOST_REQUIRE(ok.ok());
    BOOST_TEST(ok.value().name == "钱多多");
    BOOST_TEST(ok.value().council_id == 1);
    BOOST_TEST(decode_new_invite_request(R"({"name":"钱多多","council_id":0})").error().code == "bad_id");
    BOOST_TEST(decode_new_invite_request(R"({"name":"钱多多","council_id":true})").error().code == "wrong_type");
    BOOST_TEST(decode_new_invite_request(Json{{"name", repeat("钱", 32)}, {"council_id", 1}}.dump()).ok());
    BOOST_TEST(decode_new_invite_request(Json{{"name", repeat("钱", 33)}, {"council_id", 1}}.dump())
                   .error().code == "too_long");
}

BOOST_AUTO_TEST_CASE(invite_reply_round_trips) {
    Invite in{"ABCDE-FGHJK", "钱多多", 1, 1796558714};
    auto out = decode_invite(encode(in));
    BOOST_REQUIRE(out.ok());
    BOOST_TEST(out.value().code == in.code);
    BOOST_TEST(out.value().name == in.name);
    BOOST_TEST(out.value().council_id == in.council_id);
    BOOST_TEST(out.value().expires_at == in.expires_at);
}

BOOST_AUTO_TEST_SUITE_END()
