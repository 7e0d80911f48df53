// Exact shares and thresholds: "more than 1/2" (过半数) and "at least 2/3" (三分之二以上)
// compared by integer cross-multiplication only, never by floating point.
#pragma once
#include <cstdint>

namespace yishi {

// A share num/den of some whole. Valid shares have den > 0 and 0 < num <= den.
struct Fraction {
    std::int64_t num = 0;
    std::int64_t den = 1;
};

// How a share is met: strictly more than it (过半数), or at least it (以上, includes the share).
enum class Bound { more_than, at_least };

struct Threshold {
    Fraction share;
    Bound bound = Bound::more_than;
};

// den > 0 and 0 < num <= den.
bool valid_share(Fraction f);

// part/whole against the threshold, by cross-multiplication in 128-bit integers.
// An empty whole (whole <= 0) meets nothing: no meeting of nobody reaches a quorum.
bool meets(const Threshold& t, std::int64_t part, std::int64_t whole);

// part/whole <= f exactly (used for the deferral margin).
bool at_most(Fraction f, std::int64_t part, std::int64_t whole);

}  // namespace yishi
