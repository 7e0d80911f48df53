// Text validation: UTF-8 well-formedness, forbidden characters, lengths counted in
// characters, trimming, whole numbers written in digits.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"

namespace yishi {

constexpr std::size_t kTitleMaxChars = 100;
constexpr std::size_t kBodyMaxChars = 5000;

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view s);

// Code points of well-formed UTF-8; invalid bytes decode as U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t cp);

// Number of characters (code points) in well-formed UTF-8.
std::size_t utf8_length(std::string_view s);

// Removes leading and trailing ASCII and ideographic (U+3000) white space.
std::string trim(std::string_view s);

// Whether a text may break lines: a title, a name or a unit is one line; a body or a reason
// keeps its newlines, carriage returns and tabs.
enum class TextLines { one, many };

// The first character that stored text must not hold, if any: NUL and every other control
// character (C0, DEL, C1; in many-line text all but newline, carriage return and tab), the line
// and paragraph separators U+2028/U+2029 in one-line text, and the directional formatting
// characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which can make a text show
// in another order than it reads, e.g. a reversed amount or a hidden word. Expects valid UTF-8.
std::optional<char32_t> forbidden_character(std::string_view s, TextLines lines);

// The refusal for a text with a forbidden character, naming the field and the character:
// `line_break` for a line break in one-line text, `bad_character` otherwise.
Check check_characters(std::string_view s, const std::string& field, TextLines lines);

// Checks a user-written text field: valid UTF-8, not blank, no forbidden character, at most
// `max_chars` characters. Returns the trimmed text.
Result<std::string> validate_text(std::string_view s, const std::string& field,
                                  std::size_t max_chars, TextLines lines = TextLines::many);

// The most digits parse_whole_number reads: every 18-digit number fits in 63 bits.
constexpr std::size_t kWholeNumberMaxDigits = 18;

// A whole number written in ASCII digits alone (no sign, no spaces, no exponent; leading zeros
// allowed) of at most `max_digits` digits (capped at kWholeNumberMaxDigits); nullopt for
// anything else, the empty text included. How query parameters and cursors are read.
std::optional<std::int64_t> parse_whole_number(std::string_view text,
                                               std::size_t max_digits = kWholeNumberMaxDigits);

}  // namespace yishi
