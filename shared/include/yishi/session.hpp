// 定 (decide), part one: sessions (会议) — regular quarterly (季度例会) or extraordinary
// (临时会议, on members' demand); notice with agenda ahead; sign-in (签到); quorum.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"
#include "yishi/quorum.hpp"
#include "yishi/roles.hpp"
#include "yishi/rules.hpp"

namespace yishi {

constexpr std::int64_t kSecondsPerDay = 86400;

enum class SessionKind { regular, extraordinary };
// cancelled: a planned session called off by the convenor, with a reason members read.
enum class SessionState { planned, noticed, open, closed, cancelled };

const char* to_string(SessionKind k);
const char* to_string(SessionState s);

// 议程事项: one listed issue put to the session. special_matter marks 业主大会 matters (6)–(8).
struct AgendaItem {
    Id issue_id = 0;
    std::string title;
    bool special_matter = false;
};

// Where the quorum (法定人数) stands: signed-in voters of the electorate, under the rule.
struct QuorumStatus {
    bool met = false;
    std::int64_t present = 0;
    std::int64_t electorate = 0;
    QuorumRule rule;
};

struct Session {
    Id id = 0;
    Id council_id = 0;
    SessionKind kind = SessionKind::regular;
    SessionState state = SessionState::planned;
    std::int64_t starts_at = 0;
    std::int64_t noticed_at = 0;
    std::vector<AgendaItem> agenda;
    std::string notice_override_reason;  // why notice came later than the rules ask, if it did
    std::vector<Id> signed_in;           // members present, in sign-in order
    std::int64_t opened_at = 0;
    std::int64_t closed_at = 0;
    // The quorum as it stood at closing, kept: later members, departures or rule changes never
    // rewrite a closed session's record. Empty until closed.
    std::optional<QuorumStatus> quorum_at_close;
    // Closed: the agenda items no ballot was held on, returned to the period's issue list.
    std::vector<AgendaItem> returned_to_list;
    std::string cancel_reason;  // cancelled: why, as members read it
    std::int64_t cancelled_at = 0;
};

// 提议召开临时会议: voting members asking for an extraordinary session.
struct SessionDemand {
    Id council_id = 0;
    std::vector<Id> members;
};

Check may_demand_session(const Actor& actor, const SessionDemand& d);
Result<SessionDemand> demand_session(const Actor& actor, const SessionDemand& d);
// Enough voting members have asked, under the council's demand share.
bool demand_sufficient(const CouncilRules& rules, const SessionDemand& d,
                       std::int64_t voting_members);

// The convenor plans a session in the future; an extraordinary one only on a sufficient demand
// (`demand` may be null for a regular session).
Check may_plan_session(const Actor& actor, const CouncilRules& rules, SessionKind kind,
                       const SessionDemand* demand, std::int64_t voting_members);
Result<Session> plan_session(const Actor& actor, const CouncilRules& rules, Id council_id,
                             SessionKind kind, std::int64_t starts_at,
                             const SessionDemand* demand, std::int64_t voting_members,
                             std::int64_t now);

// An agenda item from a listed issue of the session's council.
Result<AgendaItem> agenda_item(const Issue& issue, const Session& s, bool special_matter);

// The convenor publishes the notice with a non-empty agenda at least notice_days before the
// session; later only with an override reason, which is recorded.
Check may_publish_notice(const Actor& actor, const Session& s);
Result<Session> publish_notice(const Actor& actor, const CouncilRules& rules, const Session& s,
                               const std::vector<AgendaItem>& agenda, std::int64_t now,
                               const std::string& override_reason = {});

// The issue moves from listed to scheduled once it is on a noticed session's agenda.
Result<Issue> schedule_issue(const Issue& issue, const Session& s);

// The convenor opens a noticed session at or after its start time.
Check may_open_session(const Actor& actor, const Session& s, std::int64_t now);
Result<Session> open_session(const Actor& actor, const Session& s, std::int64_t now);

// Voting members sign in, once, while the session is open.
Check may_sign_in(const Actor& actor, const Session& s);
Result<Session> sign_in(const Actor& actor, const Session& s);
// 代为签到: at the meeting-room desk the convenor signs in a voting member who came without a
// phone; the sign-in is the member's (the audit log records who entered it).
Check may_sign_in_for(const Actor& convenor, const Actor& member, const Session& s);
Result<Session> sign_in_for(const Actor& convenor, const Actor& member, const Session& s);

// The convenor closes an open session once no ballot is still open; the quorum of that moment
// (over the council's electorate then) is kept with it. The agenda items without a ballot
// (`balloted` lists the issues that had one) go back to the period's list: returned_to_list.
Check may_close_session(const Actor& actor, const Session& s, bool any_ballot_open);
Result<Session> close_session(const Actor& actor, const CouncilRules& rules, const Session& s,
                              const std::vector<Voter>& electorate, bool any_ballot_open,
                              const std::vector<Id>& balloted, std::int64_t now);
// The agenda items of `s` whose issue is not among `balloted`, in agenda order.
std::vector<AgendaItem> unballoted_items(const Session& s, const std::vector<Id>& balloted);
// A scheduled issue left without a ballot by its closed session returns to listed (本期议题清单),
// so that a later session can take it up.
Result<Issue> return_to_list(const Issue& issue, const Session& closed);

// 会议未能按期通知: a planned session (no notice sent yet, its start perhaps already past, when
// it can neither be noticed nor opened) is cancelled by the convenor with a reason members read,
// or given a new start in the future. A noticed, open or closed session is neither.
Check may_change_planned_session(const Actor& actor, const Session& s);
Result<Session> cancel_session(const Actor& actor, const Session& s, const std::string& reason,
                               std::int64_t now);
Result<Session> retime_session(const Actor& actor, const Session& s, std::int64_t starts_at,
                               std::int64_t now);
// Planned, and its start has passed without a notice: the console offers cancel and re-time.
bool notice_overdue(const Session& s, std::int64_t now);

// "Present" means signed in: the voters of the electorate who signed in to the session.
std::vector<Voter> present_voters(const Session& s, const std::vector<Voter>& electorate);
bool session_quorum(const CouncilRules& rules, const Session& s,
                    const std::vector<Voter>& electorate);
// The quorum a session shows: a closed session's as kept at closing; otherwise counted now over
// `electorate` (sessions closed before the quorum was kept are counted now too).
QuorumStatus quorum_status(const CouncilRules& rules, const Session& s,
                           const std::vector<Voter>& electorate);

bool on_agenda(const Session& s, Id issue_id);

}  // namespace yishi
