// #/sessions: the council's sessions (会议) newest plan first; the convenor plans one (例会 or
// 临时会议); voting members ask for an extraordinary session (提议召开临时会议).
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

void plan_form(const ClientState& state, SessionsUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("sessions.plan"), "plan-title");
    if (ui::choice(ui::labelled(t.get("session_kind.regular"), "kind-regular"), !ui.extraordinary))
        ui.extraordinary = false;
    ImGui::SameLine();
    if (ui::choice(ui::labelled(t.get("session_kind.extraordinary"), "kind-extraordinary"),
                   ui.extraordinary))
        ui.extraordinary = true;
    ui::input_text(ui::labelled(t.get("sessions.starts_at"), "starts-at"), ui.starts_at);
    std::int64_t at = client::parse_local_date_time(ui.starts_at);
    ui::text(at ? t.format("sessions.starts_preview", {{"date", client::local_date_time(at)}})
                : t.get("sessions.starts_hint"),
             "starts-hint", at ? ui::Tone::muted : ui::Tone::normal);
    if (ui::button(ui::labelled(t.get("sessions.plan_submit"), "plan-submit"),
                   ui::ButtonKind::primary, state.submitting))
        intents.push_back(client::PlanSession{ui.extraordinary ? "extraordinary" : "regular", at});
    ui::end_card(card);
}

void demand_card(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& d = state.flow.demand;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("sessions.demand_title"), "demand-title");
    if (d)
        ui::text(t.format("sessions.demand_status", {{"n", std::to_string(d->demanded)},
                                                     {"of", std::to_string(d->voting_members)}}),
                 "demand-status");
    if (d && d->sufficient) ui::text(t.get("sessions.demand_enough"), "demand-enough", ui::Tone::success);
    if (state.actor().voting &&
        ui::button(ui::labelled(t.get("sessions.demand"), "demand"), ui::ButtonKind::secondary,
                   state.submitting))
        intents.push_back(client::DemandSession{});
    ui::end_card(card);
}

}  // namespace

const char* session_state_key(SessionState s) {
    switch (s) {
        case SessionState::planned: return "session_state.planned";
        case SessionState::noticed: return "session_state.noticed";
        case SessionState::open: return "session_state.open";
        case SessionState::closed: return "session_state.closed";
        case SessionState::cancelled: return "session_state.cancelled";
    }
    return "session_state.planned";
}

void draw_sessions(const ClientState& state, SessionsUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    ui::heading(t.get("sessions.title"), "sessions-title");
    const auto& list = state.flow.sessions;
    if (!state.flow.sessions_loaded) ui::text(t.get("app.loading"), "sessions-loading", ui::Tone::muted);
    else if (list.empty()) ui::text(t.get("sessions.empty"), "sessions-empty", ui::Tone::muted);
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        const Session& s = it->session;
        std::string n = std::to_string(s.id);
        ui::Card card;
        ui::begin_card(card, 16.0f);
        ui::text(t.format("sessions.item", {{"kind", t.get(std::string("session_kind.") + to_string(s.kind))},
                                            {"date", client::local_date_time(s.starts_at)}}),
                 "session-" + n);
        bool live = s.state == SessionState::open;
        ui::badge(t.get(session_state_key(s.state)), "session-state-" + n,
                  live ? c.collecting_bg : c.listed_bg, live ? c.collecting_text : c.listed_text);
        // One row when it fits; large text on a phone moves the count and the button down.
        float right = ImGui::GetItemRectMin().x + ui::avail_width();
        std::string count =
            t.format("sessions.agenda_count", {{"n", std::to_string(s.agenda.size())}});
        ui::flow(ImGui::CalcTextSize(count.c_str()).x, right, false);
        ImGui::AlignTextToFramePadding();
        ui::text(count, "agenda-count-" + n, ui::Tone::muted);
        std::string open = ui::labelled(t.get("sessions.open_console"), "open-session-" + n);
        ui::flow(ui::button_width(open), right, false);
        if (ui::button(open, ui::ButtonKind::primary))
            intents.push_back(client::Navigate{client::Route{client::Page::session, s.id, {}}, false});
        ui::end_card(card);
    }
    ImGui::Dummy(ImVec2(0, 4));
    if (state.is_convenor()) plan_form(state, ui, intents);
    demand_card(state, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
