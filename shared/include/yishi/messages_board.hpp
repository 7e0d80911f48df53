// JSON forms of the accountability board (GET /api/board, GET /api/me/unit-board), encoded by the
// server and decoded strictly by the client.
#pragma once
#include <string>
#include <string_view>

#include "yishi/board.hpp"
#include "yishi/messages.hpp"

namespace yishi {

Json to_json(const BoardRow& r);
Json to_json(const UnitFigures& u);
std::string encode(const Board& b);
Result<Board> decode_board(std::string_view body);

}  // namespace yishi
