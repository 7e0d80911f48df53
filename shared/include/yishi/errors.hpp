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
