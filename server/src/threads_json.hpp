// JSON form of a comment as readers see it (a hidden one shows the reason instead of its text).
// Issues, with their merge target and public reason, use the core's encode(Issue).
#pragma once
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Text and history of a hidden comment are kept in the record but not shown.
Json to_json(const CommentRecord& r);

}  // namespace yishi::server
