// The browser behind one header: HTTP, storage, history, clipboard, the IME text bridge,
// canvas size and the main loop. platform_web.cpp implements it with Emscripten and
// js/library_yishi.js; page events arrive in a PageInbox that the frame drains.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/route.hpp"

namespace yishi::web {

// One input event from the page, positions in CSS pixels relative to the canvas.
struct InputEvent {
    enum class Kind { mouse_move, mouse_button, wheel, key, text, paste, focus_lost };
    Kind kind = Kind::mouse_move;
    float x = 0, y = 0;    // mouse_move: position; wheel: horizontal and vertical steps
    int button = 0;        // mouse_button: 0 left, 1 right, 2 middle
    bool down = false;     // mouse_button, key
    int key = 0;           // key: index into ImGuiIO::KeysDown (see KeyCode)
    int mods = 0;          // key: Mods bits held with it
    std::string text;      // text: UTF-8 typed or composed; paste: the clipboard's text
};

// What a person did to the screen-reader mirror (js/mirror.js): pressed an element (click,
// Enter, Space), pressed Enter in a single-line field, typed there (the field's whole text),
// moved the focus (key empty: focus left the mirror), or pressed Escape.
struct MirrorEvent {
    enum class Kind { press, submit, text, focus, escape };
    Kind kind = Kind::press;
    std::string key;   // the widget's key, the part of its id after "##"
    std::string text;  // text: the field's whole text
};

// Key indices shared with js/shell.js (DOM keyCode values).
enum KeyCode {
    kKeyBackspace = 8, kKeyTab = 9, kKeyEnter = 13, kKeyShift = 16, kKeyControl = 17,
    kKeyAlt = 18, kKeyEscape = 27, kKeySpace = 32, kKeyPageUp = 33, kKeyPageDown = 34,
    kKeyEnd = 35, kKeyHome = 36, kKeyLeft = 37, kKeyUp = 38, kKeyRight = 39, kKeyDown = 40,
    kKeyInsert = 45, kKeyDelete = 46, kKeyA = 65, kKeyC = 67, kKeyV = 86, kKeyX = 88,
    kKeyY = 89, kKeyZ = 90, kKeyMeta = 91,
};
enum Mods { kModCtrl = 1, kModShift = 2, kModAlt = 4, kModSuper = 8 };

// The canvas: CSS size, device pixel ratio, backing store size in device pixels.
struct Viewport {
    float css_width = 0, css_height = 0;
    float dpr = 1;
    int fb_width = 0, fb_height = 0;
};

struct HttpReply {
    std::uint64_t tag = 0;
    int status = 0;     // 0: the network failed
    std::string body;   // bytes as received
};

// What the page reported since the last frame, plus what the page may ask the app for.
struct PageInbox {
    std::vector<InputEvent> input;
    std::vector<HttpReply> replies;
    std::vector<std::string> hashes;     // address changes (back/forward, typed)
    std::vector<std::string> composing;  // IME text being composed, shown by the browser
    struct File {
        std::string name;
        std::string bytes;
    };
    std::vector<File> files;  // files the user picked (platform_pick_file)
    struct SpeechEnd {
        std::uint64_t serial = 0;
        bool failed = false;  // the engine could not speak it (no voice, not allowed)
    };
    std::vector<SpeechEnd> speech_ended;  // utterances finished or cut off (platform_speak)
    std::vector<MirrorEvent> mirror;
    Viewport viewport;
    bool viewport_changed = false;

    // Answers for js/shell.js: the test snapshot (JSON), and whether a point is over a
    // text field (the textarea is focused inside the tap's user gesture, for phone keyboards).
    std::function<std::string()> snapshot;
    std::function<bool(float, float)> over_text_field;
    // Whether the font atlas can draw a character (window.yishi.hasGlyph).
    std::function<bool(char32_t)> has_glyph;
};

// Starts listening to the page; events accumulate in `inbox` (which must outlive the page).
void platform_start(PageInbox& inbox);
// Hands `frame` to the browser's animation loop; does not return.
[[noreturn]] void platform_run(std::function<void()> frame);

// Sends a request; the reply arrives in inbox.replies with the same tag.
void platform_http(std::uint64_t tag, const client::Request& request);
// Fetches a static file (the font) next to index.html; the reply arrives like an HTTP one.
void platform_fetch_file(std::uint64_t tag, const std::string& path);

std::string platform_location_hash();
// Pushes or replaces the address, or goes back one entry (UrlUpdate::back).
void platform_set_hash(const std::string& hash, client::UrlUpdate how);

// localStorage; empty when absent or unavailable.
std::string platform_load_setting(const std::string& key);
void platform_store_setting(const std::string& key, const std::string& value);
// The language asked for by "?lang=" or stored, else "zh-CN".
std::string platform_language();

// The text bridge: focus the hidden textarea while ImGui edits text, and keep it at the caret
// (CSS px) so that the IME's candidate window opens beside the field.
void platform_text_input(bool active);
void platform_place_caret(float x, float y, float line_height);
void platform_write_clipboard(const std::string& text);
// Saves `bytes` as a file named `filename` of type `mime` (the browser's download).
void platform_download(const std::string& filename, const std::string& bytes,
                       const std::string& mime);
// Asks the user for a file (an <input type=file> accepting `accept`); its bytes arrive in
// inbox.files. Called right after a click, while the browser still counts it as the user's.
void platform_pick_file(const std::string& accept);
void platform_set_cursor(const char* css_cursor);
// 朗读: reads `text` aloud in `lang` with the browser's speech synthesis, cutting off what it
// was saying; when the utterance ends, is cut off or fails, `serial` arrives in
// inbox.speech_ended.
void platform_speak(std::uint64_t serial, const std::string& text, const std::string& lang);
void platform_stop_speaking();

// The screen-reader mirror: whether the page keeps one (not with ?mirror=0), its element list
// (mirror::elements_json) and a sentence for a live region (assertive: a refusal).
bool platform_mirror_enabled();
void platform_mirror(const std::string& elements_json);
void platform_announce(const std::string& text, bool assertive);

// The page is usable: the font is in and a frame was drawn (window.yishi.ready).
void platform_ready();
double platform_now_seconds();

}  // namespace yishi::web
