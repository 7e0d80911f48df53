// 朗读 in the client: the text each page hands to the speech engine (stated here by hand), the
// second press that stops it, the page's end event, and the ballot read as its page opens.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/messages_tasks.hpp"

using namespace fixtures;

namespace {

// Logged in with the list loaded, on `route` with every load but the list answered by `reply`.
struct On : LoggedIn {
    On() { load_list(); }
    void go(Route route, RequestKind kind, const std::string& body) {
        auto sent = apply(state, Navigate{route, false});
        for (const auto& r : sent) apply_response(state, r, r.kind == kind ? 200 : 500,
                                                  r.kind == kind ? body : "");
        state.error = {};
    }
};

// A single-choice ballot between two places, as the server sends it.
std::string ballot_with_options() {
    BallotView b = open_ballot({101, 102}, {});
    b.method = "single";
    std::string body = encode(b);
    return body.insert(body.size() - 1, R"(,"options":["东侧空地","篮球场旁"])");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(speech)

BOOST_AUTO_TEST_CASE(an_issue_is_read_as_its_title_then_its_body_and_a_second_press_stops) {
    On f;
    f.go(Route{Page::issue, 1}, RequestKind::comments, R"({"comments":[]})");
    apply(f.state, ReadAloud{});
    BOOST_REQUIRE(f.state.speech.say.has_value());
    BOOST_TEST(*f.state.speech.say == "议题：加装电梯。说明。");
    BOOST_TEST(f.state.speech.speaking);
    BOOST_TEST(f.state.speech.serial == 1u);
    f.state.speech.say.reset();  // the platform took it

    apply(f.state, ReadAloud{});
    BOOST_TEST(f.state.speech.stop);
    BOOST_TEST(!f.state.speech.speaking);
    BOOST_TEST(!f.state.speech.say.has_value());
}

BOOST_AUTO_TEST_CASE(a_ballot_is_read_as_its_question_then_each_option_by_number) {
    On f;
    f.go(Route{Page::ballot, 9}, RequestKind::ballot, ballot_with_options());
    BOOST_TEST(text_to_read(f.state) == "表决：加装电梯。选项一：东侧空地。选项二：篮球场旁。");
    On g;
    g.go(Route{Page::ballot, 9}, RequestKind::ballot, encode(open_ballot({101}, {})));
    BOOST_TEST(text_to_read(g.state) == "表决：加装电梯。选项一：赞成。选项二：反对。选项三：弃权。");
}

BOOST_AUTO_TEST_CASE(options_are_numbered_in_chinese) {
    BOOST_TEST(chinese_number(1) == "一");
    BOOST_TEST(chinese_number(9) == "九");
    BOOST_TEST(chinese_number(10) == "十");
    BOOST_TEST(chinese_number(12) == "十二");
    BOOST_TEST(chinese_number(20) == "二十");
    BOOST_TEST(chinese_number(35) == "三十五");
    BOOST_TEST(chinese_number(100) == "100");
}

BOOST_AUTO_TEST_CASE(a_task_is_read_with_its_latest_reply_and_notices_in_force_only) {
    On f;
    TaskView t;
    t.id = 4;
    t.council_id = 7;
    t.issue_id = 1;
    t.issue_title = "加装电梯";
    t.responsible_unit = "街道办";
    t.state = TaskState::answered;
    t.replies = {ReplyView{150, "已立项", 10, {}, {}}, ReplyView{150, "电梯已开工！", 20, {}, {}}};
    f.go(Route{Page::task, 4}, RequestKind::task, encode(t));
    BOOST_TEST(text_to_read(f.state) == "交办事项：加装电梯。街道办答复：电梯已开工！");

    NoticeList notices;
    Notice old{1, 7, NoticeKind::resolution, 9, "决议公示：路灯。", 0, 10};
    Notice current{2, 7, NoticeKind::result, 4, "实施结果公示：加装电梯", 0, 10};
    notices.notices = {{current, true}, {old, false}};
    f.go(Route{Page::notices}, RequestKind::notices, encode(notices));
    BOOST_TEST(text_to_read(f.state) == "实施结果公示：加装电梯。");
}

BOOST_AUTO_TEST_CASE(only_the_latest_utterances_end_returns_the_button_to_read) {
    On f;
    f.go(Route{Page::issue, 1}, RequestKind::comments, R"({"comments":[]})");
    apply(f.state, ReadAloud{});
    apply(f.state, ReadAloud{});
    apply(f.state, ReadAloud{});
    BOOST_TEST(f.state.speech.serial == 2u);
    apply(f.state, SpeechEnded{1});  // the first one, cut off
    BOOST_TEST(f.state.speech.speaking);
    apply(f.state, SpeechEnded{2});
    BOOST_TEST(!f.state.speech.speaking);
    BOOST_TEST(f.state.error.empty());
}

BOOST_AUTO_TEST_CASE(an_engine_that_cannot_speak_is_said_so) {
    On f;
    f.go(Route{Page::issue, 1}, RequestKind::comments, R"({"comments":[]})");
    apply(f.state, ReadAloud{});
    apply(f.state, SpeechEnded{1, true});
    BOOST_TEST(!f.state.speech.speaking);
    BOOST_TEST(f.state.shown(f.state.error) ==
               "无法朗读：本设备没有可用的普通话语音，或浏览器不允许朗读。");
}

BOOST_AUTO_TEST_CASE(leaving_the_page_stops_the_reading) {
    On f;
    f.go(Route{Page::issue, 1}, RequestKind::comments, R"({"comments":[]})");
    apply(f.state, ReadAloud{});
    f.state.speech.say.reset();
    apply(f.state, Navigate{Route{Page::issues}, false});
    BOOST_TEST(f.state.speech.stop);
    BOOST_TEST(!f.state.speech.speaking);
}

BOOST_AUTO_TEST_CASE(with_the_setting_on_a_ballot_is_read_once_its_page_has_it) {
    On f;
    apply(f.state, SetReadBallotAloud{true});
    BOOST_TEST(f.state.settings.read_ballot_aloud);
    auto sent = apply(f.state, Navigate{Route{Page::ballot, 9}, false});
    BOOST_TEST(!f.state.speech.say.has_value());  // nothing to read before the ballot is in
    for (const auto& r : sent)
        if (r.kind != RequestKind::ballot) apply_response(f.state, r, 500, "");
    BOOST_TEST(!f.state.speech.say.has_value());
    apply_response(f.state, only(sent, RequestKind::ballot), 200, ballot_with_options());
    BOOST_REQUIRE(f.state.speech.say.has_value());
    BOOST_TEST(*f.state.speech.say == "表决：加装电梯。选项一：东侧空地。选项二：篮球场旁。");
    f.state.speech.say.reset();
    // Refreshes of the same page do not read it again.
    for (const auto& r : apply(f.state, Refresh{}))
        apply_response(f.state, r, r.kind == RequestKind::ballot ? 200 : 500,
                       r.kind == RequestKind::ballot ? ballot_with_options() : "");
    BOOST_TEST(!f.state.speech.say.has_value());

    On off;
    off.go(Route{Page::ballot, 9}, RequestKind::ballot, ballot_with_options());
    BOOST_TEST(!off.state.speech.say.has_value());
}

BOOST_AUTO_TEST_CASE(the_setting_is_restored_at_boot) {
    ClientState s;
    Settings kept;
    kept.read_ballot_aloud = true;
    apply(s, Boot{"#/login", "", "zh-CN", kept});
    BOOST_TEST(s.settings.read_ballot_aloud);
}

BOOST_AUTO_TEST_SUITE_END()
