// JSON replies, security headers, ids, bearer tokens, the client's address as the gate passed it,
// and the API route table.
#include "http.hpp"

#include "compression.hpp"

#include <cstdint>
#include <utility>

#include "yishi/server/request_head.hpp"
#include "yishi/messages.hpp"
#include "yishi/server/auth.hpp"

namespace yishi::server {

Reply failure(const Error& e) { return {e.status, encode(e)}; }

void add_security_headers(httplib::Response& res, const std::string& content_policy) {
    const std::pair<const char*, std::string> headers[] = {
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy", content_policy},
    };
    // Replaced, not added: two policies would both apply.
    for (const auto& [name, value] : headers) {
        res.headers.erase(name);
        res.set_header(name, value);
    }
}

void write_reply(const httplib::Request& req, httplib::Response& res, const Reply& reply) {
    add_security_headers(res);
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    res.set_header(kApiVersionHeader, std::to_string(kApiVersion));
    res.set_header("Cache-Control", "no-store");
    res.set_header("Vary", "Accept-Encoding");
    // The coding is chosen here, once, with gzip at a cheap level (see set_body).
    if (reply.body.size() >= kCompressFromBytes &&
        accepts_coding(req.get_header_value("Accept-Encoding"), "gzip")) {
        if (auto packed = gzip(reply.body))
            return set_body(res, std::move(*packed), reply.content_type, "gzip");
    }
    set_body(res, reply.body, reply.content_type);
}

bool is_api_path(const std::string& path) {
    return path == "/api" || path.rfind("/api/", 0) == 0;
}

std::optional<Id> parse_id(const std::string& text) {
    if (text.empty() || text.size() > 19 || text[0] < '1' || text[0] > '9') return std::nullopt;
    std::uint64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');  // 19 digits cannot overflow 64 bits
    }
    if (v > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<Id>(v);
}

std::string client_address(const httplib::Request& req) {
    // Set by the gate on every request it passes on, after removing any the client sent;
    // from_gate has checked that the request came through the gate.
    std::string peer = req.get_header_value(kPeerHeader);
    return peer.empty() ? req.remote_addr : peer;
}

bool from_gate(const httplib::Request& req, const std::string& secret) {
    if (req.get_header_value_count(kGateSecretHeader) != 1) return false;
    std::string given = req.get_header_value(kGateSecretHeader);
    if (given.size() != secret.size()) return false;
    unsigned char diff = 0;  // compared in constant time
    for (std::size_t i = 0; i < given.size(); ++i)
        diff |= static_cast<unsigned char>(given[i] ^ secret[i]);
    return diff == 0;
}

std::optional<std::string> bearer_token(const httplib::Request& req) {
    const std::string prefix = "Bearer ";
    if (req.get_header_value_count("Authorization") != 1) return std::nullopt;
    std::string value = req.get_header_value("Authorization");
    if (value.rfind(prefix, 0) != 0) return std::nullopt;
    std::string token = value.substr(prefix.size());
    if (!well_formed_token(token)) return std::nullopt;
    return token;
}

void ApiRoutes::add(const std::string& method, const std::string& pattern, ApiHandler handler) {
    known_.emplace_back(std::regex(pattern), method);
    auto h = [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        write_reply(req, res, handler(req));
    };
    if (method == "GET") http_.Get(pattern, h);
    else if (method == "POST") http_.Post(pattern, h);
    else if (method == "PUT") http_.Put(pattern, h);
    else if (method == "PATCH") http_.Patch(pattern, h);
    else if (method == "DELETE") http_.Delete(pattern, h);
    else throw std::logic_error("unsupported method " + method);
}

Reply ApiRoutes::unmatched(const httplib::Request& req) const {
    std::string allow;
    for (const auto& [pattern, method] : known_) {
        if (!std::regex_match(req.path, pattern)) continue;
        allow += (allow.empty() ? "" : ", ") + method;
        if (method == "GET") allow += ", HEAD";
    }
    if (allow.empty()) return failure(make_error("not_found"));
    Reply r = failure(make_error("method_not_allowed"));
    r.headers.emplace("Allow", allow);
    return r;
}

}  // namespace yishi::server
