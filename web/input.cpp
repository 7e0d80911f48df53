// InputQueue: trickling page events into ImGuiIO, one consistent state per frame.
#include "input.hpp"

#include <cfloat>
#include <cstring>

#include "imgui.h"

namespace yishi::web {

void map_keys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = kKeyTab;
    io.KeyMap[ImGuiKey_LeftArrow] = kKeyLeft;
    io.KeyMap[ImGuiKey_RightArrow] = kKeyRight;
    io.KeyMap[ImGuiKey_UpArrow] = kKeyUp;
    io.KeyMap[ImGuiKey_DownArrow] = kKeyDown;
    io.KeyMap[ImGuiKey_PageUp] = kKeyPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kKeyPageDown;
    io.KeyMap[ImGuiKey_Home] = kKeyHome;
    io.KeyMap[ImGuiKey_End] = kKeyEnd;
    io.KeyMap[ImGuiKey_Insert] = kKeyInsert;
    io.KeyMap[ImGuiKey_Delete] = kKeyDelete;
    io.KeyMap[ImGuiKey_Backspace] = kKeyBackspace;
    io.KeyMap[ImGuiKey_Space] = kKeySpace;
    io.KeyMap[ImGuiKey_Enter] = kKeyEnter;
    io.KeyMap[ImGuiKey_Escape] = kKeyEscape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = kKeyEnter;
    io.KeyMap[ImGuiKey_A] = kKeyA;
    io.KeyMap[ImGuiKey_C] = kKeyC;
    io.KeyMap[ImGuiKey_V] = kKeyV;
    io.KeyMap[ImGuiKey_X] = kKeyX;
    io.KeyMap[ImGuiKey_Y] = kKeyY;
    io.KeyMap[ImGuiKey_Z] = kKeyZ;
}

namespace {
void set_mods(ImGuiIO& io, int mods) {
    io.KeyCtrl = mods & kModCtrl;
    io.KeyShift = mods & kModShift;
    io.KeyAlt = mods & kModAlt;
    io.KeySuper = mods & kModSuper;
}
}  // namespace

void InputQueue::feed(ImGuiIO& io) {
    bool key_changed[512] = {};
    bool button_changed[5] = {};
    bool any_button = false, any_key = false;
    while (!events_.empty()) {
        InputEvent& e = events_.front();
        switch (e.kind) {
            case InputEvent::Kind::mouse_move:
                // A press must be seen where it happened, before the pointer moves on.
                if (any_button) return;
                io.MousePos = e.x < -1e4f ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(e.x, e.y);
                break;
            case InputEvent::Kind::mouse_button:
                if (e.button < 0 || e.button >= 5) break;
                if (button_changed[e.button]) return;
                io.MouseDown[e.button] = e.down;
                button_changed[e.button] = any_button = true;
                break;
            case InputEvent::Kind::wheel:
                io.MouseWheelH += e.x;
                io.MouseWheel += e.y;
                break;
            case InputEvent::Kind::key:
                if (e.key <= 0 || e.key >= 512) break;
                if (key_changed[e.key]) return;
                io.KeysDown[e.key] = e.down;
                mods_ = e.mods;
                set_mods(io, mods_);
                key_changed[e.key] = any_key = true;
                break;
            case InputEvent::Kind::paste:
                if (any_key) return;
                // Ctrl+V alone for one frame; the release restores the real modifiers.
                io.KeysDown[kKeyV] = true;
                set_mods(io, kModCtrl);
                key_changed[kKeyV] = any_key = true;
                e.kind = InputEvent::Kind::key;
                e.key = kKeyV;
                e.down = false;
                e.mods = mods_;
                continue;  // the release stays queued for the next frame
            case InputEvent::Kind::text:
                // ImGui reads text before keys within a frame: keep typed order.
                if (any_key) return;
                io.AddInputCharactersUTF8(e.text.c_str());
                break;
            case InputEvent::Kind::focus_lost:
                std::memset(io.KeysDown, 0, sizeof(io.KeysDown));
                std::memset(io.MouseDown, 0, sizeof(io.MouseDown));
                mods_ = 0;
                set_mods(io, 0);
                break;
        }
        events_.pop_front();
    }
}

}  // namespace yishi::web
