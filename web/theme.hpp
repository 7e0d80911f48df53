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
    ImU32 quiet, quiet_border;  // a quiet button's fill and outline (返回, 查看详情)
};

// The palette in use (set by apply()).
const Palette& colors();

constexpr float kColumnMax = 720.0f;  // CSS px: a readable line on desktops
constexpr float kWideColumnMax = 1100.0f;  // the convenor's console on a meeting-room PC
constexpr float kGap = 12.0f;

// Sets the palette and ImGui's style; call again when the contrast or 长辈版 setting changes.
void apply(ImGuiStyle& style, bool high_contrast, bool elder = false);

// The smallest tap target each way in CSS px: 44, or 60 in 长辈版 (the age-friendly rules).
float min_target();
bool elder();
// 长辈版's line spacing (line height over text size); 1 otherwise.
constexpr float kElderLineSpacing = 1.35f;

}  // namespace yishi::web::theme
