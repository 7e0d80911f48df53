// Wrapped text with the Chinese line-breaking rules (yishi/client/line_break.hpp) in ImGui:
// text drawn line by line, and a multi-line field that wraps at its width and grows.
#pragma once
#include <string>
#include <string_view>

#include "yishi/client/line_break.hpp"

namespace yishi::web::ui {

// The current font's advances at the current size, as ImGui lays text out.
client::Advance font_advance();

// Text wrapped at the text wrap position (a card's inside) or the window's edge, as one item.
void wrapped_text(std::string_view text);

// ImGui's multi-line field shows only the newlines of its text; this one wraps its lines at the
// field's width with soft breaks kept out of `value`, starts three lines tall and grows up to
// `max_height`, then scrolls. The caret, hence the IME window, sits where the text is drawn.
// Returns whether `value` changed.
bool wrapped_multiline(const char* imgui_id, std::string& value, float max_height);

}  // namespace yishi::web::ui
