// Accounts by invite code: login, password and invite code rules, and their JSON forms.
#include "yishi/accounts.hpp"

#include <limits>

#include "yishi/messages.hpp"
#include "yishi/text.hpp"

namespace yishi {

Check check_login(std::string_view login) {
    if (login.size() < kLoginMinChars || login.size() > kLoginMaxChars)
        return make_error("bad_login", "login");
    for (char c : login)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return make_error("bad_login", "login");
    return std::nullopt;
}

Check check_password(std::string_view password) {
    if (!valid_utf8(password)) return make_error("bad_utf8", "password");
    std::size_t n = utf8_length(password);
    if (n < kPasswordMinChars || n > kPasswordMaxChars) return make_error("bad_password", "password");
    return std::nullopt;
}

std::optional<std::string> normalize_invite_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (kInviteAlphabet.find(c) == std::string_view::npos) return std::nullopt;
        out += c;
        if (out.size() > kInviteCodeChars) return std::nullopt;
    }
    if (out.size() != kInviteCodeChars) return std::nullopt;
    return out;
}

std::string format_invite_code(std::string_view normalized) {
    std::string s(normalized);
    if (s.size() == kInviteCodeChars) s.insert(kInviteCodeChars / 2, "-");
    return s;
}

// Role names as in roles.hpp; compared as text so that this rule needs nothing else.
bool may_issue_invites(const Member& actor) {
    return actor.role == "admin" || actor.role == "convenor" || actor.role == "party_committee";
}

Check check_issue_invite(const Member& actor, bool actor_is_member) {
    if (!may_issue_invites(actor)) return make_error("invite_not_allowed");
    if (actor.role != "admin" && !actor_is_member) return make_error("forbidden");
    return std::nullopt;
}

namespace {
// A required positive id in a JSON body: missing, wrong type (not an integer), or bad_id.
Result<Id> require_id(const Json& obj, const std::string& field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return make_error("missing_field", field);
    if (!it->is_number_integer()) return make_error("wrong_type", field);
    if (it->is_number_unsigned()) {
        auto v = it->get<std::uint64_t>();
        if (v == 0 || v > static_cast<std::uint64_t>(std::numeric_limits<Id>::max()))
            return make_error("bad_id", field);
        return static_cast<Id>(v);
    }
    auto v = it->get<std::int64_t>();
    if (v <= 0) return make_error("bad_id", field);
    return v;
}
}  // namespace

Result<NewInviteRequest> decode_new_invite_request(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto name = require_string(j.value(), "name");
    if (!name) return name.error();
    auto council = require_id(j.value(), "council_id");
    if (!council) return council.error();
    auto n = validate_text(name.value(), "name", kPersonNameMaxChars, TextLines::one);
    if (!n) return n.error();
    return NewInviteRequest{n.value(), council.value()};
}

std::string encode(const NewInviteRequest& r) {
    return Json{{"name", r.name}, {"council_id", r.council_id}}.dump();
}

std::string encode(const Invite& r) {
    return Json{{"code", r.code},
                {"name", r.name},
                {"council_id", r.council_id},
                {"expires_at", r.expires_at}}
        .dump();
}

Result<Invite> decode_invite(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    try {
        Invite r;
        r.code = j.value().at("code").get<std::string>();
        r.name = j.value().at("name").get<std::string>();
        r.council_id = j.value().at("council_id").get<Id>();
        r.expires_at = j.value().at("expires_at").get<std::int64_t>();
        return r;
    } catch (const Json::exception&) {
        return make_error("bad_json");
    }
}

Result<RegisterRequest> decode_register_request(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto code = require_string(j.value(), "code");
    if (!code) return code.error();
    auto login = require_string(j.value(), "login");
    if (!login) return login.error();
    auto password = require_string(j.value(), "password");
    if (!password) return password.error();
    auto normalized = normalize_invite_code(code.value());
    if (!normalized) return make_error("invite_invalid", "code");
    RegisterRequest r{*normalized, trim(login.value()), password.value()};
    if (auto bad = check_login(r.login)) return *bad;
    if (auto bad = check_password(r.password)) return *bad;
    return r;
}

std::string encode(const RegisterRequest& r) {
    return Json{{"code", r.code}, {"login", r.login}, {"password", r.password}}.dump();
}

}  // namespace yishi
