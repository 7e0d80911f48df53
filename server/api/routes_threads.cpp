// 提/议: the convenor's list work (accept onto the list, merge, decline with a public reason) and
// the issues' threads: comments with a stance, one level of replies, departments' official
// replies, edits kept as history, hiding with a public reason.
#include "record_views.hpp"
#include "request_fields.hpp"
#include "routes.hpp"

namespace yishi::server {

namespace {
Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

// Names the field of a refusal as the request does: the core says "body" for the text and
// "parent_id" for the comment replied to.
Error as_requested(Error e) {
    if (e.field == "body") return field_error(e.code, "text");
    if (e.field == "parent_id") return field_error(e.code, "reply_to");
    if (!e.field.empty() && e.status < 500) return field_error(e.code, e.field);
    return e;
}

// A required string field, its fault named with the field's Chinese label.
Result<std::string> string_field(const Json& body, const char* field) {
    auto s = require_string(body, field);
    if (!s) return field_error(s.error().code, field);
    return s;
}

enum class ListWork { accept, merge, decline };

Reply list_work(Api& api, const httplib::Request& req, ListWork what) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "issue_id");
    if (!id) return failure(id.error());
    Id who = caller.value().id;
    std::int64_t now = api.now();
    if (what == ListWork::accept) {
        auto issue = api.store.accept_issue(id.value(), who, now);
        if (!issue) return failure(as_requested(issue.error()));
        return {200, encode(issue.value())};
    }
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    Id into = 0;
    if (what == ListWork::merge) {
        auto target = require_id(body.value(), "into");
        if (!target) return failure(target.error());
        into = target.value();
    }
    auto reason = string_field(body.value(), "reason");
    if (!reason) return failure(reason.error());
    auto issue = what == ListWork::merge
                     ? api.store.merge_issue(id.value(), who, into, reason.value(), now)
                     : api.store.decline_issue(id.value(), who, reason.value(), now);
    if (!issue) return failure(as_requested(issue.error()));
    return {200, encode(issue.value())};
}

Reply list_comments(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "issue_id");
    if (!id) return failure(id.error());
    auto issue = api.store.issue(id.value(), caller.value().id);
    if (!issue) return failure(make_error("not_found", "issue_id"));
    if (!api.store.is_member(issue->council_id, caller.value().id))
        return failure(make_error("forbidden"));
    CommentList list;
    for (const auto& c : api.store.comments(issue->id)) list.comments.push_back(view_of(c));
    return {200, encode(list)};
}

Reply post_comment(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "issue_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    const Json& j = body.value();
    bool official = false;
    if (auto o = j.find("official"); o != j.end() && !o->is_null()) {
        if (!o->is_boolean()) return failure(field_error("wrong_type", "official"));
        official = o->get<bool>();
    }
    // An official reply states no stance of its own.
    Stance stance = Stance::neutral;
    if (!official || (j.contains("stance") && !j["stance"].is_null())) {
        auto text = string_field(j, "stance");
        if (!text) return failure(text.error());
        if (!stance_from_string(text.value(), stance)) {
            Error e = field_error("wrong_type", "stance");
            e.message =
                "立场无效：须为 support（赞成）、oppose（反对）、neutral（中立）或 "
                "question（疑问）";
            return failure(e);
        }
    }
    auto text = string_field(j, "text");
    if (!text) return failure(text.error());
    Id parent = 0;
    if (auto r = j.find("reply_to"); r != j.end() && !r->is_null()) {
        auto p = require_id(j, "reply_to");
        if (!p) return failure(p.error());
        parent = p.value();
    }
    auto c = api.store.post_comment(id.value(), caller.value().id, parent, stance, text.value(),
                                    official, api.now());
    if (!c) return failure(as_requested(c.error()));
    return {201, encode(view_of(c.value()))};
}

Reply edit_comment(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "comment_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto text = string_field(body.value(), "text");
    if (!text) return failure(text.error());
    auto c = api.store.edit_comment(id.value(), caller.value().id, text.value(), api.now());
    if (!c) return failure(as_requested(c.error()));
    return {200, encode(view_of(c.value()))};
}

Reply hide_comment(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "comment_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto reason = string_field(body.value(), "reason");
    if (!reason) return failure(reason.error());
    auto c = api.store.hide_comment(id.value(), caller.value().id, reason.value(), api.now());
    if (!c) return failure(as_requested(c.error()));
    return {200, encode(view_of(c.value()))};
}
}  // namespace

void add_thread_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    routes.add("POST", R"(/api/issues/([^/]+)/accept)", [&api](const httplib::Request& req) {
        return list_work(api, req, ListWork::accept);
    });
    routes.add("POST", R"(/api/issues/([^/]+)/merge)", [&api](const httplib::Request& req) {
        return list_work(api, req, ListWork::merge);
    });
    routes.add("POST", R"(/api/issues/([^/]+)/decline)", [&api](const httplib::Request& req) {
        return list_work(api, req, ListWork::decline);
    });
    route("GET", R"(/api/issues/([^/]+)/comments)", list_comments);
    route("POST", R"(/api/issues/([^/]+)/comments)", post_comment);
    route("PATCH", R"(/api/comments/([^/]+))", edit_comment);
    route("POST", R"(/api/comments/([^/]+)/hide)", hide_comment);
}

}  // namespace yishi::server
