// apply(): what each intent changes and which requests it sends.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace fixtures;

BOOST_AUTO_TEST_SUITE(intents)

BOOST_AUTO_TEST_CASE(boot_fetches_the_catalog_and_checks_the_api_version) {
    ClientState s;
    auto sent = apply(s, Boot{"#/login", "", "zh-CN"});
    BOOST_TEST(only(sent, RequestKind::translations).path == "i18n/zh-CN.json");
    BOOST_TEST(only(sent, RequestKind::api_version).path == "/api/version");
    BOOST_TEST(!has(sent, RequestKind::me));
    BOOST_TEST(s.pending == 2);
    BOOST_TEST(s.loading());
}

BOOST_AUTO_TEST_CASE(boot_with_a_stored_token_restores_the_session_with_get_me) {
    ClientState s;
    auto sent = apply(s, Boot{"#/issues", "tok-old", "zh-CN"});
    const auto& me = only(sent, RequestKind::me);
    BOOST_TEST(me.method == "GET");
    BOOST_TEST(me.path == "/api/me");
    BOOST_TEST(me.token == "tok-old");
    BOOST_TEST((s.route == Route{Page::issues}));
}

BOOST_AUTO_TEST_CASE(deep_link_to_new_issue_when_logged_out_goes_to_login_and_corrects_the_url) {
    ClientState s;
    apply(s, Boot{"#/new", "", "zh-CN"});
    BOOST_TEST((s.route == Route{Page::login}));
    BOOST_TEST((s.url_update == UrlUpdate::replace));
    BOOST_TEST((s.after_login == Route{Page::new_issue}));
}

BOOST_AUTO_TEST_CASE(login_posts_the_credentials_as_json) {
    ClientState s;
    auto sent = apply(s, Login{"  demo01 ", "yishi2026"});
    const auto& r = only(sent, RequestKind::login);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/login");
    auto decoded = decode_login_request(r.body);
    BOOST_REQUIRE(decoded.ok());
    BOOST_TEST(decoded.value().login == "demo01");
    BOOST_TEST(decoded.value().password == "yishi2026");
    BOOST_TEST(r.token.empty());
}

BOOST_AUTO_TEST_CASE(login_with_an_empty_field_explains_in_chinese_without_sending) {
    ClientState s;
    auto sent = apply(s, Login{"", "x"});
    BOOST_TEST(sent.empty());
    BOOST_TEST(s.shown(s.error) == "账号不能为空");
    BOOST_TEST(s.error_field == "login");
    sent = apply(s, Login{"demo01", ""});
    BOOST_TEST(sent.empty());
    BOOST_TEST(s.shown(s.error) == "密码不能为空");
    BOOST_TEST(s.pending == 0);
}

BOOST_AUTO_TEST_CASE(navigating_by_a_button_pushes_history_and_back_does_not) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Navigate{Route{Page::new_issue}, false});
    BOOST_TEST((f.state.route == Route{Page::new_issue}));
    BOOST_TEST((f.state.url_update == UrlUpdate::push));
    f.state.url_update = UrlUpdate::none;
    apply(f.state, Navigate{Route{Page::issues}, true});
    BOOST_TEST((f.state.route == Route{Page::issues}));
    BOOST_TEST((f.state.url_update == UrlUpdate::none));
}

BOOST_AUTO_TEST_CASE(entering_the_issue_list_reloads_it) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Navigate{Route{Page::new_issue}, false});
    auto sent = apply(f.state, Navigate{Route{Page::issues}, true});
    const auto& r = only(sent, RequestKind::issues);
    BOOST_TEST(r.path == "/api/councils/7/issues");
    BOOST_TEST(r.token == "tok-demo01");
}

BOOST_AUTO_TEST_CASE(navigating_to_the_screen_already_shown_sends_nothing) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::home}, true});
    BOOST_TEST(sent.empty());
    BOOST_TEST((f.state.url_update == UrlUpdate::none));
}

BOOST_AUTO_TEST_CASE(back_to_a_protected_screen_after_logout_redirects_to_login) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Logout{});
    f.state.url_update = UrlUpdate::none;
    apply(f.state, Navigate{Route{Page::new_issue}, true});
    BOOST_TEST((f.state.route == Route{Page::login}));
    BOOST_TEST((f.state.url_update == UrlUpdate::replace));
}

BOOST_AUTO_TEST_CASE(the_login_screen_is_skipped_while_logged_in) {
    LoggedIn f;
    f.load_list();
    apply(f.state, Navigate{Route{Page::login}, true});
    BOOST_TEST((f.state.route == Route{Page::home}));
    BOOST_TEST((f.state.url_update == UrlUpdate::replace));
}

BOOST_AUTO_TEST_CASE(raise_issue_posts_the_trimmed_title_and_body_to_the_current_council) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, RaiseIssue{"  小区路灯不亮\u3000", "三号楼前的路灯坏了两周。\n"});
    const auto& r = only(sent, RequestKind::raise_issue);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/councils/7/issues");
    BOOST_TEST(r.token == "tok-demo01");
    auto decoded = decode_new_issue_request(r.body);
    BOOST_REQUIRE(decoded.ok());
    BOOST_TEST(decoded.value().title == "小区路灯不亮");
    BOOST_TEST(decoded.value().body == "三号楼前的路灯坏了两周。");
}

BOOST_AUTO_TEST_CASE(raise_issue_with_a_blank_title_is_refused_before_sending_in_chinese) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, RaiseIssue{"\u3000 ", "内容"});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == "标题不能为空");
    BOOST_TEST(f.state.error_field == "title");
}

BOOST_AUTO_TEST_CASE(raise_issue_with_a_title_over_100_characters_is_refused_before_sending) {
    LoggedIn f;
    std::string title;
    for (int i = 0; i < 101; ++i) title += "字";
    auto sent = apply(f.state, RaiseIssue{title, "内容"});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error).rfind("标题", 0) == 0u);  // 标题不能超过100个字
    BOOST_TEST(f.state.error_field == "title");
    std::string exactly_100;
    for (int i = 0; i < 100; ++i) exactly_100 += "字";
    BOOST_TEST(!check_new_issue(exactly_100, "内容").has_value());
}

BOOST_AUTO_TEST_CASE(raise_issue_with_an_empty_body_is_refused_before_sending) {
    LoggedIn f;
    auto sent = apply(f.state, RaiseIssue{"标题", ""});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == "内容不能为空");
    BOOST_TEST(f.state.error_field == "body");
}

BOOST_AUTO_TEST_CASE(cosign_posts_to_the_issue) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Cosign{2});
    const auto& r = only(sent, RequestKind::cosign);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/issues/2/cosign");
    BOOST_TEST(r.token == "tok-demo01");
}

BOOST_AUTO_TEST_CASE(cosigning_ones_own_issue_is_refused_without_sending) {
    LoggedIn f;
    f.load_list();
    BOOST_TEST(cosign_refusal(f.state, *f.state.find_issue(1)).has_value());
    auto sent = apply(f.state, Cosign{1});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error) == "不能附议自己提出的议题");
}

BOOST_AUTO_TEST_CASE(cosigning_twice_is_refused_without_sending) {
    LoggedIn f;
    auto list = issue_list();
    list.issues[0].cosigned_by_me = true;
    apply_response(f.state, only(f.followups, RequestKind::issues), 200, encode(list));
    BOOST_TEST(cosign_refusal(f.state, *f.state.find_issue(2)).has_value());
    BOOST_TEST(apply(f.state, Cosign{2}).empty());
    BOOST_TEST(f.state.shown(f.state.error) == "您已经附议过该议题");
}

BOOST_AUTO_TEST_CASE(an_issue_on_the_list_can_no_longer_be_cosigned) {
    LoggedIn f;
    auto list = issue_list();
    list.issues[0].stage = IssueStage::listed;
    apply_response(f.state, only(f.followups, RequestKind::issues), 200, encode(list));
    BOOST_TEST(cosign_refusal(f.state, *f.state.find_issue(2)).has_value());
}

BOOST_AUTO_TEST_CASE(logout_forgets_the_session_tells_the_server_and_shows_login) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Logout{});
    const auto& r = only(sent, RequestKind::logout);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.token == "tok-demo01");
    BOOST_TEST(!f.state.logged_in());
    BOOST_TEST(f.state.issues.empty());
    BOOST_TEST((f.state.route == Route{Page::login}));
    BOOST_TEST((f.state.url_update == UrlUpdate::push));
    BOOST_TEST(f.state.shown(f.state.notice) == "已退出登录");
}

BOOST_AUTO_TEST_CASE(dismissing_the_error_clears_it) {
    ClientState s;
    apply(s, Login{"", ""});
    BOOST_TEST(!s.error.empty());
    apply(s, DismissError{});
    BOOST_TEST(s.error.empty());
    BOOST_TEST(s.error_field.empty());
}

BOOST_AUTO_TEST_CASE(every_request_counts_as_pending_until_answered) {
    LoggedIn f;
    int before = f.state.pending;
    auto sent = apply(f.state, LoadIssues{});
    BOOST_TEST(f.state.pending == before + 1);
    apply_response(f.state, sent.front(), 200, encode(issue_list()));
    BOOST_TEST(f.state.pending == before);
}

BOOST_AUTO_TEST_CASE(a_form_cannot_be_sent_again_until_its_reply_arrives) {
    ClientState s;
    auto sent = apply(s, Login{"demo01", "yishi2026"});
    BOOST_TEST(s.submitting);
    apply_response(s, only(sent, RequestKind::login), 401, encode(make_error("bad_credentials")));
    BOOST_TEST(!s.submitting);

    LoggedIn f;
    sent = apply(f.state, RaiseIssue{"标题", "内容"});
    BOOST_TEST(f.state.submitting);
    apply_response(f.state, only(sent, RequestKind::raise_issue), 0, "");
    BOOST_TEST(!f.state.submitting);
}

BOOST_AUTO_TEST_SUITE_END()
