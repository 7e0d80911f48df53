// GlyphSet: collecting code points and turning them into ImGui-style glyph ranges.
#include "yishi/client/glyphs.hpp"

#include "yishi/client/state.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

namespace {
bool drawable(char32_t cp) {
    return cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp <= 0x10FFFF;
}

constexpr std::pair<char32_t, char32_t> kSeed[] = {
    {0x0020, 0x007E},  // ASCII
    {0x00B7, 0x00B7},  // · middle dot
    {0x00D7, 0x00D7},  // ×
    {0x2010, 0x2027},  // dashes, quotes, … ellipsis
    {0x3000, 0x303F},  // CJK symbols and punctuation: 、。「」《》【】
    {0xFF01, 0xFF5E},  // full-width forms: ，！？：；（）
    {0xFFFD, 0xFFFD},  // replacement character
};
}  // namespace

GlyphSet::GlyphSet() {
    for (auto [first, last] : kSeed)
        for (char32_t cp = first; cp <= last; ++cp) set_.insert(cp);
}

bool GlyphSet::add(char32_t cp) {
    if (!drawable(cp) || !set_.insert(cp).second) return false;
    ++version_;
    return true;
}

bool GlyphSet::add(std::string_view utf8) {
    bool grew = false;
    for (char32_t cp : decode_utf8(utf8)) grew |= add(cp);
    return grew;
}

std::vector<std::uint32_t> GlyphSet::ranges() const {
    std::vector<std::uint32_t> out;
    for (char32_t cp : set_) {
        if (!out.empty() && out.back() + 1 == cp) out.back() = cp;
        else {
            out.push_back(cp);
            out.push_back(cp);
        }
    }
    out.push_back(0);
    return out;
}

void collect_glyphs(GlyphSet& glyphs, const ClientState& state) {
    for (const auto& [key, text] : state.strings.all()) glyphs.add(text);
    glyphs.add(state.session.member.name);
    glyphs.add(state.session.member.login);
    for (const auto& c : state.session.councils) {
        glyphs.add(c.name);
        glyphs.add(c.community);
    }
    for (const auto& issue : state.issues) {
        glyphs.add(issue.title);
        glyphs.add(issue.body);
        glyphs.add(issue.author_name);
    }
    glyphs.add(state.shown(state.error));
    glyphs.add(state.shown(state.notice));
}

}  // namespace yishi::client
