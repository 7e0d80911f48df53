// Reading and judging a request head: its end, the request line, header fields, limits,
// body length, and the address it comes from.
#include "yishi/server/request_head.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace yishi::server {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// RFC 9110 5.6.2: tchar.
bool is_token(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s) {
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
        if (!ok || c == 0) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    while (true) {
        auto cut = s.find(sep);
        parts.push_back(s.substr(0, cut));
        if (cut == std::string_view::npos) return parts;
        s.remove_prefix(cut + 1);
    }
}

Error bad_request(const char* what) {
    Error e = make_error("bad_request");
    e.message = std::string("请求格式错误：") + what;
    return e;
}

HeadRead refused(Error e) {
    HeadRead r;
    r.state = HeadRead::State::refused;
    r.error = std::move(e);
    return r;
}

// Judges a complete head: `lines` are its lines without line endings, the request line first.
HeadRead judge(const std::vector<std::string_view>& lines, std::size_t head_bytes,
               const HeadLimits& limits) {
    RequestHead head;
    head.head_bytes = head_bytes;

    auto parts = split(lines.front(), ' ');
    if (parts.size() != 3 || !is_token(parts[0]) || parts[1].empty() || parts[1][0] != '/')
        return refused(bad_request("请求行无效"));
    for (unsigned char c : parts[1])
        if (c <= 0x20 || c == 0x7f) return refused(bad_request("请求行无效"));
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return refused(bad_request("不支持的 HTTP 版本"));
    head.method = parts[0];
    head.target = parts[1];
    head.version = parts[2];

    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return refused(bad_request("请求头不能折行"));
        auto colon = line.find(':');
        if (colon == std::string_view::npos) return refused(bad_request("请求头缺少冒号"));
        std::string_view name = line.substr(0, colon);
        if (!is_token(name)) return refused(bad_request("请求头名称无效"));
        std::string_view value = trim(line.substr(colon + 1));
        for (unsigned char c : value)
            if ((c < 0x20 && c != '\t') || c == 0x7f)
                return refused(bad_request("请求头含有控制字符"));
        head.headers.emplace_back(std::string(name), std::string(value));
    }

    auto hosts = head.values("Host");
    if (hosts.size() > 1 || (hosts.empty() && head.version == "HTTP/1.1"))
        return refused(bad_request("Host 请求头缺失或重复"));
    // A chunked body is not read at all: its length is unknown until it has been read.
    if (!head.values("Transfer-Encoding").empty()) return refused(make_error("length_required"));

    std::optional<std::string> length;
    for (const auto& value : head.values("Content-Length")) {
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
            return refused(bad_request("内容长度无效"));
        if (length && *length != value) return refused(bad_request("内容长度不一致"));
        length = value;
    }
    if (length) {
        // More than 7 digits is more than 1 MiB whatever they say; stoull cannot overflow.
        std::string digits = length->substr(std::min(length->find_first_not_of('0'), length->size()));
        if (digits.size() > 7 || (!digits.empty() && std::stoull(digits) > limits.max_body_bytes))
            return refused(make_error("payload_too_large"));
        head.content_length = digits.empty() ? 0 : std::stoull(digits);
    }

    head.keep_alive = head.version == "HTTP/1.1";
    for (const auto& value : head.values("Connection"))
        for (auto option : split(value, ',')) {
            if (same_text(trim(option), "close")) head.keep_alive = false;
            else if (same_text(trim(option), "keep-alive") && head.version == "HTTP/1.0")
                head.keep_alive = true;
        }
    for (const auto& value : head.values("Expect"))
        if (same_text(value, "100-continue")) head.expects_continue = true;

    HeadRead r;
    r.state = HeadRead::State::complete;
    r.head = std::move(head);
    return r;
}

}  // namespace

std::vector<std::string> RequestHead::values(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers)
        if (same_text(n, name)) out.push_back(v);
    return out;
}

std::string RequestHead::path() const { return target.substr(0, target.find('?')); }

HeadRead read_request_head(std::string_view bytes, const HeadLimits& limits) {
    auto too_large = [] { return refused(make_error("headers_too_large")); };
    std::size_t pos = 0;
    while (pos < bytes.size()) {  // empty lines before the request line
        if (bytes[pos] == '\n') ++pos;
        else if (bytes[pos] == '\r' && pos + 1 < bytes.size() && bytes[pos + 1] == '\n') pos += 2;
        else break;
    }
    std::vector<std::string_view> lines;
    while (true) {
        if (pos > limits.max_head_bytes) return too_large();
        auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos)
            return bytes.size() > limits.max_head_bytes ? too_large() : HeadRead{};
        if (end + 1 > limits.max_head_bytes) return too_large();
        std::string_view line = bytes.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = end + 1;
        if (line.empty()) {
            if (lines.empty()) continue;  // only after a lone CR: skipped like the others
            return judge(lines, pos, limits);
        }
        lines.push_back(line);
        if (lines.size() > limits.max_headers + 1) return too_large();
    }
}

bool is_hop_header(std::string_view name) {
    for (const char* hop : {"Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding",
                            "TE", "Trailer", "Upgrade", "Expect", "Content-Length",
                            "X-Yishi-Gate", "X-Yishi-Peer"})
        if (same_text(name, hop)) return true;
    return false;
}

std::optional<std::string> canonical_address(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    std::string s(text);
    char out[INET6_ADDRSTRLEN];
    in_addr v4{};
    if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return std::string(inet_ntop(AF_INET, &v4, out, sizeof out));
    in6_addr v6{};
    if (inet_pton(AF_INET6, s.c_str(), &v6) != 1) return std::nullopt;
    if (IN6_IS_ADDR_V4MAPPED(&v6)) {
        std::memcpy(&v4, v6.s6_addr + 12, 4);
        return std::string(inet_ntop(AF_INET, &v4, out, sizeof out));
    }
    return std::string(inet_ntop(AF_INET6, &v6, out, sizeof out));
}

std::string originating_address(const RequestHead& head, const std::string& peer,
                                const std::vector<std::string>& trusted_proxies) {
    std::string from = canonical_address(peer).value_or(peer);
    auto trusted = [&](const std::string& address) {
        return std::any_of(trusted_proxies.begin(), trusted_proxies.end(), [&](const std::string& t) {
            return canonical_address(t).value_or(t) == address;
        });
    };
    if (!trusted(from)) return from;
    std::vector<std::string_view> hops;
    auto forwarded = head.values("X-Forwarded-For");
    for (const auto& value : forwarded)
        for (auto hop : split(value, ',')) hops.push_back(trim(hop));
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        auto address = canonical_address(*hop);
        if (!address) break;  // a hop no proxy of ours wrote: nothing left of it is believed
        if (!trusted(*address)) return *address;
    }
    auto real = head.values("X-Real-IP");
    if (real.size() == 1)
        if (auto address = canonical_address(real.front())) return *address;
    return from;
}

}  // namespace yishi::server
