// apply_response(): how replies (successes, refusals, failures) change the state.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace fixtures;

BOOST_AUTO_TEST_SUITE(responses)

BOOST_AUTO_TEST_CASE(a_successful_login_keeps_the_session_and_shows_home_with_the_issues) {
    LoggedIn f;
    BOOST_TEST(f.state.logged_in());
    BOOST_TEST(f.state.session.token == "tok-demo01");
    BOOST_TEST(f.state.session.member.name == "王秀英");
    BOOST_TEST(f.state.council_id == 7);
    BOOST_TEST((f.state.route == Route{Page::home}));
    BOOST_TEST(only(f.followups, RequestKind::issues).path == "/api/councils/7/issues");
}

BOOST_AUTO_TEST_CASE(login_replaces_the_login_address_so_back_does_not_return_to_it) {
    ClientState s;
    apply(s, Boot{"#/login", "", "zh-CN"});
    auto sent = apply(s, Login{"demo01", "yishi2026"});
    s.url_update = UrlUpdate::none;
    apply_response(s, only(sent, RequestKind::login), 200, encode(login_reply()));
    BOOST_TEST((s.url_update == UrlUpdate::replace));
}

BOOST_AUTO_TEST_CASE(after_login_the_client_goes_where_the_deep_link_asked) {
    LoggedIn f("#/new");
    BOOST_TEST((f.state.route == Route{Page::new_issue}));
    BOOST_TEST(!has(f.followups, RequestKind::issues));
}

BOOST_AUTO_TEST_CASE(the_loaded_list_keeps_the_servers_order_newest_first) {
    LoggedIn f;
    f.load_list();
    BOOST_TEST(f.state.issues_loaded);
    BOOST_REQUIRE_EQUAL(f.state.issues.size(), 2u);
    BOOST_TEST(f.state.issues[0].title == "楼道堆物影响消防通道");
    BOOST_TEST(f.state.issues[1].title == "加装电梯");
    BOOST_TEST(!f.state.loading());
}

BOOST_AUTO_TEST_CASE(a_raised_issue_appears_at_the_top_and_the_list_is_shown_again) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Navigate{Route{Page::new_issue}, false});
    auto sent = apply(f.state, RaiseIssue{"小区路灯不亮", "三号楼前的路灯坏了。"});
    Issue created = issue(3, 101, "小区路灯不亮");
    auto follow = apply_response(f.state, only(sent, RequestKind::raise_issue), 201,
                                 encode(created));
    BOOST_TEST(f.state.issues.front().title == "小区路灯不亮");
    BOOST_TEST(f.state.issues.size() == 3u);
    BOOST_TEST((f.state.route == Route{Page::issues}));
    BOOST_TEST((f.state.url_update == UrlUpdate::push));
    BOOST_TEST(f.state.issues_raised == 1u);
    BOOST_TEST(f.state.shown(f.state.notice) == "议题已提出");
    BOOST_TEST(has(follow, RequestKind::issues));
}

BOOST_AUTO_TEST_CASE(a_refused_raise_shows_the_servers_chinese_message_and_field) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Navigate{Route{Page::new_issue}, false});
    auto sent = apply(f.state, RaiseIssue{"标题", "内容"});
    apply_response(f.state, only(sent, RequestKind::raise_issue), 400,
                   encode(make_error("empty_text", "title")));
    BOOST_TEST(f.state.shown(f.state.error) == "标题不能为空");
    BOOST_TEST(f.state.error_field == "title");
    BOOST_TEST((f.state.route == Route{Page::new_issue}));
    BOOST_TEST(f.state.issues_raised == 0u);
}

BOOST_AUTO_TEST_CASE(a_cosign_updates_the_count_and_marks_the_issue_cosigned) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Cosign{2});
    Issue after = issue(2, 102, "楼道堆物影响消防通道", 2, true);
    apply_response(f.state, only(sent, RequestKind::cosign), 200, encode(after));
    const Issue* i = f.state.find_issue(2);
    BOOST_REQUIRE(i);
    BOOST_TEST(i->cosigns == 2);
    BOOST_TEST(i->cosigned_by_me);
    BOOST_TEST(cosign_refusal(f.state, *i).has_value());
}

BOOST_AUTO_TEST_CASE(a_cosign_refused_as_a_conflict_shows_why_and_reloads_the_list) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Cosign{2});
    auto follow = apply_response(f.state, only(sent, RequestKind::cosign), 409,
                                 encode(make_error("already_cosigned")));
    BOOST_TEST(f.state.shown(f.state.error) == "您已经附议过该议题");
    BOOST_TEST(has(follow, RequestKind::issues));
}

BOOST_AUTO_TEST_CASE(wrong_credentials_show_the_servers_message_and_stay_on_login) {
    ClientState s;
    apply(s, Boot{"#/login", "", "zh-CN"});
    auto sent = apply(s, Login{"demo01", "wrong"});
    apply_response(s, only(sent, RequestKind::login), 401, encode(make_error("bad_credentials")));
    BOOST_TEST(s.shown(s.error) == "账号或密码错误");
    BOOST_TEST((s.route == Route{Page::login}));
    BOOST_TEST(!s.logged_in());
}

BOOST_AUTO_TEST_CASE(a_401_on_a_session_request_logs_out_to_login_with_a_message) {
    LoggedIn f;
    apply(f.state, Navigate{Route{Page::new_issue}, false});
    auto sent = apply(f.state, RaiseIssue{"标题", "内容"});
    apply_response(f.state, only(sent, RequestKind::raise_issue), 401,
                   encode(make_error("unauthorized")));
    BOOST_TEST(!f.state.logged_in());
    BOOST_TEST(f.state.session.token.empty());
    BOOST_TEST((f.state.route == Route{Page::login}));
    BOOST_TEST((f.state.url_update == UrlUpdate::replace));
    BOOST_TEST(f.state.shown(f.state.error) == "登录已过期，请重新登录");
    BOOST_TEST((f.state.after_login == Route{Page::new_issue}));
}

BOOST_AUTO_TEST_CASE(an_expired_stored_token_sends_the_user_to_login) {
    ClientState s;
    auto boot = apply(s, Boot{"#/issues", "tok-expired", "zh-CN"});
    apply_response(s, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
    apply_response(s, only(boot, RequestKind::me), 401, encode(make_error("unauthorized")));
    BOOST_TEST((s.route == Route{Page::login}));
    BOOST_TEST(!s.logged_in());
    BOOST_TEST(s.shown(s.error) == "登录已过期，请重新登录");
}

BOOST_AUTO_TEST_CASE(a_restored_session_loads_the_member_and_the_list) {
    ClientState s;
    auto boot = apply(s, Boot{"#/issues", "tok-demo01", "zh-CN"});
    std::string me = R"({"member":{"id":101,"login":"demo01","name":"王秀英","role":"resident"},)"
                     R"("councils":[{"id":7,"name":"幸福里居民议事会","community":"幸福里社区",)"
                     R"("kind":"residents_council","cosign_threshold":5,"member_count":15}]})";
    auto follow = apply_response(s, only(boot, RequestKind::me), 200, me);
    BOOST_TEST(s.confirmed());
    BOOST_TEST(s.session.member.name == "王秀英");
    BOOST_TEST(s.session.token == "tok-demo01");
    BOOST_TEST(only(follow, RequestKind::issues).path == "/api/councils/7/issues");
}

BOOST_AUTO_TEST_CASE(a_network_failure_shows_cannot_reach_the_server) {
    LoggedIn f;
    apply_response(f.state, only(f.followups, RequestKind::issues), 0, "");
    f.settle_others();
    BOOST_TEST(f.state.shown(f.state.error).find("无法连接服务器") == 0u);
    BOOST_TEST(f.state.logged_in());
    BOOST_TEST(!f.state.loading());
}

BOOST_AUTO_TEST_CASE(a_network_failure_before_the_catalog_arrives_is_still_chinese) {
    ClientState s;
    auto boot = apply(s, Boot{"#/login", "", "zh-CN"});
    apply_response(s, only(boot, RequestKind::translations), 0, "");
    BOOST_TEST(s.shown(s.error).find("无法连接服务器") == 0u);
}

BOOST_AUTO_TEST_CASE(an_unreadable_error_body_still_gives_a_chinese_message) {
    LoggedIn f;
    apply_response(f.state, only(f.followups, RequestKind::issues), 500, "<html>oops</html>");
    BOOST_TEST(f.state.shown(f.state.error) == "服务器内部错误，请稍后再试");
}

BOOST_AUTO_TEST_CASE(a_malformed_success_reply_is_reported_not_trusted) {
    LoggedIn f;
    apply_response(f.state, only(f.followups, RequestKind::issues), 200, R"({"issues":5})");
    BOOST_TEST(f.state.shown(f.state.error) == "服务器返回了无法识别的内容");
    BOOST_TEST(f.state.issues.empty());
}

BOOST_AUTO_TEST_CASE(replies_of_a_session_that_ended_are_ignored) {
    LoggedIn f;
    Request list = only(f.followups, RequestKind::issues);
    apply(f.state, Logout{});
    apply_response(f.state, list, 200, encode(issue_list()));
    BOOST_TEST(f.state.issues.empty());
    apply_response(f.state, list, 401, encode(make_error("unauthorized")));
    BOOST_TEST(f.state.error.empty());
}

BOOST_AUTO_TEST_CASE(a_server_with_another_api_version_is_reported) {
    ClientState s;
    auto boot = apply(s, Boot{"#/login", "", "zh-CN"});
    apply_response(s, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
    apply_response(s, only(boot, RequestKind::api_version), 200, R"({"api":99})");
    BOOST_TEST(s.shown(s.error) == "客户端版本与服务器不一致，请刷新页面");
}

BOOST_AUTO_TEST_CASE(switching_language_loads_the_other_catalog) {
    LoggedIn f;
    auto sent = apply(f.state, SwitchLanguage{"en"});
    const auto& r = only(sent, RequestKind::translations);
    BOOST_TEST(r.path == "i18n/en.json");
    apply_response(f.state, r, 200, read_catalog("en"));
    BOOST_TEST(f.state.strings.language() == "en");
    BOOST_TEST(f.state.strings.get("login.submit") == "Sign in");
}

BOOST_AUTO_TEST_SUITE_END()
