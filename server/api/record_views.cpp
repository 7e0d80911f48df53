// The store's records as the core's views.
#include "record_views.hpp"

namespace yishi::server {

BallotView view_of(const BallotRecord& r) { return ballot_view(r.ballot, r.issue_title, r.tally); }

BallotClosingView view_of(const BallotClosing& c) { return {view_of(c.record), c.notice}; }

yishi::DemandStatus view_of(const DemandStatus& d) {
    return {d.demanded, d.voting_members, d.sufficient};
}

TaskView view_of(const TaskRecord& r) { return task_view(r.task, r.issue_title); }

CommentView view_of(const CommentRecord& r) { return comment_view(r.comment, r.author_name); }

}  // namespace yishi::server
