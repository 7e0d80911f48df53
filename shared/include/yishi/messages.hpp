// JSON forms of every API message, shared by server and client, and the API version.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi {

// Bumped on any incompatible change; the server sends it in X-Yishi-Api and at
// GET /api/version, and the client refuses to talk to a server with another one.
constexpr int kApiVersion = 1;
constexpr const char* kApiVersionHeader = "X-Yishi-Api";

using Json = nlohmann::json;

// Parses a request or response body: well-formed UTF-8 holding a JSON object.
Result<Json> parse_object(std::string_view body);

// Reads a required string field of an object, naming the field when missing or mistyped.
Result<std::string> require_string(const Json& obj, const std::string& field);

// --- requests ---
struct LoginRequest {
    std::string login;
    std::string password;
};
Result<LoginRequest> decode_login_request(std::string_view body);
std::string encode(const LoginRequest& r);

// POST /api/councils/{id}/issues; title and body are validated and trimmed.
// Optional: category, grid/building tag, and the resident a grid worker raises it for (代提),
// by member id or by name and household; the server reads those itself (routes_issues.cpp), the decoder only title and body.
struct NewIssueRequest {
    std::string title;
    std::string body;
    std::string category;
    std::string tag;
    Id on_behalf_of = 0;
    std::string raised_for_name;  // a resident without an account (代提), with their household
    std::string raised_for_household;
};
Result<NewIssueRequest> decode_new_issue_request(std::string_view body);
std::string encode(const NewIssueRequest& r);

// --- responses ---
struct LoginReply {
    std::string token;
    Member member;
    std::vector<Council> councils;  // the councils this member belongs to
};
std::string encode(const LoginReply& r);
Result<LoginReply> decode_login_reply(std::string_view body);

struct IssueList {
    Council council;
    std::vector<Issue> issues;  // newest first
};
std::string encode(const IssueList& r);
Result<IssueList> decode_issue_list(std::string_view body);

// A page of a council's issue list (议题列表), newest first: at most `limit` issues, those
// after the page that ended at `after` ("<created_at>.<id>" of its last issue; keyset, so a
// page stays right while issues are raised). Bodies are cut to excerpts; `next` is the cursor
// of the page after, empty at the end. GET /api/councils/{id}/issues?limit=N[&after=C].
constexpr std::int64_t kIssuePageMax = 200;
constexpr std::size_t kIssueExcerptChars = 80;
struct IssuePageQuery {
    std::int64_t limit = 0;  // 0: no paging, the whole list with bodies
    std::int64_t after_time = 0;
    Id after_id = 0;  // 0: the first page
};
// From the query's `limit` and `after` (absent: std::nullopt); refuses with 400 and a Chinese
// message naming the parameter.
Result<IssuePageQuery> parse_issue_page_query(const std::optional<std::string>& limit,
                                              const std::optional<std::string>& after);
struct IssuePage {
    Council council;
    std::vector<Issue> issues;  // bodies cut to kIssueExcerptChars characters
    std::string next;
};
// The first `chars` characters of `text`, with "…" when it is longer.
std::string excerpt(std::string_view text, std::size_t chars);
// A page from the issues read for it: `issues` holds up to limit + 1, the extra one telling
// that another page follows.
IssuePage issue_page(const Council& council, std::vector<Issue> issues, std::int64_t limit);
std::string encode(const IssuePage& p);
Result<IssuePage> decode_issue_page(std::string_view body);

std::string encode(const Issue& r);
Result<Issue> decode_issue(std::string_view body);

Json to_json(const Member& m);
Json to_json(const Council& c);
Json to_json(const Issue& i);

// {"error":{"code":..,"message":..,"field":..}}
std::string encode(const Error& e);
// Reads an error body; anything unreadable becomes a generic error with the HTTP status.
Error decode_error(std::string_view body, int status);

}  // namespace yishi
