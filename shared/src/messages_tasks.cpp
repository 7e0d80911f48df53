// JSON forms of tasks with progress, replies and rating counts (办/评; see messages_tasks.hpp).
#include "yishi/messages_tasks.hpp"

#include "messages_read.hpp"

namespace yishi {

using wire::Fields;

namespace {
constexpr TaskState kTaskStates[] = {TaskState::assigned, TaskState::answered,
                                     TaskState::supervised, TaskState::done};
}  // namespace

TaskView wire::task_from(const Fields& f) {
    TaskView t;
    t.id = f.integer("id");
    t.council_id = f.integer("council_id");
    t.issue_id = f.integer("issue_id");
    t.issue_title = f.text("issue_title");
    t.ballot_id = f.integer("ballot_id");
    t.recommendation_id = f.integer("recommendation_id");
    t.raters = f.ids("raters");
    if (f.has("adoption")) t.adoption = f.one_of("adoption", kAdoptions);
    else if (!f.json().contains("adoption")) wire::refuse("missing_field", f.path("adoption"));
    t.position_reason = f.text("position_reason");
    t.responsible_unit = f.text("responsible_unit");
    t.responsible_member_id = f.integer("responsible_member_id");
    t.due_at = f.integer("due_at");
    t.created_at = f.integer("created_at");
    t.state = f.one_of("state", kTaskStates);
    for (std::size_t i = 0; i < f.array("progress").size(); ++i) {
        Fields p = f.element("progress", i);
        t.progress.push_back({p.integer("by"), p.text("text"), p.integer("at")});
    }
    for (std::size_t i = 0; i < f.array("replies").size(); ++i) {
        Fields r = f.element("replies", i);
        Fields counts = r.object("ratings");
        t.replies.push_back({r.integer("by"),
                             r.text("text"),
                             r.integer("at"),
                             {counts.integer("satisfied"), counts.integer("basically_satisfied"),
                              counts.integer("unsatisfied")},
                             r.ids("rated_by")});
    }
    return t;
}

bool task_state_from_string(std::string_view s, TaskState& out) {
    for (TaskState t : kTaskStates)
        if (s == to_string(t)) {
            out = t;
            return true;
        }
    return false;
}

TaskView task_view(const Task& t, const std::string& issue_title) {
    TaskView v;
    v.id = t.id;
    v.council_id = t.council_id;
    v.issue_id = t.issue_id;
    v.issue_title = issue_title;
    v.ballot_id = t.ballot_id;
    v.recommendation_id = t.recommendation_id;
    v.raters = t.raters;
    v.adoption = t.adoption;
    v.position_reason = t.position_reason;
    v.responsible_unit = t.responsible_unit;
    v.responsible_member_id = t.responsible_member_id;
    v.due_at = t.due_at;
    v.created_at = t.created_at;
    v.state = t.state;
    v.progress = t.progress;
    for (const auto& reply : t.replies) {
        ReplyView r{reply.by, reply.text, reply.at, {}, {}};
        for (const auto& m : reply.ratings) {
            switch (m.rating) {
                case Rating::satisfied: ++r.ratings.satisfied; break;
                case Rating::basically_satisfied: ++r.ratings.basically_satisfied; break;
                case Rating::unsatisfied: ++r.ratings.unsatisfied; break;
            }
            r.rated_by.push_back(m.member_id);
        }
        v.replies.push_back(r);
    }
    return v;
}

Json to_json(const TaskView& t) {
    Json progress = Json::array();
    for (const auto& p : t.progress)
        progress.push_back({{"by", p.by}, {"text", p.text}, {"at", p.at}});
    Json replies = Json::array();
    for (const auto& r : t.replies)
        replies.push_back({{"by", r.by},
                           {"text", r.text},
                           {"at", r.at},
                           {"ratings",
                            {{"satisfied", r.ratings.satisfied},
                             {"basically_satisfied", r.ratings.basically_satisfied},
                             {"unsatisfied", r.ratings.unsatisfied}}},
                           {"rated_by", r.rated_by}});
    return {{"id", t.id},
            {"council_id", t.council_id},
            {"issue_id", t.issue_id},
            {"issue_title", t.issue_title},
            {"ballot_id", t.ballot_id},
            {"recommendation_id", t.recommendation_id},
            {"raters", t.raters},
            {"adoption", t.adoption ? Json(to_string(*t.adoption)) : Json()},
            {"position_reason", t.position_reason},
            {"responsible_unit", t.responsible_unit},
            {"responsible_member_id", t.responsible_member_id},
            {"due_at", t.due_at},
            {"created_at", t.created_at},
            {"state", to_string(t.state)},
            {"progress", progress},
            {"replies", replies}};
}

std::string encode(const TaskView& t) { return to_json(t).dump(); }

Result<TaskView> decode_task(std::string_view body) { return wire::decode_body(body, wire::task_from); }

std::string encode(const TaskList& l) { return Json{{"tasks", wire::list_json(l.tasks)}}.dump(); }

Result<TaskList> decode_task_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        TaskList l;
        for (std::size_t i = 0; i < f.array("tasks").size(); ++i)
            l.tasks.push_back(wire::task_from(f.element("tasks", i)));
        return l;
    });
}

}  // namespace yishi
