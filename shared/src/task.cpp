// Task transitions: assign, progress, answer, rate, conclude; supervision loops back to answering.
#include "yishi/task.hpp"

#include <algorithm>

#include "yishi/text.hpp"

namespace yishi {

const char* to_string(TaskState s) {
    switch (s) {
        case TaskState::assigned: return "assigned";
        case TaskState::answered: return "answered";
        case TaskState::supervised: return "supervised";
        case TaskState::done: return "done";
    }
    return "assigned";
}

const char* to_string(Rating r) {
    switch (r) {
        case Rating::satisfied: return "satisfied";
        case Rating::basically_satisfied: return "basically_satisfied";
        case Rating::unsatisfied: return "unsatisfied";
    }
    return "satisfied";
}

bool rating_from_string(const std::string& s, Rating& out) {
    for (Rating r : {Rating::satisfied, Rating::basically_satisfied, Rating::unsatisfied})
        if (s == to_string(r)) { out = r; return true; }
    return false;
}

const char* to_string(Adoption a) {
    switch (a) {
        case Adoption::adopted: return "adopted";
        case Adoption::partly: return "partly";
        case Adoption::not_adopted: return "not_adopted";
    }
    return "adopted";
}

bool adoption_from_string(const std::string& s, Adoption& out) {
    for (Adoption a : kAdoptions)
        if (s == to_string(a)) { out = a; return true; }
    return false;
}

namespace {
bool responsible(const Actor& a, const Task& t) {
    return a.member && a.member_id == t.responsible_member_id;
}
bool being_worked_on(const Task& t) {
    return t.state == TaskState::assigned || t.state == TaskState::supervised;
}
}  // namespace

Check may_assign_task(const Actor& actor, const Ballot& b, const Tally& t) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (b.state != BallotState::closed) return make_error("ballot_still_open");
    if (t.outcome != Outcome::passed) return make_error("not_passed");
    return std::nullopt;
}

Result<Task> assign_task(const Actor& actor, const Ballot& b, const Tally& t,
                         const TaskSpec& spec, std::int64_t now) {
    if (auto e = may_assign_task(actor, b, t)) return *e;
    auto unit = validate_text(spec.responsible_unit, "responsible_unit", kUnitMaxChars,
                              TextLines::one);
    if (!unit) return unit.error();
    if (spec.responsible_member_id <= 0) return make_error("bad_id", "responsible_member_id");
    if (spec.due_at <= now) return make_error("bad_time", "due_at");
    Task task;
    task.council_id = b.council_id;
    task.issue_id = b.issue_id;
    task.ballot_id = b.id;
    task.responsible_unit = unit.value();
    task.responsible_member_id = spec.responsible_member_id;
    task.due_at = spec.due_at;
    task.created_at = now;
    return task;
}

Check may_report_progress(const Actor& actor, const Task& task) {
    if (!actor.member) return make_error("forbidden");
    if (!responsible(actor, task)) return make_error("not_responsible");
    if (!being_worked_on(task)) return make_error("wrong_task_state");
    return std::nullopt;
}

Result<Task> report_progress(const Actor& actor, const Task& task, const std::string& text,
                             std::int64_t now) {
    if (auto e = may_report_progress(actor, task)) return *e;
    auto t = validate_text(text, "body", kBodyMaxChars);
    if (!t) return t.error();
    Task next = task;
    next.progress.push_back({actor.member_id, t.value(), now});
    return next;
}

Check may_answer_task(const Actor& actor, const Task& task) { return may_report_progress(actor, task); }

Result<Task> answer_task(const Actor& actor, const Task& task, const std::string& text,
                         std::int64_t now) {
    if (auto e = may_answer_task(actor, task)) return *e;
    auto t = validate_text(text, "body", kBodyMaxChars);
    if (!t) return t.error();
    Task next = task;
    next.replies.push_back({actor.member_id, t.value(), now, {}});
    next.state = TaskState::answered;
    return next;
}

Check may_rate_reply(const Actor& actor, const Task& task) {
    if (!actor.member) return make_error("forbidden");
    // A recommendation's handling is rated by the members who proposed it, no one else.
    if (!task.raters.empty() &&
        std::find(task.raters.begin(), task.raters.end(), actor.member_id) == task.raters.end())
        return make_error("not_proposer");
    // The unit does not grade its own work.
    if (actor.member_id == task.responsible_member_id) return make_error("not_eligible");
    if (task.state != TaskState::answered || task.replies.empty())
        return make_error("wrong_task_state");
    for (const auto& r : task.replies.back().ratings)
        if (r.member_id == actor.member_id) return make_error("already_rated");
    return std::nullopt;
}

Result<Task> rate_reply(const Actor& actor, const Task& task, Rating rating) {
    if (auto e = may_rate_reply(actor, task)) return *e;
    Task next = task;
    next.replies.back().ratings.push_back({actor.member_id, rating});
    return next;
}

bool unsatisfied_majority(const TaskReply& reply) {
    std::int64_t unsatisfied = 0;
    for (const auto& r : reply.ratings) unsatisfied += r.rating == Rating::unsatisfied;
    return meets({{1, 2}, Bound::more_than}, unsatisfied,
                 static_cast<std::int64_t>(reply.ratings.size()));
}

Check may_conclude_rating(const Actor& actor, const Task& task) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (task.state != TaskState::answered || task.replies.empty())
        return make_error("wrong_task_state");
    return std::nullopt;
}

Result<Task> conclude_rating(const Actor& actor, const Task& task) {
    if (auto e = may_conclude_rating(actor, task)) return *e;
    Task next = task;
    next.state = unsatisfied_majority(task.replies.back()) ? TaskState::supervised : TaskState::done;
    return next;
}

}  // namespace yishi
