// ClientState: the browser client's copy of server state plus where the user is.
// Views read it; only apply() and apply_response() change it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/client/route.hpp"
#include "yishi/client/strings.hpp"
#include "yishi/model.hpp"

namespace yishi::client {

// A message for the user: a catalog key (client-made messages, translated when shown)
// or a text to show as is (the server's Chinese `error.message`).
struct UserMessage {
    std::string key;
    std::string text;
    bool empty() const { return key.empty() && text.empty(); }
};

struct Session {
    std::string token;               // bearer token; kept in localStorage by the platform
    Member member;                   // id 0 until the server has confirmed the token
    std::vector<Council> councils;   // the member's councils
};

struct ClientState {
    Route route = Route::login;
    UrlUpdate url_update = UrlUpdate::none;  // consumed by the platform after each change
    Route after_login = Route::issues;       // where a deep link asked to go before login

    Session session;
    Id council_id = 0;               // the council whose issues are shown
    std::vector<Issue> issues;       // newest first, as the server sent them
    bool issues_loaded = false;

    int pending = 0;                 // requests in flight
    bool submitting = false;         // a login or a new issue is on its way: no second click
    UserMessage error;               // the last refusal or failure, until dismissed
    std::string error_field;         // the request field the error is about, if any
    UserMessage notice;              // a confirmation (议题已提出)

    std::uint64_t epoch = 1;         // bumped at login and logout; older replies are stale
    std::uint64_t issues_raised = 0; // counts successful raises, so the form knows to clear
    Strings strings;                 // the active translation catalog

    bool logged_in() const { return !session.token.empty(); }
    bool confirmed() const { return logged_in() && session.member.id != 0; }
    bool loading() const { return pending > 0; }
    const Council* current_council() const;
    const Issue* find_issue(Id id) const;
    // The text a message shows in the active language.
    std::string shown(const UserMessage& m) const;
};

}  // namespace yishi::client
