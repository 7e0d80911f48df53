// The store's records as the core's views, which the core's JSON forms encode
// (yishi/messages_decide.hpp, messages_tasks.hpp, messages_threads.hpp).
#pragma once
#include "yishi/messages_decide.hpp"
#include "yishi/messages_tasks.hpp"
#include "yishi/messages_threads.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// 定 (decide): a ballot with its issue's title and tally, a closing with its notice, and where
// members' demands for an extraordinary session stand.
BallotView view_of(const BallotRecord& r);
BallotClosingView view_of(const BallotClosing& c);
yishi::DemandStatus view_of(const DemandStatus& d);

// 办 carry out: a task (交办事项), its ratings counted, not who chose what.
TaskView view_of(const TaskRecord& r);

// 议 deliberate: a comment; the text and history of a hidden one are kept but not shown.
CommentView view_of(const CommentRecord& r);

}  // namespace yishi::server
