// Replies of 消息, the board, the report and files to save (internal).
#pragma once
#include <string_view>
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"

namespace yishi::client {

// Applies a successful reply; false when the body cannot be read.
bool apply_follow_reply(ClientState& state, const Request& request, std::string_view body,
                        std::vector<Request>& out);

}  // namespace yishi::client
