// JSON forms of the 提/议 endpoints: an issue with its merge target and public reason, and a
// comment as readers see it (a hidden one shows the reason instead of its text).
#pragma once
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// The core's issue form plus merged_into (null when not merged), reason, category, tag and
// raised_by_id (the grid worker who raised it for its author, or null).
Json issue_json(const Issue& i);
// Text and history of a hidden comment are kept in the record but not shown.
Json to_json(const CommentRecord& r);

}  // namespace yishi::server
