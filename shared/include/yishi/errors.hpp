// Typed errors and results: every rule returns one of these, never throws to the user.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace yishi {

// A refusal with a stable code, the HTTP status it maps to, the field it concerns
// (empty when none) and a Chinese message a user can read.
struct Error {
    std::string code;
    int status = 400;
    std::string field;
    std::string message;
};

// Builds the error for a code; `field` names the offending field where there is one.
Error make_error(const std::string& code, const std::string& field = {});

// 429 rate_limited for an attempt that must wait: the message says how long, in seconds
// under a minute and in whole minutes (rounded up) beyond.
Error rate_limited_for(std::int64_t wait_seconds);

// The Chinese name of a request field, used inside messages ("标题不能为空").
std::string field_label(const std::string& field);

// A refused paging parameter of a list (its page size, its cursor): 400 naming `field`, with a
// Chinese `message`. `code` stays the list's own (the issue page's bad_filter, the
// notifications' bad_query), since clients and tests read it.
Error bad_paging(const std::string& code, const std::string& field, std::string message);
// The refusal of a page size (`limit`) that is not a whole number from 1 to `max`.
Error bad_page_size(const std::string& code, std::int64_t max);

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// For checks that produce no value: nullopt means allowed.
using Check = std::optional<Error>;

}  // namespace yishi
