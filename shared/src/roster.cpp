// Roster (花名册) files: CSV records with their line numbers, the header's Chinese column names,
// and each row checked into a resident or a refusal.
#include "yishi/roster.hpp"

#include <cstdio>
#include <map>
#include <optional>
#include <tuple>

#include "yishi/decimal.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {

// One CSV record and the line it starts on (a quoted cell may hold line breaks).
struct Record {
    int line = 0;
    std::vector<std::string> cells;
};

Error csv_error(const std::string& code, const std::string& message) {
    Error e = make_error(code);
    if (!message.empty()) e.message = message;
    return e;
}

// RFC 4180 as Excel writes it: cells separated by commas, quoted when they hold a comma, a
// quote ("" inside) or a line break; records end with CRLF, LF or CR. Text after a closing
// quote and quotes inside an unquoted cell are kept as written, as Excel reads them.
Result<std::vector<Record>> split_records(std::string_view s) {
    std::vector<Record> records;
    std::size_t i = 0;
    const std::size_t n = s.size();
    int line = 1;
    auto line_end_at = [&](std::size_t k) { return s[k] == '\n' || s[k] == '\r'; };
    // Consumes one line end at i (CRLF counts once).
    auto take_line_end = [&] {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ++i;
        ++i;
        ++line;
    };
    while (i < n) {
        Record r;
        r.line = line;
        while (true) {
            std::string cell;
            if (s[i] == '"') {
                int opened_on = line;
                ++i;
                while (true) {
                    if (i >= n)
                        return csv_error("bad_csv", "CSV 文件格式错误：第 " + std::to_string(opened_on) +
                                                        " 行的引号没有闭合");
                    if (s[i] == '"') {
                        if (i + 1 < n && s[i + 1] == '"') {
                            cell += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (line_end_at(i)) {
                        std::size_t from = i;
                        take_line_end();
                        cell.append(s.substr(from, i - from));
                        continue;
                    }
                    cell += s[i++];
                }
            }
            while (i < n && s[i] != ',' && !line_end_at(i)) cell += s[i++];
            r.cells.push_back(std::move(cell));
            if (i < n && s[i] == ',') {
                ++i;
                if (i < n) continue;
                r.cells.emplace_back();  // a trailing comma ends with an empty cell
            }
            if (i < n) take_line_end();
            break;
        }
        bool blank = true;
        for (const auto& c : r.cells) blank = blank && trim(c).empty();
        if (!blank) records.push_back(std::move(r));
    }
    return records;
}

enum class Column { name, building, unit, room, grid, floor_area, phone, count };

// The names offices give each column, the preferred first: with two area columns, 专有面积
// (what an owners' assembly weighs) wins over 建筑面积.
const std::vector<std::vector<std::string>>& column_names() {
    static const std::vector<std::vector<std::string>> names = {
        {"姓名", "居民姓名", "成员姓名", "名字"},
        {"楼栋", "楼栋号", "楼号", "栋", "栋号", "幢", "幢号", "楼幢", "楼"},
        {"单元", "单元号"},
        {"房号", "房间号", "门牌号", "室号", "房屋号", "门牌", "室"},
        {"网格", "所属网格", "网格名称", "网格名"},
        {"专有面积", "专有部分面积", "建筑面积", "房屋面积", "住房面积", "面积"},
        {"手机号", "手机号码", "手机", "联系电话", "电话", "电话号码", "联系方式"},
    };
    return names;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A header cell reduced to its name: without spaces, the required-column mark "*", a unit in
// parentheses of either width ("专有面积（㎡）", "面积(平方米)") or written after it ("面积㎡").
std::string header_key(std::string_view cell) {
    std::string key;
    for (char32_t c : decode_utf8(trim(cell)))
        if (c != ' ' && c != 0x3000 && c != '*' && c != 0xFF0A) append_utf8(key, c);
    for (std::string_view open : {"(", "（", "[", "【"})
        if (auto at = key.find(open); at != std::string::npos) key.resize(at);
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view unit : {"㎡", "m²", "m2", "平方米", "平米", "/", "／", ":", "："})
            if (ends_with(key, unit) && key.size() > unit.size()) {
                key.resize(key.size() - unit.size());
                cut = true;
            }
    }
    return key;
}

// Where each column is, from a header record; nullopt when it has no 姓名 column.
using Columns = std::vector<int>;  // index by Column, -1 when absent
std::optional<Columns> find_columns(const Record& header) {
    Columns at(static_cast<std::size_t>(Column::count), -1);
    std::vector<std::size_t> rank(at.size(), SIZE_MAX);
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        std::string key = header_key(header.cells[c]);
        for (std::size_t col = 0; col < at.size(); ++col) {
            const auto& names = column_names()[col];
            for (std::size_t r = 0; r < names.size() && r < rank[col]; ++r)
                if (key == names[r]) {
                    at[col] = static_cast<int>(c);
                    rank[col] = r;
                }
        }
    }
    if (at[static_cast<std::size_t>(Column::name)] < 0) return std::nullopt;
    return at;
}

std::string code_point(char32_t c) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
    return text;
}

// Checks one row; the refusal's message starts with its line.
class RowReader {
public:
    RowReader(const Record& record, const Columns& at) : record_(record), at_(at) {}

    std::optional<RosterRefusal> read(RosterRow& row) {
        row.line = record_.line;
        std::string name = cell(Column::name);
        if (name.empty()) return refuse("missing_name", "缺少姓名");
        auto checked = validate_text(name, "name", kRosterNameMaxChars, TextLines::one);
        if (!checked) {
            if (checked.error().code == "too_long")
                return refuse("too_long", "姓名不能超过" + std::to_string(kRosterNameMaxChars) + "个字");
            return refuse("bad_name", checked.error().message);
        }
        row.name = checked.value();
        for (auto [column, label, max, out] :
             {std::tuple{Column::building, "楼栋", kRosterPlaceMaxChars, &row.building},
              std::tuple{Column::unit, "单元", kRosterPlaceMaxChars, &row.unit},
              std::tuple{Column::room, "房号", kRosterPlaceMaxChars, &row.room},
              std::tuple{Column::grid, "网格", kRosterGridMaxChars, &row.grid}}) {
            *out = cell(column);
            if (auto c = forbidden_character(*out, TextLines::one))
                return refuse("bad_character",
                              std::string(label) + "含有不允许的字符（" + code_point(*c) + "），请删除后重试");
            if (utf8_length(*out) > max)
                return refuse("too_long", std::string(label) + "不能超过" + std::to_string(max) + "个字");
        }
        if (auto refused = read_area(row)) return refused;
        if (auto refused = read_phone(row)) return refused;
        return std::nullopt;
    }

    RosterRefusal refuse(const std::string& code, const std::string& message) const {
        return {record_.line, code, "第 " + std::to_string(record_.line) + " 行：" + message};
    }

private:
    std::string cell(Column column) const {
        int c = at_[static_cast<std::size_t>(column)];
        if (c < 0 || static_cast<std::size_t>(c) >= record_.cells.size()) return {};
        return trim(record_.cells[static_cast<std::size_t>(c)]);
    }

    // Quotes a cell in a message only when it is short and shows as it reads.
    static std::string quoted(const std::string& text) {
        if (utf8_length(text) > 20 || forbidden_character(text, TextLines::one)) return "";
        return "“" + text + "”";
    }

    std::optional<RosterRefusal> read_area(RosterRow& row) const {
        std::string text = cell(Column::floor_area);
        for (std::string_view unit : {"㎡", "m²", "平方米"})
            if (ends_with(text, unit)) text = trim(text.substr(0, text.size() - unit.size()));
        if (text.empty()) return std::nullopt;
        auto area = parse_floor_area(text);
        if (!area)
            return refuse("bad_floor_area", "面积" + quoted(cell(Column::floor_area)) +
                                                 "无效：须为大于 0 的数，最多两位小数，如 88.20（平方米）");
        row.floor_area_centi_m2 = area.value();
        return std::nullopt;
    }

    // A mobile number has 11 digits and starts with 1; a fixed line with its area code has 7 to
    // 12. Spaces, dashes and the country code +86 are dropped.
    std::optional<RosterRefusal> read_phone(RosterRow& row) const {
        std::string written = cell(Column::phone);
        std::string digits;
        for (char c : written)
            if (c != ' ' && c != '-') digits += c;
        if (digits.rfind("+86", 0) == 0) digits.erase(0, 3);
        if (written.empty()) return std::nullopt;
        bool all_digits = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
        bool fits = all_digits && (digits[0] == '1' ? digits.size() == 11
                                                    : digits.size() >= 7 && digits.size() <= 12);
        if (!fits)
            return refuse("bad_phone", "手机号" + quoted(written) + "无效：须为 11 位手机号或带区号的固定电话");
        row.phone = digits;
        return std::nullopt;
    }

    const Record& record_;
    const Columns& at_;
};

// "3" → "3栋", "3栋" or "3号楼" as written.
std::string with_suffix(const std::string& part, const char* suffix) {
    if (part.empty()) return part;
    char last = part.back();
    bool bare = (last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z') || (last >= 'a' && last <= 'z');
    return bare ? part + suffix : part;
}

}  // namespace

std::string RosterRow::household() const {
    return with_suffix(building, "栋") + with_suffix(unit, "单元") + room;
}

Result<RosterPreview> read_roster(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8(text)) return make_error("bad_encoding");
    auto records = split_records(text);
    if (!records) return records.error();
    const auto& all = records.value();
    if (all.empty()) return make_error("bad_csv");
    // The header is the first record naming a 姓名 column: Excel sheets often open with a
    // title row ("XX社区居民花名册") above it.
    constexpr std::size_t kTitleRowsMax = 5;
    std::size_t header = 0;
    std::optional<Columns> at;
    for (; header < all.size() && header <= kTitleRowsMax && !at; ++header) at = find_columns(all[header]);
    if (!at) return make_error("missing_column", "name");
    if (all.size() - header > kRosterMaxRows) return make_error("too_many_rows");

    RosterPreview preview;
    preview.accepted.reserve(all.size() - header);
    std::map<std::string, int> first_line;  // household + name → the line that listed them first
    for (std::size_t r = header; r < all.size(); ++r) {
        RowReader reader(all[r], *at);
        RosterRow row;
        if (auto refused = reader.read(row)) {
            preview.refused.push_back(std::move(*refused));
            continue;
        }
        std::string household = row.household();
        if (!household.empty()) {
            auto [it, fresh] = first_line.emplace(household + '\x1f' + row.name, row.line);
            if (!fresh) {
                preview.refused.push_back(reader.refuse(
                    "duplicate_member", household + " 已有同名成员“" + row.name + "”（第 " +
                                            std::to_string(it->second) + " 行）"));
                continue;
            }
        }
        preview.accepted.push_back(std::move(row));
    }
    return preview;
}

}  // namespace yishi
