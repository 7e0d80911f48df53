// CSV cells and rows for spreadsheets (see csv.hpp).
#include "yishi/csv.hpp"

namespace yishi {

std::string csv_cell(std::string_view text) {
    std::string cell;
    if (!text.empty()) {
        char c = text.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') cell = "'";
    }
    cell.append(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) row += ',';
        row += csv_cell(cells[i]);
    }
    row += "\r\n";
    return row;
}

std::string csv_document(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows) {
    std::string out(kCsvBom);
    out += csv_row(header);
    for (const auto& r : rows) out += csv_row(r);
    return out;
}

}  // namespace yishi
