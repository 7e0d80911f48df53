// The printable invite sheet (入户邀请单): read back from the PDF with poppler's pdftotext and
// pdfinfo, its QR codes decoded from a 200 dpi rendering with zbarimg, as a phone would.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "harness.hpp"
#include "yishi/server/invite_sheet.hpp"

using namespace yishi;
using namespace yishi::test;
using server::InviteSheet;
using server::InviteSlip;

namespace {
// Every QR code zbarimg finds on `page`, sorted.
std::vector<std::string> qr_codes_on(const std::filesystem::path& pdf, int page) {
    std::string p = std::to_string(page);
    auto png = temp_path("");
    run_tool("pdftoppm -r 200 -png -singlefile -f " + p + " -l " + p + " '" + pdf.string() +
             "' '" + png.string() + "'");
    std::istringstream found(run_tool("zbarimg --raw -q '" + png.string() + ".png'"));
    std::vector<std::string> codes;
    for (std::string line; std::getline(found, line);)
        if (!line.empty()) codes.push_back(line);
    std::sort(codes.begin(), codes.end());
    return codes;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Twenty residents with distinct names, households and codes (none a part of another), among
// them a name outside the Basic Multilingual Plane (𠮷, CJK extension B) and a rare one (龘).
InviteSheet twenty_slips() {
    const char* names[] = {"张伟", "王秀英", "李娜", "𠮷田花", "龘",     "刘洋", "陈静",
                           "杨帆", "赵磊",   "黄敏", "周杰",   "吴桂兰", "徐强", "孙丽",
                           "马超", "朱红梅", "胡军", "郭芳",   "何平",   "高建国"};
    const std::string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    InviteSheet sheet{"春晖社区", "东湖街道", {}};
    for (int i = 0; i < 20; ++i) {
        std::string raw;
        for (int j = 0; j < 10; ++j) raw += alphabet[(i * 7 + j * 3) % alphabet.size()];
        sheet.slips.push_back({names[i],
                               std::to_string(i / 4 + 1) + "栋" + std::to_string(i % 4 + 1) +
                                   "单元" + std::to_string(501 + i),
                               raw.substr(0, 5) + "-" + raw.substr(5),
                               "http://127.0.0.1:8080/#/register/" + raw});
    }
    return sheet;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(invite_sheet)

BOOST_AUTO_TEST_CASE(eight_slips_fill_a_page_so_twenty_take_three_a4_pages) {
    auto pdf = written_pdf(server::invite_sheet_pdf(twenty_slips()));
    BOOST_TEST(pdf_page_count(pdf) == 3);
    std::string info = run_tool("pdfinfo '" + pdf.string() + "'");
    BOOST_TEST(contains(info, "(A4)"));
}

BOOST_AUTO_TEST_CASE(each_page_prints_the_name_household_and_code_of_its_own_slips_only) {
    InviteSheet sheet = twenty_slips();
    auto pdf = written_pdf(server::invite_sheet_pdf(sheet));
    for (int page = 1; page <= 3; ++page) {
        std::string text = pdf_page_text(pdf, page, true);
        for (int i = 0; i < 20; ++i) {
            const InviteSlip& slip = sheet.slips[i];
            bool here = i / 8 + 1 == page;
            BOOST_TEST(contains(text, slip.name) == here, "page " << page << ": " << slip.name);
            BOOST_TEST(contains(text, slip.household) == here,
                       "page " << page << ": " << slip.household);
            BOOST_TEST(contains(text, slip.code) == here, "page " << page << ": " << slip.code);
            BOOST_TEST(contains(text, slip.link) == here, "page " << page << ": " << slip.link);
        }
    }
}

BOOST_AUTO_TEST_CASE(every_slip_names_its_community_and_street_and_says_how_to_register) {
    InviteSheet sheet = twenty_slips();
    sheet.slips.resize(3);
    std::string text = pdf_page_text(written_pdf(server::invite_sheet_pdf(sheet)), 1, true);
    auto count = [&](const std::string& part) {
        int n = 0;
        for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
        return n;
    };
    BOOST_TEST(count("议事 · 居民注册邀请单") == 3);
    BOOST_TEST(count("春晖社区（东湖街道）") == 3);
    BOOST_TEST(count("扫码或在浏览器打开链接") == 3);
    BOOST_TEST(count("请勿转交他人") == 3);
}

BOOST_AUTO_TEST_CASE(the_qr_code_of_every_slip_holds_its_registration_link_exactly) {
    InviteSheet sheet = twenty_slips();
    auto pdf = written_pdf(server::invite_sheet_pdf(sheet));
    std::vector<std::string> expected;
    for (int i = 0; i < 8; ++i) expected.push_back(sheet.slips[i].link);
    std::sort(expected.begin(), expected.end());
    BOOST_TEST(qr_codes_on(pdf, 1) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rare_characters_in_names_print_as_real_glyphs_not_boxes) {
    // A missing glyph would be drawn as a box of hex digits, and read back as those digits.
    InviteSheet sheet{"春晖社区",
                      "",
                      {{"𠮷野家", "1栋1单元101", "ABCDE-FGHJK", "http://h/#/register/A"},
                       {"龘", "1栋1单元102", "BCDEF-GHJKL", "http://h/#/register/B"}}};
    std::string text = pdf_page_text(written_pdf(server::invite_sheet_pdf(sheet)), 1, true);
    BOOST_TEST(contains(text, "𠮷野家"));
    BOOST_TEST(contains(text, "龘"));
    BOOST_TEST(!contains(text, "20BB7"));
}

BOOST_AUTO_TEST_CASE(a_slip_without_household_leaves_out_the_household_line) {
    InviteSheet sheet{"春晖社区",
                      "东湖街道",
                      {{"张伟", "", "ABCDE-FGHJK", "http://h/#/register/A"},
                       {"李娜", "2栋1单元301", "BCDEF-GHJKL", "http://h/#/register/B"}}};
    std::string text = pdf_page_text(written_pdf(server::invite_sheet_pdf(sheet)), 1, true);
    BOOST_TEST(contains(text, "张伟"));
    BOOST_TEST(contains(text, "ABCDE-FGHJK"));
    BOOST_TEST(contains(text, "2栋1单元301"));
    BOOST_TEST(text.find("户号") == text.rfind("户号"));  // printed once: only 李娜's slip
}

BOOST_AUTO_TEST_CASE(a_link_too_long_for_a_qr_code_or_text_not_in_utf8_is_refused) {
    InviteSheet too_long{"春晖社区", "", {{"张伟", "", "ABCDE-FGHJK", std::string(8000, 'a')}}};
    BOOST_CHECK_THROW(server::invite_sheet_pdf(too_long), std::runtime_error);
    InviteSheet not_utf8{"春晖社区", "", {{"\xff\xfe", "", "ABCDE-FGHJK", "http://h/#/register/A"}}};
    BOOST_CHECK_THROW(server::invite_sheet_pdf(not_utf8), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
