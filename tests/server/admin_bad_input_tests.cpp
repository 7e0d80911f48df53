// Every administrative endpoint refuses bad input with a 4xx and a Chinese message, and the
// database is unchanged afterwards: wrong roles, other streets' and communities' ids, missing and
// mistyped fields, overlong text, control and bidi characters, huge numbers, bad CSV files.
#include <boost/test/unit_test.hpp>

#include <map>

#include "admin_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

// One refused request: who sends it, where, what, and the refusal expected.
struct Case {
    std::string what;
    std::string who;  // "admin", "street", "community", "resident", "none"
    std::string method;
    std::string path;
    std::string body;
    int status;
    std::string code;
    std::string content_type = "application/json";
};

// The world every case runs against: two streets, a community in each, a council, a grid, an
// activated resident and a pending one, a street and a community administrator.
struct World {
    AdminWorld w;
    Id other_street = 0, other_community = 0, council = 0, other_council = 0, grid = 0;
    Id resident = 0, pending = 0, other_member = 0;
    std::map<std::string, std::string> tokens;

    World() {
        other_street = w.expect(201, "/api/admin/streets", w.admin, Json{{"name", "西湖街道"}})["id"];
        other_community = w.expect(201, "/api/admin/communities", w.admin,
                                   Json{{"street_id", other_street}, {"name", "西湖社区"}})["id"];
        council = w.expect(201, "/api/admin/councils", w.admin,
                           Json{{"community_id", w.community}, {"name", "春晖居民议事会"},
                                {"kind", "residents_council"}})["id"];
        other_council = w.expect(201, "/api/admin/councils", w.admin,
                                 Json{{"community_id", other_community}, {"name", "西湖议事会"},
                                      {"kind", "residents_meeting"}})["id"];
        grid = w.expect(201, "/api/admin/grids", w.admin,
                        Json{{"community_id", w.community}, {"name", "第一网格"}})["id"];
        tokens["admin"] = w.admin;
        tokens["street"] = w.staff("street_admin", "street_id", other_street, "xh_street");
        tokens["community"] = w.staff("community_admin", "community_id", w.community, "ch_admin");
        Json made = w.expect(201, "/api/admin/staff", w.admin,
                             Json{{"role", "party_committee"}, {"name", "赵书记"}, {"council_id", council}});
        resident = made["member_id"];
        tokens["resident"] = w.activate(made["code"], "zhao_sj")["token"];
        pending = w.expect(201, "/api/admin/staff", w.admin,
                           Json{{"role", "grid_worker"}, {"name", "孙网格"}, {"grid_id", grid}})["member_id"];
        Json other = w.expect(201, "/api/admin/staff", w.admin,
                              Json{{"role", "party_committee"}, {"name", "钱书记"}, {"council_id", other_council}});
        other_member = other["member_id"];
        w.activate(other["code"], "qian_sj");
    }

    void run(const Case& c) {
        BOOST_TEST_CONTEXT(c.what) {
            std::string before = admin_snapshot(w.server.db());
            httplib::Headers h;
            if (c.who != "none") h = bearer(tokens.at(c.who));
            auto r = c.method == "GET" ? w.server.client().Get(c.path, h)
                                       : w.server.client().Post(c.path, h, c.body, c.content_type);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            Error e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(has_chinese(e.message));
            BOOST_TEST(admin_snapshot(w.server.db()) == before);
        }
    }
};

std::string id(Id v) { return std::to_string(v); }
}  // namespace

BOOST_AUTO_TEST_SUITE(administration_bad_input)

BOOST_AUTO_TEST_CASE(the_tree_refuses_bad_requests_and_changes_nothing) {
    World x;
    const std::string huge = "123456789012345678901234567890";
    std::vector<Case> cases = {
        {"a resident creates a street", "resident", "POST", "/api/admin/streets", R"({"name":"新街道"})", 403, "not_admin"},
        {"nobody logged in", "none", "POST", "/api/admin/streets", R"({"name":"新街道"})", 401, "unauthorized"},
        {"a community admin creates a street", "community", "POST", "/api/admin/streets", R"({"name":"新街道"})", 403, "outside_scope"},
        {"a street admin creates a street", "street", "POST", "/api/admin/streets", R"({"name":"新街道"})", 403, "outside_scope"},
        {"missing name", "admin", "POST", "/api/admin/streets", R"({})", 400, "missing_field"},
        {"name is a number", "admin", "POST", "/api/admin/streets", R"({"name":7})", 400, "wrong_type"},
        {"empty name", "admin", "POST", "/api/admin/streets", R"({"name":"  "})", 400, "empty_text"},
        {"overlong name", "admin", "POST", "/api/admin/streets", Json{{"name", std::string(41 * 3, 'a')}}.dump(), 400, "too_long"},
        {"control character", "admin", "POST", "/api/admin/streets", Json{{"name", "东\x07湖"}}.dump(), 400, "bad_character"},
        {"bidi override", "admin", "POST", "/api/admin/streets", Json{{"name", "东\u202E湖"}}.dump(), 400, "bad_character"},
        {"name taken", "admin", "POST", "/api/admin/streets", Json{{"name", "东湖街道"}}.dump(), 409, "name_taken"},
        {"not JSON", "admin", "POST", "/api/admin/streets", "name=x", 400, "bad_json"},
        {"other street's community", "street", "POST", "/api/admin/communities", Json{{"street_id", x.w.street}, {"name", "越界社区"}}.dump(), 403, "outside_scope"},
        {"huge street id", "admin", "POST", "/api/admin/communities", R"({"street_id":)" + huge + R"(,"name":"x"})", 400, "wrong_type"},
        {"street id as text", "admin", "POST", "/api/admin/communities", R"({"street_id":"1","name":"x"})", 400, "wrong_type"},
        {"no such street", "admin", "POST", "/api/admin/communities", R"({"street_id":999,"name":"x"})", 404, "not_found"},
        {"negative street id", "admin", "POST", "/api/admin/departments", R"({"street_id":-1,"name":"x"})", 400, "bad_id"},
        {"department elsewhere", "community", "POST", "/api/admin/departments", Json{{"street_id", x.w.street}, {"name", "城管"}}.dump(), 403, "outside_scope"},
        {"council in another community", "community", "POST", "/api/admin/councils", Json{{"community_id", x.other_community}, {"name", "x"}, {"kind", "residents_council"}}.dump(), 403, "outside_scope"},
        {"unknown council kind", "admin", "POST", "/api/admin/councils", Json{{"community_id", x.w.community}, {"name", "x"}, {"kind", "parliament"}}.dump(), 400, "bad_kind"},
        {"council kind missing", "admin", "POST", "/api/admin/councils", Json{{"community_id", x.w.community}, {"name", "x"}}.dump(), 400, "missing_field"},
        {"grid in another community", "community", "POST", "/api/admin/grids", Json{{"community_id", x.other_community}, {"name", "x"}}.dump(), 403, "outside_scope"},
        {"grid name taken", "admin", "POST", "/api/admin/grids", Json{{"community_id", x.w.community}, {"name", "第一网格"}}.dump(), 409, "name_taken"},
        {"a resident reads the tree", "resident", "GET", "/api/admin/tree", "", 403, "not_admin"},
        {"setup again", "none", "POST", "/api/setup", Json{{"code", "ABCDE-FGHJK"}, {"login", "again"}, {"name", "x"}, {"password", "longenough1"}, {"street", "x"}, {"community", "y"}}.dump(), 409, "setup_done"},
    };
    for (const auto& c : cases) x.run(c);
}

BOOST_AUTO_TEST_CASE(staff_and_members_refuse_bad_requests_and_change_nothing) {
    World x;
    const std::string m = "/api/admin/members/";
    std::vector<Case> cases = {
        {"resident creates staff", "resident", "POST", "/api/admin/staff", Json{{"role", "grid_worker"}, {"name", "x"}, {"grid_id", x.grid}}.dump(), 403, "not_admin"},
        {"unknown staff role", "admin", "POST", "/api/admin/staff", Json{{"role", "mayor"}, {"name", "x"}, {"street_id", x.w.street}}.dump(), 400, "bad_role"},
        {"place missing", "admin", "POST", "/api/admin/staff", Json{{"role", "grid_worker"}, {"name", "x"}}.dump(), 400, "missing_field"},
        {"place of another community", "community", "POST", "/api/admin/staff", Json{{"role", "party_committee"}, {"name", "x"}, {"council_id", x.other_council}}.dump(), 403, "outside_scope"},
        {"community admin makes a street admin", "community", "POST", "/api/admin/staff", Json{{"role", "street_admin"}, {"name", "x"}, {"street_id", x.w.street}}.dump(), 403, "outside_scope"},
        {"overlong staff name", "admin", "POST", "/api/admin/staff", Json{{"role", "grid_worker"}, {"name", std::string(33 * 3, 'a')}, {"grid_id", x.grid}}.dump(), 400, "too_long"},
        {"no such grid", "admin", "POST", "/api/admin/staff", Json{{"role", "grid_worker"}, {"name", "x"}, {"grid_id", 999}}.dump(), 404, "not_found"},
        {"role admin is not for a council", "admin", "POST", m + id(x.resident) + "/role", R"({"role":"admin"})", 400, "bad_role"},
        {"role of another community's member", "community", "POST", m + id(x.other_member) + "/role", R"({"role":"convenor"})", 403, "outside_scope"},
        {"seat in another community's council", "admin", "POST", m + id(x.resident) + "/role", Json{{"role", "convenor"}, {"council_id", x.other_council}}.dump(), 403, "outside_scope"},
        {"member id not a number", "admin", "POST", m + "abc/role", R"({"role":"convenor"})", 400, "bad_id"},
        {"member id huge", "admin", "POST", m + "99999999999999999999999/role", R"({"role":"convenor"})", 400, "bad_id"},
        {"no such member", "admin", "POST", m + "9999/role", R"({"role":"convenor"})", 404, "not_found"},
        {"resident changes roles", "resident", "POST", m + id(x.resident) + "/role", R"({"role":"convenor"})", 403, "not_admin"},
        {"deactivation without reason", "admin", "POST", m + id(x.resident) + "/deactivate", R"({})", 400, "missing_field"},
        {"deactivation reason with bidi", "admin", "POST", m + id(x.resident) + "/deactivate", Json{{"reason", "搬走\u202E了"}}.dump(), 400, "bad_character"},
        {"deactivating elsewhere", "community", "POST", m + id(x.other_member) + "/deactivate", R"({"reason":"x"})", 403, "outside_scope"},
        {"reset code elsewhere", "community", "POST", m + id(x.other_member) + "/reset-code", "{}", 403, "outside_scope"},
        {"reset code before activation", "admin", "POST", m + id(x.pending) + "/reset-code", "{}", 400, "code_invalid"},
        {"reset with an unknown code", "none", "POST", "/api/password-reset", R"({"code":"ABCDE-FGHJK","password":"longenough1"})", 400, "code_invalid"},
        {"reset with a malformed code", "none", "POST", "/api/password-reset", R"({"code":"1","password":"longenough1"})", 400, "code_invalid"},
        {"members of another community", "community", "GET", "/api/admin/communities/" + id(x.other_community) + "/members", "", 403, "outside_scope"},
        {"members listed by a resident", "resident", "GET", "/api/admin/communities/" + id(x.w.community) + "/members", "", 403, "not_admin"},
        {"member search with a control character", "admin", "GET", "/api/admin/communities/" + id(x.w.community) + "/members?q=%07", "", 400, "bad_character"},
        {"invite sheet for another community", "community", "POST", "/api/admin/communities/" + id(x.other_community) + "/invite-sheet", "{}", 403, "outside_scope"},
        {"invite sheet ids not a list", "admin", "POST", "/api/admin/communities/" + id(x.w.community) + "/invite-sheet", R"({"member_ids":5})", 400, "wrong_type"},
        {"invite sheet for an activated member", "admin", "POST", "/api/admin/communities/" + id(x.w.community) + "/invite-sheet", Json{{"member_ids", {x.resident}}}.dump(), 409, "already_activated"},
    };
    for (const auto& c : cases) x.run(c);
}

BOOST_AUTO_TEST_CASE(roster_files_that_cannot_be_read_change_nothing) {
    World x;
    const std::string path = "/api/admin/communities/" + id(x.w.community) + "/roster";
    const std::string other = "/api/admin/communities/" + id(x.other_community) + "/roster";
    const std::string good = "姓名,楼栋\n王秀英,3栋\n";
    for (const std::string q : {"", "?confirm=1"}) {
        std::vector<Case> cases = {
            {"unterminated quote", "admin", "POST", path + q, "姓名,楼栋\n\"王秀英,3栋\n", 400, "bad_csv", "text/csv"},
            {"neither UTF-8 nor GB18030", "admin", "POST", path + q, std::string("\xff\xfe\xff\xfe\x80\x80", 6), 400, "bad_encoding", "text/csv"},
            {"no name column", "admin", "POST", path + q, "楼栋,单元\n3栋,2单元\n", 400, "missing_column", "text/csv"},
            {"empty file", "admin", "POST", path + q, "", 400, "bad_csv", "text/csv"},
            {"a file of 10 MB", "admin", "POST", path + q, std::string(10 * 1024 * 1024, 'a'), 413, "payload_too_large", "text/csv"},
            {"another community", "community", "POST", other + q, good, 403, "outside_scope", "text/csv"},
            {"a resident imports", "resident", "POST", path + q, good, 403, "not_admin", "text/csv"},
            {"council of another community", "admin", "POST", path + (q.empty() ? "?" : q + "&") + "council_id=" + id(x.other_council) + (q.empty() ? "&confirm=1" : ""), good, 403, "outside_scope", "text/csv"},
            {"council id not a number", "admin", "POST", path + "?council_id=x" + (q.empty() ? "" : "&confirm=1"), good, 400, "bad_id", "text/csv"},
        };
        for (const auto& c : cases) x.run(c);
    }
}

BOOST_AUTO_TEST_CASE(formula_like_cells_are_kept_as_plain_text) {
    World x;
    const std::string formula = "=cmd|' /C calc'!A0";
    std::string file = "姓名,楼栋,房号\n\"" + formula + "\",3栋,501\n@SUM(A1),+1,-2\n";
    auto r = x.w.server.client().Post("/api/admin/communities/" + id(x.w.community) + "/roster?confirm=1",
                                      bearer(x.w.admin), file, "text/csv");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 201);
    BOOST_TEST(query_int(x.w.server.db(), "SELECT COUNT(*) FROM members WHERE name = '=cmd|'' /C calc''!A0'") == 1);
    BOOST_TEST(query_int(x.w.server.db(), "SELECT COUNT(*) FROM members WHERE name = '@SUM(A1)' AND building = '+1'") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
