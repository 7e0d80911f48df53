// apply_speech(): 朗读 pressed, its end reported by the page, and the ballot-reading setting.
#include "yishi/client/apply.hpp"

namespace yishi::client {

namespace {

struct SpeechApplier {
    ClientState& state;

    void operator()(const ReadAloud&) {
        if (state.speech.speaking) return stop_speaking(state);
        std::string text = text_to_read(state);
        if (!text.empty()) speak(state, std::move(text));
    }

    // An older utterance's end (cut off by a newer one) leaves the newer one speaking.
    void operator()(const SpeechEnded& e) {
        if (e.serial != state.speech.serial || !state.speech.speaking) return;
        state.speech.speaking = false;
        // Pressed and silent: the device has no Mandarin voice, or the browser said no.
        if (e.failed) {
            state.error = {"speech.unavailable", {}};
            state.error_field.clear();
        }
    }

    void operator()(const SetReadBallotAloud& r) { state.settings.read_ballot_aloud = r.on; }
};

}  // namespace

void apply_speech(ClientState& state, const SpeechIntent& intent) {
    std::visit(SpeechApplier{state}, intent);
}

}  // namespace yishi::client
