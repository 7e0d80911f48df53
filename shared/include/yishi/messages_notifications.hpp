// JSON forms of notifications (消息), shared by server and client: the list, the unread count the
// client polls, the member's settings (which kinds they get), marking read, the community's hook
// and the JSON posted to the hook. Decoders are strict and name a faulty field by its path.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/messages.hpp"
#include "yishi/model.hpp"
#include "yishi/notification.hpp"

namespace yishi {

struct NotificationView {
    Id id = 0;
    NotificationKind kind = NotificationKind::issue_accepted;
    Id subject_id = 0;
    std::string title;   // the subject's title when it was written
    std::string detail;  // a reason or a due date; "" when none
    std::string link;    // notification_link(kind, subject_id)
    std::int64_t created_at = 0;
    bool read = false;
};
Json to_json(const NotificationView& n);

// GET /api/me/notifications: newest first, with the member's unread count.
struct NotificationList {
    std::int64_t unread = 0;
    std::vector<NotificationView> items;
};
std::string encode(const NotificationList& l);
Result<NotificationList> decode_notification_list(std::string_view body);

// GET /api/me/notifications/unread (polled); `latest` is the newest notification's id, 0 when
// none, so a screen knows something new arrived even when the count stays the same.
struct UnreadCount {
    std::int64_t unread = 0;
    Id latest = 0;
};
std::string encode(const UnreadCount& u);
Result<UnreadCount> decode_unread_count(std::string_view body);

// POST /api/me/notifications/read: {"ids":[...]} or {"all":true}.
struct MarkRead {
    std::vector<Id> ids;
    bool all = false;
};
std::string encode(const MarkRead& m);
Result<MarkRead> decode_mark_read(std::string_view body);

// GET/PUT /api/me/notification-settings: every kind in list order when read; a PUT names the
// kinds it changes (each at most once; an unknown kind is refused).
struct NotificationSetting {
    NotificationKind kind = NotificationKind::issue_accepted;
    bool on = true;
};
struct NotificationSettings {
    std::vector<NotificationSetting> kinds;
};
std::string encode(const NotificationSettings& s);
Result<NotificationSettings> decode_notification_settings(std::string_view body);

// GET/PUT /api/admin/communities/{id}/hook: {"url": "..."}; "" means none.
struct HookConfig {
    std::string url;
};
std::string encode(const HookConfig& h);
Result<HookConfig> decode_hook_config(std::string_view body);

// The JSON posted to the community's hook for one notification.
struct HookPayload {
    Id id = 0;  // the notification's id
    NotificationKind kind = NotificationKind::issue_accepted;
    Id community_id = 0;
    Id member_id = 0;
    std::string member_name;
    std::string member_phone;
    std::string text;  // notification_text
    std::string link;
    std::int64_t created_at = 0;
};
std::string encode(const HookPayload& p);
Result<HookPayload> decode_hook_payload(std::string_view body);

}  // namespace yishi
