// The invite sheet's drawing: A4 pages of slips in a 2 × 4 grid, text laid out by pango in
// WenQuanYi Micro Hei (cairo embeds the glyphs it uses), a QR code of each slip's link.
#include "yishi/server/invite_sheet.hpp"

#include "print_support.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace yishi::server {
namespace {
using print::require_utf8;

// Lengths in PDF points; the page is A4 portrait.
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
// Most office printers cannot print the outer 4–5 mm; the slips stay inside 10 mm.
constexpr double kMargin = 10 * kMm;
constexpr int kColumns = 2;
constexpr int kRows = kSlipsPerPage / kColumns;
constexpr double kSlipWidth = (kPageWidth - 2 * kMargin) / kColumns;
constexpr double kSlipHeight = (kPageHeight - 2 * kMargin) / kRows;
constexpr double kPadding = 4 * kMm;
// The QR symbol without its quiet zone; phones read 25 mm and more from paper at arm's length.
constexpr double kQrSymbol = 30 * kMm;
constexpr int kQuietModules = 4;

constexpr const char* kTitle = "议事 · 居民注册邀请单";
constexpr const char* kInstruction =
    "扫码或在浏览器打开链接，输入邀请码，自设用户名和密码；邀请码只能用一次，请勿转交他人。";

using print::Cairo;
using print::Context;
using print::Deleter;
using print::FontDescription;
using print::Layout;
using print::Markup;
using print::Surface;
using print::check;
using print::kFamily;
using print::kMonoFamily;
using Qr = std::unique_ptr<QRcode, Deleter<QRcode, QRcode_free>>;

struct TextStyle {
    const char* family = kFamily;
    double size = 8;  // points
    bool bold = false;
    double gray = 0;  // 0 black … 1 white
    PangoWrapMode wrap = PANGO_WRAP_WORD_CHAR;
    int max_lines = 1;  // longer text ends in an ellipsis
};

// The page's text context: one point is one device unit (the PDF surface's own unit).
class Typesetter {
public:
    explicit Typesetter(cairo_t* cr)
        : cr_(cr), context_(pango_font_map_create_context(print::font_map())) {
        pango_cairo_update_context(cr, context_.get());
        pango_cairo_context_set_resolution(context_.get(), 72);
        print::require_family(context_.get(), kFamily);
        print::require_family(context_.get(), kMonoFamily);
    }

    // Draws Pango markup in a box `width` wide with its top-left at (x, y); returns its height.
    double markup(const std::string& markup, const TextStyle& style, double x, double y,
                  double width) {
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_new());
        pango_font_description_set_family(font.get(), style.family);
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        if (style.bold) pango_font_description_set_weight(font.get(), PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), style.wrap);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        pango_layout_set_height(layout.get(), -style.max_lines);
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        cairo_set_source_rgb(cr_, style.gray, style.gray, style.gray);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, layout.get());
        int w = 0, h = 0;
        pango_layout_get_size(layout.get(), &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }

    double text(const std::string& text, const TextStyle& style, double x, double y,
                double width) {
        return markup(print::escaped(text), style, x, y, width);
    }

    // A gray label followed by its value, larger: "姓名 张三".
    double labelled(const char* label, const std::string& value, double value_size,
                    int max_lines, double x, double y, double width) {
        Markup m(g_markup_printf_escaped(
            "<span size='%d' foreground='#555555'>%s  </span><span weight='bold'>%s</span>",
            static_cast<int>(7.5 * PANGO_SCALE), label, value.c_str()));
        TextStyle style;
        style.size = value_size;
        style.max_lines = max_lines;
        return markup(m.get(), style, x, y, width);
    }

private:
    cairo_t* cr_;
    Context context_;
};

// The QR code of `link`, black modules on a white square that includes the quiet zone; its
// top-right corner at (right, top). Returns the side of the white square.
double draw_qr(cairo_t* cr, const std::string& link, double right, double top) {
    Qr qr(QRcode_encodeString(link.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr)
        throw std::runtime_error("QR code of the link failed: " +
                                 std::string(std::strerror(errno)));
    const int n = qr->width;
    const double module = kQrSymbol / n;
    const double side = kQrSymbol + 2 * kQuietModules * module;
    const double left = right - side;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, left, top, side, side);
    cairo_fill(cr);
    // One rectangle per horizontal run of dark modules, filled as one path: no seams between
    // neighbouring modules when the page is rasterised.
    const double x0 = left + kQuietModules * module;
    const double y0 = top + kQuietModules * module;
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n;) {
            if (!(qr->data[row * n + col] & 1)) {
                ++col;
                continue;
            }
            int end = col;
            while (end < n && (qr->data[row * n + end] & 1)) ++end;
            cairo_rectangle(cr, x0 + col * module, y0 + row * module, (end - col) * module, module);
            col = end;
        }
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_fill(cr);
    return side;
}

void draw_slip(cairo_t* cr, Typesetter& type, const InviteSheet& sheet, const InviteSlip& slip,
               double left, double top) {
    const double inner_left = left + kPadding;
    const double inner_width = kSlipWidth - 2 * kPadding;
    double y = top + kPadding;

    TextStyle title;
    title.size = 11;
    title.bold = true;
    y += type.text(kTitle, title, inner_left, y, inner_width) + 1.5 * kMm;

    const double qr_side = draw_qr(cr, slip.link, left + kSlipWidth - kPadding, y);
    const double column_width = inner_width - qr_side - 1 * kMm;
    const double qr_bottom = y + qr_side;

    TextStyle place;
    place.size = 9;
    place.gray = 0.25;
    std::string where = sheet.community;
    if (!sheet.street.empty()) where += "（" + sheet.street + "）";
    y += type.text(where, place, inner_left, y, column_width) + 2 * kMm;

    // Long names (several given names joined by ·) wrap rather than lose their end; the slip's
    // height allows two lines here, one for the community and the household.
    y += type.labelled("姓名", slip.name, 14, 2, inner_left, y, column_width) + 1 * kMm;
    if (!slip.household.empty())
        y += type.labelled("户号", slip.household, 11, 1, inner_left, y, column_width) + 1 * kMm;
    y += 1 * kMm;

    TextStyle label;
    label.size = 7.5;
    label.gray = 0.33;
    y += type.text("邀请码", label, inner_left, y, column_width);
    TextStyle code;
    code.family = kMonoFamily;
    code.size = 18;  // not bold: the Mono family has no bold face, fontconfig would swap it
    y += type.text(slip.code, code, inner_left, y, column_width);

    y = std::max(y, qr_bottom) + 1 * kMm;
    TextStyle instruction;
    instruction.size = 8;
    instruction.max_lines = 2;
    y += type.text(kInstruction, instruction, inner_left, y, inner_width) + 0.5 * kMm;
    TextStyle link;
    link.family = kMonoFamily;
    link.size = 7.5;
    link.gray = 0.2;
    link.wrap = PANGO_WRAP_CHAR;
    link.max_lines = 2;
    type.text(slip.link, link, inner_left, y, inner_width);
}

// Dashed lines around every slip of a page, to cut along.
void draw_cut_lines(cairo_t* cr) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_set_line_width(cr, 0.5);
    const double dash[] = {3, 2};
    cairo_set_dash(cr, dash, 2, 0);
    for (int c = 0; c <= kColumns; ++c) {
        cairo_move_to(cr, kMargin + c * kSlipWidth, kMargin);
        cairo_line_to(cr, kMargin + c * kSlipWidth, kPageHeight - kMargin);
    }
    for (int r = 0; r <= kRows; ++r) {
        cairo_move_to(cr, kMargin, kMargin + r * kSlipHeight);
        cairo_line_to(cr, kPageWidth - kMargin, kMargin + r * kSlipHeight);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void draw_page_footer(Typesetter& type, const InviteSheet& sheet, int page, int pages) {
    TextStyle footer;
    footer.size = 7;
    footer.gray = 0.4;
    std::string text = sheet.community + " 入户邀请单 · 第 " + std::to_string(page) + " / " +
                       std::to_string(pages) + " 页";
    type.text(text, footer, kMargin, kPageHeight - kMargin + 1.5 * kMm, kPageWidth - 2 * kMargin);
}

}  // namespace

std::string invite_sheet_pdf(const InviteSheet& sheet) {
    require_utf8(sheet.community, "invite sheet");
    require_utf8(sheet.street, "invite sheet");
    for (const InviteSlip& slip : sheet.slips) {
        require_utf8(slip.name, "invite sheet");
        require_utf8(slip.household, "invite sheet");
        require_utf8(slip.code, "invite sheet");
        require_utf8(slip.link, "invite sheet");
    }

    std::lock_guard<std::mutex> lock(print::drawing_lock());
    std::string pdf;
    {
        Surface surface(
            cairo_pdf_surface_create_for_stream(print::append_to_string, &pdf, kPageWidth, kPageHeight));
        check(cairo_surface_status(surface.get()), "PDF surface");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                       (sheet.community + " 入户邀请单").c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Yishi");
        Cairo cr(cairo_create(surface.get()));
        Typesetter type(cr.get());

        const int count = static_cast<int>(sheet.slips.size());
        const int pages = std::max(1, (count + kSlipsPerPage - 1) / kSlipsPerPage);
        for (int page = 0; page < pages; ++page) {
            draw_cut_lines(cr.get());
            for (int i = 0; i < kSlipsPerPage; ++i) {
                const int index = page * kSlipsPerPage + i;
                if (index >= count) break;
                draw_slip(cr.get(), type, sheet, sheet.slips[index],
                          kMargin + (i % kColumns) * kSlipWidth,
                          kMargin + static_cast<double>(i / kColumns) * kSlipHeight);
            }
            draw_page_footer(type, sheet, page + 1, pages);
            cairo_show_page(cr.get());
        }
        check(cairo_status(cr.get()), "drawing the invite sheet");
        cairo_surface_finish(surface.get());
        check(cairo_surface_status(surface.get()), "writing the invite sheet");
    }
    return pdf;
}

}  // namespace yishi::server
