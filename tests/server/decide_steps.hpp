// Steps of the 定 (decide) tests: JSON requests as a given member, a session brought to the
// open state with members signed in, and a snapshot of every table of the domain.
#pragma once
#include <string>
#include <vector>

#include "harness.hpp"

namespace yishi::test {

constexpr std::int64_t kDay = 24 * 3600;

// JSON over HTTP as one member (by token); the reply's body parsed, or null when it is not JSON.
struct JsonReply {
    int status = 0;
    Json body;
    std::string code() const;  // the error code, empty on success
};
JsonReply post_json(TestServer& server, const std::string& token, const std::string& path,
                    const Json& body = Json::object());
JsonReply get_json(TestServer& server, const std::string& token, const std::string& path);

// Options for a server on the shifted clock; tokens stay live across the week-long jumps
// from notice to session (the default idle expiry is 7 days).
ServiceOptions shifted_options(ClockShift& shift);

// Tokens for demo members 1..15 (index 0 unused), straight from the store.
std::vector<std::string> member_tokens(TestServer& server);

// Co-signs the demo's stairwell (2) and lift (3) issues onto the list, beside the chargers (1).
void list_three_issues(TestServer& server, const std::vector<std::string>& tokens);

// As the convenor: plans a regular session `ahead_days` ahead, publishes its notice with the
// issues (with a reason when the notice is short), moves the clock to the start and opens it.
// Returns the session id.
Id open_session_with(TestServer& server, ClockShift& shift, const std::vector<std::string>& tokens,
                     const std::vector<Id>& agenda, int ahead_days = 8);

// Signs in demo members first..last.
void sign_in(TestServer& server, Id session, const std::vector<std::string>& tokens, int first,
             int last);

// Every row of every table except the access records (tokens, failed logins), which reads
// touch: equal snapshots mean the domain did not change.
std::string full_snapshot(const std::filesystem::path& db);

// One row of a bad-input table: a request (GET, POST or PUT, by token; empty: none) and the
// status, error code and field it must be refused with.
struct Refusal {
    const char* rule;
    std::string method, path, body, token;
    int status;
    std::string code, field;
};
// Sends each request and checks its refusal, with a message for people: Chinese, never the
// bare field name.
void expect_refusals(TestServer& server, const std::vector<Refusal>& cases);

std::string path_of(const std::string& prefix, Id id, const std::string& suffix = "");

}  // namespace yishi::test
