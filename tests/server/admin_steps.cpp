// Steps shared by the administration tests.
#include "admin_steps.hpp"

#include <iconv.h>

#include <boost/test/unit_test.hpp>

#include "yishi/accounts.hpp"

namespace yishi::test {

std::string admin_snapshot(const std::filesystem::path& db) {
    return dump_tables(db, {"streets", "communities", "departments", "grids", "councils",
                            "households", "members", "council_members", "admin_scopes",
                            "account_codes", "setup", "audit_log", "invites"});
}

std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    BOOST_REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
    char* src = in.data();
    char* dst = out.data();
    std::size_t left = in.size(), room = out.size();
    BOOST_REQUIRE(iconv(cd, &src, &left, &dst, &room) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - room);
    return out;
}

AdminWorld::AdminWorld(ServiceOptions options) : server(fresh_db_path(), options) {
    auto code = normalize_invite_code(kSetupCode);
    BOOST_REQUIRE(server.store().offer_setup(server::sha256_hex(*code), server::system_now()));
    Json reply = expect(201, "/api/setup", "",
                        Json{{"code", kSetupCode}, {"login", "zhou"}, {"name", "周主任"},
                             {"password", kPassword}, {"street", "东湖街道"},
                             {"community", "春晖社区"}});
    admin = reply["token"].get<std::string>();
    street = reply["street_id"].get<Id>();
    community = reply["community_id"].get<Id>();
}

httplib::Result AdminWorld::post(const std::string& path, const std::string& token,
                                 const Json& body) {
    auto headers = token.empty() ? httplib::Headers{} : bearer(token);
    return server.client().Post(path, headers, body.dump(), kJson);
}

httplib::Result AdminWorld::get(const std::string& path, const std::string& token) {
    return server.client().Get(path, bearer(token));
}

Json AdminWorld::expect(int status, const std::string& path, const std::string& token,
                        const Json& body) {
    auto r = post(path, token, body);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == status, path << " answered " << r->status << ": " << r->body);
    return Json::parse(r->body);
}

std::string AdminWorld::staff(const std::string& role, const std::string& place_field, Id place,
                              const std::string& login, const std::string& name) {
    Json made = expect(201, "/api/admin/staff", admin,
                       Json{{"role", role}, {"name", name}, {place_field, place}});
    return activate(made["code"].get<std::string>(), login)["token"].get<std::string>();
}

Json AdminWorld::activate(const std::string& code, const std::string& login,
                          const std::string& password) {
    return expect(201, "/api/register", "",
                  Json{{"code", code}, {"login", login}, {"password", password}});
}

}  // namespace yishi::test
