// Intents: what the user (or the browser) asks for. Views emit them while drawing;
// they are applied after the frame, never in the middle of it.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "yishi/client/admin.hpp"
#include "yishi/client/route.hpp"
#include "yishi/client/state.hpp"
#include "yishi/model.hpp"

namespace yishi::client {

// The page has loaded: the address it was opened at and a token kept from a previous visit.
struct Boot {
    std::string hash;
    std::string stored_token;
    std::string language = "zh-CN";
    Settings settings;  // text size and contrast kept from a previous visit
};
struct Login {
    std::string login;
    std::string password;
};
struct Logout {};
// 注册: an invite code from the community, a login and a password of one's own.
struct Register {
    std::string code;
    std::string login;
    std::string password;
};
// Go to a screen; from_history when the browser's address changed (back/forward).
struct Navigate {
    Route route;
    bool from_history = false;
};
struct LoadIssues {};
// Reload what the current page shows, quietly: the platform sends it every second on live
// pages (a session's console, a ballot) so that changes made elsewhere appear.
struct Refresh {};
// What the platform sends every second on live pages: ask the version of what the page shows,
// and Refresh only when it moved since the last answer (or is not yet known for this page).
struct PollChanges {};
// 提出议题: raise an issue in the current council.
struct RaiseIssue {
    std::string title;
    std::string body;
    std::string category;  // optional
    std::string tag;       // optional grid or building
    Id on_behalf_of = 0;   // a grid worker raising it for this resident (代提)
    std::string raised_for_name;       // or for one without an account: name and household
    std::string raised_for_household;
};
// 附议: co-sign an issue.
struct Cosign {
    Id issue_id = 0;
};
// --- 提 / 议: issues and their threads ---
// 评论: a comment with a stance, or a reply to one (one level); departments' are official.
struct PostComment {
    Id issue_id = 0;
    std::string stance = "neutral";  // support / oppose / neutral / question
    std::string text;
    Id reply_to = 0;
    bool official = false;  // a department's 官方答复 (no stance)
};
// The convenor's dispositions of a collecting issue.
struct AcceptIssue {
    Id issue_id = 0;
};
struct DeclineIssue {
    Id issue_id = 0;
    std::string reason;
};
struct MergeIssue {
    Id issue_id = 0;
    Id into = 0;
    std::string reason;
};

// --- 定: sessions and ballots ---
struct DemandSession {};
struct PlanSession {
    std::string kind = "regular";  // regular / extraordinary
    std::int64_t starts_at = 0;    // Unix seconds
};
struct PublishSessionNotice {
    Id session_id = 0;
    std::vector<Id> agenda;        // issue ids, in order
    std::string override_reason;   // needed when the notice comes late
};
// open / sign-in / close of a session, by the path's last word.
struct SessionStep {
    Id session_id = 0;
    std::string step;  // "open", "sign-in", "close"
};
// A planned session (its notice not sent) called off with a reason members read, or re-timed.
struct CancelSession {
    Id session_id = 0;
    std::string reason;
};
struct RetimeSession {
    Id session_id = 0;
    std::int64_t starts_at = 0;  // Unix seconds; 0: not a date and time
};
// 代为签到: the convenor signs in a member at the desk.
struct SignInMember {
    Id session_id = 0;
    Id member_id = 0;
};
struct OpenBallot {
    Id session_id = 0;
    Id issue_id = 0;
    std::string method = "yes_no";     // yes_no, single, approval, schulze, irv
    std::vector<std::string> options;  // every method but yes_no
    bool secret = false;               // 无记名: the roll shows who voted, never what
    // budget (参与式预算): the total and each option's cost, decimals like "1200.00";
    // an option line "路灯 1200.00" carries its cost after the last space.
    std::string budget;
    std::string unit = "member";  // member, household (每户一票), owners (by floor area; yes_no)
    std::string max_choices;      // approval: "2" (as typed); empty: every option
    std::vector<Id> tellers;      // 计票员: two members who enter the paper counts
    // Secret ballots: each voter gets a receipt (回执码), which also lets them prove their choice.
    bool receipts = true;
    // 投票截止时间 as typed, "2026-12-01 15:30" in local time; empty: none announced.
    std::string closes_at;
};
struct CloseBallot {
    Id ballot_id = 0;
};
// One of: a choice (yes/no/abstain or an option), approvals, or a ranking (groups, best first).
struct Vote {
    Id ballot_id = 0;
    std::string choice;
    std::vector<std::string> approve;
    std::vector<std::vector<std::string>> ranking;
};
// A teller's count of the paper ballots: each option (yes/no/abstain for yes/no) with the number
// as typed; the state checks the numbers before sending.
struct EnterPaperCounts {
    Id ballot_id = 0;
    std::vector<std::pair<std::string, std::string>> counts;
};
// 下载计票公告: the closed ballot's bulletin, saved as a file anyone can recount.
struct DownloadBulletin {
    Id ballot_id = 0;
};

// --- 办 / 评: tasks ---
struct AssignTask {
    Id ballot_id = 0;
    std::string responsible_unit;
    std::int64_t due_at = 0;
    Id assignee_id = 0;  // 0: none
};
// progress / reply of the responsible member, by the path's last word.
struct PostTaskText {
    Id task_id = 0;
    std::string kind;  // "progress", "reply"
    std::string text;
};
struct RateTask {
    Id task_id = 0;
    std::string rating;  // satisfied / basically_satisfied / unsatisfied
};
// The convenor's conclude (end the rating) and notice (publish the result), by path.
struct TaskStep {
    Id task_id = 0;
    std::string step;  // "conclude", "notice"
};

// The flow's changes, applied by apply_flow() (apply_flow.cpp).
using FlowIntent = std::variant<PostComment, AcceptIssue, DeclineIssue, MergeIssue, DemandSession,
                                PlanSession, PublishSessionNotice, SessionStep, SignInMember, OpenBallot,
                                CloseBallot, Vote, EnterPaperCounts, DownloadBulletin, AssignTask, PostTaskText, RateTask, TaskStep,
                                CancelSession, RetimeSession>;

// --- 管理: first start, accounts by code, and the administrators' screens ---
// 初始设置: the code printed at the first start creates the platform administrator.
struct Setup {
    std::string code;
    std::string login;
    std::string name;
    std::string password;
    std::string password_again;
    std::string street;
    std::string community;
};
// 重设密码 with a reset code from the community administrator.
struct ResetPassword {
    std::string code;
    std::string password;
    std::string password_again;
};
// What an administrator creates in the tree: kind "street" (no parent), "community" and
// "department" (parent: the street), "council" (parent: the community; council_kind) and "grid".
struct CreateUnit {
    std::string kind;
    Id parent_id = 0;
    std::string name;
    std::string council_kind;  // residents_council, ... (councils only)
};
// A staff account: role and its place (street, community, department, grid or council id).
struct CreateStaff {
    std::string role;
    std::string name;
    Id place_id = 0;
};
struct LoadMembers {
    Id community_id = 0;
    MemberFilter filter;
};
struct SetMemberRole {
    Id member_id = 0;
    Id council_id = 0;
    std::string role;  // resident, council_member, convenor
};
struct IssueResetCode {
    Id member_id = 0;
    std::string name;
};
struct DeactivateMember {
    Id member_id = 0;
    std::string reason;
};
// 导入花名册: ask the page for a CSV file for this community's council...
struct PickRosterFile {
    Id community_id = 0;
    Id council_id = 0;
};
// ... the page hands its bytes over (the preview is asked for at once) ...
struct RosterFileChosen {
    std::string file_name;
    std::string bytes;
};
// ... and 确认导入 writes the previewed rows.
struct ConfirmRoster {};
struct CancelRoster {};
// 邀请单: the community's invite sheet as a PDF file.
struct DownloadInviteSheet {
    Id community_id = 0;
};
// The one-time code was noted: it is not shown again.
struct DismissCode {};

using AdminIntent = std::variant<Setup, ResetPassword, CreateUnit, CreateStaff, LoadMembers,
                                 SetMemberRole, IssueResetCode, DeactivateMember, PickRosterFile,
                                 RosterFileChosen, ConfirmRoster, CancelRoster,
                                 DownloadInviteSheet, DismissCode>;

// --- 政协: 请你来协商 ---
// Forms carry text as typed (years, dates, ids); the state checks them with the core's rules
// before anything is sent.
struct ProposeTopic {
    Id cppcc_id = 0;
    std::string title;
    std::string body;
    std::string source = "members";  // party_committee, government, members, public_recommendation
};
struct PlanTopic {
    Id topic_id = 0;
    std::string year;  // "2026" as typed
    Id committee_id = 0;
    Id lead_vice_chair_id = 0;
};
struct SetResearchGroup {
    Id topic_id = 0;
    std::vector<Id> members;
    Id lead = 0;
};
struct AddVisit {
    Id topic_id = 0;
    VisitDraft draft;
};
struct AddSection {
    Id topic_id = 0;
    std::string heading;
    std::string body;
};
struct ScheduleMeeting {
    Id topic_id = 0;
    MeetingDraft draft;
};
struct AddParticipant {
    Id topic_id = 0;
    std::string name, title, affiliation;
    std::string kind = "member";  // member, leader, department_head, expert, resident
    std::string member_id;        // the account's id as typed; empty: none
};
struct RecordItem {
    Id topic_id = 0;
    std::string kind = "speech";  // opening, keynote, speech, question, answer, concluding
    Id speaker_id = 0;
    std::string summary;
    Id to_participant_id = 0;  // a question: the department asked
    Id answers_item_id = 0;    // an answer: its question
};
struct CloseMeeting {
    Id topic_id = 0;
};
struct AddRecommendation {
    Id topic_id = 0;
    RecommendationDraft draft;
};
struct SendOutcome {
    Id topic_id = 0;
    SendingDraft draft;
};
struct PublishOutcome {
    Id topic_id = 0;
};
// The printed papers: the meeting record (会议纪要) or the outcome report (协商成果报告), as PDF.
struct PrintConsultation {
    Id topic_id = 0;
    bool outcome = false;
};
// 交办: a leader hands a recommendation to a department's staff member.
struct HandOverRecommendation {
    Id topic_id = 0;
    Id recommendation_id = 0;
    std::string unit;
    std::string responsible;  // the staff member's id as typed
    std::string due;          // "YYYY-MM-DD" as typed, local time
};
// The department's position: 采纳 / 部分采纳 / 未采纳 with a reason and when it will be done.
struct TakePosition {
    Id task_id = 0;
    std::string adoption;  // adopted, partly, not_adopted
    std::string reason;
    std::string due;       // "YYYY-MM-DD" as typed
};
// 推荐为政协协商议题: a convenor recommends a community issue to a committee.
struct RecommendIssue {
    Id issue_id = 0;
    Id cppcc_id = 0;
};
// 管理: a CPPCC at a street, its special committees, and a member seated in it.
struct CreateCppcc {
    Id street_id = 0;
    std::string name;
};
struct CreateSpecialCommittee {
    Id cppcc_id = 0;
    std::string name;
};
struct SeatCppccMember {
    Id cppcc_id = 0;
    std::string member_id;  // as typed
    std::string post = "member";  // chair, vice_chair, member, secretariat
    Id committee_id = 0;          // 0: none
    std::string title;
};

// applied by apply_cppcc() (apply_cppcc.cpp).
using CppccIntent = std::variant<ProposeTopic, PlanTopic, SetResearchGroup, AddVisit, AddSection,
                                 ScheduleMeeting, AddParticipant, RecordItem, CloseMeeting,
                                 AddRecommendation, SendOutcome, PublishOutcome,
                                 HandOverRecommendation, TakePosition, RecommendIssue, CreateCppcc,
                                 CreateSpecialCommittee, SeatCppccMember, PrintConsultation>;

// --- 消息, 督办台账, 需求月报, and files to save ---
// The platform sends it every few seconds while logged in: the unread count on every screen.
struct PollUnread {};
// A notification tapped: marked read, then its subject's page.
struct OpenNotification {
    Id id = 0;
    std::string link;  // "#/ballot/7"
};
// 全部已读.
struct MarkAllRead {};
// A kind's toggle in the settings.
struct SetNotificationKind {
    NotificationKind kind = NotificationKind::issue_accepted;
    bool on = true;
};
// The board with other filters or sorting: from its first page.
struct LoadBoard {
    BoardFilter filter;
};
// 上一页 (-1) or 下一页 (+1) of the board shown, with its filters.
struct PageBoard {
    int by = 1;
};
struct LoadReport {
    ReportPick pick;
};
// A file the server makes (PDF, CSV) fetched and saved under `filename`.
struct DownloadFile {
    std::string path;  // "/api/sessions/3/minutes.pdf"
    std::string filename;
    std::string mime = "application/pdf";
};

// applied by apply_follow() (apply_follow.cpp).
using FollowIntent = std::variant<PollUnread, OpenNotification, MarkAllRead, SetNotificationKind,
                                  LoadBoard, PageBoard, LoadReport, DownloadFile>;

// Opens a modal over the current page (pushes an address, so Back closes it).
struct OpenModal {
    std::string name;
};
// Closes the modal by its own button (cancel, done).
struct CloseModal {};
struct DismissError {};
struct DismissNotice {};
struct SwitchLanguage {
    std::string language;
};
struct SetTextSize {
    int size = 0;  // 0..kTextSizes-1
};
struct SetHighContrast {
    bool on = false;
};
struct SetElder {
    bool on = false;
};

// 朗读: the page's text read aloud, or stopped by a second press.
struct ReadAloud {};
// The page's speech synthesis finished, cut off, or could not speak utterance `serial`.
struct SpeechEnded {
    std::uint64_t serial = 0;
    bool failed = false;  // no voice for the language, or the browser refused
};
// Whether a ballot's question is read when its page opens (kept across visits).
struct SetReadBallotAloud {
    bool on = false;
};
using SpeechIntent = std::variant<ReadAloud, SpeechEnded, SetReadBallotAloud>;

using Intent = std::variant<Boot, Login, Logout, Register, Navigate, LoadIssues, Refresh, PollChanges, RaiseIssue,
                            Cosign, FlowIntent, OpenModal, CloseModal, DismissError, DismissNotice, SwitchLanguage, SetTextSize,
                            SetHighContrast, SetElder, AdminIntent, CppccIntent, FollowIntent,
                            SpeechIntent>;
using Intents = std::vector<Intent>;

}  // namespace yishi::client
