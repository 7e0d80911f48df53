// FontSlices: reading the manifest of font slices and fetching each slice once, when needed.
#include <boost/test/unit_test.hpp>

#include "yishi/client/font_slices.hpp"

using yishi::client::FontSlices;
using Load = FontSlices::Load;

namespace {
// Three slices as make_font.py writes them; the first has two spans around the CJK punctuation
// the base holds (U+3000…U+303F), and there is a gap between the second and the third.
constexpr std::string_view kManifest =
    R"({"slices":[{"file":"fonts/slice-00.ttf","spans":[[0,12287],[12352,13311]]},)"
    R"({"file":"fonts/slice-01.ttf","spans":[[13312,40959]]},)"
    R"({"file":"fonts/slice-02.ttf","spans":[[131072,173791]]}]})";
}  // namespace

BOOST_AUTO_TEST_SUITE(font_slices)

BOOST_AUTO_TEST_CASE(a_missing_character_asks_for_the_slice_that_holds_it_once) {
    FontSlices f;
    BOOST_REQUIRE(f.read_manifest(kManifest));
    BOOST_TEST(f.slices().size() == 3u);
    BOOST_TEST(f.slices()[1].file == "fonts/slice-01.ttf");
    BOOST_TEST(f.has_manifest());
    // 龘 (U+9F98) lies in the second run, 𠀀 (U+20000) in the third; both of 龘's twice.
    auto first = f.to_fetch({U'龘', U'𠀀', U'龘'});
    BOOST_TEST(first == (std::vector<std::size_t>{1, 2}), boost::test_tools::per_element());
    BOOST_TEST((f.slices()[1].load == Load::loading));
    // Still on its way: not asked for again.
    BOOST_TEST(f.to_fetch({U'龘'}).empty());
    f.arrived(1, true);
    BOOST_TEST((f.slices()[1].load == Load::loaded));
    // Loaded, yet the character is still missing (the font has no glyph): no second fetch.
    BOOST_TEST(f.to_fetch({U'龘'}).empty());
}

BOOST_AUTO_TEST_CASE(a_failed_slice_is_asked_for_again_and_uncovered_characters_never) {
    FontSlices f;
    BOOST_REQUIRE(f.read_manifest(kManifest));
    // U+3001 (the base's), U+FFFD and U+1F600 lie in no span: nothing to fetch.
    BOOST_TEST(f.to_fetch({U'、', U'\uFFFD', U'\U0001F600'}).empty());
    // Both spans of a slice ask for it, once.
    auto both = f.to_fetch({U'\u3041', U'A'});
    BOOST_TEST(both == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
    f.arrived(0, false);
    auto asked = f.to_fetch({U'A'});
    BOOST_TEST(asked == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
    f.arrived(0, false);
    BOOST_TEST((f.slices()[0].load == Load::absent));
    auto again = f.to_fetch({U'A'});
    BOOST_TEST(again == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
}

// The common characters as make_font.py writes them: one slice, marked prefetch, whose spans lie
// between those of the slices of rare characters.
BOOST_AUTO_TEST_CASE(the_common_slice_is_prefetched_once_and_found_between_the_others) {
    FontSlices f;
    BOOST_REQUIRE(f.read_manifest(
        R"({"slices":[{"file":"fonts/common.ttf","spans":[[19968,19969],[19971,19971]],)"
        R"("prefetch":true},{"file":"fonts/slice-00.ttf","spans":[[19970,19970],[19972,20000]]}]})"));
    BOOST_TEST(f.slices()[0].prefetch);
    BOOST_TEST(!f.slices()[1].prefetch);
    // 一 (U+4E00) and 七 (U+4E03) are common, 丂 (U+4E02) and 万 (U+4E07) are not.
    auto common = f.to_fetch({U'一', U'七'});
    BOOST_TEST(common == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
    auto rare = f.to_fetch({U'丂', U'万'});
    BOOST_TEST(rare == (std::vector<std::size_t>{1}), boost::test_tools::per_element());
    // On its way already: the prefetch asks for nothing more.
    BOOST_TEST(f.to_prefetch().empty());

    FontSlices g;
    BOOST_REQUIRE(g.read_manifest(
        R"({"slices":[{"file":"fonts/common.ttf","spans":[[19968,19969]],"prefetch":true},)"
        R"({"file":"fonts/slice-00.ttf","spans":[[19970,20000]],"prefetch":false}]})"));
    auto first = g.to_prefetch();
    BOOST_TEST(first == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
    BOOST_TEST(g.to_prefetch().empty());
    // A failed prefetch is asked for again; a loaded one never.
    g.arrived(0, false);
    auto again = g.to_prefetch();
    BOOST_TEST(again == (std::vector<std::size_t>{0}), boost::test_tools::per_element());
    g.arrived(0, true);
    BOOST_TEST(g.to_prefetch().empty());
    BOOST_TEST(g.to_fetch({U'一'}).empty());
}

BOOST_AUTO_TEST_CASE(a_malformed_manifest_is_refused_and_keeps_nothing) {
    for (std::string_view bad : {
             std::string_view(""), std::string_view("[]"), std::string_view(R"({"slices":{}})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[5,4]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[-1,4]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[0,1114112]]}]})"),
             std::string_view(R"({"slices":[{"file":"","spans":[[0,4]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[0]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[["0",4]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf"}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[0,9]]},)"
                              R"({"file":"b.ttf","spans":[[9,20]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[0,3],[10,12]]},)"
                              R"({"file":"b.ttf","spans":[[5,11]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[10,12],[0,3]]}]})"),
             std::string_view(R"({"slices":[{"file":"a.ttf","spans":[[0,3]],"prefetch":1}]})"),
         }) {
        FontSlices f;
        BOOST_TEST(!f.read_manifest(bad), bad);
        BOOST_TEST(!f.has_manifest());
        BOOST_TEST(f.slices().empty());
        BOOST_TEST(f.to_fetch({U'A'}).empty());
    }
}

BOOST_AUTO_TEST_SUITE_END()
