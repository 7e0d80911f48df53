// The store: the only place that speaks SQL, written once for SQLite and PostgreSQL (see
// yishi/database). Every write is one transaction; bad input writes nothing.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "yishi/administration.hpp"
#include "yishi/ballot.hpp"
#include "yishi/ballot_spec.hpp"
#include "yishi/board.hpp"
#include "yishi/bulletin.hpp"
#include "yishi/consultation.hpp"
#include "yishi/errors.hpp"
#include "yishi/messages.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/messages_decide.hpp"
#include "yishi/model.hpp"
#include "yishi/notice.hpp"
#include "yishi/messages_notifications.hpp"
#include "yishi/roster.hpp"
#include "yishi/rules.hpp"
#include "yishi/report.hpp"
#include "yishi/session.hpp"
#include "yishi/issue_flow.hpp"
#include "yishi/task.hpp"
#include "yishi/thread.hpp"
#include "yishi/server/auth.hpp"

namespace yishi::server {

// The database could not be opened, or holds a schema from a newer server.
// Rows of one table in the source and the target of a copy.
struct TableCount {
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
};
// Copies every row of the database at `from` (of this server's schema version) into the empty
// database at `to`, migrating `to` first, in one transaction. Either address may be a SQLite
// file or a postgresql:// address.
std::vector<TableCount> copy_database(const std::string& from, const std::string& to);

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Store::cast_vote's answer for a ballot held under another method than plain yes/no, given
// before any other refusal: not a voter's error but the caller's cue to count the vote through
// cast_content instead. Should it reach a reply, it is a 500, the server's own fault.
Error not_plain_ballot();
bool is_not_plain_ballot(const Error& e);

// What a login is checked against.
struct Credentials {
    Id member_id = 0;
    std::string password_hash;
    bool active = true;  // a deactivated member may not log in
};

// An account to create; the password is already hashed.
struct NewMember {
    std::string login;
    std::string name;
    std::string role;
    std::string password_hash;
    std::string household{};               // 户 (e.g. "3栋2单元501"); empty when not recorded
    std::int64_t floor_area_centi_m2 = 0;  // owners' private floor area, 1/100 m²
};
// Where a member lives: the household's label (empty when not recorded) and the floor area.
struct MemberHome {
    std::string household;
    std::int64_t floor_area_centi_m2 = 0;
};
// An invite (邀请码) to record; the code itself is never stored, only its SHA-256.
struct NewInvite {
    std::string code_hash;
    std::string name;  // the resident's real name, as verified by the community
    Id council_id = 0;
    Id created_by = 0;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    // Carried into the member it registers; households are shared by label within a community.
    std::string household;
    std::int64_t floor_area_centi_m2 = 0;
};

// A registration with an invite code; the password is already hashed.
struct Registration {
    std::string code_hash;
    std::string login;
    std::string password_hash;
    std::int64_t now = 0;
};

// One line of the audit log (审计日志), as stored: entry `id` (1, 2, ...) of its community's
// chain (community 0: the city's own acts). `details` is compact JSON text; `hash` chains to
// `prev_hash` (see audit.hpp). `actor_id` is empty for the system (seeding).
struct AuditEntry {
    Id community_id = 0;
    Id id = 0;
    std::int64_t at = 0;
    std::optional<Id> actor_id;
    std::string action;
    std::string details;
    std::string prev_hash;
    std::string hash;
};

// Recent failed logins, for throttling.
// Whether an attempt may check a password now, or how many seconds it must wait.
struct AttemptAdmission {
    bool allowed = true;
    std::int64_t retry_after_seconds = 0;
};

// --- 定 (decide): what the store answers about sessions and ballots ---
// A member as a council's member list shows them.
struct CouncilMember {
    Id id = 0;
    std::string name;
    std::string role;
    bool voting = false;
    std::string household;  // 户 label, e.g. "3栋2单元501"; empty when not recorded
};

// Where members' demands for an extraordinary session stand (提议召开临时会议).
struct DemandStatus {
    std::int64_t demanded = 0;       // pending demands
    std::int64_t voting_members = 0;
    bool sufficient = false;         // enough to plan an extraordinary session
};
// A requested agenda item, before it is checked against the issue.
struct AgendaRequest {
    Id issue_id = 0;
    bool special_matter = false;
};
// A ballot with its title and, once closed, the tally kept at closing.
struct BallotRecord {
    Ballot ballot;
    std::string issue_title;
    std::optional<Tally> tally;
};
// What closing a ballot produced: the record with its tally, and the resolution notice (决议公开).
struct BallotClosing {
    BallotRecord record;
    Notice notice;
};

// --- 办 carry out and 评 evaluate ---
// A task (交办事项) with the title of its issue.
struct TaskRecord {
    Task task;
    std::string issue_title;
};

// --- 议 (deliberate): a comment with its author's name ---
struct CommentRecord {
    Comment comment;
    std::string author_name;
};

// --- 定: ballot methods, voting units, secret ballots, tellers and bulletins ---
// A counted vote and, for a secret ballot, the voter's receipt (回执码) to find on the bulletin.
struct CastReceipt {
    BallotRecord record;
    std::string receipt;  // empty for open ballots and secret ones without receipts
};

// --- administration (管理) ---
// The first start: the administrator's account and the first street and community.
struct SetupRequest {
    std::string code_hash;
    std::string login;
    std::string name;
    std::string password_hash;
    std::string street;
    std::string community;
    std::int64_t now = 0;
};
struct SetupDone {
    Member admin;
    Id street_id = 0;
    Id community_id = 0;
};
// A named place of the tree: a street, community, department, grid or council.
struct PlaceRecord {
    Id id = 0;
    std::string name;
    Id parent_id = 0;      // the street of a community or department, the community of a grid
    std::string kind;      // a council's kind
    int member_count = 0;  // a council's members
};
struct CommunityTree {
    PlaceRecord community;
    std::vector<PlaceRecord> councils;
    std::vector<PlaceRecord> grids;
};
struct StreetTree {
    PlaceRecord street;
    std::vector<PlaceRecord> departments;
    std::vector<CommunityTree> communities;
    std::vector<PlaceRecord> cppccs;  // 政协, at the street's (county's) level
};
// A staff account to create, its place given by the id its kind needs.
struct StaffRequest {
    StaffKind kind = StaffKind::grid_worker;
    std::string name;
    Id place_id = 0;  // street, community, department, grid or council, by kind
};
// An account waiting for its one-time code (staff, or residents from the roster).
struct PendingAccount {
    Id member_id = 0;
    std::string name;
    std::string role;
    std::string household;
};
// A member as the community's administrators list them.
struct MemberRow {
    Id id = 0;
    std::string name;
    std::string login;  // empty until activated
    std::string role;
    std::string household;
    std::string building;
    std::string grid;
    std::string phone;
    bool active = true;
    bool activated = false;
    std::vector<Id> councils;
};
struct MemberFilter {
    std::string text;  // part of the name, household or login
    std::string grid;
    std::string building;
    std::string role;
    std::optional<bool> active;
};
// What a confirmed roster import wrote.
struct RosterWritten {
    std::int64_t members = 0;
    std::int64_t households = 0;
    std::int64_t grids = 0;
};
// A code to give `member_id` (its digest only is kept).
struct CodeGrant {
    Id member_id = 0;
    std::string code_hash;
};

class Store {
public:
    // read_write opens (creating if needed) the database file and brings its schema up to date;
    // read_only opens an existing file of the current schema and never writes (verify-audit).
    enum class Access { read_write, read_only };
    // read_write also reads the ballot key file that seals secret ballots while they are open
    // (default `<path>.ballot-key`; servers sharing a database share it), creating it when
    // missing, unless the database holds ballots sealed under a key: then a missing or other
    // key file is an error. Throws StoreError.
    explicit Store(const std::string& path, Access access = Access::read_write,
                   const std::string& ballot_key_path = "");
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    int schema_version();

    // For bulk loading (the demo quarter, some hundred transactions): false lets commits stop
    // waiting for the disk (synchronous=NORMAL; a crash may lose the latest commits, never
    // corrupt the file); true restores synchronous=FULL and checkpoints what was written.
    void set_durable(bool durable);

    // --- members and councils ---
    // Creates an account that belongs to no council yet (audited as the system's act, at the
    // system time). Throws on a duplicate login. Its household is not recorded: households
    // belong to a community, which only a council seat gives (invites and the roster record it).
    Id add_member(const NewMember& member);
    std::optional<Credentials> credentials(const std::string& login);
    // The member with household_id and floor_area_centi_m2 filled.
    std::optional<Member> member(Id id);
    MemberHome home_of(Id member_id);
    std::vector<Council> councils_of(Id member_id);
    std::optional<Council> council(Id id);
    bool is_member(Id council_id, Id member_id);

    // --- issues (议题); cosigned_by_me is filled for `viewer` ---
    std::vector<Issue> issues(Id council_id, Id viewer);  // newest first
    // One page of them (keyset on time and id): up to q.limit + 1, the extra one telling that
    // another page follows.
    std::vector<Issue> issue_page(Id council_id, Id viewer, const IssuePageQuery& q);
    std::optional<Issue> issue(Id id, Id viewer);
    // 附议: checks yishi::check_cosign, records the co-sign and moves the stage by
    // yishi::stage_after_cosign, all in one transaction, so concurrent attempts count once.
    Result<Issue> cosign(Id issue_id, Id member_id, std::int64_t now);

    // --- invites (邀请码) and registration ---
    // Records an invite; the caller has checked the council and the issuer's right.
    Id create_invite(const NewInvite& invite);
    // Whether a code could register now: invite_invalid (unknown), invite_used or
    // invite_expired. A read, to refuse early before a password is hashed.
    Check check_invite(const std::string& code_hash, std::int64_t now);
    // One transaction: checks the invite again, creates the member (role resident, the
    // invite's name, household and floor area) in the invite's council, marks the invite used, and audits it.
    // Refuses with invite_invalid, invite_used, invite_expired or login_taken, writing nothing.
    Result<Member> register_member(const Registration& registration);

    // --- 定 (decide): rules, sessions, ballots and notices (store_sessions.cpp,
    // store_ballots.cpp). Each change is one BEGIN IMMEDIATE transaction that loads the record,
    // asks the core's rule (the caller's role is read inside the same transaction), writes
    // and audits; a refusal writes nothing. ---
    // The council's rules (议事规则): as stored, or the preset of its kind when none are.
    CouncilRules rules(Id council_id);
    // Replaces the rules; the core's adjust_rules decides whether `actor` may and they are valid.
    Result<CouncilRules> set_rules(Id council_id, Id actor, const CouncilRules& proposed,
                                   std::int64_t now);
    DemandStatus demand_status(Id council_id);
    Result<DemandStatus> demand_session(Id council_id, Id actor, std::int64_t now);
    std::vector<Session> sessions(Id council_id);  // by start time
    std::optional<Session> session(Id id);
    Result<Session> plan_session(Id council_id, Id actor, SessionKind kind, std::int64_t starts_at,
                                 std::int64_t now);
    // Publishes the notice with its agenda and moves each listed issue to scheduled.
    Result<Session> publish_notice(Id session_id, Id actor, const std::vector<AgendaRequest>& agenda,
                                   const std::string& override_reason, std::int64_t now);
    Result<Session> open_session(Id session_id, Id actor, std::int64_t now);
    Result<Session> sign_in(Id session_id, Id actor, std::int64_t now);
    // 代为签到: the convenor signs in a voting member at the desk (core: sign_in_for).
    Result<Session> sign_in_for(Id session_id, Id convenor, Id member, std::int64_t now);
    // The council's members with their role there, for sign-in lists and pickers.
    std::vector<CouncilMember> council_members(Id council_id);
    // Closes, keeps the quorum of the moment and returns the agenda items no ballot was held
    // on to the period's list (the reply's returned_to_list names them).
    Result<Session> close_session(Id session_id, Id actor, std::int64_t now);
    // A planned session called off with a reason, or given a new start (core: cancel_session,
    // retime_session).
    Result<Session> cancel_session(Id session_id, Id actor, const std::string& reason,
                                   std::int64_t now);
    Result<Session> retime_session(Id session_id, Id actor, std::int64_t starts_at,
                                   std::int64_t now);
    // The council's voters (its voting members) as of now, for the quorum.
    std::vector<Voter> electorate(Id council_id);
    std::vector<BallotRecord> ballots_of_session(Id session_id);
    std::optional<BallotRecord> ballot(Id id);
    // Opens the ballot on an agenda item and freezes its roll: those signed in at this moment.
    Result<BallotRecord> open_ballot(Id session_id, Id actor, Id issue_id, std::int64_t now);
    // One counted vote: the core's may_vote over the few rows it rests on (never the roll or
    // the votes), then the UNIQUE (ballot, member) constraint; a ballot that is not plain is
    // refused with not_plain_ballot(), having written nothing. Answers the counts after it.
    Result<VoteCounted> cast_vote(Id ballot_id, Id actor, Choice choice, std::int64_t now);
    // Closes, tallies under the council's rules, resolves the issue (or returns it to the list)
    // and publishes the resolution notice for `notice_days`, all in one transaction.
    Result<BallotClosing> close_ballot(Id ballot_id, Id actor, int notice_days, std::int64_t now);
    std::vector<Notice> notices(Id council_id);  // newest first

    // --- 定 (store_ballot_methods.cpp): ballot methods, voting units, secret ballots,
    // tellers and the published bulletin (计票公告). Same discipline: one BEGIN IMMEDIATE
    // transaction per change, the core's rule, audit; a refusal writes nothing. ---
    // Opens a ballot held as `spec` (open_ballot is this with the plain spec), voting ending at
    // `closes_at` (投票截止时间, checked by the core's check_closes_at; 0: none announced).
    Result<BallotRecord> open_ballot_as(Id session_id, Id actor, Id issue_id,
                                        const BallotSpec& spec, std::int64_t closes_at,
                                        std::int64_t now);
    BallotSpec ballot_spec(Id ballot_id);
    // Who has voted in a ballot that is not plain, in voting order (the 'has voted' records).
    std::vector<Id> ballot_voters(Id ballot_id);
    // What each voter of an open (not secret) ballot that is not plain cast, closed only.
    std::vector<std::pair<Id, Json>> open_contents(Id ballot_id);
    // One counted vote in a ballot that is not plain: `content` is a bulletin ballot object
    // ({"choice"}, {"approve"}, {"ranking"}) already checked against the spec by the core.
    Result<CastReceipt> cast_content(Id ballot_id, Id actor, const Json& content, std::int64_t now);
    // A teller's paper counts, replacing their earlier entry while the ballot is open.
    Result<PaperCounts> enter_paper_counts(Id ballot_id, Id actor, const Json& counts,
                                           std::int64_t now);
    Result<PaperCounts> paper_counts(Id ballot_id, Id viewer);
    // The bulletin published when the ballot closed, with its `result`; nullopt while open.
    std::optional<Json> bulletin(Id ballot_id);

    // --- 办 carry out and 评 evaluate: tasks (store_tasks.cpp), one BEGIN IMMEDIATE transaction
    // per change in the same way: load, the core's rule, write, audit. ---
    std::vector<TaskRecord> tasks(Id council_id);  // oldest first
    std::optional<TaskRecord> task(Id id);
    // 交办: the convenor turns a closed, passed ballot into a task. A responsible member of 0
    // means the convenor follows the task up for the unit; any other must belong to the council.
    Result<TaskRecord> assign_task(Id ballot_id, Id actor, const TaskSpec& spec, std::int64_t now);
    Result<TaskRecord> report_progress(Id task_id, Id actor, const std::string& text,
                                       std::int64_t now);
    Result<TaskRecord> answer_task(Id task_id, Id actor, const std::string& text, std::int64_t now);
    // One rating per member per reply: the core's may_rate_reply, then a UNIQUE constraint.
    Result<TaskRecord> rate_reply(Id task_id, Id actor, Rating rating, std::int64_t now);
    Result<TaskRecord> conclude_rating(Id task_id, Id actor, std::int64_t now);
    // 实施结果公开: the convenor publishes the latest reply of an answered or done task.
    Result<Notice> publish_result(Id task_id, Id actor, int days, std::int64_t now);

    // --- 提/议: the convenor's list work and the issues' threads (store_threads.cpp), one
    // BEGIN IMMEDIATE transaction per change in the same way. Issues returned by these carry
    // merged_into and reason. ---
    // Raises an issue by the core's raise_issue, with category and tag; a grid worker may raise
    // it on behalf of a resident of the council (代提), who becomes its author.
    Result<Issue> raise_issue_as(Id council_id, Id actor, const RaiseIssue& request,
                                 std::int64_t now);
    Result<Issue> accept_issue(Id issue_id, Id actor, std::int64_t now);
    // `into` that names no issue is refused as bad_id on the field "into".
    Result<Issue> merge_issue(Id issue_id, Id actor, Id into, const std::string& reason,
                              std::int64_t now);
    Result<Issue> decline_issue(Id issue_id, Id actor, const std::string& reason, std::int64_t now);
    std::vector<CommentRecord> comments(Id issue_id);  // oldest first
    std::optional<CommentRecord> comment(Id id);
    // A comment (or, `official`, a department's official reply); parent 0 for a top-level one.
    Result<CommentRecord> post_comment(Id issue_id, Id actor, Id parent_id, Stance stance,
                                       const std::string& text, bool official, std::int64_t now);
    Result<CommentRecord> edit_comment(Id comment_id, Id actor, const std::string& text,
                                       std::int64_t now);
    Result<CommentRecord> hide_comment(Id comment_id, Id actor, const std::string& reason,
                                       std::int64_t now);

    // --- administration (store_admin.cpp): one act each, the core's rule on the actor's scope
    // read inside the same transaction, audited; a refusal writes nothing. ---
    std::optional<AdminScope> admin_scope(Id member_id);
    // Whether the database still waits for its first administrator.
    bool setup_needed();
    // Keeps the digest of this start's setup code (replacing an earlier one) while setup is
    // needed; false when setup is done.
    bool offer_setup(const std::string& code_hash, std::int64_t now);
    // Spends the setup code: the platform administrator, the first street and community.
    // setup_code_invalid or setup_done, writing nothing.
    Result<SetupDone> complete_setup(const SetupRequest& request);
    std::vector<StreetTree> tree(const AdminScope& scope);
    Result<PlaceRecord> create_street(Id actor, const std::string& name, std::int64_t now);
    Result<PlaceRecord> create_community(Id actor, Id street_id, const std::string& name,
                                         std::int64_t now);
    Result<PlaceRecord> create_department(Id actor, Id street_id, const std::string& name,
                                          std::int64_t now);
    Result<PlaceRecord> create_council(Id actor, Id community_id, const std::string& name,
                                       CouncilKind kind, std::int64_t now);
    Result<PlaceRecord> create_grid(Id actor, Id community_id, const std::string& name,
                                    std::int64_t now);
    // An account without a password and its activation code (digest `code_hash`).
    Result<PendingAccount> create_staff(Id actor, const StaffRequest& request,
                                        const std::string& code_hash, std::int64_t now,
                                        std::int64_t expires_at);
    // The community's members, filtered, by name; outside_scope/not_admin for others.
    Result<std::vector<MemberRow>> community_members(Id actor, Id community_id,
                                                     const MemberFilter& filter);
    // Gives the member `role` (when given) and a seat in `council_id` (when not 0): a council
    // of the member's community, or, for a street's departments and CPPCC members, of any
    // community of that street.
    Result<MemberRow> set_member_role(Id actor, Id member_id, std::optional<Role> role,
                                      Id council_id, std::int64_t now);
    // The member can no longer log in or be put on a new roll; every token ends now.
    Result<MemberRow> deactivate_member(Id actor, Id member_id, const std::string& reason,
                                        std::int64_t now);
    // A password-reset code for an activated member (earlier unused ones end).
    Result<std::int64_t> issue_reset_code(Id actor, Id member_id, const std::string& code_hash,
                                          std::int64_t now, std::int64_t expires_at);
    // Sets the password of the code's member and ends every session of theirs.
    Result<Member> reset_password(const std::string& code_hash, const std::string& password_hash,
                                  std::int64_t now);
    // Writes every accepted row as a member of the community (no account yet), in its
    // household and grid (made on first use), seated in `council_id` (0: none).
    Result<RosterWritten> import_roster(Id actor, Id community_id, Id council_id,
                                        const std::vector<RosterRow>& rows, std::int64_t now);
    // The members of the community still without an account (all of them, or those listed).
    Result<std::vector<PendingAccount>> pending_accounts(Id actor, Id community_id,
                                                         const std::vector<Id>& member_ids);
    // Activation codes for pending members, replacing their earlier unused ones.
    Check grant_activation_codes(Id actor, Id community_id, const std::vector<CodeGrant>& grants,
                                 std::int64_t now, std::int64_t expires_at);
    // The street and community names of a community, for printing.
    std::optional<std::pair<std::string, std::string>> community_names(Id community_id);

    // --- 请你来协商: the CPPCC committee and its consultations (store_consultations.cpp for
    // the consultation, store_cppcc.cpp for the committee, its handling and the community link).
    // Every act replies with the consultation as it now is; every change bumps its version.
    // A street's administrators (or the platform's) create the committee and seat its people.
    Result<PlaceRecord> create_cppcc(Id actor, Id street_id, const std::string& name,
                                     std::int64_t now);
    Result<PlaceRecord> create_special_committee(Id actor, Id cppcc_id, const std::string& name,
                                                 std::int64_t now);
    Result<CppccView> seat_cppcc_member(Id actor, Id cppcc_id, Id member_id, CppccPost post,
                                        Id committee_id, const std::string& title,
                                        std::int64_t now);
    std::vector<NamedId> cppccs();
    Result<CppccView> cppcc(Id viewer, Id cppcc_id);
    Result<ConsultationView> consultation(Id viewer, Id topic_id);
    Result<ConsultationView> propose_topic(Id actor, Id cppcc_id, const TopicDraft& d,
                                           std::int64_t now);
    Result<ConsultationView> plan_topic(Id actor, Id topic_id, const PlanDraft& d,
                                        std::int64_t now);
    Result<ConsultationView> set_research_group(Id actor, Id topic_id,
                                                const std::vector<ResearchMember>& group,
                                                std::int64_t now);
    Result<ConsultationView> add_visit(Id actor, Id topic_id, const VisitDraft& d,
                                       std::int64_t now);
    Result<ConsultationView> add_section(Id actor, Id topic_id, const SectionDraft& d,
                                         std::int64_t now);
    Result<ConsultationView> schedule_meeting(Id actor, Id topic_id, const MeetingDraft& d,
                                              std::int64_t now);
    Result<ConsultationView> add_participant(Id actor, Id topic_id, const ParticipantDraft& d,
                                             std::int64_t now);
    Result<ConsultationView> record_item(Id actor, Id topic_id, const ItemDraft& d,
                                         std::int64_t now);
    Result<ConsultationView> close_meeting(Id actor, Id topic_id, std::int64_t now);
    Result<ConsultationView> add_recommendation(Id actor, Id topic_id,
                                                const RecommendationDraft& d, std::int64_t now);
    Result<ConsultationView> send_outcome(Id actor, Id topic_id, const SendingDraft& d,
                                          std::int64_t now);
    Result<ConsultationView> publish_consultation(Id actor, Id topic_id, std::int64_t now);
    // 交办 and the department's position; the rest of the handling is the task flow above.
    Result<ConsultationView> hand_over(Id actor, Id recommendation_id, const HandOver& h,
                                       std::int64_t now);
    Result<TaskRecord> take_position(Id task_id, Id actor, const Position& p, std::int64_t now);
    Result<ConsultationTaskList> consultation_tasks(Id viewer);
    // 群众荐题: a council's convenor recommends one of its issues; the issue's page then shows
    // what the consultation did with it.
    Result<ConsultationView> recommend_issue(Id actor, Id issue_id, Id cppcc_id,
                                             std::int64_t now);
    Result<IssueConsultation> issue_consultation(Id viewer, Id issue_id);

    // --- printed documents (store_documents.cpp); reads ---
    // Where a council sits in the tree: its community and that community's street (0 and ""
    // for a community created before streets existed), for who may read its printed papers.
    struct CouncilPlace {
        Id community_id = 0;
        std::string community;
        Id street_id = 0;
        std::string street;
    };
    std::optional<CouncilPlace> council_place(Id council_id);
    // One public notice (公示) by its id.
    std::optional<Notice> notice(Id id);

    // --- 督办台账: the accountability board and the CSV exports' rows (store_board.cpp,
    // store_exports.cpp); reads ---
    // A street's board (its communities' council tasks and its CPPCC's recommendation tasks)
    // or a community's, as the query's scope names it: for whom may_read_board allows. The
    // query's filters and status (at `now`) select the rows; the core settles and sorts them.
    struct BoardRows {
        BoardScope scope;
        std::vector<BoardRow> rows;
    };
    // Every row the query keeps (the CSV files).
    Result<BoardRows> board_rows(Id viewer, const BoardQuery& q, std::int64_t now);
    // The query's page of rows, with the count, unit sums and options (see BoardPageRows).
    Result<BoardPageRows> board_page(Id viewer, const BoardQuery& q, std::int64_t now);
    // A department member's own view: their street's tasks that the core says they owe (owes()).
    Result<BoardPageRows> unit_board_page(Id viewer, const BoardQuery& q, std::int64_t now);
    // One issue of a community for issues.csv; times 0 when not yet reached.
    struct IssueExportRow {
        Id id = 0;
        std::string title;
        IssueStage stage = IssueStage::collecting;
        std::string category;
        std::string grid;
        std::int64_t cosigns = 0;
        std::string author;
        std::int64_t raised_at = 0;
        std::int64_t accepted_at = 0;
        std::int64_t answered_at = 0;
    };
    // The community's issues, oldest first, for whom may_export allows.
    Result<std::vector<IssueExportRow>> export_issues(Id viewer, Id community_id);
    // A ballot's roll for roll.csv: each member, whether they voted and, once the ballot is
    // closed, what they chose (the stored choice: yes/no/abstain or the method's content).
    struct RollExportRow {
        std::string name;
        std::string household;
        bool voted = false;
        std::string choice;
    };
    struct RollExport {
        Id ballot_id = 0;
        std::string issue_title;
        bool closed = false;
        std::vector<RollExportRow> rows;
    };
    // Refused with 409 secret_roll for a secret ballot.
    Result<RollExport> export_roll(Id viewer, Id ballot_id);

    // (end of the board)

    // --- 群众需求月报: the monthly needs report's rows (store_report.cpp); reads ---
    // A street's report (community_id 0) or a community's (street_id 0) for one month, for whom
    // may_read_board allows: the issues raised in the month and the month before, ratings given
    // in each and the 12 months' counts. 404 for an unknown street or community.
    Result<ReportInput> report_input(Id viewer, Id street_id, Id community_id, Month month);

    // (end of the report)

    // --- 消息: notifications, mutes, the community's hook and its deliveries
    // (store_notifications.cpp) ---
    // Writes the scheduled reminders due at `now`, each once per member and subject: a task due
    // within 3 days (task_due) or past its date (task_overdue), to the member who follows it;
    // an open ballot closing within the hour (ballot_closing), to each member of its roll whose
    // vote (or household's) is not yet cast.
    // Returns how many were written.
    std::int64_t sweep_notifications(std::int64_t now);
    // The member's own notifications, newest first, with id < `before` (0: from the newest).
    NotificationList notifications(Id member, Id before, std::int64_t limit);
    UnreadCount unread_notifications(Id member);
    // Marks the listed notifications (every one the member's own, else not_found and nothing
    // marked) or all of them read; the unread count after.
    Result<UnreadCount> mark_notifications_read(Id member, const MarkRead& m, std::int64_t now);
    // Every kind in list order, on unless muted; setting changes only the kinds named.
    NotificationSettings notification_settings(Id member);
    NotificationSettings set_notification_settings(Id member, const NotificationSettings& s);
    // The community's hook (store_hooks.cpp): its administrator (or one covering it) reads and
    // sets it; "" removes it. Setting is audited on the community's chain.
    Result<HookConfig> community_hook(Id actor, Id community_id);
    Result<HookConfig> set_community_hook(Id actor, Id community_id, const HookConfig& h,
                                          std::int64_t now);
    // A delivery claimed for posting: the URL, the attempts made before, and what to post.
    struct HookDelivery {
        Id id = 0;
        std::string url;
        std::int64_t attempts = 0;
        HookPayload payload;
    };
    // Claims up to `limit` due deliveries by moving their next_at `lease_seconds` ahead, so
    // that no other server takes them while they are being posted.
    std::vector<HookDelivery> claim_hook_deliveries(std::int64_t now, std::int64_t lease_seconds,
                                                    int limit);
    void hook_delivered(Id delivery_id, std::int64_t now);
    // Counts the failed attempt; retried at `retry_at`, or failed for good after the last one.
    void hook_attempt_failed(Id delivery_id, const std::string& error, std::int64_t now,
                             std::int64_t retry_at);
    // (end of notifications)

    // --- audit log (审计日志); writes append to it inside their own transactions ---
    // The communities that have a chain, in id order.
    std::vector<Id> audit_chains();
    // Up to `limit` entries of the community's chain with id > after_id, in id order.
    std::vector<AuditEntry> audit_entries(Id community_id, Id after_id, int limit);
    // The version live pages poll: the last entry's id on the chain of the council's community
    // (sessions, ballots, sign-in) or on the CPPCC's chain (consultations); 0 before any. Each
    // act appends one entry to one chain in its own transaction, so the version moves exactly
    // when something on that chain changed.
    std::int64_t council_version(Id council_id);
    Result<std::int64_t> consultation_version(Id topic_id);  // not_found: no such topic

    // --- login tokens, kept only as digests ---
    // Tokens, logout and failed logins are access records, not state of the domain: they are
    // not audited (and expired ones are purged, which an append-only log would not allow).
    // Also deletes every token that `policy` says has expired.
    void add_token(const std::string& digest, Id member_id, std::int64_t now,
                   const TokenPolicy& policy);
    // The member a live token belongs to; expired tokens are deleted on sight.
    std::optional<Member> member_for_token(const std::string& digest, std::int64_t now,
                                           const TokenPolicy& policy);
    void revoke_token(const std::string& digest);

    // --- the login throttle: attempts are counted before the password is checked ---
    // Admits an attempt of `login` from `address` unless the pair or the address must still
    // wait; an admitted attempt counts as a failure at once, in the same transaction, so that
    // simultaneous attempts cannot outrun the count. Failures older than the policy's
    // forgetting time are purged.
    AttemptAdmission begin_attempt(const std::string& login, const std::string& address,
                                   std::int64_t now, const LoginThrottle& policy);
    // The attempt proved right: the pair's failures are forgotten and the attempt no longer
    // counts against the address (whose other failures stay).
    void attempt_succeeded(const std::string& login, const std::string& address);
    // The attempt was not a failure after all (not checked, or refused for another reason).
    void withdraw_attempt(const std::string& login, const std::string& address);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::server
