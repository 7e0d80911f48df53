// Permissions (权限): one `may_*` function per action, answering "may this member do this to this
// thing now". The client calls them to grey out a control; the server calls them to refuse.
// Each transition calls its own `may_*` first, so the two can never disagree.
#pragma once

#include "yishi/ballot.hpp"      // may_open_ballot, may_vote, may_close_ballot
#include "yishi/cosign.hpp"      // check_cosign
#include "yishi/issue_flow.hpp"  // may_raise_issue, may_accept_issue, may_merge_issue, may_decline_issue
#include "yishi/notice.hpp"      // may_publish_resolution, may_publish_result
#include "yishi/rules.hpp"       // may_adjust_rules
#include "yishi/session.hpp"     // may_demand_session, may_plan_session, may_publish_notice,
                                 // may_open_session, may_sign_in, may_close_session
#include "yishi/task.hpp"        // may_assign_task, may_report_progress, may_answer_task,
                                 // may_rate_reply, may_conclude_rating
#include "yishi/thread.hpp"      // may_comment, may_reply_officially, may_edit_comment,
                                 // may_hide_comment

namespace yishi {

// True when the check allows the action: for views that only need to grey a control out.
inline bool allowed(const Check& c) { return !c.has_value(); }

}  // namespace yishi
