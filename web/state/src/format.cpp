// excerpt(): character-based (never byte-based) previews of user text.
#include "yishi/client/format.hpp"

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

}  // namespace yishi::client
