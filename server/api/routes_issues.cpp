// Issues (议题) of a council: list, raise (also by a grid worker for a resident, 代提), read,
// co-sign (附议).
#include "record_views.hpp"
#include "request_fields.hpp"
#include "routes.hpp"

#include "yishi/messages.hpp"

namespace yishi::server {

namespace {
// The council named in the path, if it exists and the caller belongs to it.
Result<Council> council_of_caller(Api& api, const std::string& id_text, const Member& caller) {
    auto id = parse_id(id_text);
    if (!id) return make_error("bad_id", "council_id");
    auto council = api.store.council(*id);
    if (!council) return make_error("not_found", "council_id");
    if (!api.store.is_member(council->id, caller.id)) return make_error("forbidden");
    return *council;
}

Reply list_issues(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req.matches[1], caller.value());
    if (!council) return failure(council.error());
    auto param = [&](const char* name) -> std::optional<std::string> {
        if (!req.has_param(name)) return std::nullopt;
        // Given twice is as unclear as given wrong: refused by the parser, as "".
        if (req.get_param_value_count(name) > 1) return std::string();
        return req.get_param_value(name);
    };
    auto page = parse_issue_page_query(param("limit"), param("after"));
    if (!page) return failure(page.error());
    if (page.value().limit > 0) {
        auto rows = api.store.issue_page(council.value().id, caller.value().id, page.value());
        return {200, encode(issue_page(council.value(), std::move(rows), page.value().limit))};
    }
    IssueList list{council.value(), api.store.issues(council.value().id, caller.value().id)};
    return {200, encode(list)};
}

Reply raise_issue(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto council = council_of_caller(api, req.matches[1], caller.value());
    if (!council) return failure(council.error());
    auto request = decode_new_issue_request(req.body);
    if (!request) return failure(request.error());
    // Optional: category, tag, and on_behalf_of or raised_for_name/raised_for_household (a grid
    // worker raising it for a resident with or without an account, 代提).
    auto body = parse_object(req.body);
    if (!body) return failure(body.error());
    RaiseIssue raise{request.value().title, request.value().body, "", "", 0};
    for (auto [field, target] : {std::pair<const char*, std::string*>{"category", &raise.category},
                                 {"tag", &raise.tag},
                                 {"raised_for_name", &raise.raised_for_name},
                                 {"raised_for_household", &raise.raised_for_household}}) {
        auto it = body.value().find(field);
        if (it == body.value().end() || it->is_null()) continue;
        if (!it->is_string()) return failure(make_error("wrong_type", field));
        *target = it->get<std::string>();
    }
    if (auto it = body.value().find("on_behalf_of"); it != body.value().end() && !it->is_null()) {
        auto id = require_id(body.value(), "on_behalf_of");
        if (!id) return failure(id.error());
        raise.on_behalf_of = id.value();
    }
    auto issue = api.store.raise_issue_as(council.value().id, caller.value().id, raise, api.now());
    if (!issue) return failure(issue.error());
    return {201, encode(issue.value())};
}

Reply read_issue(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(make_error("bad_id", "issue_id"));
    auto issue = api.store.issue(*id, caller.value().id);
    if (!issue) return failure(make_error("not_found", "issue_id"));
    if (!api.store.is_member(issue->council_id, caller.value().id))
        return failure(make_error("forbidden"));
    return {200, encode(*issue)};
}

Reply cosign(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(make_error("bad_id", "issue_id"));
    auto issue = api.store.cosign(*id, caller.value().id, api.now());
    if (!issue) return failure(issue.error());
    return {200, encode(issue.value())};
}
}  // namespace

void add_issue_routes(ApiRoutes& routes, Api& api) {
    // Ids are matched loosely and parsed strictly, so "abc" answers 400 bad_id, not 404.
    routes.add("GET", R"(/api/councils/([^/]+)/issues)",
               [&api](const httplib::Request& req) { return list_issues(api, req); });
    routes.add("POST", R"(/api/councils/([^/]+)/issues)",
               [&api](const httplib::Request& req) { return raise_issue(api, req); });
    routes.add("GET", R"(/api/issues/([^/]+))",
               [&api](const httplib::Request& req) { return read_issue(api, req); });
    routes.add("POST", R"(/api/issues/([^/]+)/cosign)",
               [&api](const httplib::Request& req) { return cosign(api, req); });
}

}  // namespace yishi::server
