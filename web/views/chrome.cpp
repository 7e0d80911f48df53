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
    ImGui::SetCursorScreenPos(ImVec2(start.x + 12, start.y + 8));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 36 - button_w);
    ImGui::AlignTextToFramePadding();
    ui::text(message, id, fg == theme::kErrorText ? ui::Tone::error : ui::Tone::success);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + 8;
    ImGui::SetCursorScreenPos(ImVec2(start.x + width - button_w - 8, start.y + 8));
    dismissed = ui::button(ui::labelled(dismiss_label, dismiss_id), ui::ButtonKind::quiet);
    bottom = std::max(bottom, ImGui::GetItemRectMax().y + 8);
    split.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(start, ImVec2(start.x + width, bottom), bg, 8.0f);
    split.Merge(dl);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, bottom - start.y));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
}

}  // namespace

void draw_header(const ClientState& state, Intents& intents, float column_x, float column_w) {
    const auto& t = state.strings;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar_h = 60.0f;
    ImVec2 origin(ImGui::GetWindowPos().x, ImGui::GetCursorScreenPos().y);
    dl->AddRectFilled(origin, ImVec2(origin.x + ImGui::GetWindowWidth(), origin.y + bar_h),
                      theme::kPrimary);

    float row_y = origin.y + (bar_h - ImGui::GetFrameHeight()) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(column_x, row_y));
    ImGui::AlignTextToFramePadding();
    ui::text(t.get("app.name"), "app-name", ui::Tone::on_primary);
    if (state.loading()) {
        ImGui::SameLine(0, 16);
        ImGui::AlignTextToFramePadding();
        ui::spinner(9.0f, theme::kOnPrimary);
        ImGui::SameLine(0, 6);
        ImGui::AlignTextToFramePadding();
        ui::text(t.get("app.loading"), "loading", ui::Tone::on_primary);
    }

    // Right-aligned: who is logged in and 退出登录; logged out, the language switch.
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnPrimary);
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(255, 255, 255, 160));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::kPrimaryHover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::kPrimaryActive);
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
        bool room_for_name = right - logout_w - who_w - 12 > ImGui::GetItemRectMax().x + 24;
        if (!who.empty() && room_for_name) {
            ImGui::SetCursorScreenPos(ImVec2(right - logout_w - who_w - 12, row_y));
            ImGui::AlignTextToFramePadding();
            ui::text(who, "member", ui::Tone::on_primary);
        }
        ImGui::SetCursorScreenPos(ImVec2(right - logout_w, row_y));
        if (ui::button(ui::labelled(logout, "logout"))) intents.push_back(client::Logout{});
    } else {
        const std::string& other = t.get("app.language");
        float w = ImGui::CalcTextSize(other.c_str()).x + pad;
        ImGui::SetCursorScreenPos(ImVec2(right - w, row_y));
        if (ui::button(ui::labelled(other, "language")))
            intents.push_back(client::SwitchLanguage{t.language() == "en" ? "zh-CN" : "en"});
    }
    ImGui::PopStyleColor(5);
    ImGui::SetCursorScreenPos(ImVec2(column_x, origin.y + bar_h + theme::kGap));
}

void draw_messages(const ClientState& state, Intents& intents, float column_x, float column_w) {
    const auto& dismiss = state.strings.get("app.dismiss");
    bool closed = false;
    if (!state.error.empty()) {
        banner(state.shown(state.error), "error", theme::kErrorBg, theme::kErrorText, dismiss,
               "dismiss-error", column_x, column_w, closed);
        if (closed) intents.push_back(client::DismissError{});
    }
    if (!state.notice.empty()) {
        banner(state.shown(state.notice), "notice", theme::kSuccessBg, theme::kSuccessText,
               dismiss, "dismiss-notice", column_x, column_w, closed);
        if (closed) intents.push_back(client::DismissNotice{});
    }
}

}  // namespace yishi::web
