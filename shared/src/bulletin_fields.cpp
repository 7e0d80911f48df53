// Field readers for the bulletin: integers, decimals and checked sums, refusals naming the path.
#include "bulletin_fields.hpp"

#include "yishi/decimal.hpp"

namespace yishi::bulletin_fields {

using Json = nlohmann::json;

Error fail(const std::string& code, const std::string& path, const std::string& detail) {
    Error e = make_error(code, path);
    if (!detail.empty()) e.message += "：" + detail;
    return e;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string at(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

std::string Where::str() const {
    if (ballot == kNone) return header;
    std::string s = at("ballots", ballot);
    if (field) s += std::string(".") + field;
    if (group != kNone) s = at(s, group);
    if (item != kNone) s = at(s, item);
    return s;
}

Field field_of(const Json& j) {
    Field f;
    if (j.is_string()) {
        f.type = Field::Type::string;
        f.text = j.get_ref<const std::string&>();
    } else if (j.is_number_unsigned()) {
        f.type = Field::Type::integer;
        f.magnitude = j.get<std::uint64_t>();
    } else if (j.is_number_integer()) {
        std::int64_t v = j.get<std::int64_t>();
        f.type = Field::Type::integer;
        f.negative = v < 0;
        f.magnitude = v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
    } else {
        f.type = j.is_array() ? Field::Type::array : Field::Type::other;
    }
    return f;
}

Result<std::int64_t> non_negative(const Field& f, const Where& where,
                                  const std::string& negative_code) {
    if (f.type != Field::Type::integer) return fail("bad_bulletin", where.str(), "须为整数");
    if (f.negative && f.magnitude > 0)
        return fail(negative_code, where.str(), "-" + std::to_string(f.magnitude));
    if (f.magnitude > static_cast<std::uint64_t>(kMaxTotal)) return fail("number_too_large", where.str());
    return static_cast<std::int64_t>(f.magnitude);
}

Result<std::int64_t> non_negative(const Json& j, const Where& where, const std::string& negative_code) {
    return non_negative(field_of(j), where, negative_code);
}

Result<std::int64_t> decimal(const Field& f, const Where& where) {
    if (f.type != Field::Type::string) return fail("bad_decimal", where.str(), "须为字符串，如 \"88.20\"");
    // Read without naming the place; only a refusal spells it out.
    auto v = parse_hundredths(f.text, {});
    return v ? v : parse_hundredths(f.text, where.str());
}

Result<std::int64_t> decimal(const Json& j, const Where& where) { return decimal(field_of(j), where); }

bool add_checked(std::int64_t& sum, std::int64_t a, std::int64_t b) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a, b, &product) || __builtin_add_overflow(sum, product, &sum))
        return false;
    return sum <= kMaxTotal;
}

}  // namespace yishi::bulletin_fields
