// Text rules: UTF-8 well-formedness, lengths in characters, trimming, field validation.
#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_SUITE_END()
