// The API endpoints. Each one decodes a request, applies the core's rules, calls the store
// and encodes the answer; none keeps state between requests.
#pragma once
#include "http.hpp"
#include "yishi/server/service.hpp"

namespace yishi::server {

struct Api {
    Store& store;
    PasswordHasher& hasher;
    const ServiceOptions& options;

    std::int64_t now() const { return options.clock(); }
    // The member whose live token the request carries, or 401 unauthorized.
    Result<Member> caller(const httplib::Request& req) const;
};

// The 429 of an attempt that must wait: how long, in the message and in Retry-After.
Reply wait_before_retry(std::int64_t seconds);

// A login reply's body, with the member's administrative scope ("admin") when they have one.
std::string login_reply_body(Api& api, const LoginReply& reply);
Json scope_json(const AdminScope& scope);

// Adds handlers of the form `Reply f(Api&, const Request&)`: route(method, pattern, f).
inline auto route_adder(ApiRoutes& routes, Api& api) {
    return [&routes, &api](const char* method, const char* pattern,
                           Reply (*f)(Api&, const httplib::Request&)) {
        routes.add(method, pattern, [&api, f](const httplib::Request& req) { return f(api, req); });
    };
}

// POST /api/login, POST /api/logout, GET /api/me, GET /api/version
void add_account_routes(ApiRoutes& routes, Api& api);
// GET/POST /api/councils/{id}/issues, GET /api/issues/{id}, POST /api/issues/{id}/cosign
void add_issue_routes(ApiRoutes& routes, Api& api);
// POST /api/invites, POST /api/register
void add_invite_routes(ApiRoutes& routes, Api& api);
// 管理: GET/POST /api/setup, POST /api/password-reset, /api/admin/... (the tree, staff, members,
// roster import, invite sheets)
void add_admin_routes(ApiRoutes& routes, Api& api);
// The caller and the community the path names (/api/admin/communities/{id}/...): what every
// route about one community reads first; whether the caller may act there is the store's to say.
struct CommunityRequest {
    Id caller = 0;
    Id community = 0;
};
Result<CommunityRequest> community_request(Api& api, const httplib::Request& req);
// 定: GET/POST /api/councils/{id}/sessions, GET/POST /api/councils/{id}/session-demands,
// GET/PUT /api/councils/{id}/rules, GET /api/councils/{id}/notices, GET /api/sessions/{id},
// POST /api/sessions/{id}/notice|open|sign-in|close
void add_session_routes(ApiRoutes& routes, Api& api);
// 定: POST /api/sessions/{id}/ballots, GET /api/ballots/{id}, POST /api/ballots/{id}/votes|close,
// GET /api/ballots/{id}/bulletin, GET/POST /api/ballots/{id}/paper-counts
void add_ballot_routes(ApiRoutes& routes, Api& api);
// A ballot's JSON: a plain one exactly as before, any other with its method, options, secrecy,
// unit, tellers, who voted and, once closed, its published result.
Json ballot_json(Api& api, const BallotRecord& r);
// 办/评: POST /api/ballots/{id}/tasks, GET /api/councils/{id}/tasks, GET /api/tasks/{id},
// POST /api/tasks/{id}/progress|reply|ratings|conclude|notice|position
void add_task_routes(ApiRoutes& routes, Api& api);
// 提/议: POST /api/issues/{id}/accept|merge|decline, GET/POST /api/issues/{id}/comments,
// PATCH /api/comments/{id}, POST /api/comments/{id}/hide
void add_thread_routes(ApiRoutes& routes, Api& api);
// 请你来协商: POST /api/cppccs/{id}/topics, GET /api/consultations/{id}, POST
// /api/consultations/{id}/plan|research-group|visits|sections|meeting|participants|items|
// close-meeting|recommendations|sendings|publish
void add_consultation_routes(ApiRoutes& routes, Api& api);
// 政协: POST /api/admin/cppccs, /api/admin/cppccs/{id}/committees|seats, GET /api/cppccs,
// GET /api/cppccs/{id}, POST /api/recommendations/{id}/hand-over, GET /api/me/consultation-tasks,
// POST /api/issues/{id}/recommend, GET /api/issues/{id}/consultation
void add_cppcc_routes(ApiRoutes& routes, Api& api);
// GET /api/consultations/{id}/record.pdf (会议纪要) and /outcome.pdf (协商成果报告)
void add_consultation_print_routes(ApiRoutes& routes, Api& api);
// 督办台账: the accountability board and per-unit figures
void add_board_routes(ApiRoutes& routes, Api& api);
// CSV exports of issues, tasks and an open ballot's roll
void add_export_routes(ApiRoutes& routes, Api& api);
// 群众需求月报: the monthly needs report as JSON and CSV
void add_report_routes(ApiRoutes& routes, Api& api);
// The month's report rows for the caller, from ?street=ID or ?community=ID (exactly one) and an
// optional month=YYYY-MM (this month in China time by default): what GET /api/report, its CSV
// and its PDF (routes_documents.cpp) are made from.
Result<ReportInput> report_rows(Api& api, const httplib::Request& req);
// printed minutes (会议纪要), notices (公示) and the monthly report, as PDF
void add_document_routes(ApiRoutes& routes, Api& api);
// 消息: notifications, their settings and the community's outbound hook
void add_notification_routes(ApiRoutes& routes, Api& api);

}  // namespace yishi::server
