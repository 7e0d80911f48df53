// 朗读: the page's text as spoken, and the speech the platform is asked for.
#include "yishi/client/speech.hpp"

#include "yishi/client/state.hpp"

namespace yishi::client {

namespace {

// Appends a sentence, ending it with 。 unless it ends with its own stop.
void sentence(std::string& out, const std::string& s) {
    if (s.empty()) return;
    out += s;
    for (const char* stop : {"。", "！", "？", "…", ".", "!", "?"}) {
        std::string_view end(stop);
        if (s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0)
            return;
    }
    out += "。";
}

std::string option_number(const Strings& t, int n) {
    return t.language() == "en" ? std::to_string(n) : chinese_number(n);
}

std::string ballot_text(const ClientState& state, const BallotView& b) {
    const auto& t = state.strings;
    std::string out;
    sentence(out, t.format("speech.ballot", {{"title", b.issue_title}}));
    std::vector<std::string> options = b.options;
    if (options.empty())
        for (const char* c : {"yes", "no", "abstain"}) options.push_back(t.get(std::string("choice.") + c));
    for (std::size_t i = 0; i < options.size(); ++i)
        sentence(out, t.format("speech.option", {{"n", option_number(t, static_cast<int>(i + 1))},
                                                 {"text", options[i]}}));
    return out;
}

}  // namespace

std::string chinese_number(int n) {
    static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 1 || n > 99) return std::to_string(n);
    if (n < 10) return kDigits[n];
    std::string out = n >= 20 ? kDigits[n / 10] : "";
    return out + "十" + kDigits[n % 10];
}

std::string text_to_read(const ClientState& state) {
    const auto& t = state.strings;
    std::string out;
    switch (state.route.page) {
        case Page::issue:
            if (const Issue* i = state.find_issue(state.route.id)) {
                sentence(out, t.format("speech.issue", {{"title", i->title}}));
                sentence(out, i->body);
            }
            break;
        case Page::ballot:
            if (const BallotView* b = state.find_ballot(state.route.id)) out = ballot_text(state, *b);
            break;
        case Page::notices:
            for (const auto& n : state.flow.notices)
                if (n.in_force) sentence(out, n.notice.text);
            break;
        case Page::task:
            if (const TaskView* task = state.find_task(state.route.id)) {
                sentence(out, t.format("speech.task", {{"title", task->issue_title}}));
                if (task->replies.empty()) sentence(out, t.get("task.no_reply"));
                else
                    sentence(out, t.format("speech.reply", {{"unit", task->responsible_unit},
                                                            {"text", task->replies.back().text}}));
            }
            break;
        default: break;
    }
    return out;
}

void speak(ClientState& state, std::string text) {
    state.speech.say = std::move(text);
    ++state.speech.serial;
    state.speech.speaking = true;
}

void stop_speaking(ClientState& state) {
    if (!state.speech.speaking && !state.speech.say) return;
    state.speech.say.reset();
    state.speech.stop = true;
    state.speech.speaking = false;
}

void read_when_loaded(ClientState& state) {
    if (!state.speech.read_on_load || state.route.page != Page::ballot) return;
    const BallotView* b = state.find_ballot(state.route.id);
    if (!b || !state.strings.loaded()) return;
    state.speech.read_on_load = false;
    speak(state, ballot_text(state, *b));
}

}  // namespace yishi::client
