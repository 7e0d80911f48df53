// break_lines(): greedy line filling over break opportunities with the Chinese line-start and
// line-end rules; soft_wrap()/unwrap_edit(): the same lines as newlines an editor can draw.
#include "yishi/client/line_break.hpp"

#include <algorithm>
#include <string_view>

namespace yishi::client {

namespace {

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }
bool is_digit(char32_t c) { return in(c, '0', '9') || in(c, 0xFF10, 0xFF19); }

// Ideographs, kana, CJK marks and full-width forms: a line may break between any two of them.
// Arrows count as such too (the timeline's 提 → 议), but never start a line.
bool is_cjk(char32_t c) {
    return in(c, 0x2190, 0x21FF) || in(c, 0x2E80, 0x2FDF) || in(c, 0x3000, 0x33FF) ||
           in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF) ||
           in(c, 0xFE30, 0xFE4F) || in(c, 0xFF00, 0xFFEF) || in(c, 0x20000, 0x3FFFF);
}

// What may follow a number on the same line as its unit: 人, 元, 栋, %, ℃, ㎡.
bool is_unit(char32_t c) {
    return in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xF900, 0xFAFF) ||
           in(c, 0x20000, 0x3FFFF) || in(c, 0x2100, 0x214F) || in(c, 0x3300, 0x33FF) ||
           c == '%' || c == 0xFF05;
}

// 行首禁则: closing marks and the punctuation that ends a clause.
constexpr std::u32string_view kNoStart =
    U"，。、；：？！）」』》〉】］｝〕〗”’…‥％,.;:?!)]}%→";
// 行尾禁则: opening marks.
constexpr std::u32string_view kNoEnd = U"（「『《〈【［｛〔〖“‘([{";

bool no_start(char32_t c) { return kNoStart.find(c) != std::u32string_view::npos; }
bool no_end(char32_t c) { return kNoEnd.find(c) != std::u32string_view::npos; }

struct Char {
    char32_t cp;
    std::size_t at;  // byte offset in the text
};

// Code points with their offsets; a malformed byte stands for itself as U+FFFD.
std::vector<Char> decode(std::string_view s) {
    std::vector<Char> out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        char32_t cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
        bool ok = len > 0 && i + len <= s.size();
        for (int k = 1; ok && k < len; ++k) {
            auto c = static_cast<unsigned char>(s[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!ok) {
            out.push_back({0xFFFD, i});
            ++i;
            continue;
        }
        out.push_back({cp, i});
        i += len;
    }
    return out;
}

// Whether a line may start at chars[b] (0 < b).
bool may_break_at(const std::vector<Char>& chars, std::size_t b) {
    std::size_t k = b;
    while (k > 0 && is_space(chars[k - 1].cp)) --k;
    if (k == 0) return false;
    return may_break_between(chars[k - 1].cp, k < b, chars[b].cp);
}

}  // namespace

bool may_break_between(char32_t before_spaces, bool spaced, char32_t next) {
    if (is_space(next) || next == '\n') return false;  // spaces stay at the end of a line
    if (no_start(next) || no_end(before_spaces)) return false;
    if (is_digit(before_spaces) && is_unit(next)) return false;
    return spaced || is_cjk(before_spaces) || is_cjk(next);
}

std::vector<TextLine> break_lines(std::string_view text, float width, const Advance& advance) {
    std::vector<Char> chars = decode(text);
    auto at = [&](std::size_t i) { return i < chars.size() ? chars[i].at : text.size(); };
    std::vector<TextLine> lines;
    std::size_t start = 0;
    float used = 0;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        char32_t cp = chars[i].cp;
        if (cp == '\n') {
            lines.push_back({at(start), at(i), true});
            start = i + 1;
            used = 0;
            continue;
        }
        float a = advance(cp);
        if (i == start || is_space(cp) || used + a <= width) {
            used += a;
            continue;
        }
        // chars[i] overflows: end the line at the last opportunity, else cut here.
        std::size_t b = i;
        while (b > start && !may_break_at(chars, b)) --b;
        if (b == start) b = i;
        lines.push_back({at(start), at(b), false});
        start = b;
        used = 0;
        i = b - 1;  // lay out the moved characters again on the new line
    }
    lines.push_back({at(start), text.size(), false});
    return lines;
}

WrappedText soft_wrap(std::string_view text, float width, const Advance& advance) {
    WrappedText out;
    out.display.reserve(text.size() + 16);
    for (const TextLine& line : break_lines(text, width, advance)) {
        if (line.begin > 0 && text[line.begin - 1] != '\n') {
            out.soft.push_back(out.display.size());
            out.display += '\n';
        }
        out.display.append(text.substr(line.begin, line.end - line.begin));
        if (line.hard) out.display += '\n';
    }
    return out;
}

std::size_t display_offset(const WrappedText& shown, std::size_t offset) {
    std::size_t n = 0;
    for (std::size_t k = 0; k < shown.soft.size(); ++k)
        if (shown.soft[k] - k <= offset) ++n;  // the k-th soft break precedes text byte soft[k] - k
    return offset + n;
}

std::string unwrap_edit(const WrappedText& shown, std::string_view edited,
                        std::vector<std::size_t>& edited_offsets) {
    const std::string& before = shown.display;
    // The edit replaced before[p, before.size() - s) by edited[p, edited.size() - s).
    std::size_t p = 0;
    std::size_t limit = std::min(before.size(), edited.size());
    while (p < limit && before[p] == edited[p]) ++p;
    std::size_t s = 0;
    while (s < limit - p && before[before.size() - 1 - s] == edited[edited.size() - 1 - s]) ++s;
    auto is_soft = [&](std::size_t i) {
        return std::binary_search(shown.soft.begin(), shown.soft.end(), i);
    };
    auto soft_before = [&](std::size_t i) {  // soft breaks at offsets below i
        return static_cast<std::size_t>(
            std::lower_bound(shown.soft.begin(), shown.soft.end(), i) - shown.soft.begin());
    };

    std::string text;
    text.reserve(edited.size());
    for (std::size_t i = 0; i < p; ++i)
        if (!is_soft(i)) text += before[i];
    std::size_t head = text.size();
    text.append(edited.substr(p, edited.size() - s - p));
    std::size_t tail_at = before.size() - s;
    for (std::size_t i = tail_at; i < before.size(); ++i)
        if (!is_soft(i)) text += before[i];

    for (std::size_t& o : edited_offsets) {
        if (o <= p) {
            o -= soft_before(o);
        } else if (o >= edited.size() - s) {
            std::size_t b = o - edited.size() + before.size();  // the same place in `before`
            o = text.size() - ((before.size() - b) - (shown.soft.size() - soft_before(b)));
        } else {
            o = head + (o - p);
        }
    }
    return text;
}

}  // namespace yishi::client
