// JSON forms of notifications, their settings, marking read and the hook (see
// messages_notifications.hpp).
#include "yishi/messages_notifications.hpp"

#include "messages_read.hpp"

namespace yishi {

using wire::Fields;

namespace {
constexpr std::size_t kMarkReadMaxIds = 1000;

// An unknown kind is refused with its own message: a client and server out of step.
NotificationKind kind_at(const Fields& f, const char* name) {
    std::string s = f.text(name);
    NotificationKind k{};
    if (!notification_kind_from_string(s, k))
        throw wire::Refused{Error{"unknown_kind", 400, f.path(name), "未知的消息类型：" + s}};
    return k;
}

NotificationView notification_from(const Fields& f) {
    NotificationView n;
    n.id = f.integer("id");
    n.kind = kind_at(f, "kind");
    n.subject_id = f.integer("subject_id");
    n.title = f.text("title");
    n.detail = f.text("detail");
    n.link = f.text("link");
    n.created_at = f.integer("created_at");
    n.read = f.boolean("read");
    return n;
}
}  // namespace

Json to_json(const NotificationView& n) {
    return {{"id", n.id},
            {"kind", to_string(n.kind)},
            {"subject_id", n.subject_id},
            {"title", n.title},
            {"detail", n.detail},
            {"link", n.link},
            {"created_at", n.created_at},
            {"read", n.read}};
}

std::string encode(const NotificationList& l) {
    return Json{{"unread", l.unread}, {"items", wire::list_json(l.items)}}.dump();
}

Result<NotificationList> decode_notification_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        NotificationList l;
        l.unread = f.integer("unread");
        for (std::size_t i = 0; i < f.array("items").size(); ++i)
            l.items.push_back(notification_from(f.element("items", i)));
        return l;
    });
}

std::string encode(const UnreadCount& u) {
    return Json{{"unread", u.unread}, {"latest", u.latest}}.dump();
}

Result<UnreadCount> decode_unread_count(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return UnreadCount{f.integer("unread"), f.integer("latest")};
    });
}

std::string encode(const MarkRead& m) {
    if (m.all) return Json{{"all", true}}.dump();
    return Json{{"ids", m.ids}}.dump();
}

Result<MarkRead> decode_mark_read(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        MarkRead m;
        if (f.json().contains("all")) {
            m.all = f.boolean("all");
            if (!m.all && !f.json().contains("ids")) wire::refuse("missing_field", "ids");
        }
        if (!m.all) {
            m.ids = f.ids("ids");
            for (Id id : m.ids)
                if (id <= 0) wire::refuse("bad_id", "ids");
            if (m.ids.size() > kMarkReadMaxIds)
                throw wire::Refused{Error{"too_many_ids", 400, "ids",
                                          "一次最多标记 " + std::to_string(kMarkReadMaxIds) +
                                              " 条消息"}};
        }
        return m;
    });
}

std::string encode(const NotificationSettings& s) {
    Json kinds = Json::array();
    for (const auto& k : s.kinds) kinds.push_back({{"kind", to_string(k.kind)}, {"on", k.on}});
    return Json{{"kinds", kinds}}.dump();
}

static Result<NotificationSettings> decode_notification_settings_fields(std::string_view body);

namespace {
// A fault inside one setting ("kinds[2].on") named by its position, in Chinese.
Error setting_error(Error e) {
    if (e.field.rfind("kinds[", 0) != 0 || e.code == "unknown_kind" || e.code == "duplicate_kind")
        return e;
    std::size_t i = std::stoul(e.field.substr(6));
    e.message = "消息类型设置第 " + std::to_string(i + 1) + " 项" +
                (e.code == "missing_field" ? "缺少字段" : "的字段类型错误") +
                "（每项须为 {\"kind\": 类型, \"on\": true 或 false}）";
    return e;
}
}  // namespace

Result<NotificationSettings> decode_notification_settings(std::string_view body) {
    auto r = decode_notification_settings_fields(body);
    if (!r) return setting_error(r.error());
    return r;
}

// The settings as they are read, before their faults are named for people.
Result<NotificationSettings> decode_notification_settings_fields(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        NotificationSettings s;
        for (std::size_t i = 0; i < f.array("kinds").size(); ++i) {
            Fields k = f.element("kinds", i);
            NotificationSetting one{kind_at(k, "kind"), k.boolean("on")};
            for (const auto& seen : s.kinds)
                if (seen.kind == one.kind)
                    throw wire::Refused{Error{"duplicate_kind", 400, k.path("kind"),
                                              std::string("消息类型重复：") + to_string(one.kind)}};
            s.kinds.push_back(one);
        }
        return s;
    });
}

std::string encode(const HookConfig& h) { return Json{{"url", h.url}}.dump(); }

Result<HookConfig> decode_hook_config(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) { return HookConfig{f.text("url")}; });
}

std::string encode(const HookPayload& p) {
    return Json{{"id", p.id},
                {"kind", to_string(p.kind)},
                {"community_id", p.community_id},
                {"member", {{"id", p.member_id}, {"name", p.member_name}, {"phone", p.member_phone}}},
                {"text", p.text},
                {"link", p.link},
                {"created_at", p.created_at}}
        .dump();
}

Result<HookPayload> decode_hook_payload(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        HookPayload p;
        p.id = f.integer("id");
        p.kind = kind_at(f, "kind");
        p.community_id = f.integer("community_id");
        Fields m = f.object("member");
        p.member_id = m.integer("id");
        p.member_name = m.text("name");
        p.member_phone = m.text("phone");
        p.text = f.text("text");
        p.link = f.text("link");
        p.created_at = f.integer("created_at");
        return p;
    });
}

}  // namespace yishi
