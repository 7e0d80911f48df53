// The board's and the exports' refusals: wrong role, other streets' and communities' ids, bad
// filter values, huge numbers, control and bidi characters; each a Chinese 4xx, nothing written.
#include <boost/test/unit_test.hpp>

#include "board_steps.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(board_bad_input)

BOOST_AUTO_TEST_CASE(bad_board_and_export_requests_are_refused_and_change_nothing) {
    BoardWorld w;
    std::vector<RefusedGet> cases = {
        {"/api/board?street=1", "", 401, "unauthorized"},
        {"/api/board?street=1", w.resident, 403, "not_admin"},
        {"/api/board?street=1", w.unit_staff, 403, "not_admin"},
        {"/api/board?street=1", w.other_admin, 403, "outside_scope"},
        {"/api/board?community=9001", w.street_admin, 403, "outside_scope"},
        {"/api/board?community=9001", w.community_admin, 403, "outside_scope"},
        {"/api/board?street=1", w.community_admin, 403, "outside_scope"},
        {"/api/board?street=424242", w.street_admin, 404, "not_found"},
        {"/api/board", w.street_admin, 400, "missing_scope"},
        {"/api/board?street=abc", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=99999999999999999999999", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&council=-3", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&grid=1e9", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&status=late", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&from=2026-13", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&from=2026-05&to=2026-04", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&sort=random", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&street=2", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&unit=%E2%80%AEabc", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&unit=a%01b", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&unit=" + std::string(60, 'x'), w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&limit=0", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&limit=201", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&limit=-1", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&limit=ten", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&limit=3&limit=4", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&offset=-3", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&offset=1.5", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&offset=99999999999999999999999", w.street_admin, 400, "bad_filter"},
        {"/api/board?street=1&offset=", w.street_admin, 400, "bad_filter"},
        {"/api/board.csv?street=1&limit=0", w.street_admin, 400, "bad_filter"},
        {"/api/me/unit-board?limit=500", w.unit_staff, 400, "bad_filter"},
        {"/api/me/unit-board?offset=x", w.unit_staff, 400, "bad_filter"},
        {"/api/board.csv?street=1", w.resident, 403, "not_admin"},
        {"/api/board.csv?street=1&status=x", w.street_admin, 400, "bad_filter"},
        {"/api/me/unit-board", "", 401, "unauthorized"},
        {"/api/me/unit-board", w.street_admin, 403, "not_department_staff"},
        {"/api/me/unit-board?status=x", w.unit_staff, 400, "bad_filter"},
        {"/api/communities/1/issues.csv", w.resident, 403, "not_admin"},
        {"/api/communities/1/issues.csv", w.other_admin, 403, "outside_scope"},
        {"/api/communities/9001/issues.csv", w.community_admin, 403, "outside_scope"},
        {"/api/communities/abc/issues.csv", w.community_admin, 400, "bad_id"},
        {"/api/communities/99999999999999999999999/tasks.csv", w.community_admin, 400, "bad_id"},
        {"/api/communities/424242/issues.csv", w.community_admin, 404, "not_found"},
        {"/api/communities/1/tasks.csv", w.unit_staff, 403, "not_admin"},
        {"/api/communities/9001/tasks.csv", w.street_admin, 403, "outside_scope"},
        {"/api/ballots/424242/roll.csv", w.community_admin, 404, "not_found"},
        {"/api/ballots/x/roll.csv", w.community_admin, 400, "bad_id"},
    };
    std::string before = board_snapshot(w.server.db());
    expect_refused_gets(w.server, cases);
    BOOST_TEST(board_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
