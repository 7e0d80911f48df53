// CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads the Chinese headers), RFC 4180
// quoting, CRLF rows, and cells a spreadsheet would run as a formula neutralised.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace yishi {

inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// One cell: a text beginning with = + - @, a tab or a carriage return gets a leading ' so that
// no spreadsheet evaluates it; then a cell holding a comma, a quote, CR or LF is quoted, its
// quotes doubled.
std::string csv_cell(std::string_view text);
// Cells joined by commas, ending with CRLF.
std::string csv_row(const std::vector<std::string>& cells);
// BOM, the header row and the rows.
std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows);

}  // namespace yishi
