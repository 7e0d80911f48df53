// #/settings: 语言, 字号 (three sizes for older eyes, kept across visits), 高对比度.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

void draw_settings(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 24.0f);
    ui::heading(t.get("settings.title"), "settings-title");

    ui::text(t.get("settings.language"), "language-label", ui::Tone::muted);
    bool zh = t.language() != "en";
    if (ui::choice(ui::labelled("中文", "lang-zh"), zh) && !zh)
        intents.push_back(client::SwitchLanguage{"zh-CN"});
    ImGui::SameLine();
    if (ui::choice(ui::labelled("English", "lang-en"), !zh) && zh)
        intents.push_back(client::SwitchLanguage{"en"});

    ImGui::Dummy(ImVec2(0, 4));
    ui::text(t.get("settings.text_size"), "size-label", ui::Tone::muted);
    static constexpr const char* kSizeKeys[client::kTextSizes] = {
        "settings.size_normal", "settings.size_large", "settings.size_larger"};
    float right = card.start.x + card.width - card.padding;
    for (int i = 0; i < client::kTextSizes; ++i) {
        std::string label = ui::labelled(t.get(kSizeKeys[i]), "size-" + std::to_string(i));
        ui::flow(ui::button_width(label), right, i == 0);
        if (ui::choice(label, state.settings.text_size == i))
            intents.push_back(client::SetTextSize{i});
    }
    ui::text(t.get("settings.size_sample"), "size-sample");

    ImGui::Dummy(ImVec2(0, 4));
    ui::text(t.get("settings.contrast"), "contrast-label", ui::Tone::muted);
    bool hc = state.settings.high_contrast;
    if (ui::choice(ui::labelled(t.get("settings.contrast_normal"), "contrast-normal"), !hc) && hc)
        intents.push_back(client::SetHighContrast{false});
    ImGui::SameLine();
    if (ui::choice(ui::labelled(t.get("settings.contrast_high"), "contrast-high"), hc) && !hc)
        intents.push_back(client::SetHighContrast{true});
    ImGui::Dummy(ImVec2(0, 4));
    read_aloud_setting(state, intents);

    ImGui::Dummy(ImVec2(0, 4));
    ui::text(t.get("elder.setting"), "elder-label", ui::Tone::muted);
    bool elder = state.settings.elder;
    if (ui::choice(ui::labelled(t.get("elder.on"), "elder-on"), elder) && !elder)
        intents.push_back(client::SetElder{true});
    ImGui::SameLine();
    if (ui::choice(ui::labelled(t.get("elder.off"), "elder-off"), !elder) && elder)
        intents.push_back(client::SetElder{false});
    ui::text(t.get("elder.hint"), "elder-hint", ui::Tone::muted);
    ui::text(t.get("settings.kept"), "kept", ui::Tone::muted);
    ui::end_card(card);
}

}  // namespace yishi::web
