// The Emscripten implementation of platform.hpp: emscripten_fetch for HTTP, the JS library
// (js/library_yishi.js) for the rest, and the C entry points js/shell.js calls on page events.
#include <emscripten/emscripten.h>
#include <emscripten/fetch.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "platform.hpp"

extern "C" {
// Implemented in js/library_yishi.js.
void yishi_js_start();
char* yishi_js_location_hash();
char* yishi_js_asset_url(const char* path);
void yishi_js_set_hash(const char* hash, int push);
void yishi_js_download(const char* filename, const char* bytes, int size, const char* mime);
void yishi_js_pick_file(const char* accept);
char* yishi_js_load_setting(const char* key);
void yishi_js_store_setting(const char* key, const char* value);
char* yishi_js_language();
void yishi_js_text_input(int active);
void yishi_js_place_caret(float x, float y, float h);
void yishi_js_write_clipboard(const char* text);
void yishi_js_set_cursor(const char* css);
void yishi_js_speak(double serial, const char* text, const char* lang);
void yishi_js_stop_speaking();
void yishi_js_ready();
int yishi_js_mirror_enabled();
void yishi_js_mirror(const char* json);
void yishi_js_announce(const char* text, int assertive);
}

namespace yishi::web {

namespace {

// The page's events have nowhere else to go: C entry points carry no user data.
PageInbox* g_inbox = nullptr;
std::function<void()> g_frame;

std::string take_js_string(char* s) {
    if (!s) return {};
    std::string out(s);
    std::free(s);
    return out;
}

// Owns what a fetch needs until it completes: emscripten_fetch keeps the pointers.
struct PendingFetch {
    std::uint64_t tag = 0;
    std::string body;
    std::string authorization;
    std::string content_type;
    std::vector<const char*> headers;
};

void finish(emscripten_fetch_t* fetch, int status) {
    std::unique_ptr<PendingFetch> pending(static_cast<PendingFetch*>(fetch->userData));
    if (g_inbox) {
        HttpReply reply;
        reply.tag = pending->tag;
        reply.status = status;
        if (fetch->data && fetch->numBytes)
            reply.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
        g_inbox->replies.push_back(std::move(reply));
    }
    emscripten_fetch_close(fetch);
}

void on_fetch_success(emscripten_fetch_t* fetch) { finish(fetch, fetch->status); }
// HTTP errors (4xx/5xx) carry their status and body; a failed network reports status 0.
void on_fetch_error(emscripten_fetch_t* fetch) { finish(fetch, fetch->status); }

void start_fetch(std::unique_ptr<PendingFetch> pending, const std::string& method,
                 const std::string& url) {
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = on_fetch_success;
    attr.onerror = on_fetch_error;
    pending->headers.push_back(nullptr);
    attr.requestHeaders = pending->headers.data();
    if (!pending->body.empty()) {
        attr.requestData = pending->body.data();
        attr.requestDataSize = pending->body.size();
    }
    attr.userData = pending.get();
    pending.release();  // freed in finish()
    // A file of the build goes by its hashed name; any other URL comes back as it is.
    emscripten_fetch(&attr, take_js_string(yishi_js_asset_url(url.c_str())).c_str());
}

void run_frame() { g_frame(); }

}  // namespace

void platform_start(PageInbox& inbox) {
    g_inbox = &inbox;
    yishi_js_start();
}

void platform_run(std::function<void()> frame) {
    g_frame = std::move(frame);
    emscripten_set_main_loop(run_frame, 0, true);
    std::abort();  // not reached: the browser owns the loop
}

void platform_http(std::uint64_t tag, const client::Request& request) {
    auto pending = std::make_unique<PendingFetch>();
    pending->tag = tag;
    pending->body = request.body;
    pending->headers = {"Accept", "application/json"};
    if (!request.body.empty()) {
        pending->content_type = request.content_type.empty() ? "application/json; charset=utf-8"
                                                             : request.content_type;
        pending->headers.push_back("Content-Type");
        pending->headers.push_back(pending->content_type.c_str());
    }
    if (!request.token.empty()) {
        pending->authorization = "Bearer " + request.token;
        pending->headers.push_back("Authorization");
        pending->headers.push_back(pending->authorization.c_str());
    }
    start_fetch(std::move(pending), request.method, request.path);
}

void platform_fetch_file(std::uint64_t tag, const std::string& path) {
    auto pending = std::make_unique<PendingFetch>();
    pending->tag = tag;
    start_fetch(std::move(pending), "GET", path);
}

void platform_download(const std::string& filename, const std::string& bytes,
                       const std::string& mime) {
    yishi_js_download(filename.c_str(), bytes.data(), static_cast<int>(bytes.size()),
                      mime.c_str());
}

void platform_pick_file(const std::string& accept) { yishi_js_pick_file(accept.c_str()); }

std::string platform_location_hash() { return take_js_string(yishi_js_location_hash()); }

void platform_set_hash(const std::string& hash, client::UrlUpdate how) {
    int mode = how == client::UrlUpdate::push ? 1 : how == client::UrlUpdate::back ? 2 : 0;
    yishi_js_set_hash(hash.c_str(), mode);
}

std::string platform_load_setting(const std::string& key) {
    return take_js_string(yishi_js_load_setting(key.c_str()));
}

void platform_store_setting(const std::string& key, const std::string& value) {
    yishi_js_store_setting(key.c_str(), value.c_str());
}

std::string platform_language() { return take_js_string(yishi_js_language()); }

void platform_text_input(bool active) { yishi_js_text_input(active ? 1 : 0); }

void platform_place_caret(float x, float y, float line_height) {
    yishi_js_place_caret(x, y, line_height);
}

void platform_write_clipboard(const std::string& text) { yishi_js_write_clipboard(text.c_str()); }

void platform_set_cursor(const char* css_cursor) { yishi_js_set_cursor(css_cursor); }

void platform_speak(std::uint64_t serial, const std::string& text, const std::string& lang) {
    yishi_js_speak(static_cast<double>(serial), text.c_str(), lang.c_str());
}

void platform_stop_speaking() { yishi_js_stop_speaking(); }

void platform_ready() { yishi_js_ready(); }

bool platform_mirror_enabled() { return yishi_js_mirror_enabled() != 0; }
void platform_mirror(const std::string& elements_json) { yishi_js_mirror(elements_json.c_str()); }
void platform_announce(const std::string& text, bool assertive) {
    yishi_js_announce(text.c_str(), assertive ? 1 : 0);
}

double platform_now_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace yishi::web

// --- Entry points for js/shell.js: page events into the inbox ---
using yishi::web::g_inbox;
using yishi::web::InputEvent;

namespace {
void push_input(InputEvent e) {
    if (g_inbox) g_inbox->input.push_back(std::move(e));
}
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void yishi_on_resize(float css_w, float css_h, float dpr, int fb_w,
                                          int fb_h) {
    if (!g_inbox) return;
    g_inbox->viewport = {css_w, css_h, dpr, fb_w, fb_h};
    g_inbox->viewport_changed = true;
}

EMSCRIPTEN_KEEPALIVE void yishi_on_mouse_move(float x, float y) {
    InputEvent e;
    e.kind = InputEvent::Kind::mouse_move;
    e.x = x;
    e.y = y;
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_mouse_button(int button, int down) {
    InputEvent e;
    e.kind = InputEvent::Kind::mouse_button;
    e.button = button;
    e.down = down != 0;
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_wheel(float dx, float dy) {
    InputEvent e;
    e.kind = InputEvent::Kind::wheel;
    e.x = dx;
    e.y = dy;
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_key(int key, int down, int mods) {
    InputEvent e;
    e.kind = InputEvent::Kind::key;
    e.key = key;
    e.down = down != 0;
    e.mods = mods;
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_text(const char* utf8) {
    InputEvent e;
    e.kind = InputEvent::Kind::text;
    e.text = utf8 ? utf8 : "";
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_paste(const char* utf8) {
    InputEvent e;
    e.kind = InputEvent::Kind::paste;
    e.text = utf8 ? utf8 : "";
    push_input(std::move(e));
}

EMSCRIPTEN_KEEPALIVE void yishi_on_composing(const char* utf8) {
    if (g_inbox && utf8) g_inbox->composing.emplace_back(utf8);
}

EMSCRIPTEN_KEEPALIVE void yishi_on_focus_lost() {
    InputEvent e;
    e.kind = InputEvent::Kind::focus_lost;
    push_input(std::move(e));
}

// A picked file's bytes (malloc'd by js/shell.js, freed here) and its name.
EMSCRIPTEN_KEEPALIVE void yishi_on_file(const char* name, char* bytes, int size) {
    if (g_inbox && bytes && size >= 0)
        g_inbox->files.push_back({name ? name : "", std::string(bytes, static_cast<std::size_t>(size))});
    std::free(bytes);
}

// An utterance of platform_speak ended, was cut off, or failed (its serial, a JS number).
EMSCRIPTEN_KEEPALIVE void yishi_on_speech_end(double serial, int failed) {
    if (g_inbox && serial >= 0)
        g_inbox->speech_ended.push_back({static_cast<std::uint64_t>(serial), failed != 0});
}

EMSCRIPTEN_KEEPALIVE void yishi_on_hash(const char* hash) {
    if (g_inbox && hash) g_inbox->hashes.emplace_back(hash);
}

// The screen-reader mirror (js/mirror.js): kind 0 press, 1 Enter in a field, 2 a field's text,
// 3 focus (key empty: focus left the mirror), 4 Escape.
EMSCRIPTEN_KEEPALIVE void yishi_on_mirror(int kind, const char* key, const char* text) {
    using yishi::web::MirrorEvent;
    if (!g_inbox || kind < 0 || kind > 4) return;
    MirrorEvent e;
    e.kind = static_cast<MirrorEvent::Kind>(kind);
    e.key = key ? key : "";
    e.text = text ? text : "";
    g_inbox->mirror.push_back(std::move(e));
}

// Returns JSON owned by this module, valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* yishi_snapshot() {
    static std::string json;
    json = (g_inbox && g_inbox->snapshot) ? g_inbox->snapshot() : std::string("null");
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE int yishi_over_text_field(float x, float y) {
    return (g_inbox && g_inbox->over_text_field && g_inbox->over_text_field(x, y)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int yishi_has_glyph(unsigned codepoint) {
    return (g_inbox && g_inbox->has_glyph && g_inbox->has_glyph(codepoint)) ? 1 : 0;
}

}  // extern "C"
