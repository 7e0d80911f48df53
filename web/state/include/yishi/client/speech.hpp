// 朗读 (read aloud): the page's text composed for the browser's speech synthesis, in Mandarin,
// and what the platform is asked to say or stop. The state decides; the platform speaks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace yishi::client {

struct ClientState;

// The language the speech engine is asked to read in: the residents' Mandarin.
inline constexpr const char* kSpeechLanguage = "zh-CN";

// What the platform should do, consumed after each change, and what it is doing.
struct Speech {
    std::optional<std::string> say;  // an utterance to start (replacing any other)
    bool stop = false;               // cancel what is being said
    std::uint64_t serial = 0;        // the latest utterance; its end event names it
    bool speaking = false;           // the 朗读 button reads 停止朗读
    bool read_on_load = false;       // a ballot page opened with 朗读 chosen: read once loaded
};

// The text of the page shown, as read aloud: an issue ("议题：title。body"), a ballot (its
// question, then "选项一：…" each option), the notices in force (公示), a task's latest reply.
// Empty when the page has nothing to read or its data is not in yet.
std::string text_to_read(const ClientState& state);

// 一, 二, … 十, 十一, … 九十九: how an option's number is read in Chinese (n in 1..99; digits
// beyond).
std::string chinese_number(int n);

// Starts reading `text` (a new utterance), or stops what is being read.
void speak(ClientState& state, std::string text);
void stop_speaking(ClientState& state);

// After a reply: the ballot page that asked to be read when it opened, once its ballot is in.
void read_when_loaded(ClientState& state);

}  // namespace yishi::client
