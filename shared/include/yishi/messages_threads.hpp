// JSON forms of an issue's thread (议 deliberate), shared by server and client: comments as
// readers see them. A hidden comment shows the notice with its reason as its text and no history;
// its own text stays in the record, never on the wire. Decoders are strict, naming a faulty
// field by its path ("comments[2].stance").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/messages.hpp"
#include "yishi/thread.hpp"

namespace yishi {

// POST /api/issues/{id}/comments, PATCH /api/comments/{id}, POST /api/comments/{id}/hide.
struct CommentView {
    Id id = 0;
    Id issue_id = 0;
    Id author_id = 0;
    std::string author_name;
    Id reply_to = 0;  // the top-level comment replied to; 0 (null on the wire) for none
    Stance stance = Stance::neutral;
    std::string text;  // shown_text: the body, or for a hidden comment the notice with the reason
    bool official = false;  // 官方答复 by a department
    std::int64_t created_at = 0;
    bool edited = false;
    std::vector<CommentRevision> history;  // earlier texts, oldest first; empty when hidden
    bool hidden = false;
    std::string hidden_reason;
};
// The view of a comment with its author's name, as readers may see it.
CommentView comment_view(const Comment& c, const std::string& author_name);
Json to_json(const CommentView& c);
std::string encode(const CommentView& c);
Result<CommentView> decode_comment(std::string_view body);

// GET /api/issues/{id}/comments, oldest first.
struct CommentList {
    std::vector<CommentView> comments;
};
std::string encode(const CommentList& l);
Result<CommentList> decode_comment_list(std::string_view body);

}  // namespace yishi
