// The CJK font atlas: built from the fetched font files (the base, then the slices fetched so
// far, merged into one font) for exactly the characters the GlyphSet holds, rasterised at the
// device pixel ratio, and rebuilt between frames when the characters or the text size change,
// or a file arrives with glyphs the atlas lacks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/client/glyphs.hpp"

struct ImFont;

namespace yishi::web {

constexpr float kBodyPx = 20.0f;     // CSS px: large enough for older readers
constexpr float kHeadingPx = 26.0f;
// The text sizes of 设置 (标准, 大, 特大): factors on both.
constexpr float kTextScales[3] = {1.0f, 1.2f, 1.45f};
// 长辈版's least factor: body 24 CSS px, headings 31.2.
constexpr float kElderTextScale = 1.2f;

class FontAtlas {
public:
    // Keeps the TTF bytes for every rebuild (ImGui's atlas does not own them). The base's
    // metrics are the font's; a slice adds the glyphs of its characters.
    void set_base(std::string bytes) { base_ = std::move(bytes); }
    void add_slice(std::string bytes) { slices_.push_back(std::move(bytes)); }
    bool has_base() const { return !base_.empty(); }

    // Rebuilds the atlas and its GL texture when the glyphs or the pixel ratio changed.
    // Call between frames (before NewFrame). True when it rebuilt. `line_spacing` > 1
    // makes each line that much taller than the text, the glyphs centred in it.
    bool refresh(const client::GlyphSet& glyphs, float dpr, float scale = 1.0f,
                 float line_spacing = 1.0f);

    ImFont* body() const { return body_; }
    ImFont* heading() const { return heading_; }
    int glyph_count() const;  // glyphs in the body font (what the atlas can draw)
    // True when the atlas holds a real glyph for `cp` (not the fallback): the GlyphSet asked
    // for it and the font has it.
    bool has_glyph(char32_t cp) const;

private:
    bool lacks_glyph(const client::GlyphSet& glyphs) const;

    std::string base_;
    std::vector<std::string> slices_;
    std::size_t built_slices_ = 0;
    std::vector<std::uint32_t> ranges_;  // must outlive the build
    std::uint64_t built_version_ = ~std::uint64_t{0};
    float built_dpr_ = 0;
    float built_scale_ = 0;
    float built_spacing_ = 0;
    ImFont* body_ = nullptr;
    ImFont* heading_ = nullptr;
};

}  // namespace yishi::web
