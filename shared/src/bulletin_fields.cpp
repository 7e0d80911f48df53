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

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

std::string at(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

Result<std::int64_t> non_negative(const Json& j, const std::string& path,
                                  const std::string& negative_code) {
    if (!j.is_number_integer()) return fail("bad_bulletin", path, "须为整数");
    if (j.is_number_unsigned()) {
        if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxTotal))
            return fail("number_too_large", path);
        return static_cast<std::int64_t>(j.get<std::uint64_t>());
    }
    std::int64_t v = j.get<std::int64_t>();
    if (v < 0) return fail(negative_code, path, std::to_string(v));
    if (v > kMaxTotal) return fail("number_too_large", path);
    return v;
}

Result<std::int64_t> decimal(const Json& j, const std::string& path) {
    if (!j.is_string()) return fail("bad_decimal", path, "须为字符串，如 \"88.20\"");
    return parse_hundredths(j.get<std::string>(), path);
}

bool add_checked(std::int64_t& sum, std::int64_t a, std::int64_t b) {
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a, b, &product) || __builtin_add_overflow(sum, product, &sum))
        return false;
    return sum <= kMaxTotal;
}

}  // namespace yishi::bulletin_fields
