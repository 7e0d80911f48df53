// A stored task as the core's view: ratings counted, not who chose what.
#include "tasks_json.hpp"

namespace yishi::server {

TaskView view_of(const TaskRecord& r) { return task_view(r.task, r.issue_title); }

}  // namespace yishi::server
