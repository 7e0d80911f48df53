// #/login: 账号, 密码, 登录, a hint with the demo accounts, and the way to 注册.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

void draw_login(const ClientState& state, LoginUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_narrow_card(card);
    // 长辈版 in one tap, before anything has to be read in small type.
    bool elder = state.settings.elder;
    if (ui::choice(ui::labelled(t.get(elder ? "elder.toggle_off" : "elder.toggle_on"),
                                "elder-toggle"),
                   elder))
        intents.push_back(client::SetElder{!elder});
    ui::heading(t.get("login.title"), "login-title");
    ui::text(t.get("login.subtitle"), "login-subtitle", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));

    bool submit = false;
    ui::input_text(ui::labelled(t.get("login.login"), "login"), ui.login, 0, ui.focus_first);
    ui.focus_first = false;
    // Enter in the password field logs in, as in any login form.
    submit |= ui::input_text(ui::labelled(t.get("login.password"), "password"), ui.password,
                             ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Dummy(ImVec2(0, 4));
    submit |= ui::button(ui::labelled(t.get("login.submit"), "login-submit"),
                         ui::ButtonKind::primary, state.submitting, card.inner_width());
    ui::text(t.get("login.demo_hint"), "demo-hint", ui::Tone::muted);
    // Residents with an invite code from the community register here.
    if (ui::button(ui::labelled(t.get("login.to_register"), "to-register"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::register_account}, false});
    // Residents have no e-mail: the community administrator hands out a reset code.
    if (ui::button(ui::labelled(t.get("login.to_reset"), "to-reset"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::reset_password}, false});
    ui::end_narrow_card(card);
    if (submit && !state.submitting) intents.push_back(client::Login{ui.login, ui.password});
}

}  // namespace yishi::web
