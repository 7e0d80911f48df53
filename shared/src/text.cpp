// UTF-8 handling shared by server validation and the client's glyph collection; whole numbers
// in query parameters.
#include "yishi/text.hpp"

#include <algorithm>
#include <cstdio>

namespace yishi {

namespace {
// Decodes one code point at s[i]; returns its length in bytes, or 0 when malformed.
std::size_t decode_one(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    unsigned char c = b(0);
    std::size_t len;
    char32_t min;
    if (c < 0x80) { cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}
}  // namespace

bool valid_utf8(std::string_view s) {
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode_one(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    char32_t cp;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode_one(s, i, cp);
        if (n == 0) { out.push_back(0xFFFD); ++i; continue; }
        out.push_back(cp);
        i += n;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string trim(std::string_view s) {
    auto is_space_at_front = [](std::string_view v) -> std::size_t {
        if (v.empty()) return 0;
        unsigned char c = v[0];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
        return 0;
    };
    auto is_space_at_back = [](std::string_view v) -> std::size_t {
        if (v.empty()) return 0;
        unsigned char c = v.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") return 3;
        return 0;
    };
    while (std::size_t n = is_space_at_front(s)) s.remove_prefix(n);
    while (std::size_t n = is_space_at_back(s)) s.remove_suffix(n);
    return std::string(s);
}

std::optional<char32_t> forbidden_character(std::string_view s, TextLines lines) {
    for (char32_t c : decode_utf8(s)) {
        bool line_break = c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
        if (line_break || c == '\t') {
            if (lines == TextLines::one) return c;
            if (c != 0x2028 && c != 0x2029) continue;
        }
        bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        bool directional = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
                           c == 0x200E || c == 0x200F || c == 0x061C;
        if (control || directional || c == 0x2028 || c == 0x2029) return c;
    }
    return std::nullopt;
}

Check check_characters(std::string_view s, const std::string& field, TextLines lines) {
    auto c = forbidden_character(s, lines);
    if (!c) return std::nullopt;
    if (lines == TextLines::one && (*c == '\n' || *c == '\r' || *c == 0x2028 || *c == 0x2029))
        return make_error("line_break", field);
    Error e = make_error("bad_character", field);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(*c));
    e.message = field_label(field) + "含有不允许的控制字符（" + code + "），请删除后重试";
    return e;
}

Result<std::string> validate_text(std::string_view s, const std::string& field,
                                  std::size_t max_chars, TextLines lines) {
    if (!valid_utf8(s)) return make_error("bad_utf8", field);
    std::string t = trim(s);
    if (t.empty()) return make_error("empty_text", field);
    if (auto refused = check_characters(t, field, lines)) return *refused;
    if (utf8_length(t) > max_chars) {
        Error e = make_error("too_long", field);
        e.message = field_label(field) + "不能超过" + std::to_string(max_chars) + "个字";
        return e;
    }
    return t;
}

std::optional<std::int64_t> parse_whole_number(std::string_view text, std::size_t max_digits) {
    // The cap keeps the sum below from overflowing.
    if (text.empty() || text.size() > std::min(max_digits, kWholeNumberMaxDigits))
        return std::nullopt;
    std::int64_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace yishi
