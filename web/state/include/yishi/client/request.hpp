// Request: an HTTP call the client state asks the platform to make (and gets answered with).
#pragma once
#include <cstdint>
#include <string>

#include "yishi/model.hpp"

namespace yishi::client {

// What a request is for; apply_response() reads the reply according to it.
enum class RequestKind { translations, api_version, login, logout, me, issues, raise_issue, cosign };

struct Request {
    RequestKind kind = RequestKind::api_version;
    std::string method = "GET";
    std::string path;   // same-origin: "/api/..." or a file next to index.html
    std::string body;   // JSON, empty for GET
    std::string token;  // sent as "Authorization: Bearer <token>" when not empty
    // The session this request belongs to; its reply is dropped after a login or logout.
    std::uint64_t epoch = 0;
    Id target = 0;  // the council or issue the request is about
};

}  // namespace yishi::client
