// Writing notifications (消息) inside the transaction of the act that causes them (private to
// the store): each act calls one of these with what it has just written, so that a refused act
// writes none and a committed one cannot lose them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store_impl.hpp"
#include "yishi/notification.hpp"
#include "yishi/session.hpp"
#include "yishi/task.hpp"

namespace yishi::server::notify {

// What a notification is about. `community_id` is the subject's community, used for the hook
// when a recipient belongs to no community of their own (0: none).
struct Subject {
    NotificationKind kind;
    Id id = 0;
    std::string title;
    std::string detail;
    Id community_id = 0;
};

// Writes the notification to each recipient once (repeats and inactive members skipped, muted
// kinds not written), each with its hook delivery when the recipient's community has a hook.
void write(Connection& db, const Subject& s, const std::vector<Id>& recipients, std::int64_t now);
// A scheduled one: written only when `dedupe_key` was never written. True when written.
bool write_once(Connection& db, const Subject& s, Id recipient, const std::string& dedupe_key,
                std::int64_t now);

// The author hears that their issue was accepted (listed), merged or declined (with the reason).
void issue_outcome(Connection& db, NotificationKind kind, const Issue& issue, std::int64_t now);
// The council's members hear of a noticed session.
void session_noticed(Connection& db, const Session& s, std::int64_t now);
// The ballot's roll hears that it opened.
void ballot_opened(Connection& db, Id ballot_id, const Ballot& b, std::int64_t now);
// Who may rate the task's latest reply (the core's rating rule) hears that it was posted.
void reply_posted(Connection& db, const Task& t, const std::string& title, std::int64_t now);
// The author of the parent comment hears of a reply to it, unless they wrote the reply.
void comment_replied(Connection& db, const Issue& issue, Id parent_author, Id replier,
                     std::int64_t now);

}  // namespace yishi::server::notify
