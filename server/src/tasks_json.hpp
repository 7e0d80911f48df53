// JSON forms of the 办 carry out and 评 evaluate step: a task with its progress, replies and the
// count of each rating. (Server-side until the core's messages carry them.)
#pragma once
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Ratings are shown as counts per kind and who has rated (to grey the control), not who chose what.
Json to_json(const TaskRecord& r);

}  // namespace yishi::server
