// FontSlices: the client's font comes as a base file with the common characters and slices
// with the rest (web/tools/make_font.py); a slice is fetched when a character it holds is to be
// drawn and the atlas has no glyph for it, so a first visit downloads only the base.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace yishi::client {

class FontSlices {
public:
    enum class Load { absent, loading, loaded };
    struct Slice {
        std::string file;  // fetched as it is named, e.g. "fonts/slice-07.ttf"
        Load load = Load::absent;
        bool prefetch = false;  // fetched once the first screen is drawn, missing or not
    };

    // Reads fonts/slices.json: {"slices": [{"file": "...", "spans": [[first, last], ...],
    // "prefetch": true?}]}, the spans of code points (inclusive) ascending within a slice and
    // apart across all slices (a slice's spans may fall between another's).
    // False, keeping nothing, when it is not that.
    bool read_manifest(std::string_view json);
    bool has_manifest() const { return has_manifest_; }

    // The slices holding one of `missing` (code points the atlas cannot draw) that are neither
    // loaded nor on their way; they are marked loading. Characters no slice covers are skipped.
    std::vector<std::size_t> to_fetch(const std::vector<char32_t>& missing);
    // The slices marked prefetch that are neither loaded nor on their way; they are marked
    // loading.
    std::vector<std::size_t> to_prefetch();
    // A fetch ended: its bytes are in the atlas (loaded) or it failed (absent, asked again the
    // next time a character of it is missing).
    void arrived(std::size_t slice, bool ok);

    const std::vector<Slice>& slices() const { return slices_; }

private:
    struct Span {
        char32_t first = 0;
        char32_t last = 0;
        std::size_t slice = 0;
    };
    std::vector<Slice> slices_;
    std::vector<Span> spans_;  // ascending
    bool has_manifest_ = false;
};

}  // namespace yishi::client
