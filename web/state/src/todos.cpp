// The convenor's to-do items, by the core's rules on issues, tasks and notices.
#include "yishi/client/todos.hpp"

#include <algorithm>

#include "yishi/client/checks.hpp"
#include "yishi/issue_flow.hpp"
#include "yishi/notice.hpp"

namespace yishi::client {

namespace {

bool result_published(const FlowData& f, Id task_id) {
    return std::any_of(f.notices.begin(), f.notices.end(), [&](const NoticeView& n) {
        return n.notice.kind == NoticeKind::result && n.notice.subject_id == task_id;
    });
}

}  // namespace

std::vector<ConvenorTodo> convenor_todos(const ClientState& state) {
    std::vector<ConvenorTodo> out;
    if (!state.is_convenor()) return out;
    const Actor actor = state.actor();
    // The list is newest first; the longest waiting comes first here.
    for (auto it = state.issues.rbegin(); it != state.issues.rend(); ++it)
        if (it->council_id == state.council_id && !may_accept_issue(actor, *it))
            out.push_back({ConvenorTodo::Kind::list, it->id, it->title});
    for (const auto& view : state.flow.tasks) {
        Task task = core_task(view);
        if (!may_conclude_rating(actor, task))
            out.push_back({ConvenorTodo::Kind::conclude, view.id, view.issue_title});
        // Published once its rating is over; until the notices are in, nothing is claimed.
        else if (task.state == TaskState::done && state.flow.notices_loaded &&
                 !may_publish_result(actor, task) && !result_published(state.flow, view.id))
            out.push_back({ConvenorTodo::Kind::result, view.id, view.issue_title});
    }
    return out;
}

}  // namespace yishi::client
