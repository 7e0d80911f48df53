// Exact decimals for floor areas and costs: "88.20" is held as 8820 hundredths, never as a double.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/errors.hpp"

namespace yishi {

// The largest value a decimal may hold: 15 integer digits, so that sums and products with
// counts still fit in 64 bits after the overflow checks of their callers.
constexpr std::int64_t kMaxHundredths = 99'999'999'999'999'999;

// Parses a non-negative decimal with at most two decimals ("88", "88.2", "88.20") into
// hundredths. Refused with "bad_decimal" naming `field`: signs, exponents, spaces, empty parts
// ("88.", ".5"), a third decimal ("1.005": never rounded), more than 15 integer digits.
Result<std::int64_t> parse_hundredths(std::string_view text, const std::string& field);

// A floor area (建筑面积/专有面积) in square metres as its owner declared it, read exactly into
// hundredths: digits, at most two decimals, no leading zero, at most 7 integer digits (so that no
// sum of areas can overflow), greater than 0. Refused with "bad_floor_area" (field floor_area).
Result<std::int64_t> parse_floor_area(std::string_view text);

// The canonical form with exactly two decimals: 8820 → "88.20". Negative values keep their sign.
std::string format_hundredths(std::int64_t hundredths);

}  // namespace yishi
