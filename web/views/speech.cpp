// 朗读: the button on pages of text and its setting in 设置. What is read is composed in the
// state (client::text_to_read); the button only asks for it, or for silence.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

void read_aloud_button(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    bool speaking = state.speech.speaking;
    bool nothing = !speaking && client::text_to_read(state).empty();
    if (ui::button(ui::labelled(t.get(speaking ? "speech.stop" : "speech.read"), "read-aloud"),
                   ui::ButtonKind::secondary, nothing))
        intents.push_back(client::SpeechIntent{client::ReadAloud{}});
}

void read_aloud_setting(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    ui::text(t.get("speech.setting"), "read-ballot-label", ui::Tone::muted);
    bool on = state.settings.read_ballot_aloud;
    if (ui::choice(ui::labelled(t.get("speech.setting_on"), "read-ballot-on"), on) && !on)
        intents.push_back(client::SpeechIntent{client::SetReadBallotAloud{true}});
    ImGui::SameLine();
    if (ui::choice(ui::labelled(t.get("speech.setting_off"), "read-ballot-off"), !on) && on)
        intents.push_back(client::SpeechIntent{client::SetReadBallotAloud{false}});
}

}  // namespace yishi::web
