// The bytes of an uploaded roster (花名册) file as UTF-8 text: offices save CSV from Excel in
// UTF-8 (often with a BOM) or in GB18030/GBK, the Chinese Windows default.
#pragma once
#include <string>
#include <string_view>

#include "yishi/errors.hpp"

namespace yishi::server {

// UTF-8 with a BOM → without it; valid UTF-8 → as is; otherwise read as GB18030 (which covers
// GBK and GB2312). Refused: bad_csv for an empty file, bad_encoding for bytes valid in neither.
Result<std::string> roster_text_utf8(std::string_view bytes);

}  // namespace yishi::server
