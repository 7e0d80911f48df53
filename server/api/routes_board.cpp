// 督办台账: GET /api/board (a street's or a community's board), GET /api/me/unit-board (what the
// caller's department owes) and GET /api/board.csv (the board's rows as a spreadsheet).
#include "board_csv.hpp"
#include "routes.hpp"
#include "yishi/messages_board.hpp"

namespace yishi::server {

namespace {
// One page of a street's or a community's board, or of a department's own view (`scoped`
// false), or the refusal: 401, 400 bad_filter, 404, 403.
Reply read_page(Api& api, const httplib::Request& req, bool scoped) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto query = parse_board_query(req.params, scoped);
    if (!query) return failure(query.error());
    const BoardQuery& q = query.value();
    std::int64_t now = api.now();
    auto read = scoped ? api.store.board_page(caller.value().id, q, now)
                       : api.store.unit_board_page(caller.value().id, q, now);
    if (!read) return failure(read.error());
    return {200, encode(board_page(std::move(read).value(), q, now))};
}

Reply read_board(Api& api, const httplib::Request& req) { return read_page(api, req, true); }

Reply read_unit_board(Api& api, const httplib::Request& req) { return read_page(api, req, false); }

// The whole board the query keeps, not one page: an export.
Reply board_csv(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto query = parse_board_query(req.params, true);
    if (!query) return failure(query.error());
    std::int64_t now = api.now();
    auto rows = api.store.board_rows(caller.value().id, query.value(), now);
    if (!rows) return failure(rows.error());
    Board board = build_board(rows.value().scope, std::move(rows.value().rows), query.value(), now);
    return csv_reply(board_csv_text(board.rows), "board.csv", "督办台账.csv");
}
}  // namespace

void add_board_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/board)", read_board);
    route("GET", R"(/api/board\.csv)", board_csv);
    route("GET", R"(/api/me/unit-board)", read_unit_board);
}

}  // namespace yishi::server
