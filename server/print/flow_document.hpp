// A printed document as a sequence of blocks (title, headings, paragraphs) that flows line by
// line over A4 pages: long texts wrap and continue on the next page, each page numbered.
#pragma once
#include <string>
#include <vector>

namespace yishi::server::print {

enum class BlockKind {
    title,       // large, bold, centred
    subtitle,    // centred, gray
    heading,     // a part of the document: 一、…; kept with what follows it
    subheading,  // an entry inside a part, bold
    paragraph,   // body text
    note,        // smaller, gray: who, when, sources
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string lead;  // printed bold before the text, e.g. "时间："
    std::string text;
    int indent = 0;  // steps of 2 em
};

struct FlowDocument {
    std::string title;   // the PDF's title and every page's footer
    std::vector<Block> blocks;

    void add(BlockKind kind, std::string text, std::string lead = "", int indent = 0) {
        blocks.push_back({kind, std::move(lead), std::move(text), indent});
    }
};

// The document as PDF bytes: A4 portrait, 20 mm margins, every text in embedded CJK glyphs,
// a footer "title · 第 n / N 页". Throws std::runtime_error if rendering fails (no font, text
// that is not UTF-8, ...).
std::string flow_document_pdf(const FlowDocument& doc);

}  // namespace yishi::server::print
