// 办 carry out and 评 evaluate: the convenor turns a passed ballot into a task (交办), the
// responsible member reports progress and replies, members rate the reply, the convenor concludes
// (督办 on an unsatisfied majority) and publishes the result notice (实施结果公开). A department
// states its position on a recommendation handed to it by a CPPCC committee.
#include "record_views.hpp"
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/messages_consultation.hpp"

namespace yishi::server {

namespace {
// A task may be due at most this far ahead.
constexpr std::int64_t kMaxDueAheadSeconds = 3650 * kSecondsPerDay;
// Result notices stay up a week unless the convenor says otherwise.

Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

// Names the field of a refusal as the request does, with its Chinese label: the core validates
// texts under the name "body" where the request says "text".
Error as_requested(Error e) {
    if (e.field == "body") return field_error(e.code, "text");
    if (!e.field.empty() && e.status < 500) return field_error(e.code, e.field);
    return e;
}

Reply assign(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto ballot = id_in_path(req, "ballot_id");
    if (!ballot) return failure(ballot.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto unit = require_string(body.value(), "responsible_unit");
    if (!unit) return failure(unit.error());
    std::int64_t now = api.now();
    auto due = require_int(body.value(), "due_at", 0, now + kMaxDueAheadSeconds, "bad_time");
    if (!due) return failure(due.error());
    Id assignee = 0;
    if (auto a = body.value().find("assignee_id"); a != body.value().end() && !a->is_null()) {
        auto id = require_id(body.value(), "assignee_id");
        if (!id) return failure(id.error());
        assignee = id.value();
    }
    TaskSpec spec{unit.value(), assignee, due.value()};
    auto task = api.store.assign_task(ballot.value(), caller.value().id, spec, now);
    if (!task) return failure(as_requested(task.error()));
    return {201, encode(view_of(task.value()))};
}

Reply list_tasks(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(make_error("bad_id", "council_id"));
    if (!api.store.council(*id)) return failure(make_error("not_found", "council_id"));
    if (!api.store.is_member(*id, caller.value().id)) return failure(make_error("forbidden"));
    TaskList list;
    for (const auto& t : api.store.tasks(*id)) list.tasks.push_back(view_of(t));
    return {200, encode(list)};
}

Reply read_task(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto t = api.store.task(id.value());
    if (!t) return failure(make_error("not_found"));
    // A council's task is its members'; a recommendation's handling is open to every account,
    // as its consultation is.
    if (t->task.recommendation_id == 0 && !api.store.is_member(t->task.council_id, caller.value().id))
        return failure(make_error("forbidden"));
    return {200, encode(view_of(*t))};
}

// The department's position on a recommendation handed to it (采纳/部分采纳/未采纳).
Reply take_position(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto position = decode_position(req.body);
    if (!position) return failure(position.error());
    std::int64_t now = api.now();
    if (position.value().due_at > now + kMaxDueAheadSeconds)
        return failure(make_error("bad_time", "due_at"));
    auto t = api.store.take_position(id.value(), caller.value().id, position.value(), now);
    if (!t) return failure(t.error());
    return {200, encode(view_of(t.value()))};
}

enum class Write { progress, reply };

Reply write_text(Api& api, const httplib::Request& req, Write what) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto text = require_string(body.value(), "text");
    if (!text) return failure(field_error(text.error().code, "text"));
    Id who = caller.value().id;
    auto t = what == Write::progress
                 ? api.store.report_progress(id.value(), who, text.value(), api.now())
                 : api.store.answer_task(id.value(), who, text.value(), api.now());
    if (!t) return failure(as_requested(t.error()));
    return {201, encode(view_of(t.value()))};
}

Reply rate(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto text = require_string(body.value(), "rating");
    if (!text) return failure(field_error(text.error().code, "rating"));
    Rating rating;
    if (!rating_from_string(text.value(), rating)) {
        Error e = field_error("wrong_type", "rating");
        e.message =
            "评价无效：须为 satisfied（满意）、basically_satisfied（基本满意）或 "
            "unsatisfied（不满意）";
        return failure(e);
    }
    auto t = api.store.rate_reply(id.value(), caller.value().id, rating, api.now());
    if (!t) return failure(t.error());
    return {201, encode(view_of(t.value()))};
}

Reply conclude(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto t = api.store.conclude_rating(id.value(), caller.value().id, api.now());
    if (!t) return failure(t.error());
    return {200, encode(view_of(t.value()))};
}

Reply publish_result(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "task_id");
    if (!id) return failure(id.error());
    auto body = body_object(req, true);
    if (!body) return failure(body.error());
    auto days = notice_days_in(body.value());
    if (!days) return failure(days.error());
    auto n = api.store.publish_result(id.value(), caller.value().id, days.value(), api.now());
    if (!n) return failure(naming_notice_days(n.error()));
    return {201, encode(n.value())};
}
}  // namespace

void add_task_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("POST", R"(/api/ballots/([^/]+)/tasks)", assign);
    route("GET", R"(/api/councils/([^/]+)/tasks)", list_tasks);
    route("GET", R"(/api/tasks/([^/]+))", read_task);
    routes.add("POST", R"(/api/tasks/([^/]+)/progress)", [&api](const httplib::Request& req) {
        return write_text(api, req, Write::progress);
    });
    routes.add("POST", R"(/api/tasks/([^/]+)/reply)",
               [&api](const httplib::Request& req) { return write_text(api, req, Write::reply); });
    route("POST", R"(/api/tasks/([^/]+)/ratings)", rate);
    route("POST", R"(/api/tasks/([^/]+)/conclude)", conclude);
    route("POST", R"(/api/tasks/([^/]+)/notice)", publish_result);
    route("POST", R"(/api/tasks/([^/]+)/position)", take_position);
}

}  // namespace yishi::server
