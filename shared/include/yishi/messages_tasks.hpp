// JSON forms of the 办 carry out and 评 evaluate step, shared by server and client: a task
// (交办事项) with its progress (办理进展), its formal replies (答复) and their ratings. Ratings are
// shown as a count of each kind and who has rated (to grey the control), never who chose what.
// Decoders are strict, naming a faulty field by its path ("replies[0].ratings.satisfied").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/messages.hpp"
#include "yishi/task.hpp"

namespace yishi {

bool task_state_from_string(std::string_view s, TaskState& out);

// 满意 / 基本满意 / 不满意 given to one reply.
struct RatingCounts {
    std::int64_t satisfied = 0;
    std::int64_t basically_satisfied = 0;
    std::int64_t unsatisfied = 0;
};

struct ReplyView {
    Id by = 0;
    std::string text;
    std::int64_t at = 0;
    RatingCounts ratings;
    std::vector<Id> rated_by;  // who has rated, in rating order
};

// POST /api/ballots/{id}/tasks, GET /api/tasks/{id} and every change to a task.
struct TaskView {
    Id id = 0;
    Id council_id = 0;
    Id issue_id = 0;
    std::string issue_title;
    Id ballot_id = 0;
    Id recommendation_id = 0;      // a consultation's recommendation (then issue and ballot are 0)
    std::vector<Id> raters;        // when not empty, the only members who rate
    std::optional<Adoption> adoption;  // JSON null until the department states its position
    std::string position_reason;
    std::string responsible_unit;  // 责任单位
    Id responsible_member_id = 0;  // 0: the convenor follows the task up
    std::int64_t due_at = 0;
    std::int64_t created_at = 0;
    TaskState state = TaskState::assigned;
    std::vector<Progress> progress;  // oldest first
    std::vector<ReplyView> replies;  // oldest first; the last one is being rated
};
// The view of a task with its issue's title: each reply's ratings counted.
TaskView task_view(const Task& t, const std::string& issue_title);
Json to_json(const TaskView& t);
std::string encode(const TaskView& t);
Result<TaskView> decode_task(std::string_view body);

// GET /api/councils/{id}/tasks, oldest first.
struct TaskList {
    std::vector<TaskView> tasks;
};
std::string encode(const TaskList& l);
Result<TaskList> decode_task_list(std::string_view body);

}  // namespace yishi
