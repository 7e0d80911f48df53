// The schema, as an ordered list of steps. Never edit a step that has shipped: append one.
// Plain SQL that SQLite and PostgreSQL both accept; `{id}` is a generated key column, and the
// few statements the two spell differently (the audit log's guards) are given for each.
#include "schema.hpp"

#include <string>
#include <vector>

#include "yishi/server/store.hpp"

namespace yishi::server {

namespace {
using database::Connection;
using database::Kind;
using database::Statement;

struct Step {
    const char* both;
    const char* sqlite = "";
    const char* postgres = "";
};

const std::vector<Step>& steps() {
    static const std::vector<Step> s = {
        // 1: everything up to secret ballots sealed while open, the login throttle and the
        // session's frozen record. Integers are 64-bit (BIGINT): times, ids and areas in
        // hundredths of a square metre.
        {R"sql(
        CREATE TABLE communities (
            id {id},
            name TEXT NOT NULL,
            street TEXT NOT NULL
        );
        -- 户: the unit of one-vote-per-household ballots.
        CREATE TABLE households (
            id {id},
            community_id BIGINT NOT NULL REFERENCES communities(id),
            label TEXT NOT NULL,
            UNIQUE (community_id, label)
        );
        CREATE TABLE councils (
            id {id},
            community_id BIGINT NOT NULL REFERENCES communities(id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            cosign_threshold BIGINT NOT NULL CHECK (cosign_threshold > 0)
        );
        CREATE TABLE members (
            id {id},
            login TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            household_id BIGINT REFERENCES households(id),
            floor_area BIGINT NOT NULL DEFAULT 0 CHECK (floor_area >= 0)
        );
        CREATE TABLE council_members (
            council_id BIGINT NOT NULL REFERENCES councils(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            PRIMARY KEY (council_id, member_id)
        );
        CREATE INDEX council_members_by_member ON council_members(member_id);
        CREATE TABLE issues (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            author_id BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('collecting', 'listed', 'merged', 'declined',
                                                 'scheduled', 'resolved')),
            category TEXT NOT NULL DEFAULT '',
            tag TEXT NOT NULL DEFAULT '',
            raised_by BIGINT REFERENCES members(id)
        );
        CREATE INDEX issues_by_council ON issues(council_id, created_at);
        CREATE TABLE cosigns (
            issue_id BIGINT NOT NULL REFERENCES issues(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            UNIQUE (issue_id, member_id)
        );
        CREATE TABLE auth_tokens (
            token_hash TEXT PRIMARY KEY,
            member_id BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            last_used_at BIGINT NOT NULL
        );
        CREATE INDEX auth_tokens_by_member ON auth_tokens(member_id);
        CREATE TABLE invites (
            id {id},
            code_hash TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            council_id BIGINT NOT NULL REFERENCES councils(id),
            created_by BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_at BIGINT,
            used_by BIGINT REFERENCES members(id),
            household TEXT NOT NULL DEFAULT '',
            floor_area BIGINT NOT NULL DEFAULT 0 CHECK (floor_area >= 0)
        );
        -- 审计日志: one hash chain per community (0: the city's own acts), so that communities
        -- sharing a database never wait on each other's appends. (community_id, seq) is unique:
        -- of two servers appending to one chain at once, one fails and runs again.
        CREATE TABLE audit_log (
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
        CREATE TABLE council_rules (
            council_id BIGINT PRIMARY KEY REFERENCES councils(id),
            rules TEXT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE TABLE sessions (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            kind TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary')),
            state TEXT NOT NULL CHECK (state IN ('planned', 'noticed', 'open', 'closed')),
            starts_at BIGINT NOT NULL,
            noticed_at BIGINT NOT NULL DEFAULT 0,
            notice_override_reason TEXT NOT NULL DEFAULT '',
            opened_at BIGINT NOT NULL DEFAULT 0,
            closed_at BIGINT NOT NULL DEFAULT 0,
            created_by BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL
        );
        CREATE INDEX sessions_by_council ON sessions(council_id, starts_at);
        CREATE TABLE session_demands (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            demanded_at BIGINT NOT NULL,
            session_id BIGINT REFERENCES sessions(id)
        );
        CREATE UNIQUE INDEX session_demands_pending ON session_demands(council_id, member_id)
            WHERE session_id IS NULL;
        CREATE TABLE agenda_items (
            session_id BIGINT NOT NULL REFERENCES sessions(id),
            position BIGINT NOT NULL,
            issue_id BIGINT NOT NULL REFERENCES issues(id),
            special_matter BIGINT NOT NULL CHECK (special_matter IN (0, 1)),
            PRIMARY KEY (session_id, issue_id),
            UNIQUE (session_id, position)
        );
        CREATE TABLE session_signins (
            session_id BIGINT NOT NULL REFERENCES sessions(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            signed_in_at BIGINT NOT NULL,
            UNIQUE (session_id, member_id)
        );
        CREATE TABLE ballots (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            session_id BIGINT NOT NULL REFERENCES sessions(id),
            issue_id BIGINT NOT NULL REFERENCES issues(id),
            special_matter BIGINT NOT NULL CHECK (special_matter IN (0, 1)),
            state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
            electorate_heads BIGINT NOT NULL,
            electorate_households BIGINT NOT NULL,
            electorate_area BIGINT NOT NULL,
            opened_at BIGINT NOT NULL,
            closed_at BIGINT NOT NULL DEFAULT 0,
            tally_yes BIGINT, tally_no BIGINT, tally_abstain BIGINT, tally_not_voted BIGINT,
            tally_present BIGINT, tally_yes_area BIGINT, tally_present_area BIGINT,
            tally_quorum BIGINT,
            outcome TEXT CHECK (outcome IN ('passed', 'failed', 'no_quorum', 'deferred')),
            UNIQUE (session_id, issue_id)
        );
        CREATE TABLE ballot_roll (
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            household_id BIGINT NOT NULL,
            area BIGINT NOT NULL,
            PRIMARY KEY (ballot_id, member_id)
        );
        CREATE TABLE votes (
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
            cast_at BIGINT NOT NULL,
            UNIQUE (ballot_id, member_id)
        );
        CREATE TABLE notices (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            kind TEXT NOT NULL CHECK (kind IN ('resolution', 'result')),
            subject_id BIGINT NOT NULL,
            text TEXT NOT NULL,
            starts_at BIGINT NOT NULL,
            ends_at BIGINT NOT NULL
        );
        CREATE INDEX notices_by_council ON notices(council_id, starts_at);
        CREATE TABLE issue_dispositions (
            issue_id BIGINT PRIMARY KEY REFERENCES issues(id),
            merged_into BIGINT REFERENCES issues(id),
            reason TEXT NOT NULL,
            decided_by BIGINT NOT NULL REFERENCES members(id),
            decided_at BIGINT NOT NULL
        );
        CREATE TABLE comments (
            id {id},
            issue_id BIGINT NOT NULL REFERENCES issues(id),
            author_id BIGINT NOT NULL REFERENCES members(id),
            parent_id BIGINT REFERENCES comments(id),
            stance TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'neutral', 'question')),
            body TEXT NOT NULL,
            official BIGINT NOT NULL CHECK (official IN (0, 1)),
            created_at BIGINT NOT NULL,
            hidden_reason TEXT,
            hidden_by BIGINT REFERENCES members(id),
            hidden_at BIGINT
        );
        CREATE INDEX comments_by_issue ON comments(issue_id, id);
        CREATE TABLE comment_revisions (
            id {id},
            comment_id BIGINT NOT NULL REFERENCES comments(id),
            body TEXT NOT NULL,
            replaced_at BIGINT NOT NULL
        );
        CREATE INDEX comment_revisions_by_comment ON comment_revisions(comment_id, id);
        CREATE TABLE tasks (
            id {id},
            council_id BIGINT NOT NULL REFERENCES councils(id),
            issue_id BIGINT NOT NULL REFERENCES issues(id),
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            responsible_unit TEXT NOT NULL,
            responsible_member_id BIGINT NOT NULL REFERENCES members(id),
            due_at BIGINT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('assigned', 'answered', 'supervised', 'done')),
            created_by BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL
        );
        CREATE INDEX tasks_by_council ON tasks(council_id, created_at);
        CREATE TABLE task_progress (
            id {id},
            task_id BIGINT NOT NULL REFERENCES tasks(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at BIGINT NOT NULL
        );
        CREATE INDEX task_progress_by_task ON task_progress(task_id);
        CREATE TABLE task_replies (
            id {id},
            task_id BIGINT NOT NULL REFERENCES tasks(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at BIGINT NOT NULL
        );
        CREATE INDEX task_replies_by_task ON task_replies(task_id);
        CREATE TABLE task_ratings (
            reply_id BIGINT NOT NULL REFERENCES task_replies(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            rating TEXT NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied',
                                                   'unsatisfied')),
            rated_at BIGINT NOT NULL,
            UNIQUE (reply_id, member_id)
        );
        CREATE TABLE ballot_specs (
            ballot_id BIGINT PRIMARY KEY REFERENCES ballots(id),
            method TEXT NOT NULL CHECK (method IN ('yes_no', 'single', 'approval', 'schulze',
                                                   'irv', 'budget')),
            secret BIGINT NOT NULL CHECK (secret IN (0, 1)),
            unit TEXT NOT NULL CHECK (unit IN ('member', 'household', 'owners')),
            spec TEXT NOT NULL
        );
        -- Who has voted, one row per voting unit (UNIQUE (ballot_id, unit_key)); an open
        -- ballot's content sits here, a secret one's never does.
        CREATE TABLE ballot_voters (
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            unit_key BIGINT NOT NULL,
            content TEXT,
            voted_at BIGINT NOT NULL,
            UNIQUE (ballot_id, member_id),
            UNIQUE (ballot_id, unit_key)
        );
        CREATE TABLE paper_counts (
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            teller_id BIGINT NOT NULL REFERENCES members(id),
            counts TEXT NOT NULL,
            entered_at BIGINT NOT NULL,
            PRIMARY KEY (ballot_id, teller_id)
        );
        CREATE TABLE bulletins (
            ballot_id BIGINT PRIMARY KEY REFERENCES ballots(id),
            bulletin TEXT NOT NULL,
            published_at BIGINT NOT NULL
        );
        -- The fingerprint of the ballot key file secret ballots are sealed under.
        CREATE TABLE ballot_key_check (
            id BIGINT PRIMARY KEY CHECK (id = 1),
            fingerprint TEXT NOT NULL
        );
        CREATE TABLE ballot_seals (
            ballot_id BIGINT PRIMARY KEY REFERENCES ballots(id),
            public_key TEXT NOT NULL,
            sealed_secret_key TEXT NOT NULL
        );
        -- An open secret ballot's choices, each sealed to the ballot's key, padded to one length.
        CREATE TABLE sealed_contents (
            id {id},
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            sealed TEXT NOT NULL
        );
        -- A closed secret ballot's choices, written in canonical order at closing.
        CREATE TABLE secret_contents (
            id {id},
            ballot_id BIGINT NOT NULL REFERENCES ballots(id),
            content TEXT NOT NULL,
            receipt TEXT UNIQUE
        );
        CREATE TABLE throttle_pairs (
            login TEXT NOT NULL,
            address TEXT NOT NULL,
            failures BIGINT NOT NULL CHECK (failures >= 0),
            last_failure_at BIGINT NOT NULL,
            PRIMARY KEY (login, address)
        );
        CREATE INDEX throttle_pairs_by_time ON throttle_pairs(last_failure_at);
        CREATE TABLE throttle_addresses (
            address TEXT NOT NULL PRIMARY KEY,
            failures BIGINT NOT NULL CHECK (failures >= 0),
            last_failure_at BIGINT NOT NULL
        );
        CREATE INDEX throttle_addresses_by_time ON throttle_addresses(last_failure_at);
        -- What a session's quorum (法定人数) was when it closed, never recounted later.
        CREATE TABLE session_closings (
            session_id BIGINT PRIMARY KEY REFERENCES sessions(id),
            electorate BIGINT NOT NULL CHECK (electorate >= 0),
            present BIGINT NOT NULL CHECK (present >= 0 AND present <= electorate),
            quorum_met BIGINT NOT NULL CHECK (quorum_met IN (0, 1)),
            quorum_rule TEXT NOT NULL
        );
        -- A planned session called off (取消); its row in sessions keeps the state 'planned'.
        CREATE TABLE session_cancellations (
            session_id BIGINT PRIMARY KEY REFERENCES sessions(id),
            reason TEXT NOT NULL,
            cancelled_by BIGINT NOT NULL REFERENCES members(id),
            cancelled_at BIGINT NOT NULL
        );
        )sql",
         // The audit log refuses changes and any entry that does not extend its chain.
         R"sql(
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
        )sql",
         R"sql(
        CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                RAISE EXCEPTION 'audit_log is append-only';
            END IF;
            IF NEW.prev_hash IS DISTINCT FROM COALESCE(
                   (SELECT hash FROM audit_log WHERE community_id = NEW.community_id
                    ORDER BY seq DESC LIMIT 1),
                   '0000000000000000000000000000000000000000000000000000000000000000')
               OR NEW.seq <> COALESCE((SELECT MAX(seq) FROM audit_log
                                       WHERE community_id = NEW.community_id), 0) + 1 THEN
                RAISE EXCEPTION 'audit_log entries must extend the chain';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_log_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
        )sql"},
        // 2: the organisation's tree (streets, departments, grids), administrators and their
        // scopes, members registered by the community before they have an account (login
        // '#<id>', no password, until a one-time code activates them), deactivation, and the
        // first start's setup code.
        {R"sql(
        CREATE TABLE streets (
            id {id},
            name TEXT NOT NULL UNIQUE
        );
        ALTER TABLE communities ADD COLUMN street_id BIGINT REFERENCES streets(id);
        -- 责任单位: serve the communities of one street.
        CREATE TABLE departments (
            id {id},
            street_id BIGINT NOT NULL REFERENCES streets(id),
            name TEXT NOT NULL,
            UNIQUE (street_id, name)
        );
        -- 网格
        CREATE TABLE grids (
            id {id},
            community_id BIGINT NOT NULL REFERENCES communities(id),
            name TEXT NOT NULL,
            UNIQUE (community_id, name)
        );
        ALTER TABLE members ADD COLUMN active BIGINT NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
        ALTER TABLE members ADD COLUMN community_id BIGINT REFERENCES communities(id);
        ALTER TABLE members ADD COLUMN grid_id BIGINT REFERENCES grids(id);
        ALTER TABLE members ADD COLUMN department_id BIGINT REFERENCES departments(id);
        ALTER TABLE members ADD COLUMN street_id BIGINT REFERENCES streets(id);
        ALTER TABLE members ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        ALTER TABLE members ADD COLUMN building TEXT NOT NULL DEFAULT '';
        CREATE INDEX members_by_community ON members(community_id);
        CREATE TABLE admin_scopes (
            member_id BIGINT PRIMARY KEY REFERENCES members(id),
            level TEXT NOT NULL CHECK (level IN ('platform', 'street', 'community')),
            scope_id BIGINT NOT NULL
        );
        -- Activation and password-reset codes, kept only as SHA-256 digests.
        CREATE TABLE account_codes (
            id {id},
            code_hash TEXT NOT NULL UNIQUE,
            member_id BIGINT NOT NULL REFERENCES members(id),
            purpose TEXT NOT NULL CHECK (purpose IN ('activation', 'reset')),
            created_by BIGINT REFERENCES members(id),
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_at BIGINT
        );
        CREATE INDEX account_codes_by_member ON account_codes(member_id, purpose);
        CREATE TABLE setup (
            id BIGINT PRIMARY KEY CHECK (id = 1),
            code_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            done_at BIGINT
        );
        )sql"},
        // 3: the CPPCC committee (政协) beside the tree and its consultations (请你来协商). A
        // recommendation's handling is a task: tasks gain the recommendation they come from and
        // the department's position, and their council, issue and ballot become optional. SQLite
        // cannot drop NOT NULL, so it rebuilds the four task tables (children dropped first, so
        // no reference dangles; renaming a table rewrites the references to it); the columns
        // keep one order on both databases, for copying.
        {R"sql(
        CREATE TABLE cppccs (
            id {id},
            street_id BIGINT NOT NULL REFERENCES streets(id),
            name TEXT NOT NULL,
            UNIQUE (street_id, name)
        );
        -- 专委会
        CREATE TABLE special_committees (
            id {id},
            cppcc_id BIGINT NOT NULL REFERENCES cppccs(id),
            name TEXT NOT NULL,
            UNIQUE (cppcc_id, name)
        );
        CREATE TABLE cppcc_seats (
            cppcc_id BIGINT NOT NULL REFERENCES cppccs(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            post TEXT NOT NULL CHECK (post IN ('chair', 'vice_chair', 'member', 'secretariat')),
            committee_id BIGINT REFERENCES special_committees(id),
            title TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (cppcc_id, member_id)
        );
        CREATE INDEX cppcc_seats_by_member ON cppcc_seats(member_id);
        -- 协商议题; an issue is recommended to the CPPCC at most once. `version` grows with every
        -- change to the consultation or its tasks: the live pages compare it.
        CREATE TABLE topics (
            id {id},
            cppcc_id BIGINT NOT NULL REFERENCES cppccs(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('party_committee', 'government', 'members',
                                                   'public_recommendation')),
            proposed_by BIGINT NOT NULL REFERENCES members(id),
            issue_id BIGINT UNIQUE REFERENCES issues(id),
            created_at BIGINT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('proposed', 'planned', 'researching', 'meeting',
                                                 'concluded', 'sent', 'published')),
            plan_year BIGINT NOT NULL DEFAULT 0,
            committee_id BIGINT REFERENCES special_committees(id),
            lead_vice_chair_id BIGINT REFERENCES members(id),
            version BIGINT NOT NULL DEFAULT 1
        );
        CREATE INDEX topics_by_cppcc ON topics(cppcc_id, created_at);
        CREATE TABLE research_members (
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            lead BIGINT NOT NULL CHECK (lead IN (0, 1)),
            PRIMARY KEY (topic_id, member_id)
        );
        CREATE TABLE field_visits (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            visited_on TEXT NOT NULL,
            place TEXT NOT NULL,
            notes TEXT NOT NULL,
            attachment TEXT NOT NULL,
            member_id BIGINT NOT NULL REFERENCES members(id)
        );
        CREATE INDEX field_visits_by_topic ON field_visits(topic_id);
        CREATE TABLE report_sections (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            heading TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX report_sections_by_topic ON report_sections(topic_id);
        CREATE TABLE meetings (
            topic_id BIGINT PRIMARY KEY REFERENCES topics(id),
            held_on TEXT NOT NULL,
            place TEXT NOT NULL,
            chair TEXT NOT NULL,
            closed BIGINT NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
        );
        CREATE TABLE participants (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            name TEXT NOT NULL,
            title TEXT NOT NULL,
            affiliation TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('member', 'leader', 'department_head', 'expert',
                                               'resident')),
            member_id BIGINT REFERENCES members(id)
        );
        CREATE INDEX participants_by_topic ON participants(topic_id);
        -- A question is answered once: the database holds that, not the caller.
        CREATE TABLE meeting_items (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            kind TEXT NOT NULL CHECK (kind IN ('opening', 'keynote', 'speech', 'question',
                                               'answer', 'concluding')),
            speaker_id BIGINT NOT NULL REFERENCES participants(id),
            summary TEXT NOT NULL,
            to_participant_id BIGINT REFERENCES participants(id),
            answers_item_id BIGINT UNIQUE REFERENCES meeting_items(id),
            at BIGINT NOT NULL
        );
        CREATE INDEX meeting_items_by_topic ON meeting_items(topic_id);
        CREATE TABLE recommendations (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            text TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX recommendations_by_topic ON recommendations(topic_id);
        CREATE TABLE recommendation_proposers (
            recommendation_id BIGINT NOT NULL REFERENCES recommendations(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            PRIMARY KEY (recommendation_id, member_id)
        );
        -- What supports a recommendation: a meeting item or a report section, one per row.
        CREATE TABLE recommendation_sources (
            recommendation_id BIGINT NOT NULL REFERENCES recommendations(id),
            item_id BIGINT REFERENCES meeting_items(id),
            section_id BIGINT REFERENCES report_sections(id),
            CHECK ((item_id IS NULL AND section_id IS NOT NULL) OR
                   (item_id IS NOT NULL AND section_id IS NULL))
        );
        CREATE INDEX recommendation_sources_by_recommendation
            ON recommendation_sources(recommendation_id);
        -- 报送
        CREATE TABLE sendings (
            id {id},
            topic_id BIGINT NOT NULL REFERENCES topics(id),
            recipient TEXT NOT NULL,
            sent_on TEXT NOT NULL,
            received_by TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX sendings_by_topic ON sendings(topic_id);
        )sql",
         R"sql(
        CREATE TABLE tasks_next (
            id {id},
            council_id BIGINT REFERENCES councils(id),
            issue_id BIGINT REFERENCES issues(id),
            ballot_id BIGINT REFERENCES ballots(id),
            responsible_unit TEXT NOT NULL,
            responsible_member_id BIGINT NOT NULL REFERENCES members(id),
            due_at BIGINT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('assigned', 'answered', 'supervised', 'done')),
            created_by BIGINT NOT NULL REFERENCES members(id),
            created_at BIGINT NOT NULL,
            recommendation_id BIGINT REFERENCES recommendations(id),
            adoption TEXT CHECK (adoption IN ('adopted', 'partly', 'not_adopted')),
            position_reason TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO tasks_next (id, council_id, issue_id, ballot_id, responsible_unit,
                                responsible_member_id, due_at, state, created_by, created_at)
            SELECT id, council_id, issue_id, ballot_id, responsible_unit, responsible_member_id,
                   due_at, state, created_by, created_at FROM tasks;
        CREATE TABLE task_progress_next (
            id {id},
            task_id BIGINT NOT NULL REFERENCES tasks_next(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at BIGINT NOT NULL
        );
        INSERT INTO task_progress_next SELECT id, task_id, member_id, text, at FROM task_progress;
        CREATE TABLE task_replies_next (
            id {id},
            task_id BIGINT NOT NULL REFERENCES tasks_next(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            text TEXT NOT NULL,
            at BIGINT NOT NULL
        );
        INSERT INTO task_replies_next SELECT id, task_id, member_id, text, at FROM task_replies;
        CREATE TABLE task_ratings_next (
            reply_id BIGINT NOT NULL REFERENCES task_replies_next(id),
            member_id BIGINT NOT NULL REFERENCES members(id),
            rating TEXT NOT NULL CHECK (rating IN ('satisfied', 'basically_satisfied',
                                                   'unsatisfied')),
            rated_at BIGINT NOT NULL,
            UNIQUE (reply_id, member_id)
        );
        INSERT INTO task_ratings_next SELECT reply_id, member_id, rating, rated_at FROM task_ratings;
        DROP TABLE task_ratings;
        DROP TABLE task_replies;
        DROP TABLE task_progress;
        DROP TABLE tasks;
        ALTER TABLE tasks_next RENAME TO tasks;
        ALTER TABLE task_progress_next RENAME TO task_progress;
        ALTER TABLE task_replies_next RENAME TO task_replies;
        ALTER TABLE task_ratings_next RENAME TO task_ratings;
        CREATE INDEX tasks_by_council ON tasks(council_id, created_at);
        CREATE INDEX task_progress_by_task ON task_progress(task_id);
        CREATE INDEX task_replies_by_task ON task_replies(task_id);
        CREATE INDEX tasks_by_recommendation ON tasks(recommendation_id);
        CREATE INDEX tasks_by_responsible ON tasks(responsible_member_id);
        )sql",
         R"sql(
        ALTER TABLE tasks ALTER COLUMN council_id DROP NOT NULL;
        ALTER TABLE tasks ALTER COLUMN issue_id DROP NOT NULL;
        ALTER TABLE tasks ALTER COLUMN ballot_id DROP NOT NULL;
        ALTER TABLE tasks ADD COLUMN recommendation_id BIGINT REFERENCES recommendations(id);
        ALTER TABLE tasks ADD COLUMN adoption TEXT
            CHECK (adoption IN ('adopted', 'partly', 'not_adopted'));
        ALTER TABLE tasks ADD COLUMN position_reason TEXT NOT NULL DEFAULT '';
        CREATE INDEX tasks_by_recommendation ON tasks(recommendation_id);
        CREATE INDEX tasks_by_responsible ON tasks(responsible_member_id);
        )sql"},
        // 4: follow-through. An issue keeps its grid (the author's, when raised) and when it was
        // accepted (listed, by the convenor or by co-signs) and first answered (an official
        // comment, a task reply, or a merge or decline with its reason), for the monthly needs
        // report; a task keeps when it was first answered. Notifications (消息) are rows written
        // in the transaction of the change that causes them; `dedupe_key` makes a scheduled one
        // (a ballot closing soon, a task falling due) once per member. Each notification of a
        // community with an outbound hook gets one delivery row, retried until delivered.
        {R"sql(
        ALTER TABLE issues ADD COLUMN grid_id BIGINT REFERENCES grids(id);
        ALTER TABLE issues ADD COLUMN accepted_at BIGINT;
        ALTER TABLE issues ADD COLUMN answered_at BIGINT;
        CREATE INDEX issues_by_created ON issues(created_at);
        ALTER TABLE tasks ADD COLUMN answered_at BIGINT;
        CREATE INDEX tasks_by_due ON tasks(due_at);
        CREATE TABLE notifications (
            id {id},
            member_id BIGINT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            subject_id BIGINT NOT NULL,
            title TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            community_id BIGINT REFERENCES communities(id),
            dedupe_key TEXT UNIQUE,
            created_at BIGINT NOT NULL,
            read_at BIGINT
        );
        CREATE INDEX notifications_by_member ON notifications(member_id, id);
        -- A row turns one kind off for one member; every kind is on by default.
        CREATE TABLE notification_mutes (
            member_id BIGINT NOT NULL REFERENCES members(id),
            kind TEXT NOT NULL,
            PRIMARY KEY (member_id, kind)
        );
        CREATE TABLE community_hooks (
            community_id BIGINT PRIMARY KEY REFERENCES communities(id),
            url TEXT NOT NULL,
            updated_by BIGINT NOT NULL REFERENCES members(id),
            updated_at BIGINT NOT NULL
        );
        CREATE TABLE hook_deliveries (
            id {id},
            notification_id BIGINT NOT NULL UNIQUE REFERENCES notifications(id),
            url TEXT NOT NULL,
            attempts BIGINT NOT NULL DEFAULT 0,
            next_at BIGINT NOT NULL,
            delivered_at BIGINT,
            failed_at BIGINT,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX hook_deliveries_due ON hook_deliveries(delivered_at, failed_at, next_at);
        -- What the older rows already tell: the author's grid, the first reply of each task, and
        -- an issue's first answer of any kind. When an issue was accepted was not kept before.
        UPDATE issues SET grid_id = (SELECT m.grid_id FROM members m WHERE m.id = issues.author_id);
        UPDATE tasks SET answered_at = (SELECT MIN(r.at) FROM task_replies r
                                        WHERE r.task_id = tasks.id);
        UPDATE issues SET answered_at = (SELECT MIN(c.created_at) FROM comments c
                                         WHERE c.issue_id = issues.id AND c.official = 1);
        UPDATE issues SET answered_at = (SELECT MIN(t.answered_at) FROM tasks t
                                         WHERE t.issue_id = issues.id)
            WHERE (SELECT MIN(t.answered_at) FROM tasks t WHERE t.issue_id = issues.id)
                  < COALESCE(answered_at, 9223372036854775807);
        UPDATE issues SET answered_at = (SELECT d.decided_at FROM issue_dispositions d
                                         WHERE d.issue_id = issues.id)
            WHERE (SELECT d.decided_at FROM issue_dispositions d WHERE d.issue_id = issues.id)
                  < COALESCE(answered_at, 9223372036854775807);
        )sql"},
        // 5: a ballot may announce when voting ends (votes after it are refused; the roll's
        // members who have not voted are reminded within the last hour), and a grid worker may
        // raise an issue for a resident who has no account (代提): the issue's author is then the
        // grid worker, and the resident's name and household are kept with the issue.
        {R"sql(
        ALTER TABLE ballots ADD COLUMN closes_at BIGINT;
        CREATE INDEX ballots_by_closes_at ON ballots(closes_at);
        ALTER TABLE issues ADD COLUMN raised_for_name TEXT NOT NULL DEFAULT '';
        ALTER TABLE issues ADD COLUMN raised_for_household TEXT NOT NULL DEFAULT '';
        )sql"},
    };
    return s;
}

int recorded_version(Connection& c) {
    Statement q(c, "SELECT version FROM schema_version WHERE id = 1");
    return q.step() ? q.column(0).integer() : 0;
}
}  // namespace

int latest_schema_version() { return static_cast<int>(steps().size()); }

int stored_schema_version(database::Database& db) {
    try {
        return db.read([](Connection& c) { return recorded_version(c); });
    } catch (const database::Error&) {
        return 0;  // no version table: an empty database
    }
}

void migrate(database::Database& db) { migrate(db, latest_schema_version()); }

void migrate(database::Database& db, int up_to) {
    // Servers starting together on one database take turns, in a scope of their own.
    constexpr std::int64_t kMigrations = -1;
    db.write_in(kMigrations, [](Connection& c) {
        c.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "id BIGINT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL)");
        c.execute("INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING");
    });
    int current = stored_schema_version(db);
    if (current > latest_schema_version())
        throw StoreError("database schema version " + std::to_string(current) +
                         " is newer than this server's " + std::to_string(latest_schema_version()));
    for (int v = current + 1; v <= up_to && v <= latest_schema_version(); ++v) {
        db.write_in(kMigrations, [&](Connection& c) {
            // Holds the version row until commit: a second server starting at the same moment
            // waits here, then finds the step done.
            c.execute("UPDATE schema_version SET version = version WHERE id = 1");
            if (recorded_version(c) >= v) return;
            const Step& step = steps()[v - 1];
            c.execute(step.both);
            const char* own = c.kind() == database::Kind::sqlite ? step.sqlite : step.postgres;
            if (*own) c.execute(own);
            Statement done(c, "UPDATE schema_version SET version = ? WHERE id = 1");
            done.bind(1, v);
            done.run();
        });
    }
}

}  // namespace yishi::server
