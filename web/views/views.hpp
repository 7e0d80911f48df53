// One free function per screen: draws from a const ClientState, keeps only widget-local
// state in its XUi, and emits intents (applied after the frame, outside the views).
#pragma once
#include <cstdint>
#include <string>

#include "yishi/client/intents.hpp"
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

struct IssuesUi {
    bool scroll_to_top = false;
    void on_enter() { scroll_to_top = true; }
};

struct RaiseIssueUi {
    std::string title;
    std::string body;
    bool touched = false;               // the user typed: the live hint may show
    bool focus_first = true;
    std::uint64_t raised_seen = 0;      // ClientState::issues_raised when last cleared
    void on_enter() { focus_first = true; }
};

// The bar on top: app name, loading indicator, member and 退出登录 (or the language switch).
void draw_header(const ClientState& state, Intents& intents, float column_x, float column_w);
// The error and notice banners under the bar, in the column [column_x, column_x + column_w].
void draw_messages(const ClientState& state, Intents& intents, float column_x, float column_w);

void draw_login(const ClientState& state, LoginUi& ui, Intents& intents);
void draw_issues(const ClientState& state, IssuesUi& ui, Intents& intents);
void draw_raise_issue(const ClientState& state, RaiseIssueUi& ui, Intents& intents);

}  // namespace yishi::web
