// Field readers for the bulletin (internal): each refusal names the JSON path it concerns.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "yishi/errors.hpp"

namespace yishi::bulletin_fields {

// Sums of counts (and of areas × counts) stay below this, so that no tally can overflow.
constexpr std::int64_t kMaxTotal = 1'000'000'000'000'000'000;

// The error for `code` at `path`, with a detail (the offending value) after the message.
Error fail(const std::string& code, const std::string& path, const std::string& detail = {});

std::string in_quotes(std::string_view s);

// "ballots" + 3 → "ballots[3]".
std::string at(const std::string& path, std::size_t i);

// A place in the bulletin that a refusal names: a header field ("electorate.area") or a place in
// a ballot ("ballots[3].ranking[1][0]"), spelled out only when refused, as a bulletin may hold
// millions of ballots.
struct Where {
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    Where(std::string header_path) : header(std::move(header_path)) {}
    Where(const char* header_path) : header(header_path) {}
    Where(std::size_t ballot, const char* field, std::size_t group = kNone)
        : ballot(ballot), field(field), group(group) {}
    // The i-th name of the list here.
    Where item_at(std::size_t i) const {
        Where w = *this;
        w.item = i;
        return w;
    }
    std::string str() const;

    std::string header;
    std::size_t ballot = kNone;
    const char* field = nullptr;
    std::size_t group = kNone, item = kNone;
};

// A JSON value where the bulletin expects a string, an integer or a list, as read: its type, a
// string's characters, an integer's sign and magnitude (nlohmann's number_integer and
// number_unsigned; a number with a fraction or exponent, or beyond 64 bits, is `other`).
struct Field {
    enum class Type { absent, string, integer, array, other };
    Type type = Type::absent;
    std::string_view text;
    bool negative = false;
    std::uint64_t magnitude = 0;
};
// The field for a JSON value (which must outlive it); arrays leave their items to the caller.
Field field_of(const nlohmann::json& j);

// A JSON integer ≥ 0; `negative_code` names what a negative value means here.
Result<std::int64_t> non_negative(const Field& f, const Where& where,
                                  const std::string& negative_code = "bad_bulletin");
Result<std::int64_t> non_negative(const nlohmann::json& j, const Where& where,
                                  const std::string& negative_code = "bad_bulletin");

// A decimal string ("88.20") in hundredths; a JSON number is refused, since it may be a float.
Result<std::int64_t> decimal(const Field& f, const Where& where);
Result<std::int64_t> decimal(const nlohmann::json& j, const Where& where);

// sum += a × b, false when that overflows or passes kMaxTotal.
bool add_checked(std::int64_t& sum, std::int64_t a, std::int64_t b);

}  // namespace yishi::bulletin_fields
