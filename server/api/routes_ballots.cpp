// 定 (decide), ballots (表决): the convenor opens one on an agenda item, members on its frozen
// roll vote once, the convenor closes it: tally, outcome, resolution notice and the bulletin
// (计票公告). Beside plain yes/no ballots: other methods, voting by household or by
// floor area, secret ballots with receipts, and tellers' paper counts (计票员).
#include "record_views.hpp"
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/ballot_spec.hpp"
#include "yishi/bulletin.hpp"

namespace yishi::server {

// A plain ballot as before; any other with its spec, voters and, once closed, its result.
Json ballot_json(Api& api, const BallotRecord& r) {
    Json view = to_json(view_of(r));
    BallotSpec spec = api.store.ballot_spec(r.ballot.id);
    if (spec.plain()) return view;
    bool closed = r.ballot.state == BallotState::closed;
    std::vector<std::pair<Id, Json>> contents;
    if (closed && !spec.secret) contents = api.store.open_contents(r.ballot.id);
    std::optional<Json> bulletin;
    if (closed) bulletin = api.store.bulletin(r.ballot.id);
    return method_ballot_json(std::move(view), spec, api.store.ballot_voters(r.ballot.id), contents,
                              bulletin);
}

namespace {

Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

// The ballot of the path, for a member of its council.
Result<BallotRecord> readable_ballot(Api& api, const httplib::Request& req, Id viewer) {
    auto id = id_in_path(req, "ballot_id");
    if (!id) return id.error();
    auto b = api.store.ballot(id.value());
    if (!b) return make_error("not_found");
    if (!api.store.is_member(b->ballot.council_id, viewer)) return make_error("forbidden");
    return *b;
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
    auto spec = spec_from_request(body.value());
    if (!spec) return failure(spec.error());
    std::int64_t now = api.now();
    auto closes_at = closes_at_from_request(body.value(), now);
    if (!closes_at) return failure(closes_at.error());
    auto b = api.store.open_ballot_as(session.value(), caller.value().id, issue_id.value(),
                                      spec.value(), closes_at.value(), now);
    if (!b) return failure(b.error());
    return {201, ballot_json(api, b.value()).dump()};
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
    return {200, ballot_json(api, *b).dump()};
}

Reply vote(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "ballot_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    // A plain yes/no vote, the common case in a full hall, goes straight to the store, which
    // reads the ballot once and says when it is held under another method.
    auto choice = choice_from_request(body.value());
    if (choice) {
        auto b = api.store.cast_vote(id.value(), caller.value().id, choice.value(), api.now());
        if (b) return {201, encode(b.value())};
        if (!is_not_plain_ballot(b.error())) return failure(b.error());
    }
    // Another method's ballot, or a body that is no plain choice: refused as such on a plain
    // ballot, read for its council on any other.
    BallotSpec spec = api.store.ballot_spec(id.value());
    auto b = spec.plain() ? std::nullopt : api.store.ballot(id.value());
    if (!b) return failure(choice ? make_error("not_found") : choice.error());
    if (!api.store.is_member(b->ballot.council_id, caller.value().id))
        return failure(make_error("forbidden"));
    auto content = content_from_request(spec, body.value());
    if (!content) return failure(content.error());
    auto cast = api.store.cast_content(id.value(), caller.value().id, content.value(), api.now());
    if (!cast) return failure(cast.error());
    Json reply = ballot_json(api, cast.value().record);
    // 回执码: only the voter sees it
    if (spec.secret && spec.receipts) reply["receipt"] = cast.value().receipt;
    return {201, reply.dump()};
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
    if (api.store.ballot_spec(id.value()).plain()) return {200, encode(view_of(closing.value()))};
    Json reply = ballot_json(api, closing.value().record);
    reply["notice"] = to_json(closing.value().notice);
    return {200, reply.dump()};
}

// GET /api/ballots/{id}/bulletin: the published bulletin with its result; 409 while open.
Reply read_bulletin(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto b = readable_ballot(api, req, caller.value().id);
    if (!b) return failure(b.error());
    auto bulletin = api.store.bulletin(b.value().ballot.id);
    if (!bulletin) return failure(make_error("bulletin_not_published"));
    return {200, bulletin_text(*bulletin)};
}

// POST /api/ballots/{id}/paper-counts {"counts": {option: n}}: one teller's entry.
Reply enter_paper_counts(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto b = readable_ballot(api, req, caller.value().id);
    if (!b) return failure(b.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    BallotSpec spec = api.store.ballot_spec(b.value().ballot.id);
    if (spec.tellers.empty()) return failure(make_error("not_teller"));
    auto counts = paper_counts_from_request(spec, body.value());
    if (!counts) return failure(counts.error());
    auto pc = api.store.enter_paper_counts(b.value().ballot.id, caller.value().id, counts.value(),
                                           api.now());
    if (!pc) return failure(pc.error());
    return {200, encode(pc.value())};
}

// GET /api/ballots/{id}/paper-counts: both entries and the options where they differ.
Reply read_paper_counts(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "ballot_id");
    if (!id) return failure(id.error());
    auto pc = api.store.paper_counts(id.value(), caller.value().id);
    if (!pc) return failure(pc.error());
    return {200, encode(pc.value())};
}
}  // namespace

void add_ballot_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("POST", R"(/api/sessions/([^/]+)/ballots)", open_ballot);
    route("GET", R"(/api/ballots/([^/]+))", read_ballot);
    route("POST", R"(/api/ballots/([^/]+)/votes)", vote);
    route("POST", R"(/api/ballots/([^/]+)/close)", close_ballot);
    route("GET", R"(/api/ballots/([^/]+)/bulletin)", read_bulletin);
    route("GET", R"(/api/ballots/([^/]+)/paper-counts)", read_paper_counts);
    route("POST", R"(/api/ballots/([^/]+)/paper-counts)", enter_paper_counts);
}

}  // namespace yishi::server
