// Request: an HTTP call the client state asks the platform to make (and gets answered with).
#pragma once
#include <cstdint>
#include <string>

#include "yishi/model.hpp"

namespace yishi::client {

// What a request is for; apply_response() reads the reply according to it.
enum class RequestKind {
    translations, api_version, login, register_account, logout, me, issues, raise_issue, cosign,
    // loads of the flow's data
    issue, comments, sessions, session, ballot, notices, tasks, task, rules, demand, members, bulletin, paper_counts,
    // a change of the flow: on success its notice shows and the page reloads
    write,
    // 管理: first start, accounts by code, the administrators' loads and changes
    setup_status, setup, password_reset, admin_tree, admin_members, admin_create, staff,
    member_change, reset_code, roster, invite_sheet,
    // 政协: loads (a write's reply, a ConsultationView, is taken as a load too)
    cppccs, cppcc, consultation, consultation_tasks, issue_consultation,
    consultation_paper,  // a printed paper (PDF) to save
    // 消息, 督办台账, 需求月报, and files the server makes (PDF, CSV) to save
    unread, notifications, notifications_read, notification_settings, board, report, file,
    // a live page's version: its data is fetched again only when this moved
    live_version,
};

struct Request {
    RequestKind kind = RequestKind::api_version;
    std::string method = "GET";
    std::string path;   // same-origin: "/api/..." or a file next to index.html
    std::string body;   // JSON, empty for GET (or the bytes of a file, see content_type)
    std::string content_type;  // empty: JSON; "text/csv" for a roster file
    std::string token;  // sent as "Authorization: Bearer <token>" when not empty
    // The session this request belongs to; its reply is dropped after a login or logout.
    std::uint64_t epoch = 0;
    Id target = 0;  // the council or issue the request is about
    // A quiet refresh of what is shown (live pages poll): no spinner, and the platform may
    // drop a reply identical to the last one so that nothing redraws.
    bool background = false;
    std::string notice_key;  // write: the confirmation shown when it is accepted
    std::string save_as;     // file: the name it is saved under
    std::string mime;        // file: its type
};

}  // namespace yishi::client
