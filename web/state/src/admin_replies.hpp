// Replies to the administration's and the first start's requests (internal to
// yishi_client_state).
#pragma once
#include <string_view>
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"

namespace yishi::client {

// Applies a successful reply of an admin request; false when it is none or unreadable.
bool apply_admin_reply(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out);

// A refused admin request: what it leaves behind (a refused file's preview goes).
void apply_admin_refusal(ClientState& state, const Request& request);

}  // namespace yishi::client
