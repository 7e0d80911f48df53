// #/register: 邀请码 from the community, then one's own 账号 and 密码; 注册 logs in.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

void draw_register(const ClientState& state, RegisterUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_narrow_card(card);
    ui::heading(t.get("register.title"), "register-title");
    ui::text(t.get("register.hint"), "register-hint", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));
    ui::input_text(ui::labelled(t.get("register.code"), "code"), ui.code,
                   ImGuiInputTextFlags_CharsUppercase, ui.focus_first);
    ui.focus_first = false;
    ui::input_text(ui::labelled(t.get("register.login"), "login"), ui.login);
    ui::text(t.get("register.login_rule"), "login-rule", ui::Tone::muted);
    bool submit = ui::input_text(ui::labelled(t.get("register.password"), "password"),
                                 ui.password,
                                 ImGuiInputTextFlags_Password |
                                     ImGuiInputTextFlags_EnterReturnsTrue);
    ui::text(t.get("register.password_rule"), "password-rule", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));
    submit |= ui::button(ui::labelled(t.get("register.submit"), "register-submit"),
                         ui::ButtonKind::primary, state.submitting, card.inner_width());
    if (ui::button(ui::labelled(t.get("register.to_login"), "to-login"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::login}, false});
    ui::end_narrow_card(card);
    if (submit && !state.submitting)
        intents.push_back(client::Register{ui.code, ui.login, ui.password});
}

}  // namespace yishi::web
