// Text shaping for display that needs no drawing code: previews of long texts.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/client/strings.hpp"

namespace yishi::client {

// The first `max_chars` characters of UTF-8 text on one line (line breaks become spaces),
// with "…" when something was cut.
std::string excerpt(std::string_view text, std::size_t max_chars);

// "2026-11-22 09:30" in the browser's time zone; empty for 0 (no time).
std::string local_date_time(std::int64_t unix_seconds);
// "2026-11-22" likewise.
std::string local_date(std::int64_t unix_seconds);
// Reads "2026-11-22 09:30" (or "2026-11-22", at 00:00) typed in the browser's time zone;
// 0 when it is not a real date and time.
std::int64_t parse_local_date_time(std::string_view text);

// A ballot's announced closing time (投票截止时间) in the catalog's words and the browser's time
// zone: "投票截止：12月1日 15:30".
std::string ballot_deadline_text(const Strings& t, std::int64_t closes_at);

}  // namespace yishi::client
