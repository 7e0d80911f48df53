// A stored task (交办事项) as the core's view (yishi/messages_tasks.hpp).
#pragma once
#include "yishi/messages_tasks.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

TaskView view_of(const TaskRecord& r);

}  // namespace yishi::server
