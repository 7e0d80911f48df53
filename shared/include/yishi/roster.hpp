// A community's roster (花名册) as its office keeps it: a CSV exported from Excel, read into
// residents to create and rows refused with their line and reason, before anything is written.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"

namespace yishi {

constexpr std::size_t kRosterMaxRows = 20000;  // more rows: refuse the file with too_many_rows
constexpr std::size_t kRosterNameMaxChars = 32;
constexpr std::size_t kRosterPlaceMaxChars = 12;  // building, unit, room: a label fits in 40
constexpr std::size_t kRosterGridMaxChars = 32;

// One resident as the file lists them.
struct RosterRow {
    int line = 0;          // line number in the file (header is line 1)
    std::string name;      // 姓名
    std::string building;  // 楼栋/楼号/栋 (may be empty)
    std::string unit;      // 单元
    std::string room;      // 房号/门牌号/室号
    std::string grid;      // 网格
    std::int64_t floor_area_centi_m2 = 0;  // 专有面积(㎡)/建筑面积/面积; 0 when empty
    std::string phone;     // 手机号/电话/联系电话: digits only, without +86; may be empty
    // The household's label, "3栋2单元501", from building, unit and room; "" when all are empty.
    std::string household() const;
};

// A row that will not be created; the message is Chinese and names the line:
// "第 7 行：缺少姓名".
struct RosterRefusal {
    int line = 0;
    std::string code;
    std::string message;
};

struct RosterPreview {
    std::vector<RosterRow> accepted;
    std::vector<RosterRefusal> refused;
};

// Reads a roster from UTF-8 CSV text (a leading BOM is skipped): RFC 4180 quoting, CRLF, LF or
// CR line ends, header names in Chinese in any order and in their usual variants (unknown
// columns ignored), blank lines skipped. Cells are data, never evaluated: a formula-like cell
// such as "=SUM(A1)" is kept exactly as written.
// Whole-file refusals: bad_encoding (not UTF-8), bad_csv (unterminated quote, no header),
// missing_column (no 姓名 column), too_many_rows (over kRosterMaxRows).
// Row refusals: missing_name, bad_name, too_long, bad_floor_area, bad_phone, duplicate_member
// (a name twice in one household: the later row is refused, naming the earlier line).
Result<RosterPreview> read_roster(std::string_view utf8_csv);

}  // namespace yishi
