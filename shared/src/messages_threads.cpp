// JSON forms of comments as readers see them (议; see messages_threads.hpp).
#include "yishi/messages_threads.hpp"

#include "messages_read.hpp"

namespace yishi {

namespace {
using wire::Fields;

CommentView comment_from(const Fields& f) {
    CommentView c;
    c.id = f.integer("id");
    c.issue_id = f.integer("issue_id");
    c.author_id = f.integer("author_id");
    c.author_name = f.text("author_name");
    c.reply_to = f.nullable_id("reply_to");
    c.stance = f.one_of("stance",
                        {Stance::support, Stance::oppose, Stance::neutral, Stance::question});
    c.text = f.text("text");
    c.official = f.boolean("official");
    c.created_at = f.integer("created_at");
    c.edited = f.boolean("edited");
    for (std::size_t i = 0; i < f.array("history").size(); ++i) {
        Fields h = f.element("history", i);
        c.history.push_back({h.text("text"), h.integer("replaced_at")});
    }
    c.hidden = f.boolean("hidden");
    c.hidden_reason = f.text("hidden_reason");
    return c;
}
}  // namespace

CommentView comment_view(const Comment& c, const std::string& author_name) {
    CommentView v;
    v.id = c.id;
    v.issue_id = c.issue_id;
    v.author_id = c.author_id;
    v.author_name = author_name;
    v.reply_to = c.parent_id;
    v.stance = c.stance;
    v.text = shown_text(c);
    v.official = c.official;
    v.created_at = c.created_at;
    v.edited = !c.history.empty();
    // Earlier texts of a hidden comment are as private as its text.
    if (!c.hidden) v.history = c.history;
    v.hidden = c.hidden;
    v.hidden_reason = c.hidden_reason;
    return v;
}

Json to_json(const CommentView& c) {
    Json history = Json::array();
    for (const auto& h : c.history)
        history.push_back({{"text", h.body}, {"replaced_at", h.replaced_at}});
    return {{"id", c.id},
            {"issue_id", c.issue_id},
            {"author_id", c.author_id},
            {"author_name", c.author_name},
            {"reply_to", wire::id_or_null(c.reply_to)},
            {"stance", to_string(c.stance)},
            {"text", c.text},
            {"official", c.official},
            {"created_at", c.created_at},
            {"edited", c.edited},
            {"history", history},
            {"hidden", c.hidden},
            {"hidden_reason", c.hidden_reason}};
}

std::string encode(const CommentView& c) { return to_json(c).dump(); }

Result<CommentView> decode_comment(std::string_view body) {
    return wire::decode_body(body, comment_from);
}

std::string encode(const CommentList& l) {
    return Json{{"comments", wire::list_json(l.comments)}}.dump();
}

Result<CommentList> decode_comment_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        CommentList l;
        for (std::size_t i = 0; i < f.array("comments").size(); ++i)
            l.comments.push_back(comment_from(f.element("comments", i)));
        return l;
    });
}

}  // namespace yishi
