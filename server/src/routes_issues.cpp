// Issues (议题) of a council: list, raise, read, co-sign (附议).
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
    Issue issue = api.store.raise_issue(council.value().id, caller.value().id, request.value(),
                                        api.now());
    return {201, encode(issue)};
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
