// 政协 (请你来协商) as requests: each act is asked of the core's rules first (the same the server
// applies), so a refused act shows its reason without a round trip; what each page loads.
#include <ctime>

#include "steps.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/cppcc.hpp"
#include "yishi/client/format.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

namespace steps {

void load_cppcc(ClientState& state, RequestKind kind, Id id, std::vector<Request>& out,
                bool quiet) {
    if (!state.logged_in()) return;
    std::string path;
    switch (kind) {
        case RequestKind::cppccs: path = "/api/cppccs"; break;
        case RequestKind::cppcc: path = "/api/cppccs/" + std::to_string(id); break;
        case RequestKind::consultation: path = "/api/consultations/" + std::to_string(id); break;
        case RequestKind::consultation_tasks: path = "/api/me/consultation-tasks"; break;
        case RequestKind::issue_consultation:
            path = "/api/issues/" + std::to_string(id) + "/consultation";
            break;
        default: return;
    }
    Request r = make(state, kind, "GET", std::move(path), {}, id);
    // A block the page shows only when there is something to show: no spinner, no banner.
    if (quiet) {
        r.background = true;
        --state.pending;
        ++state.refreshing;
    }
    out.push_back(std::move(r));
}

void load_cppcc_page(ClientState& state, std::vector<Request>& out) {
    const Id id = state.route.id;
    switch (state.route.page) {
        case Page::cppccs: load_cppcc(state, RequestKind::cppccs, 0, out); break;
        case Page::cppcc: load_cppcc(state, RequestKind::cppcc, id, out); break;
        case Page::consultation:
        case Page::consultation_record:
            load_cppcc(state, RequestKind::consultation, id, out);
            break;
        case Page::consultation_tasks: load_cppcc(state, RequestKind::consultation_tasks, 0, out); break;
        case Page::issue:
            load_cppcc(state, RequestKind::issue_consultation, id, out, true);
            // The committees a convenor may recommend the issue to.
            if (state.is_convenor() && !state.cppcc.cppccs_loaded)
                load_cppcc(state, RequestKind::cppccs, 0, out, true);
            break;
        default: break;
    }
}

}  // namespace steps

namespace {

// "12" → 12; anything but ASCII digits (or more than fifteen of them) is 0.
Id typed_id(const std::string& typed) {
    std::string t = trim(typed);
    if (t.empty() || t.size() > 15 || t.front() == '0') return 0;
    Id v = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v;
}

struct CppccApplier {
    ClientState& state;
    std::vector<Request> out;

    void refuse(const Error& e) {
        state.error = {{}, e.message};
        state.error_field = e.field;
        state.notice = {};
    }

    std::int64_t now() const { return static_cast<std::int64_t>(std::time(nullptr)); }

    void post(std::string path, std::string body, std::string notice_key, Id target = 0) {
        steps::write(state, "POST", std::move(path), std::move(body), std::move(notice_key), out,
                     target);
    }

    std::string topic_path(Id id, const char* rest) const {
        return "/api/consultations/" + std::to_string(id) + rest;
    }

    // The consultation as loaded, for the core's checks; nullptr refuses (not loaded yet).
    const ConsultationView* topic(Id id) {
        const ConsultationView* v = state.find_consultation(id);
        if (!v) refuse(make_error("not_found"));
        return v;
    }

    // Refuses with the core's error when an act's check failed; true when it passed.
    template <class T>
    bool passes(const Result<T>& r) {
        if (r) return true;
        refuse(r.error());
        return false;
    }

    void operator()(const ProposeTopic& p) {
        steps::clear_messages(state);
        TopicDraft d{trim(p.title), trim(p.body), TopicSource::members};
        if (!topic_source_from_string(p.source, d.source))
            return refuse(make_error("bad_source", "source"));
        auto it = state.cppcc.committees.find(p.cppcc_id);
        CppccActor a = it != state.cppcc.committees.end()
                           ? cppcc_actor(it->second.viewer)
                           : CppccActor{state.session.member.id, true, CppccPost::member};
        if (!passes(propose_topic(a, p.cppcc_id, d, now()))) return;
        post("/api/cppccs/" + std::to_string(p.cppcc_id) + "/topics", encode(d),
             "cppcc_notice.topic_proposed", p.cppcc_id);
    }

    void operator()(const PlanTopic& p) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(p.topic_id);
        if (!v) return;
        PlanDraft d;
        // Not four digits: year 0, which the core's rule refuses with its own words.
        std::string y = trim(p.year);
        if (y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos)
            d.year = std::stoi(y);
        d.committee_id = p.committee_id;
        d.lead_vice_chair_id = p.lead_vice_chair_id;
        bool committee = true, vice_chair = true;
        if (auto it = state.cppcc.committees.find(v->consultation.cppcc_id);
            it != state.cppcc.committees.end()) {
            committee = vice_chair = false;
            for (const auto& c : it->second.committees) committee |= c.id == d.committee_id;
            for (const auto& s : it->second.seats)
                vice_chair |= s.member_id == d.lead_vice_chair_id &&
                              (s.post == CppccPost::vice_chair || s.post == CppccPost::chair);
        }
        if (!passes(plan_topic(cppcc_actor(v->viewer), v->consultation, d, committee, vice_chair)))
            return;
        post(topic_path(p.topic_id, "/plan"), encode(d), "cppcc_notice.topic_planned", p.topic_id);
    }

    void operator()(const SetResearchGroup& g) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(g.topic_id);
        if (!v) return;
        std::vector<ResearchMember> group;
        for (Id id : g.members) group.push_back({id, {}, id == g.lead});
        auto seated = seated_ids(state, v->consultation.cppcc_id);
        if (!seated.empty() &&
            !passes(set_research_group(cppcc_actor(v->viewer), v->consultation, group, seated)))
            return;
        post(topic_path(g.topic_id, "/research-group"), encode_research_group(group),
             "cppcc_notice.research_group_set", g.topic_id);
    }

    void operator()(const AddVisit& a) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(a.topic_id);
        if (!v) return;
        VisitDraft d{trim(a.draft.visited_on), trim(a.draft.place), trim(a.draft.notes),
                     trim(a.draft.attachment)};
        if (!passes(add_visit(cppcc_actor(v->viewer), v->consultation, d))) return;
        post(topic_path(a.topic_id, "/visits"), encode(d), "cppcc_notice.visit_added", a.topic_id);
    }

    void operator()(const AddSection& a) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(a.topic_id);
        if (!v) return;
        SectionDraft d{trim(a.heading), trim(a.body)};
        if (!passes(add_section(cppcc_actor(v->viewer), v->consultation, d.heading, d.body)))
            return;
        post(topic_path(a.topic_id, "/sections"), encode(d), "cppcc_notice.section_added", a.topic_id);
    }

    void operator()(const ScheduleMeeting& m) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(m.topic_id);
        if (!v) return;
        MeetingDraft d{trim(m.draft.held_on), trim(m.draft.place), trim(m.draft.chair)};
        if (!passes(schedule_meeting(cppcc_actor(v->viewer), v->consultation, d))) return;
        post(topic_path(m.topic_id, "/meeting"), encode(d), "cppcc_notice.meeting_scheduled",
             m.topic_id);
    }

    void operator()(const AddParticipant& p) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(p.topic_id);
        if (!v) return;
        ParticipantDraft d{trim(p.name), trim(p.title), trim(p.affiliation),
                           ParticipantKind::member, 0};
        if (!participant_kind_from_string(p.kind, d.kind))
            return refuse(make_error("bad_participant", "kind"));
        if (!trim(p.member_id).empty()) {
            d.member_id = typed_id(p.member_id);
            if (d.member_id == 0) return refuse(make_error("bad_id", "member_id"));
        }
        if (!passes(add_participant(cppcc_actor(v->viewer), v->consultation, d))) return;
        post(topic_path(p.topic_id, "/participants"), encode(d), "cppcc_notice.participant_added",
             p.topic_id);
    }

    void operator()(const RecordItem& r) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(r.topic_id);
        if (!v) return;
        ItemDraft d{ItemKind::speech, r.speaker_id, trim(r.summary), r.to_participant_id,
                    r.answers_item_id};
        if (!item_kind_from_string(r.kind, d.kind)) return refuse(make_error("bad_item", "kind"));
        if (!passes(record_item(cppcc_actor(v->viewer), v->consultation, d, now()))) return;
        post(topic_path(r.topic_id, "/items"), encode(d), "cppcc_notice.item_recorded", r.topic_id);
    }

    void operator()(const CloseMeeting& c) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(c.topic_id);
        if (!v) return;
        if (!passes(close_meeting(cppcc_actor(v->viewer), v->consultation))) return;
        post(topic_path(c.topic_id, "/close-meeting"), "{}", "cppcc_notice.meeting_closed", c.topic_id);
    }

    void operator()(const AddRecommendation& a) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(a.topic_id);
        if (!v) return;
        RecommendationDraft d = a.draft;
        d.text = trim(d.text);
        auto seated = seated_ids(state, v->consultation.cppcc_id);
        if (!seated.empty() &&
            !passes(add_recommendation(cppcc_actor(v->viewer), v->consultation, d, seated)))
            return;
        post(topic_path(a.topic_id, "/recommendations"), encode(d),
             "cppcc_notice.recommendation_added", a.topic_id);
    }

    void operator()(const SendOutcome& s) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(s.topic_id);
        if (!v) return;
        SendingDraft d{trim(s.draft.recipient), trim(s.draft.sent_on), trim(s.draft.received_by)};
        if (!passes(send_outcome(cppcc_actor(v->viewer), v->consultation, d))) return;
        post(topic_path(s.topic_id, "/sendings"), encode(d), "cppcc_notice.outcome_sent", s.topic_id);
    }

    void operator()(const PublishOutcome& p) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(p.topic_id);
        if (!v) return;
        if (!passes(publish(cppcc_actor(v->viewer), v->consultation))) return;
        post(topic_path(p.topic_id, "/publish"), "{}", "cppcc_notice.outcome_published", p.topic_id);
    }

    void operator()(const PrintConsultation& p) {
        steps::clear_messages(state);
        if (!state.logged_in()) return;
        out.push_back(steps::make(state, RequestKind::consultation_paper, "GET",
                                  topic_path(p.topic_id, p.outcome ? "/outcome.pdf" : "/record.pdf"),
                                  {}, p.topic_id));
    }

    void operator()(const HandOverRecommendation& h) {
        steps::clear_messages(state);
        const ConsultationView* v = topic(h.topic_id);
        if (!v) return;
        HandOver d{trim(h.unit), typed_id(h.responsible), due_of(h.due)};
        if (d.responsible_member_id == 0)
            return refuse(make_error("bad_id", "responsible_member_id"));
        if (d.due_at <= 0) return refuse(make_error("bad_time", "due_at"));
        if (!passes(hand_over(cppcc_actor(v->viewer), v->consultation, h.recommendation_id, d,
                              now())))
            return;
        post("/api/recommendations/" + std::to_string(h.recommendation_id) + "/hand-over",
             encode(d), "cppcc_notice.handed_over", h.topic_id);
    }

    void operator()(const TakePosition& p) {
        steps::clear_messages(state);
        Position d;
        if (!adoption_from_string(p.adoption, d.adoption))
            return refuse(make_error("missing_field", "adoption"));
        d.reason = trim(p.reason);
        d.due_at = due_of(p.due);
        if (d.due_at <= 0) return refuse(make_error("bad_time", "due_at"));
        if (const ConsultationTaskLine* line = state.find_consultation_task(p.task_id))
            if (!passes(take_position(department_actor(state), core_task(line->task), d, now())))
                return;
        post("/api/tasks/" + std::to_string(p.task_id) + "/position", encode(d),
             "cppcc_notice.position_taken", p.task_id);
    }

    void operator()(const RecommendIssue& r) {
        steps::clear_messages(state);
        if (r.cppcc_id == 0) return refuse(make_error("missing_field", "cppcc_id"));
        if (const Issue* issue = state.find_issue(r.issue_id))
            if (auto refusal = may_recommend_issue(state.actor(), *issue)) return refuse(*refusal);
        post("/api/issues/" + std::to_string(r.issue_id) + "/recommend",
             encode(RecommendIssueRequest{r.cppcc_id}), "cppcc_notice.issue_recommended", r.issue_id);
    }

    // 管理: replies are the administration's (the tree reloads with the new CPPCC).
    void admin_post(std::string path, Json body, const char* notice_key) {
        Request r = steps::make(state, RequestKind::admin_create, "POST", std::move(path),
                                body.dump());
        r.notice_key = notice_key;
        out.push_back(std::move(r));
        state.submitting = true;
    }

    void operator()(const CreateCppcc& c) {
        steps::clear_messages(state);
        auto name = validate_text(c.name, "name", kConsultationNameMaxChars);
        if (!name) return refuse(name.error());
        if (auto refusal = may_create_in_street(state.session.admin, c.street_id))
            return refuse(*refusal);
        admin_post("/api/admin/cppccs", Json{{"street_id", c.street_id}, {"name", name.value()}},
                   "cppcc_notice.cppcc_created");
    }

    void operator()(const CreateSpecialCommittee& c) {
        steps::clear_messages(state);
        auto name = validate_text(c.name, "name", kConsultationNameMaxChars);
        if (!name) return refuse(name.error());
        admin_post("/api/admin/cppccs/" + std::to_string(c.cppcc_id) + "/committees",
                   Json{{"name", name.value()}}, "cppcc_notice.committee_created");
    }

    void operator()(const SeatCppccMember& s) {
        steps::clear_messages(state);
        Id member = typed_id(s.member_id);
        if (member == 0) return refuse(make_error("bad_id", "member_id"));
        CppccPost post_kind;
        if (!cppcc_post_from_string(s.post, post_kind)) return refuse(make_error("bad_role", "post"));
        std::string title = trim(s.title);
        if (!title.empty()) {  // a title is optional (委员 needs none)
            auto checked = validate_text(title, "title", kConsultationNameMaxChars);
            if (!checked) return refuse(checked.error());
        }
        Json b{{"member_id", member}, {"post", s.post}, {"title", title}};
        b["committee_id"] = s.committee_id == 0 ? Json(nullptr) : Json(s.committee_id);
        admin_post("/api/admin/cppccs/" + std::to_string(s.cppcc_id) + "/seats", b,
                   "cppcc_notice.member_seated");
    }
};

}  // namespace

std::vector<Request> apply_cppcc(ClientState& state, const CppccIntent& intent) {
    CppccApplier a{state, {}};
    std::visit(a, intent);
    return std::move(a.out);
}

}  // namespace yishi::client
