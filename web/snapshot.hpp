// window.yishi.snapshot(): the screen as browser tests see it (contract in web/README.md).
#pragma once
#include <cstdint>
#include <string>

#include "widgets.hpp"
#include "yishi/client/state.hpp"

namespace yishi::web {

struct SnapshotInputs {
    const client::ClientState& state;
    const ui::WidgetLog& widgets;
    int font_glyphs = 0;
    bool ready = false;
    bool text_input = false;  // ImGui is editing a field (the textarea has focus)
    std::uint64_t frames = 0;  // frames drawn since start: idle pages must not add any
    std::string focus;  // key of the widget focused from the keyboard (outlined on the canvas)
};

std::string snapshot_json(const SnapshotInputs& in);

}  // namespace yishi::web
