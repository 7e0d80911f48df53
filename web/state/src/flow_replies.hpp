// Replies to the flow's loads and writes (internal to yishi_client_state).
#pragma once
#include <string_view>
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"

namespace yishi::client {

// Applies a successful reply of a flow request; false when the body cannot be read.
bool apply_flow_reply(ClientState& state, const Request& request, std::string_view body,
                      std::vector<Request>& out);

}  // namespace yishi::client
