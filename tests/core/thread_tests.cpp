// 议: comments with stance, one level of replies, official replies, edit history, moderation.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/thread.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
Comment top(Id id, Id author = 2) {
    Comment c;
    c.id = id;
    c.issue_id = 10;
    c.author_id = author;
    c.body = "同意在小区东门加装充电桩";
    c.stance = Stance::support;
    return c;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(thread)

BOOST_AUTO_TEST_CASE(a_member_comments_with_a_stance) {
    auto r = post_comment(actor(2), listed_issue(10), nullptr, Stance::question, "费用谁出？", kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST((r.value().stance == Stance::question));
    BOOST_TEST(r.value().parent_id == 0);
    BOOST_TEST(!r.value().official);
}

BOOST_AUTO_TEST_CASE(a_non_member_may_not_comment) {
    auto r = post_comment(outsider(2), listed_issue(10), nullptr, Stance::neutral, "路过", kT0);
    BOOST_TEST(r.error().code == "forbidden");
}

BOOST_AUTO_TEST_CASE(a_reply_to_a_top_level_comment_is_allowed) {
    Comment parent = top(1);
    auto r = post_comment(actor(3), listed_issue(10), &parent, Stance::oppose, "担心消防安全", kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().parent_id == 1);
}

BOOST_AUTO_TEST_CASE(a_reply_to_a_reply_is_refused) {
    Comment reply = top(2);
    reply.parent_id = 1;
    auto r = post_comment(actor(3), listed_issue(10), &reply, Stance::neutral, "再回复", kT0);
    BOOST_TEST(r.error().code == "reply_to_reply");
    BOOST_TEST(r.error().status == 409);
}

BOOST_AUTO_TEST_CASE(a_closed_issue_takes_no_more_comments) {
    Issue i = listed_issue(10);
    i.stage = IssueStage::declined;
    auto r = post_comment(actor(3), i, nullptr, Stance::neutral, "还想说", kT0);
    BOOST_TEST(r.error().code == "thread_closed");
}

BOOST_AUTO_TEST_CASE(official_replies_come_only_from_departments_and_are_marked) {
    Comment parent = top(1);
    auto r = post_official_reply(actor(60, Role::department), listed_issue(10), &parent,
                                 "住建局：已列入年度充电设施计划", kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().official);
    auto e = post_official_reply(actor(3), listed_issue(10), nullptr, "冒充官方", kT0);
    BOOST_TEST(e.error().code == "not_department");
}

BOOST_AUTO_TEST_CASE(an_edit_keeps_the_previous_text_in_history) {
    Comment c = top(1, 2);
    auto r = edit_comment(actor(2), c, "同意，建议装在东门和北门", kT0 + 60);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().body == "同意，建议装在东门和北门");
    BOOST_REQUIRE(r.value().history.size() == 1u);
    BOOST_TEST(r.value().history[0].body == "同意在小区东门加装充电桩");
    BOOST_TEST(r.value().history[0].replaced_at == kT0 + 60);
}

BOOST_AUTO_TEST_CASE(only_the_author_may_edit) {
    BOOST_TEST(edit_comment(actor(3), top(1, 2), "改别人的", kT0).error().code == "not_author");
}

BOOST_AUTO_TEST_CASE(moderation_hides_with_a_public_reason_and_keeps_the_text) {
    Comment c = top(1, 2);
    auto r = hide_comment(convenor(), c, "含有人身攻击", kT0);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().hidden);
    BOOST_TEST(r.value().body == "同意在小区东门加装充电桩");  // never deleted
    BOOST_TEST(r.value().hidden_reason == "含有人身攻击");
    BOOST_TEST(r.value().hidden_by == 100);
    BOOST_TEST(shown_text(r.value()).find("含有人身攻击") != std::string::npos);
    BOOST_TEST(shown_text(r.value()).find("充电桩") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(moderation_needs_a_convenor_and_a_reason) {
    BOOST_TEST(hide_comment(actor(3), top(1), "不喜欢", kT0).error().code == "not_convenor");
    BOOST_TEST(hide_comment(convenor(), top(1), "", kT0).error().code == "empty_text");
}

BOOST_AUTO_TEST_CASE(a_hidden_comment_cannot_be_edited_or_replied_to) {
    Comment c = hide_comment(convenor(), top(1, 2), "广告", kT0).value();
    BOOST_TEST(edit_comment(actor(2), c, "改掉", kT0).error().code == "comment_hidden");
    auto r = post_comment(actor(3), listed_issue(10), &c, Stance::neutral, "回复", kT0);
    BOOST_TEST(r.error().code == "comment_hidden");
}

BOOST_AUTO_TEST_CASE(stance_names_round_trip) {
    for (auto s : {Stance::support, Stance::oppose, Stance::neutral, Stance::question}) {
        Stance back{};
        BOOST_TEST(stance_from_string(to_string(s), back));
        BOOST_TEST((back == s));
    }
}

BOOST_AUTO_TEST_SUITE_END()
