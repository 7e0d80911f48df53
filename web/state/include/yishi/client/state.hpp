// ClientState: the browser client's copy of server state plus where the user is.
// Views read it; only apply() and apply_response() change it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "yishi/client/admin.hpp"
#include "yishi/client/follow.hpp"
#include "yishi/client/route.hpp"
#include "yishi/client/speech.hpp"
#include "yishi/client/strings.hpp"
#include "yishi/messages_consultation.hpp"
#include "yishi/messages_decide.hpp"
#include "yishi/messages_tasks.hpp"
#include "yishi/messages_threads.hpp"
#include "yishi/model.hpp"
#include "yishi/roles.hpp"

namespace yishi::client {

// A message for the user: a catalog key (client-made messages, translated when shown)
// or a text to show as is (the server's Chinese `error.message`).
struct UserMessage {
    std::string key;
    std::string text;
    bool empty() const { return key.empty() && text.empty(); }
};

// Who is logged in (not a meeting: that is yishi::Session).
struct LoginSession {
    std::string token;               // bearer token; kept in localStorage by the platform
    Member member;                   // id 0 until the server has confirmed the token
    std::vector<Council> councils;   // the member's councils
    std::optional<AdminScope> admin;  // what the member administers (管理), if anything
};

// The current council's flow as last loaded: each list is replaced whole by its reply,
// single sessions and ballots are kept by id.
struct FlowData {
    std::vector<SessionSummary> sessions;  // by start time
    bool sessions_loaded = false;
    std::map<Id, SessionView> session_views;
    std::map<Id, BallotView> ballots;
    std::vector<NoticeView> notices;  // newest first
    bool notices_loaded = false;
    std::vector<TaskView> tasks;  // oldest first
    bool tasks_loaded = false;
    Id comments_issue = 0;  // the issue whose thread `comments` holds
    std::vector<CommentView> comments;
    bool comments_loaded = false;
    std::optional<CouncilRules> rules;
    std::optional<DemandStatus> demand;
    std::vector<CouncilMemberEntry> members;  // the council's members (sign-in, on behalf of)
    bool members_loaded = false;
    std::map<Id, std::string> receipts;  // secret ballots: the receipt the server gave this member
    std::map<Id, PaperCounts> paper_counts;  // ballots with tellers: both entries as last loaded
    // Votes the server refused for a reason the client cannot see (每户一票: another member of the
    // household voted): the ballot page says so instead of offering the buttons again.
    std::map<Id, Error> vote_refusals;
};

// 政协: the committees, consultations and the department's recommendations as last loaded.
// Each reply replaces its copy whole; a consultation keeps the version the live page compares.
struct CppccData {
    std::vector<NamedId> cppccs;
    bool cppccs_loaded = false;
    std::map<Id, CppccView> committees;          // by committee id
    std::map<Id, ConsultationView> consultations;  // by topic id
    ConsultationTaskList my_tasks;               // GET /api/me/consultation-tasks
    bool my_tasks_loaded = false;
    std::map<Id, IssueConsultation> issues;      // by community issue id
    std::uint64_t recorded = 0;  // counts meeting items accepted (the record screen moves on)
};

// A file the platform should save for the user (the bulletin, an invite sheet), consumed
// after each change.
struct Download {
    std::string filename;
    std::string text;  // the file's bytes
    std::string mime = "application/json";
};

// What the user chose for reading: kept in localStorage across visits.
struct Settings {
    int text_size = 0;           // 0 标准, 1 大, 2 特大 (see kTextSizes)
    bool high_contrast = false;  // 高对比度: black on white, no greys
    bool read_ballot_aloud = false;  // 朗读 a ballot's question when its page opens
    // 长辈版 (elder mode): the age-friendly numbers — text at least 24 CSS px, targets at
    // least 60x60, looser lines, and 首页 with only what needs the person now.
    bool elder = false;
};
constexpr int kTextSizes = 3;

struct ClientState {
    Route route{Page::login};
    UrlUpdate url_update = UrlUpdate::none;  // consumed by the platform after each change
    Route after_login{Page::home};           // where a deep link asked to go before login
    Settings settings;

    LoginSession session;
    Id council_id = 0;               // the council whose issues are shown
    std::vector<Issue> issues;       // newest first, as the server sent them
    bool issues_loaded = false;
    std::uint64_t issues_version = 0;  // bumped at each change of `issues` (views cache on it)
    FlowData flow;
    std::optional<Download> download;
    bool pick_file = false;          // the platform should ask the user for a CSV file
    Speech speech;                   // 朗读: what to say or stop, and whether it is speaking
    AdminData admin;
    CppccData cppcc;
    FollowData follow;               // 消息, 督办台账, 需求月报

    int pending = 0;                 // requests in flight
    int refreshing = 0;              // background refreshes in flight (not shown as loading)
    // The live page's version as last polled, and the path it was polled at (another page's
    // version says nothing of this one's).
    std::string live_path;
    std::int64_t live_version = 0;
    bool submitting = false;         // a login or a new issue is on its way: no second click
    UserMessage error;               // the last refusal or failure, until dismissed
    std::string error_field;         // the request field the error is about, if any
    UserMessage notice;              // a confirmation (议题已提出)

    std::uint64_t epoch = 1;         // bumped at login and logout; older replies are stale
    std::uint64_t issues_raised = 0; // counts successful raises, so the form knows to clear
    std::uint64_t writes_done = 0;   // counts accepted writes, so forms know to clear
    Strings strings;                 // the active translation catalog

    bool logged_in() const { return !session.token.empty(); }
    bool confirmed() const { return logged_in() && session.member.id != 0; }
    bool loading() const { return pending > 0; }
    const Council* current_council() const;
    const Issue* find_issue(Id id) const;
    const BallotView* find_ballot(Id id) const;
    const TaskView* find_task(Id id) const;
    const SessionView* find_session(Id id) const;
    const ConsultationView* find_consultation(Id id) const;
    // The consultation-task line whose task is `task_id` (department screen), or nullptr.
    const ConsultationTaskLine* find_consultation_task(Id task_id) const;
    // The member's own role and whether they convene the current council (召集人).
    bool is_convenor() const;
    // The member as the current council sees them, for the core's may_* checks.
    Actor actor() const;
    // The text a message shows in the active language.
    std::string shown(const UserMessage& m) const;
};

}  // namespace yishi::client
