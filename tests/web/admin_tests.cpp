// 管理 in the client: the first start, accounts by code, the tree and its forms, the roster
// import's preview, one-time codes and the invite sheet: the requests sent and replies kept.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/admin.hpp"

using namespace fixtures;

namespace {

// A tree of one street (1, 幸福街道) with one community (5, 幸福里社区): one council (7), one
// grid (3) and a department (11); a second street (2) with community 6.
const char* kTree = R"({"scope":{"level":"platform"},"streets":[
  {"id":1,"name":"幸福街道","departments":[{"id":11,"name":"街道城管科"}],
   "communities":[{"id":5,"name":"幸福里社区",
     "councils":[{"id":7,"name":"幸福里居民议事会","kind":"residents_council","member_count":0}],
     "grids":[{"id":3,"name":"第一网格"}]}]},
  {"id":2,"name":"和平街道","departments":[],
   "communities":[{"id":6,"name":"和平社区","councils":[],"grids":[{"id":4,"name":"第二网格"}]}]}]})";

// Logged in as an administrator whose login reply names the scope (`admin_json`), at `hash`.
struct AdminLoggedIn {
    ClientState state;
    std::vector<Request> followups;

    explicit AdminLoggedIn(const std::string& admin_json = R"({"level":"platform"})",
                           const std::string& hash = "#/admin") {
        auto boot = apply(state, Boot{hash, "", "zh-CN"});
        apply_response(state, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
        auto sent = apply(state, Login{"admin", "secret-pass"});
        LoginReply r;
        r.token = "tok-admin";
        r.member = Member{1, "admin", "赵主任", "admin"};
        auto body = Json::parse(encode(r));
        body["admin"] = Json::parse(admin_json);
        followups = apply_response(state, only(sent, RequestKind::login), 200, body.dump());
        state.url_update = UrlUpdate::none;
    }

    void load_tree() {
        for (const auto& r : followups)
            if (r.kind == RequestKind::admin_tree) apply_response(state, r, 200, kTree);
        followups.clear();
    }
};

std::string setup_reply() {
    LoginReply r;
    r.token = "tok-setup";
    r.member = Member{1, "zhaozr", "赵主任", "admin"};
    auto j = Json::parse(encode(r));
    j["street_id"] = 1;
    j["community_id"] = 5;
    return j.dump();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(admin)

BOOST_AUTO_TEST_CASE(links_carry_their_one_time_code_and_need_no_login) {
    Route setup = parse_hash("#/setup/K7QX2-ABCDE");
    BOOST_TEST((setup.page == Page::setup));
    BOOST_TEST(setup.code == "K7QX2-ABCDE");
    BOOST_TEST(to_hash(setup) == "#/setup/K7QX2-ABCDE");
    BOOST_TEST(parse_hash("#/register/ABCDE-FGHJK").code == "ABCDE-FGHJK");
    BOOST_TEST((parse_hash("#/reset") == Route{Page::reset_password}));
    BOOST_TEST(parse_hash("#/reset/<script>").code.empty());
    BOOST_TEST((parse_hash("#/community/5") == Route{Page::admin_community, 5}));
    BOOST_TEST(!requires_login(Page::setup));
    BOOST_TEST(!requires_login(Page::reset_password));
    BOOST_TEST(requires_login(Page::admin));
}

BOOST_AUTO_TEST_CASE(the_setup_link_asks_whether_setup_is_needed_and_says_when_it_is_done) {
    ClientState s;
    auto sent = apply(s, Boot{"#/setup/K7QX2-ABCDE", "", "zh-CN"});
    BOOST_TEST((s.route.page == Page::setup));
    BOOST_TEST(s.route.code == "K7QX2-ABCDE");
    const auto& status = only(sent, RequestKind::setup_status);
    BOOST_TEST(status.path == "/api/setup");
    BOOST_TEST(!s.admin.setup_needed.has_value());
    apply_response(s, status, 200, R"({"needed":false})");
    BOOST_REQUIRE(s.admin.setup_needed.has_value());
    BOOST_TEST(!*s.admin.setup_needed);
}

BOOST_AUTO_TEST_CASE(setup_with_two_different_passwords_is_refused_without_sending) {
    ClientState s;
    apply(s, Boot{"#/setup/K7QX2-ABCDE", "", "zh-CN"});
    s.strings.load(read_catalog("zh-CN"), "zh-CN");
    auto sent = yishi::client::apply(s, AdminIntent{Setup{"K7QX2-ABCDE", "zhaozr", "赵主任", "password-1",
                                           "password-2", "幸福街道", "幸福里社区"}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(s.shown(s.error) == "两次输入的密码不一致");
    BOOST_TEST(s.error_field == "password");
}

BOOST_AUTO_TEST_CASE(setup_posts_the_form_and_lands_logged_in_on_the_administration) {
    ClientState s;
    apply(s, Boot{"#/setup/K7QX2-ABCDE", "", "zh-CN"});
    s.strings.load(read_catalog("zh-CN"), "zh-CN");
    auto sent = yishi::client::apply(s, AdminIntent{Setup{" K7QX2-ABCDE ", "zhaozr", "赵主任", "password-1",
                                           "password-1", "幸福街道", "幸福里社区"}});
    const auto& r = only(sent, RequestKind::setup);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/setup");
    auto body = Json::parse(r.body);
    BOOST_TEST(body["code"] == "K7QX2-ABCDE");
    BOOST_TEST(body["login"] == "zhaozr");
    BOOST_TEST(body["street"] == "幸福街道");
    BOOST_TEST(body["community"] == "幸福里社区");
    BOOST_TEST(s.submitting);
    auto follow = apply_response(s, r, 201, setup_reply());
    BOOST_TEST(s.session.token == "tok-setup");
    BOOST_TEST((s.route == Route{Page::admin}));
    BOOST_TEST(s.shown(s.notice) == "初始设置已完成，您已作为平台管理员登录");
    // The reply names no scope: the administrator's comes from GET /api/me.
    BOOST_TEST(only(follow, RequestKind::me).path == "/api/me");
    BOOST_TEST(only(follow, RequestKind::admin_tree).path == "/api/admin/tree");
    auto me = Json::parse(setup_reply());
    me["admin"] = {{"level", "platform"}};
    apply_response(s, only(follow, RequestKind::me), 200, me.dump());
    BOOST_REQUIRE(s.session.admin.has_value());
    BOOST_TEST((s.session.admin->level == AdminLevel::platform));
}

BOOST_AUTO_TEST_CASE(a_refused_setup_code_is_shown_at_its_field_and_nobody_is_logged_in) {
    ClientState s;
    apply(s, Boot{"#/setup/WRONG", "", "zh-CN"});
    auto sent = yishi::client::apply(s, AdminIntent{Setup{"WRONG", "zhaozr", "赵主任", "password-1",
                                           "password-1", "幸福街道", "幸福里社区"}});
    apply_response(s, only(sent, RequestKind::setup), 403,
                   R"({"error":{"code":"setup_code_invalid","message":"初始设置码无效，请使用服务器启动时显示的链接","field":"code"}})");
    BOOST_TEST(!s.logged_in());
    BOOST_TEST((s.route.page == Page::setup));
    BOOST_TEST(s.shown(s.error) == "初始设置码无效，请使用服务器启动时显示的链接");
    BOOST_TEST(s.error_field == "code");
    BOOST_TEST(!s.submitting);
}

BOOST_AUTO_TEST_CASE(a_member_without_admin_has_no_scope_and_an_administrator_has_theirs) {
    LoggedIn resident;
    BOOST_TEST(!resident.state.session.admin.has_value());
    AdminLoggedIn admin(R"({"level":"street","id":1})");
    BOOST_REQUIRE(admin.state.session.admin.has_value());
    BOOST_TEST((admin.state.session.admin->level == AdminLevel::street));
    BOOST_TEST(admin.state.session.admin->id == 1);
    BOOST_TEST(!has(admin.followups, RequestKind::me));  // the login reply had it
    BOOST_TEST(only(admin.followups, RequestKind::admin_tree).path == "/api/admin/tree");
}

BOOST_AUTO_TEST_CASE(the_tree_reply_is_kept_with_its_streets_communities_and_councils) {
    AdminLoggedIn f;
    f.load_tree();
    const auto& tree = f.state.admin.tree;
    BOOST_TEST(f.state.admin.tree_loaded);
    BOOST_REQUIRE_EQUAL(tree.streets.size(), 2u);
    BOOST_TEST(tree.streets[0].departments.at(0).name == "街道城管科");
    Id street = 0;
    const auto* c = tree.find_community(5, &street);
    BOOST_REQUIRE(c);
    BOOST_TEST(street == 1);
    BOOST_TEST(c->councils.at(0).kind == "residents_council");
    BOOST_TEST(c->grids.at(0).name == "第一网格");
}

BOOST_AUTO_TEST_CASE(a_council_is_created_with_its_kind_and_the_tree_reloads) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = yishi::client::apply(f.state, AdminIntent{CreateUnit{"council", 5, " 幸福里业主大会 ", "owners_assembly"}});
    const auto& r = only(sent, RequestKind::admin_create);
    BOOST_TEST(r.path == "/api/admin/councils");
    auto body = Json::parse(r.body);
    BOOST_TEST(body["community_id"] == 5);
    BOOST_TEST(body["name"] == "幸福里业主大会");
    BOOST_TEST(body["kind"] == "owners_assembly");
    auto follow = apply_response(f.state, r, 201,
                                 R"({"id":8,"name":"幸福里业主大会","kind":"owners_assembly","community_id":5})");
    BOOST_TEST(f.state.shown(f.state.notice) == "议事机构已添加");
    BOOST_TEST(f.state.admin.created == 1u);
    BOOST_TEST(has(follow, RequestKind::admin_tree));
}

BOOST_AUTO_TEST_CASE(what_the_scope_does_not_reach_is_refused_without_sending) {
    AdminLoggedIn f(R"({"level":"community","id":5})");
    f.load_tree();
    auto sent = yishi::client::apply(f.state, AdminIntent{CreateUnit{"street", 0, "新街道", {}}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == "超出您的管理范围");
    sent = yishi::client::apply(f.state, AdminIntent{CreateUnit{"grid", 6, "第三网格", {}}});  // another street's
    BOOST_TEST(sent.empty());
    sent = yishi::client::apply(f.state, AdminIntent{CreateUnit{"grid", 5, "第三网格", {}}});
    BOOST_TEST(only(sent, RequestKind::admin_create).path == "/api/admin/grids");
}

BOOST_AUTO_TEST_CASE(staff_places_follow_the_scope) {
    AdminLoggedIn f(R"({"level":"community","id":5})");
    f.load_tree();
    const auto& tree = f.state.admin.tree;
    const auto& scope = f.state.session.admin;
    BOOST_TEST(staff_places(tree, scope, StaffKind::street_admin).empty());
    BOOST_TEST(staff_places(tree, scope, StaffKind::community_admin).empty());
    auto grids = staff_places(tree, scope, StaffKind::grid_worker);
    BOOST_REQUIRE_EQUAL(grids.size(), 1u);  // grid 3 only, not the other street's grid 4
    BOOST_TEST(grids[0].id == 3);
    BOOST_TEST(grids[0].name == "幸福里社区 · 第一网格");
    auto platform = staff_places(tree, std::optional<AdminScope>{AdminScope{AdminLevel::platform, 0}},
                                 StaffKind::street_admin);
    BOOST_TEST(platform.size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_activation_code_is_shown_once_and_gone_after_leaving_the_page) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = yishi::client::apply(f.state, AdminIntent{CreateStaff{"grid_worker", "孙网格", 3}});
    const auto& r = only(sent, RequestKind::staff);
    auto body = Json::parse(r.body);
    BOOST_TEST(body["role"] == "grid_worker");
    BOOST_TEST(body["grid_id"] == 3);
    apply_response(f.state, r, 201,
                   R"({"member_id":40,"name":"孙网格","role":"grid_worker","code":"ABCDE-FGHJK","expires_at":1900000000})");
    BOOST_REQUIRE(f.state.admin.code.has_value());
    BOOST_TEST(f.state.admin.code->code == "ABCDE-FGHJK");
    BOOST_TEST(f.state.admin.code->name == "孙网格");
    BOOST_TEST(f.state.admin.code->kind == "activation");
    apply(f.state, Navigate{Route{Page::settings}, false});
    BOOST_TEST(!f.state.admin.code.has_value());
    apply(f.state, Navigate{Route{Page::admin}, false});
    BOOST_TEST(!f.state.admin.code.has_value());
}

BOOST_AUTO_TEST_CASE(the_member_list_is_asked_with_its_filters_encoded) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = apply(f.state, Navigate{Route{Page::admin_community, 5}, false});
    BOOST_TEST(only(sent, RequestKind::admin_members).path == "/api/admin/communities/5/members");
    MemberFilter filter;
    filter.q = "王 秀";
    filter.building = "3栋";
    filter.active = "1";
    sent = yishi::client::apply(f.state, AdminIntent{LoadMembers{5, filter}});
    BOOST_TEST(only(sent, RequestKind::admin_members).path ==
               "/api/admin/communities/5/members?q=%E7%8E%8B%20%E7%A7%80&building=3%E6%A0%8B&active=1");
    apply_response(f.state, only(sent, RequestKind::admin_members), 200,
                   R"({"members":[{"id":21,"name":"王秀英","login":"","role":"resident","household":"3-1-201","building":"3栋","grid":"第一网格","active":true,"activated":false,"councils":[7]}]})");
    BOOST_REQUIRE_EQUAL(f.state.admin.members.size(), 1u);
    const auto& m = f.state.admin.members[0];
    BOOST_TEST(m.household == "3-1-201");
    BOOST_TEST(!m.activated);
    BOOST_TEST(m.councils == std::vector<Id>{7});
}

BOOST_AUTO_TEST_CASE(a_role_change_and_a_reset_code_concern_the_member_they_name) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = apply(f.state, Navigate{Route{Page::admin_community, 5}, false});
    apply_response(f.state, only(sent, RequestKind::admin_members), 200,
                   R"({"members":[{"id":21,"name":"王秀英","login":"wangxy","role":"resident","active":true,"activated":true,"councils":[7]}]})");
    sent = yishi::client::apply(f.state, AdminIntent{SetMemberRole{21, 7, "convenor"}});
    const auto& r = only(sent, RequestKind::member_change);
    BOOST_TEST(r.path == "/api/admin/members/21/role");
    BOOST_TEST(Json::parse(r.body) == (Json{{"council_id", 7}, {"role", "convenor"}}));
    apply_response(f.state, r, 200,
                   R"({"id":21,"name":"王秀英","login":"wangxy","role":"convenor","active":true,"activated":true,"councils":[7]})");
    BOOST_TEST(f.state.admin.members[0].role == "convenor");
    BOOST_TEST(f.state.shown(f.state.notice) == "角色已变更");

    sent = yishi::client::apply(f.state, AdminIntent{IssueResetCode{21, "王秀英"}});
    const auto& c = only(sent, RequestKind::reset_code);
    BOOST_TEST(c.path == "/api/admin/members/21/reset-code");
    apply_response(f.state, c, 201, R"({"code":"KLMNP-QRSTU","expires_at":1900000000})");
    BOOST_REQUIRE(f.state.admin.code.has_value());
    BOOST_TEST(f.state.admin.code->kind == "reset");
    BOOST_TEST(f.state.admin.code->name == "王秀英");
}

BOOST_AUTO_TEST_CASE(deactivation_needs_a_reason_and_the_server_s_refusal_is_kept) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = yishi::client::apply(f.state, AdminIntent{DeactivateMember{21, "  "}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == "理由不能为空");
    sent = yishi::client::apply(f.state, AdminIntent{DeactivateMember{21, "已迁出"}});
    const auto& r = only(sent, RequestKind::member_change);
    BOOST_TEST(r.path == "/api/admin/members/21/deactivate");
    apply_response(f.state, r, 403,
                   R"({"error":{"code":"outside_scope","message":"超出您的管理范围","field":""}})");
    BOOST_TEST(f.state.shown(f.state.error) == "超出您的管理范围");
    BOOST_TEST(!f.state.submitting);
}

BOOST_AUTO_TEST_CASE(a_roster_file_is_previewed_then_confirmed_once) {
    AdminLoggedIn f;
    f.load_tree();
    apply(f.state, Navigate{Route{Page::admin_community, 5}, false});
    auto sent = yishi::client::apply(f.state, AdminIntent{PickRosterFile{5, 7}});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.pick_file);  // the page opens its file chooser
    std::string csv = "\xd0\xd5\xc3\xfb,\xc2\xa5\xb6\xb0\n";  // 姓名,楼栋 in GB18030, as is
    sent = yishi::client::apply(f.state, AdminIntent{RosterFileChosen{"花名册.csv", csv}});
    const auto& preview = only(sent, RequestKind::roster);
    BOOST_TEST(preview.path == "/api/admin/communities/5/roster?council_id=7");
    BOOST_TEST(preview.content_type == "text/csv");
    BOOST_TEST(preview.body == csv);
    apply_response(f.state, preview, 200, R"({"accepted":[
        {"line":2,"name":"王秀英","building":"3","unit":"1","room":"201","household":"3-1-201","grid":"第一网格","floor_area":"89.50","phone":""},
        {"line":4,"name":"李建国","building":"3","unit":"1","room":"202","household":"3-1-202","grid":"第一网格","floor_area":"90.00","phone":""}],
        "refused":[{"line":3,"code":"missing_name","message":"姓名为空"}],"written":false})");
    const auto& r = f.state.admin.roster;
    BOOST_REQUIRE(r && r->preview);
    BOOST_TEST(r->preview->accepted.size() == 2u);
    BOOST_TEST(r->preview->refused.at(0).line == 3);
    BOOST_TEST(r->preview->refused.at(0).message == "姓名为空");
    BOOST_TEST(!r->preview->written);

    sent = yishi::client::apply(f.state, AdminIntent{ConfirmRoster{}});
    const auto& confirm = only(sent, RequestKind::roster);
    BOOST_TEST(confirm.path == "/api/admin/communities/5/roster?council_id=7&confirm=1");
    BOOST_TEST(confirm.body == csv);
    auto follow = apply_response(f.state, confirm, 201, R"({"accepted":[
        {"line":2,"name":"王秀英"},{"line":4,"name":"李建国"}],"refused":[{"line":3,"code":"missing_name","message":"姓名为空"}],"written":true})");
    BOOST_TEST(f.state.shown(f.state.notice) == "已导入 2 人");
    BOOST_TEST(f.state.admin.roster->preview->written);
    BOOST_TEST(has(follow, RequestKind::admin_members));  // the new members show
    BOOST_TEST(yishi::client::apply(f.state, AdminIntent{ConfirmRoster{}}).empty());  // written once
}

BOOST_AUTO_TEST_CASE(a_refused_roster_file_shows_the_reason_and_no_preview) {
    AdminLoggedIn f;
    f.load_tree();
    apply(f.state, Navigate{Route{Page::admin_community, 5}, false});
    yishi::client::apply(f.state, AdminIntent{PickRosterFile{5, 7}});
    auto sent = yishi::client::apply(f.state, AdminIntent{RosterFileChosen{"x.csv", "\xff\xfe"}});
    apply_response(f.state, only(sent, RequestKind::roster), 400,
                   R"({"error":{"code":"bad_encoding","message":"文件编码无法识别","field":"file"}})");
    BOOST_TEST(f.state.shown(f.state.error) == "文件编码无法识别");
    BOOST_TEST(!f.state.admin.roster->preview.has_value());
    BOOST_TEST(yishi::client::apply(f.state, AdminIntent{ConfirmRoster{}}).empty());
}

BOOST_AUTO_TEST_CASE(the_invite_sheet_is_saved_as_a_pdf_with_its_bytes_intact) {
    AdminLoggedIn f;
    f.load_tree();
    auto sent = yishi::client::apply(f.state, AdminIntent{DownloadInviteSheet{5}});
    const auto& r = only(sent, RequestKind::invite_sheet);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/admin/communities/5/invite-sheet");
    std::string pdf("%PDF-1.4\n\0\xff binary", 19);
    apply_response(f.state, r, 200, pdf);
    BOOST_REQUIRE(f.state.download.has_value());
    BOOST_TEST(f.state.download->filename == "邀请单.pdf");
    BOOST_TEST(f.state.download->mime == "application/pdf");
    BOOST_TEST(f.state.download->text == pdf);
}

BOOST_AUTO_TEST_CASE(a_password_reset_checks_the_passwords_then_leads_to_login) {
    ClientState s;
    apply(s, Boot{"#/reset/KLMNP-QRSTU", "", "zh-CN"});
    s.strings.load(read_catalog("zh-CN"), "zh-CN");
    BOOST_TEST(s.route.code == "KLMNP-QRSTU");
    BOOST_TEST(yishi::client::apply(s, AdminIntent{ResetPassword{"KLMNP-QRSTU", "new-pass-1", "new-pass-2"}}).empty());
    BOOST_TEST(s.shown(s.error) == "两次输入的密码不一致");
    auto sent = yishi::client::apply(s, AdminIntent{ResetPassword{"KLMNP-QRSTU", "new-pass-1", "new-pass-1"}});
    const auto& r = only(sent, RequestKind::password_reset);
    BOOST_TEST(r.path == "/api/password-reset");
    BOOST_TEST(Json::parse(r.body) == (Json{{"code", "KLMNP-QRSTU"}, {"password", "new-pass-1"}}));
    apply_response(s, r, 200, R"({"ok":true,"login":"wangxy"})");
    BOOST_TEST((s.route == Route{Page::login}));
    BOOST_TEST(s.shown(s.notice) == "密码已重设，请用新密码登录");
}

BOOST_AUTO_TEST_CASE(logging_out_forgets_the_tree_members_and_codes) {
    AdminLoggedIn f;
    f.load_tree();
    f.state.admin.code = OneTimeCode{"reset", "王秀英", 21, "KLMNP-QRSTU", 0};
    apply(f.state, Logout{});
    BOOST_TEST(!f.state.admin.tree_loaded);
    BOOST_TEST(!f.state.admin.code.has_value());
    BOOST_TEST(!f.state.session.admin.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
