// What every printed document shares: owning handles for cairo and pango objects, the process's
// one font map and drawing lock, the embedded CJK font and its check, PDF bytes into a string.
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace yishi::server::print {

// The CJK font every document is set in; cairo embeds the glyphs a document uses.
constexpr const char* kFamily = "WenQuanYi Micro Hei";
constexpr const char* kMonoFamily = "WenQuanYi Micro Hei Mono";

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using Cairo = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;

void free_gobject(void* object);
using Context = std::unique_ptr<PangoContext, Deleter<void, free_gobject>>;
using Layout = std::unique_ptr<PangoLayout, Deleter<void, free_gobject>>;
using LayoutIter =
    std::unique_ptr<PangoLayoutIter, Deleter<PangoLayoutIter, pango_layout_iter_free>>;
using FontDescription =
    std::unique_ptr<PangoFontDescription,
                    Deleter<PangoFontDescription, pango_font_description_free>>;
using Markup = std::unique_ptr<char, Deleter<void, g_free>>;

// Fontconfig and pango's shared caches are not reliably safe across the server's request
// threads; a document takes tens of milliseconds and is rare, so one is drawn at a time.
std::mutex& drawing_lock();
// One font map for the process, used only under drawing_lock() (pango's default is one per
// thread, torn down at the thread's exit outside any lock). Kept until exit.
PangoFontMap* font_map();

// A cairo write function appending to the std::string `closure`.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);
// Throws std::runtime_error naming `what` unless `status` is success.
void check(cairo_status_t status, const char* what);
// Pango silently falls back to another font when a family is missing; a document printed in
// the wrong font may lack glyphs, so a missing font is an error instead.
void require_family(PangoContext* context, const char* family);
// Throws std::runtime_error naming `what` unless `text` is UTF-8.
void require_utf8(const std::string& text, const char* what);
// `text` escaped for pango markup.
std::string escaped(const std::string& text);

// A Unix time in China Standard Time (UTC+8): its day "2026年10月3日" and "2026年10月3日 14:05".
std::string china_date(std::int64_t unix_seconds);
std::string china_date_time(std::int64_t unix_seconds);

}  // namespace yishi::server::print
