// #/setup/CODE: the first start (platform administrator, first street and community), and
// #/reset[/CODE]: a new password with the reset code the community administrator gave.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

void to_login_button(const ClientState& state, Intents& intents) {
    if (ui::button(ui::labelled(state.strings.get("reset.to_login"), "to-login"),
                   ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::login}, false});
}

}  // namespace

void draw_setup(const ClientState& state, SetupUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_narrow_card(card);
    ui::heading(t.get("setup.title"), "setup-title");
    const auto& needed = state.admin.setup_needed;
    if (!needed) {
        ui::text(t.get("app.loading"), "setup-checking", ui::Tone::muted);
        ui::end_narrow_card(card);
        return;
    }
    if (!*needed) {
        ui::text(t.get("setup.already_done"), "setup-done");
        to_login_button(state, intents);
        ui::end_narrow_card(card);
        return;
    }
    ui::text(t.get("setup.hint"), "setup-hint", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));
    ui::input_text(ui::labelled(t.get("setup.code"), "code"), ui.code,
                   ImGuiInputTextFlags_CharsUppercase, ui.focus_first && ui.code.empty());
    ui::input_text(ui::labelled(t.get("setup.login"), "login"), ui.login, 0,
                   ui.focus_first && !ui.code.empty());
    ui.focus_first = false;
    ui::text(t.get("register.login_rule"), "login-rule", ui::Tone::muted);
    ui::input_text(ui::labelled(t.get("setup.name"), "name"), ui.name);
    ui::input_text(ui::labelled(t.get("setup.password"), "password"), ui.password,
                   ImGuiInputTextFlags_Password);
    ui::text(t.get("register.password_rule"), "password-rule", ui::Tone::muted);
    ui::input_text(ui::labelled(t.get("setup.password_again"), "password-again"),
                   ui.password_again, ImGuiInputTextFlags_Password);
    ui::input_text(ui::labelled(t.get("setup.street"), "street"), ui.street);
    bool submit = ui::input_text(ui::labelled(t.get("setup.community"), "community"),
                                 ui.community, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Dummy(ImVec2(0, 4));
    submit |= ui::button(ui::labelled(t.get("setup.submit"), "setup-submit"),
                         ui::ButtonKind::primary, state.submitting, card.inner_width());
    ui::end_narrow_card(card);
    if (submit && !state.submitting)
        intents.push_back(client::AdminIntent{client::Setup{
            ui.code, ui.login, ui.name, ui.password, ui.password_again, ui.street, ui.community}});
}

void draw_reset(const ClientState& state, ResetUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_narrow_card(card);
    ui::heading(t.get("reset.title"), "reset-title");
    ui::text(t.get("reset.hint"), "reset-hint", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));
    ui::input_text(ui::labelled(t.get("reset.code"), "code"), ui.code,
                   ImGuiInputTextFlags_CharsUppercase);
    ui::input_text(ui::labelled(t.get("reset.password"), "password"), ui.password,
                   ImGuiInputTextFlags_Password);
    ui::text(t.get("register.password_rule"), "password-rule", ui::Tone::muted);
    bool submit = ui::input_text(ui::labelled(t.get("reset.password_again"), "password-again"),
                                 ui.password_again,
                                 ImGuiInputTextFlags_Password |
                                     ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::Dummy(ImVec2(0, 4));
    submit |= ui::button(ui::labelled(t.get("reset.submit"), "reset-submit"),
                         ui::ButtonKind::primary, state.submitting, card.inner_width());
    to_login_button(state, intents);
    ui::end_narrow_card(card);
    if (submit && !state.submitting)
        intents.push_back(client::AdminIntent{
            client::ResetPassword{ui.code, ui.password, ui.password_again}});
}

}  // namespace yishi::web
