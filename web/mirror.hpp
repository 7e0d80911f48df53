// The screen-reader mirror (无障碍镜像): the canvas shows pixels only, so the page keeps a
// hidden DOM tree in step with the widgets drawn (js/mirror.js builds it): one element per
// visible widget with its ARIA role, name, value and state, over the widget's rectangle.
// Activating an element presses its widget; focus there is outlined on the canvas; typing
// into its fields edits the widget's text; changes that matter are announced in live regions.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "platform.hpp"
#include "widgets.hpp"
#include "yishi/client/intents.hpp"
#include "yishi/client/state.hpp"

namespace yishi::web::mirror {

struct Mirror {
    bool enabled = true;      // ?mirror=0 turns it off (bench/mirror.sh compares the cost)
    std::uint64_t hash = 0;   // of the element list last sent to the page
    bool sent = false;
    std::string route;        // the screen (address without its modal) the keys belong to
    std::set<std::string> keys;  // widget keys of the last frame drawn
    std::string notice;       // the notice banner last announced
};

// The page's mirror events → what this frame's widgets are asked; Escape closes a modal.
void take_events(Mirror& m, std::vector<MirrorEvent>& events, ui::MirrorAsks& asks,
                 const client::ClientState& state, client::Intents& intents);

// Outlines the widget focused from the keyboard (drawn over everything, before rendering).
void draw_focus_ring(const ui::WidgetLog& log, const std::string& focus);

// After a frame: sends the element list when it changed, and announces what appeared.
void sync(Mirror& m, const ui::WidgetLog& log, const client::ClientState& state);

// The element list of a frame as JSON (what js/mirror.js builds from).
std::string elements_json(const ui::WidgetLog& log, const std::string& route);

}  // namespace yishi::web::mirror
