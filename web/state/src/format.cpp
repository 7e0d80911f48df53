// excerpt(): character-based (never byte-based) previews of user text; local times as typed
// and shown.
#include "yishi/client/format.hpp"

#include <cstdio>
#include <ctime>

#include "yishi/text.hpp"

namespace yishi::client {

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::string t = trim(text);
    std::string out;
    std::size_t n = 0;
    bool space = false;
    for (char32_t cp : decode_utf8(t)) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            space = true;  // runs of breaks become one space
            continue;
        }
        if (n == max_chars) return out + "…";
        if (space) {
            out += ' ';
            space = false;
            if (++n == max_chars) return out + "…";
        }
        append_utf8(out, cp);
        ++n;
    }
    return out;
}

namespace {
std::string strftime_local(std::int64_t unix_seconds, const char* format) {
    if (unix_seconds <= 0) return {};
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}
}  // namespace

std::string local_date_time(std::int64_t unix_seconds) {
    return strftime_local(unix_seconds, "%Y-%m-%d %H:%M");
}

std::string local_date(std::int64_t unix_seconds) {
    return strftime_local(unix_seconds, "%Y-%m-%d");
}

std::int64_t parse_local_date_time(std::string_view text) {
    std::string t = trim(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    char tail = 0;
    int n = std::sscanf(t.c_str(), "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail);
    if (!(n == 3 || n == 5)) return 0;
    if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
        h < 0 || mi < 0)
        return 0;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_isdst = -1;
    std::time_t at = std::mktime(&tm);
    // mktime moves 2月30日 to March: a date that did not round-trip was not a date.
    if (at == -1 || tm.tm_mday != d || tm.tm_mon != mo - 1) return 0;
    return static_cast<std::int64_t>(at);
}

std::string ballot_deadline_text(const Strings& t, std::int64_t closes_at) {
    std::time_t at = static_cast<std::time_t>(closes_at);
    std::tm tm{};
    localtime_r(&at, &tm);
    return t.format("ballot_deadline.closes", {{"month", std::to_string(tm.tm_mon + 1)},
                                               {"day", std::to_string(tm.tm_mday)},
                                               {"time", strftime_local(closes_at, "%H:%M")}});
}

}  // namespace yishi::client
