// The CPPCC committee (政协): its administration (creating it, its 专委会, seating its people),
// reading it, handing recommendations over to departments (交办) and the departments' list of
// them, and the community link (群众荐题: an issue recommended as a topic, and what became of it).
#include "request_fields.hpp"
#include "routes.hpp"

#include "yishi/administration.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/text.hpp"

namespace yishi::server {

namespace {
// A department's due date may be at most this far ahead, as a council's task's.
constexpr std::int64_t kMaxDueAheadSeconds = 3650 * kSecondsPerDay;

Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

Reply created_place(const PlaceRecord& p) {
    return {201, Json{{"id", p.id}, {"name", p.name}, {"parent_id", p.parent_id}}.dump()};
}

Result<std::string> require_place_name(const Json& body) {
    auto it = body.find("name");
    if (it == body.end()) return make_error("missing_field", "name");
    if (!it->is_string()) return make_error("wrong_type", "name");
    return check_place_name(it->get<std::string>(), "name");
}

// --- administration ---
Reply create_cppcc(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto street = require_id(body.value(), "street_id");
    if (!street) return failure(street.error());
    auto name = require_place_name(body.value());
    if (!name) return failure(name.error());
    auto made = api.store.create_cppcc(caller.value().id, street.value(), name.value(), api.now());
    if (!made) return failure(made.error());
    return created_place(made.value());
}

Reply create_committee(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto cppcc = id_in_path(req, "cppcc_id");
    if (!cppcc) return failure(cppcc.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    auto name = require_place_name(body.value());
    if (!name) return failure(name.error());
    auto made = api.store.create_special_committee(caller.value().id, cppcc.value(), name.value(),
                                                   api.now());
    if (!made) return failure(made.error());
    return created_place(made.value());
}

// {member_id, post, committee_id|null, title}: every field present, the title may be empty.
Reply seat(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto cppcc = id_in_path(req, "cppcc_id");
    if (!cppcc) return failure(cppcc.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    const Json& b = body.value();
    auto member = require_id(b, "member_id");
    if (!member) return failure(member.error());
    auto post = b.find("post");
    if (post == b.end()) return failure(make_error("missing_field", "post"));
    if (!post->is_string()) return failure(make_error("wrong_type", "post"));
    CppccPost p;
    if (!cppcc_post_from_string(post->get<std::string>(), p))
        return failure(make_error("bad_role", "post"));
    auto committee = b.find("committee_id");
    if (committee == b.end()) return failure(make_error("missing_field", "committee_id"));
    Id committee_id = 0;
    if (!committee->is_null()) {
        auto id = require_id(b, "committee_id");
        if (!id) return failure(id.error());
        committee_id = id.value();
    }
    auto title = b.find("title");
    if (title == b.end()) return failure(make_error("missing_field", "title"));
    if (!title->is_string()) return failure(make_error("wrong_type", "title"));
    std::string t = title->get<std::string>();
    if (!t.empty()) {
        auto checked = validate_text(t, "title", kConsultationNameMaxChars, TextLines::one);
        if (!checked) return failure(checked.error());
        t = checked.value();
    }
    auto view = api.store.seat_cppcc_member(caller.value().id, cppcc.value(), member.value(), p,
                                            committee_id, t, api.now());
    if (!view) return failure(view.error());
    return {200, encode(view.value())};
}

// --- reading ---
Reply list_cppccs(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    return {200, encode(CppccList{api.store.cppccs()})};
}

Reply read_cppcc(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "cppcc_id");
    if (!id) return failure(id.error());
    auto view = api.store.cppcc(caller.value().id, id.value());
    if (!view) return failure(view.error());
    return {200, encode(view.value())};
}

// --- handling ---
Reply hand_over(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "recommendation_id");
    if (!id) return failure(id.error());
    auto h = decode_hand_over(req.body);
    if (!h) return failure(h.error());
    std::int64_t now = api.now();
    if (h.value().due_at > now + kMaxDueAheadSeconds)
        return failure(make_error("bad_time", "due_at"));
    auto view = api.store.hand_over(caller.value().id, id.value(), h.value(), now);
    if (!view) return failure(view.error());
    return {201, encode(view.value())};
}

Reply consultation_tasks(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto list = api.store.consultation_tasks(caller.value().id);
    if (!list) return failure(list.error());
    return {200, encode(list.value())};
}

// --- the community link ---
Reply recommend_issue(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "issue_id");
    if (!id) return failure(id.error());
    auto r = decode_recommend_issue(req.body);
    if (!r) return failure(r.error());
    auto view = api.store.recommend_issue(caller.value().id, id.value(), r.value().cppcc_id,
                                          api.now());
    if (!view) return failure(view.error());
    return {201, encode(view.value())};
}

Reply issue_consultation(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = id_in_path(req, "issue_id");
    if (!id) return failure(id.error());
    auto view = api.store.issue_consultation(caller.value().id, id.value());
    if (!view) return failure(view.error());
    return {200, encode(view.value())};
}
}  // namespace

void add_cppcc_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("POST", "/api/admin/cppccs", create_cppcc);
    route("POST", R"(/api/admin/cppccs/([^/]+)/committees)", create_committee);
    route("POST", R"(/api/admin/cppccs/([^/]+)/seats)", seat);
    route("GET", "/api/cppccs", list_cppccs);
    route("GET", R"(/api/cppccs/([^/]+))", read_cppcc);
    route("POST", R"(/api/recommendations/([^/]+)/hand-over)", hand_over);
    route("GET", "/api/me/consultation-tasks", consultation_tasks);
    route("POST", R"(/api/issues/([^/]+)/recommend)", recommend_issue);
    route("GET", R"(/api/issues/([^/]+)/consultation)", issue_consultation);
}

}  // namespace yishi::server
