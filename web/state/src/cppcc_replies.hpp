// Replies of 政协's loads and of the writes that answer a whole consultation (internal).
#pragma once
#include <string_view>
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"

namespace yishi::client {

// Applies a successful reply of a 政协 load; false when the body cannot be read.
bool apply_cppcc_reply(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out);

// An accepted write whose reply is the consultation as it now is: kept at once (a new topic's
// page opens). False when the write is not one of those (the page then reloads as usual).
bool take_consultation_write(ClientState& state, const Request& request, std::string_view body,
                             std::vector<Request>& out);

}  // namespace yishi::client
