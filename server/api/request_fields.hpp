// Strict readers for request bodies of the council flow (sessions, ballots, tasks, issues,
// comments): each fault names its field, in Chinese.
#pragma once
#include <cstdint>
#include <string>

#include "http.hpp"
#include "yishi/messages.hpp"

namespace yishi::server {

// The body as a JSON object; an empty body reads as {} for endpoints whose fields are optional.
Result<Json> body_object(const httplib::Request& req, bool empty_is_object);

// An error whose message names the field in Chinese even where the core's table does not.
Error field_error(const std::string& code, const std::string& field);

// A required integer in [min, max]: missing_field, wrong_type, or `range_code` when outside.
Result<std::int64_t> require_int(const Json& obj, const std::string& field, std::int64_t min,
                                 std::int64_t max, const std::string& range_code);
// An optional integer (absent or null gives `fallback`).
Result<std::int64_t> optional_int(const Json& obj, const std::string& field, std::int64_t min,
                                  std::int64_t max, const std::string& range_code,
                                  std::int64_t fallback);
// An id field: a positive integer, else bad_id.
Result<Id> require_id(const Json& obj, const std::string& field);

// A notice's publication period in days (optional, default 7). Only its integer form is
// checked here; the core checks the period and answers bad_period.
Result<int> notice_days_in(const Json& body);
// The core's bad_period, named as the request's notice_days field.
Error naming_notice_days(Error e);

}  // namespace yishi::server
