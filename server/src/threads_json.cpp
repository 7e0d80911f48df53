// A stored comment as the core's view.
#include "threads_json.hpp"

namespace yishi::server {

CommentView view_of(const CommentRecord& r) { return comment_view(r.comment, r.author_name); }

}  // namespace yishi::server
