// wrapped_text(): lines from client::break_lines drawn one under another; wrapped_multiline():
// the field edits the text with soft breaks inserted (client::soft_wrap), and after each edit
// the text is recovered without them (client::unwrap_edit) and wrapped again.
#include "text_layout.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "yishi/text.hpp"

namespace yishi::web::ui {

client::Advance font_advance() {
    ImFont* font = ImGui::GetFont();
    float scale = ImGui::GetFontSize() / font->FontSize;
    return [font, scale](char32_t c) {
        if (c == '\r') return 0.0f;  // ImGui draws nothing for it
        float a = c < 0x10000 ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX;
        return a * scale;
    };
}

void wrapped_text(std::string_view text) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    float wrap_pos = window->DC.TextWrapPos < 0 ? 0.0f : window->DC.TextWrapPos;
    float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos);
    client::Advance advance = font_advance();
    std::vector<client::TextLine> lines = client::break_lines(text, width, advance);

    float widest = 0;
    for (const auto& line : lines) {
        float w = 0, inked = 0;  // spaces ending a line take no room
        for (char32_t c : decode_utf8(text.substr(line.begin, line.end - line.begin))) {
            w += advance(c);
            if (c != ' ' && c != 0x3000) inked = w;
        }
        widest = std::max(widest, inked);
    }
    const float line_h = ImGui::GetTextLineHeight();
    ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
    ImVec2 size(widest, line_h * static_cast<float>(lines.size()));
    ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, 0.0f);
    if (!ImGui::ItemAdd(bb, 0)) return;
    ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const char* begin = text.data() + lines[i].begin;
        window->DrawList->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                  ImVec2(pos.x, pos.y + line_h * static_cast<float>(i)), color,
                                  begin, text.data() + lines[i].end);
    }
}

namespace {

constexpr int kMinLines = 3;

// What a wrapping field showed last: the text with its soft breaks, and how to wrap again.
struct FieldWrap {
    client::WrappedText shown;
    std::string* value = nullptr;
    client::Advance advance;
    float width = 0;        // inside the frame, without a scrollbar
    float scrollbar = 0;
    int max_lines = 1;
};

std::unordered_map<ImGuiID, FieldWrap>& fields() {
    static std::unordered_map<ImGuiID, FieldWrap> map;
    return map;
}

int line_count(const client::WrappedText& w) {
    return 1 + static_cast<int>(std::count(w.display.begin(), w.display.end(), '\n'));
}

// The text wrapped at the field's width, or narrower beside a scrollbar when it is too long.
client::WrappedText wrap(const FieldWrap& f, std::string_view text) {
    client::WrappedText w = client::soft_wrap(text, f.width, f.advance);
    if (line_count(w) > f.max_lines) w = client::soft_wrap(text, f.width - f.scrollbar, f.advance);
    return w;
}

// The undo records point into the text as it was before a re-wrap moved its breaks.
void forget_undo() {
    ImStb::StbUndoState& u = GImGui->InputTextState.Stb.undostate;
    u.undo_point = 0;
    u.undo_char_point = 0;
    u.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
    u.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
}

// Every frame while the field is edited, after ImGui applied the keys: back to the text,
// wrapped again, caret and selection carried over.
int rewrap(ImGuiInputTextCallbackData* data) {
    FieldWrap& f = *static_cast<FieldWrap*>(data->UserData);
    std::string_view edited(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    std::vector<std::size_t> at{static_cast<std::size_t>(data->CursorPos),
                                static_cast<std::size_t>(data->SelectionStart),
                                static_cast<std::size_t>(data->SelectionEnd)};
    std::string text = client::unwrap_edit(f.shown, edited, at);
    client::WrappedText next = wrap(f, text);
    if (next.display != edited) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, next.display.data(), next.display.data() + next.display.size());
        forget_undo();
    }
    if (edited != f.shown.display || next.display != edited) {
        data->CursorPos = static_cast<int>(client::display_offset(next, at[0]));
        data->SelectionStart = static_cast<int>(client::display_offset(next, at[1]));
        data->SelectionEnd = static_cast<int>(client::display_offset(next, at[2]));
    }
    *f.value = std::move(text);
    f.shown = std::move(next);
    return 0;
}

}  // namespace

bool wrapped_multiline(const char* imgui_id, std::string& value, float max_height) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line_h = ImGui::GetTextLineHeight();
    ImGuiID id = ImGui::GetID(imgui_id);
    FieldWrap& f = fields()[id];
    f.value = &value;
    f.advance = font_advance();
    f.width = ImGui::CalcItemWidth() - style.FramePadding.x * 2 - 2.0f;  // room for the caret
    f.scrollbar = style.ScrollbarSize;
    f.max_lines = std::max(1, static_cast<int>((max_height - style.FramePadding.y * 2) / line_h));
    // While edited, ImGui keeps its own copy of what it shows, which rewrap() keeps in step.
    if (ImGui::GetActiveID() != id) f.shown = wrap(f, value);

    int lines = std::clamp(line_count(f.shown), std::min(kMinLines, f.max_lines), f.max_lines);
    ImVec2 size(ImGui::CalcItemWidth(), line_h * static_cast<float>(lines) + style.FramePadding.y * 2);
    std::string before = value;
    std::string buffer = f.shown.display;
    ImGui::InputTextMultiline(imgui_id, &buffer, size,
                              ImGuiInputTextFlags_CallbackAlways |
                                  ImGuiInputTextFlags_NoHorizontalScroll,
                              rewrap, &f);
    if (buffer != f.shown.display) {  // changed without rewrap(): Escape restored the start
        std::vector<std::size_t> none;
        value = client::unwrap_edit(f.shown, buffer, none);
        f.shown = wrap(f, value);
    }
    return value != before;
}

}  // namespace yishi::web::ui
