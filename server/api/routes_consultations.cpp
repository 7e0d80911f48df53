// 请你来协商: a consultation from its topic to publication. Each act decodes its body with the
// core's strict decoders, the store asks the core's rules, and the reply is the consultation as
// it now is; any logged-in member reads it.
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/messages_live.hpp"

namespace yishi::server {

namespace {
Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return make_error("bad_id", field);
    return *id;
}

Reply reply(const Result<ConsultationView>& v, int status) {
    if (!v) return failure(v.error());
    return {status, encode(v.value())};
}

Reply propose(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto cppcc = id_in_path(req, "cppcc_id");
    if (!cppcc) return failure(cppcc.error());
    auto draft = decode_topic_draft(req.body);
    if (!draft) return failure(draft.error());
    return reply(api.store.propose_topic(caller.value().id, cppcc.value(), draft.value(),
                                         api.now()),
                 201);
}

Reply read(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto topic = id_in_path(req, "topic_id");
    if (!topic) return failure(topic.error());
    return reply(api.store.consultation(caller.value().id, topic.value()), 200);
}

// GET /api/consultations/{id}/version: what a live consultation page polls (as readable as the
// consultation itself: by anyone signed in).
Reply version(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto topic = id_in_path(req, "topic_id");
    if (!topic) return failure(topic.error());
    auto v = api.store.consultation_version(topic.value());
    if (!v) return failure(v.error());
    return {200, encode(LiveVersion{v.value()})};
}

// An act on a consultation whose body `decode` reads; the store's `act` takes the decoded draft.
template <typename Decode, typename Call>
Reply act_on(Api& api, const httplib::Request& req, int status, Decode decode, Call act) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto topic = id_in_path(req, "topic_id");
    if (!topic) return failure(topic.error());
    auto draft = decode(req.body);
    if (!draft) return failure(draft.error());
    return reply(act(caller.value().id, topic.value(), draft.value(), api.now()), status);
}

// The body of an act that takes no fields: empty or a JSON object.
Result<Json> no_fields(std::string_view body) {
    if (body.empty()) return Json::object();
    return parse_object(body);
}
}  // namespace

void add_consultation_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("POST", R"(/api/cppccs/([^/]+)/topics)", propose);
    route("GET", R"(/api/consultations/([^/]+))", read);
    route("GET", R"(/api/consultations/([^/]+)/version)", version);
    Store& store = api.store;
    auto add = [&routes, &api](const char* pattern, int status, auto decode, auto act) {
        routes.add("POST", pattern, [&api, status, decode, act](const httplib::Request& req) {
            return act_on(api, req, status, decode, act);
        });
    };
    add(R"(/api/consultations/([^/]+)/plan)", 200, decode_plan_draft,
        [&store](Id a, Id t, const PlanDraft& d, std::int64_t now) {
            return store.plan_topic(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/research-group)", 200, decode_research_group,
        [&store](Id a, Id t, const std::vector<ResearchMember>& g, std::int64_t now) {
            return store.set_research_group(a, t, g, now);
        });
    add(R"(/api/consultations/([^/]+)/visits)", 201, decode_visit_draft,
        [&store](Id a, Id t, const VisitDraft& d, std::int64_t now) {
            return store.add_visit(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/sections)", 201, decode_section_draft,
        [&store](Id a, Id t, const SectionDraft& d, std::int64_t now) {
            return store.add_section(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/meeting)", 200, decode_meeting_draft,
        [&store](Id a, Id t, const MeetingDraft& d, std::int64_t now) {
            return store.schedule_meeting(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/participants)", 201, decode_participant_draft,
        [&store](Id a, Id t, const ParticipantDraft& d, std::int64_t now) {
            return store.add_participant(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/items)", 201, decode_item_draft,
        [&store](Id a, Id t, const ItemDraft& d, std::int64_t now) {
            return store.record_item(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/close-meeting)", 200, no_fields,
        [&store](Id a, Id t, const Json&, std::int64_t now) {
            return store.close_meeting(a, t, now);
        });
    add(R"(/api/consultations/([^/]+)/recommendations)", 201, decode_recommendation_draft,
        [&store](Id a, Id t, const RecommendationDraft& d, std::int64_t now) {
            return store.add_recommendation(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/sendings)", 201, decode_sending_draft,
        [&store](Id a, Id t, const SendingDraft& d, std::int64_t now) {
            return store.send_outcome(a, t, d, now);
        });
    add(R"(/api/consultations/([^/]+)/publish)", 200, no_fields,
        [&store](Id a, Id t, const Json&, std::int64_t now) {
            return store.publish_consultation(a, t, now);
        });
}

}  // namespace yishi::server
