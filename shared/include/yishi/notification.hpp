// Notifications (消息): the kinds a member can be told about, where each one leads in the
// client, the Chinese sentence an outbound hook sends, the rules of the scheduled reminders and of
// the community's hook (its URL and the retry schedule of its deliveries).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"

namespace yishi {

// What happened, and whose subject it is: issue_* and comment_replied name an issue,
// session_noticed a session, ballot_* a ballot, reply_posted and task_* a task.
enum class NotificationKind {
    issue_accepted,   // my issue was listed
    issue_merged,     // my issue was merged into another (detail: the reason)
    issue_declined,   // my issue was declined (detail: the reason)
    session_noticed,  // a session of my council was noticed
    ballot_opened,    // a ballot I may vote in opened
    ballot_closing,   // that ballot closes within the hour and I have not voted
    reply_posted,     // a reply I may rate was posted
    task_due,         // a task I follow up is due within 3 days
    task_overdue,     // that task is past its due date
    comment_replied,  // someone replied to my comment
};
const char* to_string(NotificationKind k);
bool notification_kind_from_string(std::string_view s, NotificationKind& out);
inline constexpr NotificationKind kNotificationKinds[] = {
    NotificationKind::issue_accepted,  NotificationKind::issue_merged,
    NotificationKind::issue_declined,  NotificationKind::session_noticed,
    NotificationKind::ballot_opened,   NotificationKind::ballot_closing,
    NotificationKind::reply_posted,    NotificationKind::task_due,
    NotificationKind::task_overdue,    NotificationKind::comment_replied};

// The client's route to the subject: "#/issue/ID", "#/session/ID", "#/ballot/ID", "#/task/ID".
std::string notification_link(NotificationKind kind, Id subject_id);

// The sentence sent to the community's gateway (the client renders from its own catalogs):
// `title` names the subject, `detail` adds the reason of a merge or decline, or a due date.
std::string notification_text(NotificationKind kind, std::string_view title,
                              std::string_view detail);

// A notification's title and detail are copies of the subject's texts, cut to these lengths.
constexpr std::size_t kNotificationTitleMaxChars = 100;
constexpr std::size_t kNotificationDetailMaxChars = 200;
// The first `max_chars` characters of well-formed UTF-8 text.
std::string cut_text(std::string_view s, std::size_t max_chars);

// A time as people in China read it (UTC+8): "2026年10月3日 14:05", and the date alone.
std::string china_time_text(std::int64_t t);
std::string china_date_text(std::int64_t t);
// The detail of a session's notice ("会议时间：…"), of a task's reminder ("办理期限：…") and of
// a ballot's closing reminder ("投票截止：…").
std::string session_time_detail(std::int64_t starts_at);
std::string due_date_detail(std::int64_t due_at);
std::string ballot_deadline_detail(std::int64_t closes_at);

// A page of the list: at most 100, 30 when not asked.
constexpr std::int64_t kNotificationPageDefault = 30;
constexpr std::int64_t kNotificationPageMax = 100;

// The scheduled reminders. A ballot closing at `closes_at` is reminded of within the hour
// before it closes; an assigned task is due soon within 3 days before `due_at` and overdue
// after it.
constexpr std::int64_t kBallotClosingLeadSeconds = 3600;
constexpr std::int64_t kTaskDueLeadSeconds = 3 * 86400;
bool ballot_closing_soon(std::int64_t closes_at, std::int64_t now);
bool task_due_soon(std::int64_t due_at, std::int64_t now);
bool task_overdue(std::int64_t due_at, std::int64_t now);
// Makes a scheduled notification once per member and subject: "ballot_closing:7:42".
std::string notification_dedupe_key(NotificationKind kind, Id subject_id, Id member_id);

// Whether the author of a comment is told of a reply to it: not when replying to oneself.
bool notifies_comment_reply(Id parent_author, Id replier);

// The community's outbound hook (消息推送地址): an http:// or https:// URL of at most 500
// characters, with a host, no spaces, control or directional characters. "" removes the hook.
constexpr std::size_t kHookUrlMaxChars = 500;
Check check_hook_url(std::string_view url);

// A delivery is retried after min(2^attempts, 300) seconds, and given up after 8 attempts.
constexpr std::int64_t kHookMaxAttempts = 8;
constexpr std::int64_t kHookMaxBackoffSeconds = 300;
std::int64_t hook_backoff_seconds(std::int64_t attempts);

}  // namespace yishi
