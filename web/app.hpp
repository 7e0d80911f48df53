// App: everything the browser client holds, passed by reference to the frame. The frame
// drains the page's inbox, applies replies, rebuilds the font atlas if needed, draws the
// screen, then applies the intents the views emitted.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "fonts.hpp"
#include "input.hpp"
#include "mirror.hpp"
#include "platform.hpp"
#include "views/views.hpp"
#include "widgets.hpp"
#include "yishi/client/font_slices.hpp"
#include "yishi/client/glyphs.hpp"
#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"

namespace yishi::web {


struct App {
    client::ClientState state;
    client::GlyphSet glyphs;
    PageInbox inbox;
    InputQueue input;
    FontAtlas fonts;
    ui::UiContext ui;
    Screens screens;
    mirror::Mirror mirror;

    std::map<std::uint64_t, client::Request> in_flight;  // by fetch tag
    std::uint64_t next_tag = 1;
    std::uint64_t font_tag = 0;   // the base font's fetch, 0 when none is under way
    std::uint64_t manifest_tag = 0;  // the slice manifest's fetch, likewise
    double font_retry_at = 0;
    client::FontSlices font_slices;
    std::map<std::uint64_t, std::size_t> slice_tags;  // slice fetches under way, by tag
    bool look_for_missing = false;  // the atlas changed: are characters left without a glyph?
    double missing_check_at = 0;

    Viewport viewport;
    double last_time = 0;
    client::Route shown_route{client::Page::login};
    client::Settings saved_settings;  // what localStorage holds
    double last_poll = 0;
    double last_unread_poll = -1e9;  // the first poll goes out once the session is confirmed
    std::map<std::string, std::string> last_bodies;  // the last GET reply by path
    std::string saved_token;      // what localStorage holds
    std::string saved_language;
    std::string clipboard;        // ImGui's copy, for its own paste
    std::string cursor;           // the CSS cursor last set
    bool text_input = false;      // the textarea has been asked to take focus
    bool ready = false;
    int quiet_frames = 0;         // frames since anything happened
    double last_event_at = 0;     // when the page last sent an event or a reply came
    std::uint64_t frames_drawn = 0;  // frames actually drawn (the snapshot's `frames`: idle tests)
};

// Wires ImGui and the page to `app` (after the GL context and ImGui exist) and boots.
void start(App& app);
void frame(App& app);

}  // namespace yishi::web
