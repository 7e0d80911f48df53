// JSON form of a live page's version (see messages_live.hpp).
#include "yishi/messages_live.hpp"

#include "messages_read.hpp"

namespace yishi {

std::string encode(const LiveVersion& v) { return Json{{"version", v.version}}.dump(); }

Result<LiveVersion> decode_live_version(std::string_view body) {
    return wire::decode_body(body, [](const wire::Fields& f) {
        return LiveVersion{f.integer("version")};
    });
}

}  // namespace yishi
