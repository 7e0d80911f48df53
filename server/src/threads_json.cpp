// JSON forms of comments.
#include "threads_json.hpp"

namespace yishi::server {

Json to_json(const CommentRecord& r) {
    const Comment& c = r.comment;
    Json history = Json::array();
    if (!c.hidden)
        for (const auto& h : c.history)
            history.push_back({{"text", h.body}, {"replaced_at", h.replaced_at}});
    return {{"id", c.id},
            {"issue_id", c.issue_id},
            {"author_id", c.author_id},
            {"author_name", r.author_name},
            {"reply_to", c.parent_id == 0 ? Json() : Json(c.parent_id)},
            {"stance", yishi::to_string(c.stance)},
            {"text", shown_text(c)},
            {"official", c.official},
            {"created_at", c.created_at},
            {"edited", !c.history.empty()},
            {"history", history},
            {"hidden", c.hidden},
            {"hidden_reason", c.hidden_reason}};
}

}  // namespace yishi::server
