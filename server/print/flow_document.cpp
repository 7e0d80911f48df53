// Lays out a FlowDocument with pango line by line, starting a new page wherever the next line
// would cross the bottom margin; drawn twice, the first time only to count the pages.
#include "flow_document.hpp"

#include <cairo-pdf.h>

#include <algorithm>
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
        case BlockKind::table: return {9.5, false, 0, false, 2, 6};
        case BlockKind::bars: return {9, false, 0, false, 2, 6};
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
    // A layout in the document's font, `size` points, wrapped at `width` points.
    Layout text_layout(const std::string& markup, double size, bool bold, double width) {
        Layout layout(pango_layout_new(context_.get()));
        FontDescription font(pango_font_description_new());
        pango_font_description_set_family(font.get(), kFamily);
        pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
        if (bold) pango_font_description_set_weight(font.get(), PANGO_WEIGHT_BOLD);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        return layout;
    }

    static double height_of(PangoLayout* layout) {
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
        return static_cast<double>(logical.height) / PANGO_SCALE;
    }

    // A row of cells drawn at y_, ruled below; a row that does not fit starts a new page, where
    // the header row (if `header` is given) is repeated first.
    void table_row(const std::vector<std::string>& cells, const std::vector<double>& widths,
                   bool bold, const std::vector<std::string>* header) {
        const Style s = style_of(BlockKind::table);
        constexpr double kPad = 3;
        std::vector<Layout> layouts;
        double height = 0;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string text = i < cells.size() ? cells[i] : "";
            layouts.push_back(text_layout(escaped(text), s.size, bold, widths[i] - 2 * kPad));
            height = std::max(height, height_of(layouts.back().get()));
        }
        height += 2 * kPad;
        if (y_ + height > kBottom && y_ > kMargin) {
            new_page();
            if (header) table_row(*header, widths, true, nullptr);
        }
        double x = kMargin;
        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (bold) {
            cairo_set_source_rgb(cr_, 0.92, 0.92, 0.92);
            cairo_rectangle(cr_, kMargin, y_, kTextWidth, height);
            cairo_fill(cr_);
            cairo_set_source_rgb(cr_, 0, 0, 0);
        }
        for (std::size_t i = 0; i < widths.size(); ++i) {
            cairo_move_to(cr_, x + kPad, y_ + kPad);
            pango_cairo_show_layout(cr_, layouts[i].get());
            x += widths[i];
        }
        cairo_set_line_width(cr_, 0.5);
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
        cairo_move_to(cr_, kMargin, y_ + height);
        cairo_line_to(cr_, kMargin + kTextWidth, y_ + height);
        cairo_stroke(cr_);
        y_ += height;
    }

    void table(const Block& b) {
        if (b.rows.empty()) return;
        std::size_t columns = 0;
        for (const auto& row : b.rows) columns = std::max(columns, row.size());
        std::vector<double> widths;
        double total = 0;
        for (std::size_t i = 0; i < columns; ++i)
            total += i < b.widths.size() && b.widths[i] > 0 ? b.widths[i] : 1;
        for (std::size_t i = 0; i < columns; ++i)
            widths.push_back(kTextWidth * (i < b.widths.size() && b.widths[i] > 0 ? b.widths[i] : 1) /
                             total);
        const Style s = style_of(BlockKind::table);
        if (y_ > kMargin) y_ += s.before;
        table_row(b.rows.front(), widths, true, nullptr);
        for (std::size_t r = 1; r < b.rows.size(); ++r)
            table_row(b.rows[r], widths, false, &b.rows.front());
        y_ += s.after;
    }

    // One row per bar: the label at the left, the bar scaled to the largest value, the value.
    void bars(const Block& b) {
        const Style s = style_of(BlockKind::bars);
        constexpr double kLabelWidth = 30 * kMm;
        constexpr double kValueWidth = 20 * kMm;
        constexpr double kRow = 14;
        std::int64_t largest = 0;
        for (const auto& [label, value] : b.bars) largest = std::max(largest, value);
        if (y_ > kMargin) y_ += s.before;
        for (const auto& [label, value] : b.bars) {
            if (y_ + kRow > kBottom) new_page();
            Layout name = text_layout(escaped(label), s.size, false, kLabelWidth - 4);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_move_to(cr_, kMargin, y_ + 1);
            pango_cairo_show_layout(cr_, name.get());
            const double room = kTextWidth - kLabelWidth - kValueWidth;
            const double length =
                largest > 0 ? room * static_cast<double>(std::max<std::int64_t>(value, 0)) /
                                  static_cast<double>(largest)
                            : 0;
            cairo_set_source_rgb(cr_, 0.25, 0.45, 0.7);
            cairo_rectangle(cr_, kMargin + kLabelWidth, y_ + 2, length, kRow - 4);
            cairo_fill(cr_);
            Layout number = text_layout(escaped(std::to_string(value)), s.size, false, kValueWidth);
            cairo_set_source_rgb(cr_, 0, 0, 0);
            cairo_move_to(cr_, kMargin + kLabelWidth + length + 3, y_ + 1);
            pango_cairo_show_layout(cr_, number.get());
            y_ += kRow;
        }
        y_ += s.after;
    }

    void block(const Block& b) {
        if (b.kind == BlockKind::table) return table(b);
        if (b.kind == BlockKind::bars) return bars(b);
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
        for (const auto& row : b.rows)
            for (const auto& cell : row) require_utf8(cell, "document");
        for (const auto& bar : b.bars) require_utf8(bar.first, "document");
    }
    std::lock_guard<std::mutex> lock(drawing_lock());
    std::string counting;
    const int pages = render(doc, 0, counting);
    std::string pdf;
    render(doc, pages, pdf);
    return pdf;
}

}  // namespace yishi::server::print
