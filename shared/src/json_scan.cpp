// The JSON scanner: strings (escapes, surrogate pairs, UTF-8 by the RFC 3629 table), numbers (as
// nlohmann classes them, a double that overflows refused like nlohmann's "number overflow"),
// literals and nesting.
#include "json_scan.hpp"

#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "yishi/text.hpp"

namespace yishi::json_scan {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Eight bytes at a time (SWAR, "SIMD within a register"): a mask with the high bit of each byte
// that stops a run; the lowest set bit is exact, which is all that is read of it.
static_assert(std::endian::native == std::endian::little, "runs are read in little-endian order");
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
std::uint64_t bytes_below(std::uint64_t w, unsigned char n) { return (w - kOnes * n) & ~w & kHighs; }
std::uint64_t bytes_equal(std::uint64_t w, char c) {
    return bytes_below(w ^ (kOnes * static_cast<unsigned char>(c)), 1);
}

// The length of the run at p of bytes other than '"' and '\\' and, when `plain`, other than
// control characters and bytes of multi-byte characters too.
inline std::size_t run_length(const char* p, const char* end, bool plain) {
    const char* start = p;
    for (; end - p >= 8; p += 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        std::uint64_t stop = bytes_equal(w, '"') | bytes_equal(w, '\\');
        if (plain) stop |= bytes_below(w, 0x20) | (w & kHighs);
        if (stop) return static_cast<std::size_t>(p - start) + (std::countr_zero(stop) >> 3);
    }
    for (; p < end && *p != '"' && *p != '\\'; ++p)
        if (plain && static_cast<unsigned char>(*p) - 0x20u >= 0x60u) break;
    return static_cast<std::size_t>(p - start);
}

// From an opening quote, the closing one, stepping over escapes unchecked; nullptr if none.
const char* closing_quote(const char* p, const char* end) {
    for (++p;; p += 2) {
        p += run_length(p, end, false);
        if (p >= end) return nullptr;
        if (*p == '"') return p;
        if (end - p < 2) return nullptr;
    }
}

}  // namespace

bool Scanner::at_end() { return peek() == '\0' && pos_ == t_.size(); }

bool Scanner::hex4(unsigned& out) {
    if (t_.size() - pos_ < 4) return fail();
    out = 0;
    for (int i = 0; i < 4; ++i) {
        char c = t_[pos_++];
        unsigned d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                           : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 16;
        if (d == 16) return fail();
        out = out * 16 + d;
    }
    return true;
}

// At a backslash: one escape, appended to `decoded` when given. A \u escape of a surrogate must
// come as a pair, high then low.
bool Scanner::escape(std::string* decoded) {
    escaped_ = true;
    if (t_.size() - pos_ < 2) return fail();
    char c = t_[pos_ + 1];
    pos_ += 2;
    const char* plain = std::strchr("\"\\/bfnrt", c);
    if (c != '\0' && plain) {
        if (decoded) *decoded += "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"];
        return true;
    }
    unsigned cp = 0;
    if (c != 'u' || !hex4(cp)) return fail();
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail();
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned low = 0;
        if (t_.substr(pos_, 2) != "\\u") return fail();
        pos_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return fail();
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (decoded) append_utf8(*decoded, static_cast<char32_t>(cp));
    return true;
}

// At a byte ≥ 0x80 inside a string: one well-formed UTF-8 sequence (no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool Scanner::utf8_sequence() {
    auto lead = static_cast<unsigned char>(t_[pos_]);
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) n = 1;
    else if (lead == 0xE0) n = 2, lo = 0xA0;
    else if (lead == 0xED) n = 2, hi = 0x9F;
    else if (lead >= 0xE1 && lead <= 0xEF) n = 2;
    else if (lead == 0xF0) n = 3, lo = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3) n = 3;
    else if (lead == 0xF4) n = 3, hi = 0x8F;
    else return fail();
    if (t_.size() - pos_ <= n) return fail();
    for (std::size_t i = 1; i <= n; ++i) {
        auto b = static_cast<unsigned char>(t_[pos_ + i]);
        if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return fail();
    }
    pos_ += n + 1;
    return true;
}

// At the opening quote: the string up to its closing quote, decoded into `decoded` when given.
bool Scanner::scan_string(std::string* decoded) {
    escaped_ = false;
    std::size_t run = ++pos_;  // start of the plain characters not yet copied
    for (;;) {
        pos_ += run_length(t_.data() + pos_, t_.data() + t_.size(), true);
        if (pos_ >= t_.size()) return fail();
        auto c = static_cast<unsigned char>(t_[pos_]);
        if (c == '"') {
            if (decoded) decoded->append(t_.substr(run, pos_ - run));
            ++pos_;
            return true;
        }
        if (c < 0x20) return fail();  // control characters must be escaped
        if (c >= 0x80) {
            if (!utf8_sequence()) return false;
        } else {  // a backslash
            if (decoded) decoded->append(t_.substr(run, pos_ - run));
            if (!escape(decoded)) return false;
            run = pos_;
        }
    }
}

bool Scanner::string(std::string_view& out, std::deque<std::string>& decoded) {
    if (peek() != '"') return fail();
    std::size_t start = pos_;
    // Most strings are plain characters up to the closing quote.
    std::size_t n = run_length(t_.data() + start + 1, t_.data() + t_.size(), true);
    if (start + 1 + n < t_.size() && t_[start + 1 + n] == '"') {
        out = t_.substr(start + 1, n);
        pos_ = start + n + 2;
        return true;
    }
    if (!scan_string(nullptr)) return false;
    if (!escaped_) {
        out = t_.substr(start + 1, pos_ - start - 2);
        return true;
    }
    pos_ = start;  // rare: read it again, decoding
    scan_string(&decoded.emplace_back());
    out = decoded.back();
    return true;
}

bool Scanner::number(Number& out) {
    peek();
    std::size_t start = pos_;
    out = Number{};
    out.negative = pos_ < t_.size() && t_[pos_] == '-';
    if (out.negative) ++pos_;
    auto digits = [&] {
        std::size_t from = pos_;
        while (pos_ < t_.size() && is_digit(t_[pos_])) ++pos_;
        return pos_ - from;
    };
    std::size_t int_start = pos_;
    std::size_t n = digits();
    if (n == 0 || (n > 1 && t_[int_start] == '0')) return fail();  // no leading zeros
    bool integer = true;
    if (pos_ < t_.size() && t_[pos_] == '.') {
        ++pos_;
        if (digits() == 0) return fail();
        integer = false;
    }
    if (pos_ < t_.size() && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < t_.size() && (t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
        if (digits() == 0) return fail();
        integer = false;
    }
    if (integer) {
        std::uint64_t v = 0;
        for (std::size_t i = int_start; i < int_start + n && integer; ++i)
            integer = !__builtin_mul_overflow(v, 10u, &v) &&
                      !__builtin_add_overflow(v, static_cast<unsigned>(t_[i] - '0'), &v);
        if (integer && out.negative && v > (std::uint64_t{1} << 63)) integer = false;
        out.integer = integer;
        out.magnitude = integer ? v : 0;
    }
    if (!out.integer) {
        // Read as a double, like nlohmann, which refuses one that overflows.
        std::string token(t_.substr(start, pos_ - start));
        if (!std::isfinite(std::strtod(token.c_str(), nullptr))) return fail();
    }
    return true;
}

bool Scanner::literal(std::string_view word) {
    if (t_.substr(pos_, word.size()) != word) return fail();
    pos_ += word.size();
    return true;
}

bool Scanner::scalar() {
    Number ignored;
    switch (peek()) {
        case '"': return scan_string(nullptr);
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number(ignored);
    }
}

bool Scanner::skip_value() {
    open_.clear();
    for (;;) {
        // A value: a container opens, or a scalar.
        char c = peek();
        if (c == '[' || c == '{') {
            ++pos_;
            char closer = c == '[' ? ']' : '}';
            if (!take(closer)) {
                open_.push_back(closer);
                if (closer == '}' && !(peek() == '"' && scan_string(nullptr) && expect(':')))
                    return fail();
                continue;
            }
        } else if (!scalar()) {
            return false;
        }
        // After a value: the next member, or closers.
        for (;;) {
            if (open_.empty()) return true;
            if (take(',')) {
                if (open_.back() == '}' && !(peek() == '"' && scan_string(nullptr) && expect(':')))
                    return fail();
                break;
            }
            if (!expect(open_.back())) return false;
            open_.pop_back();
        }
    }
}

bool Scanner::skip_extent(std::size_t* items) {
    const char* begin = t_.data();
    const char* end = begin + t_.size();
    char c = peek();
    if (c == '"') {
        const char* q = closing_quote(begin + pos_, end);
        if (!q) return fail();
        pos_ = static_cast<std::size_t>(q + 1 - begin);
        return true;
    }
    if (c == '[' || c == '{') {
        std::size_t depth = 0, commas = 0;
        for (const char* p = begin + pos_; p < end; ++p) {
            switch (*p) {
                case '"':
                    if (!(p = closing_quote(p, end))) return fail();
                    break;
                case '[':
                case '{': ++depth; break;
                case ',': commas += depth == 1; break;
                case ']':
                case '}':
                    if (--depth > 0) break;
                    pos_ = static_cast<std::size_t>(p + 1 - begin);
                    if (items) *items = p[-1] == '[' ? 0 : commas + 1;  // a hint: "[ ]" counts one
                    return true;
                default: break;
            }
        }
        return fail();
    }
    // A scalar runs to the next delimiter; only what can start a value may start one.
    if (c != '-' && c != 't' && c != 'f' && c != 'n' && !is_digit(c)) return fail();
    while (pos_ < t_.size() && !std::strchr(" \t\n\r,]}", t_[pos_])) ++pos_;
    return true;
}

}  // namespace yishi::json_scan
