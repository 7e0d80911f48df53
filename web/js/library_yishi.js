// C → JS calls of platform_web.cpp; each forwards to window.YishiPage (js/shell.js).
// Strings returned to C are malloc'd here and freed by the caller.
mergeInto(LibraryManager.library, {
  yishi_js_start: function () { YishiPage.start(); },

  yishi_js_location_hash: function () { return allocateUTF8(YishiPage.locationHash()); },

  yishi_js_asset_url: function (path) { return allocateUTF8(YishiPage.assetUrl(UTF8ToString(path))); },

  yishi_js_set_hash: function (hash, push) { YishiPage.setHash(UTF8ToString(hash), push); },

  yishi_js_load_setting: function (key) {
    return allocateUTF8(YishiPage.loadSetting(UTF8ToString(key)));
  },

  yishi_js_store_setting: function (key, value) {
    YishiPage.storeSetting(UTF8ToString(key), UTF8ToString(value));
  },

  yishi_js_language: function () { return allocateUTF8(YishiPage.language()); },

  yishi_js_text_input: function (active) { YishiPage.textInput(active !== 0); },

  yishi_js_place_caret: function (x, y, h) { YishiPage.placeCaret(x, y, h); },

  yishi_js_write_clipboard: function (text) { YishiPage.writeClipboard(UTF8ToString(text)); },

  yishi_js_download: function (filename, bytes, size, mime) {
    YishiPage.download(UTF8ToString(filename), HEAPU8.slice(bytes, bytes + size),
                       UTF8ToString(mime));
  },

  yishi_js_pick_file: function (accept) { YishiPage.pickFile(UTF8ToString(accept)); },

  yishi_js_set_cursor: function (css) { YishiPage.setCursor(UTF8ToString(css)); },

  yishi_js_speak: function (serial, text, lang) {
    YishiPage.speak(serial, UTF8ToString(text), UTF8ToString(lang));
  },

  yishi_js_stop_speaking: function () { YishiPage.stopSpeaking(); },

  yishi_js_ready: function () { YishiPage.ready(); },

  yishi_js_mirror_enabled: function () { return YishiMirror.enabled() ? 1 : 0; },

  yishi_js_mirror: function (json) { YishiMirror.update(UTF8ToString(json)); },

  yishi_js_announce: function (text, assertive) {
    YishiMirror.announce(UTF8ToString(text), assertive !== 0);
  },
});
