// JSON form of what a live page (a session's console, a ballot, a consultation) polls every
// second instead of its whole data: the version of what it shows. The page fetches its data
// again only when the version moved, so a full meeting hall waiting for a vote costs the server
// one small read a client a second.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/errors.hpp"

namespace yishi {

// GET /api/councils/{id}/version and GET /api/consultations/version. `version` is the head of
// the audit chain the page's data is written on: every act appends exactly one entry to one
// chain in its own transaction, so the number moves exactly when something there changed.
struct LiveVersion {
    std::int64_t version = 0;
};
std::string encode(const LiveVersion& v);
Result<LiveVersion> decode_live_version(std::string_view body);

}  // namespace yishi
