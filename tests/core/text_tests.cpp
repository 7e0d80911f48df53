// Text rules: UTF-8 well-formedness, lengths in characters, trimming, field validation, whole
// numbers in digits.
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "yishi/text.hpp"

using namespace yishi;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(chinese_and_emoji_are_valid_utf8) {
    BOOST_TEST(valid_utf8("议事会 附议 𠀀 😀"));
    BOOST_TEST(valid_utf8(""));
}

BOOST_AUTO_TEST_CASE(malformed_utf8_is_rejected) {
    BOOST_TEST(!valid_utf8("\xC3"));              // truncated
    BOOST_TEST(!valid_utf8("\xC0\xAF"));          // overlong '/'
    BOOST_TEST(!valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
    BOOST_TEST(!valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    BOOST_TEST(!valid_utf8("\xFF"));
    BOOST_TEST(!valid_utf8("ab\x80" "cd"));       // stray continuation byte
}

BOOST_AUTO_TEST_CASE(length_counts_characters_not_bytes) {
    BOOST_TEST(utf8_length("加装电梯") == 4u);
    BOOST_TEST(utf8_length("a𠀀b") == 3u);
}

BOOST_AUTO_TEST_CASE(decode_and_encode_round_trip) {
    std::string s = "楼道保洁 A 𠀀";
    std::string back;
    for (char32_t cp : decode_utf8(s)) append_utf8(back, cp);
    BOOST_TEST(back == s);
    BOOST_TEST((decode_utf8("\xFF")[0] == U'\uFFFD'));
}

BOOST_AUTO_TEST_CASE(trim_removes_ascii_and_ideographic_spaces) {
    BOOST_TEST(trim("  \t路灯\n") == "路灯");
    BOOST_TEST(trim("\xE3\x80\x80路灯 不亮\xE3\x80\x80") == "路灯 不亮");
    BOOST_TEST(trim(" \xE3\x80\x80 ").empty());
}

BOOST_AUTO_TEST_CASE(title_of_exactly_the_limit_passes_and_one_more_fails) {
    std::string at_limit;
    for (std::size_t i = 0; i < kTitleMaxChars; ++i) at_limit += "电";
    BOOST_TEST(validate_text(at_limit, "title", kTitleMaxChars).ok());
    auto over = validate_text(at_limit + "梯", "title", kTitleMaxChars);
    BOOST_REQUIRE(!over.ok());
    BOOST_TEST(over.error().code == "too_long");
    BOOST_TEST(over.error().status == 400);
    BOOST_TEST(over.error().message == "标题不能超过100个字");
}

BOOST_AUTO_TEST_CASE(blank_text_is_refused_with_the_fields_chinese_name) {
    auto r = validate_text(" \xE3\x80\x80 ", "body", kBodyMaxChars);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == "empty_text");
    BOOST_TEST(r.error().field == "body");
    BOOST_TEST(r.error().message == "内容不能为空");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_text_is_refused) {
    auto r = validate_text("标题\xFF", "title", kTitleMaxChars);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == "bad_utf8");
}

BOOST_AUTO_TEST_CASE(valid_text_is_returned_trimmed) {
    auto r = validate_text("  小区东门路灯不亮  ", "title", kTitleMaxChars);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value() == "小区东门路灯不亮");
}

BOOST_AUTO_TEST_CASE(control_and_directional_characters_are_refused_naming_the_field_and_character) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {std::string("路灯\0不亮", 13), "U+0000"},
        {"路灯\x01不亮", "U+0001"},
        {"路灯\x1B[31m不亮", "U+001B"},
        {"路灯\x7F不亮", "U+007F"},
        {"路灯\xC2\x85不亮", "U+0085"},          // C1 next line
        {"路灯\xC2\x9F不亮", "U+009F"},
        {"路灯\xE2\x80\xAA不亮", "U+202A"},      // left-to-right embedding
        {"费用 \xE2\x80\xAE" "001 元", "U+202E"},  // right-to-left override: shows "元 100"
        {"路灯\xE2\x81\xA6不亮", "U+2066"},      // left-to-right isolate
        {"路灯\xE2\x81\xA9不亮", "U+2069"},      // pop directional isolate
        {"路灯\xE2\x80\x8E不亮", "U+200E"},      // left-to-right mark
        {"路灯\xE2\x80\x8F不亮", "U+200F"},      // right-to-left mark
        {"路灯\xD8\x9C不亮", "U+061C"},          // Arabic letter mark
        {"路灯\xE2\x80\xA8不亮", "U+2028"},      // line separator: not a line break to keep
        {"路灯\f不亮", "U+000C"},
        {"路灯\v不亮", "U+000B"},
    };
    for (const auto& [text, code] : cases) {
        BOOST_TEST_CONTEXT(code) {
            auto r = validate_text(text, "body", kBodyMaxChars);
            BOOST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().code == "bad_character");
            BOOST_TEST(r.error().status == 400);
            BOOST_TEST(r.error().field == "body");
            BOOST_TEST(r.error().message == "内容含有不允许的控制字符（" + code + "），请删除后重试");
        }
    }
}

BOOST_AUTO_TEST_CASE(many_line_text_keeps_newlines_carriage_returns_and_tabs) {
    auto r = validate_text("第一条：路灯不亮\r\n第二条：\t楼道堆物\n谢谢", "body", kBodyMaxChars);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value() == "第一条：路灯不亮\r\n第二条：\t楼道堆物\n谢谢");
    // Arabic or Hebrew letters themselves are text, not controls.
    BOOST_TEST(validate_text("شكرا שלום 谢谢", "body", kBodyMaxChars).ok());
}

BOOST_AUTO_TEST_CASE(one_line_text_refuses_line_breaks_and_tabs) {
    for (const char* text : {"路灯\n不亮", "路灯\r不亮", "路灯\xE2\x80\xA9不亮"}) {
        auto r = validate_text(text, "title", kTitleMaxChars, TextLines::one);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().code == "line_break");
        BOOST_TEST(r.error().message == "标题只能写一行，不能换行");
    }
    auto tab = validate_text("路灯\t不亮", "name", kTitleMaxChars, TextLines::one);
    BOOST_REQUIRE(!tab.ok());
    BOOST_TEST(tab.error().code == "bad_character");
    BOOST_TEST(tab.error().message == "姓名含有不允许的控制字符（U+0009），请删除后重试");
    // Surrounding line breaks are trimmed, not refused.
    BOOST_TEST(validate_text("\n路灯不亮\n", "title", kTitleMaxChars, TextLines::one).value() == "路灯不亮");
}

BOOST_AUTO_TEST_CASE(whole_numbers_are_digits_alone_up_to_the_callers_count) {
    BOOST_TEST(parse_whole_number("0").value() == 0);
    BOOST_TEST(parse_whole_number("0042").value() == 42);
    BOOST_TEST(parse_whole_number("999999999999999999").value() == 999999999999999999LL);
    BOOST_TEST(parse_whole_number("1234567890", 10).value() == 1234567890);
    BOOST_TEST(!parse_whole_number("12345678901", 10));
    BOOST_TEST(!parse_whole_number("0000000000000000001"), "19 digits, though small");
    BOOST_TEST(!parse_whole_number("1", 0));
    for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1.5", "1e9", "ten", "\xef\xbc\x91"})
        BOOST_TEST(!parse_whole_number(bad), bad);
}

BOOST_AUTO_TEST_CASE(a_whole_number_never_reads_more_digits_than_fit) {
    std::string nineteen(19, '9');
    BOOST_TEST(!parse_whole_number(nineteen, 40));
    BOOST_TEST(parse_whole_number(nineteen.substr(1), 40).value() == 999999999999999999LL);
}

BOOST_AUTO_TEST_SUITE_END()
