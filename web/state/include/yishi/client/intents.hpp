// Intents: what the user (or the browser) asks for. Views emit them while drawing;
// they are applied after the frame, never in the middle of it.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "yishi/client/route.hpp"
#include "yishi/model.hpp"

namespace yishi::client {

// The page has loaded: the address it was opened at and a token kept from a previous visit.
struct Boot {
    std::string hash;
    std::string stored_token;
    std::string language = "zh-CN";
};
struct Login {
    std::string login;
    std::string password;
};
struct Logout {};
// Go to a screen; from_history when the browser's address changed (back/forward).
struct Navigate {
    Route route = Route::issues;
    bool from_history = false;
};
struct LoadIssues {};
// 提出议题: raise an issue in the current council.
struct RaiseIssue {
    std::string title;
    std::string body;
};
// 附议: co-sign an issue.
struct Cosign {
    Id issue_id = 0;
};
struct DismissError {};
struct DismissNotice {};
struct SwitchLanguage {
    std::string language;
};

using Intent = std::variant<Boot, Login, Logout, Navigate, LoadIssues, RaiseIssue, Cosign,
                            DismissError, DismissNotice, SwitchLanguage>;
using Intents = std::vector<Intent>;

}  // namespace yishi::client
