// The CSV replies of the board and the exports: the board's rows as a sheet, and a reply that
// downloads as a file with a Chinese name.
#pragma once
#include <string>
#include <vector>

#include "http.hpp"
#include "yishi/board.hpp"

namespace yishi::server {

// BOM, Chinese header, one row per task (the board's columns, times in China time).
std::string board_csv_text(const std::vector<BoardRow>& rows);
// A community's tasks (tasks.csv): the columns a community administrator files.
std::string tasks_csv_text(const std::vector<BoardRow>& rows);

// 200 text/csv; charset=utf-8, downloaded as `chinese_name` (with `ascii_name` for old clients).
Reply csv_reply(std::string body, const std::string& ascii_name, const std::string& chinese_name);

}  // namespace yishi::server
