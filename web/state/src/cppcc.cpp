// Who the viewer is to a consultation and why an act is refused, asked of the core's rules.
#include "yishi/client/cppcc.hpp"

#include <algorithm>
#include <ctime>

#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

CppccActor cppcc_viewer(const ClientState& state, Id topic_id) {
    if (const ConsultationView* v = state.find_consultation(topic_id)) return cppcc_actor(v->viewer);
    return CppccActor{state.session.member.id, false, CppccPost::member};
}

Actor department_actor(const ClientState& state) {
    Actor a;
    a.member_id = state.session.member.id;
    a.role = Role::department;
    a.member = state.confirmed();
    a.voting = false;
    return a;
}

std::vector<Id> seated_ids(const ClientState& state, Id cppcc_id) {
    std::vector<Id> ids;
    auto it = state.cppcc.committees.find(cppcc_id);
    if (it == state.cppcc.committees.end()) return ids;
    for (const auto& s : it->second.seats) ids.push_back(s.member_id);
    return ids;
}

std::int64_t due_of(std::string_view typed) {
    std::string t = trim(typed);
    if (t.size() == 10) t += " 23:59";  // a date alone means the end of that day
    return parse_local_date_time(t);
}

namespace {

// Refusals that come from who acts or when, not from what was typed.
bool about_the_actor_or_stage(const Error& e) {
    static const char* const kCodes[] = {"forbidden",       "not_seated",     "not_recorder",
                                         "not_leader",      "wrong_stage",    "not_department",
                                         "no_recommendations", "not_responsible",
                                         "wrong_task_state", "not_convenor",  "not_proposer",
                                         "not_eligible",    "already_rated",  "unauthorized"};
    return std::any_of(std::begin(kCodes), std::end(kCodes),
                       [&](const char* c) { return e.code == c; });
}

template <class T>
Check refusal_of(const Result<T>& r) {
    if (r || !about_the_actor_or_stage(r.error())) return std::nullopt;
    return r.error();
}

Check only_who(Check c) {
    if (c && !about_the_actor_or_stage(*c)) return std::nullopt;
    return c;
}

}  // namespace

Check act_refusal(const ClientState& state, const ConsultationView& view, Act act) {
    const CppccActor a = cppcc_actor(view.viewer);
    const Consultation& c = view.consultation;
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    switch (act) {
        case Act::plan: {
            Id vc = view.viewer.member_id;
            return refusal_of(plan_topic(a, c, PlanDraft{2026, 1, vc}, true, true));
        }
        case Act::research_group: {
            std::vector<ResearchMember> g{{a.member_id, {}, true}};
            return refusal_of(set_research_group(a, c, g, {a.member_id}));
        }
        case Act::visit:
            return refusal_of(add_visit(a, c, VisitDraft{"2026-03-01", "社区", "走访", ""}));
        case Act::section: return refusal_of(add_section(a, c, "调研情况", "内容"));
        case Act::meeting:
            return refusal_of(schedule_meeting(a, c, MeetingDraft{"2026-06-01", "会议室", "主席"}));
        case Act::participant:
            return refusal_of(add_participant(
                a, c, ParticipantDraft{"张三", "委员", "政协", ParticipantKind::expert, 0}));
        case Act::record: {
            Id speaker = c.meeting && !c.meeting->participants.empty()
                             ? c.meeting->participants.front().id
                             : 1;
            return refusal_of(record_item(a, c, ItemDraft{ItemKind::speech, speaker, "发言", 0, 0}, now));
        }
        case Act::close_meeting: return refusal_of(close_meeting(a, c));
        case Act::recommend: {
            RecommendationDraft d{"建议", {a.member_id}, {}, {}};
            if (!c.report.empty()) d.section_ids.push_back(c.report.front().id);
            else if (c.meeting && !c.meeting->items.empty())
                d.item_ids.push_back(c.meeting->items.front().id);
            return refusal_of(add_recommendation(a, c, d, {a.member_id}));
        }
        case Act::send:
            return refusal_of(send_outcome(a, c, SendingDraft{"县委", "2026-07-01", "县委办公室"}));
        case Act::publish: return refusal_of(publish(a, c));
        case Act::hand_over: {
            if (c.recommendations.empty()) return std::nullopt;  // nothing to hand over yet
            Id rec = c.recommendations.front().id;
            return refusal_of(hand_over(a, c, rec, HandOver{"民政局", 1, now + 86400 * 30}, now));
        }
    }
    (void)state;
    return std::nullopt;
}

Check position_refusal(const ClientState& state, const TaskView& task) {
    return only_who(may_take_position(department_actor(state), core_task(task)));
}

Check department_answer_refusal(const ClientState& state, const TaskView& task) {
    return may_answer_task(department_actor(state), core_task(task));
}

Check proposer_rate_refusal(const ClientState& state, const ConsultationView& view,
                            const TaskView& task) {
    (void)state;
    return may_rate_reply(task_actor(cppcc_actor(view.viewer)), core_task(task));
}

Check leader_conclude_refusal(const ClientState& state, const ConsultationView& view,
                              const TaskView& task) {
    (void)state;
    return may_conclude_rating(task_actor(cppcc_actor(view.viewer)), core_task(task));
}

}  // namespace yishi::client
