// Yishi's look: a light, high-contrast theme with large targets for older residents.
#pragma once
#include "imgui.h"

namespace yishi::web::theme {

constexpr ImU32 kPrimary = IM_COL32(183, 28, 28, 255);        // civic red
constexpr ImU32 kPrimaryHover = IM_COL32(211, 47, 47, 255);
constexpr ImU32 kPrimaryActive = IM_COL32(140, 20, 20, 255);
constexpr ImU32 kPage = IM_COL32(244, 245, 247, 255);
constexpr ImU32 kCard = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kBorder = IM_COL32(218, 220, 224, 255);
constexpr ImU32 kText = IM_COL32(31, 35, 41, 255);
constexpr ImU32 kMuted = IM_COL32(100, 106, 115, 255);
constexpr ImU32 kOnPrimary = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kErrorBg = IM_COL32(253, 236, 234, 255);
constexpr ImU32 kErrorText = IM_COL32(170, 24, 24, 255);
constexpr ImU32 kSuccessBg = IM_COL32(232, 245, 233, 255);
constexpr ImU32 kSuccessText = IM_COL32(27, 94, 32, 255);
constexpr ImU32 kCollectingBg = IM_COL32(255, 243, 224, 255);
constexpr ImU32 kCollectingText = IM_COL32(191, 54, 12, 255);
constexpr ImU32 kListedBg = IM_COL32(232, 245, 233, 255);
constexpr ImU32 kListedText = IM_COL32(27, 94, 32, 255);

constexpr float kColumnMax = 720.0f;  // CSS px: a readable line on desktops
constexpr float kGap = 12.0f;

void apply(ImGuiStyle& style);

}  // namespace yishi::web::theme
