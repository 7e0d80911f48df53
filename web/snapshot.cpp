// The snapshot as JSON: route, loading, messages, atlas size and the visible widgets.
#include "snapshot.hpp"

#include <cmath>

#include "yishi/messages.hpp"

namespace yishi::web {

namespace {
double px(float v) { return std::round(v * 10.0) / 10.0; }

std::string hex(ImU32 c) {
    static const char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (int shift : {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT}) {
        unsigned v = (c >> shift) & 0xFF;
        out += digits[v >> 4];
        out += digits[v & 0xF];
    }
    return out;
}

// A state the role does not carry (-1) is null.
Json state(int v) { return v < 0 ? Json(nullptr) : Json(v != 0); }
}  // namespace

std::string snapshot_json(const SnapshotInputs& in) {
    const auto& s = in.state;
    Json widgets = Json::array();
    for (const auto& w : in.widgets.records()) {
        widgets.push_back({{"id", w.id},
                           {"label", w.label},
                           {"role", ui::to_string(w.role)},
                           {"x", px(w.x)},
                           {"y", px(w.y)},
                           {"w", px(w.w)},
                           {"h", px(w.h)},
                           {"value", w.value},
                           {"focused", w.focused},
                           {"disabled", w.disabled},
                           {"selected", w.selected},
                           {"font", px(w.font)},
                           {"fg", hex(w.fg)},
                           {"bg", hex(w.bg)},
                           {"clipped", w.clipped},
                           {"aria", w.aria},
                           {"checked", state(w.checked)},
                           {"expanded", state(w.expanded)},
                           {"modal", w.modal}});
    }
    Json out{{"route", std::string(client::to_hash(s.route))},
             {"ready", in.ready},
             {"loading", s.loading()},
             {"error", s.shown(s.error)},
             {"errorField", s.error_field},
             {"notice", s.shown(s.notice)},
             {"loggedIn", s.logged_in()},
             {"member", s.session.member.login},
             {"language", s.strings.language()},
             {"textInput", in.text_input},
             {"fontGlyphs", in.font_glyphs},
             {"frames", in.frames},
             {"focus", in.focus},
             {"widgets", std::move(widgets)}};
    // Invalid UTF-8 typed by a test must not make the whole snapshot unreadable.
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace yishi::web
