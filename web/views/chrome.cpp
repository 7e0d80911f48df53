// The frame around every screen: the top bar and the error/notice banners.
#include <algorithm>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

// A coloured strip with a message and a 关闭 button.
void banner(const std::string& message, std::string_view id, ImU32 bg, ImU32 fg,
            const std::string& dismiss_label, std::string_view dismiss_id, float x, float width,
            bool& dismissed) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 start(x, ImGui::GetCursorScreenPos().y);
    ImDrawListSplitter split;
    split.Split(dl, 2);
    split.SetCurrentChannel(dl, 1);
    float button_w = ImGui::CalcTextSize(dismiss_label.c_str()).x +
                     ImGui::GetStyle().FramePadding.x * 2;
    ui::push_background(bg);
    ImGui::SetCursorScreenPos(ImVec2(start.x + 12, start.y + 8));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 36 - button_w);
    ImGui::AlignTextToFramePadding();
    ui::text(message, id, fg == theme::colors().error_text ? ui::Tone::error : ui::Tone::success);
    // A refusal is read out at once (an alert); a confirmation goes to the polite live region.
    if (id == "error") ui::set_aria("alert");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + 8;
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - button_w - 8, start.y + 8));
    dismissed = ui::button(ui::labelled(dismiss_label, dismiss_id), ui::ButtonKind::quiet);
    bottom = std::max(bottom, ImGui::GetItemRectMax().y + 8);
    ui::pop_background();
    split.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(start, ImVec2(start.x + width, bottom), bg, 8.0f);
    split.Merge(dl);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, bottom - start.y));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
}

// 消息 with the unread count, on every screen's bar: the way to the notification centre.
std::string badge_label(const ClientState& state) {
    const auto& t = state.strings;
    std::int64_t n = state.follow.notes.unread;
    std::string label = n > 0 ? t.format("notes.badge", {{"count", n > 99 ? "99+" : std::to_string(n)}})
                              : t.get("notes.badge_none");
    return ui::labelled(label, "unread-badge");
}

void unread_badge(const ClientState& state, Intents& intents, float right, float y) {
    if (!state.confirmed()) return;
    std::string label = badge_label(state);
    float w = ui::button_width(label);
    ImGui::SetCursorScreenPos(ImVec2(right - w - 12, y));
    bool unread = state.follow.notes.unread > 0;
    // Unread: white on the red bar, so that it catches the eye.
    if (unread) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().on_primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().on_primary);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().primary);
    }
    if (ui::button(label))
        intents.push_back(client::Navigate{client::Route{client::Page::notifications}, false});
    if (unread) ImGui::PopStyleColor(3);
}

}  // namespace

void draw_header(const ClientState& state, Intents& intents, float column_x, float column_w) {
    const auto& t = state.strings;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Tall enough for the buttons on it, which 长辈版 makes taller.
    const float bar_h = std::max(60.0f, ImGui::GetFrameHeight() + 12.0f);
    ImVec2 origin(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);
    dl->AddRectFilled(origin, ImVec2(origin.x + ImGui::GetWindowWidth(), origin.y + bar_h),
                      theme::colors().primary);

    float row_y = origin.y + (bar_h - ImGui::GetFrameHeight()) * 0.5f;
    ui::push_background(theme::colors().primary);
    ImGui::SetCursorScreenPos(ImVec2(column_x, row_y));
    ImGui::AlignTextToFramePadding();
    ui::text(t.get("app.name"), "app-name", ui::Tone::on_primary);
    if (state.loading()) {
        ImGui::SameLine(0, 16);
        ImGui::AlignTextToFramePadding();
        ui::spinner(9.0f, theme::colors().on_primary);
        ImGui::SameLine(0, 6);
        ImGui::AlignTextToFramePadding();
        ui::text(t.get("app.loading"), "loading", ui::Tone::on_primary);
    }

    // Right-aligned: who is logged in and 退出登录; logged out, the language switch.
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().on_primary);
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(255, 255, 255, 160));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().primary_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().primary_active);
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    float right = column_x + column_w;
    if (state.logged_in()) {
        const std::string& logout = t.get("header.logout");
        std::string who = state.session.member.name.empty()
                              ? std::string()
                              : t.format("header.member", {{"name", state.session.member.name},
                                                           {"login", state.session.member.login}});
        float logout_w = ImGui::CalcTextSize(logout.c_str()).x + pad;
        float who_w = ImGui::CalcTextSize(who.c_str()).x;
        float badge_w = ui::button_width(badge_label(state)) + 12;
        bool room_for_name =
            right - logout_w - who_w - 12 - badge_w > ImGui::GetItemRectMax().x + 24;
        if (!who.empty() && room_for_name) {
            ImGui::SetCursorScreenPos(ImVec2(right - logout_w - who_w - 12, row_y));
            ImGui::AlignTextToFramePadding();
            ui::text(who, "member", ui::Tone::on_primary);
        }
        ImGui::SetCursorScreenPos(ImVec2(right - logout_w, row_y));
        if (ui::button(ui::labelled(logout, "logout")))
            intents.push_back(client::OpenModal{"confirm-logout"});
        unread_badge(state, intents, right - logout_w - (room_for_name ? who_w + 12 : 0), row_y);
    } else {
        const std::string& other = t.get("app.language");
        float w = ImGui::CalcTextSize(other.c_str()).x + pad;
        ImGui::SetCursorScreenPos(ImVec2(right - w, row_y));
        if (ui::button(ui::labelled(other, "language")))
            intents.push_back(client::SwitchLanguage{t.language() == "en" ? "zh-CN" : "en"});
    }
    ImGui::PopStyleColor(5);
    ui::pop_background();
    if (state.logged_in()) confirm_logout(state, intents);
    ImGui::SetCursorScreenPos(ImVec2(column_x, origin.y + bar_h + theme::kGap));
}

void draw_page(const ClientState& state, Screens& screens, Intents& intents) {
    using client::Page;
    switch (state.route.page) {
        case Page::login: return draw_login(state, screens.login, intents);
        case Page::register_account:
            return draw_register(state, screens.register_account, intents);
        case Page::home: return draw_home(state, intents);
        case Page::issues: return draw_issues(state, screens.issues, intents);
        case Page::issue: return draw_issue(state, screens.issue, intents);
        case Page::new_issue: return draw_raise_issue(state, screens.raise, intents);
        case Page::settings: return draw_settings(state, intents);
        case Page::sessions: return draw_sessions(state, screens.sessions, intents);
        case Page::session: return draw_session(state, screens.session, intents);
        case Page::ballot: return draw_ballot(state, screens.ballot, intents);
        case Page::notices: return draw_notices(state, intents);
        case Page::tasks: return draw_tasks(state, intents);
        case Page::task: return draw_task(state, screens.task, intents);
        case Page::setup: return draw_setup(state, screens.setup, intents);
        case Page::reset_password: return draw_reset(state, screens.reset, intents);
        case Page::admin: return draw_admin(state, screens.admin, screens.cppcc_admin, intents);
        case Page::cppccs: return draw_cppccs(state, intents);
        case Page::cppcc: return draw_cppcc(state, screens.cppcc, intents);
        case Page::consultation:
            return draw_consultation(state, screens.consultation, intents);
        case Page::consultation_record:
            return draw_consultation_record(state, screens.record, intents);
        case Page::consultation_tasks:
            return draw_consultation_tasks(state, screens.consultation_tasks, intents);
        case Page::admin_community:
            return draw_admin_community(state, screens.community, intents);
        case Page::notifications: return draw_notifications(state, intents);
        case Page::board: return draw_board(state, screens.board, intents);
        case Page::report: return draw_report(state, intents);
    }
}

void Screens::enter(const client::Route& route) {
    using client::Page;
    switch (route.page) {
        case Page::login: login.on_enter(); break;
        case Page::register_account:
            register_account.on_enter();
            if (!route.code.empty()) register_account.code = route.code;
            break;
        case Page::setup: setup.on_enter(route); break;
        case Page::reset_password: reset.on_enter(route); break;
        case Page::admin_community: community.on_enter(); break;
        case Page::issues: issues.on_enter(); break;
        case Page::issue: issue.on_enter(); break;
        case Page::new_issue: raise.on_enter(); break;
        case Page::session: session.on_enter(); break;
        case Page::ballot: ballot.on_enter(); break;
        case Page::consultation: consultation.on_enter(); break;
        case Page::consultation_record: record.on_enter(); break;
        default: break;
    }
}

void draw_messages(const ClientState& state, Intents& intents, float column_x, float column_w) {
    const auto& dismiss = state.strings.get("app.dismiss");
    bool closed = false;
    if (!state.error.empty()) {
        banner(state.shown(state.error), "error", theme::colors().error_bg, theme::colors().error_text, dismiss,
               "dismiss-error", column_x, column_w, closed);
        if (closed) intents.push_back(client::DismissError{});
    }
    if (!state.notice.empty()) {
        banner(state.shown(state.notice), "notice", theme::colors().success_bg, theme::colors().success_text,
               dismiss, "dismiss-notice", column_x, column_w, closed);
        if (closed) intents.push_back(client::DismissNotice{});
    }
}

}  // namespace yishi::web
