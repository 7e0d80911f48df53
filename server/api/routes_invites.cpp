// Accounts by invite code (邀请码): a convenor or admin issues a code for a verified resident;
// the resident registers with it, choosing a login and a password, and is logged in.
#include "routes.hpp"

#include "yishi/accounts.hpp"
#include "yishi/decimal.hpp"
#include "yishi/messages.hpp"
#include "yishi/text.hpp"

namespace yishi::server {

namespace {
constexpr std::size_t kHouseholdMaxChars = 40;

// The optional household (户) and floor area (建筑面积) of an invite. The area is a decimal
// string with at most two decimals, read exactly into integer hundredths of a square metre:
// a binary double would make "88.20" a different area from the one the owner declared.
Error home_error(const std::string& code, const std::string& field, const std::string& message) {
    return Error{code, 400, field, message};
}

Result<std::int64_t> read_floor_area(const Json& value) {
    if (!value.is_string())
        return home_error("wrong_type", "floor_area",
                          "建筑面积须写成带引号的数字，如 \"88.20\"（平方米，最多两位小数）");
    return parse_floor_area(value.get<std::string>());
}

// Fills the invite's household and floor area from the request, both optional.
Check read_home(const std::string& body, NewInvite& invite) {
    Json j = Json::parse(body, nullptr, false);  // already checked to be an object
    if (j.contains("household")) {
        if (!j["household"].is_string())
            return home_error("wrong_type", "household", "户号须为文字，如 \"3栋2单元501\"");
        auto label = validate_text(j["household"].get<std::string>(), "household",
                                   kHouseholdMaxChars, TextLines::one);
        if (!label) {
            Error e = label.error();
            if (e.code == "too_long") e.message = "户号最多 40 个字";
            return e;
        }
        invite.household = label.value();
    }
    if (j.contains("floor_area")) {
        auto area = read_floor_area(j["floor_area"]);
        if (!area) return area.error();
        invite.floor_area_centi_m2 = area.value();
    }
    return std::nullopt;
}

std::string format_area(std::int64_t centi) {
    std::string cents = std::to_string(centi % 100);
    return std::to_string(centi / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
}

// Failed registrations are counted by the login throttle under this name, which no login can
// have (logins are [a-z0-9_]); they count towards the address's allowance as logins do.
const std::string kRegisterThrottleLogin = "#register";

Reply create_invite(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    if (!may_issue_invites(caller.value())) return failure(make_error("invite_not_allowed"));
    auto request = decode_new_invite_request(req.body);
    if (!request) return failure(request.error());
    auto council = api.store.council(request.value().council_id);
    if (!council) return failure(make_error("not_found", "council_id"));
    bool member = api.store.is_member(council->id, caller.value().id);
    if (auto refused = check_issue_invite(caller.value(), member)) return failure(*refused);

    NewInvite invite;
    if (auto refused = read_home(req.body, invite)) return failure(*refused);
    std::string code = new_invite_code();
    invite.code_hash = sha256_hex(code);
    invite.name = request.value().name;
    invite.council_id = council->id;
    invite.created_by = caller.value().id;
    invite.created_at = api.now();
    invite.expires_at = invite.created_at + api.options.invite_lifetime_seconds;
    api.store.create_invite(invite);
    Invite reply{format_invite_code(code), invite.name, invite.council_id, invite.expires_at};
    Json body = Json::parse(encode(reply));
    if (!invite.household.empty()) body["household"] = invite.household;
    if (invite.floor_area_centi_m2 > 0) body["floor_area"] = format_area(invite.floor_area_centi_m2);
    return {201, body.dump()};
}

bool is_invite_refusal(const Error& e) { return e.code.rfind("invite_", 0) == 0; }

// Registers with an admitted attempt; `code_refused` tells whether the invite code was the
// reason for a refusal, the only refusal that stays counted against the address.
Reply register_admitted(Api& api, const httplib::Request& req, std::int64_t now,
                        bool& code_refused) {
    auto refuse = [&](const Error& e) {
        code_refused = is_invite_refusal(e);
        return failure(e);
    };
    auto request = decode_register_request(req.body);
    if (!request) return refuse(request.error());
    const auto& r = request.value();
    std::string code_hash = sha256_hex(r.code);
    // Cheap refusals before the Argon2 work; register_member checks both again atomically.
    if (auto refused = api.store.check_invite(code_hash, now)) return refuse(*refused);
    if (api.store.credentials(r.login)) return failure(make_error("login_taken", "login"));
    auto password_hash = api.hasher.try_hash(r.password);
    if (!password_hash) return failure(make_error("rate_limited"));

    auto member = api.store.register_member({code_hash, r.login, *password_hash, now});
    if (!member) return refuse(member.error());

    LoginReply reply;
    reply.token = new_token();
    api.store.add_token(token_digest(reply.token), member.value().id, now, api.options.tokens);
    reply.member = member.value();
    reply.councils = api.store.councils_of(member.value().id);
    return {201, login_reply_body(api, reply)};
}

Reply register_member(Api& api, const httplib::Request& req) {
    const std::string address = client_address(req);
    std::int64_t now = api.now();
    // Counted first, so that guessing codes costs the guesser, not the server.
    auto admission =
        api.store.begin_attempt(kRegisterThrottleLogin, address, now, api.options.throttle);
    if (!admission.allowed) return wait_before_retry(admission.retry_after_seconds);
    bool code_refused = false;
    Reply reply = register_admitted(api, req, now, code_refused);
    if (!code_refused) api.store.withdraw_attempt(kRegisterThrottleLogin, address);
    return reply;
}
}  // namespace

void add_invite_routes(ApiRoutes& routes, Api& api) {
    routes.add("POST", "/api/invites",
               [&api](const httplib::Request& req) { return create_invite(api, req); });
    routes.add("POST", "/api/register",
               [&api](const httplib::Request& req) { return register_member(api, req); });
}

}  // namespace yishi::server
