// Notification kinds, links, texts, reminder times and the hook's rules (see notification.hpp).
#include "yishi/notification.hpp"

#include <cstdio>

#include "yishi/text.hpp"

namespace yishi {

const char* to_string(NotificationKind k) {
    switch (k) {
        case NotificationKind::issue_accepted: return "issue_accepted";
        case NotificationKind::issue_merged: return "issue_merged";
        case NotificationKind::issue_declined: return "issue_declined";
        case NotificationKind::session_noticed: return "session_noticed";
        case NotificationKind::ballot_opened: return "ballot_opened";
        case NotificationKind::ballot_closing: return "ballot_closing";
        case NotificationKind::reply_posted: return "reply_posted";
        case NotificationKind::task_due: return "task_due";
        case NotificationKind::task_overdue: return "task_overdue";
        case NotificationKind::comment_replied: return "comment_replied";
    }
    return "";
}

bool notification_kind_from_string(std::string_view s, NotificationKind& out) {
    for (NotificationKind k : kNotificationKinds)
        if (s == to_string(k)) {
            out = k;
            return true;
        }
    return false;
}

std::string notification_link(NotificationKind kind, Id subject_id) {
    const char* route = "issue";
    switch (kind) {
        case NotificationKind::issue_accepted:
        case NotificationKind::issue_merged:
        case NotificationKind::issue_declined:
        case NotificationKind::comment_replied: route = "issue"; break;
        case NotificationKind::session_noticed: route = "session"; break;
        case NotificationKind::ballot_opened:
        case NotificationKind::ballot_closing: route = "ballot"; break;
        case NotificationKind::reply_posted:
        case NotificationKind::task_due:
        case NotificationKind::task_overdue: route = "task"; break;
    }
    return std::string("#/") + route + "/" + std::to_string(subject_id);
}

std::string notification_text(NotificationKind kind, std::string_view title,
                              std::string_view detail) {
    std::string t = "“" + std::string(title) + "”";
    std::string d(detail);
    switch (kind) {
        case NotificationKind::issue_accepted: return "您提出的议题" + t + "已被受理，列入议事范围。";
        case NotificationKind::issue_merged:
            return "您提出的议题" + t + "已被合并处理" + (d.empty() ? "。" : "，理由：" + d + "。");
        case NotificationKind::issue_declined:
            return "您提出的议题" + t + "未被受理" + (d.empty() ? "。" : "，理由：" + d + "。");
        case NotificationKind::session_noticed:
            return "您所在的议事会发布了会议通知：" + t + (d.empty() ? "。" : "，" + d + "。");
        case NotificationKind::ballot_opened: return "表决" + t + "已开始，请及时投票。";
        case NotificationKind::ballot_closing:
            return "表决" + t + "将在一小时内结束，您尚未投票" + (d.empty() ? "。" : "（" + d + "）。");
        case NotificationKind::reply_posted: return "交办事项" + t + "有了正式答复，请您评价。";
        case NotificationKind::task_due:
            return "交办事项" + t + "即将到期" + (d.empty() ? "。" : "（" + d + "）。");
        case NotificationKind::task_overdue:
            return "交办事项" + t + "已超过办理期限" + (d.empty() ? "。" : "（" + d + "）。");
        case NotificationKind::comment_replied: return "有人回复了您在议题" + t + "下的评论。";
    }
    return "";
}

std::string cut_text(std::string_view s, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        // A character starts at every byte that is not a UTF-8 continuation byte.
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == max_chars) return std::string(s.substr(0, i));
            ++chars;
        }
    }
    return std::string(s);
}

namespace {
struct CivilTime {
    std::int64_t year;
    int month, day, hour, minute;
};

// Days since 1970-01-01 to the proleptic Gregorian calendar (H. Hinnant's civil_from_days).
CivilTime china_civil(std::int64_t t) {
    std::int64_t local = t + 8 * 3600;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t secs = local - days * 86400;
    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    std::int64_t doe = z - era * 146097;
    std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    std::int64_t mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return {y, m, d, static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60)};
}
}  // namespace

std::string china_date_text(std::int64_t t) {
    CivilTime c = china_civil(t);
    return std::to_string(c.year) + "年" + std::to_string(c.month) + "月" + std::to_string(c.day) +
           "日";
}

std::string china_time_text(std::int64_t t) {
    CivilTime c = china_civil(t);
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", c.hour, c.minute);
    return china_date_text(t) + " " + hm;
}

std::string session_time_detail(std::int64_t starts_at) {
    return "会议时间：" + china_time_text(starts_at);
}

std::string due_date_detail(std::int64_t due_at) { return "办理期限：" + china_date_text(due_at); }

std::string ballot_deadline_detail(std::int64_t closes_at) {
    return "投票截止：" + china_time_text(closes_at);
}

bool ballot_closing_soon(std::int64_t closes_at, std::int64_t now) {
    return closes_at > now && closes_at - now <= kBallotClosingLeadSeconds;
}

bool task_due_soon(std::int64_t due_at, std::int64_t now) {
    return due_at >= now && due_at - now <= kTaskDueLeadSeconds;
}

bool task_overdue(std::int64_t due_at, std::int64_t now) { return now > due_at; }

std::string notification_dedupe_key(NotificationKind kind, Id subject_id, Id member_id) {
    return std::string(to_string(kind)) + ":" + std::to_string(subject_id) + ":" +
           std::to_string(member_id);
}

bool notifies_comment_reply(Id parent_author, Id replier) {
    return parent_author != 0 && parent_author != replier;
}

namespace {
Error bad_hook_url(const std::string& why) {
    return Error{"bad_hook_url", 400, "url", "消息推送地址无效：" + why};
}
}  // namespace

Check check_hook_url(std::string_view url) {
    if (url.empty()) return std::nullopt;
    if (!valid_utf8(url)) return bad_hook_url("含有无效的字符编码（需要 UTF-8）");
    if (utf8_length(url) > kHookUrlMaxChars)
        return bad_hook_url("不能超过" + std::to_string(kHookUrlMaxChars) + "个字符");
    if (forbidden_character(url, TextLines::one))
        return bad_hook_url("含有不允许的控制字符或方向字符");
    for (char c : url)
        if (c == ' ' || static_cast<unsigned char>(c) >= 0x80)
            return bad_hook_url("不能含有空格或非 ASCII 字符，请先进行网址编码");
    std::string_view rest;
    if (url.substr(0, 7) == "http://") rest = url.substr(7);
    else if (url.substr(0, 8) == "https://") rest = url.substr(8);
    else return bad_hook_url("须以 http:// 或 https:// 开头");
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.find('@') != std::string_view::npos)
        return bad_hook_url("须写明主机名，且不能含有用户名或密码");
    return std::nullopt;
}

std::int64_t hook_backoff_seconds(std::int64_t attempts) {
    if (attempts < 0) attempts = 0;
    if (attempts >= 9) return kHookMaxBackoffSeconds;  // 2^9 = 512 is past the cap
    std::int64_t b = std::int64_t(1) << attempts;
    return b < kHookMaxBackoffSeconds ? b : kHookMaxBackoffSeconds;
}

}  // namespace yishi
