// Decoding a roster file's bytes: UTF-8 first, then GB18030 through glibc's iconv.
#include "yishi/server/roster_text.hpp"

#include <optional>
#include <iconv.h>

#include "yishi/text.hpp"

namespace yishi::server {

namespace {

// The text in GB18030 as UTF-8, or nothing when a byte sequence is not GB18030.
std::optional<std::string> from_gb18030(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    out.resize(bytes.size() * 2 + 16);  // a GB18030 character never grows beyond 2x in UTF-8
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* to = out.data();
    std::size_t to_left = out.size();
    std::size_t done = iconv(cd, &in, &in_left, &to, &to_left);
    // Ends a conversion left in a shift state; GB18030 has none, but iconv asks for it.
    if (done != static_cast<std::size_t>(-1)) done = iconv(cd, nullptr, nullptr, &to, &to_left);
    iconv_close(cd);
    if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
    out.resize(out.size() - to_left);
    return out;
}

}  // namespace

Result<std::string> roster_text_utf8(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.empty()) return make_error("bad_csv");
    if (valid_utf8(bytes)) return std::string(bytes);
    auto converted = from_gb18030(bytes);
    // glibc maps a few unassigned GB18030 codes to private-use characters; only valid UTF-8
    // leaves here either way.
    if (!converted || !valid_utf8(*converted)) return make_error("bad_encoding");
    return *converted;
}

}  // namespace yishi::server
