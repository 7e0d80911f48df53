// The shared parts of printing: the font map, the lock, the font check, PDF bytes to a string.
#include "print_support.hpp"

#include <cstring>
#include <stdexcept>

namespace yishi::server::print {

void free_gobject(void* object) { g_object_unref(object); }

std::mutex& drawing_lock() {
    static std::mutex drawing;
    return drawing;
}

PangoFontMap* font_map() {
    static PangoFontMap* map = pango_cairo_font_map_new();
    return map;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

void require_family(PangoContext* context, const char* family) {
    FontDescription wanted(pango_font_description_from_string(family));
    std::unique_ptr<PangoFont, Deleter<void, free_gobject>> font(
        pango_context_load_font(context, wanted.get()));
    if (!font) throw std::runtime_error(std::string("font not found: ") + family);
    FontDescription found(pango_font_describe(font.get()));
    const char* name = pango_font_description_get_family(found.get());
    if (!name || std::strcmp(name, family) != 0)
        throw std::runtime_error(std::string("font not found: ") + family +
                                 " (install fonts-wqy-microhei)");
}

void require_utf8(const std::string& text, const char* what) {
    if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
        throw std::runtime_error(std::string(what) + " text is not UTF-8");
}

std::string escaped(const std::string& text) {
    Markup m(g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size())));
    return m.get();
}

}  // namespace yishi::server::print
