// Text validation: UTF-8 well-formedness, lengths counted in characters, trimming.
#pragma once
#include <cstddef>
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

// Checks a user-written text field: valid UTF-8, not blank, at most `max_chars` characters.
// Returns the trimmed text.
Result<std::string> validate_text(std::string_view s, const std::string& field,
                                  std::size_t max_chars);

}  // namespace yishi
