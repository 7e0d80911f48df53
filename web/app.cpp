// The frame: inbox → state → fonts → draw → intents → page (history, storage, focus).
#include "app.hpp"

#include <GLES3/gl3.h>

#include <algorithm>

#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "snapshot.hpp"
#include "theme.hpp"
#include "yishi/client/apply.hpp"

namespace yishi::web {

namespace {

constexpr const char* kFontPath = "fonts/base.ttf";
constexpr const char* kSlicesPath = "fonts/slices.json";
constexpr double kFontRetrySeconds = 3.0;
constexpr const char* kTokenKey = "yishi.token";
constexpr const char* kLanguageKey = "yishi.lang";
constexpr const char* kTextSizeKey = "yishi.text_size";
constexpr const char* kContrastKey = "yishi.contrast";
constexpr const char* kReadBallotKey = "yishi.read_ballot";
constexpr const char* kElderKey = "yishi.elder";
constexpr double kPollSeconds = 1.0;  // live pages: others' votes show within two seconds
constexpr double kUnreadPollSeconds = 3.0;  // the unread count on every screen's bar
// A field's caret blinks this long after the last touch or key, then stays lit: a page left
// alone with a field focused (the login page) draws nothing, and the phone's battery lasts.
constexpr double kCaretBlinkSeconds = 5.0;

client::Settings load_settings() {
    client::Settings s;
    std::string size = platform_load_setting(kTextSizeKey);
    if (size.size() == 1 && size[0] >= '0' && size[0] < '0' + client::kTextSizes)
        s.text_size = size[0] - '0';
    s.high_contrast = platform_load_setting(kContrastKey) == "1";
    s.read_ballot_aloud = platform_load_setting(kReadBallotKey) == "1";
    s.elder = platform_load_setting(kElderKey) == "1";
    return s;
}

void send(App& app, std::vector<client::Request> requests) {
    for (auto& r : requests) {
        std::uint64_t tag = app.next_tag++;
        platform_http(tag, r);
        app.in_flight.emplace(tag, std::move(r));
    }
}

// The base font at once, and again after a failure; the manifest of the other font files once
// the first screen is drawn, since the base holds every character of the screens' own words.
void fetch_font(App& app) {
    if (!app.fonts.has_base() && app.font_tag == 0) {
        app.font_tag = app.next_tag++;
        platform_fetch_file(app.font_tag, kFontPath);
    }
    if (app.ready && !app.font_slices.has_manifest() && app.manifest_tag == 0) {
        app.manifest_tag = app.next_tag++;
        platform_fetch_file(app.manifest_tag, kSlicesPath);
    }
}

// Fetches the common characters, then the slices holding the characters the atlas could not
// draw.
void fetch_missing_slices(App& app) {
    if (!app.font_slices.has_manifest() || !app.fonts.body() ||
        platform_now_seconds() < app.missing_check_at)
        return;
    std::vector<std::size_t> wanted = app.font_slices.to_prefetch();
    if (app.look_for_missing) {
        app.look_for_missing = false;
        std::vector<char32_t> missing;
        for (char32_t cp : app.glyphs.code_points())
            if (cp > U' ' && !app.fonts.has_glyph(cp)) missing.push_back(cp);
        for (std::size_t slice : app.font_slices.to_fetch(missing)) wanted.push_back(slice);
    }
    for (std::size_t slice : wanted) {
        std::uint64_t tag = app.next_tag++;
        app.slice_tags.emplace(tag, slice);
        platform_fetch_file(tag, app.font_slices.slices()[slice].file);
    }
}

// A reply for the font: true when `reply` was one.
bool take_font_reply(App& app, HttpReply& reply) {
    bool ok = reply.status == 200 && !reply.body.empty();
    if (reply.tag == app.font_tag) {
        app.font_tag = 0;
        if (ok) app.fonts.set_base(std::move(reply.body));
        else app.font_retry_at = platform_now_seconds() + kFontRetrySeconds;  // keep the overlay
        return true;
    }
    if (reply.tag == app.manifest_tag) {
        app.manifest_tag = 0;
        if (ok && app.font_slices.read_manifest(reply.body)) app.look_for_missing = true;
        else app.font_retry_at = platform_now_seconds() + kFontRetrySeconds;
        return true;
    }
    auto slice = app.slice_tags.find(reply.tag);
    if (slice == app.slice_tags.end()) return false;
    app.font_slices.arrived(slice->second, ok);
    if (ok) app.fonts.add_slice(std::move(reply.body));
    else {
        app.look_for_missing = true;
        app.missing_check_at = platform_now_seconds() + kFontRetrySeconds;
    }
    app.slice_tags.erase(slice);
    return true;
}

void apply_intent(App& app, const client::Intent& intent) {
    send(app, client::apply(app.state, intent));
}

void take_replies(App& app) {
    bool changed = false;
    for (auto& reply : app.inbox.replies) {
        if (take_font_reply(app, reply)) continue;
        auto it = app.in_flight.find(reply.tag);
        if (it == app.in_flight.end()) continue;
        client::Request request = std::move(it->second);
        app.in_flight.erase(it);
        send(app, client::apply_response(app.state, request, reply.status, reply.body));
        changed = true;
    }
    app.inbox.replies.clear();
    if (changed) client::collect_glyphs(app.glyphs, app.state);
}

void take_page_events(App& app) {
    if (app.inbox.viewport_changed) {
        app.viewport = app.inbox.viewport;
        app.inbox.viewport_changed = false;
    }
    for (const auto& hash : app.inbox.hashes)
        apply_intent(app, client::Navigate{client::parse_hash(hash), true});
    if (!app.inbox.hashes.empty()) app.last_poll = platform_now_seconds();
    app.inbox.hashes.clear();
    for (auto& f : app.inbox.files)
        apply_intent(app, client::AdminIntent{client::RosterFileChosen{f.name, std::move(f.bytes)}});
    app.inbox.files.clear();
    for (const auto& end : app.inbox.speech_ended)
        apply_intent(app, client::SpeechIntent{client::SpeechEnded{end.serial, end.failed}});
    app.inbox.speech_ended.clear();
    // Characters being composed or typed join the atlas before ImGui has to draw them.
    for (const auto& text : app.inbox.composing) app.glyphs.add(text);
    app.inbox.composing.clear();
    client::Intents from_mirror;
    mirror::take_events(app.mirror, app.inbox.mirror, app.ui.mirror, app.state, from_mirror);
    for (const auto& intent : from_mirror) apply_intent(app, intent);
    for (auto& e : app.inbox.input) {
        if (e.kind == InputEvent::Kind::text || e.kind == InputEvent::Kind::paste)
            app.glyphs.add(e.text);
        if (e.kind == InputEvent::Kind::paste) app.clipboard = e.text;  // ImGui pastes from it
        app.input.push(std::move(e));
    }
    app.inbox.input.clear();
}

// Makes the page follow the state: address, stored token and language, screen entry.
void sync_page(App& app) {
    auto& s = app.state;
    if (s.url_update != client::UrlUpdate::none) {
        platform_set_hash(client::to_hash(s.route), s.url_update);
        s.url_update = client::UrlUpdate::none;
    }
    if (s.download) {
        platform_download(s.download->filename, s.download->text, s.download->mime);
        s.download.reset();
    }
    if (s.speech.stop) {
        platform_stop_speaking();
        s.speech.stop = false;
    }
    if (s.speech.say) {
        platform_speak(s.speech.serial, *s.speech.say, client::kSpeechLanguage);
        s.speech.say.reset();
    }
    if (s.settings.read_ballot_aloud != app.saved_settings.read_ballot_aloud) {
        platform_store_setting(kReadBallotKey, s.settings.read_ballot_aloud ? "1" : "0");
        app.saved_settings.read_ballot_aloud = s.settings.read_ballot_aloud;
    }
    if (s.pick_file) {
        platform_pick_file(".csv,text/csv");
        s.pick_file = false;
    }
    if (s.session.token != app.saved_token) {
        platform_store_setting(kTokenKey, s.session.token);
        app.saved_token = s.session.token;
    }
    if (!s.strings.language().empty() && s.strings.language() != app.saved_language) {
        platform_store_setting(kLanguageKey, s.strings.language());
        app.saved_language = s.strings.language();
    }
    if (s.settings.text_size != app.saved_settings.text_size) {
        platform_store_setting(kTextSizeKey, std::to_string(s.settings.text_size));
        app.saved_settings.text_size = s.settings.text_size;
    }
    if (s.settings.high_contrast != app.saved_settings.high_contrast ||
        s.settings.elder != app.saved_settings.elder) {
        platform_store_setting(kContrastKey, s.settings.high_contrast ? "1" : "0");
        platform_store_setting(kElderKey, s.settings.elder ? "1" : "0");
        app.saved_settings.high_contrast = s.settings.high_contrast;
        app.saved_settings.elder = s.settings.elder;
        theme::apply(ImGui::GetStyle(), s.settings.high_contrast, s.settings.elder);
    }
    bool same_page = s.route.page == app.shown_route.page && s.route.id == app.shown_route.id;
    if (!same_page) app.screens.enter(s.route);
    app.shown_route = s.route;
}

void draw_screen(App& app, client::Intents& intents) {
    const auto& s = app.state;
    ImGuiIO& io = ImGui::GetIO();
    const float width = io.DisplaySize.x;
    // The convenor's console and the results want a wider column on a meeting-room PC.
    bool wide = s.route.page == client::Page::session || s.route.page == client::Page::notices ||
                s.route.page == client::Page::consultation_record ||
                s.route.page == client::Page::board || s.route.page == client::Page::report;
    const float column_max = wide ? theme::kWideColumnMax : theme::kColumnMax;
    const float side = std::max(16.0f, (width - column_max) * 0.5f);
    const float column_w = width - 2 * side;

    // One window for the page: the bar and the messages stay in view, the screen scrolls
    // in a child below them. Laid out in one pass, so nothing moves a frame later.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    draw_header(s, intents, side, column_w);
    draw_nav(s, app.screens.nav, intents, side, column_w);
    draw_messages(s, intents, side, column_w);

    ImGui::SetCursorPosX(0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 8));
    ImGui::BeginChild("##screen", ImVec2(width, 0), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PushItemWidth(-FLT_MIN);  // fields outside cards span the column
    draw_page(s, app.screens, intents);
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::End();
}

const char* css_cursor(ImGuiMouseCursor c) {
    switch (c) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        case ImGuiMouseCursor_None: return "none";
        default: return "default";
    }
}

// After drawing: the textarea takes focus while a field is edited; the cursor follows ImGui.
void sync_text_input(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    bool want = io.WantTextInput;
    if (want || want != app.text_input) platform_text_input(want);
    app.text_input = want;
    const char* cursor = css_cursor(ImGui::GetMouseCursor());
    if (app.cursor != cursor) {
        platform_set_cursor(cursor);
        app.cursor = cursor;
    }
}

}  // namespace

void start(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "yishi_web";
    map_keys(io);
    io.ClipboardUserData = &app;
    io.SetClipboardTextFn = [](void* user, const char* text) {
        static_cast<App*>(user)->clipboard = text;
        platform_write_clipboard(text);
    };
    io.GetClipboardTextFn = [](void* user) -> const char* {
        return static_cast<App*>(user)->clipboard.c_str();
    };
    // ImGui reports the caret of the edited field here (CSS px): the IME window follows it.
    io.ImeSetInputScreenPosFn = [](int x, int y) {
        platform_place_caret(static_cast<float>(x), static_cast<float>(y), ImGui::GetFontSize());
    };
    app.saved_settings = load_settings();
    theme::apply(ImGui::GetStyle(), app.saved_settings.high_contrast, app.saved_settings.elder);

    app.ui.glyphs = &app.glyphs;
    ui::bind(app.ui);
    app.inbox.snapshot = [&app] {
        return snapshot_json({app.state, app.ui.log, app.fonts.glyph_count(), app.ready,
                              app.text_input, app.frames_drawn, app.ui.mirror.focus});
    };
    app.inbox.over_text_field = [&app](float x, float y) {
        return app.ui.log.text_field_at(x, y);
    };
    app.inbox.has_glyph = [&app](char32_t cp) { return app.fonts.has_glyph(cp); };
    app.mirror.enabled = platform_mirror_enabled();

    app.viewport = app.inbox.viewport;
    app.inbox.viewport_changed = false;
    app.saved_token = platform_load_setting(kTokenKey);
    app.last_time = platform_now_seconds();
    fetch_font(app);
    apply_intent(app, client::Boot{platform_location_hash(), app.saved_token, platform_language(),
                                   app.saved_settings});
    sync_page(app);
}

namespace {

// The screen can be drawn once the base font and the catalog are in.
bool drawable(const App& app) { return app.fonts.body() && app.state.strings.loaded(); }

// One ImGui frame of the current state, laid out; returns what the views emitted.
// `settled` says no character lacked from the atlas (so text will not change size).
client::Intents draw_frame(App& app, bool& settled) {
    ImGuiIO& io = ImGui::GetIO();
    // Between frames: a new character or pixel ratio means a new atlas.
    const auto& settings = app.state.settings;
    float scale = kTextScales[std::clamp(settings.text_size, 0, 2)];
    // 长辈版: body text at least 24 CSS px (20 x 1.2), titles over 30, looser lines.
    if (settings.elder) scale = std::max(scale, kElderTextScale);
    if (app.fonts.refresh(app.glyphs, app.viewport.dpr, scale,
                          settings.elder ? theme::kElderLineSpacing : 1.0f))
        app.look_for_missing = true;
    app.ui.heading = app.fonts.heading();

    double now = platform_now_seconds();
    io.DeltaTime = static_cast<float>(std::max(1e-4, now - app.last_time));
    app.last_time = now;
    io.DisplaySize = ImVec2(app.viewport.css_width, app.viewport.css_height);
    float sx = app.viewport.css_width > 0 ? app.viewport.fb_width / app.viewport.css_width : 1;
    float sy = app.viewport.css_height > 0 ? app.viewport.fb_height / app.viewport.css_height : 1;
    io.DisplayFramebufferScale = ImVec2(sx, sy);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    app.ui.log.clear();
    client::Intents intents;
    bool can_draw = drawable(app);
    std::uint64_t glyphs_before = app.glyphs.version();
    if (can_draw) draw_screen(app, intents);
    mirror::draw_focus_ring(app.ui.log, app.ui.mirror.focus);
    settled = can_draw && app.glyphs.version() == glyphs_before;
    ImGui::Render();
    return intents;
}

// The last frame drawn, onto the canvas. Before the font and the catalog are in, nothing is: the
// page's loading notice covers the canvas, and a browser without a GPU reads back every picture
// it is given.
void present(App& app) {
    if (!drawable(app)) return;
    glViewport(0, 0, app.viewport.fb_width, app.viewport.fb_height);
    ImVec4 page = ImGui::ColorConvertU32ToFloat4(theme::colors().page);
    glClearColor(page.x, page.y, page.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

namespace {

// A refresh that brought back exactly what the last reply to that address did changes
// nothing: it is settled here, so that it does not count as something happening.
void settle_unchanged_refreshes(App& app) {
    auto& replies = app.inbox.replies;
    for (auto it = replies.begin(); it != replies.end();) {
        auto req = app.in_flight.find(it->tag);
        bool get = req != app.in_flight.end() && req->second.method == "GET" && it->status == 200;
        if (get) {
            std::string& last = app.last_bodies[req->second.path];
            bool unchanged = req->second.background && last == it->body;
            if (!unchanged) last = it->body;
            if (unchanged) {
                // Its follow-ups still go out (首页's open sessions behind an unchanged list).
                client::Request request = req->second;
                app.in_flight.erase(req);
                it = replies.erase(it);
                send(app, client::apply_response(app.state, request, 200, last));
                continue;
            }
        }
        ++it;
    }
}

// Live pages ask every kPollSeconds whether what they show changed, and fetch it again when it
// did (one round at a time); every screen
// asks for the unread count every kUnreadPollSeconds while logged in.
void poll(App& app) {
    const auto& s = app.state;
    double now = platform_now_seconds();
    if (s.confirmed() && now - app.last_unread_poll >= kUnreadPollSeconds) {
        app.last_unread_poll = now;
        apply_intent(app, client::FollowIntent{client::PollUnread{}});
    }
    if (!client::is_live(s.route.page) || !s.confirmed() || s.refreshing > 0) return;
    if (now - app.last_poll < kPollSeconds) return;
    app.last_poll = now;
    apply_intent(app, client::PollChanges{});
}

}  // namespace

void frame(App& app) {
    poll(app);
    settle_unchanged_refreshes(app);
    if (platform_now_seconds() >= app.font_retry_at) fetch_font(app);
    fetch_missing_slices(app);
    // Nothing happening: keep the last picture instead of redrawing it 60 times a second
    // (phones' batteries). Half a second of frames after any event lets hover and
    // animations settle; a spinner turns while loading; a caret blinks for a few seconds after
    // the last event and its last frames show it lit. The textarea keeps the focus meanwhile,
    // and an IME's composition arrives as events, so typing draws as before.
    const auto& in = app.inbox;
    bool event = !in.input.empty() || !in.replies.empty() || !in.hashes.empty() ||
                 !in.files.empty() || !in.speech_ended.empty() || !in.mirror.empty() ||
                 !in.composing.empty() || in.viewport_changed || !app.input.empty();
    double now = platform_now_seconds();
    if (event) app.last_event_at = now;
    bool blinking = app.text_input && now - app.last_event_at < kCaretBlinkSeconds;
    ImGui::GetIO().ConfigInputTextCursorBlink = blinking;
    bool active = event || blinking || app.state.loading() || !app.ready;
    app.quiet_frames = active ? 0 : app.quiet_frames + 1;
    if (app.quiet_frames > 30) return;
    ++app.frames_drawn;

    take_page_events(app);
    take_replies(app);
    sync_page(app);
    app.input.feed(ImGui::GetIO());

    bool settled = false;
    client::Intents intents = draw_frame(app, settled);
    // A press or text from the mirror is for the widgets of this frame only.
    app.ui.mirror.press.clear();
    app.ui.mirror.submit.clear();
    app.ui.mirror.texts.clear();
    // Intents change the screen: draw it again at once, so that neither the page nor the
    // snapshot ever shows widgets older than the state (the input was consumed already).
    for (int pass = 0; pass < 3 && !intents.empty(); ++pass) {
        for (const auto& intent : intents) apply_intent(app, intent);
        client::collect_glyphs(app.glyphs, app.state);
        sync_page(app);
        intents = draw_frame(app, settled);
    }
    present(app);
    mirror::sync(app.mirror, app.ui.log, app.state);
    sync_text_input(app);

    if (settled && !app.ready) {
        app.ready = true;
        platform_ready();
    }
}

}  // namespace yishi::web
