// Decimal strings to integer hundredths and back; the only place that reads a decimal point.
#include "yishi/decimal.hpp"

namespace yishi {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }

Error bad_decimal(const std::string& field, std::string_view text) {
    Error e = make_error("bad_decimal", field);
    e.message += "：\"" + std::string(text) + "\"";
    return e;
}
}  // namespace

Result<std::int64_t> parse_hundredths(std::string_view text, const std::string& field) {
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    bool shape_ok = !whole.empty() && whole.size() <= 15 &&
                    (dot == std::string_view::npos || (!frac.empty() && frac.size() <= 2));
    if (!shape_ok) return bad_decimal(field, text);
    std::int64_t v = 0;
    for (char c : whole) {
        if (!digit(c)) return bad_decimal(field, text);
        v = v * 10 + (c - '0');
    }
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        char c = i < frac.size() ? frac[i] : '0';
        if (!digit(c)) return bad_decimal(field, text);
        cents = cents * 10 + (c - '0');
    }
    return v * 100 + cents;
}

Result<std::int64_t> parse_floor_area(std::string_view text) {
    constexpr std::size_t kMaxWholeDigits = 7;  // up to 9 999 999.99 m²
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    auto digits = [](std::string_view d) {
        return d.find_first_not_of("0123456789") == std::string_view::npos;
    };
    bool well_formed = !whole.empty() && digits(whole) && digits(fraction) &&
                       whole.size() <= kMaxWholeDigits && (whole == "0" || whole[0] != '0') &&
                       (dot == std::string_view::npos || (!fraction.empty() && fraction.size() <= 2));
    if (!well_formed) return make_error("bad_floor_area", "floor_area");
    std::int64_t centi = 0;
    for (char c : whole) centi = centi * 10 + (c - '0');
    for (std::size_t i = 0; i < 2; ++i) centi = centi * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    if (centi <= 0) {
        Error e = make_error("bad_floor_area", "floor_area");
        e.message = "建筑面积须大于 0";
        return e;
    }
    return centi;
}

std::string format_hundredths(std::int64_t hundredths) {
    std::string sign = hundredths < 0 ? "-" : "";
    // Negate in unsigned arithmetic so that the most negative value cannot overflow.
    std::uint64_t v = hundredths < 0 ? 0 - static_cast<std::uint64_t>(hundredths)
                                     : static_cast<std::uint64_t>(hundredths);
    std::string cents = std::to_string(v % 100);
    if (cents.size() < 2) cents = "0" + cents;
    return sign + std::to_string(v / 100) + "." + cents;
}

}  // namespace yishi
