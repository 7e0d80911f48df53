// Strict reading of JSON replies for the core's decoders (private to shared/src): a missing field
// or one of the wrong type stops decoding with an Error that names the field by its path,
// e.g. "ballots[0].tally.yes", so a client bug report says exactly what the server sent wrong.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/messages.hpp"
#include "yishi/model.hpp"
#include "yishi/rules.hpp"

namespace yishi {
struct TaskView;
}

namespace yishi::wire {

// Thrown by Fields inside a decoder and caught by decode_body; never leaves the core.
struct Refused {
    Error error;
};

[[noreturn]] void refuse(const char* code, const std::string& path);

// The fields of one JSON object found at `path` ("" for the body itself).
class Fields {
public:
    Fields(const Json& obj, std::string path);

    const Json& at(const char* name) const;  // present and not null
    bool has(const char* name) const;        // present and not null
    std::int64_t integer(const char* name) const;
    int small_int(const char* name) const;  // within ±1,000,000
    bool boolean(const char* name) const;
    std::string text(const char* name) const;
    Id nullable_id(const char* name) const;  // null means none (0); missing is still refused
    Fields object(const char* name) const;
    const Json& array(const char* name) const;
    std::vector<Id> ids(const char* name) const;  // an array of integers
    // Element i of the array `name` as an object.
    Fields element(const char* name, std::size_t i) const;
    // The enum named by a string field, by its to_string; unknown names are wrong_type.
    template <class E, std::size_t N>
    E one_of(const char* name, const E (&values)[N]) const {
        std::string s = text(name);
        for (E v : values)
            if (s == to_string(v)) return v;
        refuse("wrong_type", path(name));
    }
    std::string path(const char* name) const;
    const Json& json() const { return obj_; }

private:
    const Json& obj_;
    std::string path_;
};

// Parses a reply body and reads it with `read(Fields)`, turning refusals into the Result.
template <class F>
auto decode_body(std::string_view body, F&& read) -> Result<decltype(read(std::declval<Fields>()))> {
    auto j = parse_object(body);
    if (!j) return j.error();
    try {
        return read(Fields(j.value(), ""));
    } catch (const Refused& r) {
        return r.error;
    } catch (const Json::exception&) {
        return make_error("bad_json");
    }
}

// The array of a list reply ({"tasks": [...]}), each item by its to_json.
template <class T>
Json list_json(const std::vector<T>& items) {
    Json list = Json::array();
    for (const auto& i : items) list.push_back(to_json(i));
    return list;
}

Json id_or_null(Id id);

// A task as messages_tasks reads it, for replies that carry tasks inside them.
TaskView task_from(const Fields& f);

// Pieces of the rules' form, shared with the session's quorum status (messages_rules.cpp).
Json quorum_rule_json(const QuorumRule& q);
// False on any fault; the caller names the field.
bool read_quorum_rule(const Json& j, QuorumRule& q);
Json pass_rule_json(const PassRule& p);
bool read_pass_rule(const Json& j, PassRule& p);

}  // namespace yishi::wire
