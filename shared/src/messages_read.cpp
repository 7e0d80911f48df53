// Strict field reading shared by the reply decoders (see messages_read.hpp).
#include "messages_read.hpp"

#include <limits>

namespace yishi::wire {

void refuse(const char* code, const std::string& path) { throw Refused{make_error(code, path)}; }

Json id_or_null(Id id) { return id == 0 ? Json() : Json(id); }

Fields::Fields(const Json& obj, std::string path) : obj_(obj), path_(std::move(path)) {
    if (!obj_.is_object()) refuse("wrong_type", path_);
}

std::string Fields::path(const char* name) const {
    return path_.empty() ? std::string(name) : path_ + "." + name;
}

bool Fields::has(const char* name) const {
    auto it = obj_.find(name);
    return it != obj_.end() && !it->is_null();
}

const Json& Fields::at(const char* name) const {
    auto it = obj_.find(name);
    if (it == obj_.end() || it->is_null()) refuse("missing_field", path(name));
    return *it;
}

namespace {
// Integers only, and only those an int64 holds: 1.5 or 1e30 are not ids or counts.
bool as_int64(const Json& v, std::int64_t& out) {
    if (v.is_number_unsigned()) {
        if (v.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return false;
        out = static_cast<std::int64_t>(v.get<std::uint64_t>());
        return true;
    }
    if (!v.is_number_integer()) return false;
    out = v.get<std::int64_t>();
    return true;
}
}  // namespace

std::int64_t Fields::integer(const char* name) const {
    std::int64_t n = 0;
    if (!as_int64(at(name), n)) refuse("wrong_type", path(name));
    return n;
}

int Fields::small_int(const char* name) const {
    std::int64_t n = integer(name);
    if (n < -1000000 || n > 1000000) refuse("wrong_type", path(name));
    return static_cast<int>(n);
}

bool Fields::boolean(const char* name) const {
    const Json& v = at(name);
    if (!v.is_boolean()) refuse("wrong_type", path(name));
    return v.get<bool>();
}

std::string Fields::text(const char* name) const {
    const Json& v = at(name);
    if (!v.is_string()) refuse("wrong_type", path(name));
    return v.get<std::string>();
}

Id Fields::nullable_id(const char* name) const {
    auto it = obj_.find(name);
    if (it == obj_.end()) refuse("missing_field", path(name));
    if (it->is_null()) return 0;
    return integer(name);
}

Fields Fields::object(const char* name) const {
    const Json& v = at(name);
    if (!v.is_object()) refuse("wrong_type", path(name));
    return Fields(v, path(name));
}

const Json& Fields::array(const char* name) const {
    const Json& v = at(name);
    if (!v.is_array()) refuse("wrong_type", path(name));
    return v;
}

std::vector<Id> Fields::ids(const char* name) const {
    std::vector<Id> out;
    for (const auto& v : array(name)) {
        std::int64_t n = 0;
        if (!as_int64(v, n)) refuse("wrong_type", path(name));
        out.push_back(n);
    }
    return out;
}

Fields Fields::element(const char* name, std::size_t i) const {
    const Json& list = array(name);
    std::string p = path(name) + "[" + std::to_string(i) + "]";
    if (i >= list.size()) refuse("missing_field", p);
    return Fields(list[i], p);
}

}  // namespace yishi::wire
