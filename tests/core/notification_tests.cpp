// Notifications (消息) in the core: kinds by their exact names, the client links, the hook's
// Chinese sentences, the reminder windows, the hook URL rules and retry schedule, and the JSON
// forms (round trips, strict decoding that names the faulty field).
#include <boost/test/unit_test.hpp>

#include <ostream>
#include <set>

#include "yishi/messages_notifications.hpp"

using namespace yishi;

namespace yishi {
std::ostream& operator<<(std::ostream& os, NotificationKind k) { return os << to_string(k); }
}  // namespace yishi

BOOST_AUTO_TEST_SUITE(notification)

BOOST_AUTO_TEST_CASE(every_kind_has_its_exact_name_and_reads_back) {
    const char* names[] = {"issue_accepted", "issue_merged",  "issue_declined", "session_noticed",
                           "ballot_opened",  "ballot_closing", "reply_posted",  "task_due",
                           "task_overdue",   "comment_replied"};
    BOOST_REQUIRE_EQUAL(std::size(kNotificationKinds), std::size(names));
    for (std::size_t i = 0; i < std::size(names); ++i) {
        BOOST_TEST(to_string(kNotificationKinds[i]) == std::string(names[i]));
        NotificationKind k{};
        BOOST_TEST(notification_kind_from_string(names[i], k));
        BOOST_TEST(k == kNotificationKinds[i]);
    }
    NotificationKind k{};
    BOOST_TEST(!notification_kind_from_string("ballot", k));
    BOOST_TEST(!notification_kind_from_string("", k));
}

BOOST_AUTO_TEST_CASE(links_lead_to_the_subject_of_each_kind) {
    BOOST_TEST(notification_link(NotificationKind::issue_accepted, 7) == "#/issue/7");
    BOOST_TEST(notification_link(NotificationKind::issue_merged, 7) == "#/issue/7");
    BOOST_TEST(notification_link(NotificationKind::issue_declined, 7) == "#/issue/7");
    BOOST_TEST(notification_link(NotificationKind::comment_replied, 12) == "#/issue/12");
    BOOST_TEST(notification_link(NotificationKind::session_noticed, 3) == "#/session/3");
    BOOST_TEST(notification_link(NotificationKind::ballot_opened, 5) == "#/ballot/5");
    BOOST_TEST(notification_link(NotificationKind::ballot_closing, 5) == "#/ballot/5");
    BOOST_TEST(notification_link(NotificationKind::reply_posted, 9) == "#/task/9");
    BOOST_TEST(notification_link(NotificationKind::task_due, 9) == "#/task/9");
    BOOST_TEST(notification_link(NotificationKind::task_overdue, 9) == "#/task/9");
}

BOOST_AUTO_TEST_CASE(texts_name_the_subject_and_give_the_reason) {
    std::string declined = notification_text(NotificationKind::issue_declined, "修路灯", "不属于本社区");
    BOOST_TEST(declined == "您提出的议题“修路灯”未被受理，理由：不属于本社区。");
    BOOST_TEST(notification_text(NotificationKind::issue_accepted, "修路灯", "") ==
               "您提出的议题“修路灯”已被受理，列入议事范围。");
    BOOST_TEST(notification_text(NotificationKind::ballot_closing, "加装电梯", "") ==
               "表决“加装电梯”将在一小时内结束，您尚未投票。");
    std::set<std::string> distinct;
    for (NotificationKind k : kNotificationKinds) {
        std::string t = notification_text(k, "题目", "");
        BOOST_TEST(t.find("“题目”") != std::string::npos);
        distinct.insert(t);
    }
    BOOST_TEST(distinct.size() == std::size(kNotificationKinds));
}

BOOST_AUTO_TEST_CASE(cut_text_counts_characters_not_bytes) {
    BOOST_TEST(cut_text("议事会会议", 2) == "议事");
    BOOST_TEST(cut_text("abc", 5) == "abc");
    BOOST_TEST(cut_text("abc", 0) == "");
}

BOOST_AUTO_TEST_CASE(times_read_in_china_time) {
    // 2026-10-03 06:05 UTC is 14:05 in China; 2026-12-31 16:30 UTC is already the new year.
    BOOST_TEST(china_time_text(1791007500) == "2026年10月3日 14:05");
    BOOST_TEST(china_date_text(1798734600) == "2027年1月1日");
    BOOST_TEST(china_time_text(0) == "1970年1月1日 08:00");
    BOOST_TEST(due_date_detail(1791007500) == "办理期限：2026年10月3日");
    BOOST_TEST(session_time_detail(1791007500) == "会议时间：2026年10月3日 14:05");
    BOOST_TEST(ballot_deadline_detail(1791007500) == "投票截止：2026年10月3日 14:05");
    BOOST_TEST(notification_text(NotificationKind::ballot_closing, "加装电梯",
                                 ballot_deadline_detail(1791007500)) ==
               "表决“加装电梯”将在一小时内结束，您尚未投票（投票截止：2026年10月3日 14:05）。");
}

BOOST_AUTO_TEST_CASE(a_ballot_is_reminded_of_within_the_hour_before_it_closes) {
    const std::int64_t closes = 100000;
    BOOST_TEST(!ballot_closing_soon(closes, closes - 3601));
    BOOST_TEST(ballot_closing_soon(closes, closes - 3600));
    BOOST_TEST(ballot_closing_soon(closes, closes - 1));
    BOOST_TEST(!ballot_closing_soon(closes, closes));
}

BOOST_AUTO_TEST_CASE(a_task_is_due_within_three_days_and_overdue_after_its_date) {
    const std::int64_t due = 1000000;
    BOOST_TEST(!task_due_soon(due, due - 3 * 86400 - 1));
    BOOST_TEST(task_due_soon(due, due - 3 * 86400));
    BOOST_TEST(task_due_soon(due, due));
    BOOST_TEST(!task_overdue(due, due));
    BOOST_TEST(task_overdue(due, due + 1));
    BOOST_TEST(!task_due_soon(due, due + 1));
}

BOOST_AUTO_TEST_CASE(dedupe_keys_differ_by_kind_subject_and_member) {
    BOOST_TEST(notification_dedupe_key(NotificationKind::ballot_closing, 7, 42) == "ballot_closing:7:42");
    BOOST_TEST(notification_dedupe_key(NotificationKind::task_due, 7, 42) !=
               notification_dedupe_key(NotificationKind::task_overdue, 7, 42));
}

BOOST_AUTO_TEST_CASE(replying_to_ones_own_comment_tells_nobody) {
    BOOST_TEST(notifies_comment_reply(3, 4));
    BOOST_TEST(!notifies_comment_reply(3, 3));
}

BOOST_AUTO_TEST_CASE(hook_urls_are_http_with_a_host_and_nothing_hidden) {
    BOOST_TEST(!check_hook_url(""));
    BOOST_TEST(!check_hook_url("http://127.0.0.1:8080/sms"));
    BOOST_TEST(!check_hook_url("https://gateway.example/hook?x=1"));
    for (std::string bad : {"ftp://host/x", "javascript:alert(1)", "http://", "http:///path",
                            "http://user:pw@host/", "http://host/a b", "http://host/\x01",
                            "http://host/\xE2\x80\xAE", "HTTP//host", "http://主机/"}) {
        Check c = check_hook_url(bad);
        BOOST_TEST_INFO(bad);
        BOOST_REQUIRE(c.has_value());
        BOOST_TEST(c->status == 400);
        BOOST_TEST(c->message.find("消息推送地址无效") == 0);
    }
    std::string longest = "http://h/" + std::string(kHookUrlMaxChars - 9, 'a');
    BOOST_TEST(!check_hook_url(longest));
    BOOST_TEST(check_hook_url(longest + "a").has_value());
}

BOOST_AUTO_TEST_CASE(hook_retries_back_off_doubling_up_to_five_minutes) {
    const std::int64_t expected[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
    for (std::int64_t a = 0; a < 11; ++a) BOOST_TEST(hook_backoff_seconds(a) == expected[a]);
    BOOST_TEST(hook_backoff_seconds(1000) == 300);
    BOOST_TEST(kHookMaxAttempts == 8);
}

BOOST_AUTO_TEST_CASE(the_list_round_trips) {
    NotificationList l;
    l.unread = 1;
    l.items.push_back({9, NotificationKind::issue_declined, 4, "修路灯", "不属于本社区",
                       "#/issue/4", 1795350003, false});
    l.items.push_back({8, NotificationKind::ballot_opened, 2, "加装电梯", "", "#/ballot/2",
                       1795340000, true});
    auto back = decode_notification_list(encode(l));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().unread == 1);
    BOOST_REQUIRE(back.value().items.size() == 2u);
    const auto& n = back.value().items[0];
    BOOST_TEST(n.id == 9);
    BOOST_TEST(n.kind == NotificationKind::issue_declined);
    BOOST_TEST(n.subject_id == 4);
    BOOST_TEST(n.title == "修路灯");
    BOOST_TEST(n.detail == "不属于本社区");
    BOOST_TEST(n.link == "#/issue/4");
    BOOST_TEST(n.created_at == 1795350003);
    BOOST_TEST(!n.read);
    BOOST_TEST(back.value().items[1].read);
}

BOOST_AUTO_TEST_CASE(the_list_refuses_an_unknown_kind_by_its_path) {
    auto r = decode_notification_list(
        R"({"unread":0,"items":[{"id":1,"kind":"party","subject_id":1,"title":"","detail":"","link":"","created_at":1,"read":false}]})");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().field == "items[0].kind");
    BOOST_TEST(r.error().status == 400);
    auto missing = decode_notification_list(R"({"items":[]})");
    BOOST_REQUIRE(!missing.ok());
    BOOST_TEST(missing.error().code == "missing_field");
}

BOOST_AUTO_TEST_CASE(the_unread_count_round_trips) {
    auto u = decode_unread_count(encode(UnreadCount{3, 17}));
    BOOST_REQUIRE(u.ok());
    BOOST_TEST(u.value().unread == 3);
    BOOST_TEST(u.value().latest == 17);
}

BOOST_AUTO_TEST_CASE(mark_read_takes_ids_or_all) {
    auto ids = decode_mark_read(R"({"ids":[1,2,3]})");
    BOOST_REQUIRE(ids.ok());
    BOOST_TEST(!ids.value().all);
    BOOST_TEST(ids.value().ids.size() == 3u);
    auto all = decode_mark_read(R"({"all":true})");
    BOOST_REQUIRE(all.ok());
    BOOST_TEST(all.value().all);
    BOOST_TEST(decode_mark_read(encode(MarkRead{{4, 5}, false})).value().ids.size() == 2u);
    BOOST_TEST(decode_mark_read(encode(MarkRead{{}, true})).value().all);
    for (const char* bad : {"{}", R"({"all":false})", R"({"all":"yes"})", R"({"ids":[1.5]})",
                            R"({"ids":[0]})", R"({"ids":"1"})", R"({"ids":[99999999999999999999]})"}) {
        BOOST_TEST_INFO(bad);
        auto r = decode_mark_read(bad);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().status == 400);
    }
    std::string many = "{\"ids\":[";
    for (int i = 1; i <= 1001; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
    BOOST_TEST(!decode_mark_read(many + "]}").ok());
}

BOOST_AUTO_TEST_CASE(settings_round_trip_and_refuse_unknown_or_repeated_kinds) {
    NotificationSettings s;
    for (NotificationKind k : kNotificationKinds) s.kinds.push_back({k, k != NotificationKind::task_due});
    auto back = decode_notification_settings(encode(s));
    BOOST_REQUIRE(back.ok());
    BOOST_REQUIRE(back.value().kinds.size() == std::size(kNotificationKinds));
    for (std::size_t i = 0; i < back.value().kinds.size(); ++i) {
        BOOST_TEST(back.value().kinds[i].kind == kNotificationKinds[i]);
        BOOST_TEST(back.value().kinds[i].on == (kNotificationKinds[i] != NotificationKind::task_due));
    }
    auto unknown = decode_notification_settings(R"({"kinds":[{"kind":"gossip","on":false}]})");
    BOOST_REQUIRE(!unknown.ok());
    BOOST_TEST(unknown.error().code == "unknown_kind");
    BOOST_TEST(unknown.error().field == "kinds[0].kind");
    BOOST_TEST(unknown.error().message.find("未知的消息类型") == 0);
    auto twice = decode_notification_settings(
        R"({"kinds":[{"kind":"task_due","on":false},{"kind":"task_due","on":true}]})");
    BOOST_REQUIRE(!twice.ok());
    BOOST_TEST(twice.error().code == "duplicate_kind");
    BOOST_TEST(!decode_notification_settings(R"({"kinds":[{"kind":"task_due","on":1}]})").ok());
}

BOOST_AUTO_TEST_CASE(hook_config_and_payload_round_trip) {
    auto h = decode_hook_config(encode(HookConfig{"http://127.0.0.1:9/x"}));
    BOOST_REQUIRE(h.ok());
    BOOST_TEST(h.value().url == "http://127.0.0.1:9/x");
    BOOST_TEST(!decode_hook_config(R"({"url":5})").ok());
    HookPayload p{11, NotificationKind::ballot_opened, 1, 5, "王芳", "13800000000",
                  "表决“加装电梯”已开始，请及时投票。", "#/ballot/2", 1795350003};
    auto back = decode_hook_payload(encode(p));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().id == 11);
    BOOST_TEST(back.value().kind == NotificationKind::ballot_opened);
    BOOST_TEST(back.value().community_id == 1);
    BOOST_TEST(back.value().member_id == 5);
    BOOST_TEST(back.value().member_name == "王芳");
    BOOST_TEST(back.value().member_phone == "13800000000");
    BOOST_TEST(back.value().text == p.text);
    BOOST_TEST(back.value().link == "#/ballot/2");
    BOOST_TEST(back.value().created_at == 1795350003);
}

BOOST_AUTO_TEST_SUITE_END()
