// SQLite files written before the schema_version table (their version was PRAGMA
// user_version, steps 1 to 10, some of them SQLite's table rebuilds): brought to version 1 of
// the shared list of steps, which has the same tables, with the audit log split into one chain
// per community. Their old entries all belong to the file's one community, numbered as before,
// so every hash still holds.
#include <SQLiteCpp/SQLiteCpp.h>

#include "drivers.hpp"

namespace yishi::database {

namespace {
const std::vector<const char*>& steps() {
    static const std::vector<const char*> s = {
        // 1: communities, councils, members, issues and co-signs.
        R"sql(
        CREATE TABLE communities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            street TEXT NOT NULL
        );
        CREATE TABLE councils (
            id INTEGER PRIMARY KEY,
            community_id INTEGER NOT NULL REFERENCES communities(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            cosign_threshold INTEGER NOT NULL CHECK (cosign_threshold > 0)
        );
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL
        );
        CREATE TABLE council_members (
            council_id INTEGER NOT NULL REFERENCES councils(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            PRIMARY KEY (council_id, member_id)
        );
        CREATE INDEX council_members_by_member ON council_members(member_id);
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('collecting', 'listed'))
        );
        CREATE INDEX issues_by_council ON issues(council_id, created_at);
        CREATE TABLE cosigns (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            UNIQUE (issue_id, member_id)
        );
        )sql",
        // 2: login tokens (digests only) and failed logins for throttling.
        R"sql(
        CREATE TABLE auth_tokens (
            token_hash TEXT PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NOT NULL
        );
        CREATE INDEX auth_tokens_by_member ON auth_tokens(member_id);
        CREATE TABLE login_failures (
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            failed_at INTEGER NOT NULL
        );
        CREATE INDEX login_failures_by_login ON login_failures(login, failed_at);
        CREATE INDEX login_failures_by_address ON login_failures(address, failed_at);
        )sql",
        // 3: invites (邀请码, kept as SHA-256 digests) and the append-only, hash-chained audit
        // log. The triggers are SQLite's dialect; PostgreSQL would need a trigger function.
        R"sql(
        CREATE TABLE invites (
            id INTEGER PRIMARY KEY,
            code_hash TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            created_by INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER,
            used_by INTEGER REFERENCES members(id)
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES members(id),
            action TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        -- Appends only at the end of the chain: a new entry must link to the newest one.
        CREATE TRIGGER audit_log_append_at_head BEFORE INSERT ON audit_log
        WHEN NEW.prev_hash IS NOT COALESCE(
            (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
            '0000000000000000000000000000000000000000000000000000000000000000')
          OR NEW.id <= COALESCE((SELECT MAX(id) FROM audit_log), 0)
        BEGIN SELECT RAISE(ABORT, 'audit_log entries must extend the chain'); END;
        )sql",
        // 4: 定 (decide). Issues may now be scheduled and resolved (the stage CHECK widens, so
        // the table is rebuilt: SQLite cannot alter a CHECK); council rules (议事规则) as JSON;
        // members' demands for an extraordinary session; sessions with agenda and sign-in;
        // ballots with their frozen roll, one vote per member (UNIQUE), the tally kept at close;
        // and public notices (公示).
        R"sql(
        CREATE TABLE issues_v4 (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            author_id INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('collecting', 'listed', 'merged', 'declined',
                                                 'scheduled', 'resolved'))
        );
        INSERT INTO issues_v4 (id, council_id, title, body, author_id, created_at, stage)
            SELECT id, council_id, title, body, author_id, created_at, stage FROM issues;
        DROP TABLE issues;
        ALTER TABLE issues_v4 RENAME TO issues;
        CREATE INDEX issues_by_council ON issues(council_id, created_at);
        CREATE TABLE council_rules (
            council_id INTEGER PRIMARY KEY REFERENCES councils(id),
            rules TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            kind TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
            state TEXT NOT NULL CHECK (state IN ('planned', 'noticed', 'open', 'closed')),
            starts_at INTEGER NOT NULL,
            noticed_at INTEGER NOT NULL DEFAULT 0,
            notice_override_reason TEXT NOT NULL DEFAULT '',
            opened_at INTEGER NOT NULL DEFAULT 0,
            closed_at INTEGER NOT NULL DEFAULT 0,
            created_by INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_council ON sessions(council_id, starts_at);
        CREATE TABLE session_demands (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            demanded_at INTEGER NOT NULL,
            session_id INTEGER REFERENCES sessions(id)
        );
        -- One pending demand per member; planning the session it called settles them all.
        CREATE UNIQUE INDEX session_demands_pending ON session_demands(council_id, member_id)
            WHERE session_id IS NULL;
        CREATE TABLE agenda_items (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            position INTEGER NOT NULL,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            special_matter INTEGER NOT NULL CHECK (special_matter IN (0, 1)),
            PRIMARY KEY (session_id, issue_id),
            UNIQUE (session_id, position)
        );
        CREATE TABLE session_signins (
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            signed_in_at INTEGER NOT NULL,
            UNIQUE (session_id, member_id)
        );
        CREATE TABLE ballots (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            special_matter INTEGER NOT NULL CHECK (special_matter IN (0, 1)),
            state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
            electorate_heads INTEGER NOT NULL,
            electorate_households INTEGER NOT NULL,
            electorate_area INTEGER NOT NULL,
            opened_at INTEGER NOT NULL,
            closed_at INTEGER NOT NULL DEFAULT 0,
            tally_yes INTEGER, tally_no INTEGER, tally_abstain INTEGER, tally_not_voted INTEGER,
            tally_present INTEGER, tally_yes_area INTEGER, tally_present_area INTEGER,
            tally_quorum INTEGER,
            outcome TEXT CHECK (outcome IN ('passed', 'failed', 'no_quorum', 'deferred')),
            UNIQUE (session_id, issue_id)
        );
        CREATE TABLE ballot_roll (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            household_id INTEGER NOT NULL,
            area INTEGER NOT NULL,
            PRIMARY KEY (ballot_id, member_id)
        );
        CREATE TABLE votes (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
            cast_at INTEGER NOT NULL,
            UNIQUE (ballot_id, member_id)
        );
        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            kind TEXT NOT NULL CHECK (kind IN ('resolution', 'result')),
            subject_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL
        );
        CREATE INDEX notices_by_council ON notices(council_id, starts_at);
        )sql",
        // 5: 办 carry out and 评 evaluate. Tasks (交办事项) of passed ballots with their progress
        // (办理进展), formal replies (答复) and residents' ratings of each reply: one per member
        // per reply (UNIQUE), so a second rating is impossible whatever the code above does.
        // And 提/议: the public reason of a merged or declined issue, and the issues' threads:
        // comments with a stance, one level of replies, edits kept as revisions, hiding with a
        // reason (the text is kept); issues gain a category, a tag and who raised them for whom.
        R"sql(
        CREATE TABLE issue_dispositions (
            issue_id INTEGER PRIMARY KEY REFERENCES issues(id),
            merged_into INTEGER REFERENCES issues(id),
            reason TEXT NOT NULL,
            decided_by INTEGER NOT NULL REFERENCES members(id),
            decided_at INTEGER NOT NULL
        );
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            author_id INTEGER NOT NULL REFERENCES members(id),
            parent_id INTEGER REFERENCES comments(id),
            stance TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'neutral', 'question')),
            body TEXT NOT NULL,
            official INTEGER NOT NULL CHECK (official IN (0, 1)),
            created_at INTEGER NOT NULL,
            hidden_reason TEXT,
            hidden_by INTEGER REFERENCES members(id),
            hidden_at INTEGER
        );
        CREATE INDEX comments_by_issue ON comments(issue_id, id);
        CREATE TABLE comment_revisions (
            id INTEGER PRIMARY KEY,
            comment_id INTEGER NOT NULL REFERENCES comments(id),
            body TEXT NOT NULL,
            replaced_at INTEGER NOT NULL
        );
        CREATE INDEX comment_revisions_by_comment ON comment_revisions(comment_id, id);
        -- An issue's category (类别), grid/building tag (网格/楼栋) and, when a grid worker raised
        -- it for a resident (代提), that grid worker.
        ALTER TABLE issues ADD COLUMN category TEXT NOT NULL DEFAULT '';
        ALTER TABLE issues ADD COLUMN tag TEXT NOT NULL DEFAULT '';
        ALTER TABLE issues ADD COLUMN raised_by INTEGER REFERENCES members(id);
        CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            council_id INTEGER NOT NULL REFERENCES councils(id),
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            responsible_unit TEXT NOT NULL,
            responsible_member_id INTEGER NOT NULL REFERENCES members(id),
            due_at INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('assigned', 'answered', 'supervised', 'done')),
            created_by INTEGER NOT NULL REFERENCES members(id),
            created_at INTEGER NOT NULL
        );
        CREATE INDEX tasks_by_council ON tasks(council_id, created_at);
        CREATE TABLE task_progress (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX task_progress_by_task ON task_progress(task_id);
        CREATE TABLE task_replies (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX task_replies_by_task ON task_replies(task_id);
        CREATE TABLE task_ratings (
            reply_id INTEGER NOT NULL REFERENCES task_replies(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            rating TEXT NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied',
                                                   'unsatisfied')),
            rated_at INTEGER NOT NULL,
            UNIQUE (reply_id, member_id)
        );
        )sql",
        // 6: households (户) of a community and members' private floor area, in integer 1/100 m²,
        // so that household quorums and owners' area-weighted double majorities count real
        // data. An invite carries both to the member it registers.
        R"sql(
        CREATE TABLE households (
            id INTEGER PRIMARY KEY,
            community_id INTEGER NOT NULL REFERENCES communities(id),
            label TEXT NOT NULL,
            UNIQUE (community_id, label)
        );
        ALTER TABLE members ADD COLUMN household_id INTEGER REFERENCES households(id);
        ALTER TABLE members ADD COLUMN floor_area INTEGER NOT NULL DEFAULT 0
            CHECK (floor_area >= 0);
        ALTER TABLE invites ADD COLUMN household TEXT NOT NULL DEFAULT '';
        ALTER TABLE invites ADD COLUMN floor_area INTEGER NOT NULL DEFAULT 0
            CHECK (floor_area >= 0);
        )sql",
        // 7: 定: how a ballot is held (method, options, secrecy, voting unit, tellers),
        // who has voted (one row per member, and UNIQUE per unit: a household votes once), the
        // contents of secret ballots apart from any voter (no member, no time, random ids, so
        // neither rowid nor order says who or when), the tellers' paper counts and the bulletin
        // (计票公告) published at closing. Plain yes/no ballots keep using `votes`.
        R"sql(
        CREATE TABLE ballot_specs (
            ballot_id INTEGER PRIMARY KEY REFERENCES ballots(id),
            method TEXT NOT NULL CHECK (method IN ('yes_no', 'single', 'approval', 'schulze',
                                                   'irv', 'budget')),
            secret INTEGER NOT NULL CHECK (secret IN (0, 1)),
            unit TEXT NOT NULL CHECK (unit IN ('member', 'household', 'owners')),
            spec TEXT NOT NULL
        );
        CREATE TABLE ballot_voters (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            member_id INTEGER NOT NULL REFERENCES members(id),
            unit_key INTEGER NOT NULL,
            content TEXT,
            voted_at INTEGER NOT NULL,
            UNIQUE (ballot_id, member_id),
            UNIQUE (ballot_id, unit_key)
        );
        CREATE TABLE secret_contents (
            id INTEGER PRIMARY KEY,
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            content TEXT NOT NULL,
            receipt TEXT NOT NULL UNIQUE
        );
        CREATE TABLE paper_counts (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            teller_id INTEGER NOT NULL REFERENCES members(id),
            counts TEXT NOT NULL,
            entered_at INTEGER NOT NULL,
            PRIMARY KEY (ballot_id, teller_id)
        );
        CREATE TABLE bulletins (
            ballot_id INTEGER PRIMARY KEY REFERENCES ballots(id),
            bulletin TEXT NOT NULL,
            published_at INTEGER NOT NULL
        );
        )sql",
        // 8: a secret ballot's contents sealed while it is open, so that a copy of the file
        // shows no content in voting order. Each ballot has a key pair: the public key in plain,
        // the secret key only under the server's ballot key file (whose fingerprint the database
        // keeps, to refuse a server started with another). At closing the contents are opened,
        // written to secret_contents in a canonical order and the sealed rows deleted.
        // secret_contents.receipt becomes optional: a convenor may hold a secret ballot without
        // receipts (a receipt also lets a voter prove their choice to someone else).
        R"sql(
        CREATE TABLE ballot_key_check (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL
        );
        CREATE TABLE ballot_seals (
            ballot_id INTEGER PRIMARY KEY REFERENCES ballots(id),
            public_key TEXT NOT NULL,
            sealed_secret_key TEXT NOT NULL
        );
        CREATE TABLE sealed_contents (
            id INTEGER PRIMARY KEY,
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            sealed TEXT NOT NULL
        );
        CREATE TABLE secret_contents_with_optional_receipts (
            id INTEGER PRIMARY KEY,
            ballot_id INTEGER NOT NULL REFERENCES ballots(id),
            content TEXT NOT NULL,
            receipt TEXT UNIQUE
        );
        INSERT INTO secret_contents_with_optional_receipts (id, ballot_id, content, receipt)
            SELECT id, ballot_id, content, receipt FROM secret_contents ORDER BY id;
        DROP TABLE secret_contents;
        ALTER TABLE secret_contents_with_optional_receipts RENAME TO secret_contents;
        )sql",
        // 9: the login throttle by (login, address) with growing delays, and per address over
        // all logins. One row per pair and per address holds the failures counted so far (an
        // attempt counts as soon as it is admitted) and when the last one came.
        R"sql(
        DROP TABLE login_failures;
        CREATE TABLE throttle_pairs (
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            last_failure_at INTEGER NOT NULL,
            PRIMARY KEY (login, address)
        );
        CREATE INDEX throttle_pairs_by_time ON throttle_pairs(last_failure_at);
        CREATE TABLE throttle_addresses (
            address TEXT NOT NULL PRIMARY KEY,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            last_failure_at INTEGER NOT NULL
        );
        CREATE INDEX throttle_addresses_by_time ON throttle_addresses(last_failure_at);
        )sql",
        // 10: what a session's quorum (法定人数) was when it closed: the electorate, who of it
        // was present, whether the quorum was met and under which rule (as the rules' JSON).
        // A closed session shows these, never a recount over today's members. And planned
        // sessions called off (取消) with a reason.
        R"sql(
        CREATE TABLE session_closings (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            electorate INTEGER NOT NULL CHECK (electorate >= 0),
            present INTEGER NOT NULL CHECK (present >= 0 AND present <= electorate),
            quorum_met INTEGER NOT NULL CHECK (quorum_met IN (0, 1)),
            quorum_rule TEXT NOT NULL
        );
        -- A planned session called off, with the reason members read. Its row in sessions keeps
        -- the state 'planned' (a CHECK cannot be widened in place in both databases): this row
        -- is what cancels it.
        CREATE TABLE session_cancellations (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            reason TEXT NOT NULL,
            cancelled_by INTEGER NOT NULL REFERENCES members(id),
            cancelled_at INTEGER NOT NULL
        );
        -- Agenda items of closed sessions that never got a ballot were left scheduled, where no
        -- later session could take them: they return to the period's list.
        UPDATE issues SET stage = 'listed'
        WHERE stage = 'scheduled' AND id IN (
            SELECT a.issue_id FROM agenda_items a JOIN sessions s ON s.id = a.session_id
            WHERE s.state = 'closed' AND NOT EXISTS (
                SELECT 1 FROM ballots b WHERE b.session_id = a.session_id
                AND b.issue_id = a.issue_id));
        )sql",
    };
    return s;
}


int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

constexpr const char* kBridge = R"sql(
    DROP TRIGGER audit_log_no_update;
    DROP TRIGGER audit_log_no_delete;
    DROP TRIGGER audit_log_append_at_head;
    CREATE TABLE audit_log_chains (
        community_id BIGINT NOT NULL,
        seq BIGINT NOT NULL CHECK (seq > 0),
        at BIGINT NOT NULL,
        actor_id BIGINT REFERENCES members(id),
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (community_id, seq)
    );
    INSERT INTO audit_log_chains
        SELECT COALESCE((SELECT MIN(id) FROM communities), 0), id, at, actor_id, action, details,
               prev_hash, hash
        FROM audit_log ORDER BY id;
    DROP TABLE audit_log;
    ALTER TABLE audit_log_chains RENAME TO audit_log;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_append_at_head BEFORE INSERT ON audit_log
    WHEN NEW.prev_hash IS NOT COALESCE(
        (SELECT hash FROM audit_log WHERE community_id = NEW.community_id
         ORDER BY seq DESC LIMIT 1),
        '0000000000000000000000000000000000000000000000000000000000000000')
      OR NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log
                              WHERE community_id = NEW.community_id), 0) + 1
    BEGIN SELECT RAISE(ABORT, 'audit_log entries must extend the chain'); END;
    -- The layout is now version 1 of the shared list.
    CREATE TABLE schema_version (id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
    INSERT INTO schema_version (id, version) VALUES (1, 1);
)sql";
}  // namespace

bool adopt_legacy_sqlite(SQLite::Database& db) {
    int current = user_version(db);
    if (current == 0) return false;
    if (db.tableExists("schema_version")) return false;
    if (current > static_cast<int>(steps().size()))
        throw Error("database schema version " + std::to_string(current) +
                    " is newer than this server's");
    // A step may rebuild a table that others reference (SQLite cannot alter a CHECK), which
    // the foreign keys would refuse midway: they are off during the steps, each step is checked
    // for dangling references before it commits, and they are on again afterwards.
    db.exec("PRAGMA foreign_keys = OFF");
    try {
        for (int v = current + 1; v <= static_cast<int>(steps().size()) + 1; ++v) {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            // Another process may have upgraded while we waited for the write lock.
            if (db.tableExists("schema_version")) break;
            if (user_version(db) >= v) continue;
            db.exec(v <= static_cast<int>(steps().size()) ? steps()[v - 1] : kBridge);
            SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
            if (dangling.executeStep())
                throw Error("upgrade step " + std::to_string(v) +
                            " leaves a dangling reference in " + dangling.getColumn(0).getString());
            db.exec("PRAGMA user_version = " + std::to_string(v));
            tx.commit();
        }
    } catch (const SQLite::Exception& e) {
        db.exec("PRAGMA foreign_keys = ON");
        throw Error(std::string("cannot upgrade the database: ") + e.what());
    }
    db.exec("PRAGMA foreign_keys = ON");
    return true;
}

}  // namespace yishi::database
