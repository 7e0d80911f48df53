// Screens of the client and their URL hashes: #/home, #/issue/42, #/ballot/7/confirm-yes, …
#pragma once
#include <string>
#include <string_view>
#include <utility>

#include "yishi/model.hpp"

namespace yishi::client {

enum class Page {
    login,
    register_account,  // #/register[/CODE]: an invite or activation code, a login and a password
    home,              // my councils and what needs me now
    issues,            // the council's issues, filtered and paged
    issue,             // one issue: timeline, text, thread, decision, tasks (id)
    new_issue,
    sessions,          // the council's sessions; the convenor plans one here
    session,           // one session: the convenor's console, residents sign in (id)
    ballot,            // one ballot: vote, progress, tally (id)
    notices,           // 公示 board with the tallies' charts
    tasks,             // the tasks board
    task,              // one task: progress, replies, ratings (id)
    settings,          // language, text size, contrast
    setup,             // #/setup/CODE: the first start's platform administrator, street, community
    reset_password,    // #/reset[/CODE]: a reset code from the community and a new password
    admin,             // 管理: the organisation's tree and what the admin's scope may create
    admin_community,   // one community's members, roster import and invite sheet (id)
    cppccs,            // #/cppcc: the CPPCC committees (政协); with one, straight to it
    cppcc,             // #/cppcc/ID: its topics, the annual plan, a topic proposed (id)
    consultation,      // #/consultation/ID: one consultation, stage by stage (id)
    consultation_record,  // #/consultation/ID/record: the secretary's live record (id)
    consultation_tasks,   // #/my-consultation-tasks: recommendations handed to my department
    notifications,     // #/notifications: 消息, the member's notifications and their settings
    board,             // #/board: 督办台账, a street's or community's tasks, or my unit's
    report,            // #/report: 群众需求月报, a street's or community's month
};

// Where the user is: a page, the id it shows (0 for lists), and a modal open over it.
// A modal is part of the address so that the browser's Back closes it.
struct Route {
    Route() = default;
    Route(Page p, Id i = 0, std::string m = {}) : page(p), id(i), modal(std::move(m)) {}
    Page page = Page::home;
    Id id = 0;
    std::string modal;  // e.g. "confirm-yes"; empty when none
    // A one-time code carried by a link (#/setup/CODE, #/register/CODE, #/reset/CODE).
    std::string code;
    friend bool operator==(const Route&, const Route&) = default;
};

// The canonical hash of a route, e.g. "#/issue/42" or "#/ballot/7/confirm-yes".
std::string to_hash(const Route& r);

// A route with a code from a link, e.g. code_route(Page::setup, "K7QX2-...").
Route code_route(Page p, std::string code);

// Reads a location hash. Tolerates a missing "#" or "/", a trailing "/" and a query;
// anything empty or unknown (or a page that needs an id without a valid one) is home.
Route parse_hash(std::string_view hash);

// Screens that show a council's data need a session.
bool requires_login(Page p);
// Screens whose data others change while it is shown (sessions, ballots): polled.
bool is_live(Page p);

// How the browser's address should follow a route change.
enum class UrlUpdate {
    none,     // the change came from the address (back/forward, typed hash)
    push,     // a user's step: back returns to where they were
    replace,  // a redirect: the address is corrected without a history entry
    back,     // a modal closed by its own button: the history entry that opened it goes
};

}  // namespace yishi::client
