// One free function per screen: draws from a const ClientState, keeps only widget-local
// state in its XUi, and emits intents (applied after the frame, outside the views).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "yishi/client/intents.hpp"
#include "yishi/client/issue_list.hpp"
#include "yishi/client/state.hpp"

namespace yishi::web {

using client::ClientState;
using client::Intents;

struct LoginUi {
    std::string login;
    std::string password;
    bool focus_first = true;
    void on_enter() {
        password.clear();
        focus_first = true;
    }
};

struct RegisterUi {
    std::string code;
    std::string login;
    std::string password;
    bool focus_first = true;
    void on_enter() {
        password.clear();
        focus_first = true;
    }
};

// #/setup/CODE: the first start's form.
struct SetupUi {
    std::string code, login, name, password, password_again, street, community;
    bool focus_first = true;
    void on_enter(const client::Route& r) {
        if (!r.code.empty()) code = r.code;
        password.clear();
        password_again.clear();
        focus_first = true;
    }
};

// #/reset[/CODE]: a reset code and the new password twice.
struct ResetUi {
    std::string code, password, password_again;
    void on_enter(const client::Route& r) {
        if (!r.code.empty()) code = r.code;
        password.clear();
        password_again.clear();
    }
};

// 管理: the forms' text, by the street or community they create in.
struct AdminUi {
    std::string new_street;
    std::map<Id, std::string> new_community;   // by street
    std::map<Id, std::string> new_department;  // by street
    std::string staff_role = "community_admin";
    std::string staff_name;
    Id staff_place = 0;
    std::uint64_t created_seen = 0;  // AdminData::created when the forms were last cleared
};

// One community: councils and grids to create, the import's council, the member list's
// filter as typed, and the member whose deactivation is being confirmed.
struct CommunityUi {
    std::string council_name;
    std::string council_kind = "residents_council";
    std::string grid_name;
    Id roster_council = 0;
    Id role_council = 0;  // the council a role change applies to
    client::MemberFilter filter;
    Id deactivating = 0;
    std::string reason;
    std::uint64_t created_seen = 0;
    void on_enter() {
        deactivating = 0;
        reason.clear();
        filter = {};
    }
};

struct IssuesUi {
    bool scroll_to_top = false;
    client::IssueFilter filter;
    std::size_t page = 0;
    // The filter's picks, recomputed only when the filter or the list changes (5,000 issues).
    std::vector<std::size_t> picked;
    client::IssueFilter picked_for;
    std::uint64_t picked_version = ~std::uint64_t{0};
    bool filters_open = false;  // a phone folds the filters behind 筛选
    void on_enter() { scroll_to_top = true; }
};

struct IssueUi {
    Id recommend_to = 0;  // the committee a convenor recommends the issue to
    std::string comment;
    int stance = 0;             // index into the stances (support, oppose, neutral, question)
    std::int64_t reply_to = 0;  // the comment answered, 0 for a new thread
    std::string reason;         // a convenor's decline reason or merge target
    std::string merge_into;
    std::uint64_t posted_seen = 0;
    bool scroll_to_top = false;
    void on_enter() {
        scroll_to_top = true;
        reply_to = 0;
    }
};

struct RaiseIssueUi {
    std::string title;
    std::string body;
    std::string category;
    std::string tag;
    Id on_behalf_of = 0;                // grid workers: the resident raised for (代提)
    std::string behalf_search;          // by name or household
    std::string raised_for_name;        // or a resident without an account
    std::string raised_for_household;
    bool touched = false;               // the user typed: the live hint may show
    bool focus_first = true;
    std::uint64_t raised_seen = 0;      // ClientState::issues_raised when last cleared
    void on_enter() { focus_first = true; }
};

struct SessionsUi {
    bool extraordinary = false;
    std::string starts_at;  // typed "2026-12-01 19:00"
};

struct SessionUi {
    std::vector<Id> agenda;  // issue ids picked for the notice, in order
    std::string override_reason;
    std::string method = "yes_no";  // the next ballot's method, options and secrecy
    std::string options;            // one per line ("名称 费用" for a budget)
    std::string budget;             // the budget's total, e.g. "5000.00"
    bool secret = false;
    bool receipts = true;         // a secret ballot's receipts (回执码)
    std::string unit = "member";  // member, household, owners
    std::string max_choices;      // approval's limit as typed
    std::vector<Id> tellers;      // 计票员 picked for paper ballots (two)
    std::string closes_at;        // 投票截止时间 as typed, "2026-12-01 15:30"; empty: none
    std::string cancel_reason;    // a planned session's: why it is called off
    std::string new_start;        // ... or its new start, as typed
    void on_enter() {
        agenda.clear();
        override_reason.clear();
        cancel_reason.clear();
        new_start.clear();
    }
};

struct TaskUi {
    std::string text;  // progress or the reply
    std::uint64_t writes_seen = 0;
};

struct BallotUi {
    // the convenor's assignment form
    std::string unit;
    std::string due;
    Id assignee = 0;  // the unit's reporting member; 0: the convenor follows up
    // the options approved or ranked (in order of preference) before confirming
    std::vector<std::string> picks;
    // a teller's paper counts as typed, by option
    std::map<std::string, std::string> paper;
    void on_enter() {
        picks.clear();
        paper.clear();
    }
};

// #/cppcc/ID: the topic proposed.
struct CppccUi {
    std::string title, body;
    std::string source = "members";
    std::uint64_t writes_seen = 0;
};

// #/consultation/ID: the tab shown and every form's text, cleared after an accepted write.
struct ConsultationUi {
    std::string tab;  // topic, research, meeting, outcome, handling; empty: by the stage
    std::string year;
    Id committee = 0, vice_chair = 0;
    std::vector<Id> group;
    Id lead = 0;
    std::string visit_date, visit_place, visit_notes, visit_attachment;
    std::string section_heading, section_body;
    std::string meeting_date, meeting_place, meeting_chair;
    std::string p_name, p_title, p_affiliation, p_kind = "member", p_member;
    std::string rec_text;
    std::vector<Id> rec_proposers, rec_items, rec_sections;
    std::string send_recipient, send_date, send_received_by;
    std::map<Id, std::string> hand_unit, hand_member, hand_due;  // by recommendation
    std::uint64_t writes_seen = 0;
    void on_enter() { tab.clear(); }
};

// #/consultation/ID/record: the speaker, the kind and the summary being typed.
struct RecordUi {
    std::size_t speaker = 0;  // index into the participants
    std::string kind = "speech";
    std::string summary;
    Id to = 0;  // a question: the participant asked
    bool focus = true;
    std::uint64_t recorded_seen = 0;
    void on_enter() { focus = true; }
};

// #/my-consultation-tasks: each task's position form and text, by task id.
struct ConsultationTasksUi {
    std::map<Id, std::string> adoption, reason, due, text;
    std::uint64_t writes_seen = 0;
};

// 管理's CPPCC cards: new committees and the seat form, by CPPCC.
struct CppccAdminUi {
    std::map<Id, std::string> new_cppcc;  // by street
    std::map<Id, std::string> new_committee, seat_member, seat_title;
    std::map<Id, std::string> seat_post;
    std::map<Id, Id> seat_committee;
};

// #/board: the period as typed before it is applied.
struct BoardUi {
    std::string from, to;
};

// The navigation's 更多 (more) on a phone: unfolded or not.
struct NavUi {
    bool more = false;
};

struct Screens {
    NavUi nav;
    LoginUi login;
    RegisterUi register_account;
    IssuesUi issues;
    IssueUi issue;
    RaiseIssueUi raise;
    SessionsUi sessions;
    SessionUi session;
    BallotUi ballot;
    TaskUi task;
    SetupUi setup;
    ResetUi reset;
    AdminUi admin;
    CommunityUi community;
    CppccUi cppcc;
    ConsultationUi consultation;
    RecordUi record;
    ConsultationTasksUi consultation_tasks;
    CppccAdminUi cppcc_admin;
    BoardUi board;
    // Called when the page (or the id it shows) changes.
    void enter(const client::Route& route);
};

// The bar on top: app name, loading indicator, member and 退出登录 (or the language switch).
void draw_header(const ClientState& state, Intents& intents, float column_x, float column_w);
// The sections under the bar (首页, 议题, 会议, 公示, 督办, 设置); one row and 更多 on phones.
void draw_nav(const ClientState& state, NavUi& ui, Intents& intents, float column_x,
              float column_w);
// The error and notice banners under the bar, in the column [column_x, column_x + column_w].
void draw_messages(const ClientState& state, Intents& intents, float column_x, float column_w);
// The current page's screen.
void draw_page(const ClientState& state, Screens& screens, Intents& intents);

void draw_login(const ClientState& state, LoginUi& ui, Intents& intents);
void draw_register(const ClientState& state, RegisterUi& ui, Intents& intents);
void draw_home(const ClientState& state, Intents& intents);
void draw_issues(const ClientState& state, IssuesUi& ui, Intents& intents);
void draw_issue(const ClientState& state, IssueUi& ui, Intents& intents);
void draw_raise_issue(const ClientState& state, RaiseIssueUi& ui, Intents& intents);
void draw_settings(const ClientState& state, Intents& intents);
void draw_sessions(const ClientState& state, SessionsUi& ui, Intents& intents);
void draw_session(const ClientState& state, SessionUi& ui, Intents& intents);
void draw_ballot(const ClientState& state, BallotUi& ui, Intents& intents);
// A ballot's roll: who has voted and who has not; once an open roll closes, what each cast.
void draw_roll(const ClientState& state, const BallotView& ballot);
// A ballot's tellers: their paper counts side by side, and a teller's own entry while open.
void draw_paper_counts(const ClientState& state, const BallotView& ballot, BallotUi& ui,
                       Intents& intents);
void draw_notices(const ClientState& state, Intents& intents);
void draw_tasks(const ClientState& state, Intents& intents);
void draw_task(const ClientState& state, TaskUi& ui, Intents& intents);
void draw_setup(const ClientState& state, SetupUi& ui, Intents& intents);
void draw_reset(const ClientState& state, ResetUi& ui, Intents& intents);
void draw_admin(const ClientState& state, AdminUi& ui, CppccAdminUi& cppcc_ui, Intents& intents);
// 管理's CPPCC card of a street: its CPPCCs, special committees and seats.
void draw_admin_cppccs(const ClientState& state, const client::AdminStreet& street,
                       CppccAdminUi& ui, Intents& intents);
// 政协: the committees, one committee, one consultation, the record screen, the department's
// recommendations, and the 政协协商 block of a community issue.
void draw_cppccs(const ClientState& state, Intents& intents);
void draw_cppcc(const ClientState& state, CppccUi& ui, Intents& intents);
void draw_consultation(const ClientState& state, ConsultationUi& ui, Intents& intents);
void draw_consultation_handling(const ClientState& state, const ConsultationView& view,
                                ConsultationUi& ui, Intents& intents);
void draw_consultation_record(const ClientState& state, RecordUi& ui, Intents& intents);
void draw_consultation_tasks(const ClientState& state, ConsultationTasksUi& ui, Intents& intents);
void draw_issue_consultation(const ClientState& state, const Issue& issue, IssueUi& ui,
                             Intents& intents);
// 党委点题, 委员提题, ... and the other names of 政协's enums, from the catalog.
std::string source_name(const ClientState& state, TopicSource s);
std::string stage_name(const ClientState& state, ConsultationStage s);
std::string adoption_name(const ClientState& state, const std::optional<Adoption>& a);
// 消息, 督办台账, 需求月报.
void draw_notifications(const ClientState& state, Intents& intents);
void draw_board(const ClientState& state, BoardUi& ui, Intents& intents);
void draw_report(const ClientState& state, Intents& intents);
// The report's charts: one bar per name against the largest count (previous month as a thin
// bar), and the 12-month trend of issues raised as a line.
void draw_count_bars(const ClientState& state, const std::vector<client::ReportCount>& rows,
                     const std::string& id_prefix);
void draw_trend_line(const ClientState& state, const std::vector<client::ReportTrendPoint>& trend);
void draw_admin_community(const ClientState& state, CommunityUi& ui, Intents& intents);
// A code made just now (activation, reset), shown once with a copy button.
void draw_one_time_code(const ClientState& state, Intents& intents);
// 居民议事会, 业主大会, ... for a council kind; 居民, 召集人, ... for a role.
const char* council_kind_key(std::string_view kind);
const char* role_key(std::string_view role);

// A question before an act that cannot be taken back (a vote, 退出登录, 宣布闭会), in a modal:
// `wanted` while the address names it; the buttons are confirm-ID and cancel-ID; Escape
// answers cancel.
struct Confirmation {
    const char* popup;
    std::string id;
    bool wanted = false;
    std::string title, text, confirm_label, cancel_label;
    bool busy = false;  // the confirm button is greyed while a write is on its way
    // The heading's and the text's ids; empty: ID-title and ID-text.
    std::string title_id, text_id;
};
enum class ConfirmAnswer { none, confirm, cancel };
ConfirmAnswer draw_confirmation(const Confirmation& question);
// 退出登录 and 宣布闭会 ask first.
void confirm_logout(const ClientState& state, Intents& intents);
void confirm_close_session(const ClientState& state, const SessionView& session, Intents& intents);

// 朗读 (id read-aloud; 停止朗读 while speaking) on pages of text, and its 设置 choice.
void read_aloud_button(const ClientState& state, Intents& intents);
void read_aloud_setting(const ClientState& state, Intents& intents);

// Pieces shared by screens.
void draw_thread(const ClientState& state, const Issue& issue, IssueUi& ui, Intents& intents);
// Bars of a closed ballot's tally with the pass and quorum lines, and its outcome.
void draw_tally_chart(const ClientState& state, const BallotView& ballot);
// 附议 on others' open issues; 已附议 once done; a note on one's own.
void cosign_control(const ClientState& state, const Issue& issue, Intents& intents);
const char* outcome_key(Outcome o);
const char* session_state_key(SessionState s);

}  // namespace yishi::web
