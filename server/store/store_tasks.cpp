// The store's tasks (交办事项) for 办 carry out and 评 evaluate: assigning a passed ballot,
// progress, formal replies, ratings (one per member per reply), concluding, and the result notice.
// A consultation's recommendation handed to a department is a task too: the same acts, with the
// actor as the CPPCC committee sees them, the department's position (采纳/部分采纳/未采纳), and
// every change growing the consultation's version.
#include "store_cppcc_records.hpp"
#include "store_records.hpp"
#include "store_impl.hpp"
#include "store_notifications.hpp"

namespace yishi::server {

namespace {
bool task_state_from_string(const std::string& s, TaskState& out) {
    for (TaskState t :
         {TaskState::assigned, TaskState::answered, TaskState::supervised, TaskState::done})
        if (s == to_string(t)) {
            out = t;
            return true;
        }
    return false;
}
}  // namespace

std::optional<TaskRecord> records::load_task(Connection& db, Id id) {
    Statement q(db,
                "SELECT t.id, t.council_id, t.issue_id, t.ballot_id, t.responsible_unit, "
                "t.responsible_member_id, t.due_at, t.created_at, t.state, i.title, "
                "t.recommendation_id, t.adoption, t.position_reason "
                "FROM tasks t LEFT JOIN issues i ON i.id = t.issue_id WHERE t.id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    TaskRecord r;
    Task& t = r.task;
    t.id = q.column(0).int64();
    t.council_id = q.column(1).int64();
    t.issue_id = q.column(2).int64();
    t.ballot_id = q.column(3).int64();
    t.responsible_unit = q.column(4).text();
    t.responsible_member_id = q.column(5).int64();
    t.due_at = q.column(6).int64();
    t.created_at = q.column(7).int64();
    if (!task_state_from_string(q.column(8).text(), t.state))
        throw StoreError("unknown task state in database");
    r.issue_title = q.column(9).text();
    t.recommendation_id = q.column(10).int64();
    if (!q.column(11).null()) {
        Adoption a;
        if (!adoption_from_string(q.column(11).text(), a))
            throw StoreError("unknown adoption in database");
        t.adoption = a;
    }
    t.position_reason = q.column(12).text();
    if (t.recommendation_id) {
        // A recommendation's handling is rated by those who proposed it.
        Statement raters(db,
                         "SELECT member_id FROM recommendation_proposers "
                         "WHERE recommendation_id = ? ORDER BY member_id");
        raters.bind(1, t.recommendation_id);
        while (raters.step()) t.raters.push_back(raters.column(0).int64());
    }

    Statement progress(db,
                       "SELECT member_id, text, at FROM task_progress WHERE task_id = ? "
                       "ORDER BY id");
    progress.bind(1, id);
    while (progress.step())
        t.progress.push_back({progress.column(0).int64(), progress.column(1).text(),
                              progress.column(2).int64()});
    Statement replies(db,
                      "SELECT id, member_id, text, at FROM task_replies WHERE task_id = ? "
                      "ORDER BY id");
    replies.bind(1, id);
    // In the order they were given (the table has no id: a rating is one per reply and member).
    Statement ratings(db,
                      "SELECT member_id, rating FROM task_ratings WHERE reply_id = ? "
                      "ORDER BY rated_at, member_id");
    while (replies.step()) {
        TaskReply reply{replies.column(1).int64(),
                        replies.column(2).text(),
                        replies.column(3).int64(),
                        {}};
        ratings.reset();
        ratings.bind(1, replies.column(0).int64());
        while (ratings.step()) {
            MemberRating m;
            m.member_id = ratings.column(0).int64();
            if (!rating_from_string(ratings.column(1).text(), m.rating))
                throw StoreError("unknown rating in database");
            reply.ratings.push_back(m);
        }
        t.replies.push_back(std::move(reply));
    }
    return r;
}

namespace {
using records::load_task;

Id latest_reply_id(Connection& db, Id task_id) {
    Statement q(db, "SELECT MAX(id) FROM task_replies WHERE task_id = ?");
    q.bind(1, task_id);
    q.step();
    if (q.column(0).null()) throw StoreError("a rated task without a reply");
    return q.column(0).int64();
}

void update_state(Connection& db, const Task& t) {
    Statement q(db, "UPDATE tasks SET state = ? WHERE id = ?");
    q.bind(1, to_string(t.state));
    q.bind(2, t.id);
    q.run();
}
}  // namespace

namespace {
// The acting member as the task's body sees them: the council that assigned it, or, for a
// recommendation's task, the CPPCC committee (whose acts are on the city's chain).
Actor actor_on(Act& act, const Task& t) {
    if (t.recommendation_id == 0) return act.who(t.council_id);
    auto place = records::recommendation_place(act.db, t.recommendation_id);
    if (!place) throw StoreError("a task of a recommendation that does not exist");
    act.in_community(records::kCppccChain);
    return records::recommendation_task_actor(act.db, *place, t, *act.actor);
}

// A change to a recommendation's task is a change to its consultation.
void touch_consultation(Connection& db, const Task& t) {
    if (t.recommendation_id == 0) return;
    if (auto place = records::recommendation_place(db, t.recommendation_id))
        records::bump_topic_version(db, place->topic_id);
}
}  // namespace

std::vector<TaskRecord> Store::tasks(Id council_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db, "SELECT id FROM tasks WHERE council_id = ? ORDER BY id");
        q.bind(1, council_id);
        std::vector<Id> ids;
        while (q.step()) ids.push_back(q.column(0).int64());
        std::vector<TaskRecord> out;
        for (Id id : ids)
            if (auto t = load_task(db, id)) out.push_back(std::move(*t));
        return out;
    });
}

std::optional<TaskRecord> Store::task(Id id) {
    return impl_->read([&](Connection& db) { return load_task(db, id); });
}

Result<TaskRecord> Store::assign_task(Id ballot_id, Id actor, const TaskSpec& spec,
                                      std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = records::ballot(act.db, ballot_id);
        if (!record) return make_error("not_found");
        const Ballot& b = record->ballot;
        TaskSpec checked = spec;
        if (checked.responsible_member_id == 0) checked.responsible_member_id = actor;
        auto task = yishi::assign_task(act.who(b.council_id), b, record->tally.value_or(Tally{}),
                                       checked, now);
        if (!task) return task.error();
        // Someone outside the council could never report for the unit: the task would be stuck.
        if (!server::is_member(act.db, b.council_id, checked.responsible_member_id))
            return make_error("bad_id", "assignee_id");
        Task t = task.value();
        Statement q(act.db,
                    "INSERT INTO tasks (council_id, issue_id, ballot_id, responsible_unit, "
                    "responsible_member_id, due_at, state, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, t.council_id);
        q.bind(2, t.issue_id);
        q.bind(3, t.ballot_id);
        q.bind(4, t.responsible_unit);
        q.bind(5, t.responsible_member_id);
        q.bind(6, t.due_at);
        q.bind(7, to_string(t.state));
        q.bind(8, actor);
        q.bind(9, now);
        t.id = single(q).int64();
        act.record("task_assigned", Json{{"task_id", t.id},
                                         {"ballot_id", ballot_id},
                                         {"responsible_unit", t.responsible_unit},
                                         {"responsible_member_id", t.responsible_member_id},
                                         {"due_at", t.due_at}});
        return TaskRecord{std::move(t), record->issue_title};
    });
}

Result<TaskRecord> Store::report_progress(Id task_id, Id actor, const std::string& text,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        auto next = yishi::report_progress(actor_on(act, record->task), record->task, text, now);
        if (!next) return next.error();
        const Progress& p = next.value().progress.back();
        Statement q(act.db,
                    "INSERT INTO task_progress (task_id, member_id, text, at) "
                    "VALUES (?, ?, ?, ?) RETURNING id");
        q.bind(1, task_id);
        q.bind(2, actor);
        q.bind(3, p.text);
        q.bind(4, now);
        Id progress_id = single(q).int64();
        touch_consultation(act.db, record->task);
        act.record("task_progress", Json{{"task_id", task_id}, {"progress_id", progress_id}});
        return TaskRecord{std::move(next.value()), record->issue_title};
    });
}

Result<TaskRecord> Store::answer_task(Id task_id, Id actor, const std::string& text,
                                      std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        auto next = yishi::answer_task(actor_on(act, record->task), record->task, text, now);
        if (!next) return next.error();
        Statement q(act.db,
                    "INSERT INTO task_replies (task_id, member_id, text, at) "
                    "VALUES (?, ?, ?, ?) RETURNING id");
        q.bind(1, task_id);
        q.bind(2, actor);
        q.bind(3, next.value().replies.back().text);
        q.bind(4, now);
        Id reply_id = single(q).int64();
        update_state(act.db, next.value());
        touch_consultation(act.db, record->task);
        Json details{{"task_id", task_id},
                     {"reply_id", reply_id},
                     {"reply", next.value().replies.size()},
                     {"state", to_string(next.value().state)}};
        // A recommendation of a topic that came from a community issue: the issue's thread
        // hears the department's answer.
        if (next.value().recommendation_id != 0) {
            auto place = records::recommendation_place(act.db, next.value().recommendation_id);
            if (Id note = records::note_department_answer(act.db, *place, next.value(), now))
                details["comment_id"] = note;
        }
        notify::reply_posted(act.db, next.value(), record->issue_title, now);
        act.record("task_answered", details);
        return TaskRecord{std::move(next.value()), record->issue_title};
    });
}

Result<TaskRecord> Store::rate_reply(Id task_id, Id actor, Rating rating, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        auto next = yishi::rate_reply(actor_on(act, record->task), record->task, rating);
        if (!next) return next.error();
        Id reply_id = latest_reply_id(act.db, task_id);
        // UNIQUE (reply, member) is the last word: a second rating inserts nothing (so the
        // refusal below returns with nothing written).
        Statement q(act.db,
                    "INSERT INTO task_ratings (reply_id, member_id, rating, rated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (reply_id, member_id) DO NOTHING");
        q.bind(1, reply_id);
        q.bind(2, actor);
        q.bind(3, to_string(rating));
        q.bind(4, now);
        if (q.run() == 0) return make_error("already_rated");
        touch_consultation(act.db, record->task);
        act.record("task_rated", Json{{"task_id", task_id},
                                      {"reply_id", reply_id},
                                      {"rating", to_string(rating)}});
        // Read back: ratings are listed by time, then member, which the core's appended one
        // may not follow when two members rate within the same second.
        return *load_task(act.db, task_id);
    });
}

Result<TaskRecord> Store::conclude_rating(Id task_id, Id actor, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        auto next = yishi::conclude_rating(actor_on(act, record->task), record->task);
        if (!next) return next.error();
        update_state(act.db, next.value());
        touch_consultation(act.db, record->task);
        const auto& ratings = record->task.replies.back().ratings;
        std::int64_t unsatisfied = 0;
        for (const auto& r : ratings) unsatisfied += r.rating == Rating::unsatisfied;
        act.record("task_rating_concluded", Json{{"task_id", task_id},
                                                 {"ratings", ratings.size()},
                                                 {"unsatisfied", unsatisfied},
                                                 {"state", to_string(next.value().state)}});
        return TaskRecord{std::move(next.value()), record->issue_title};
    });
}

Result<Notice> Store::publish_result(Id task_id, Id actor, int days, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Notice> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        // A recommendation's handling is published with its consultation, not on a council's board.
        if (record->task.recommendation_id != 0) return make_error("not_found");
        auto notice = result_notice(act.who(record->task.council_id), record->task,
                                    record->issue_title, now, days);
        if (!notice) return notice.error();
        Notice n = records::insert_notice(act.db, notice.value());
        act.record("result_published",
                   Json{{"task_id", task_id}, {"notice_id", n.id}, {"ends_at", n.ends_at}});
        return n;
    });
}

Result<TaskRecord> Store::take_position(Id task_id, Id actor, const Position& p,
                                        std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<TaskRecord> {
        auto record = load_task(act.db, task_id);
        if (!record) return make_error("not_found");
        if (record->task.recommendation_id == 0) return make_error("not_found");
        auto next = yishi::take_position(actor_on(act, record->task), record->task, p, now);
        if (!next) return next.error();
        const Task& t = next.value();
        Statement q(act.db,
                    "UPDATE tasks SET adoption = ?, position_reason = ?, due_at = ? WHERE id = ?");
        q.bind(1, to_string(*t.adoption));
        q.bind(2, t.position_reason);
        q.bind(3, t.due_at);
        q.bind(4, task_id);
        q.run();
        touch_consultation(act.db, t);
        act.record("task_position_taken", Json{{"task_id", task_id},
                                               {"adoption", to_string(*t.adoption)},
                                               {"due_at", t.due_at}});
        return TaskRecord{std::move(next.value()), record->issue_title};
    });
}

Result<ConsultationTaskList> Store::consultation_tasks(Id viewer) {
    return impl_->read([&](Connection& db) -> Result<ConsultationTaskList> {
        // The tasks handed to the viewer, and to the other staff of the viewer's department.
        Statement q(db,
                    "SELECT t.id, r.topic_id, tp.title, r.id, r.text FROM tasks t "
                    "JOIN recommendations r ON r.id = t.recommendation_id "
                    "JOIN topics tp ON tp.id = r.topic_id "
                    "JOIN members m ON m.id = t.responsible_member_id "
                    "WHERE t.responsible_member_id = ?1 OR m.department_id = "
                    "(SELECT department_id FROM members WHERE id = ?1) ORDER BY t.id");
        q.bind(1, viewer);
        ConsultationTaskList out;
        std::vector<Id> ids;
        while (q.step()) {
            ConsultationTaskLine line;
            ids.push_back(q.column(0).int64());
            line.topic_id = q.column(1).int64();
            line.topic_title = q.column(2).text();
            line.recommendation_id = q.column(3).int64();
            line.recommendation_text = q.column(4).text();
            out.items.push_back(std::move(line));
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            auto r = load_task(db, ids[i]);
            out.items[i].task = task_view(r->task, r->issue_title);
        }
        return out;
    });
}

}  // namespace yishi::server
