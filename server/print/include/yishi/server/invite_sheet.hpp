// 入户邀请单: the printable invite sheet that grid workers hand out door to door, as a PDF.
#pragma once
#include <string>
#include <vector>

namespace yishi::server {

// One slip: one resident (or household).
struct InviteSlip {
    std::string name;       // 姓名
    std::string household;  // e.g. "3栋2单元501" (may be empty: the 户号 line is left out)
    std::string code;       // shown form "ABCDE-FGHJK"
    std::string link;       // registration link, e.g. "http://127.0.0.1:8080/#/register/ABCDEFGHJK"
};

struct InviteSheet {
    std::string community;  // 社区 name, printed on every slip
    std::string street;     // 街道 name (may be empty)
    std::vector<InviteSlip> slips;
};

// How many slips one A4 page holds (two columns of four).
constexpr int kSlipsPerPage = 8;

// The sheet as PDF bytes: A4 portrait, kSlipsPerPage slips per page with dashed cut lines,
// every text in embedded CJK glyphs (WenQuanYi Micro Hei), each slip with a QR code of its link
// (a 30 mm symbol inside its quiet zone). A sheet without slips is one page of cut lines.
// Throws std::runtime_error if rendering fails (no font, a link too long for a QR code, ...).
std::string invite_sheet_pdf(const InviteSheet& sheet);

}  // namespace yishi::server
