// Line breaking with the Chinese rules, and the soft breaks of a wrapping text field. Every
// character is one unit wide here, so the expected lines are counted by hand.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "yishi/client/line_break.hpp"
#include "yishi/text.hpp"

using namespace yishi::client;

namespace {

float one(char32_t) { return 1.0f; }

std::vector<std::string> lines_of(const std::string& text, float width) {
    std::vector<std::string> out;
    for (const TextLine& l : break_lines(text, width, one))
        out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(line_break)

BOOST_AUTO_TEST_CASE(chinese_text_fills_each_line) {
    BOOST_TEST(lines_of("一二三四五六七八", 3) == (Lines{"一二三", "四五六", "七八"}));
    BOOST_TEST(lines_of("一二", 3) == (Lines{"一二"}));
    BOOST_TEST(lines_of("", 3) == (Lines{""}));
}

BOOST_AUTO_TEST_CASE(no_line_starts_with_a_closing_mark) {
    // "，" would start the second line: "三" goes down with it.
    BOOST_TEST(lines_of("一二三，四五", 3) == (Lines{"一二", "三，四", "五"}));
    BOOST_TEST(lines_of("一二三。」四", 4) == (Lines{"一二", "三。」四"}));
    BOOST_TEST(lines_of("一二三！四五", 3) == (Lines{"一二", "三！四", "五"}));
    BOOST_TEST(lines_of("一二三）四五", 3) == (Lines{"一二", "三）四", "五"}));
    BOOST_TEST(lines_of("ab cd, ef", 5) == (Lines{"ab ", "cd, ", "ef"}));
    BOOST_TEST(lines_of("一二三?四五", 3) == (Lines{"一二", "三?四", "五"}));
}

BOOST_AUTO_TEST_CASE(no_line_ends_with_an_opening_mark) {
    BOOST_TEST(lines_of("一二（三）四", 3) == (Lines{"一二", "（三）", "四"}));
    BOOST_TEST(lines_of("他说：「好。」", 5) == (Lines{"他说：", "「好。」"}));
    BOOST_TEST(lines_of("一二《三》", 3) == (Lines{"一二", "《三》"}));
}

BOOST_AUTO_TEST_CASE(a_number_keeps_its_unit) {
    BOOST_TEST(lines_of("共有8人", 3) == (Lines{"共有", "8人"}));
    BOOST_TEST(lines_of("共有 8 人参加", 4) == (Lines{"共有 ", "8 人参", "加"}));
    BOOST_TEST(lines_of("到场 12 人", 5) == (Lines{"到场 ", "12 人"}));
    BOOST_TEST(lines_of("赞成率80%", 5) == (Lines{"赞成率", "80%"}));
}

BOOST_AUTO_TEST_CASE(an_arrow_never_starts_a_line) {
    BOOST_TEST(lines_of("提→议→定", 2) == (Lines{"提→", "议→", "定"}));
    BOOST_TEST(lines_of("提 → 议 → 定", 3) == (Lines{"提 → ", "议 → ", "定"}));
    BOOST_TEST(lines_of("提出→审议", 2) == (Lines{"提", "出→", "审议"}));
}

BOOST_AUTO_TEST_CASE(words_break_at_spaces_and_spaces_end_lines) {
    BOOST_TEST(lines_of("hello world", 8) == (Lines{"hello ", "world"}));
    BOOST_TEST(lines_of("hello   world", 5) == (Lines{"hello   ", "world"}));
    // A word longer than the line is cut where it overflows.
    BOOST_TEST(lines_of("abcdefg", 3) == (Lines{"abc", "def", "g"}));
    // Latin next to Chinese may break.
    BOOST_TEST(lines_of("路灯LED坏了", 5) == (Lines{"路灯LED", "坏了"}));
}

BOOST_AUTO_TEST_CASE(newlines_of_the_text_end_lines) {
    auto lines = break_lines("一二\n三", 10, one);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].begin == 0u);
    BOOST_TEST(lines[0].end == 6u);
    BOOST_TEST(lines[0].hard);
    BOOST_TEST(lines[1].begin == 7u);
    BOOST_TEST(lines[1].end == 10u);
    BOOST_TEST(!lines[1].hard);
    BOOST_TEST(lines_of("一\n\n二", 10) == (Lines{"一", "", "二"}));
}

BOOST_AUTO_TEST_CASE(the_break_rules_one_pair_at_a_time) {
    BOOST_TEST(may_break_between(U'一', false, U'二'));
    BOOST_TEST(!may_break_between(U'一', false, U'，'));
    BOOST_TEST(!may_break_between(U'（', false, U'一'));
    BOOST_TEST(!may_break_between(U'8', true, U'人'));
    BOOST_TEST(!may_break_between(U'一', true, U'→'));
    BOOST_TEST(may_break_between(U'→', true, U'一'));
    BOOST_TEST(!may_break_between(U'a', false, U'b'));
    BOOST_TEST(may_break_between(U'a', true, U'b'));
}

BOOST_AUTO_TEST_CASE(a_wrapped_field_shows_soft_breaks_where_lines_wrap) {
    WrappedText w = soft_wrap("一二三四五", 2, one);
    BOOST_TEST(w.display == "一二\n三四\n五");
    BOOST_TEST(w.soft == (std::vector<std::size_t>{6, 13}));
    BOOST_TEST(display_offset(w, 3) == 3u);
    BOOST_TEST(display_offset(w, 6) == 7u);  // before 三: the second line's start
    BOOST_TEST(display_offset(w, 15) == 17u);
    WrappedText hard = soft_wrap("一\n二", 5, one);
    BOOST_TEST(hard.display == "一\n二");
    BOOST_TEST(hard.soft.empty());
}

BOOST_AUTO_TEST_CASE(an_edit_keeps_the_typed_newlines_and_drops_the_soft_ones) {
    WrappedText w = soft_wrap("一二三四五", 2, one);
    // Enter at the second line's start: one newline typed.
    std::vector<std::size_t> caret{8};
    BOOST_TEST(unwrap_edit(w, "一二\n\n三四\n五", caret) == "一二\n三四五");
    BOOST_TEST(caret[0] == 7u);
    // 三 deleted.
    caret = {7};
    BOOST_TEST(unwrap_edit(w, "一二\n四\n五", caret) == "一二四五");
    BOOST_TEST(caret[0] == 6u);
    // The soft break itself deleted (Backspace at a line's start): nothing the user typed goes.
    caret = {6};
    BOOST_TEST(unwrap_edit(w, "一二三四\n五", caret) == "一二三四五");
    BOOST_TEST(caret[0] == 6u);
    // 六 typed at the end.
    caret = {20};
    BOOST_TEST(unwrap_edit(w, "一二\n三四\n五六", caret) == "一二三四五六");
    BOOST_TEST(caret[0] == 18u);
}

BOOST_AUTO_TEST_CASE(typing_into_a_wrapping_field_stores_the_text_as_typed) {
    const std::u32string typed = U"小区东门的路灯坏了三个月，晚上回家很黑，老人走路容易摔倒。"
                                 U"希望物业尽快修好，并且每月检查一次，费用从公共收益里出。"
                                 U"谢谢大家支持！共有 8 人签名。";
    std::string text;
    std::string expected;
    WrappedText shown = soft_wrap(text, 7, one);
    for (char32_t c : typed) {
        // The editor inserts each character at the caret, the end of what it shows.
        std::string ch;
        yishi::append_utf8(ch, c);
        expected += ch;
        std::string edited = shown.display + ch;
        std::vector<std::size_t> caret{edited.size()};
        text = unwrap_edit(shown, edited, caret);
        BOOST_TEST(caret[0] == text.size());
        shown = soft_wrap(text, 7, one);
    }
    BOOST_TEST(text == expected);
    BOOST_TEST(text.find('\n') == std::string::npos);
    BOOST_TEST(shown.soft.size() >= 10u);  // 73 characters on lines of at most 7
}

BOOST_AUTO_TEST_SUITE_END()
