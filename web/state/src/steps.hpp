// Steps shared by apply() and apply_response(): building requests, moving between routes,
// ending a session. Internal to yishi_client_state.
#pragma once
#include <vector>

#include "yishi/client/request.hpp"
#include "yishi/client/state.hpp"
#include "yishi/messages.hpp"

namespace yishi::client::steps {

// A request stamped with the state's session and counted as pending.
Request make(ClientState& state, RequestKind kind, std::string method, std::string path,
             std::string body = {}, Id target = 0);

// Loads what the current page shows.
void load_page(ClientState& state, std::vector<Request>& out);
// Live pages: ask the version of what the page shows (PollChanges), and take its answer.
void poll_changes(ClientState& state, std::vector<Request>& out);
void take_live_version(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out);

// GET the current council's issues, when the session knows its council.
void load_issues(ClientState& state, std::vector<Request>& out);

// Moves to `route`, redirecting to login when it needs a session the client lacks,
// and away from login when there is one. Entering the list loads it.
void go(ClientState& state, Route route, UrlUpdate url, std::vector<Request>& out);

// Loads of single things and lists of the current council.
void load(ClientState& state, RequestKind kind, Id id, std::vector<Request>& out);

// A change of the flow: POST (or PUT/PATCH) `body` to `path`; on success `notice_key` shows
// and the page reloads.
void write(ClientState& state, std::string method, std::string path, std::string body,
           std::string notice_key, std::vector<Request>& out, Id target = 0);

// Forgets the session and its data (the next replies of the old session are stale).
void end_session(ClientState& state);

void clear_messages(ClientState& state);

// Takes the member, councils and admin scope of a login reply (or GET /api/me's, `body`);
// an administrator's login reply without the scope asks GET /api/me for it (when `ask_me`).
void take_member(ClientState& state, LoginReply reply, std::string_view body, bool ask_me,
                 std::vector<Request>& out);

// 政协: one load (`quiet`: no spinner and no banner on failure, for a page's optional block),
// and what the CPPCC pages (and an issue's 政协协商 block) load.
void load_cppcc(ClientState& state, RequestKind kind, Id id, std::vector<Request>& out,
                bool quiet = false);
void load_cppcc_page(ClientState& state, std::vector<Request>& out);

// 消息, 督办台账, 需求月报: what their pages load; the board and the report with a filter (kept
// as the one shown); the unread poll (quiet, not counted as loading).
void load_follow_page(ClientState& state, std::vector<Request>& out);
void load_board(ClientState& state, BoardFilter filter, std::vector<Request>& out);
void load_report(ClientState& state, ReportPick pick, std::vector<Request>& out);
Request poll_unread(ClientState& state);
// Department staff (not administrators) read their unit's own board.
bool reads_unit_board(const ClientState& state);
// What the current page shows, loaded again quietly (a live page's poll, 首页 on news).
void refresh_page(ClientState& state, std::vector<Request>& out);

// What the administration pages and the setup page load.
void load_admin(ClientState& state, std::vector<Request>& out);

}  // namespace yishi::client::steps
