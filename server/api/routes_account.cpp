// Accounts: the API version, login with throttling, logout, and who am I.
#include "routes.hpp"

#include "yishi/messages.hpp"

namespace yishi::server {

Result<Member> Api::caller(const httplib::Request& req) const {
    auto token = bearer_token(req);
    if (!token) return make_error("unauthorized");
    auto member = store.member_for_token(token_digest(*token), now(), options.tokens);
    if (!member) return make_error("unauthorized");
    return *member;
}

Reply wait_before_retry(std::int64_t seconds) {
    Reply r = failure(rate_limited_for(seconds));
    r.headers.emplace("Retry-After", std::to_string(seconds < 1 ? 1 : seconds));
    return r;
}

namespace {
Json councils_json(const std::vector<Council>& councils) {
    Json out = Json::array();
    for (const auto& c : councils) out.push_back(to_json(c));
    return out;
}

Reply login(Api& api, const httplib::Request& req) {
    auto request = decode_login_request(req.body);
    if (!request) return failure(request.error());
    const auto& [login, password] = request.value();
    const std::string address = client_address(req);
    std::int64_t now = api.now();

    // Counted before hashing, in one transaction: a flood costs no Argon2 work, and
    // simultaneous guesses cannot all slip past the count.
    auto admission = api.store.begin_attempt(login, address, now, api.options.throttle);
    if (!admission.allowed) return wait_before_retry(admission.retry_after_seconds);

    auto credentials = api.store.credentials(login);
    auto verdict = credentials ? api.hasher.verify(credentials->password_hash, password)
                               : api.hasher.verify_against_dummy(password);
    if (verdict == PasswordHasher::Verdict::busy) {
        api.store.withdraw_attempt(login, address);
        return failure(make_error("rate_limited"));
    }
    if (verdict != PasswordHasher::Verdict::match) return failure(make_error("bad_credentials"));
    // Told only to someone who knows the password: the account exists but was deactivated.
    if (!credentials->active) return failure(make_error("member_inactive"));

    api.store.attempt_succeeded(login, address);
    auto member = api.store.member(credentials->member_id);
    if (!member) return failure(make_error("bad_credentials"));
    LoginReply reply;
    reply.token = new_token();
    api.store.add_token(token_digest(reply.token), member->id, now, api.options.tokens);
    reply.member = *member;
    reply.councils = api.store.councils_of(member->id);
    return {200, login_reply_body(api, reply)};
}

Reply logout(Api& api, const httplib::Request& req) {
    auto member = api.caller(req);
    if (!member) return failure(member.error());
    api.store.revoke_token(token_digest(*bearer_token(req)));
    return {200, Json{{"ok", true}}.dump()};
}

Reply me(Api& api, const httplib::Request& req) {
    auto member = api.caller(req);
    if (!member) return failure(member.error());
    // Where the member lives, for owners to check the area their votes weigh.
    Json who = to_json(member.value());
    MemberHome home = api.store.home_of(member.value().id);
    who["household"] = home.household;
    who["floor_area_centi_m2"] = home.floor_area_centi_m2;
    Json body{{"member", who},
              {"councils", councils_json(api.store.councils_of(member.value().id))}};
    if (auto scope = api.store.admin_scope(member.value().id)) body["admin"] = scope_json(*scope);
    return {200, body.dump()};
}
}  // namespace

Json scope_json(const AdminScope& scope) {
    Json j{{"level", to_string(scope.level)}};
    if (scope.level != AdminLevel::platform) j["id"] = scope.id;
    return j;
}

std::string login_reply_body(Api& api, const LoginReply& reply) {
    Json body = Json::parse(encode(reply));
    if (auto scope = api.store.admin_scope(reply.member.id)) body["admin"] = scope_json(*scope);
    return body.dump();
}

void add_account_routes(ApiRoutes& routes, Api& api) {
    routes.add("GET", "/api/version", [](const httplib::Request&) {
        return Reply{200, Json{{"api", kApiVersion}, {"name", "yishi"}}.dump()};
    });
    routes.add("POST", "/api/login", [&api](const httplib::Request& req) { return login(api, req); });
    routes.add("POST", "/api/logout", [&api](const httplib::Request& req) { return logout(api, req); });
    routes.add("GET", "/api/me", [&api](const httplib::Request& req) { return me(api, req); });
}

}  // namespace yishi::server
