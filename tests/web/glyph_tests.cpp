// GlyphSet: which characters the font atlas must hold, and when it must be rebuilt.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/glyphs.hpp"
#include "yishi/text.hpp"

using namespace fixtures;

BOOST_AUTO_TEST_SUITE(glyphs)

BOOST_AUTO_TEST_CASE(ascii_and_chinese_punctuation_are_there_from_the_start) {
    GlyphSet g;
    for (char32_t cp : {U'A', U'z', U'~', U' ', U'，', U'。', U'、', U'《', U'…', U'（', U'：'})
        BOOST_TEST(g.contains(cp));
    BOOST_TEST(!g.contains(U'议'));
}

BOOST_AUTO_TEST_CASE(new_characters_bump_the_version_and_known_ones_do_not) {
    GlyphSet g;
    auto v0 = g.version();
    BOOST_TEST(g.add("议事"));
    BOOST_TEST(g.version() == v0 + 2);
    BOOST_TEST(!g.add("议事，ok"));
    BOOST_TEST(g.version() == v0 + 2);
}

BOOST_AUTO_TEST_CASE(rare_characters_typed_by_a_user_are_collected) {
    GlyphSet g;
    BOOST_TEST(g.add("𠀀堃"));  // U+20000 (CJK extension B) and a rare BMP name character
    BOOST_TEST(g.contains(U'\U00020000'));
    BOOST_TEST(g.contains(U'堃'));
}

BOOST_AUTO_TEST_CASE(control_characters_never_enter_the_atlas) {
    GlyphSet g;
    auto v0 = g.version();
    BOOST_TEST(!g.add("\n\t\r\x7f"));
    BOOST_TEST(g.version() == v0);
}

BOOST_AUTO_TEST_CASE(ranges_are_merged_inclusive_pairs_ending_with_zero) {
    GlyphSet g;
    g.add("议事");
    auto r = g.ranges();
    BOOST_REQUIRE(r.size() >= 3u);
    BOOST_TEST(r.size() % 2 == 1u);
    BOOST_TEST(r.back() == 0u);
    BOOST_TEST(r[0] == 0x20u);
    BOOST_TEST(r[1] == 0x7Eu);  // printable ASCII is one range
    std::size_t covered = 0;
    for (std::size_t i = 0; i + 1 < r.size(); i += 2) {
        BOOST_TEST(r[i] <= r[i + 1]);
        if (i + 2 < r.size() - 1) BOOST_TEST(r[i + 1] + 1 < r[i + 2]);  // gaps between ranges
        covered += r[i + 1] - r[i] + 1;
    }
    BOOST_TEST(covered == g.size());
}

BOOST_AUTO_TEST_CASE(collecting_a_state_covers_the_catalog_and_server_texts) {
    LoggedIn f;
    f.load_list();
    apply(f.state, RaiseIssue{"", "x"});  // leaves a Chinese error message
    GlyphSet g;
    collect_glyphs(g, f.state);
    for (std::string_view text :
         {"登录议事", "退出登录", "征集附议中", "已列入议题清单", "王秀英", "幸福里居民议事会",
          "楼道堆物影响消防通道", "李建国", "标题不能为空"})
        for (char32_t cp : yishi::decode_utf8(text)) BOOST_TEST(g.contains(cp));
}

BOOST_AUTO_TEST_SUITE_END()
