// Recording widget wrappers, cards and small drawing helpers.
#include "widgets.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "imgui_internal.h"
#include "misc/cpp/imgui_stdlib.h"
#include "text_layout.hpp"
#include "theme.hpp"
#include "yishi/text.hpp"

namespace yishi::web::ui {

const char* to_string(Role r) {
    switch (r) {
        case Role::button: return "button";
        case Role::input: return "input";
        case Role::multiline: return "multiline";
        case Role::text: return "text";
        case Role::checkbox: return "checkbox";
    }
    return "text";
}

bool WidgetLog::text_field_at(float x, float y) const {
    for (const auto& r : records_)
        if ((r.role == Role::input || r.role == Role::multiline) && !r.disabled && x >= r.x &&
            x < r.x + r.w && y >= r.y && y < r.y + r.h)
            return true;
    return false;
}

void bind(UiContext& ctx) { ImGui::GetIO().UserData = &ctx; }
UiContext& context() { return *static_cast<UiContext*>(ImGui::GetIO().UserData); }
void push_background(ImU32 color) { context().backgrounds.push_back(color); }
void pop_background() { context().backgrounds.pop_back(); }

std::string labelled(std::string_view label, std::string_view id) {
    std::string s(label);
    s += "##";
    s += id;
    return s;
}

namespace {

std::string_view visible_part(std::string_view id_label) {
    auto pos = id_label.find("##");
    return pos == std::string_view::npos ? id_label : id_label.substr(0, pos);
}

std::string_view id_part(std::string_view id_label) {
    auto pos = id_label.find("##");
    return pos == std::string_view::npos ? id_label : id_label.substr(pos + 2);
}

// The opaque colour `over` shows when drawn with its alpha on `under`.
ImU32 blend(ImU32 over, ImU32 under) {
    ImVec4 a = ImGui::ColorConvertU32ToFloat4(over), b = ImGui::ColorConvertU32ToFloat4(under);
    auto mix = [&](float x, float y) { return x * a.w + y * (1 - a.w); };
    return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(a.x, b.x), mix(a.y, b.y), mix(a.z, b.z), 1));
}

ImU32 background() {
    const auto& b = context().backgrounds;
    return b.empty() ? theme::colors().page : b.back();
}

// The glyphs' size in CSS px: the font's line height holds the 长辈版's extra line spacing.
float font_px() {
    ImFont* f = ImGui::GetFont();
    float glyphs = f->ConfigData ? f->ConfigData->SizePixels : f->FontSize;
    return ImGui::GetFontSize() * glyphs / f->FontSize;
}

struct CardEdge {
    float inner_right, outer_right;
};
std::vector<CardEdge> card_edges;  // the cards being drawn, innermost last

// How an item looks, for the snapshot: its colours, and for a button the label's width
// that must fit between its paddings.
struct Look {
    ImU32 fg = 0, bg = 0;
    float label_w = 0;
};

// Text drawn straight onto what is behind it, in the current text colour.
Look text_look() {
    ImU32 bg = background();
    return {blend(ImGui::GetColorU32(ImGuiCol_Text), bg), bg, 0};
}

const char* default_aria(Role role) {
    switch (role) {
        case Role::button: return "button";
        case Role::input:
        case Role::multiline: return "textbox";
        case Role::checkbox: return "checkbox";
        case Role::text: return "text";
    }
    return "text";
}

// Records the last ImGui item if it is visible this frame.
void record(std::string_view id_label, Role role, std::string value, bool disabled,
            const Look& look) {
    context().recorded = false;
    if (!ImGui::IsItemVisible()) return;
    MirrorAsks& asks = context().mirror;
    bool mirror_focus = !asks.focus.empty() && id_part(id_label) == asks.focus;
    if (mirror_focus && asks.reveal) {
        // Focus moved here from the keyboard: the whole widget comes into view.
        ImGui::ScrollToRect(ImGui::GetCurrentWindow(),
                            ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()),
                            ImGuiScrollFlags_KeepVisibleEdgeY);
        asks.reveal = false;
    }
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    // Clip to the window, so a half-scrolled item reports the part that can be clicked.
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    // Past its card's edge, or past the column outside cards, it overflows (a phone's width).
    float right = card_edges.empty()
                      ? std::fmin(clip_max.x, ImGui::GetWindowPos().x +
                                                  ImGui::GetWindowContentRegionMax().x)
                      : card_edges.back().outer_right;
    bool overflows = max.x > right + 0.5f;
    bool label_cut = look.label_w > 0 &&
                     look.label_w > max.x - min.x - 2 * ImGui::GetStyle().FramePadding.x + 0.5f;
    min = ImVec2(std::fmax(min.x, clip_min.x), std::fmax(min.y, clip_min.y));
    max = ImVec2(std::fmin(max.x, clip_max.x), std::fmin(max.y, clip_max.y));
    WidgetRecord r;
    r.id = std::string(id_label);
    r.label = std::string(visible_part(id_label));
    r.role = role;
    r.x = min.x;
    r.y = min.y;
    r.w = max.x - min.x;
    r.h = max.y - min.y;
    r.value = std::move(value);
    r.editing = ImGui::IsItemActive() && (role == Role::input || role == Role::multiline);
    r.focused = ImGui::IsItemActive() || ImGui::IsItemFocused() || mirror_focus;
    r.disabled = disabled;
    r.font = font_px();
    r.fg = look.fg;
    r.bg = look.bg;
    r.clipped = overflows || label_cut;
    r.aria = default_aria(role);
    r.multiline = role == Role::multiline;
    r.modal = ImGui::GetCurrentWindowRead()->RootWindow->Flags & ImGuiWindowFlags_Modal;
    context().log.add(std::move(r));
    context().recorded = true;
}

void see_glyphs(std::string_view text) {
    if (auto* g = context().glyphs) g->add(text);
}

void field_label(std::string_view id_label) {
    std::string label(visible_part(id_label));
    see_glyphs(label);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().muted);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
}

std::string masked(const std::string& value) {
    return std::string(utf8_length(value), '*');
}

// A field's text on its frame.
Look field_look() {
    ImU32 bg = blend(ImGui::GetColorU32(ImGuiCol_FrameBg), background());
    return {blend(ImGui::GetColorU32(ImGuiCol_Text), bg), bg, 0};
}

// A field's whole text as typed into its mirror element (screen reader, IME, keyboard there).
bool take_mirror_text(std::string_view id_label, std::string& value) {
    auto& texts = context().mirror.texts;
    std::string_view key = id_part(id_label);
    for (auto it = texts.begin(); it != texts.end(); ++it) {
        if (it->first != key) continue;
        value = std::move(it->second);
        texts.erase(it);
        return true;
    }
    return false;
}

ImU32 tone_color(Tone tone) {
    switch (tone) {
        case Tone::normal: return theme::colors().text;
        case Tone::muted: return theme::colors().muted;
        case Tone::error: return theme::colors().error_text;
        case Tone::success: return theme::colors().success_text;
        case Tone::on_primary: return theme::colors().on_primary;
    }
    return theme::colors().text;
}

}  // namespace

bool button(const std::string& id_label, ButtonKind kind, bool disabled, float width) {
    see_glyphs(visible_part(id_label));
    int colors = 0;
    if (kind == ButtonKind::primary) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colors().primary_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::colors().primary_active);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::colors().on_primary);
        ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().primary);
        colors = 5;
    } else if (kind == ButtonKind::quiet) {
        // A light fill and an outline: a quiet button still looks like something to press.
        ImGui::PushStyleColor(ImGuiCol_Button, theme::colors().quiet);
        ImGui::PushStyleColor(ImGuiCol_Border, theme::colors().quiet_border);
        colors = 2;
    }
    std::string label(visible_part(id_label));
    float label_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
    // Every target at least the theme's minimum (44 CSS px, 60 in 长辈版) each way.
    if (width == 0) width = button_width(id_label);
    ImGui::BeginDisabled(disabled);
    ImU32 bg = blend(ImGui::GetColorU32(ImGuiCol_Button), background());
    Look look{blend(ImGui::GetColorU32(ImGuiCol_Text), bg), bg, label_w};
    // A label wider than the line (a long choice on a phone) wraps inside a taller button
    // instead of being cut.
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    float line = avail_width();
    bool wrap = width > line && label_w + 2 * pad.x > line;
    bool pressed = false;
    if (wrap) {
        width = line;
        float wrap_w = width - 2 * pad.x;
        ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_w);
        ImVec2 at = ImGui::GetCursorScreenPos();
        pressed = ImGui::Button(("##" + id_label).c_str(), ImVec2(width, text.y + 2 * pad.y));
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(at.x + pad.x, at.y + pad.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(),
                                            nullptr, wrap_w);
        look.label_w = 0;
    } else {
        // The height follows the theme's padding, which makes it at least the minimum.
        pressed = ImGui::Button(id_label.c_str(), ImVec2(width, 0));
    }
    ImGui::EndDisabled();
    MirrorAsks& asks = context().mirror;
    if (!asks.press.empty() && asks.press == id_part(id_label)) {
        pressed = true;
        asks.press.clear();
    }
    if (!disabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopStyleColor(colors);
    record(id_label, Role::button, label, disabled, look);
    return pressed && !disabled;
}

bool choice(const std::string& id_label, bool chosen) {
    bool pressed = button(id_label, chosen ? ButtonKind::primary : ButtonKind::secondary);
    // The snapshot tells the chosen one by its value, the eye by its colour.
    WidgetRecord* last = context().recorded ? context().log.last() : nullptr;
    if (last) {
        last->selected = chosen;
        last->aria = "radio";
        last->checked = chosen;
    }
    return pressed;
}

bool toggle(const std::string& id_label, bool on) {
    bool pressed = choice(id_label, on);
    set_aria("checkbox");
    return pressed;
}

void set_aria(const char* role) {
    if (context().recorded) context().log.last()->aria = role;
}

void set_expanded(bool open) {
    if (context().recorded) context().log.last()->expanded = open;
}

float button_width(std::string_view id_label) {
    std::string label(visible_part(id_label));
    float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    return std::max(w, theme::min_target());
}

void flow(float item_width, float right, bool first) {
    if (first) return;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + item_width > right) ImGui::NewLine();
}

bool input_text(const std::string& id_label, std::string& value, ImGuiInputTextFlags flags,
                bool focus) {
    field_label(id_label);
    if (focus) ImGui::SetKeyboardFocusHere();
    std::string imgui_id = "##" + std::string(id_part(id_label));
    Look look = field_look();
    bool typed = take_mirror_text(id_label, value);
    bool result = ImGui::InputText(imgui_id.c_str(), &value, flags);
    see_glyphs(value);
    bool password = flags & ImGuiInputTextFlags_Password;
    record(id_label, Role::input, password ? masked(value) : value, false, look);
    if (context().recorded) context().log.last()->password = password;
    bool enter = flags & ImGuiInputTextFlags_EnterReturnsTrue;
    MirrorAsks& asks = context().mirror;
    if (enter && !asks.submit.empty() && asks.submit == id_part(id_label)) {
        asks.submit.clear();
        return true;
    }
    return result || (typed && !enter);
}

bool input_multiline(const std::string& id_label, std::string& value, float height, bool focus) {
    field_label(id_label);
    if (focus) ImGui::SetKeyboardFocusHere();
    std::string imgui_id = "##" + std::string(id_part(id_label));
    Look look = field_look();
    bool typed = take_mirror_text(id_label, value);
    bool edited = typed;
    edited |= wrapped_multiline(imgui_id.c_str(), value, height);
    see_glyphs(value);
    record(id_label, Role::multiline, value, false, look);
    return edited;
}

void text(const std::string& s, std::string_view id, Tone tone) {
    see_glyphs(s);
    ImGui::PushStyleColor(ImGuiCol_Text, tone_color(tone));
    Look look = text_look();
    wrapped_text(s);
    ImGui::PopStyleColor();
    record(id.empty() ? s : labelled(s, id), Role::text, s, false, look);
}

void heading(const std::string& s, std::string_view id) {
    ImFont* font = context().heading;
    if (font) ImGui::PushFont(font);
    text(s, id);
    set_aria("heading");
    if (font) ImGui::PopFont();
}

void badge(const std::string& s, std::string_view id, ImU32 bg, ImU32 fg) {
    see_glyphs(s);
    ImVec2 pad(8, 3);
    ImVec2 size = ImGui::CalcTextSize(s.c_str());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float frame_h = ImGui::GetFrameHeight();
    pos.y += (frame_h - size.y - 2 * pad.y) * 0.5f;  // centred on a button row
    ImVec2 end(pos.x + size.x + 2 * pad.x, pos.y + size.y + 2 * pad.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, end, bg, (end.y - pos.y) * 0.5f);
    dl->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), fg, s.c_str());
    ImGui::Dummy(ImVec2(end.x - pos.x, frame_h));
    record(labelled(s, id), Role::text, s, false, {blend(fg, blend(bg, background())), blend(bg, background()), 0});
}

void spinner(float radius, ImU32 color) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight();
    ImVec2 centre(pos.x + radius, pos.y + h * 0.5f);
    float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PathArcTo(centre, radius - 1.5f, t, t + 4.2f, 24);
    dl->PathStroke(color, 0, 3.0f);
    ImGui::Dummy(ImVec2(radius * 2, h));
}

float avail_width() {
    float avail = ImGui::GetContentRegionAvail().x;
    if (card_edges.empty()) return avail;
    return std::max(1.0f, std::min(avail, card_edges.back().inner_right - ImGui::GetCursorScreenPos().x));
}

void begin_card(Card& card, float padding, float width) {
    card.width = width > 0 ? width : avail_width();
    card.padding = padding;
    card.start = ImGui::GetCursorScreenPos();
    card.splitter.Split(ImGui::GetWindowDrawList(), 2);
    card.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::SetCursorScreenPos(ImVec2(card.start.x + padding, card.start.y + padding));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card.inner_width());
    ImGui::PushItemWidth(card.inner_width());
    card_edges.push_back({card.start.x + card.width - padding, card.start.x + card.width});
    push_background(theme::colors().card);
}

void begin_narrow_card(Card& card, float max_width) {
    float avail = avail_width();
    float width = std::min(avail, max_width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
    ImGui::BeginGroup();
    begin_card(card, 24.0f, width);
}

void end_narrow_card(Card& card) {
    end_card(card);
    ImGui::EndGroup();
}

void end_card(Card& card) {
    const float padding = card.padding;
    card_edges.pop_back();
    pop_background();
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImVec2 max(card.start.x + card.width, ImGui::GetItemRectMax().y + padding);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card.splitter.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(card.start, max, theme::colors().card, 10.0f);
    dl->AddRect(card.start, max, theme::colors().border, 10.0f);
    card.splitter.Merge(dl);
    ImGui::SetCursorScreenPos(card.start);
    ImGui::Dummy(ImVec2(card.width, max.y - card.start.y));
}

}  // namespace yishi::web::ui
