// CSV for spreadsheets: BOM, RFC 4180 quoting, CRLF rows, formulas neutralised.
#include <boost/test/unit_test.hpp>

#include "yishi/csv.hpp"

using namespace yishi;

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(plain_cells_stay_as_they_are) {
    BOOST_TEST(csv_cell("路灯维修") == "路灯维修");
    BOOST_TEST(csv_cell("") == "");
    BOOST_TEST(csv_cell("12") == "12");
}

BOOST_AUTO_TEST_CASE(commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled) {
    BOOST_TEST(csv_cell("a,b") == "\"a,b\"");
    BOOST_TEST(csv_cell("他说\"好\"") == "\"他说\"\"好\"\"\"");
    BOOST_TEST(csv_cell("一\n二") == "\"一\n二\"");
    BOOST_TEST(csv_cell("一\r\n二") == "\"一\r\n二\"");
}

BOOST_AUTO_TEST_CASE(cells_a_spreadsheet_would_run_get_a_leading_quote) {
    BOOST_TEST(csv_cell("=1+2") == "'=1+2");
    BOOST_TEST(csv_cell("+86") == "'+86");
    BOOST_TEST(csv_cell("-1") == "'-1");
    BOOST_TEST(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    BOOST_TEST(csv_cell("\tx") == "'\tx");
    BOOST_TEST(csv_cell("\rx") == "\"'\rx\"");
    BOOST_TEST(csv_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    BOOST_TEST(csv_cell("a=1") == "a=1");
}

BOOST_AUTO_TEST_CASE(a_document_starts_with_the_bom_and_ends_every_row_with_crlf) {
    std::string doc = csv_document({"编号", "标题"}, {{"1", "a,b"}, {"2", "=x"}});
    BOOST_TEST(doc == "\xEF\xBB\xBF编号,标题\r\n1,\"a,b\"\r\n2,'=x\r\n");
    BOOST_TEST(csv_row({}) == "\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
