// Questions asked before an act that cannot be taken back (a vote, 退出登录, 宣布闭会): a modal
// dialog named in the address, so that Back closes it like 取消 and Escape do.
#include <algorithm>

#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"

namespace yishi::web {

ConfirmAnswer draw_confirmation(const Confirmation& q) {
    ConfirmAnswer answer = ConfirmAnswer::none;
    if (q.wanted && !ImGui::IsPopupOpen(q.popup)) ImGui::OpenPopup(q.popup);
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 32.0f, 480.0f), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    if (ImGui::BeginPopupModal(q.popup, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings)) {
        if (!q.wanted) {
            ImGui::CloseCurrentPopup();  // Back (or the reply) closed it
        } else {
            ImGui::PushTextWrapPos(0);
            ui::heading(q.title, q.title_id.empty() ? q.id + "-title" : q.title_id);
            ui::text(q.text, q.text_id.empty() ? q.id + "-text" : q.text_id);
            ImGui::PopTextWrapPos();
            float w = ui::avail_width();
            if (ui::button(ui::labelled(q.confirm_label, "confirm-" + q.id),
                           ui::ButtonKind::primary, q.busy, w))
                answer = ConfirmAnswer::confirm;
            if (ui::button(ui::labelled(q.cancel_label, "cancel-" + q.id),
                           ui::ButtonKind::secondary, false, w) ||
                ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
                answer = ConfirmAnswer::cancel;
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    return answer;
}

void confirm_logout(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    Confirmation q{"##confirm-logout-modal", "logout", state.route.modal == "confirm-logout",
                   t.get("confirm.logout_title"), t.get("confirm.logout_text"),
                   t.get("confirm.logout"), t.get("confirm.cancel"), false};
    switch (draw_confirmation(q)) {
        case ConfirmAnswer::confirm: intents.push_back(client::Logout{}); break;
        case ConfirmAnswer::cancel: intents.push_back(client::CloseModal{}); break;
        case ConfirmAnswer::none: break;
    }
}

// Closing returns the items without a ballot to the period's list: the convenor is told which.
void confirm_close_session(const ClientState& state, const SessionView& v, Intents& intents) {
    const auto& t = state.strings;
    std::string titles;
    for (const auto& a : client::unballoted_items(v))
        titles += (titles.empty() ? "" : "、") + a.title;
    Confirmation q{"##confirm-close-modal", "close-session",
                   state.route.modal == "confirm-close" && v.session.state == SessionState::open,
                   t.get("session.confirm_close_title"),
                   titles.empty() ? t.get("confirm.close_session_text")
                                  : t.format("session.confirm_close_text", {{"titles", titles}}),
                   t.get("session.confirm_close"), t.get("session.keep_open"), state.submitting};
    switch (draw_confirmation(q)) {
        case ConfirmAnswer::confirm:
            intents.push_back(client::SessionStep{v.session.id, "close"});
            break;
        case ConfirmAnswer::cancel: intents.push_back(client::CloseModal{}); break;
        case ConfirmAnswer::none: break;
    }
}

}  // namespace yishi::web
