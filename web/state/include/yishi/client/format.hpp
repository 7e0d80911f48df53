// Text shaping for display that needs no drawing code: previews of long texts.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace yishi::client {

// The first `max_chars` characters of UTF-8 text on one line (line breaks become spaces),
// with "…" when something was cut.
std::string excerpt(std::string_view text, std::size_t max_chars);

}  // namespace yishi::client
