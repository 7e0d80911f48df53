// The screen-reader mirror: page events in, element lists and announcements out.
#include "mirror.hpp"

#include <cmath>
#include <functional>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"
#include "yishi/client/route.hpp"
#include "yishi/messages.hpp"

namespace yishi::web::mirror {

namespace {

std::string_view key_of(std::string_view id) {
    auto pos = id.find("##");
    return pos == std::string_view::npos ? id : id.substr(pos + 2);
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

const ui::WidgetRecord* find(const ui::WidgetLog& log, std::string_view key) {
    for (const auto& r : log.records())
        if (key_of(r.id) == key) return &r;
    return nullptr;
}

}  // namespace

void take_events(Mirror& m, std::vector<MirrorEvent>& events, ui::MirrorAsks& asks,
                 const client::ClientState& state, client::Intents& intents) {
    (void)m;
    for (auto& e : events) {
        switch (e.kind) {
            case MirrorEvent::Kind::press: asks.press = e.key; break;
            case MirrorEvent::Kind::submit: asks.submit = e.key; break;
            case MirrorEvent::Kind::text: asks.texts.emplace_back(e.key, std::move(e.text)); break;
            case MirrorEvent::Kind::focus:
                asks.reveal = !e.key.empty() && e.key != asks.focus;
                asks.focus = e.key;
                // The keys go to the mirror's element now: ImGui stops editing its field, so
                // that the element's text and the widget's stay one.
                if (!e.key.empty() && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
                break;
            case MirrorEvent::Kind::escape:
                if (!state.route.modal.empty()) intents.push_back(client::CloseModal{});
                break;
        }
    }
    events.clear();
}

void draw_focus_ring(const ui::WidgetLog& log, const std::string& focus) {
    if (focus.empty()) return;
    const ui::WidgetRecord* r = find(log, focus);
    if (!r || r->w <= 0 || r->h <= 0) return;
    // Two rings, dark outside light, so that the ring shows on any background (WCAG 2.4.7).
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImVec2 min(r->x - 3, r->y - 3), max(r->x + r->w + 3, r->y + r->h + 3);
    dl->AddRect(ImVec2(min.x - 2, min.y - 2), ImVec2(max.x + 2, max.y + 2),
                IM_COL32(255, 255, 255, 255), 8.0f, 0, 2.0f);
    dl->AddRect(min, max, IM_COL32(0, 90, 200, 255), 6.0f, 0, 3.0f);
}

std::string elements_json(const ui::WidgetLog& log, const std::string& route) {
    Json nodes = Json::array();
    for (const auto& r : log.records()) {
        if (r.w <= 0 || r.h <= 0) continue;
        Json n{{"k", std::string(key_of(r.id))},
               {"r", r.aria},
               {"n", r.label},
               {"x", std::lround(r.x)},
               {"y", std::lround(r.y)},
               {"w", std::lround(r.w)},
               {"h", std::lround(r.h)}};
        if (r.aria == "textbox") {
            n["v"] = r.password ? std::string() : r.value;
            if (r.password) n["p"] = true;
            if (r.multiline) n["ml"] = true;
            if (r.editing) n["f"] = true;
        } else if (r.value != r.label) {
            n["v"] = r.value;
        }
        if (r.disabled) n["d"] = true;
        if (r.checked >= 0) n["c"] = r.checked != 0;
        if (r.expanded >= 0) n["e"] = r.expanded != 0;
        if (r.modal) n["m"] = true;
        nodes.push_back(std::move(n));
    }
    Json out{{"route", route}, {"nodes", std::move(nodes)}};
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

// What appeared this frame that a person who cannot see the screen must hear.
void announce(Mirror& m, const ui::WidgetLog& log, const client::ClientState& state,
              bool same_screen) {
    std::string notice = state.shown(state.notice);
    if (notice != m.notice && !notice.empty()) platform_announce(notice, false);
    m.notice = notice;
    std::set<std::string> keys;
    for (const auto& r : log.records()) keys.emplace(key_of(r.id));
    for (const auto& r : log.records()) {
        std::string key(key_of(r.id));
        if (m.keys.count(key)) continue;
        if (!same_screen) continue;  // a screen just opened is read by the reader itself
        if (key == "counted") platform_announce(r.label, false);
        else if (key == "refusal") platform_announce(r.label, true);
        else if (starts_with(key, "todo-ballot-")) {
            // A ballot opened while 首页 was shown: its line of the to-do list.
            const ui::WidgetRecord* line = find(log, "todo-text-" + key.substr(5));
            platform_announce(line ? line->value : r.label, false);
        }
    }
    m.keys = std::move(keys);
}

}  // namespace

void sync(Mirror& m, const ui::WidgetLog& log, const client::ClientState& state) {
    if (!m.enabled) return;
    std::string route(client::to_hash(state.route));
    // The same page under a modal or after it closed (a vote confirmed) is the same screen.
    std::string screen(client::to_hash(client::Route{state.route.page, state.route.id}));
    announce(m, log, state, screen == m.route);
    m.route = screen;
    std::string json = elements_json(log, route);
    std::uint64_t hash = std::hash<std::string>{}(json);
    if (m.sent && hash == m.hash) return;
    m.hash = hash;
    m.sent = true;
    platform_mirror(json);
}

}  // namespace yishi::web::mirror
