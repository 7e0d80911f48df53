// A member's own notifications: the list, the unread count, marking read, and which kinds they
// get. These touch no one else's rows and are personal records, not acts of the domain, so they
// are not audited (as login tokens are not).
#include <algorithm>

#include "store_impl.hpp"
#include "yishi/messages_notifications.hpp"

namespace yishi::server {

namespace {
UnreadCount unread_of(Connection& db, Id member) {
    Statement q(db,
                "SELECT COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0), "
                "COALESCE(MAX(id), 0) FROM notifications WHERE member_id = ?");
    q.bind(1, member);
    q.step();
    return UnreadCount{q.column(0).int64(), q.column(1).int64()};
}

std::string placeholders(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
    return s;
}
}  // namespace

NotificationList Store::notifications(Id member, Id before, std::int64_t limit) {
    return impl_->read([&](Connection& db) {
        NotificationList l;
        l.unread = unread_of(db, member).unread;
        Statement q(db,
                    "SELECT id, kind, subject_id, title, detail, created_at, read_at "
                    "FROM notifications WHERE member_id = ? AND (? = 0 OR id < ?) "
                    "ORDER BY id DESC LIMIT ?");
        q.bind(1, member);
        q.bind(2, before);
        q.bind(3, before);
        q.bind(4, limit);
        while (q.step()) {
            NotificationView n;
            n.id = q.column(0).int64();
            if (!notification_kind_from_string(q.column(1).text(), n.kind))
                throw StoreError("unknown notification kind in database");
            n.subject_id = q.column(2).int64();
            n.title = q.column(3).text();
            n.detail = q.column(4).text();
            n.link = notification_link(n.kind, n.subject_id);
            n.created_at = q.column(5).int64();
            n.read = !q.column(6).null();
            l.items.push_back(std::move(n));
        }
        return l;
    });
}

UnreadCount Store::unread_notifications(Id member) {
    return impl_->read([&](Connection& db) { return unread_of(db, member); });
}

Result<UnreadCount> Store::mark_notifications_read(Id member, const MarkRead& m, std::int64_t now) {
    std::vector<Id> ids = m.ids;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return impl_->write([&](Connection& db) -> Result<UnreadCount> {
        if (!m.all && !ids.empty()) {
            // Another member's notification is refused as if it did not exist, before any write.
            Statement own(db, "SELECT COUNT(*) FROM notifications WHERE member_id = ? AND id IN (" +
                                  placeholders(ids.size()) + ")");
            own.bind(1, member);
            for (std::size_t i = 0; i < ids.size(); ++i) own.bind(static_cast<int>(i) + 2, ids[i]);
            if (single(own).int64() != static_cast<std::int64_t>(ids.size()))
                return make_error("not_found", "ids");
            Statement mark(db, "UPDATE notifications SET read_at = ? WHERE member_id = ? "
                               "AND read_at IS NULL AND id IN (" + placeholders(ids.size()) + ")");
            mark.bind(1, now);
            mark.bind(2, member);
            for (std::size_t i = 0; i < ids.size(); ++i) mark.bind(static_cast<int>(i) + 3, ids[i]);
            mark.run();
        } else if (m.all) {
            Statement mark(db, "UPDATE notifications SET read_at = ? WHERE member_id = ? "
                               "AND read_at IS NULL");
            mark.bind(1, now);
            mark.bind(2, member);
            mark.run();
        }
        return unread_of(db, member);
    });
}

namespace {
NotificationSettings settings_of(Connection& db, Id member) {
    Statement q(db, "SELECT kind FROM notification_mutes WHERE member_id = ?");
    q.bind(1, member);
    std::vector<std::string> muted;
    while (q.step()) muted.push_back(q.column(0).text());
    NotificationSettings s;
    for (NotificationKind k : kNotificationKinds)
        s.kinds.push_back(
            {k, std::find(muted.begin(), muted.end(), to_string(k)) == muted.end()});
    return s;
}
}  // namespace

NotificationSettings Store::notification_settings(Id member) {
    return impl_->read([&](Connection& db) { return settings_of(db, member); });
}

NotificationSettings Store::set_notification_settings(Id member, const NotificationSettings& s) {
    return impl_->write([&](Connection& db) {
        Statement mute(db,
                       "INSERT INTO notification_mutes (member_id, kind) VALUES (?, ?) "
                       "ON CONFLICT (member_id, kind) DO NOTHING");
        Statement unmute(db, "DELETE FROM notification_mutes WHERE member_id = ? AND kind = ?");
        for (const auto& k : s.kinds) {
            Statement& q = k.on ? unmute : mute;
            q.reset();
            q.bind(1, member);
            q.bind(2, to_string(k.kind));
            q.run();
        }
        return settings_of(db, member);
    });
}

}  // namespace yishi::server
