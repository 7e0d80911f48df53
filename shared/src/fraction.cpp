// Exact share comparisons; 128-bit products so that floor areas times denominators cannot overflow.
#include "yishi/fraction.hpp"

namespace yishi {

bool valid_share(Fraction f) { return f.den > 0 && f.num > 0 && f.num <= f.den; }

bool meets(const Threshold& t, std::int64_t part, std::int64_t whole) {
    if (whole <= 0 || t.share.den <= 0) return false;
    __int128 lhs = static_cast<__int128>(part) * t.share.den;
    __int128 rhs = static_cast<__int128>(t.share.num) * whole;
    return t.bound == Bound::more_than ? lhs > rhs : lhs >= rhs;
}

bool at_most(Fraction f, std::int64_t part, std::int64_t whole) {
    if (f.den <= 0) return false;
    return static_cast<__int128>(part) * f.den <= static_cast<__int128>(f.num) * whole;
}

}  // namespace yishi
