// 办 carry out and 评 evaluate: a passed decision becomes tasks (交办事项) for a responsible unit
// (责任单位) with a due date, progress (办理进展) and a formal reply (答复) that members rate;
// an unsatisfied majority sends the task back for supervision (督办) to be answered again.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/errors.hpp"
#include "yishi/roles.hpp"

namespace yishi {

constexpr std::size_t kUnitMaxChars = 50;

// assigned → answered → (rating concluded) done, or supervised → answered again → ...
enum class TaskState { assigned, answered, supervised, done };
// 满意 / 基本满意 / 不满意.
enum class Rating { satisfied, basically_satisfied, unsatisfied };
// A department's position on a consultation's recommendation: 采纳 / 部分采纳 / 未采纳.
enum class Adoption { adopted, partly, not_adopted };

const char* to_string(TaskState s);
const char* to_string(Rating r);
bool rating_from_string(const std::string& s, Rating& out);
const char* to_string(Adoption a);
bool adoption_from_string(const std::string& s, Adoption& out);
inline constexpr Adoption kAdoptions[] = {Adoption::adopted, Adoption::partly,
                                          Adoption::not_adopted};

struct Progress {
    Id by = 0;
    std::string text;
    std::int64_t at = 0;
};

struct MemberRating {
    Id member_id = 0;
    Rating rating = Rating::satisfied;
};

// One formal reply and the ratings given to it; a supervised task gets a new reply.
struct TaskReply {
    Id by = 0;
    std::string text;
    std::int64_t at = 0;
    std::vector<MemberRating> ratings;
};

// A task comes from a council's passed ballot (council, issue and ballot set) or from a CPPCC
// consultation's recommendation handed to a department (recommendation set, the others 0).
struct Task {
    Id id = 0;
    Id council_id = 0;
    Id issue_id = 0;
    Id ballot_id = 0;
    Id recommendation_id = 0;
    std::vector<Id> raters;  // when not empty, only these rate (a recommendation's proposers)
    std::optional<Adoption> adoption;  // the department's position, once stated
    std::string position_reason;
    std::string responsible_unit;   // e.g. 街道办事处
    Id responsible_member_id = 0;   // the department member who reports for the unit
    std::int64_t due_at = 0;
    std::int64_t created_at = 0;
    TaskState state = TaskState::assigned;
    std::vector<Progress> progress;
    std::vector<TaskReply> replies;  // oldest first; the last one is being rated
};

struct TaskSpec {
    std::string responsible_unit;
    Id responsible_member_id = 0;
    std::int64_t due_at = 0;
};

// The convenor turns a closed, passed ballot into a task due in the future.
Check may_assign_task(const Actor& actor, const Ballot& b, const Tally& t);
Result<Task> assign_task(const Actor& actor, const Ballot& b, const Tally& t,
                         const TaskSpec& spec, std::int64_t now);

// The responsible member reports progress while the task is assigned or supervised.
Check may_report_progress(const Actor& actor, const Task& task);
Result<Task> report_progress(const Actor& actor, const Task& task, const std::string& text,
                             std::int64_t now);

// The responsible member gives the formal reply; the task is answered and open for rating.
Check may_answer_task(const Actor& actor, const Task& task);
Result<Task> answer_task(const Actor& actor, const Task& task, const std::string& text,
                         std::int64_t now);

// Council members other than the responsible one rate the current reply, once each; when the
// task names its raters, only they do.
Check may_rate_reply(const Actor& actor, const Task& task);
Result<Task> rate_reply(const Actor& actor, const Task& task, Rating rating);

// Unsatisfied ratings are MORE than half of all ratings of the reply (exactly half is not).
bool unsatisfied_majority(const TaskReply& reply);

// The convenor ends rating: supervised (督办) on an unsatisfied majority, otherwise done.
Check may_conclude_rating(const Actor& actor, const Task& task);
Result<Task> conclude_rating(const Actor& actor, const Task& task);

}  // namespace yishi
