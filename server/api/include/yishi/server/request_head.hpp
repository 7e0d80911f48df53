// An HTTP/1.1 request head (request line and header fields) as the gate reads it from the
// network: where it ends, whether it is well formed and within limits, and who sent it.
// Pure functions over bytes: no sockets, so every rule is tested without a server.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yishi/errors.hpp"

namespace yishi::server {

struct HeadLimits {
    std::size_t max_head_bytes = 16 * 1024;  // request line, headers and the blank line
    std::size_t max_headers = 100;
    std::size_t max_body_bytes = 1024 * 1024;
};

struct RequestHead {
    std::string method;
    std::string target;   // origin form: "/path?query"
    std::string version;  // "HTTP/1.1" or "HTTP/1.0"
    std::vector<std::pair<std::string, std::string>> headers;  // names as sent, values trimmed
    std::size_t head_bytes = 0;  // bytes of the head, blank line included
    std::size_t content_length = 0;
    bool keep_alive = true;        // the client did not ask to close the connection
    bool expects_continue = false;  // "Expect: 100-continue"

    // The values of every header called `name` (case-insensitive), in order.
    std::vector<std::string> values(std::string_view name) const;
    // The request target without its query string.
    std::string path() const;
};

// The outcome of reading the start of a connection's buffer.
struct HeadRead {
    enum class State { incomplete, complete, refused } state = State::incomplete;
    RequestHead head;  // when complete
    Error error;       // when refused: 400, 411, 413 or 431
};

// Reads the head at the start of `bytes` (empty lines before the request line are skipped, as
// RFC 9112 2.2 allows). Incomplete while the blank line has not arrived and no limit is passed.
HeadRead read_request_head(std::string_view bytes, const HeadLimits& limits = {});

// True for a header the gate sets itself or that belongs to one hop only, and so is never
// passed on from the client.
bool is_hop_header(std::string_view name);

// The address the request comes from: the socket's peer, unless that peer is a trusted proxy;
// then the rightmost X-Forwarded-For address that is not itself a trusted proxy, else X-Real-IP.
// Addresses are compared in canonical form; malformed ones are never believed.
std::string originating_address(const RequestHead& head, const std::string& peer,
                                const std::vector<std::string>& trusted_proxies);

// Headers the gate sets on every request it forwards, after removing any the client sent.
constexpr const char* kGateSecretHeader = "X-Yishi-Gate";
constexpr const char* kPeerHeader = "X-Yishi-Peer";

// The canonical text of an IPv4 or IPv6 address (IPv4-mapped IPv6 as plain IPv4), or nullopt.
std::optional<std::string> canonical_address(std::string_view text);

}  // namespace yishi::server
