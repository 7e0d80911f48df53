// Field readers for the bulletin (internal): each refusal names the JSON path it concerns.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "yishi/errors.hpp"

namespace yishi::bulletin_fields {

// Sums of counts (and of areas × counts) stay below this, so that no tally can overflow.
constexpr std::int64_t kMaxTotal = 1'000'000'000'000'000'000;

// The error for `code` at `path`, with a detail (the offending value) after the message.
Error fail(const std::string& code, const std::string& path, const std::string& detail = {});

std::string in_quotes(const std::string& s);

// "ballots" + 3 → "ballots[3]".
std::string at(const std::string& path, std::size_t i);

// A JSON integer ≥ 0; `negative_code` names what a negative value means here.
Result<std::int64_t> non_negative(const nlohmann::json& j, const std::string& path,
                                  const std::string& negative_code = "bad_bulletin");

// A decimal string ("88.20") in hundredths; a JSON number is refused, since it may be a float.
Result<std::int64_t> decimal(const nlohmann::json& j, const std::string& path);

// sum += a × b, false when that overflows or passes kMaxTotal.
bool add_checked(std::int64_t& sum, std::int64_t a, std::int64_t b);

}  // namespace yishi::bulletin_fields
