// Administration (管理) from an empty database: the one-time setup, the tree each level builds,
// staff activated by code, the roster imported, invite codes, resets and deactivation.
#include <boost/test/unit_test.hpp>

#include "admin_steps.hpp"
#include "yishi/accounts.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

const std::string kRoster =
    "序号,姓名,楼栋,单元,房号,网格,专有面积(㎡),手机号\r\n"
    "1,王秀英,3栋,2单元,501,第一网格,88.20,13800000001\r\n"
    "2,张伟,3栋,2单元,501,第一网格,88.20,\r\n"
    "3,,3栋,2单元,502,第一网格,90,\r\n"
    "4,刘洋,5栋,1单元,101,第二网格,不详,\r\n"
    "5,陈静,5栋,1单元,102,第二网格,76.5,\r\n";

Json roster_post(AdminWorld& w, const std::string& bytes, const std::string& query, int status,
                 const std::string& token = "") {
    auto r = w.server.client().Post(
        "/api/admin/communities/" + std::to_string(w.community) + "/roster" + query,
        bearer(token.empty() ? w.admin : token), bytes, "text/csv");
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == status, r->status << ": " << r->body);
    return Json::parse(r->body);
}

Id make_council(AdminWorld& w, const std::string& name = "春晖社区居民议事会") {
    return w.expect(201, "/api/admin/councils", w.admin,
                    Json{{"community_id", w.community}, {"name", name},
                         {"kind", "residents_council"}})["id"]
        .get<Id>();
}

std::vector<std::string> names_of(const Json& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r["name"].get<std::string>());
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(administration)

BOOST_AUTO_TEST_CASE(an_empty_database_is_set_up_once_with_its_code) {
    TestServer server(fresh_db_path());
    auto status = server.client().Get("/api/setup");
    BOOST_REQUIRE(status);
    BOOST_TEST(Json::parse(status->body)["needed"] == true);
    // Nobody can log in before setup: there is nobody.
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"admin","password":"whatever1"})", kJson)->status == 401);

    auto code = *normalize_invite_code(AdminWorld::kSetupCode);
    BOOST_REQUIRE(server.store().offer_setup(server::sha256_hex(code), server::system_now()));
    Json request{{"code", "ZZZZZ-ZZZZZ"}, {"login", "zhou"}, {"name", "周主任"},
                 {"password", "admin2026pw"}, {"street", "东湖街道"}, {"community", "春晖社区"}};
    std::string before = admin_snapshot(server.db());
    auto wrong = server.client().Post("/api/setup", request.dump(), kJson);
    BOOST_REQUIRE(wrong);
    BOOST_TEST(wrong->status == 403);
    BOOST_TEST(error_of(wrong).code == "setup_code_invalid");
    BOOST_TEST(admin_snapshot(server.db()) == before);

    request["code"] = "abcde fghjk";  // typed as people type it
    auto done = server.client().Post("/api/setup", request.dump(), kJson);
    BOOST_REQUIRE(done);
    BOOST_TEST(done->status == 201);
    Json reply = Json::parse(done->body);
    BOOST_TEST(reply["member"]["name"] == "周主任");
    BOOST_TEST(reply["admin"]["level"] == "platform");
    BOOST_TEST(Json::parse(server.client().Get("/api/setup")->body)["needed"] == false);

    request["login"] = "second";
    auto again = server.client().Post("/api/setup", request.dump(), kJson);
    BOOST_REQUIRE(again);
    BOOST_TEST(again->status == 409);
    BOOST_TEST(error_of(again).code == "setup_done");
    BOOST_TEST(!server.store().offer_setup("anything", server::system_now()));

    auto tree = server.client().Get("/api/admin/tree", bearer(reply["token"].get<std::string>()));
    Json t = Json::parse(tree->body);
    BOOST_TEST(t["streets"][0]["name"] == "东湖街道");
    BOOST_TEST(t["streets"][0]["communities"][0]["name"] == "春晖社区");
    // The setup code and the password are kept only as digests.
    std::string all = admin_snapshot(server.db());
    BOOST_TEST(all.find(code) == std::string::npos);
    BOOST_TEST(all.find("admin2026pw") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_level_creates_what_is_below_it_and_nothing_elsewhere) {
    AdminWorld w;
    Id street2 = w.expect(201, "/api/admin/streets", w.admin, Json{{"name", "西湖街道"}})["id"].get<Id>();
    Id other = w.expect(201, "/api/admin/communities", w.admin,
                        Json{{"street_id", street2}, {"name", "西湖社区"}})["id"].get<Id>();
    std::string street_admin = w.staff("street_admin", "street_id", w.street, "dh_street");
    std::string community_admin = w.staff("community_admin", "community_id", w.community, "ch_admin");

    // The street's administrator: communities and departments of their street only.
    Id third = w.expect(201, "/api/admin/communities", street_admin,
                        Json{{"street_id", w.street}, {"name", "朝阳社区"}})["id"].get<Id>();
    w.expect(201, "/api/admin/departments", street_admin,
             Json{{"street_id", w.street}, {"name", "住建局"}});
    std::string before = admin_snapshot(w.server.db());
    BOOST_TEST(w.expect(403, "/api/admin/communities", street_admin,
                        Json{{"street_id", street2}, {"name", "越界社区"}})["error"]["code"] ==
               "outside_scope");
    BOOST_TEST(w.expect(403, "/api/admin/streets", street_admin, Json{{"name", "新街道"}})["error"]["code"] ==
               "outside_scope");
    // The community's administrator: councils and grids of their community only.
    BOOST_TEST(w.expect(403, "/api/admin/councils", community_admin,
                        Json{{"community_id", third}, {"name", "朝阳议事会"}, {"kind", "residents_council"}})
                   ["error"]["code"] == "outside_scope");
    BOOST_TEST(w.expect(403, "/api/admin/communities", community_admin,
                        Json{{"street_id", w.street}, {"name", "又一个社区"}})["error"]["code"] ==
               "outside_scope");
    BOOST_TEST(admin_snapshot(w.server.db()) == before);

    Json council = w.expect(201, "/api/admin/councils", community_admin,
                            Json{{"community_id", w.community}, {"name", "春晖业主大会"},
                                 {"kind", "owners_assembly"}});
    BOOST_TEST(council["kind"] == "owners_assembly");
    // Its rules are the kind's legal preset: 业主大会 counts area and heads.
    CouncilRules rules = w.server.store().rules(council["id"].get<Id>());
    BOOST_TEST((rules.kind == CouncilKind::owners_assembly));
    BOOST_TEST((rules.quorum.base == QuorumBase::area_and_heads));
    BOOST_TEST(rules.pass.by_area);
    w.expect(201, "/api/admin/grids", community_admin, Json{{"community_id", w.community}, {"name", "第一网格"}});

    // Each sees the part of the tree their scope reaches.
    Json t = Json::parse(w.get("/api/admin/tree", community_admin)->body);
    BOOST_TEST(t["scope"]["level"] == "community");
    BOOST_REQUIRE(t["streets"].size() == 1u);
    BOOST_REQUIRE(t["streets"][0]["communities"].size() == 1u);
    BOOST_TEST(t["streets"][0]["communities"][0]["councils"][0]["name"] == "春晖业主大会");
    Json s = Json::parse(w.get("/api/admin/tree", street_admin)->body);
    BOOST_TEST(s["streets"].size() == 1u);
    BOOST_TEST(s["streets"][0]["communities"].size() == 2u);
    Json p = Json::parse(w.get("/api/admin/tree", w.admin)->body);
    BOOST_TEST(p["streets"].size() == 2u);
    BOOST_TEST(p["streets"][1]["communities"][0]["id"] == other);
}

BOOST_AUTO_TEST_CASE(a_gb18030_roster_is_previewed_then_written_in_one_go) {
    AdminWorld w;
    Id council = make_council(w);
    std::string file = to_gb18030(kRoster);
    std::string before = admin_snapshot(w.server.db());
    Json preview = roster_post(w, file, "?council_id=" + std::to_string(council), 200);
    BOOST_TEST(preview["written"] == false);
    BOOST_TEST((names_of(preview["accepted"]) == std::vector<std::string>{"王秀英", "张伟", "陈静"}));
    BOOST_REQUIRE(preview["refused"].size() == 2u);
    BOOST_TEST(preview["refused"][0]["line"] == 4);  // the nameless row
    BOOST_TEST(preview["refused"][1]["line"] == 5);  // 不详 is no area
    BOOST_TEST(preview["accepted"][0]["household"] == "3栋2单元501");
    BOOST_TEST(admin_snapshot(w.server.db()) == before);  // a preview writes nothing

    Json done = roster_post(w, file, "?council_id=" + std::to_string(council) + "&confirm=1", 201);
    BOOST_TEST(done["written"] == true);
    BOOST_TEST(done["members"] == 3);
    BOOST_TEST(done["households"] == 2);
    BOOST_TEST(done["grids"] == 2);
    auto list = w.get("/api/admin/communities/" + std::to_string(w.community) + "/members?grid=" +
                          httplib::detail::encode_query_param("第一网格"), w.admin);
    BOOST_REQUIRE(list);
    Json members = Json::parse(list->body)["members"];
    BOOST_TEST((names_of(members) == std::vector<std::string>{"张伟", "王秀英"}));
    BOOST_TEST(members[0]["activated"] == false);
    BOOST_TEST(members[0]["councils"][0] == council);
    // One household holds both: one vote per household counts them once.
    BOOST_TEST(query_int(w.server.db(), "SELECT COUNT(DISTINCT household_id) FROM members "
                                        "WHERE name IN ('王秀英', '张伟')") == 1);
}

BOOST_AUTO_TEST_CASE(residents_register_with_codes_from_the_invite_sheet_once_each) {
    AdminWorld w;
    Id council = make_council(w);
    roster_post(w, to_gb18030(kRoster), "?council_id=" + std::to_string(council) + "&confirm=1", 201);
    Json sheet = w.expect(200, "/api/admin/communities/" + std::to_string(w.community) +
                                   "/invite-sheet?format=json", w.admin, Json::object());
    BOOST_REQUIRE(sheet["slips"].size() == 3u);
    Json slip;
    for (const auto& s : sheet["slips"])
        if (s["name"] == "王秀英") slip = s;
    BOOST_REQUIRE(!slip.is_null());
    BOOST_TEST(slip["household"] == "3栋2单元501");
    std::string code = slip["code"].get<std::string>();
    BOOST_TEST(slip["link"].get<std::string>().find("/#/register/" + *normalize_invite_code(code)) !=
               std::string::npos);
    // Codes are kept only as digests.
    BOOST_TEST(admin_snapshot(w.server.db()).find(*normalize_invite_code(code)) == std::string::npos);

    Json reply = w.activate(code, "wang_xy", "xiuying2026");
    BOOST_TEST(reply["member"]["name"] == "王秀英");
    BOOST_REQUIRE(reply["councils"].size() == 1u);
    BOOST_TEST(reply["councils"][0]["id"] == council);
    BOOST_TEST(w.server.login("wang_xy", "xiuying2026").size() > 0u);

    std::string before = admin_snapshot(w.server.db());
    Json again = w.expect(410, "/api/register", "",
                          Json{{"code", code}, {"login", "wang_again"}, {"password", "xiuying2026"}});
    BOOST_TEST(again["error"]["code"] == "invite_used");
    BOOST_TEST(admin_snapshot(w.server.db()) == before);

    // A new sheet covers only those still without an account, with new codes; old ones end.
    Json second = w.expect(200, "/api/admin/communities/" + std::to_string(w.community) +
                                    "/invite-sheet?format=json", w.admin, Json::object());
    BOOST_TEST(second["slips"].size() == 2u);
    std::string old_code;
    for (const auto& s : sheet["slips"])
        if (s["name"] == "陈静") old_code = s["code"].get<std::string>();
    BOOST_TEST(w.expect(410, "/api/register", "",
                        Json{{"code", old_code}, {"login", "chen_j"}, {"password", "chenjing2026"}})
                   ["error"]["code"] == "invite_expired");
}

BOOST_AUTO_TEST_CASE(an_activation_code_expires_and_a_pdf_sheet_prints_every_slip) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    AdminWorld w(options);
    Json made = w.expect(201, "/api/admin/staff", w.admin,
                         Json{{"role", "community_admin"}, {"name", "李干事"}, {"community_id", w.community}});
    roster_post(w, kRoster, "?confirm=1", 201);  // UTF-8 this time
    auto pdf = w.server.client().Post("/api/admin/communities/" + std::to_string(w.community) +
                                          "/invite-sheet", bearer(w.admin), "{}", kJson);
    BOOST_REQUIRE(pdf);
    BOOST_TEST(pdf->status == 200);
    BOOST_TEST(pdf->get_header_value("Content-Type") == "application/pdf");
    BOOST_TEST(pdf->body.rfind("%PDF-", 0) == 0u);

    shift.seconds = kActivationCodeSeconds;
    std::string before = admin_snapshot(w.server.db());
    BOOST_TEST(w.expect(410, "/api/register", "",
                        Json{{"code", made["code"]}, {"login", "li_gs"}, {"password", "ligan2026x"}})
                   ["error"]["code"] == "invite_expired");
    BOOST_TEST(admin_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_CASE(a_reset_code_sets_a_new_password_once_and_ends_every_session) {
    ClockShift shift;
    ServiceOptions options;
    options.clock = shift.clock();
    AdminWorld w(options);
    Id council = make_council(w);
    Json made = w.expect(201, "/api/admin/staff", w.admin,
                         Json{{"role", "party_committee"}, {"name", "赵书记"}, {"council_id", council}});
    w.activate(made["code"].get<std::string>(), "zhao_sj", "zhaoshuji1");
    std::string first = w.server.login("zhao_sj", "zhaoshuji1");
    std::string second = w.server.login("zhao_sj", "zhaoshuji1");
    Id member = made["member_id"].get<Id>();

    Json reset = w.expect(201, "/api/admin/members/" + std::to_string(member) + "/reset-code",
                          w.admin, Json::object());
    BOOST_TEST(reset["expires_at"].get<std::int64_t>() - server::system_now() - shift.seconds >
               71 * 3600);
    w.expect(200, "/api/password-reset", "", Json{{"code", reset["code"]}, {"password", "newpass2026"}});
    BOOST_TEST(w.get("/api/me", first)->status == 401);
    BOOST_TEST(w.get("/api/me", second)->status == 401);
    BOOST_TEST(w.server.client().Post("/api/login", R"({"login":"zhao_sj","password":"zhaoshuji1"})", kJson)->status == 401);
    BOOST_TEST(w.server.login("zhao_sj", "newpass2026").size() > 0u);
    BOOST_TEST(w.expect(410, "/api/password-reset", "",
                        Json{{"code", reset["code"]}, {"password", "another2026"}})["error"]["code"] ==
               "code_used");

    Json late = w.expect(201, "/api/admin/members/" + std::to_string(member) + "/reset-code",
                         w.admin, Json::object());
    shift.seconds = shift.seconds + kResetCodeSeconds;
    std::string before = admin_snapshot(w.server.db());
    BOOST_TEST(w.expect(410, "/api/password-reset", "",
                        Json{{"code", late["code"]}, {"password", "another2026"}})["error"]["code"] ==
               "code_expired");
    BOOST_TEST(admin_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_CASE(a_deactivated_member_is_out_at_once_and_keeps_their_history) {
    AdminWorld w;
    Id council = make_council(w);
    Json made = w.expect(201, "/api/admin/staff", w.admin,
                         Json{{"role", "party_committee"}, {"name", "赵书记"}, {"council_id", council}});
    std::string token = w.activate(made["code"].get<std::string>(), "zhao_sj", "zhaoshuji1")["token"];
    Id member = made["member_id"].get<Id>();
    // They raise an issue: their history.
    auto raised = w.post("/api/councils/" + std::to_string(council) + "/issues", token,
                         Json{{"title", "楼道灯不亮"}, {"body", "3栋2单元楼道灯坏了一个月"}});
    BOOST_REQUIRE(raised);
    BOOST_TEST(raised->status == 201);

    Json role = w.expect(200, "/api/admin/members/" + std::to_string(member) + "/role", w.admin,
                         Json{{"role", "convenor"}, {"council_id", council}});
    BOOST_TEST(role["role"] == "convenor");
    Json off = w.expect(200, "/api/admin/members/" + std::to_string(member) + "/deactivate",
                        w.admin, Json{{"reason", "已搬离本社区"}});
    BOOST_TEST(off["active"] == false);
    BOOST_TEST(w.get("/api/me", token)->status == 401);
    auto login = w.server.client().Post("/api/login", R"({"login":"zhao_sj","password":"zhaoshuji1"})", kJson);
    BOOST_TEST(login->status == 403);
    BOOST_TEST(error_of(login).code == "member_inactive");
    BOOST_TEST(query_int(w.server.db(), "SELECT COUNT(*) FROM issues WHERE author_id = " +
                                            std::to_string(member)) == 1);
    // Not on the council's electorate any more.
    BOOST_TEST(w.server.store().electorate(council).empty());
    int role_changes = 0, deactivations = 0;
    for (const auto& e : all_audit_entries(w.server.store())) {
        role_changes += e.action == "member_role_changed";
        deactivations += e.action == "member_deactivated";
    }
    BOOST_TEST(role_changes == 1);
    BOOST_TEST(deactivations == 1);
    BOOST_TEST(w.expect(409, "/api/admin/members/" + std::to_string(member) + "/deactivate",
                        w.admin, Json{{"reason", "再次"}})["error"]["code"] == "already_inactive");
}

BOOST_AUTO_TEST_CASE(a_department_of_the_street_takes_a_seat_in_a_community_council) {
    AdminWorld w;
    Id council = make_council(w);
    Id department = w.expect(201, "/api/admin/departments", w.admin,
                             Json{{"street_id", w.street}, {"name", "住建局"}})["id"].get<Id>();
    Json made = w.expect(201, "/api/admin/staff", w.admin,
                         Json{{"role", "department"}, {"name", "住建局王科长"}, {"department_id", department}});
    w.activate(made["code"].get<std::string>(), "zhujian_wang");
    std::string community_admin = w.staff("community_admin", "community_id", w.community, "ch_admin");
    Id member = made["member_id"].get<Id>();
    Json seated = w.expect(200, "/api/admin/members/" + std::to_string(member) + "/role",
                           community_admin, Json{{"council_id", council}});
    BOOST_TEST(seated["role"] == "department");  // seated, still a department: no vote
    BOOST_TEST(seated["councils"][0] == council);
    BOOST_TEST(w.server.store().electorate(council).empty());
    // Its role is the street's to give, not the community's.
    BOOST_TEST(w.expect(403, "/api/admin/members/" + std::to_string(member) + "/role",
                        community_admin, Json{{"role", "convenor"}})["error"]["code"] == "outside_scope");
    // A department of another street takes no seat here.
    Id street2 = w.expect(201, "/api/admin/streets", w.admin, Json{{"name", "西湖街道"}})["id"].get<Id>();
    Id other_department = w.expect(201, "/api/admin/departments", w.admin,
                                   Json{{"street_id", street2}, {"name", "城管"}})["id"].get<Id>();
    Json other = w.expect(201, "/api/admin/staff", w.admin,
                          Json{{"role", "department"}, {"name", "城管李队"}, {"department_id", other_department}});
    BOOST_TEST(w.expect(403, "/api/admin/members/" + other["member_id"].dump() + "/role",
                        w.admin, Json{{"council_id", council}})["error"]["code"] == "outside_scope");
}

BOOST_AUTO_TEST_CASE(a_roster_of_five_thousand_residents_is_written_whole) {
    AdminWorld w;
    Id council = make_council(w, "春晖社区居民会议");
    std::string file = "姓名,楼栋,单元,房号,网格,专有面积(㎡)\n";
    for (int i = 0; i < 5000; ++i)
        file += "居民" + std::to_string(i) + "," + std::to_string(1 + i / 200) + "栋," +
                std::to_string(1 + (i / 50) % 4) + "单元," + std::to_string(101 + i % 50) +
                ",第" + std::to_string(1 + i / 1000) + "网格,8" + std::to_string(i % 10) + ".50\n";
    Json done = roster_post(w, to_gb18030(file), "?council_id=" + std::to_string(council) + "&confirm=1", 201);
    BOOST_TEST(done["members"] == 5000);
    BOOST_TEST(done["households"] == 5000);
    BOOST_TEST(done["grids"] == 5);
    BOOST_TEST(w.server.store().electorate(council).size() == 5000u);
    BOOST_TEST(query_int(w.server.db(), "SELECT SUM(floor_area) FROM members") ==
               500 * (8050 + 8150 + 8250 + 8350 + 8450 + 8550 + 8650 + 8750 + 8850 + 8950));
}

BOOST_AUTO_TEST_SUITE_END()
