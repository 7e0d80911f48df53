// HTTP plumbing shared by the routes: JSON replies with the API version header, id parsing,
// bearer tokens, and the table of API routes that tells 404 from 405.
#pragma once
#include <functional>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi::server {

// Largest request body accepted, in bytes (1 MiB).
constexpr std::size_t kMaxRequestBytes = 1024 * 1024;

// What an API handler answers: an HTTP status and a JSON body.
struct Reply {
    int status = 200;
    std::string body;
    httplib::Headers headers = {};  // extra headers, such as Allow on a 405
    std::string content_type = "application/json; charset=utf-8";  // a PDF for printing
};
Reply failure(const Error& e);

// Writes a reply with the JSON content type, X-Yishi-Api and the security headers, gzipped when
// the request accepts it and the body is worth it.
void write_reply(const httplib::Request& req, httplib::Response& res, const Reply& reply);

// What JSON and every file but the client's page may load: nothing, and in no frame.
constexpr const char* kLoadNothingPolicy = "default-src 'none'; frame-ancestors 'none'";

// Headers every reply carries: no MIME sniffing, no referrer, no framing, and the content
// security policy (the client's page has its own, see static_files.cpp).
void add_security_headers(httplib::Response& res,
                          const std::string& content_policy = kLoadNothingPolicy);

// True for /api and everything under it.
bool is_api_path(const std::string& path);

// A positive decimal id without sign or leading zeros that fits in 64 bits.
std::optional<Id> parse_id(const std::string& text);

// The address of the client that sent the request, as the throttles and caps count it: the
// one the gate found (the socket's peer, or what a trusted proxy says).
std::string client_address(const httplib::Request& req);

// True when the request carries the gate's secret, so it came through the gate.
bool from_gate(const httplib::Request& req, const std::string& secret);

// The token of an "Authorization: Bearer <token>" header, if well formed.
std::optional<std::string> bearer_token(const httplib::Request& req);

using ApiHandler = std::function<Reply(const httplib::Request&)>;

// The API's routes, registered with httplib and remembered so that a known path asked
// with another method answers 405 rather than 404.
class ApiRoutes {
public:
    explicit ApiRoutes(httplib::Server& http) : http_(http) {}
    void add(const std::string& method, const std::string& pattern, ApiHandler handler);
    // The answer for an /api request no route took.
    Reply unmatched(const httplib::Request& req) const;

private:
    httplib::Server& http_;
    std::vector<std::pair<std::regex, std::string>> known_;  // pattern, method
};

}  // namespace yishi::server
