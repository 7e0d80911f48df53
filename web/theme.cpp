// The theme's ImGui style: colours, roundings, paddings (all in CSS px).
#include "theme.hpp"

namespace yishi::web::theme {

void apply(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(10, 10);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    style.WindowRounding = 0;
    style.ChildRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ScrollbarRounding = 7;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 1;
    style.ChildBorderSize = 0;
    style.DisabledAlpha = 0.5f;

    ImVec4* c = style.Colors;
    auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    c[ImGuiCol_Text] = v(kText);
    c[ImGuiCol_TextDisabled] = v(kMuted);
    c[ImGuiCol_WindowBg] = v(kPage);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Border] = v(kBorder);
    c[ImGuiCol_FrameBg] = v(kCard);
    c[ImGuiCol_FrameBgHovered] = v(kCard);
    c[ImGuiCol_FrameBgActive] = v(kCard);
    c[ImGuiCol_Button] = v(kCard);
    c[ImGuiCol_ButtonHovered] = v(IM_COL32(236, 238, 241, 255));
    c[ImGuiCol_ButtonActive] = v(IM_COL32(222, 225, 230, 255));
    c[ImGuiCol_TextSelectedBg] = v(IM_COL32(255, 205, 210, 255));
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_NavHighlight] = v(kPrimary);
}

}  // namespace yishi::web::theme
