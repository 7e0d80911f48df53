#include "compression.hpp"

#include <cctype>
#include <memory>

#include <zlib.h>

namespace yishi::server {

namespace {
std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// A weight of zero ("q=0", "q=0.0", "q=0.000") refuses the coding; anything else accepts it.
bool zero_weight(std::string_view params) {
    while (!params.empty()) {
        auto semi = params.find(';');
        std::string_view p = trim(params.substr(0, semi));
        params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
        if (p.size() < 2 || std::tolower(static_cast<unsigned char>(p[0])) != 'q' || p[1] != '=')
            continue;
        std::string_view v = trim(p.substr(2));
        if (v.empty() || v[0] != '0') return false;
        for (char c : v.substr(1))
            if (c != '.' && c != '0') return false;
        return true;
    }
    return false;
}
}  // namespace

bool accepts_coding(std::string_view accept_encoding, std::string_view coding) {
    std::optional<bool> named, any;
    while (!accept_encoding.empty()) {
        auto comma = accept_encoding.find(',');
        std::string_view item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view{}
                                                          : accept_encoding.substr(comma + 1);
        auto semi = item.find(';');
        std::string_view name = trim(item.substr(0, semi));
        bool ok = !zero_weight(semi == std::string_view::npos ? std::string_view{}
                                                              : item.substr(semi + 1));
        if (iequals(name, coding)) named = ok;
        else if (name == "*") any = ok;
    }
    return named ? *named : any.value_or(false);
}

std::optional<std::string> gzip(std::string_view body) {
    z_stream z{};
    // 15 + 16: a 32 KiB window with the gzip header and trailer; level 5 keeps it cheap.
    if (deflateInit2(&z, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, body.size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    z.avail_in = static_cast<uInt>(body.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

void set_body(httplib::Response& res, std::string body, const std::string& type,
              const std::string& coding) {
    auto shared = std::make_shared<std::string>(std::move(body));
    if (!coding.empty()) res.set_header("Content-Encoding", coding);
    res.set_content_provider(shared->size(), type,
                             [shared](std::size_t offset, std::size_t length,
                                      httplib::DataSink& sink) {
                                 return sink.write(shared->data() + offset, length);
                             });
}

}  // namespace yishi::server
