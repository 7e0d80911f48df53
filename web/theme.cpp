// The two palettes and the ImGui style built from them (all sizes in CSS px).
#include "theme.hpp"

namespace yishi::web::theme {

namespace {

constexpr Palette kNormal{
    IM_COL32(183, 28, 28, 255),   IM_COL32(211, 47, 47, 255),   IM_COL32(140, 20, 20, 255),
    IM_COL32(244, 245, 247, 255), IM_COL32(255, 255, 255, 255), IM_COL32(218, 220, 224, 255),
    IM_COL32(31, 35, 41, 255),    IM_COL32(100, 106, 115, 255), IM_COL32(255, 255, 255, 255),
    IM_COL32(253, 236, 234, 255), IM_COL32(170, 24, 24, 255),   IM_COL32(232, 245, 233, 255),
    IM_COL32(27, 94, 32, 255),    IM_COL32(255, 243, 224, 255), IM_COL32(191, 54, 12, 255),
    IM_COL32(232, 245, 233, 255), IM_COL32(27, 94, 32, 255),    IM_COL32(46, 125, 50, 255),
    IM_COL32(198, 40, 40, 255),   IM_COL32(144, 164, 174, 255), IM_COL32(31, 35, 41, 255),
    IM_COL32(240, 242, 245, 255), IM_COL32(150, 156, 165, 255),
};

// Every text at least 15:1 on its background; states told apart by words, not only colour.
constexpr Palette kHighContrast{
    IM_COL32(0, 0, 0, 255),       IM_COL32(40, 40, 40, 255),    IM_COL32(0, 0, 0, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255),
    IM_COL32(0, 0, 0, 255),       IM_COL32(0, 0, 0, 255),       IM_COL32(255, 255, 255, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(150, 0, 0, 255),     IM_COL32(255, 255, 255, 255),
    IM_COL32(0, 80, 0, 255),      IM_COL32(255, 255, 0, 255),   IM_COL32(0, 0, 0, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255),       IM_COL32(0, 90, 0, 255),
    IM_COL32(150, 0, 0, 255),     IM_COL32(90, 90, 90, 255),    IM_COL32(0, 0, 0, 255),
    IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255),
};

const Palette* g_palette = &kNormal;
bool g_elder = false;

}  // namespace

const Palette& colors() { return *g_palette; }
float min_target() { return g_elder ? 60.0f : 44.0f; }
bool elder() { return g_elder; }

void apply(ImGuiStyle& style, bool high_contrast, bool elder) {
    g_palette = high_contrast ? &kHighContrast : &kNormal;
    g_elder = elder;
    const Palette& p = *g_palette;
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 16);
    // A frame is the text's line plus twice this: 20 + 24 = 44 CSS px, and in 长辈版
    // 24 x 1.35 + 30 > 60; 长辈版 keeps more than 8 px between items.
    style.FramePadding = elder ? ImVec2(16, 15) : ImVec2(12, 12);
    style.ItemSpacing = elder ? ImVec2(12, 12) : ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 7;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = high_contrast ? 2.0f : 1.0f;
    style.ChildBorderSize = 0;
    style.DisabledAlpha = high_contrast ? 0.7f : 0.5f;

    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_Text] = v(p.text);
    c[ImGuiCol_TextDisabled] = v(p.muted);
    c[ImGuiCol_WindowBg] = v(p.page);
    c[ImGuiCol_PopupBg] = v(p.card);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Border] = v(p.border);
    c[ImGuiCol_FrameBg] = v(p.card);
    c[ImGuiCol_FrameBgHovered] = v(p.card);
    c[ImGuiCol_FrameBgActive] = v(p.card);
    c[ImGuiCol_Button] = v(p.card);
    c[ImGuiCol_ButtonHovered] = v(high_contrast ? IM_COL32(230, 230, 230, 255)
                                                : IM_COL32(236, 238, 241, 255));
    c[ImGuiCol_ButtonActive] = v(high_contrast ? IM_COL32(200, 200, 200, 255)
                                               : IM_COL32(222, 225, 230, 255));
    c[ImGuiCol_Header] = v(high_contrast ? IM_COL32(230, 230, 230, 255)
                                         : IM_COL32(255, 235, 238, 255));
    c[ImGuiCol_HeaderHovered] = c[ImGuiCol_ButtonHovered];
    c[ImGuiCol_HeaderActive] = c[ImGuiCol_ButtonActive];
    c[ImGuiCol_CheckMark] = v(p.primary);
    c[ImGuiCol_TextSelectedBg] = v(high_contrast ? IM_COL32(255, 255, 0, 255)
                                                 : IM_COL32(255, 205, 210, 255));
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = v(high_contrast ? IM_COL32(0, 0, 0, 255)
                                                : IM_COL32(190, 194, 200, 255));
    c[ImGuiCol_NavHighlight] = v(p.primary);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

}  // namespace yishi::web::theme
