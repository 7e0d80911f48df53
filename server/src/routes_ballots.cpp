// 定 (decide), ballots (表决): the convenor opens one on an agenda item, members on its frozen
// roll vote yes/no/abstain once, the convenor closes it: tally, outcome, resolution notice.
#include "decide_json.hpp"
#include "decide_request.hpp"
#include "routes.hpp"

namespace yishi::server {

namespace {
// Resolution notices stay up a week unless the convenor says otherwise.

Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

Reply open_ballot(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto session = id_in_path(req, "session_id");
    if (!session) return failure(session.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto issue_id = require_id(body.value(), "issue_id");
    if (!issue_id) return failure(issue_id.error());
    auto b = api.store.open_ballot(session.value(), caller.value().id, issue_id.value(), api.now());
    if (!b) return failure(b.error());
    return {201, encode(view_of(b.value()))};
}

Reply read_ballot(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "ballot_id");
    if (!id) return failure(id.error());
    auto b = api.store.ballot(id.value());
    if (!b) return failure(make_error("not_found"));
    if (!api.store.is_member(b->ballot.council_id, caller.value().id))
        return failure(make_error("forbidden"));
    return {200, encode(view_of(*b))};
}

Reply vote(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "ballot_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto text = require_string(body.value(), "choice");
    if (!text) return failure(field_error(text.error().code, "choice"));
    Choice choice;
    if (!choice_from_string(text.value(), choice)) {
        Error e = field_error("wrong_type", "choice");
        e.message = "表决选项无效：须为 yes（赞成）、no（反对）或 abstain（弃权）";
        return failure(e);
    }
    auto b = api.store.cast_vote(id.value(), caller.value().id, choice, api.now());
    if (!b) return failure(b.error());
    return {201, encode(view_of(b.value()))};
}

Reply close_ballot(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "ballot_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, true);
    if (!body) return failure(body.error());
    auto days = notice_days_in(body.value());
    if (!days) return failure(days.error());
    auto closing = api.store.close_ballot(id.value(), caller.value().id, days.value(), api.now());
    if (!closing) return failure(naming_notice_days(closing.error()));
    return {200, encode(view_of(closing.value()))};
}
}  // namespace

void add_ballot_routes(ApiRoutes& routes, Api& api) {
    auto route = [&](const char* method, const char* pattern,
                     Reply (*f)(Api&, const httplib::Request&)) {
        routes.add(method, pattern, [&api, f](const httplib::Request& req) { return f(api, req); });
    };
    route("POST", R"(/api/sessions/([^/]+)/ballots)", open_ballot);
    route("GET", R"(/api/ballots/([^/]+))", read_ballot);
    route("POST", R"(/api/ballots/([^/]+)/votes)", vote);
    route("POST", R"(/api/ballots/([^/]+)/close)", close_ballot);
}

}  // namespace yishi::server
