// A stored comment as readers see it, the core's view (yishi/messages_threads.hpp).
// Issues, with their merge target and public reason, use the core's encode(Issue).
#pragma once
#include "yishi/messages_threads.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Text and history of a hidden comment are kept in the record but not shown.
CommentView view_of(const CommentRecord& r);

}  // namespace yishi::server
