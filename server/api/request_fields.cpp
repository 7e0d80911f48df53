// Reading request bodies strictly, naming the faulty field.
#include "request_fields.hpp"

#include <map>

namespace yishi::server {

Result<Json> body_object(const httplib::Request& req, bool empty_is_object) {
    if (empty_is_object && req.body.empty()) return Json::object();
    return parse_object(req.body);
}

Error field_error(const std::string& code, const std::string& field) {
    static const std::map<std::string, std::string> labels = {
        {"kind", "会议类型"},         {"agenda", "会议议程"},   {"special_matter", "特别事项"},
        {"override_reason", "理由"}, {"notice_days", "公示天数"},
        {"session_id", "会议编号"},  {"ballot_id", "表决编号"},
        // 办 carry out and 评 evaluate
        {"task_id", "交办事项编号"}, {"assignee_id", "责任人"},  {"text", "内容"},
        {"rating", "评价"},
        // 提/议
        {"into", "合并到的议题"},   {"stance", "立场"},      {"reply_to", "被回复的评论"},
        {"comment_id", "评论编号"}, {"official", "正式答复"},
    };
    Error e = make_error(code, field);
    auto it = labels.find(field);
    if (it == labels.end()) return e;
    // The message template with a placeholder label, then ours in its place: the core's label
    // for a name may mean something else here (notice_days of the rules vs. of a notice).
    const std::string placeholder = "\x01";
    e.message = make_error(code, placeholder).message;
    if (auto pos = e.message.find(placeholder); pos != std::string::npos)
        e.message.replace(pos, placeholder.size(), it->second);
    return e;
}

Result<std::int64_t> optional_int(const Json& obj, const std::string& field, std::int64_t min,
                                  std::int64_t max, const std::string& range_code,
                                  std::int64_t fallback) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return fallback;
    // Integers only: 1.5, "7", true and numbers past 64 bits (read as floating point) are refused.
    if (!it->is_number_integer()) return field_error("wrong_type", field);
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        return field_error(range_code, field);
    std::int64_t v = it->get<std::int64_t>();
    if (v < min || v > max) return field_error(range_code, field);
    return v;
}

Result<std::int64_t> require_int(const Json& obj, const std::string& field, std::int64_t min,
                                 std::int64_t max, const std::string& range_code) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return field_error("missing_field", field);
    return optional_int(obj, field, min, max, range_code, 0);
}

Result<Id> require_id(const Json& obj, const std::string& field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return field_error("missing_field", field);
    if (!it->is_number_integer()) return field_error("wrong_type", field);
    return optional_int(obj, field, 1, INT64_MAX, "bad_id", 0);
}

Result<int> notice_days_in(const Json& body) {
    constexpr std::int64_t kDefaultNoticeDays = 7;
    auto days = optional_int(body, "notice_days", INT32_MIN, INT32_MAX, "bad_period",
                             kDefaultNoticeDays);
    if (!days) return days.error();
    return static_cast<int>(days.value());
}

Error naming_notice_days(Error e) {
    return e.code == "bad_period" ? field_error("bad_period", "notice_days") : e;
}

}  // namespace yishi::server
