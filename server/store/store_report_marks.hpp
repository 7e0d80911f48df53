// The times the monthly needs report measures, written by the acts that cause them inside their
// own transactions: an issue's grid when raised, when it was first accepted (listed) and first
// answered, and when a task was first answered. First time only: later acts keep the first.
#pragma once
#include <cstdint>

#include "store_impl.hpp"

namespace yishi::server::report_marks {

// The issue keeps the grid its author lives in when it is raised.
void issue_raised(Connection& db, Id issue_id, Id author_id);
void issue_accepted(Connection& db, Id issue_id, std::int64_t now);
// An official comment, a task's reply, a merge or a decline with its reason.
void issue_answered(Connection& db, Id issue_id, std::int64_t now);
// A task's reply answers the task and its issue (0 for a consultation's task).
void task_answered(Connection& db, Id task_id, Id issue_id, std::int64_t now);

}  // namespace yishi::server::report_marks
