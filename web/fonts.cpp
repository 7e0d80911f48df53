// FontAtlas: rebuilding ImGui's font atlas and its GL texture from the GlyphSet.
#include "fonts.hpp"

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"

static_assert(sizeof(ImWchar) == sizeof(std::uint32_t), "build ImGui with IMGUI_USE_WCHAR32");

namespace yishi::web {

bool FontAtlas::refresh(const client::GlyphSet& glyphs, float dpr, float scale,
                        float line_spacing) {
    if (base_.empty()) return false;
    if (glyphs.version() == built_version_ && dpr == built_dpr_ && scale == built_scale_ &&
        line_spacing == built_spacing_ &&
        (slices_.size() == built_slices_ || !lacks_glyph(glyphs)))
        return false;

    ImGuiIO& io = ImGui::GetIO();
    ranges_ = glyphs.ranges();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors;

    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes stay here for the next rebuild
    cfg.FontNo = 0;
    // Rasterised at device pixels and drawn at 1/dpr: crisp on HiDPI without oversampling.
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const auto* ranges = reinterpret_cast<const ImWchar*>(ranges_.data());
    auto add_file = [&](std::string& ttf, float px) {
        return io.Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), px, &cfg,
                                              ranges);
    };
    // One font of the base and every slice: ImGui takes each character from the first file
    // that has it and skips the characters a file lacks.
    auto add = [&](float px) {
        // The glyphs move down by half the extra spacing, so they sit in the middle of the line.
        cfg.GlyphOffset = ImVec2(0, px * (line_spacing - 1) * 0.5f);
        cfg.MergeMode = false;
        ImFont* font = add_file(base_, px);
        cfg.MergeMode = true;
        for (auto& slice : slices_) add_file(slice, px);
        return font;
    };
    body_ = add(kBodyPx * scale * dpr);
    heading_ = add(kHeadingPx * scale * dpr);
    io.Fonts->Build();
    // ImGui advances a line by the font's size: the same glyphs on a taller line.
    body_->FontSize *= line_spacing;
    heading_->FontSize *= line_spacing;
    io.FontDefault = body_;
    io.FontGlobalScale = 1.0f / dpr;

    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    built_version_ = glyphs.version();
    built_dpr_ = dpr;
    built_scale_ = scale;
    built_spacing_ = line_spacing;
    built_slices_ = slices_.size();
    return true;
}

// A slice that arrives while every character has its glyph waits for the next rebuild: a rebuild
// costs as much as the first, and the common characters arrive just after the first screen.
bool FontAtlas::lacks_glyph(const client::GlyphSet& glyphs) const {
    for (char32_t cp : glyphs.code_points())
        if (cp > U' ' && !has_glyph(cp)) return true;
    return false;
}

int FontAtlas::glyph_count() const { return body_ ? body_->Glyphs.Size : 0; }

bool FontAtlas::has_glyph(char32_t cp) const {
    return body_ && body_->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}

}  // namespace yishi::web
