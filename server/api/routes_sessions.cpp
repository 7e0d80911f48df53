// 定 (decide), sessions (会议): council rules, demands for an extraordinary session, planning,
// notice with agenda, opening, sign-in, closing, and the council's public notices (公示).
#include "record_views.hpp"
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/messages_live.hpp"

namespace yishi::server {

namespace {
// A session may be planned at most this far ahead.
constexpr std::int64_t kMaxPlanAheadSeconds = 3650 * kSecondsPerDay;
// More agenda items than any meeting could hear is a malformed request.
constexpr std::size_t kMaxAgendaItems = 50;

Result<Council> council_in_path(Api& api, const httplib::Request& req) {
    auto id = parse_id(req.matches[1]);
    if (!id) return make_error("bad_id", "council_id");
    auto council = api.store.council(*id);
    if (!council) return make_error("not_found", "council_id");
    return *council;
}

// For reads: the council exists and the caller belongs to it.
Result<Council> council_of_caller(Api& api, const httplib::Request& req, const Member& caller) {
    auto council = council_in_path(api, req);
    if (!council) return council;
    if (!api.store.is_member(council.value().id, caller.id)) return make_error("forbidden");
    return council;
}

Reply list_sessions(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    SessionList list;
    for (const auto& s : api.store.sessions(council.value().id))
        list.sessions.push_back(session_summary(s));
    return {200, encode(list)};
}

// GET /api/councils/{id}/version: what a live session or ballot page polls (members only).
Reply council_version(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    return {200, encode(LiveVersion{api.store.council_version(council.value().id)})};
}

// GET /api/councils/{id}/members: who belongs, for sign-in lists and pickers (members only).
Reply list_members(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    MemberList list;
    for (const auto& m : api.store.council_members(council.value().id))
        list.members.push_back({m.id, m.name, m.role, m.voting, m.household});
    return {200, encode(list)};
}

Reply plan_session(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_in_path(api, req);
    if (!council) return failure(council.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto kind_text = require_string(body.value(), "kind");
    if (!kind_text) return failure(field_error(kind_text.error().code, "kind"));
    SessionKind kind;
    if (!session_kind_from_string(kind_text.value(), kind))
        return failure(field_error("wrong_type", "kind"));
    std::int64_t now = api.now();
    auto starts_at = require_int(body.value(), "starts_at", 0, now + kMaxPlanAheadSeconds, "bad_time");
    if (!starts_at) return failure(starts_at.error());
    auto s = api.store.plan_session(council.value().id, caller.value().id, kind, starts_at.value(),
                                    now);
    if (!s) return failure(s.error());
    return {201, encode(session_summary(s.value()))};
}

Reply demand_status(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    return {200, encode(view_of(api.store.demand_status(council.value().id)))};
}

Reply demand_session(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_in_path(api, req);
    if (!council) return failure(council.error());
    auto status = api.store.demand_session(council.value().id, caller.value().id, api.now());
    if (!status) return failure(status.error());
    return {201, encode(view_of(status.value()))};
}

Reply read_rules(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    return {200, encode(api.store.rules(council.value().id))};
}

Reply adjust_rules(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_in_path(api, req);
    if (!council) return failure(council.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto proposed = rules_from_json(body.value());
    if (!proposed) return failure(proposed.error());
    auto rules = api.store.set_rules(council.value().id, caller.value().id, proposed.value(),
                                     api.now());
    if (!rules) return failure(rules.error());
    return {200, encode(rules.value())};
}

Reply list_notices(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req, caller.value());
    if (!council) return failure(council.error());
    std::int64_t now = api.now();
    NoticeList list;
    for (const auto& n : api.store.notices(council.value().id))
        list.notices.push_back({n, notice_in_force(n, now)});
    return {200, encode(list)};
}

Result<Id> session_in_path(const httplib::Request& req) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", "session_id");
    return *id;
}

Reply read_session(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = session_in_path(req);
    if (!id) return failure(id.error());
    auto s = api.store.session(id.value());
    if (!s) return failure(make_error("not_found"));
    if (!api.store.is_member(s->council_id, caller.value().id))
        return failure(make_error("forbidden"));
    SessionView view;
    view.session = *s;
    view.signed_in_count = static_cast<std::int64_t>(s->signed_in.size());
    for (Id m : s->signed_in)
        if (auto member = api.store.member(m)) view.signed_in.push_back({m, member->name});
    CouncilRules rules = api.store.rules(s->council_id);
    auto voters = api.store.electorate(s->council_id);
    view.quorum = quorum_status(rules, *s, voters);
    Json out = to_json(view);
    out["ballots"] = Json::array();  // each ballot as GET /api/ballots/{id} shows it
    for (const auto& b : api.store.ballots_of_session(s->id))
        out["ballots"].push_back(ballot_json(api, b));
    return {200, out.dump()};
}

Reply publish_notice(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = session_in_path(req);
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    const Json& j = body.value();
    auto agenda = j.find("agenda");
    if (agenda == j.end() || agenda->is_null()) return failure(field_error("missing_field", "agenda"));
    if (!agenda->is_array()) return failure(field_error("wrong_type", "agenda"));
    if (agenda->size() > kMaxAgendaItems) return failure(field_error("too_long", "agenda"));
    std::vector<AgendaRequest> items;
    for (const auto& a : *agenda) {
        if (!a.is_object()) return failure(field_error("wrong_type", "agenda"));
        auto issue_id = require_id(a, "issue_id");
        if (!issue_id) return failure(issue_id.error());
        AgendaRequest item{issue_id.value(), false};
        if (auto sm = a.find("special_matter"); sm != a.end() && !sm->is_null()) {
            if (!sm->is_boolean()) return failure(field_error("wrong_type", "special_matter"));
            item.special_matter = sm->get<bool>();
        }
        items.push_back(item);
    }
    std::string reason;
    if (auto r = j.find("override_reason"); r != j.end() && !r->is_null()) {
        if (!r->is_string()) return failure(field_error("wrong_type", "override_reason"));
        reason = r->get<std::string>();
    }
    auto s = api.store.publish_notice(id.value(), caller.value().id, items, reason, api.now());
    if (!s) return failure(s.error());
    return {200, encode(session_summary(s.value()))};
}

enum class Step { open, sign_in, close };

Reply session_step(Api& api, const httplib::Request& req, Step step) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = session_in_path(req);
    if (!id) return failure(id.error());
    Id who = caller.value().id;
    std::int64_t now = api.now();
    if (step == Step::sign_in) {
        // An empty body signs the caller in; {"member_id": N} is the convenor's 代为签到.
        auto body = body_object(req, true);
        if (!body) return failure(body.error());
        if (auto m = body.value().find("member_id"); m != body.value().end() && !m->is_null()) {
            auto member = require_id(body.value(), "member_id");
            if (!member) return failure(member.error());
            auto s = api.store.sign_in_for(id.value(), who, member.value(), now);
            if (!s) return failure(s.error());
            return {200, encode(session_summary(s.value()))};
        }
    }
    auto s = step == Step::open      ? api.store.open_session(id.value(), who, now)
             : step == Step::sign_in ? api.store.sign_in(id.value(), who, now)
                                     : api.store.close_session(id.value(), who, now);
    if (!s) return failure(s.error());
    return {200, encode(session_summary(s.value()))};
}

// Cancelling and re-timing: the caller, the session in the path, a JSON object body, then
// `change(session_id, caller_id, body, now)`, which decodes its own field and calls the store.
template <class Change>
Reply change_planned_session(Api& api, const httplib::Request& req, Change&& change) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = session_in_path(req);
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    Result<Session> s = change(id.value(), caller.value().id, body.value(), api.now());
    if (!s) return failure(s.error());
    return {200, encode(session_summary(s.value()))};
}

// POST /api/sessions/{id}/cancel {"reason"}: a planned session called off.
Reply cancel_session(Api& api, const httplib::Request& req) {
    return change_planned_session(
        api, req,
        [&api](Id session, Id who, const Json& body, std::int64_t now) -> Result<Session> {
            auto reason = require_string(body, "reason");
            if (!reason) return field_error(reason.error().code, "reason");
            return api.store.cancel_session(session, who, reason.value(), now);
        });
}

// POST /api/sessions/{id}/retime {"starts_at"}: a planned session given a new start.
Reply retime_session(Api& api, const httplib::Request& req) {
    return change_planned_session(
        api, req,
        [&api](Id session, Id who, const Json& body, std::int64_t now) -> Result<Session> {
            auto starts_at =
                require_int(body, "starts_at", 0, now + kMaxPlanAheadSeconds, "bad_time");
            if (!starts_at) return starts_at.error();
            return api.store.retime_session(session, who, starts_at.value(), now);
        });
}
}  // namespace

void add_session_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/councils/([^/]+)/sessions)", list_sessions);
    route("GET", R"(/api/councils/([^/]+)/members)", list_members);
    route("GET", R"(/api/councils/([^/]+)/version)", council_version);
    route("POST", R"(/api/councils/([^/]+)/sessions)", plan_session);
    route("GET", R"(/api/councils/([^/]+)/session-demands)", demand_status);
    route("POST", R"(/api/councils/([^/]+)/session-demands)", demand_session);
    route("GET", R"(/api/councils/([^/]+)/rules)", read_rules);
    route("PUT", R"(/api/councils/([^/]+)/rules)", adjust_rules);
    route("GET", R"(/api/councils/([^/]+)/notices)", list_notices);
    route("GET", R"(/api/sessions/([^/]+))", read_session);
    route("POST", R"(/api/sessions/([^/]+)/notice)", publish_notice);
    route("POST", R"(/api/sessions/([^/]+)/cancel)", cancel_session);
    route("POST", R"(/api/sessions/([^/]+)/retime)", retime_session);
    routes.add("POST", R"(/api/sessions/([^/]+)/open)",
               [&api](const httplib::Request& req) { return session_step(api, req, Step::open); });
    routes.add("POST", R"(/api/sessions/([^/]+)/sign-in)",
               [&api](const httplib::Request& req) { return session_step(api, req, Step::sign_in); });
    routes.add("POST", R"(/api/sessions/([^/]+)/close)",
               [&api](const httplib::Request& req) { return session_step(api, req, Step::close); });
}

}  // namespace yishi::server
