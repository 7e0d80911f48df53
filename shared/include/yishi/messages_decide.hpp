// JSON forms of the 定 (decide) step, shared by server and client: council rules (议事规则),
// demands for an extraordinary session, sessions with attendees and quorum, ballots with their
// tally, and public notices (公示). Decoders are strict: a missing field or one of the wrong type
// is refused with missing_field / wrong_type naming the field's path ("ballots[0].tally.yes").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/messages.hpp"
#include "yishi/notice.hpp"
#include "yishi/rules.hpp"
#include "yishi/session.hpp"

namespace yishi {

// The names used on the wire and in the database, by the enums' to_string.
bool session_kind_from_string(const std::string& s, SessionKind& out);
bool session_state_from_string(const std::string& s, SessionState& out);
bool outcome_from_string(const std::string& s, Outcome& out);
bool notice_kind_from_string(const std::string& s, NoticeKind& out);
const char* to_string(BallotState s);

// --- GET /api/councils/{id}/members: who belongs (sign-in lists, pickers) ---
struct CouncilMemberEntry {
    Id id = 0;
    std::string name;
    std::string role;     // roles.hpp names
    bool voting = false;  // takes part in quorums and ballots
    std::string household;  // 户, for finding a resident (代提); may be empty
};
struct MemberList {
    std::vector<CouncilMemberEntry> members;
};
std::string encode(const MemberList& l);
Result<MemberList> decode_member_list(std::string_view body);

// --- rules: GET/PUT /api/councils/{id}/rules ---
Json to_json(const CouncilRules& r);
// Strict: every field present with its type (a fault names the top-level field, e.g. "quorum");
// the core's validate_rules checks the values afterwards.
Result<CouncilRules> rules_from_json(const Json& j);
std::string encode(const CouncilRules& r);
Result<CouncilRules> decode_rules(std::string_view body);

// A quorum rule (the `quorum` of the rules' JSON), as the store keeps a closed session's.
Json to_json(const QuorumRule& q);
bool quorum_rule_from_json(const Json& j, QuorumRule& out);

// --- GET/POST /api/councils/{id}/session-demands ---
// Where members' demands for an extraordinary session stand (提议召开临时会议).
struct DemandStatus {
    std::int64_t demanded = 0;  // pending demands
    std::int64_t voting_members = 0;
    bool sufficient = false;    // enough to plan an extraordinary session
};
Json to_json(const DemandStatus& d);
std::string encode(const DemandStatus& d);
Result<DemandStatus> decode_demand_status(std::string_view body);

// --- ballots: POST /api/sessions/{id}/ballots, GET /api/ballots/{id}, POST .../votes ---
// What one member cast on an open roll (记名), once closed: a choice (yes/no/abstain or an option),
// approvals, or a ranking (groups of equal rank, best first).
struct CastBallot {
    Id member_id = 0;
    std::string choice;
    std::vector<std::string> approve;
    std::vector<std::vector<std::string>> ranking;
};

// A ballot as members see it. While open it shows who has voted, never how: nobody is swayed by a
// running count. Closed, the roll is open (记名): each vote and the tally are published.
struct BallotView {
    Id id = 0;
    Id council_id = 0;
    Id session_id = 0;
    Id issue_id = 0;
    std::string issue_title;
    std::string method = "yes_no_abstain";
    bool special_matter = false;
    BallotState state = BallotState::open;
    std::int64_t opened_at = 0;
    std::int64_t closed_at = 0;
    std::int64_t closes_at = 0;    // the announced end of voting (投票截止时间); 0: none
    std::vector<Id> roll;          // who may vote, frozen at opening
    std::int64_t electorate = 0;   // the council's voters at opening, by head
    std::int64_t votes_cast = 0;
    std::vector<Id> voted;         // who has voted, in voting order
    std::vector<CastVote> votes;   // closed only: each member's choice
    std::optional<Tally> tally;    // closed only
    // Other methods (read only; the server writes them, docs/ballots.md): the options, secrecy,
    // the voting unit, approval's limit, and once closed the published result.
    std::vector<std::string> options;
    bool secret = false;
    std::string unit = "member";
    std::int64_t max_choices = 0;  // 0: every option
    std::vector<Id> tellers;       // 计票员: the two members who enter the paper counts
    std::vector<CastBallot> cast;  // closed open-roll ballots: what each member cast
    std::optional<Json> result;
};
// The view of a ballot with its issue's title and, once closed, its tally.
BallotView ballot_view(const Ballot& b, const std::string& issue_title,
                       const std::optional<Tally>& tally);
// An open ballot is written without votes and tally whatever the view holds.
Json to_json(const BallotView& b);
std::string encode(const BallotView& b);
Result<BallotView> decode_ballot(std::string_view body);

// The reply to a counted yes/no vote: the ballot's counts, not its roll (a 10,000-member
// roll would make every vote's reply 100 KB); the ballot's page reads the rest.
struct VoteCounted {
    Id ballot_id = 0;
    BallotState state = BallotState::open;
    std::int64_t electorate = 0;
    std::int64_t votes_cast = 0;
};
std::string encode(const VoteCounted& v);
Result<VoteCounted> decode_vote_counted(std::string_view body);

// --- paper ballots: POST|GET /api/ballots/{id}/paper-counts ---
// 纸质票计数: each teller's count of the paper ballots per option, and where the two differ.
struct PaperEntry {
    Id teller_id = 0;
    Json counts;  // {option: n} over every option (yes/no/abstain for yes_no)
    std::int64_t entered_at = 0;
};
struct PaperCounts {
    std::vector<Id> tellers;
    std::vector<PaperEntry> entries;
    std::vector<std::string> differing;  // options whose two entries differ
    bool agreed = false;                 // both entered and equal: they join the count
};
Json to_json(const PaperCounts& p);
std::string encode(const PaperCounts& p);
Result<PaperCounts> decode_paper_counts(std::string_view body);

// --- notices (公示) ---
// POST /api/tasks/{id}/notice answers a bare Notice; lists add in_force.
Json to_json(const Notice& n);
std::string encode(const Notice& n);
Result<Notice> decode_notice(std::string_view body);

// POST /api/ballots/{id}/close: the closed ballot with its resolution notice (决议公开).
struct BallotClosingView {
    BallotView ballot;
    Notice notice;
};
std::string encode(const BallotClosingView& c);
Result<BallotClosingView> decode_ballot_closing(std::string_view body);

// GET /api/councils/{id}/notices: newest first; in_force while starts_at <= now < ends_at.
struct NoticeView {
    Notice notice;
    bool in_force = false;
};
struct NoticeList {
    std::vector<NoticeView> notices;
};
Json to_json(const NoticeView& n);
std::string encode(const NoticeList& l);
Result<NoticeList> decode_notice_list(std::string_view body);

// --- sessions (会议) ---
// A session as lists and state changes (plan, notice, open, sign-in, close, cancel, re-time)
// show it: how many signed in, not who. Decoded, session.signed_in is empty. A closed session
// names the agenda items returned to the period's list (returned_to_list); a cancelled one its
// cancel_reason.
struct SessionSummary {
    Session session;
    std::int64_t signed_in_count = 0;
};
SessionSummary session_summary(const Session& s);
Json to_json(const SessionSummary& s);
std::string encode(const SessionSummary& s);
Result<SessionSummary> decode_session_summary(std::string_view body);

// GET /api/councils/{id}/sessions, by start time.
struct SessionList {
    std::vector<SessionSummary> sessions;
};
std::string encode(const SessionList& l);
Result<SessionList> decode_session_list(std::string_view body);

// A member who signed in (签到), with the name to show.
struct Attendee {
    Id member_id = 0;
    std::string name;
};
// GET /api/sessions/{id}: the summary with who signed in, the quorum and the ballots.
// Decoded, session.signed_in holds the attendees' ids in sign-in order.
struct SessionView {
    Session session;
    std::int64_t signed_in_count = 0;
    std::vector<Attendee> signed_in;
    QuorumStatus quorum;
    std::vector<BallotView> ballots;
};
Json to_json(const SessionView& s);
std::string encode(const SessionView& s);
Result<SessionView> decode_session(std::string_view body);

}  // namespace yishi
