// JSON forms of the CPPCC committee and a consultation as the server shows them (see
// messages_consultation.hpp); the request bodies are in messages_consultation_requests.cpp.
#include "yishi/messages_consultation.hpp"

#include "messages_read.hpp"

namespace yishi {

namespace {
using wire::Fields;


// Each element of the array `name`, read by `read(Fields)`.
template <class F>
auto each(const Fields& f, const char* name, F&& read) {
    std::vector<decltype(read(std::declval<Fields>()))> out;
    for (std::size_t i = 0; i < f.array(name).size(); ++i) out.push_back(read(f.element(name, i)));
    return out;
}

template <class T, class F>
Json array_of(const std::vector<T>& items, F&& json) {
    Json a = Json::array();
    for (const auto& i : items) a.push_back(json(i));
    return a;
}

Json named_json(const NamedId& n) { return {{"id", n.id}, {"name", n.name}}; }
NamedId named_from(const Fields& f) { return {f.integer("id"), f.text("name")}; }

Json viewer_json(const ViewerView& v) {
    return {{"member_id", v.member_id}, {"seated", v.seated}, {"post", to_string(v.post)}};
}
ViewerView viewer_from(const Fields& f) {
    return {f.integer("member_id"), f.boolean("seated"), f.one_of("post", kCppccPosts)};
}

Json figures_json(const HandlingFigures& h) {
    return {{"recommendations", h.recommendations}, {"adopted", h.adopted},
            {"partly", h.partly},                   {"not_adopted", h.not_adopted},
            {"pending", h.pending},                 {"tasks", h.tasks},
            {"answered_on_time", h.answered_on_time}, {"done", h.done},
            {"supervised", h.supervised}};
}
HandlingFigures figures_from(const Fields& f) {
    HandlingFigures h;
    h.recommendations = f.small_int("recommendations");
    h.adopted = f.small_int("adopted");
    h.partly = f.small_int("partly");
    h.not_adopted = f.small_int("not_adopted");
    h.pending = f.small_int("pending");
    h.tasks = f.small_int("tasks");
    h.answered_on_time = f.small_int("answered_on_time");
    h.done = f.small_int("done");
    h.supervised = f.small_int("supervised");
    return h;
}

Json recommendation_json(const RecommendationView& r) {
    return {{"id", r.id},
            {"text", r.text},
            {"proposer_ids", r.proposer_ids},
            {"item_ids", r.item_ids},
            {"section_ids", r.section_ids},
            {"tasks", wire::list_json(r.tasks)}};
}
RecommendationView recommendation_from(const Fields& f) {
    RecommendationView r;
    r.id = f.integer("id");
    r.text = f.text("text");
    r.proposer_ids = f.ids("proposer_ids");
    r.item_ids = f.ids("item_ids");
    r.section_ids = f.ids("section_ids");
    r.tasks = each(f, "tasks", wire::task_from);
    return r;
}

Json participant_json(const Participant& p) {
    return {{"id", p.id},       {"name", p.name},
            {"title", p.title}, {"affiliation", p.affiliation},
            {"kind", to_string(p.kind)}, {"member_id", p.member_id}};
}
Participant participant_from(const Fields& f) {
    return {f.integer("id"),           f.text("name"),
            f.text("title"),           f.text("affiliation"),
            f.one_of("kind", kParticipantKinds),  f.integer("member_id")};
}

Json item_json(const MeetingItem& i) {
    return {{"id", i.id},
            {"kind", to_string(i.kind)},
            {"speaker_id", i.speaker_id},
            {"summary", i.summary},
            {"to_participant_id", i.to_participant_id},
            {"answers_item_id", i.answers_item_id},
            {"at", i.at}};
}
MeetingItem item_from(const Fields& f) {
    return {f.integer("id"),
            f.one_of("kind", kItemKinds),
            f.integer("speaker_id"),
            f.text("summary"),
            f.integer("to_participant_id"),
            f.integer("answers_item_id"),
            f.integer("at")};
}

Json meeting_json(const std::optional<Meeting>& m) {
    if (!m) return Json();
    return {{"held_on", m->held_on},
            {"place", m->place},
            {"chair", m->chair},
            {"participants", array_of(m->participants, participant_json)},
            {"items", array_of(m->items, item_json)},
            {"closed", m->closed}};
}
Meeting meeting_from(const Fields& f) {
    Meeting m;
    m.held_on = f.text("held_on");
    m.place = f.text("place");
    m.chair = f.text("chair");
    m.participants = each(f, "participants", participant_from);
    m.items = each(f, "items", item_from);
    m.closed = f.boolean("closed");
    return m;
}

// Required but nullable: null is none, absence is refused.
const Json* nullable(const Fields& f, const char* name) {
    auto it = f.json().find(name);
    if (it == f.json().end()) wire::refuse("missing_field", f.path(name));
    return it->is_null() ? nullptr : &*it;
}

Json topic_line_json(const TopicLine& t) {
    return {{"id", t.id},
            {"title", t.title},
            {"source", to_string(t.source)},
            {"stage", to_string(t.stage)},
            {"plan_year", t.plan_year},
            {"committee_id", t.committee_id},
            {"lead_vice_chair_id", t.lead_vice_chair_id},
            {"issue_id", t.issue_id}};
}
TopicLine topic_line_from(const Fields& f) {
    return {f.integer("id"),
            f.text("title"),
            f.one_of("source", kTopicSources),
            f.one_of("stage", kConsultationStages),
            f.small_int("plan_year"),
            f.integer("committee_id"),
            f.integer("lead_vice_chair_id"),
            f.integer("issue_id")};
}

Json seat_json(const SeatView& s) {
    return {{"member_id", s.member_id},
            {"name", s.name},
            {"post", to_string(s.post)},
            {"committee_id", s.committee_id},
            {"title", s.title}};
}
SeatView seat_from(const Fields& f) {
    return {f.integer("member_id"), f.text("name"), f.one_of("post", kCppccPosts),
            f.integer("committee_id"), f.text("title")};
}

ConsultationView consultation_from(const Fields& f) {
    ConsultationView v;
    Consultation& c = v.consultation;
    c.id = f.integer("id");
    c.cppcc_id = f.integer("cppcc_id");
    v.cppcc_name = f.text("cppcc_name");
    c.title = f.text("title");
    c.body = f.text("body");
    c.source = f.one_of("source", kTopicSources);
    c.proposed_by = f.integer("proposed_by");
    c.issue_id = f.integer("issue_id");
    v.issue_title = f.text("issue_title");
    v.issue_council_id = f.integer("issue_council_id");
    c.created_at = f.integer("created_at");
    c.stage = f.one_of("stage", kConsultationStages);
    if (nullable(f, "plan")) {
        Fields plan = f.object("plan");
        c.plan_year = plan.small_int("year");
        c.committee_id = plan.integer("committee_id");
        v.committee_name = plan.text("committee_name");
        c.lead_vice_chair_id = plan.integer("lead_vice_chair_id");
    }
    c.research_group = each(f, "research_group", [](const Fields& m) {
        return ResearchMember{m.integer("member_id"), m.text("name"), m.boolean("lead")};
    });
    c.visits = each(f, "visits", [](const Fields& m) {
        return FieldVisit{m.integer("id"),   m.text("visited_on"), m.text("place"),
                          m.text("notes"),   m.text("attachment"), m.integer("by")};
    });
    c.report = each(f, "report", [](const Fields& m) {
        return ReportSection{m.integer("id"), m.text("heading"), m.text("body")};
    });
    if (nullable(f, "meeting")) c.meeting = meeting_from(f.object("meeting"));
    v.recommendations = each(f, "recommendations", recommendation_from);
    for (const auto& r : v.recommendations)
        c.recommendations.push_back({r.id, r.text, r.proposer_ids, r.item_ids, r.section_ids, {}});
    c.sendings = each(f, "sendings", [](const Fields& m) {
        return Sending{m.integer("id"), m.text("recipient"), m.text("sent_on"),
                       m.text("received_by")};
    });
    v.figures = figures_from(f.object("figures"));
    v.viewer = viewer_from(f.object("viewer"));
    v.people = each(f, "people", named_from);
    v.version = f.integer("version");
    return v;
}
}  // namespace

CppccActor cppcc_actor(const ViewerView& v) { return {v.member_id, v.seated, v.post}; }

Json to_json(const CppccView& v) {
    return {{"id", v.id},
            {"name", v.name},
            {"street_id", v.street_id},
            {"committees", array_of(v.committees, named_json)},
            {"seats", array_of(v.seats, seat_json)},
            {"topics", array_of(v.topics, topic_line_json)},
            {"viewer", viewer_json(v.viewer)}};
}

std::string encode(const CppccView& v) { return to_json(v).dump(); }

Result<CppccView> decode_cppcc(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        CppccView v;
        v.id = f.integer("id");
        v.name = f.text("name");
        v.street_id = f.integer("street_id");
        v.committees = each(f, "committees", named_from);
        v.seats = each(f, "seats", seat_from);
        v.topics = each(f, "topics", topic_line_from);
        v.viewer = viewer_from(f.object("viewer"));
        return v;
    });
}

std::string encode(const CppccList& l) {
    return Json{{"cppccs", array_of(l.cppccs, named_json)}}.dump();
}

Result<CppccList> decode_cppcc_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return CppccList{each(f, "cppccs", named_from)};
    });
}

Json to_json(const ConsultationView& v) {
    const Consultation& c = v.consultation;
    Json plan;
    if (c.plan_year != 0)
        plan = {{"year", c.plan_year},
                {"committee_id", c.committee_id},
                {"committee_name", v.committee_name},
                {"lead_vice_chair_id", c.lead_vice_chair_id}};
    return {
        {"id", c.id},
        {"cppcc_id", c.cppcc_id},
        {"cppcc_name", v.cppcc_name},
        {"title", c.title},
        {"body", c.body},
        {"source", to_string(c.source)},
        {"proposed_by", c.proposed_by},
        {"issue_id", c.issue_id},
        {"issue_title", v.issue_title},
        {"issue_council_id", v.issue_council_id},
        {"created_at", c.created_at},
        {"stage", to_string(c.stage)},
        {"plan", plan},
        {"research_group", array_of(c.research_group,
                                    [](const ResearchMember& m) -> Json {
                                        return {{"member_id", m.member_id},
                                                {"name", m.name},
                                                {"lead", m.lead}};
                                    })},
        {"visits", array_of(c.visits,
                            [](const FieldVisit& m) -> Json {
                                return {{"id", m.id},       {"visited_on", m.visited_on},
                                        {"place", m.place}, {"notes", m.notes},
                                        {"attachment", m.attachment}, {"by", m.by}};
                            })},
        {"report", array_of(c.report,
                            [](const ReportSection& s) -> Json {
                                return {{"id", s.id}, {"heading", s.heading}, {"body", s.body}};
                            })},
        {"meeting", meeting_json(c.meeting)},
        {"recommendations", array_of(v.recommendations, recommendation_json)},
        {"sendings", array_of(c.sendings,
                              [](const Sending& s) -> Json {
                                  return {{"id", s.id},
                                          {"recipient", s.recipient},
                                          {"sent_on", s.sent_on},
                                          {"received_by", s.received_by}};
                              })},
        {"figures", figures_json(v.figures)},
        {"viewer", viewer_json(v.viewer)},
        {"people", array_of(v.people, named_json)},
        {"version", v.version}};
}

std::string encode(const ConsultationView& v) { return to_json(v).dump(); }

Result<ConsultationView> decode_consultation(std::string_view body) {
    return wire::decode_body(body, consultation_from);
}

std::string person_name(const ConsultationView& v, Id member_id) {
    for (const auto& p : v.people)
        if (p.id == member_id) return p.name;
    return {};
}

std::string encode(const IssueConsultation& v) {
    return Json{{"topic_id", v.topic_id},
                {"title", v.title},
                {"cppcc_name", v.cppcc_name},
                {"stage", to_string(v.stage)},
                {"recommendations", array_of(v.recommendations, recommendation_json)},
                {"figures", figures_json(v.figures)}}
        .dump();
}

Result<IssueConsultation> decode_issue_consultation(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        IssueConsultation v;
        v.topic_id = f.integer("topic_id");
        v.title = f.text("title");
        v.cppcc_name = f.text("cppcc_name");
        v.stage = f.one_of("stage", kConsultationStages);
        v.recommendations = each(f, "recommendations", recommendation_from);
        v.figures = figures_from(f.object("figures"));
        return v;
    });
}

std::string encode(const ConsultationTaskList& l) {
    return Json{{"items", array_of(l.items,
                                   [](const ConsultationTaskLine& i) -> Json {
                                       return {{"topic_id", i.topic_id},
                                               {"topic_title", i.topic_title},
                                               {"recommendation_id", i.recommendation_id},
                                               {"recommendation_text", i.recommendation_text},
                                               {"task", to_json(i.task)}};
                                   })}}
        .dump();
}

Result<ConsultationTaskList> decode_consultation_task_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        ConsultationTaskList l;
        l.items = each(f, "items", [](const Fields& i) {
            ConsultationTaskLine line;
            line.topic_id = i.integer("topic_id");
            line.topic_title = i.text("topic_title");
            line.recommendation_id = i.integer("recommendation_id");
            line.recommendation_text = i.text("recommendation_text");
            line.task = wire::task_from(i.object("task"));
            return line;
        });
        return l;
    });
}

}  // namespace yishi
