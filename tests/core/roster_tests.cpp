// Roster (花名册) files as community offices export them from Excel: columns in any order,
// quoting, refused rows with their line and reason, whole-file refusals.
#include <boost/test/unit_test.hpp>

#include <string>

#include "yishi/decimal.hpp"
#include "yishi/roster.hpp"

using namespace yishi;

namespace {

// A 居委会's export: BOM, CRLF, Excel's column order, a title-less header with a full-width
// unit, a cell quoted for its comma, a formula-like cell, a bad area, a missing name and a
// resident listed twice in one household.
const std::string kExport =
    "\xEF\xBB\xBF"
    "序号,网格,楼栋,单元,房号,姓名,性别,手机号,专有面积（㎡）\r\n"     // line 1
    "1,第一网格,3,2,501,张秀英,女,138 0013 8000,88.20\r\n"               // 2
    "2,第一网格,3,2,501,李建国,男,+86 139-0000-0001,88.2\r\n"           // 3
    "3,第二网格,5,1,102,\"欧阳,明\",男,,\r\n"                            // 4
    "4,第二网格,5,1,102,\"=cmd|' /C calc'!A0\",男,,\r\n"                 // 5
    "5,第二网格,5,1,201,赵丽,女,13700000002,八十\r\n"                    // 6
    "6,第二网格,5,1,202,,男,,60\r\n"                                     // 7
    "7,第一网格,3,2,501,张秀英,女,,88.20\r\n"                            // 8
    "8,第三网格,7号楼,3单元,1001,孙桂兰,女,0871-65123456,120.05\r\n";    // 9

const RosterRow* row_named(const RosterPreview& p, const std::string& name) {
    for (const auto& r : p.accepted)
        if (r.name == name) return &r;
    return nullptr;
}

RosterPreview read_ok(const std::string& csv) {
    auto r = read_roster(csv);
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().code + " " + r.error().message));
    return r.value();
}

Error read_refused(const std::string& csv) {
    auto r = read_roster(csv);
    BOOST_REQUIRE(!r.ok());
    return r.error();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(roster)

BOOST_AUTO_TEST_CASE(an_excel_export_is_read_by_column_name_whatever_the_order) {
    auto p = read_ok(kExport);
    BOOST_TEST(p.accepted.size() == 5u);
    const RosterRow* zhang = row_named(p, "张秀英");
    BOOST_REQUIRE(zhang);
    BOOST_TEST(zhang->line == 2);
    BOOST_TEST(zhang->building == "3");
    BOOST_TEST(zhang->unit == "2");
    BOOST_TEST(zhang->room == "501");
    BOOST_TEST(zhang->grid == "第一网格");
    BOOST_TEST(zhang->household() == "3栋2单元501");
    BOOST_TEST(zhang->floor_area_centi_m2 == 8820);
    BOOST_TEST(zhang->phone == "13800138000");
    const RosterRow* li = row_named(p, "李建国");
    BOOST_REQUIRE(li);
    BOOST_TEST(li->phone == "13900000001");  // +86, spaces and dashes dropped
    BOOST_TEST(li->floor_area_centi_m2 == 8820);
    const RosterRow* sun = row_named(p, "孙桂兰");
    BOOST_REQUIRE(sun);
    BOOST_TEST(sun->line == 9);
    BOOST_TEST(sun->household() == "7号楼3单元1001");
    BOOST_TEST(sun->floor_area_centi_m2 == 12005);
    BOOST_TEST(sun->phone == "087165123456");
}

BOOST_AUTO_TEST_CASE(a_quoted_cell_keeps_its_comma) {
    auto p = read_ok(kExport);
    const RosterRow* ouyang = row_named(p, "欧阳,明");
    BOOST_REQUIRE(ouyang);
    BOOST_TEST(ouyang->line == 4);
    BOOST_TEST(ouyang->household() == "5栋1单元102");
    BOOST_TEST(ouyang->floor_area_centi_m2 == 0);  // empty area
    BOOST_TEST(ouyang->phone.empty());
}

BOOST_AUTO_TEST_CASE(every_bad_row_is_refused_with_its_line_and_reason_in_file_order) {
    auto p = read_ok(kExport);
    BOOST_REQUIRE(p.refused.size() == 3u);
    BOOST_TEST(p.refused[0].line == 6);
    BOOST_TEST(p.refused[0].code == "bad_floor_area");
    BOOST_TEST(p.refused[0].message ==
               "第 6 行：面积“八十”无效：须为大于 0 的数，最多两位小数，如 88.20（平方米）");
    BOOST_TEST(p.refused[1].line == 7);
    BOOST_TEST(p.refused[1].code == "missing_name");
    BOOST_TEST(p.refused[1].message == "第 7 行：缺少姓名");
    BOOST_TEST(p.refused[2].line == 8);
    BOOST_TEST(p.refused[2].code == "duplicate_member");
    BOOST_TEST(p.refused[2].message == "第 8 行：3栋2单元501 已有同名成员“张秀英”（第 2 行）");
}

BOOST_AUTO_TEST_CASE(formula_like_cells_are_kept_as_plain_text_exactly_as_written) {
    auto p = read_ok(kExport);
    BOOST_TEST(row_named(p, "=cmd|' /C calc'!A0"));
    auto q = read_ok("姓名,房号\n+1,1\n-2,2\n@SUM(A1:A9),3\n=HYPERLINK(\"http://x\"),4\n");
    BOOST_REQUIRE(q.accepted.size() == 4u);
    BOOST_TEST(q.accepted[0].name == "+1");
    BOOST_TEST(q.accepted[1].name == "-2");
    BOOST_TEST(q.accepted[2].name == "@SUM(A1:A9)");
    BOOST_TEST(q.accepted[3].name == "=HYPERLINK(\"http://x\")");
}

BOOST_AUTO_TEST_CASE(quotes_inside_quotes_and_line_breaks_in_quotes_follow_rfc_4180) {
    auto p = read_ok("姓名,楼栋,备注\n\"陈\"\"老四\"\"\",1,\"第一行\n第二行\"\n王五,2,\n");
    BOOST_REQUIRE(p.accepted.size() == 2u);
    BOOST_TEST(p.accepted[0].name == "陈\"老四\"");
    BOOST_TEST(p.accepted[0].line == 2);
    BOOST_TEST(p.accepted[1].line == 4);  // the quoted line break took line 3
    // A line break inside a name cannot be a name.
    auto q = read_ok("姓名\n\"张\n三\"\n");
    BOOST_REQUIRE(q.refused.size() == 1u);
    BOOST_TEST(q.refused[0].code == "bad_name");
    BOOST_TEST(q.refused[0].line == 2);
}

BOOST_AUTO_TEST_CASE(lf_cr_and_crlf_line_ends_number_lines_alike) {
    for (const char* end : {"\n", "\r\n", "\r"}) {
        std::string e = end;
        auto p = read_ok("姓名,楼栋" + e + "甲,1" + e + e + "乙,2" + e);
        BOOST_REQUIRE(p.accepted.size() == 2u);
        BOOST_TEST(p.accepted[1].name == "乙");
        BOOST_TEST(p.accepted[1].line == 4);
    }
}

BOOST_AUTO_TEST_CASE(blank_lines_and_rows_of_empty_cells_are_skipped_but_counted) {
    auto p = read_ok("姓名,楼栋,单元\n\n,,\n  , ,\n甲,1,1\n,,\n");
    BOOST_REQUIRE(p.accepted.size() == 1u);
    BOOST_TEST(p.accepted[0].line == 5);
    BOOST_TEST(p.refused.empty());
}

BOOST_AUTO_TEST_CASE(header_variants_of_width_units_and_marks_are_recognised) {
    auto p = read_ok("*姓名 ,楼号,单元号,门牌号,所属网格,建筑面积(平方米),联系电话,民族\n"
                     "甲,3,2,501,一网格,70.5,13800000000,汉\n");
    BOOST_REQUIRE(p.accepted.size() == 1u);
    const auto& r = p.accepted[0];
    BOOST_TEST(r.household() == "3栋2单元501");
    BOOST_TEST(r.grid == "一网格");
    BOOST_TEST(r.floor_area_centi_m2 == 7050);
    BOOST_TEST(r.phone == "13800000000");
    for (const char* area : {"专有面积(㎡)", "专有面积（㎡）", "专有面积㎡", "面积（m²）", "面积"}) {
        auto q = read_ok(std::string("姓名,") + area + "\n甲,88.20\n");
        BOOST_REQUIRE(q.accepted.size() == 1u);
        BOOST_TEST(q.accepted[0].floor_area_centi_m2 == 8820, area);
    }
}

BOOST_AUTO_TEST_CASE(private_area_wins_over_building_area_when_both_are_listed) {
    auto p = read_ok("姓名,建筑面积,专有面积(㎡)\n甲,100.00,88.20\n");
    BOOST_REQUIRE(p.accepted.size() == 1u);
    BOOST_TEST(p.accepted[0].floor_area_centi_m2 == 8820);
}

BOOST_AUTO_TEST_CASE(a_title_row_above_the_header_is_passed_over) {
    auto p = read_ok("幸福社区居民花名册,,\n姓名,楼栋,房号\n甲,1,101\n");
    BOOST_REQUIRE(p.accepted.size() == 1u);
    BOOST_TEST(p.accepted[0].line == 3);
}

BOOST_AUTO_TEST_CASE(areas_are_read_exactly_and_a_third_decimal_is_refused_not_rounded) {
    auto p = read_ok("姓名,专有面积\n甲,0.01\n乙,88.2\n丙,9999999.99\n丁,1.005\n戊,0\n己,-5\n庚,1e2\n辛,88.20㎡\n");
    BOOST_REQUIRE(p.accepted.size() == 4u);
    BOOST_TEST(p.accepted[0].floor_area_centi_m2 == 1);
    BOOST_TEST(p.accepted[1].floor_area_centi_m2 == 8820);
    BOOST_TEST(p.accepted[2].floor_area_centi_m2 == 999999999);
    BOOST_TEST(p.accepted[3].floor_area_centi_m2 == 8820);
    BOOST_REQUIRE(p.refused.size() == 4u);
    for (const auto& r : p.refused) BOOST_TEST(r.code == "bad_floor_area");
    BOOST_TEST(p.refused[0].line == 5);
}

BOOST_AUTO_TEST_CASE(phones_are_eleven_digit_mobiles_or_fixed_lines) {
    auto p = read_ok("姓名,手机号\n甲,13800000000\n乙,1380000000\n丙,1.38E+10\n丁,138000000001\n"
                     "戊,+86 138 0000 0000\n己,=13800000000\n");
    BOOST_REQUIRE(p.accepted.size() == 2u);
    BOOST_TEST(p.accepted[1].phone == "13800000000");
    BOOST_REQUIRE(p.refused.size() == 4u);
    for (const auto& r : p.refused) BOOST_TEST(r.code == "bad_phone");
    BOOST_TEST(p.refused[0].message ==
               "第 3 行：手机号“1380000000”无效：须为 11 位手机号或带区号的固定电话");
}

BOOST_AUTO_TEST_CASE(names_are_one_line_of_at_most_32_characters_without_control_characters) {
    std::string at_limit;
    for (int i = 0; i < 32; ++i) at_limit += "名";
    auto p = read_ok("姓名\n" + at_limit + "\n" + at_limit + "多\n张\xE2\x80\xAE三\n  王五  \n");
    BOOST_REQUIRE(p.accepted.size() == 2u);
    BOOST_TEST(p.accepted[1].name == "王五");  // trimmed
    BOOST_REQUIRE(p.refused.size() == 2u);
    BOOST_TEST(p.refused[0].code == "too_long");
    BOOST_TEST(p.refused[0].message == "第 3 行：姓名不能超过32个字");
    BOOST_TEST(p.refused[1].code == "bad_name");
    BOOST_TEST(p.refused[1].message.find("U+202E") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_name_in_two_households_is_two_residents) {
    auto p = read_ok("姓名,楼栋,单元,房号\n王芳,1,1,101\n王芳,1,1,102\n王芳,,,\n王芳,,,\n");
    BOOST_TEST(p.accepted.size() == 4u);  // without a household nothing says they are one person
    BOOST_TEST(p.refused.empty());
    // "3" and "3栋" are one building.
    auto q = read_ok("姓名,楼栋,房号\n王芳,3,101\n王芳,3栋,101\n");
    BOOST_TEST(q.accepted.size() == 1u);
    BOOST_REQUIRE(q.refused.size() == 1u);
    BOOST_TEST(q.refused[0].code == "duplicate_member");
}

BOOST_AUTO_TEST_CASE(household_labels_add_the_missing_suffixes_only) {
    RosterRow r;
    BOOST_TEST(r.household() == "");
    r.building = "3";
    BOOST_TEST(r.household() == "3栋");
    r.unit = "2单元";
    r.room = "501";
    BOOST_TEST(r.household() == "3栋2单元501");
    r.building = "A座";
    r.unit = "B";
    BOOST_TEST(r.household() == "A座B单元501");
}

BOOST_AUTO_TEST_CASE(a_file_without_a_name_column_is_refused_whole) {
    Error e = read_refused("序号,楼栋,房号\n1,3,501\n");
    BOOST_TEST(e.code == "missing_column");
    BOOST_TEST(e.status == 400);
    BOOST_TEST(e.message == "花名册缺少“姓名”列，请检查表头");
}

BOOST_AUTO_TEST_CASE(an_unterminated_quote_or_no_header_is_a_bad_csv) {
    Error open = read_refused("姓名,楼栋\n甲,1\n\"乙,2\n丙,3\n");
    BOOST_TEST(open.code == "bad_csv");
    BOOST_TEST(open.status == 400);
    BOOST_TEST(open.message == "CSV 文件格式错误：第 3 行的引号没有闭合");
    for (const char* empty : {"", "\xEF\xBB\xBF", "\r\n\r\n", ",,,\n"})
        BOOST_TEST(read_refused(empty).code == "bad_csv");
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_is_refused_as_an_encoding_error) {
    Error e = read_refused("\xD0\xD5\xC3\xFB\n\xD5\xC5\xC8\xFD\n");  // 姓名 / 张三 in GB18030
    BOOST_TEST(e.code == "bad_encoding");
    BOOST_TEST(e.message == "文件编码无法识别：请另存为 UTF-8 或 GB18030（GBK）编码的 CSV");
}

BOOST_AUTO_TEST_CASE(five_thousand_rows_are_all_read_with_their_lines) {
    std::string csv = "序号,姓名,性别,楼栋,单元,房号,网格,专有面积(㎡),手机号\r\n";
    for (int i = 0; i < 5000; ++i)
        csv += std::to_string(i + 1) + ",居民" + std::to_string(i) + ",女," + std::to_string(i / 100 + 1) +
               "," + std::to_string(i % 4 + 1) + "," + std::to_string(100 + i % 25) + ",第" +
               std::to_string(i % 7 + 1) + "网格,88.20,138" + std::to_string(10000000 + i) + "\r\n";
    auto p = read_ok(csv);
    BOOST_TEST(p.accepted.size() == 5000u);
    BOOST_TEST(p.refused.empty());
    BOOST_TEST(p.accepted.back().line == 5001);
    BOOST_TEST(p.accepted.back().phone == "13810004999");
}

BOOST_AUTO_TEST_CASE(more_rows_than_the_limit_refuse_the_file) {
    std::string csv = "姓名\n";
    for (std::size_t i = 0; i < kRosterMaxRows; ++i) csv += "甲\n";
    BOOST_TEST(read_ok(csv).accepted.size() == kRosterMaxRows);
    Error e = read_refused(csv + "乙\n");
    BOOST_TEST(e.code == "too_many_rows");
    BOOST_TEST(e.status == 400);
}

BOOST_AUTO_TEST_CASE(floor_area_parser_is_exact_and_strict) {
    BOOST_TEST(parse_floor_area("88.20").value() == 8820);
    BOOST_TEST(parse_floor_area("9999999.99").value() == 999999999);
    for (const char* bad : {"", "88.", ".5", "088", "88.201", "-5", "abc", "99999999", " 8"}) {
        auto r = parse_floor_area(bad);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().code == "bad_floor_area", bad);
    }
    auto zero = parse_floor_area("0.00");
    BOOST_REQUIRE(!zero.ok());
    BOOST_TEST(zero.error().message == "建筑面积须大于 0");
}

BOOST_AUTO_TEST_SUITE_END()
