// Content codings: which ones a request accepts, and gzip for API replies. The web client's
// files are compressed once at build time (web/tools/precompress.py) and only chosen here.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>

namespace yishi::server {

// True when an Accept-Encoding value accepts `coding` ("gzip", "br"): named, or by "*", with
// a weight other than q=0.
bool accepts_coding(std::string_view accept_encoding, std::string_view coding);

// Replies smaller than this go as they are: below a packet, compressing only costs time.
constexpr std::size_t kCompressFromBytes = 1400;

// `body` in the gzip format (RFC 1952), or nothing if zlib fails.
std::optional<std::string> gzip(std::string_view body);

// Sets a body that is sent as it is, in `coding` ("gzip", "br"; "" for none). It goes out
// through a content provider of known length, which httplib leaves alone: given as plain
// content, httplib 0.11 compresses a text/* body by its own reading of Accept-Encoding (any
// "br" in it, even "br;q=0"), with brotli's slowest setting, whatever Content-Encoding says.
void set_body(httplib::Response& res, std::string body, const std::string& type,
              const std::string& coding = "");

}  // namespace yishi::server
