// The store's list work (accept, merge, decline with a public reason) and the issues' threads
// (议): comments, replies, official replies, edits kept as revisions, hiding with a reason.
#include "store_records.hpp"
#include "store_report_marks.hpp"
#include "store_impl.hpp"
#include "store_notifications.hpp"
#include "yishi/issue_flow.hpp"

namespace yishi::server {

namespace {
void write_disposition(Connection& db, const Issue& i, Id actor, std::int64_t now) {
    Statement q(
        db,
        "INSERT INTO issue_dispositions (issue_id, merged_into, reason, decided_by, "
        "decided_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, i.id);
    if (i.merged_into != 0)
        q.bind(2, i.merged_into);
    else
        q.bind(2);
    q.bind(3, i.reason);
    q.bind(4, actor);
    q.bind(5, now);
    q.run();
}

std::optional<CommentRecord> load_comment(Connection& db, Id id) {
    Statement q(
        db,
        "SELECT c.id, c.issue_id, c.author_id, c.parent_id, c.stance, c.body, "
        "c.official, c.created_at, c.hidden_reason, c.hidden_by, c.hidden_at, m.name "
        "FROM comments c JOIN members m ON m.id = c.author_id WHERE c.id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    CommentRecord r;
    Comment& c = r.comment;
    c.id = q.column(0).int64();
    c.issue_id = q.column(1).int64();
    c.author_id = q.column(2).int64();
    c.parent_id = q.column(3).null() ? 0 : q.column(3).int64();
    if (!stance_from_string(q.column(4).text(), c.stance))
        throw StoreError("unknown stance in database");
    c.body = q.column(5).text();
    c.official = q.column(6).integer() != 0;
    c.created_at = q.column(7).int64();
    c.hidden = !q.column(8).null();
    if (c.hidden) {
        c.hidden_reason = q.column(8).text();
        c.hidden_by = q.column(9).int64();
        c.hidden_at = q.column(10).int64();
    }
    r.author_name = q.column(11).text();
    Statement h(db,
                "SELECT body, replaced_at FROM comment_revisions WHERE comment_id = ? "
                "ORDER BY id");
    h.bind(1, id);
    while (h.step())
        c.history.push_back({h.column(0).text(), h.column(1).int64()});
    return r;
}
}  // namespace

Result<Issue> Store::raise_issue_as(Id council_id, Id actor, const RaiseIssue& request,
                                    std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Issue> {
        if (!server::council(act.db, council_id)) return make_error("not_found", "council_id");
        auto raised = yishi::raise_issue(act.who(council_id), council_id, request, now);
        if (!raised) return raised.error();
        const Issue& i = raised.value();
        if (i.raised_by_id != 0 && !server::is_member(act.db, council_id, i.author_id))
            return make_error("bad_id", "on_behalf_of");
        Statement q(act.db,
                    "INSERT INTO issues (council_id, title, body, author_id, created_at, stage, "
                    "category, tag, raised_by, raised_for_name, raised_for_household) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, council_id);
        q.bind(2, i.title);
        q.bind(3, i.body);
        q.bind(4, i.author_id);
        q.bind(5, now);
        q.bind(6, to_string(i.stage));
        q.bind(7, i.category);
        q.bind(8, i.tag);
        if (i.raised_by_id != 0)
            q.bind(9, i.raised_by_id);
        else
            q.bind(9);
        q.bind(10, i.raised_for_name);
        q.bind(11, i.raised_for_household);
        Id id = single(q).int64();
        report_marks::issue_raised(act.db, id, i.author_id);
        // Read back for the author's name, which the rule does not know.
        auto issue = server::issue(act.db, id, actor);
        Json details = {{"issue_id", id}, {"council_id", council_id}, {"title", i.title}};
        if (i.raised_by_id != 0) details["on_behalf_of"] = i.author_id;
        if (!i.raised_for_name.empty()) details["raised_for_name"] = i.raised_for_name;
        act.record("issue_raised", details);
        return *issue;
    });
}

Result<Issue> Store::accept_issue(Id issue_id, Id actor, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Issue> {
        auto issue = server::issue(act.db, issue_id, actor);
        if (!issue) return make_error("not_found", "issue_id");
        auto next = yishi::accept_issue(act.who(issue->council_id), *issue);
        if (!next) return next.error();
        records::write_stage(act.db, next.value().id, next.value().stage);
        report_marks::issue_accepted(act.db, issue_id, now);
        notify::issue_outcome(act.db, NotificationKind::issue_accepted, next.value(), now);
        act.record("issue_accepted",
                   Json{{"issue_id", issue_id}, {"stage", to_string(next.value().stage)}});
        return next;
    });
}

Result<Issue> Store::merge_issue(Id issue_id, Id actor, Id into, const std::string& reason,
                                 std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Issue> {
        auto issue = server::issue(act.db, issue_id, actor);
        if (!issue) return make_error("not_found", "issue_id");
        const Actor& who = act.who(issue->council_id);
        auto target = server::issue(act.db, into, actor);
        if (!target) {
            // An outsider learns nothing about which ids exist.
            if (!who.member) return make_error("forbidden");
            return make_error("bad_id", "into");
        }
        auto next = yishi::merge_issue(who, *issue, *target, reason);
        if (!next) return next.error();
        records::write_stage(act.db, next.value().id, next.value().stage);
        write_disposition(act.db, next.value(), actor, now);
        report_marks::issue_answered(act.db, issue_id, now);
        notify::issue_outcome(act.db, NotificationKind::issue_merged, next.value(), now);
        act.record("issue_merged",
                   Json{{"issue_id", issue_id}, {"into", into}, {"reason", next.value().reason}});
        return next;
    });
}

Result<Issue> Store::decline_issue(Id issue_id, Id actor, const std::string& reason,
                                   std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Issue> {
        auto issue = server::issue(act.db, issue_id, actor);
        if (!issue) return make_error("not_found", "issue_id");
        auto next = yishi::decline_issue(act.who(issue->council_id), *issue, reason);
        if (!next) return next.error();
        records::write_stage(act.db, next.value().id, next.value().stage);
        write_disposition(act.db, next.value(), actor, now);
        report_marks::issue_answered(act.db, issue_id, now);
        notify::issue_outcome(act.db, NotificationKind::issue_declined, next.value(), now);
        act.record("issue_declined",
                   Json{{"issue_id", issue_id}, {"reason", next.value().reason}});
        return next;
    });
}

std::vector<CommentRecord> Store::comments(Id issue_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db, "SELECT id FROM comments WHERE issue_id = ? ORDER BY id");
        q.bind(1, issue_id);
        std::vector<Id> ids;
        while (q.step()) ids.push_back(q.column(0).int64());
        std::vector<CommentRecord> out;
        for (Id id : ids)
            if (auto c = load_comment(db, id)) out.push_back(std::move(*c));
        return out;
    });
}

std::optional<CommentRecord> Store::comment(Id id) {
    return impl_->read([&](Connection& db) { return load_comment(db, id); });
}

Result<CommentRecord> Store::post_comment(Id issue_id, Id actor, Id parent_id, Stance stance,
                                          const std::string& text, bool official,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CommentRecord> {
        auto issue = server::issue(act.db, issue_id, actor);
        if (!issue) return make_error("not_found", "issue_id");
        const Actor& who = act.who(issue->council_id);
        std::optional<CommentRecord> parent;
        if (parent_id != 0) {
            parent = load_comment(act.db, parent_id);
            if (!parent) {
                if (!who.member) return make_error("forbidden");
                return make_error("bad_id", "parent_id");
            }
        }
        const Comment* p = parent ? &parent->comment : nullptr;
        auto c = official ? post_official_reply(who, *issue, p, text, now)
                          : yishi::post_comment(who, *issue, p, stance, text, now);
        if (!c) return c.error();
        const Comment& n = c.value();
        Statement q(act.db,
                    "INSERT INTO comments (issue_id, author_id, parent_id, stance, body, "
                    "official, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, issue_id);
        q.bind(2, actor);
        if (n.parent_id != 0)
            q.bind(3, n.parent_id);
        else
            q.bind(3);
        q.bind(4, to_string(n.stance));
        q.bind(5, n.body);
        q.bind(6, n.official ? 1 : 0);
        q.bind(7, now);
        Id id = single(q).int64();
        if (n.official) report_marks::issue_answered(act.db, issue_id, now);
        if (parent) notify::comment_replied(act.db, *issue, parent->comment.author_id, actor, now);
        act.record(n.official ? "official_reply_posted" : "comment_posted",
                   Json{{"comment_id", id},
                        {"issue_id", issue_id},
                        {"parent_id", n.parent_id},
                        {"stance", to_string(n.stance)}});
        // Read back for the author's name, which the rule does not know.
        return *load_comment(act.db, id);
    });
}

Result<CommentRecord> Store::edit_comment(Id comment_id, Id actor, const std::string& text,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CommentRecord> {
        auto c = load_comment(act.db, comment_id);
        if (!c) return make_error("not_found");
        auto issue = server::issue(act.db, c->comment.issue_id, actor);
        if (!issue) throw StoreError("a comment without its issue");
        auto next = yishi::edit_comment(act.who(issue->council_id), c->comment, text, now);
        if (!next) return next.error();
        Statement rev(act.db,
                      "INSERT INTO comment_revisions (comment_id, body, replaced_at) "
                      "VALUES (?, ?, ?)");
        rev.bind(1, comment_id);
        rev.bind(2, c->comment.body);
        rev.bind(3, now);
        rev.run();
        Statement q(act.db, "UPDATE comments SET body = ? WHERE id = ?");
        q.bind(1, next.value().body);
        q.bind(2, comment_id);
        q.run();
        act.record("comment_edited", Json{{"comment_id", comment_id},
                                          {"revision", next.value().history.size()}});
        return CommentRecord{std::move(next.value()), c->author_name};
    });
}

Result<CommentRecord> Store::hide_comment(Id comment_id, Id actor, const std::string& reason,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CommentRecord> {
        auto c = load_comment(act.db, comment_id);
        if (!c) return make_error("not_found");
        auto issue = server::issue(act.db, c->comment.issue_id, actor);
        if (!issue) throw StoreError("a comment without its issue");
        auto next = yishi::hide_comment(act.who(issue->council_id), c->comment, reason, now);
        if (!next) return next.error();
        Statement q(act.db,
                    "UPDATE comments SET hidden_reason = ?, hidden_by = ?, hidden_at = ? "
                    "WHERE id = ?");
        q.bind(1, next.value().hidden_reason);
        q.bind(2, actor);
        q.bind(3, now);
        q.bind(4, comment_id);
        q.run();
        act.record("comment_hidden",
                   Json{{"comment_id", comment_id}, {"reason", next.value().hidden_reason}});
        return CommentRecord{std::move(next.value()), c->author_name};
    });
}

}  // namespace yishi::server
