// Line breaking for drawn text: where wrapped text may end a line, with the Chinese rules
// (避头尾, kinsoku): no line starts with a closing mark or ends with an opening one, a number
// keeps its unit (8 人), an arrow never starts a line. No drawing code: widths come from the
// caller, so the rules are tested natively.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace yishi::client {

// The width one character takes when drawn (the font's advance), in any unit `width` uses.
using Advance = std::function<float(char32_t)>;

// One line of wrapped text: bytes [begin, end) of the text; `hard` when a newline of the
// text itself ends it (the newline is at `end` and belongs to neither line).
struct TextLine {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool hard = false;
};

// Whether a line may start with `next` when `prev` ends the one before (spaces between them
// count as `spaced`); `before_spaces` is the last other character, the one the rules look at.
bool may_break_between(char32_t before_spaces, bool spaced, char32_t next);

// The lines of `text` at most `width` wide, each as long as fits. Spaces at a line's end do
// not count; a word or a run of marks wider than a line is cut where it overflows; a line
// always holds at least one character. The lines cover the whole text in order.
std::vector<TextLine> break_lines(std::string_view text, float width, const Advance& advance);

// A text shown with soft line breaks (a newline inserted where a line wraps) for an editor
// that draws only the text's own newlines (ImGui's multi-line field).
struct WrappedText {
    std::string display;
    std::vector<std::size_t> soft;  // byte offsets in `display` of the inserted newlines, ascending
};
WrappedText soft_wrap(std::string_view text, float width, const Advance& advance);

// Offset in `shown.display` of byte `offset` of the text; at a soft break, the next line's start.
std::size_t display_offset(const WrappedText& shown, std::size_t offset);

// The text after the user edited `shown.display` into `edited`: the soft breaks of `shown`
// that the edit left go, every newline the user typed stays. `edited_offsets` (display
// offsets in `edited`: caret, selection) become offsets in the returned text.
std::string unwrap_edit(const WrappedText& shown, std::string_view edited,
                        std::vector<std::size_t>& edited_offsets);

}  // namespace yishi::client
