// The schema step of the consultations on a database an older server left: the council's tasks,
// their progress, replies and ratings come through the rebuild of the task tables whole; and a
// copy of the database carries the consultations' tables.
#include <algorithm>

#include <boost/test/unit_test.hpp>

#include "../../server/store/schema.hpp"
#include "consultation_steps.hpp"
#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The last schema before the consultations.
constexpr int kBeforeConsultations = 2;

// A council's task with everything that hangs on it, as the schema before the step stores it.
constexpr const char* kCouncilTask = R"sql(
    INSERT INTO streets (id, name) VALUES (1, '城关街道');
    INSERT INTO communities (id, name, street, street_id) VALUES (1, '北门社区', '城关街道', 1);
    INSERT INTO councils (id, community_id, name, kind, cosign_threshold)
        VALUES (1, 1, '北门社区议事会', 'community', 5);
    INSERT INTO members (id, login, name, role, password_hash) VALUES
        (1, 'convenor', '李建国', 'convenor', ''),
        (2, 'dept', '王海', 'department', ''),
        (3, 'resident', '吴玉梅', 'resident', '');
    INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage)
        VALUES (1, 1, '加装电梯', '五号楼加装电梯', 3, 100, 'scheduled');
    INSERT INTO sessions (id, council_id, kind, state, starts_at, created_by, created_at)
        VALUES (1, 1, 'regular', 'closed', 200, 1, 150);
    INSERT INTO ballots (id, council_id, session_id, issue_id, special_matter, state,
                         electorate_heads, electorate_households, electorate_area, opened_at,
                         outcome)
        VALUES (1, 1, 1, 1, 0, 'closed', 3, 3, 0, 210, 'passed');
    INSERT INTO tasks (id, council_id, issue_id, ballot_id, responsible_unit,
                       responsible_member_id, due_at, state, created_by, created_at)
        VALUES (7, 1, 1, 1, '街道办事处', 2, 9000, 'answered', 1, 300);
    INSERT INTO task_progress (id, task_id, member_id, text, at) VALUES (3, 7, 2, '已勘察', 400);
    INSERT INTO task_replies (id, task_id, member_id, text, at) VALUES (5, 7, 2, '已完成', 500);
    INSERT INTO task_ratings (reply_id, member_id, rating, rated_at)
        VALUES (5, 3, 'basically_satisfied', 600);
)sql";

const std::vector<std::string> kTaskTables = {"tasks", "task_progress", "task_replies",
                                              "task_ratings"};
}  // namespace

BOOST_AUTO_TEST_SUITE(consultation_migration)

BOOST_AUTO_TEST_CASE(council_tasks_keep_their_rows_progress_replies_and_ratings_through_the_step) {
    auto path = fresh_db_path();
    server::migrate(*open_db(path), kBeforeConsultations);
    execute(path, kCouncilTask);
    std::vector<std::string> old_columns = column_names(path, "tasks");
    std::string progress_before = dump_tables(path, {"task_progress", "task_replies",
                                                     "task_ratings"});

    server::migrate(*open_db(path));

    BOOST_TEST(query_int(path, "SELECT version FROM schema_version") ==
               server::latest_schema_version());
    // The old columns first, in their order, then the recommendation's; on both databases.
    // (Later steps may append columns of their own after these.)
    std::vector<std::string> columns = column_names(path, "tasks");
    std::vector<std::string> expected = old_columns;
    for (const char* c : {"recommendation_id", "adoption", "position_reason"})
        expected.push_back(c);
    if (columns.size() > expected.size()) columns.resize(expected.size());
    BOOST_TEST(columns == expected, boost::test_tools::per_element());
    BOOST_TEST(dump_tables(path, {"task_progress", "task_replies", "task_ratings"}) ==
               progress_before);
    BOOST_TEST(query_int(path,
                         "SELECT COUNT(*) FROM tasks WHERE id = 7 AND council_id = 1 AND "
                         "issue_id = 1 AND ballot_id = 1 AND responsible_unit = '街道办事处' AND "
                         "responsible_member_id = 2 AND due_at = 9000 AND state = 'answered' AND "
                         "created_by = 1 AND created_at = 300 AND recommendation_id IS NULL AND "
                         "adoption IS NULL AND position_reason = ''") == 1);

    // The server of the new schema reads the old task whole.
    TestStore store(path);
    auto task = store.task(7);
    BOOST_REQUIRE(task);
    BOOST_TEST(task->issue_title == "加装电梯");
    BOOST_TEST(task->task.progress.size() == 1u);
    BOOST_REQUIRE(task->task.replies.size() == 1u);
    BOOST_TEST(task->task.replies[0].ratings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(rebuilt_task_tables_reference_each_other_and_refuse_dangling_rows) {
    auto path = fresh_db_path();
    server::migrate(*open_db(path), kBeforeConsultations);
    execute(path, kCouncilTask);
    server::migrate(*open_db(path));
    std::vector<std::string> tables = table_names(path);
    for (const auto& table : kTaskTables)
        BOOST_TEST(std::count(tables.begin(), tables.end(), table) == 1);
    if (!on_postgres()) {
        // No table still names a rebuilt table by its temporary name.
        BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM sqlite_master WHERE instr(sql, '_next') > 0") ==
                   0);
    }
    std::string before = snapshot(path);
    BOOST_CHECK_THROW(execute(path, "INSERT INTO task_progress (task_id, member_id, text, at) "
                                    "VALUES (99, 2, '无此事项', 1)"),
                      std::exception);
    BOOST_CHECK_THROW(execute(path, "INSERT INTO task_ratings (reply_id, member_id, rating, "
                                    "rated_at) VALUES (99, 3, 'satisfied', 1)"),
                      std::exception);
    BOOST_TEST(snapshot(path) == before);
}

BOOST_AUTO_TEST_CASE(a_task_without_council_issue_or_ballot_fits_the_migrated_schema) {
    auto path = fresh_db_path();
    server::migrate(*open_db(path), kBeforeConsultations);
    execute(path, kCouncilTask);
    server::migrate(*open_db(path));
    execute(path, R"sql(
        INSERT INTO cppccs (id, street_id, name) VALUES (1, 1, '城关政协');
        INSERT INTO topics (id, cppcc_id, title, body, source, proposed_by, created_at, stage)
            VALUES (1, 1, '社区治理', '', 'members', 3, 700, 'sent');
        INSERT INTO recommendations (id, topic_id, text, created_at) VALUES (1, 1, '建议', 800);
        INSERT INTO tasks (id, responsible_unit, responsible_member_id, due_at, state,
                           created_by, created_at, recommendation_id, adoption, position_reason)
            VALUES (8, '县民政局', 2, 9000, 'assigned', 1, 900, 1, 'partly', '经费有限');
    )sql");
    BOOST_TEST(query_int(path, "SELECT COUNT(*) FROM tasks WHERE council_id IS NULL AND "
                               "recommendation_id = 1") == 1);
    // Generated ids continue above the copied ones.
    execute(path, "INSERT INTO task_progress (task_id, member_id, text, at) "
                  "VALUES (8, 2, '已开始', 950)");
    BOOST_TEST(query_int(path, "SELECT MAX(id) FROM task_progress") > 3);
}

BOOST_AUTO_TEST_CASE(a_copy_of_the_database_holds_every_row_of_a_published_consultation) {
    ConsultationWorld w;
    Id topic = w.propose();
    w.advance(topic, ConsultationStage::published);
    auto to = fresh_db_path();
    for (const auto& count : server::copy_database(w.server.db().string(), to.string()))
        BOOST_TEST(count.source == count.target, count.table);
    BOOST_TEST(consultation_snapshot(to) == consultation_snapshot(w.server.db()));
    TestStore copy(to);
    auto v = copy.consultation(w.member, topic);
    BOOST_REQUIRE(v);
    BOOST_TEST((v.value().consultation.stage == ConsultationStage::published));
    BOOST_TEST(v.value().recommendations.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
