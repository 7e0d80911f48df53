// Durability of the 定 (decide) step: a server stopped mid-session and another started on the
// same file carry on with the same session, roll and votes.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "decide_steps.hpp"
#include "yishi/server/audit.hpp"

using namespace yishi;
using namespace yishi::test;

BOOST_AUTO_TEST_SUITE(decide_persistence)

BOOST_AUTO_TEST_CASE(session_and_ballot_state_survive_a_restart_mid_ballot) {
    auto db = seeded_db();
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    std::vector<std::string> tokens;
    Id session = 0, ballot = 0;
    {
        TestServer first(db, options);
        tokens = member_tokens(first);
        session = open_session_with(first, shift, tokens, {kIssueChargers});
        sign_in(first, session, tokens, 1, 10);
        auto opened = post_json(first, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                                {{"issue_id", kIssueChargers}});
        BOOST_REQUIRE_EQUAL(opened.status, 201);
        ballot = opened.body["id"].get<Id>();
        for (int m = 1; m <= 6; ++m)
            BOOST_REQUIRE_EQUAL(post_json(first, tokens[m], path_of("/api/ballots/", ballot, "/votes"),
                                          {{"choice", "yes"}})
                                    .status,
                                201);
    }
    TestServer second(db, options);
    auto state = get_json(second, tokens[2], path_of("/api/sessions/", session));
    BOOST_REQUIRE_EQUAL(state.status, 200);
    BOOST_TEST(state.body["state"] == "open");
    BOOST_TEST(state.body["signed_in"].size() == 10u);
    BOOST_TEST(state.body["quorum"]["met"] == true);
    BOOST_TEST(state.body["agenda"][0]["issue_id"] == kIssueChargers);
    auto progress = get_json(second, tokens[2], path_of("/api/ballots/", ballot));
    BOOST_TEST(progress.body["state"] == "open");
    BOOST_TEST(progress.body["votes_cast"] == 6);
    BOOST_TEST(progress.body["roll"].size() == 10u);
    // Who voted before the restart still cannot vote again; the others still can.
    BOOST_TEST(post_json(second, tokens[3], path_of("/api/ballots/", ballot, "/votes"),
                         {{"choice", "no"}})
                   .code() == "already_voted");
    BOOST_TEST(post_json(second, tokens[7], path_of("/api/ballots/", ballot, "/votes"),
                         {{"choice", "no"}})
                   .status == 201);
    auto closed = post_json(second, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    BOOST_TEST(closed.body["tally"]["yes"] == 6);
    BOOST_TEST(closed.body["tally"]["no"] == 1);
    BOOST_TEST(closed.body["tally"]["outcome"] == "passed");
}

// Only SQLite files hold data from before sessions; the check uses SQLite's foreign_key_check.
BOOST_AUTO_TEST_CASE(upgrading_a_database_from_before_sessions_keeps_its_issues_and_cosigns,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto db = seeded_db();
    int latest = 0;
    {
        // Back to the shape before the decide step (step 4): no session tables (nor the task
        // tables of step 5 that refer to them), and issues whose stage CHECK knows only
        // collecting and listed.
        server::Store store(db.string());
        latest = store.schema_version();
    }
    {
        SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);  // foreign keys off
        conn.exec(R"sql(
            -- Nor the notifications and hooks of the fourth shared step.
            DROP TABLE hook_deliveries; DROP TABLE community_hooks; DROP TABLE notification_mutes;
            DROP TABLE notifications;
            -- Nor the CPPCC committee and its consultations of the third shared step.
            DROP TABLE sendings; DROP TABLE recommendation_sources;
            DROP TABLE recommendation_proposers; DROP TABLE recommendations;
            DROP TABLE meeting_items; DROP TABLE participants; DROP TABLE meetings;
            DROP TABLE report_sections; DROP TABLE field_visits; DROP TABLE research_members;
            DROP TABLE topics; DROP TABLE cppcc_seats; DROP TABLE special_committees;
            DROP TABLE cppccs;
            -- Nor the organisation's tree and administrators of the second shared step.
            DROP TABLE admin_scopes; DROP TABLE account_codes; DROP TABLE setup;
            DROP TABLE grids; DROP TABLE departments;
            CREATE TABLE communities_old (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                                          street TEXT NOT NULL);
            INSERT INTO communities_old SELECT id, name, street FROM communities;
            DROP TABLE communities;
            ALTER TABLE communities_old RENAME TO communities;
            DROP TABLE streets;
            -- Nor the login throttle of step 9: step 2's table of failed logins instead.
            DROP TABLE throttle_pairs; DROP TABLE throttle_addresses;
            CREATE TABLE login_failures (login TEXT NOT NULL, address TEXT NOT NULL,
                                         failed_at INTEGER NOT NULL);
            -- Nor the sealed secret ballots of step 8 (its secret_contents is step 7's).
            DROP TABLE ballot_key_check; DROP TABLE ballot_seals; DROP TABLE sealed_contents;
            -- Nor the closings and cancellations of sessions of step 10.
            DROP TABLE session_cancellations; DROP TABLE session_closings;
            -- Nor the ballot methods, secret contents, paper counts and bulletins of step 7.
            DROP TABLE bulletins; DROP TABLE paper_counts; DROP TABLE secret_contents;
            DROP TABLE ballot_voters; DROP TABLE ballot_specs;
            DROP TABLE task_ratings; DROP TABLE task_replies; DROP TABLE task_progress;
            DROP TABLE tasks; DROP TABLE comment_revisions; DROP TABLE comments;
            DROP TABLE issue_dispositions;
            DROP TABLE notices; DROP TABLE votes; DROP TABLE ballot_roll; DROP TABLE ballots;
            DROP TABLE session_signins; DROP TABLE agenda_items; DROP TABLE session_demands;
            DROP TABLE sessions; DROP TABLE council_rules;
            CREATE TABLE issues_old (
                id INTEGER PRIMARY KEY,
                council_id INTEGER NOT NULL REFERENCES councils(id),
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                author_id INTEGER NOT NULL REFERENCES members(id),
                created_at INTEGER NOT NULL,
                stage TEXT NOT NULL CHECK (stage IN ('collecting', 'listed'))
            );
            INSERT INTO issues_old
                SELECT id, council_id, title, body, author_id, created_at, stage FROM issues;
            DROP TABLE issues;
            ALTER TABLE issues_old RENAME TO issues;
            CREATE INDEX issues_by_council ON issues(council_id, created_at);
            -- Nor the households and floor areas of step 6.
            DROP TABLE households;
            CREATE TABLE members_old (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL
            );
            INSERT INTO members_old SELECT id, login, name, role, password_hash FROM members;
            DROP TABLE members;
            ALTER TABLE members_old RENAME TO members;
            ALTER TABLE invites DROP COLUMN household;
            ALTER TABLE invites DROP COLUMN floor_area;
            -- One audit chain for the whole file, and no version table: user_version said it.
            DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
            DROP TRIGGER audit_log_append_at_head;
            CREATE TABLE audit_log_old (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                actor_id INTEGER REFERENCES members(id),
                action TEXT NOT NULL,
                details TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE
            );
            INSERT INTO audit_log_old
                SELECT seq, at, actor_id, action, details, prev_hash, hash FROM audit_log
                WHERE community_id = 1;
            DROP TABLE audit_log;
            ALTER TABLE audit_log_old RENAME TO audit_log;
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_append_at_head BEFORE INSERT ON audit_log
            BEGIN SELECT 1; END;
            DROP TABLE schema_version;
        )sql");
        conn.exec("PRAGMA user_version = 3");
    }
    std::string before;
    {
        SQLite::Database conn(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(conn, "SELECT COUNT(*), (SELECT COUNT(*) FROM cosigns) FROM issues");
        q.executeStep();
        before = q.getColumn(0).getString() + "/" + q.getColumn(1).getString();
    }
    BOOST_TEST(before == "6/15");

    server::Store store(db.string());
    BOOST_TEST(store.schema_version() == latest);
    auto issue = store.issue(kIssueChargers, 1);
    BOOST_REQUIRE(issue);
    BOOST_TEST(issue->cosigns == 5);
    BOOST_TEST(issue->stage == IssueStage::listed);
    BOOST_TEST(store.issues(kCouncil, 1).size() == 6u);
    // The one old chain is now the community's, every hash as it was.
    auto report = server::verify_audit(store);
    BOOST_TEST(report.intact());
    BOOST_TEST(report.chains == 1);
    SQLite::Database conn(db.string(), SQLite::OPEN_READWRITE);
    conn.exec("PRAGMA foreign_keys = ON");
    SQLite::Statement dangling(conn, "PRAGMA foreign_key_check");
    BOOST_TEST(!dangling.executeStep());
    // The co-signs still point at their issues, and the new stages are accepted.
    BOOST_CHECK_THROW(conn.exec("DELETE FROM issues WHERE id = 1"), SQLite::Exception);
    BOOST_TEST(conn.exec("UPDATE issues SET stage = 'scheduled' WHERE id = 1") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
