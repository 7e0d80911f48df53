// Lays out a FlowDocument with pango line by line, starting a new page wherever the next line
// would cross the bottom margin; drawn twice, the first time only to count the pages.
#include "flow_document.hpp"

#include <cairo-pdf.h>

#include <stdexcept>

#include "print_support.hpp"

namespace yishi::server::print {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm;
constexpr double kPageHeight = 297 * kMm;
constexpr double kMargin = 20 * kMm;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin;
// A heading needs room for itself and a few lines of what follows, or it moves to a new page.
constexpr double kKeepWithNext = 40;

struct Style {
    double size = 10.5;  // points
    bool bold = false;
    double gray = 0;
    bool centred = false;
    double before = 0;  // space above, points
    double after = 3;
};

Style style_of(BlockKind kind) {
    switch (kind) {
        case BlockKind::title: return {18, true, 0, true, 0, 6};
        case BlockKind::subtitle: return {11, false, 0.3, true, 0, 10};
        case BlockKind::heading: return {13, true, 0, false, 10, 5};
        case BlockKind::subheading: return {11, true, 0, false, 5, 2};
        case BlockKind::paragraph: return {10.5, false, 0, false, 0, 3};
        case BlockKind::note: return {9, false, 0.35, false, 0, 3};
    }
    return {};
}

class Pages {
public:
    Pages(cairo_t* cr, const FlowDocument& doc, int total)
        : cr_(cr), doc_(doc), total_(total), context_(pango_font_map_create_context(font_map())) {
        pango_cairo_update_context(cr, context_.get());
        pango_cairo_context_set_resolution(context_.get(), 72);
        require_family(context_.get(), kFamily);
    }

    // Draws every block and the last page's footer; returns how many pages it took.
    int draw() {
        for (const Block& b : doc_.blocks) block(b);
        footer();
        cairo_show_page(cr_);
        return page_;
    }

private:
    void block(const Block& b) {
        const Style s = style_of(b.kind);
        const double indent = b.indent * 2 * s.size;
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_new());
        pango_font_description_set_family(font.get(), kFamily);
        pango_font_description_set_absolute_size(font.get(), s.size * PANGO_SCALE);
        if (s.bold) pango_font_description_set_weight(font.get(), PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>((kTextWidth - indent) * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_spacing(layout.get(), static_cast<int>(s.size * 0.4 * PANGO_SCALE));
        if (s.centred) pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        std::string markup = escaped(b.text);
        if (!b.lead.empty()) markup = "<b>" + escaped(b.lead) + "</b>" + markup;
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);

        if (y_ > kMargin) y_ += s.before;
        if (b.kind == BlockKind::heading && y_ + kKeepWithNext > kBottom) new_page();
        cairo_set_source_rgb(cr_, s.gray, s.gray, s.gray);
        // The layout's own y plus `shift` is the page's y; a new page resets the shift so
        // the line that did not fit starts at the top margin.
        double shift = y_;
        double end = y_;
        LayoutIter iter(pango_layout_get_iter(layout.get()));
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            const double top = static_cast<double>(logical.y) / PANGO_SCALE;
            const double height = static_cast<double>(logical.height) / PANGO_SCALE;
            if (shift + top + height > kBottom && shift + top > kMargin) {
                new_page();
                cairo_set_source_rgb(cr_, s.gray, s.gray, s.gray);
                shift = kMargin - top;
            }
            const double baseline =
                static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE;
            cairo_move_to(cr_, kMargin + indent + static_cast<double>(logical.x) / PANGO_SCALE,
                          shift + baseline);
            pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(iter.get()));
            end = shift + top + height;
        } while (pango_layout_iter_next_line(iter.get()));
        y_ = end + s.after;
    }

    void new_page() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
    }

    void footer() {
        std::string text = doc_.title + " · 第 " + std::to_string(page_) + " 页";
        if (total_ > 0) text += "，共 " + std::to_string(total_) + " 页";
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_new());
        pango_font_description_set_family(font.get(), kFamily);
        pango_font_description_set_absolute_size(font.get(), 8 * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(kTextWidth * PANGO_SCALE));
        pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_MIDDLE);
        pango_layout_set_text(layout.get(), text.c_str(), -1);
        cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
        cairo_move_to(cr_, kMargin, kBottom + 6 * kMm);
        pango_cairo_show_layout(cr_, layout.get());
    }

    cairo_t* cr_;
    const FlowDocument& doc_;
    int total_;
    Context context_;
    int page_ = 1;
    double y_ = kMargin;
};

// Draws the document into `pdf`; returns its page count.
int render(const FlowDocument& doc, int total, std::string& pdf) {
    Surface surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &pdf, kPageWidth, kPageHeight));
    check(cairo_surface_status(surface.get()), "PDF surface");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Yishi");
    Cairo cr(cairo_create(surface.get()));
    int pages = Pages(cr.get(), doc, total).draw();
    check(cairo_status(cr.get()), "drawing the document");
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing the document");
    return pages;
}

}  // namespace

std::string flow_document_pdf(const FlowDocument& doc) {
    require_utf8(doc.title, "document title");
    for (const Block& b : doc.blocks) {
        require_utf8(b.lead, "document");
        require_utf8(b.text, "document");
    }
    std::lock_guard<std::mutex> lock(drawing_lock());
    std::string counting;
    const int pages = render(doc, 0, counting);
    std::string pdf;
    render(doc, pages, pdf);
    return pdf;
}

}  // namespace yishi::server::print
