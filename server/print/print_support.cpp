// The shared parts of printing: the font map, the lock, the font check, PDF bytes to a string.
#include "print_support.hpp"

#include <cstdio>
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

namespace {
struct ChinaTime {
    std::int64_t year, month, day, minute_of_day;
};

ChinaTime china_time(std::int64_t unix_seconds) {
    const std::int64_t local = unix_seconds + 8 * 3600;
    std::int64_t days = local / 86400;
    std::int64_t seconds = local % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    // Howard Hinnant's civil_from_days.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d, seconds / 60};
}
}  // namespace

std::string china_date(std::int64_t unix_seconds) {
    const ChinaTime t = china_time(unix_seconds);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld年%lld月%lld日", static_cast<long long>(t.year),
                  static_cast<long long>(t.month), static_cast<long long>(t.day));
    return buf;
}

std::string china_date_time(std::int64_t unix_seconds) {
    const ChinaTime t = china_time(unix_seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, " %02lld:%02lld", static_cast<long long>(t.minute_of_day / 60),
                  static_cast<long long>(t.minute_of_day % 60));
    return china_date(unix_seconds) + buf;
}

}  // namespace yishi::server::print
