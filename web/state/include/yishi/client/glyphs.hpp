// GlyphSet: every character the client may have to draw, so the font atlas holds only those.
// Texts from translations, server replies, typed text and IME composition are added as they
// arrive; a new character bumps the version, telling the frame to rebuild the atlas.
#pragma once
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace yishi::client {

struct ClientState;

class GlyphSet {
public:
    // Starts with printable ASCII, common punctuation, CJK punctuation and full-width forms,
    // so that punctuation typed in Chinese never waits for a rebuild.
    GlyphSet();

    // Adds the characters of UTF-8 text; control characters are skipped.
    // True when at least one was new.
    bool add(std::string_view utf8);
    bool add(char32_t cp);

    bool contains(char32_t cp) const { return set_.count(cp) != 0; }
    const std::set<char32_t>& code_points() const { return set_; }
    std::size_t size() const { return set_.size(); }

    // Grows by one each time a new character is added; compare with the version
    // the atlas was built from.
    std::uint64_t version() const { return version_; }

    // Inclusive [first, last] pairs of consecutive code points, then a terminating 0:
    // the layout ImGui's font builder takes as glyph ranges.
    std::vector<std::uint32_t> ranges() const;

private:
    std::set<char32_t> set_;
    std::uint64_t version_ = 0;
};

// Adds every text a client state can show: the catalog, the member, councils, issues, messages.
void collect_glyphs(GlyphSet& glyphs, const ClientState& state);

}  // namespace yishi::client
