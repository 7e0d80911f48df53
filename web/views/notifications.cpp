// #/notifications: 消息 — the member's notifications newest first (unread marked; tapping one
// marks it read and opens its subject), 全部已读, and which kinds the member receives.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

void item(const ClientState& state, const NotificationView& n, Intents& intents) {
    const auto& t = state.strings;
    const std::string id = std::to_string(n.id);
    ui::Card card;
    ui::begin_card(card, 14.0f);
    if (!n.read) {
        ui::badge(t.get("notes.unread"), "note-unread-" + id, theme::colors().primary,
                  theme::colors().on_primary);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
    }
    ui::text(client::local_date_time(n.created_at), "note-time-" + id, ui::Tone::muted);
    ui::text(t.format(client::notification_text_key(n.kind),
                      {{"title", n.title}, {"detail", n.detail}}),
             "note-text-" + id);
    if (ui::button(ui::labelled(t.get("notes.open"), "note-" + id),
                   n.read ? ui::ButtonKind::secondary : ui::ButtonKind::primary))
        intents.push_back(client::FollowIntent{client::OpenNotification{n.id, n.link}});
    ui::end_card(card);
}

void settings(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& s = state.follow.notes.settings;
    ui::Card card;
    ui::begin_card(card, 18.0f);
    ui::heading(t.get("notes.settings"), "notes-settings");
    ui::text(t.get("notes.settings_hint"), "notes-settings-hint", ui::Tone::muted);
    if (!state.follow.notes.settings_loaded)
        ui::text(t.get("app.loading"), "notes-settings-loading", ui::Tone::muted);
    for (const auto& k : s.kinds) {
        std::string key = to_string(k.kind);
        ui::text(t.get(client::notification_kind_key(k.kind)), "kind-name-" + key);
        if (ui::choice(ui::labelled(t.get("notes.on"), "kind-on-" + key), k.on) && !k.on)
            intents.push_back(client::FollowIntent{client::SetNotificationKind{k.kind, true}});
        ImGui::SameLine();
        if (ui::choice(ui::labelled(t.get("notes.off"), "kind-off-" + key), !k.on) && k.on)
            intents.push_back(client::FollowIntent{client::SetNotificationKind{k.kind, false}});
    }
    ui::end_card(card);
}

}  // namespace

void draw_notifications(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& n = state.follow.notes;
    ui::heading(t.get("notes.title"), "notes-title");
    ui::text(t.format("notes.count", {{"count", std::to_string(n.unread)}}), "notes-count",
             ui::Tone::muted);
    if (ui::button(ui::labelled(t.get("notes.read_all"), "read-all"), ui::ButtonKind::secondary,
                   n.unread == 0))
        intents.push_back(client::FollowIntent{client::MarkAllRead{}});
    if (!n.list_loaded) ui::text(t.get("app.loading"), "notes-loading", ui::Tone::muted);
    else if (n.list.items.empty()) ui::text(t.get("notes.empty"), "notes-empty", ui::Tone::muted);
    for (const auto& v : n.list.items) item(state, v, intents);
    ImGui::Dummy(ImVec2(0, 8));
    settings(state, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
