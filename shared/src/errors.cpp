// The table of error codes: HTTP status and the Chinese message shown to users.
#include "yishi/errors.hpp"

#include <map>

namespace yishi {

namespace {
struct Entry {
    int status;
    const char* message;  // "{f}" is replaced by the field's Chinese name
};

const std::map<std::string, Entry>& table() {
    static const std::map<std::string, Entry> t = {
        {"not_found", {404, "找不到请求的内容"}},
        {"method_not_allowed", {405, "不支持该请求方法"}},
        {"bad_json", {400, "请求格式错误：不是有效的 JSON"}},
        {"missing_field", {400, "缺少字段：{f}"}},
        {"wrong_type", {400, "字段类型错误：{f}"}},
        {"empty_text", {400, "{f}不能为空"}},
        {"too_long", {400, "{f}超出长度限制"}},
        {"bad_utf8", {400, "{f}含有无效的字符编码（需要 UTF-8）"}},
        {"bad_id", {400, "编号无效：{f}"}},
        {"unauthorized", {401, "请先登录"}},
        {"bad_credentials", {401, "账号或密码错误"}},
        {"forbidden", {403, "您不是该议事会的成员，无权操作"}},
        {"own_issue", {409, "不能附议自己提出的议题"}},
        {"already_cosigned", {409, "您已经附议过该议题"}},
        {"not_open_for_cosign", {409, "该议题已不在征集附议阶段"}},
        {"payload_too_large", {413, "请求内容过大（上限 1 MiB）"}},
        {"length_required", {411, "不接受分块传输的请求，请注明内容长度"}},
        {"rate_limited", {429, "尝试次数过多，请稍后再试"}},
        {"internal", {500, "服务器内部错误，请稍后再试"}},
    };
    return t;
}
}  // namespace

std::string field_label(const std::string& field) {
    static const std::map<std::string, std::string> names = {
        {"title", "标题"},   {"body", "内容"},       {"login", "账号"},
        {"password", "密码"}, {"issue_id", "议题编号"}, {"council_id", "议事会编号"},
    };
    if (field.empty()) return "请求";
    auto it = names.find(field);
    return it == names.end() ? field : it->second;
}

Error make_error(const std::string& code, const std::string& field) {
    auto it = table().find(code);
    Error e;
    e.code = code;
    e.field = field;
    if (it == table().end()) {
        e.status = 500;
        e.message = "服务器内部错误，请稍后再试";
        return e;
    }
    e.status = it->second.status;
    std::string msg = it->second.message;
    if (auto pos = msg.find("{f}"); pos != std::string::npos) msg.replace(pos, 3, field_label(field));
    e.message = msg;
    return e;
}

}  // namespace yishi
