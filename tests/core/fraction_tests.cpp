// Exact shares: "more than" is strict, "at least" includes the share; no floating point.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>

#include "yishi/fraction.hpp"

using namespace yishi;

BOOST_AUTO_TEST_SUITE(fraction)

BOOST_AUTO_TEST_CASE(more_than_half_is_strict_so_exactly_half_fails) {
    Threshold half{{1, 2}, Bound::more_than};
    BOOST_TEST(!meets(half, 5, 10));
    BOOST_TEST(meets(half, 6, 10));
    BOOST_TEST(!meets(half, 7, 15) );
    BOOST_TEST(meets(half, 8, 15));
}

BOOST_AUTO_TEST_CASE(at_least_two_thirds_includes_two_thirds_exactly) {
    Threshold two_thirds{{2, 3}, Bound::at_least};
    BOOST_TEST(meets(two_thirds, 10, 15));
    BOOST_TEST(!meets(two_thirds, 9, 15));  // one short
    BOOST_TEST(meets(two_thirds, 2, 3));
    BOOST_TEST(!meets(two_thirds, 6666, 10000));  // 0.6666 is not 2/3
    BOOST_TEST(meets(two_thirds, 6667, 10000));
}

BOOST_AUTO_TEST_CASE(an_empty_whole_meets_no_threshold) {
    BOOST_TEST(!meets({{2, 3}, Bound::at_least}, 0, 0));
    BOOST_TEST(!meets({{1, 2}, Bound::more_than}, 0, 0));
}

BOOST_AUTO_TEST_CASE(huge_areas_do_not_overflow) {
    // Areas in 1/100 m² can be large; the products are taken in 128 bits.
    const std::int64_t whole = std::numeric_limits<std::int64_t>::max() / 2;
    Threshold half{{1, 2}, Bound::more_than};
    BOOST_TEST(meets(half, whole / 2 + 1, whole));
    BOOST_TEST(!meets(half, whole / 2, whole));
}

BOOST_AUTO_TEST_CASE(valid_shares_lie_in_zero_exclusive_to_one_inclusive) {
    BOOST_TEST(valid_share({1, 1}));
    BOOST_TEST(valid_share({1, 2}));
    BOOST_TEST(!valid_share({0, 2}));
    BOOST_TEST(!valid_share({3, 2}));
    BOOST_TEST(!valid_share({1, 0}));
    BOOST_TEST(!valid_share({-1, -2}));
}

BOOST_AUTO_TEST_CASE(at_most_includes_the_boundary) {
    BOOST_TEST(at_most({1, 10}, 1, 10));
    BOOST_TEST(!at_most({1, 10}, 2, 19));
    BOOST_TEST(at_most({1, 10}, 2, 20));
}

BOOST_AUTO_TEST_SUITE_END()
