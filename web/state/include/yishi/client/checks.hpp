// Why the member may not act on what a page shows, by the core's own may_* rules: the views
// grey a control out and say why (投票, 签到, 评价), with the same words the server would use.
#pragma once
#include "yishi/client/state.hpp"
#include "yishi/errors.hpp"

namespace yishi::client {

// The task as the core knows it, rebuilt from its view (ratings without their values).
Task core_task(const TaskView& view);

// 赞成/反对/弃权: not on the roll, closed, past its closing time at `now`, or voted already.
Check vote_refusal(const ClientState& state, const BallotView& ballot, std::int64_t now);
// 签到 to an open session, once, by voting members.
Check sign_in_refusal(const ClientState& state, const SessionView& session);
// Rating the task's current reply: once, not by the unit itself, only while it is answered.
Check rate_refusal(const ClientState& state, const TaskView& task);
// Progress and the formal reply: the responsible member, while the task waits for an answer.
Check answer_refusal(const ClientState& state, const TaskView& task);

// The agenda items no ballot was opened on: closing returns them to the period's list, so the
// console names them and asks first (the core's unballoted_items).
std::vector<AgendaItem> unballoted_items(const SessionView& session);

// Whether the member has voted in (or signed in to) what is shown.
bool has_voted(const ClientState& state, const BallotView& ballot);
bool signed_in(const ClientState& state, const SessionView& session);

// Past its due date and not yet answered (answered or done tasks are not late).
bool overdue(const TaskView& task, std::int64_t now);

}  // namespace yishi::client
