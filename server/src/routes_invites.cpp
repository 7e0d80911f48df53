// Accounts by invite code (邀请码): a convenor or admin issues a code for a verified resident;
// the resident registers with it, choosing a login and a password, and is logged in.
#include "routes.hpp"

#include "yishi/accounts.hpp"
#include "yishi/messages.hpp"

namespace yishi::server {

namespace {
// Failed registrations are counted in the login throttle's table under this name, which no
// login can have (logins are [a-z0-9_]): one budget of failures per address covers both.
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

    std::string code = new_invite_code();
    NewInvite invite;
    invite.code_hash = sha256_hex(code);
    invite.name = request.value().name;
    invite.council_id = council->id;
    invite.created_by = caller.value().id;
    invite.created_at = api.now();
    invite.expires_at = invite.created_at + api.options.invite_lifetime_seconds;
    api.store.create_invite(invite);
    Invite reply{format_invite_code(code), invite.name, invite.council_id, invite.expires_at};
    return {201, encode(reply)};
}

bool is_invite_refusal(const Error& e) { return e.code.rfind("invite_", 0) == 0; }

Reply register_member(Api& api, const httplib::Request& req) {
    const auto& throttle = api.options.throttle;
    std::int64_t now = api.now();
    std::int64_t window_start = now - throttle.window_seconds;
    auto refuse = [&](const Error& e) {
        if (is_invite_refusal(e))
            api.store.record_login_failure(kRegisterThrottleLogin, req.remote_addr, now,
                                           window_start);
        return failure(e);
    };

    // Throttled first, so that guessing codes costs the guesser, not the server.
    FailureCounts recent =
        api.store.login_failures_since(kRegisterThrottleLogin, req.remote_addr, window_start);
    if (recent.by_address >= throttle.max_failures_per_address)
        return failure(make_error("rate_limited"));

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
    return {201, encode(reply)};
}
}  // namespace

void add_invite_routes(ApiRoutes& routes, Api& api) {
    routes.add("POST", "/api/invites",
               [&api](const httplib::Request& req) { return create_invite(api, req); });
    routes.add("POST", "/api/register",
               [&api](const httplib::Request& req) { return register_member(api, req); });
}

}  // namespace yishi::server
