// 议 (deliberate): an issue's thread of comments with a stance, one level of replies,
// official replies by departments, edits kept as history, and moderation that hides, never deletes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"
#include "yishi/roles.hpp"

namespace yishi {

constexpr std::size_t kCommentMaxChars = 2000;

// 立场: 赞成 support / 反对 oppose / 中立 neutral / 疑问 question.
enum class Stance { support, oppose, neutral, question };

const char* to_string(Stance s);
bool stance_from_string(const std::string& s, Stance& out);

// An earlier text of an edited comment.
struct CommentRevision {
    std::string body;
    std::int64_t replaced_at = 0;
};

// 评论. A hidden comment keeps its body (for the record and an appeal); readers see the reason.
struct Comment {
    Id id = 0;
    Id issue_id = 0;
    Id author_id = 0;
    Id parent_id = 0;  // 0 for a top-level comment
    Stance stance = Stance::neutral;
    std::string body;
    bool official = false;  // 官方答复 by a department
    std::int64_t created_at = 0;
    std::vector<CommentRevision> history;  // oldest first
    bool hidden = false;
    std::string hidden_reason;
    Id hidden_by = 0;
    std::int64_t hidden_at = 0;
};

// Members may comment while the issue is open (not merged, declined or resolved).
// `parent` is null for a top-level comment; a reply to a reply is refused.
Check may_comment(const Actor& actor, const Issue& issue, const Comment* parent);
Result<Comment> post_comment(const Actor& actor, const Issue& issue, const Comment* parent,
                             Stance stance, const std::string& body, std::int64_t now);

// A department's official reply, marked as such; same thread rules as any comment.
Check may_reply_officially(const Actor& actor, const Issue& issue, const Comment* parent);
Result<Comment> post_official_reply(const Actor& actor, const Issue& issue, const Comment* parent,
                                    const std::string& body, std::int64_t now);

// The author edits a visible comment; the old text goes into history.
Check may_edit_comment(const Actor& actor, const Comment& c);
Result<Comment> edit_comment(const Actor& actor, const Comment& c, const std::string& body,
                             std::int64_t now);

// The convenor hides a comment with a public reason; the text is kept.
Check may_hide_comment(const Actor& actor, const Comment& c);
Result<Comment> hide_comment(const Actor& actor, const Comment& c, const std::string& reason,
                             std::int64_t now);

// What readers see: the body, or for a hidden comment the notice with its reason.
std::string shown_text(const Comment& c);

}  // namespace yishi
