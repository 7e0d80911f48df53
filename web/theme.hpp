// Yishi's look: a light theme with large targets for older residents, and a high-contrast
// one (高对比度: black on white, no greys, thicker borders) chosen in 设置.
#pragma once
#include "imgui.h"

namespace yishi::web::theme {

struct Palette {
    ImU32 primary, primary_hover, primary_active;  // civic red: the bar and main buttons
    ImU32 page, card, border, text, muted, on_primary;
    ImU32 error_bg, error_text, success_bg, success_text;
    ImU32 collecting_bg, collecting_text, listed_bg, listed_text;
    ImU32 yes, no, abstain;  // tally bars
    ImU32 line;              // quorum and pass lines on charts
};

// The palette in use (set by apply()).
const Palette& colors();

constexpr float kColumnMax = 720.0f;  // CSS px: a readable line on desktops
constexpr float kWideColumnMax = 1100.0f;  // the convenor's console on a meeting-room PC
constexpr float kGap = 12.0f;

// Sets the palette and ImGui's style; call again when the contrast setting changes.
void apply(ImGuiStyle& style, bool high_contrast);

}  // namespace yishi::web::theme
