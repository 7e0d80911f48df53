// Widgets the views draw with: ImGui calls wrapped so that each one records what it showed
// (for window.yishi.snapshot()) and feeds its text to the GlyphSet. Labels are "visible##id".
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "yishi/client/glyphs.hpp"

namespace yishi::web::ui {

enum class Role { button, input, multiline, text, checkbox };
const char* to_string(Role r);

// One widget drawn this frame, in CSS px relative to the canvas.
struct WidgetRecord {
    std::string id;     // the full label, e.g. "附议##cosign-42"
    std::string label;  // the visible part, before "##"
    Role role = Role::text;
    float x = 0, y = 0, w = 0, h = 0;
    std::string value;  // text of inputs (passwords masked) and of text items
    bool focused = false;
    bool disabled = false;
    bool selected = false;  // the chosen one of a group of choices
    float font = 0;         // the text's size in CSS px (the glyphs', without line spacing)
    ImU32 fg = 0, bg = 0;   // the colours the text is drawn in and over (opaque)
    bool clipped = false;   // its content does not fit its rectangle, or it sticks out of its card
    // The screen-reader mirror (web/mirror.cpp): the ARIA role of its element (button, radio,
    // checkbox, textbox, heading, alert, text, ...), and the states that role carries:
    // -1 where the role has none.
    std::string aria = "text";
    int checked = -1;   // radio, checkbox
    int expanded = -1;  // a button that folds something open
    bool password = false;
    bool multiline = false;
    bool modal = false;     // drawn in a modal popup (the ballot's confirmation): a dialog
    bool editing = false;   // the field ImGui is editing (the hidden textarea has the keys)
};

// The widgets of the last frame; only those visible are kept.
class WidgetLog {
public:
    void clear() { records_.clear(); }
    void add(WidgetRecord r) { records_.push_back(std::move(r)); }
    const std::vector<WidgetRecord>& records() const { return records_; }
    WidgetRecord* last() { return records_.empty() ? nullptr : &records_.back(); }
    // True when (x, y) is over an input field drawn last frame.
    bool text_field_at(float x, float y) const;

private:
    std::vector<WidgetRecord> records_;
};

// What the screen-reader mirror asks of this frame's widgets (filled by web/mirror.cpp from
// the page's events); keys are the part of an id after "##".
struct MirrorAsks {
    std::string press;   // a button or choice activated from the mirror: it reports a press
    std::string submit;  // a field whose Enter was pressed in the mirror
    std::vector<std::pair<std::string, std::string>> texts;  // a field's whole text, typed there
    std::string focus;   // the widget focused in the mirror: outlined on the canvas
    bool reveal = false;  // scroll the focused widget wholly into view
};

// What widgets reach through ImGui's context (io.UserData): set once with bind().
struct UiContext {
    WidgetLog log;
    bool recorded = false;  // the last widget drawn was visible and is the log's last record
    MirrorAsks mirror;
    client::GlyphSet* glyphs = nullptr;
    ImFont* heading = nullptr;
    // What is painted behind the widgets being drawn (the page, a card, a banner, the bar),
    // innermost last: the snapshot's `bg` of text drawn straight onto it.
    std::vector<ImU32> backgrounds;
};
void bind(UiContext& ctx);
UiContext& context();
// Marks what the widgets drawn until pop_background() sit on (a banner, the bar).
void push_background(ImU32 color);
void pop_background();

// "label##id"
std::string labelled(std::string_view label, std::string_view id);

enum class ButtonKind { primary, secondary, quiet };
enum class Tone { normal, muted, error, success, on_primary };

bool button(const std::string& id_label, ButtonKind kind = ButtonKind::secondary,
            bool disabled = false, float width = 0);
// A button that shows whether it is the chosen one of a group (filters, settings).
bool choice(const std::string& id_label, bool chosen);
// A choice that is on or off by itself, several of a group at once (a checkbox to a screen
// reader, where a choice is a radio button).
bool toggle(const std::string& id_label, bool on);
// Gives the last widget drawn another ARIA role (e.g. "alert" for the error banner), or says
// that the button folds something open (`expanded`).
void set_aria(const char* role);
void set_expanded(bool open);
// The width a button with this label takes.
float button_width(std::string_view id_label);
// Puts the next item of a row on this line when it fits before `right` (screen x), else on
// the next: rows of buttons wrap on phones instead of running off the screen.
void flow(float item_width, float right, bool first);

// A labelled single-line field, the label above it, as wide as the pushed item width
// (a card's inside). `focus` moves keyboard focus here.
bool input_text(const std::string& id_label, std::string& value, ImGuiInputTextFlags flags = 0,
                bool focus = false);
// Wraps at its width and grows from three lines up to `height`, then scrolls.
bool input_multiline(const std::string& id_label, std::string& value, float height,
                     bool focus = false);

// Wrapped text, Chinese line-breaking rules kept; `id` (may be empty) names it in the snapshot as "text##id".
void text(const std::string& text, std::string_view id = {}, Tone tone = Tone::normal);
void heading(const std::string& text, std::string_view id = {});
// A small coloured pill, e.g. the stage of an issue.
void badge(const std::string& text, std::string_view id, ImU32 bg, ImU32 fg);
void spinner(float radius, ImU32 color);

// A white rounded panel around what is drawn between begin_card and end_card.
struct Card {
    ImDrawListSplitter splitter;
    ImVec2 start;
    float width = 0;
    float padding = 16.0f;
    float inner_width() const { return width - 2 * padding; }
};
// `width` 0: the rest of the line.
void begin_card(Card& card, float padding = 16.0f, float width = 0);
void end_card(Card& card);
// A narrower card centred on the page, for short forms (login, register): a form reads best short.
void begin_narrow_card(Card& card, float max_width = 440.0f);
void end_narrow_card(Card& card);
// The width left on the line, inside the card being drawn (its right padding kept clear);
// ImGui's content region alone runs to the window's edge, past the card.
float avail_width();

}  // namespace yishi::web::ui
