// Reading JSON text in place, one value at a time, by exactly the grammar nlohmann's parser
// accepts (RFC 8259, UTF-8 checked inside strings, a leading byte order mark allowed), so that a
// large document can be read without building its tree. Internal to the bulletin reader.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace yishi::json_scan {

// A number as nlohmann reads it: an integer when it has no fraction or exponent and fits 64 bits
// (signed when negative, unsigned otherwise), else a floating-point number.
struct Number {
    bool integer = false;
    bool negative = false;
    std::uint64_t magnitude = 0;  // an integer's absolute value
};

// A cursor over the text. Every read skips whitespace first and returns false once the text
// breaks the grammar; the cursor then stays failed.
class Scanner {
public:
    explicit Scanner(std::string_view text, std::size_t pos = 0) : t_(text), pos_(pos) {}
    bool ok() const { return ok_; }
    std::size_t pos() const { return pos_; }

    // The next character after whitespace, '\0' at the end. (Inline: called for every token.)
    char peek() {
        while (pos_ < t_.size() &&
               (t_[pos_] == ' ' || t_[pos_] == '\n' || t_[pos_] == '\r' || t_[pos_] == '\t'))
            ++pos_;
        return ok_ && pos_ < t_.size() ? t_[pos_] : '\0';
    }
    // Consumes `c` if it comes next (false otherwise, without failing); `c` is not '\0'.
    bool take(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    // Consumes `c`, failing when something else comes next.
    bool expect(char c) { return take(c) || fail(); }
    // Only whitespace is left.
    bool at_end();

    // A string, unescaped: a view into the text, or into a new entry of `decoded` when it holds
    // escapes (deque entries never move, so views into them stay valid).
    bool string(std::string_view& out, std::deque<std::string>& decoded);
    bool number(Number& out);
    // Any value, checked throughout; nesting is followed without recursion, as nlohmann does.
    bool skip_value();
    // Any value's extent found by brackets and quotes alone, unchecked: the caller checks the
    // value later, by reading it or handing it to nlohmann. `items`, when given, receives the
    // number of an array's items (its commas outside nested values, plus one).
    bool skip_extent(std::size_t* items = nullptr);

private:
    bool fail() { return ok_ = false; }
    bool scan_string(std::string* decoded);
    bool escape(std::string* decoded);
    bool hex4(unsigned& out);
    bool utf8_sequence();
    bool literal(std::string_view word);
    bool scalar();  // a string, number or literal, checked

    std::string_view t_;
    std::size_t pos_;
    bool ok_ = true;
    bool escaped_ = false;  // the last string scanned held an escape
    std::vector<char> open_;  // skip_value's pending closers
};

}  // namespace yishi::json_scan
