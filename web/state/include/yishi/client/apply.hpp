// The client's rules: how intents and server replies change ClientState, and which
// HTTP requests follow. Pure functions: no I/O, so they are tested natively.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "yishi/client/intents.hpp"
#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"
#include "yishi/errors.hpp"

namespace yishi::client {

// Applies a user's intent; returns the requests to send (already counted as pending).
std::vector<Request> apply(ClientState& state, const Intent& intent);

// The flow's intents (part of apply()).
std::vector<Request> apply_flow(ClientState& state, const FlowIntent& intent);

// The administration's intents and the first start (part of apply(); apply_admin.cpp).
std::vector<Request> apply_admin(ClientState& state, const AdminIntent& intent);

// 政协's intents (part of apply(); apply_cppcc.cpp).
std::vector<Request> apply_cppcc(ClientState& state, const CppccIntent& intent);

// 消息, 督办台账, 需求月报 and files (part of apply(); apply_follow.cpp).
std::vector<Request> apply_follow(ClientState& state, const FollowIntent& intent);

// 朗读's intents (part of apply(); apply_speech.cpp).
void apply_speech(ClientState& state, const SpeechIntent& intent);

// Applies the reply to `request` (status 0: the network failed); returns follow-up requests.
std::vector<Request> apply_response(ClientState& state, const Request& request, int status,
                                    std::string_view body);

// The client-side check of a new issue, by the same rules the server applies.
Check check_new_issue(std::string_view title, std::string_view body);

// Why the current member may not co-sign `issue` (nullopt: the 附议 button is enabled).
Check cosign_refusal(const ClientState& state, const Issue& issue);

// The catalog file of a language, relative to index.html.
std::string translations_path(const std::string& language);

}  // namespace yishi::client
