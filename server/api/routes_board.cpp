// 督办台账: GET /api/board (a street's or a community's board), GET /api/me/unit-board (what the
// caller's department owes) and GET /api/board.csv (the board's rows as a spreadsheet).
#include "board_csv.hpp"
#include "routes.hpp"
#include "yishi/messages_board.hpp"

namespace yishi::server {

namespace {
// The board the query asks for, or the refusal: 401, 400 bad_filter, 404, 403.
Result<Board> board_for(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return caller.error();
    auto query = parse_board_query(req.params, true);
    if (!query) return query.error();
    const BoardQuery& q = query.value();
    auto rows = api.store.board_rows(caller.value().id, q.street_id, q.scope_community_id);
    if (!rows) return rows.error();
    return build_board(rows.value().scope, std::move(rows.value().rows), q, api.now());
}

Reply read_board(Api& api, const httplib::Request& req) {
    auto board = board_for(api, req);
    if (!board) return failure(board.error());
    return {200, encode(board.value())};
}

Reply read_unit_board(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto query = parse_board_query(req.params, false);
    if (!query) return failure(query.error());
    auto rows = api.store.unit_board_rows(caller.value().id);
    if (!rows) return failure(rows.error());
    return {200, encode(build_board(rows.value().scope, std::move(rows.value().rows),
                                    query.value(), api.now()))};
}

Reply board_csv(Api& api, const httplib::Request& req) {
    auto board = board_for(api, req);
    if (!board) return failure(board.error());
    return csv_reply(board_csv_text(board.value().rows), "board.csv", "督办台账.csv");
}
}  // namespace

void add_board_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/board)", read_board);
    route("GET", R"(/api/board\.csv)", board_csv);
    route("GET", R"(/api/me/unit-board)", read_unit_board);
}

}  // namespace yishi::server
