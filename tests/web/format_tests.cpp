// excerpt(): previews of issue bodies in the list.
#include <boost/test/unit_test.hpp>

#include "yishi/client/format.hpp"

using yishi::client::excerpt;

BOOST_AUTO_TEST_SUITE(format)

BOOST_AUTO_TEST_CASE(a_short_text_is_shown_whole) {
    BOOST_TEST(excerpt("三号楼前的路灯坏了。", 60) == "三号楼前的路灯坏了。");
    BOOST_TEST(excerpt("", 60) == "");
}

BOOST_AUTO_TEST_CASE(a_long_text_is_cut_by_characters_not_bytes_and_marked) {
    BOOST_TEST(excerpt("一二三四五六", 4) == "一二三四…");
    BOOST_TEST(excerpt("一二三四", 4) == "一二三四");
}

BOOST_AUTO_TEST_CASE(line_breaks_become_single_spaces) {
    BOOST_TEST(excerpt("第一行\n\n第二行\r\n", 60) == "第一行 第二行");
}

BOOST_AUTO_TEST_SUITE_END()
