// The follow-through schema step on a database an older server left: the issues' grids, the
// tasks' first replies and the issues' first answers are filled from the rows already there, so
// the monthly report reads the past too; when an issue was accepted stays unknown.
#include <boost/test/unit_test.hpp>

#include "../../server/store/schema.hpp"
#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The last schema before the follow-through step.
constexpr int kBeforeFollowThrough = 3;

// Four issues of one council: answered by an official comment, by a task's reply that came
// before a later official comment, declined with a reason, and one nobody has answered.
constexpr const char* kAnsweredIssues = R"sql(
    INSERT INTO streets (id, name) VALUES (1, '城关街道');
    INSERT INTO communities (id, name, street, street_id) VALUES (1, '北门社区', '城关街道', 1);
    INSERT INTO grids (id, community_id, name) VALUES (4, 1, '第二网格');
    INSERT INTO councils (id, community_id, name, kind, cosign_threshold)
        VALUES (1, 1, '北门社区议事会', 'community', 5);
    INSERT INTO members (id, login, name, role, password_hash, community_id, grid_id) VALUES
        (1, 'convenor', '李建国', 'convenor', '', 1, NULL),
        (2, 'dept', '王海', 'department', '', NULL, NULL),
        (3, 'resident', '吴玉梅', 'resident', '', 1, 4);
    INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) VALUES
        (1, 1, '楼道保洁', '三单元楼道无人打扫', 3, 100, 'listed'),
        (2, 1, '加装电梯', '五号楼加装电梯', 3, 110, 'scheduled'),
        (3, 1, '广场舞噪音', '晚上十点后仍有音乐', 3, 120, 'declined'),
        (4, 1, '路灯不亮', '东门路灯坏了', 1, 130, 'collecting');
    INSERT INTO comments (id, issue_id, author_id, stance, body, official, created_at) VALUES
        (1, 1, 1, 'neutral', '已转物业处理', 1, 250),
        (2, 1, 3, 'support', '同意', 0, 200),
        (3, 2, 1, 'neutral', '正在协调', 1, 900);
    INSERT INTO sessions (id, council_id, kind, state, starts_at, created_by, created_at)
        VALUES (1, 1, 'regular', 'closed', 200, 1, 150);
    INSERT INTO ballots (id, council_id, session_id, issue_id, special_matter, state,
                         electorate_heads, electorate_households, electorate_area, opened_at,
                         outcome)
        VALUES (1, 1, 1, 2, 0, 'closed', 3, 3, 0, 210, 'passed');
    INSERT INTO tasks (id, council_id, issue_id, ballot_id, responsible_unit,
                       responsible_member_id, due_at, state, created_by, created_at)
        VALUES (7, 1, 2, 1, '街道办事处', 2, 9000, 'answered', 1, 300);
    INSERT INTO task_replies (id, task_id, member_id, text, at) VALUES
        (5, 7, 2, '已完成', 500),
        (6, 7, 2, '补充说明', 700);
    INSERT INTO issue_dispositions (issue_id, merged_into, reason, decided_by, decided_at)
        VALUES (3, NULL, '不属于议事范围', 1, 400);
)sql";
}  // namespace

BOOST_AUTO_TEST_SUITE(followup_migration)

BOOST_AUTO_TEST_CASE(older_issues_and_tasks_get_their_grid_and_first_answer) {
    auto path = fresh_db_path();
    server::migrate(*open_db(path), kBeforeFollowThrough);
    execute(path, kAnsweredIssues);
    server::migrate(*open_db(path));

    BOOST_TEST(query_int(path, "SELECT version FROM schema_version") ==
               server::latest_schema_version());
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM issues WHERE grid_id = 4") == 3);
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM issues WHERE id = 4 AND grid_id IS NULL") ==
               1);
    BOOST_TEST(query_int(path, "SELECT answered_at FROM tasks WHERE id = 7") == 500);
    BOOST_TEST(query_int(path, "SELECT answered_at FROM issues WHERE id = 1") == 250);
    BOOST_TEST(query_int(path, "SELECT answered_at FROM issues WHERE id = 2") == 500);
    BOOST_TEST(query_int(path, "SELECT answered_at FROM issues WHERE id = 3") == 400);
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM issues WHERE id = 4 AND "
                               "answered_at IS NULL") == 1);
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM issues WHERE accepted_at IS NOT NULL") == 0);
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM notifications") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
