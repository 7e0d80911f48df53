// A printed document as a sequence of blocks (title, headings, paragraphs) that flows line by
// line over A4 pages: long texts wrap and continue on the next page, each page numbered.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace yishi::server::print {

enum class BlockKind {
    title,       // large, bold, centred
    subtitle,    // centred, gray
    heading,     // a part of the document: 一、…; kept with what follows it
    subheading,  // an entry inside a part, bold
    paragraph,   // body text
    note,        // smaller, gray: who, when, sources
    table,       // rows of cells, the first row the header (repeated on a new page), ruled
    bars,        // a horizontal bar chart: a label, a bar to scale and its value per row
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string lead;  // printed bold before the text, e.g. "时间："
    std::string text;
    int indent = 0;  // steps of 2 em
    // table: each row's cells; `widths` are the columns' relative widths (equal when empty)
    std::vector<std::vector<std::string>> rows;
    std::vector<int> widths;
    // bars: label and value; bars are drawn to scale against the largest value
    std::vector<std::pair<std::string, std::int64_t>> bars;
};

struct FlowDocument {
    std::string title;   // the PDF's title and every page's footer
    std::vector<Block> blocks;

    void add(BlockKind kind, std::string text, std::string lead = "", int indent = 0) {
        blocks.push_back({kind, std::move(lead), std::move(text), indent, {}, {}, {}});
    }
    void add_table(std::vector<std::vector<std::string>> rows, std::vector<int> widths = {}) {
        Block b;
        b.kind = BlockKind::table;
        b.rows = std::move(rows);
        b.widths = std::move(widths);
        blocks.push_back(std::move(b));
    }
    void add_bars(std::vector<std::pair<std::string, std::int64_t>> bars) {
        Block b;
        b.kind = BlockKind::bars;
        b.bars = std::move(bars);
        blocks.push_back(std::move(b));
    }
};

// The document as PDF bytes: A4 portrait, 20 mm margins, every text in embedded CJK glyphs,
// a footer "title · 第 n / N 页". Throws std::runtime_error if rendering fails (no font, text
// that is not UTF-8, ...).
std::string flow_document_pdf(const FlowDocument& doc);

}  // namespace yishi::server::print
