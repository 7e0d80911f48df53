// Thread rules: who may comment, reply, edit and hide, and what readers see.
#include "yishi/thread.hpp"

#include "yishi/issue_flow.hpp"
#include "yishi/text.hpp"

namespace yishi {

const char* to_string(Stance s) {
    switch (s) {
        case Stance::support: return "support";
        case Stance::oppose: return "oppose";
        case Stance::neutral: return "neutral";
        case Stance::question: return "question";
    }
    return "neutral";
}

bool stance_from_string(const std::string& s, Stance& out) {
    for (Stance v : {Stance::support, Stance::oppose, Stance::neutral, Stance::question})
        if (s == to_string(v)) { out = v; return true; }
    return false;
}

namespace {
Check thread_rules(const Issue& issue, const Comment* parent) {
    if (!issue_open(issue)) return make_error("thread_closed");
    if (parent) {
        if (parent->issue_id != issue.id) return make_error("bad_id", "parent_id");
        // One level of replies keeps threads readable on a phone.
        if (parent->parent_id != 0) return make_error("reply_to_reply");
        if (parent->hidden) return make_error("comment_hidden");
    }
    return std::nullopt;
}

Result<Comment> make_comment(const Actor& actor, const Issue& issue, const Comment* parent,
                             Stance stance, const std::string& body, bool official,
                             std::int64_t now) {
    auto text = validate_text(body, "body", kCommentMaxChars);
    if (!text) return text.error();
    Comment c;
    c.issue_id = issue.id;
    c.author_id = actor.member_id;
    c.parent_id = parent ? parent->id : 0;
    c.stance = stance;
    c.body = text.value();
    c.official = official;
    c.created_at = now;
    return c;
}
}  // namespace

Check may_comment(const Actor& actor, const Issue& issue, const Comment* parent) {
    if (!actor.member) return make_error("forbidden");
    return thread_rules(issue, parent);
}

Result<Comment> post_comment(const Actor& actor, const Issue& issue, const Comment* parent,
                             Stance stance, const std::string& body, std::int64_t now) {
    if (auto e = may_comment(actor, issue, parent)) return *e;
    return make_comment(actor, issue, parent, stance, body, false, now);
}

Check may_reply_officially(const Actor& actor, const Issue& issue, const Comment* parent) {
    if (!actor.member) return make_error("forbidden");
    if (actor.role != Role::department) return make_error("not_department");
    return thread_rules(issue, parent);
}

Result<Comment> post_official_reply(const Actor& actor, const Issue& issue, const Comment* parent,
                                    const std::string& body, std::int64_t now) {
    if (auto e = may_reply_officially(actor, issue, parent)) return *e;
    return make_comment(actor, issue, parent, Stance::neutral, body, true, now);
}

Check may_edit_comment(const Actor& actor, const Comment& c) {
    if (!actor.member) return make_error("forbidden");
    if (c.author_id != actor.member_id) return make_error("not_author");
    // Editing a hidden comment would let its author change what was moderated.
    if (c.hidden) return make_error("comment_hidden");
    return std::nullopt;
}

Result<Comment> edit_comment(const Actor& actor, const Comment& c, const std::string& body,
                             std::int64_t now) {
    if (auto e = may_edit_comment(actor, c)) return *e;
    auto text = validate_text(body, "body", kCommentMaxChars);
    if (!text) return text.error();
    Comment next = c;
    next.history.push_back({c.body, now});
    next.body = text.value();
    return next;
}

Check may_hide_comment(const Actor& actor, const Comment& c) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (c.hidden) return make_error("comment_hidden");
    return std::nullopt;
}

Result<Comment> hide_comment(const Actor& actor, const Comment& c, const std::string& reason,
                             std::int64_t now) {
    if (auto e = may_hide_comment(actor, c)) return *e;
    auto why = validate_text(reason, "reason", kReasonMaxChars);
    if (!why) return why.error();
    Comment next = c;
    next.hidden = true;
    next.hidden_reason = why.value();
    next.hidden_by = actor.member_id;
    next.hidden_at = now;
    return next;
}

std::string shown_text(const Comment& c) {
    if (!c.hidden) return c.body;
    return "该评论已被隐藏，理由：" + c.hidden_reason;
}

}  // namespace yishi
