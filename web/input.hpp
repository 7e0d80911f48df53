// InputQueue: page events → ImGui 1.86's per-frame input state, a few at a time.
// ImGui 1.86 samples KeysDown/MouseDown once per frame, so a press and release arriving
// between two frames would be lost; the queue spreads them over consecutive frames.
#pragma once
#include <deque>

#include "platform.hpp"

struct ImGuiIO;

namespace yishi::web {

class InputQueue {
public:
    void push(InputEvent e) { events_.push_back(std::move(e)); }

    // Applies events for one frame, stopping before one that would overwrite a change
    // ImGui has not seen yet (the same key or button twice, text after a key).
    // A paste becomes Ctrl+V for ImGui, which then reads the text from the clipboard
    // callback: one edit, replacing the selection, undone in one step.
    void feed(ImGuiIO& io);

    bool empty() const { return events_.empty(); }

private:
    std::deque<InputEvent> events_;
    int mods_ = 0;  // modifiers held, as last reported by the page
};

// Points ImGui's KeyMap at the key indices js/shell.js sends.
void map_keys(ImGuiIO& io);

}  // namespace yishi::web
