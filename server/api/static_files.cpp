// Static files: a strict path check, MIME by extension, revalidation by ETag, and the
// client page's content security policy.
// Paths without an extension that name no file get index.html, so that the client's
// history URLs survive a reload.
#include "static_files.hpp"

#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include <sodium.h>

#include "compression.hpp"
#include "http.hpp"

namespace yishi::server {

namespace fs = std::filesystem;

namespace {
// The file a URL path names under root, refusing anything that could climb out of it.
std::optional<fs::path> resolve(const fs::path& root, const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/') return std::nullopt;
    fs::path rel;
    std::stringstream segments(url_path.substr(1));
    std::string seg;
    while (std::getline(segments, seg, '/')) {
        if (seg.empty()) continue;
        if (seg == "." || seg == ".." || seg[0] == '.' ||
            seg.find_first_of(std::string("\\\0:", 3)) != std::string::npos)
            return std::nullopt;
        rel /= seg;
    }
    if (url_path.back() == '/') rel /= "index.html";
    return root / rel;
}

// A file named with its content's hash (app.0123456789abcdef.wasm, written by the build) never
// changes under that name: browsers may keep it for a year without asking again.
bool named_by_hash(const fs::path& file) {
    std::string name = file.filename().string();
    auto ext = name.rfind('.');
    if (ext == std::string::npos || ext < 17) return false;
    std::string_view hash(name.data() + ext - 16, 16);
    return name[ext - 17] == '.' &&
           hash.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool has_extension(const std::string& url_path) {
    auto slash = url_path.rfind('/');
    return url_path.find('.', slash == std::string::npos ? 0 : slash) != std::string::npos;
}

bool read_file(const fs::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream buf;
    buf << in.rdbuf();
    out = buf.str();
    return static_cast<bool>(in) || in.eof();
}

std::string sha256_base64(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char text[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(text, sizeof text, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return text;
}

// The client page's policy: its own scripts and their WebAssembly, its inline <style>
// elements by hash (so an injected one would not apply), requests to its own origin only,
// data: images for its empty favicon (which keeps the browser from asking for one); no plugins,
// no <base>, no form posts, no framing.
std::string page_policy(const std::string& html) {
    std::string styles;
    for (std::size_t at = 0; (at = html.find("<style", at)) != std::string::npos;) {
        std::size_t open_end = html.find('>', at);
        std::size_t close = html.find("</style>", at);
        if (open_end == std::string::npos || close == std::string::npos || close < open_end) break;
        styles += " 'sha256-" + sha256_base64(html.substr(open_end + 1, close - open_end - 1)) + "'";
        at = close;
    }
    return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src" +
           (styles.empty() ? std::string(" 'none'") : styles) +
           "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
           "frame-ancestors 'none'; "
           "object-src 'none'";
}
}  // namespace

std::string StaticFiles::mime_type(const fs::path& file) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".txt", "text/plain; charset=utf-8"},
        {".data", "application/octet-stream"},
    };
    auto it = types.find(file.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

bool StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
    if (root_.empty()) return false;
    auto file = resolve(root_, req.path);
    if (!file) return false;
    std::error_code ec;
    if (!fs::is_regular_file(*file, ec)) {
        if (has_extension(req.path)) return false;
        file = root_ / "index.html";
        if (!fs::is_regular_file(*file, ec)) return false;
    }

    // The smallest form the browser takes: a sibling made at build time (app.wasm.br,
    // app.wasm.gz), as fresh as the file itself.
    auto mtime_of = [&](const fs::path& f) {
        return static_cast<std::uint64_t>(fs::last_write_time(f, ec).time_since_epoch().count());
    };
    fs::path sent = *file;
    std::string coding;
    std::string accept = req.get_header_value("Accept-Encoding");
    constexpr std::pair<const char*, const char*> kSiblings[] = {{"br", ".br"}, {"gzip", ".gz"}};
    for (const auto& [name, suffix] : kSiblings) {
        fs::path sibling = *file;
        sibling += suffix;
        if (accepts_coding(accept, name) && fs::is_regular_file(sibling, ec) &&
            mtime_of(sibling) >= mtime_of(*file)) {
            sent = sibling;
            coding = name;
            break;
        }
    }

    auto size = fs::file_size(sent, ec);
    std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime_of(sent)) +
                       (coding.empty() ? "" : "-" + coding) + "\"";
    // Any other file (index.html above all, which names the hashed ones) is revalidated on
    // every use: a 304 is cheap.
    res.set_header("Cache-Control",
                   named_by_hash(*file) ? "public, max-age=31536000, immutable" : "no-cache");
    res.set_header("ETag", etag);
    res.set_header("Vary", "Accept-Encoding");
    // A page's policy goes on its 304 too: the browser keeps the headers a 304 sends.
    std::string body;
    bool page = file->extension() == ".html";
    if (page && !read_file(*file, body)) return false;
    add_security_headers(res, page ? page_policy(body) : kLoadNothingPolicy);
    if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return true;
    }
    if ((!page || !coding.empty()) && !read_file(sent, body)) return false;
    res.status = 200;
    set_body(res, std::move(body), mime_type(*file), coding);
    return true;
}

}  // namespace yishi::server
