// An uploaded roster file's bytes as UTF-8 text: UTF-8 with or without BOM, GB18030/GBK as
// Excel saves it on Chinese Windows, and bytes that are neither. Pure functions, no server.
#include <boost/test/unit_test.hpp>

#include <iconv.h>

#include <string>

#include "yishi/roster.hpp"
#include "yishi/server/roster_text.hpp"

using namespace yishi;
using namespace yishi::server;

namespace {

// The text encoded as GB18030 by glibc's iconv, independently of the code under test's path.
std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    BOOST_REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 2 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    BOOST_REQUIRE(iconv(cd, &in, &in_left, &to, &to_left) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - to_left);
    return out;
}

const std::string kRoster = "姓名,楼栋,单元,房号,专有面积（㎡）\r\n张秀英,3,2,501,88.20\r\n𠮷田花子,5,1,102,70\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(roster_text)

BOOST_AUTO_TEST_CASE(utf8_is_taken_as_it_is_and_its_bom_is_dropped) {
    auto plain = roster_text_utf8(kRoster);
    BOOST_REQUIRE(plain.ok());
    BOOST_TEST(plain.value() == kRoster);
    auto with_bom = roster_text_utf8("\xEF\xBB\xBF" + kRoster);
    BOOST_REQUIRE(with_bom.ok());
    BOOST_TEST(with_bom.value() == kRoster);
}

BOOST_AUTO_TEST_CASE(gb18030_bytes_are_converted_including_four_byte_characters) {
    // Known bytes: 姓名 is D0D5 C3FB in GB2312/GBK; 𠮷 (U+20BB7) is the four-byte 9534 B235.
    BOOST_TEST(to_gb18030("姓名") == "\xD0\xD5\xC3\xFB");
    BOOST_TEST(to_gb18030("𠮷") == "\x95\x34\xB2\x35");
    auto text = roster_text_utf8("\xD0\xD5\xC3\xFB,\x95\x34\xB2\x35\r\n");
    BOOST_REQUIRE(text.ok());
    BOOST_TEST(text.value() == "姓名,𠮷\r\n");

    auto whole = roster_text_utf8(to_gb18030(kRoster));
    BOOST_REQUIRE(whole.ok());
    BOOST_TEST(whole.value() == kRoster);
    auto roster = read_roster(whole.value());
    BOOST_REQUIRE(roster.ok());
    BOOST_REQUIRE(roster.value().accepted.size() == 2u);
    BOOST_TEST(roster.value().accepted[1].name == "𠮷田花子");
    BOOST_TEST(roster.value().accepted[1].household() == "5栋1单元102");
}

BOOST_AUTO_TEST_CASE(bytes_valid_in_neither_encoding_are_refused_with_a_chinese_message) {
    for (const std::string& bytes :
         {std::string("\xFF\xFE姓名"), std::string("姓名\x80"), std::string("\xD0\xD5\xC3"),
          std::string("\x81\x20,1")}) {
        auto r = roster_text_utf8(bytes);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().code == "bad_encoding");
        BOOST_TEST(r.error().status == 400);
        BOOST_TEST(r.error().message == "文件编码无法识别：请另存为 UTF-8 或 GB18030（GBK）编码的 CSV");
    }
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_a_bad_csv) {
    for (const std::string& bytes : {std::string(), std::string("\xEF\xBB\xBF")}) {
        auto r = roster_text_utf8(bytes);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().code == "bad_csv");
        BOOST_TEST(r.error().status == 400);
    }
}

BOOST_AUTO_TEST_SUITE_END()
