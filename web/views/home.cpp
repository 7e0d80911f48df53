// #/home: my councils and what needs me now — open ballots, sessions to sign in to, replies
// to rate, and for the convenor issues to list, ratings to end and results to publish — and
// the issues I raised with their stage.
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"
#include "yishi/client/todos.hpp"

namespace yishi::web {

namespace {

using client::Page;
using client::Route;

void go(Intents& intents, Page page, Id id = 0) {
    intents.push_back(client::Navigate{Route{page, id, {}}, false});
}

// One line of the to-do list: what and a button to it (in 长辈版 as wide as the card).
void todo(const std::string& text, const std::string& button, const std::string& id,
          Intents& intents, Page page, Id target) {
    ui::Card card;
    ui::begin_card(card, 14.0f);
    ui::text(text, "todo-text-" + id);
    if (ui::button(ui::labelled(button, "todo-" + id), ui::ButtonKind::primary, false,
                   theme::elder() ? card.inner_width() : 0))
        go(intents, page, target);
    ui::end_card(card);
}

// 长辈版's rest of 首页: one large button to the issues, none of the lists.
void elder_rest(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    float w = ui::avail_width();
    ImGui::Dummy(ImVec2(0, 4));
    if (ui::button(ui::labelled(t.get("elder.all_issues"), "home-issues"),
                   ui::ButtonKind::secondary, false, w))
        go(intents, Page::issues);
    if (ui::button(ui::labelled(t.get("issues.new"), "home-new-issue"), ui::ButtonKind::secondary,
                   state.current_council() == nullptr, w))
        go(intents, Page::new_issue);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace

void draw_home(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& f = state.flow;
    ui::heading(t.format("home.greeting", {{"name", state.session.member.name}}), "greeting");
    const bool elder = state.settings.elder;
    for (const auto& c : state.session.councils)
        if (!elder) ui::text(t.format("issues.council", {{"council", c.name}, {"community", c.community}}),
                 "council-" + std::to_string(c.id), ui::Tone::muted);
    if (state.confirmed() && state.session.councils.empty())
        ui::text(t.get("issues.no_council"), "no-council", ui::Tone::muted);

    // 政协委员 find their committee, departments the recommendations handed to them.
    const std::string& role = state.session.member.role;
    if (role == "cppcc_member" &&
        ui::button(ui::labelled(t.get("cppcc.home_link"), "home-cppcc"), ui::ButtonKind::primary))
        go(intents, Page::cppccs);
    if (role == "department" &&
        ui::button(ui::labelled(t.get("cppcc.home_tasks"), "home-consultation-tasks"),
                   ui::ButtonKind::primary))
        go(intents, Page::consultation_tasks);

    ImGui::Dummy(ImVec2(0, 4));
    ui::heading(t.get("home.needs_me"), "needs-me");
    int todos = 0;
    // Open ballots I may still vote in, from the open sessions' consoles.
    const std::int64_t now = std::time(nullptr);
    for (const auto& [id, ballot] : f.ballots) {
        if (ballot.state != BallotState::open || client::vote_refusal(state, ballot, now)) continue;
        todo(t.format("home.ballot", {{"title", ballot.issue_title}}), t.get("home.go_vote"),
             "ballot-" + std::to_string(id), intents, Page::ballot, id);
        ++todos;
    }
    for (const auto& [id, view] : f.session_views) {
        if (client::sign_in_refusal(state, view)) continue;
        todo(t.format("home.sign_in", {{"date", client::local_date_time(view.session.starts_at)}}),
             t.get("home.go_sign_in"), "session-" + std::to_string(id), intents, Page::session, id);
        ++todos;
    }
    for (const auto& task : f.tasks) {
        if (client::rate_refusal(state, task)) continue;
        todo(t.format("home.rate", {{"title", task.issue_title}}), t.get("home.go_rate"),
             "rate-" + std::to_string(task.id), intents, Page::task, task.id);
        ++todos;
    }
    for (const auto& task : f.tasks) {
        if (client::answer_refusal(state, task)) continue;
        todo(t.format("home.answer", {{"title", task.issue_title}}), t.get("home.go_answer"),
             "answer-" + std::to_string(task.id), intents, Page::task, task.id);
        ++todos;
    }
    // The convenor's: issues to list, ratings to end, results to publish.
    for (const auto& item : client::convenor_todos(state)) {
        using Kind = client::ConvenorTodo::Kind;
        static constexpr const char* kWords[][3] = {{"todo.list", "todo.go_list", "list-"},
                                                    {"todo.conclude", "todo.go_conclude", "conclude-"},
                                                    {"todo.result", "todo.go_result", "result-"}};
        const auto& w = kWords[static_cast<int>(item.kind)];
        todo(t.format(w[0], {{"title", item.title}}), t.get(w[1]), w[2] + std::to_string(item.id),
             intents, item.kind == Kind::list ? Page::issue : Page::task, item.id);
        ++todos;
    }
    bool loaded = state.issues_loaded && f.sessions_loaded && f.tasks_loaded;
    if (todos == 0)
        ui::text(loaded ? t.get("home.nothing") : t.get("app.loading"), "nothing",
                 ui::Tone::muted);
    // 长辈版: only what needs the person now, then the way to the rest.
    if (elder) return elder_rest(state, intents);

    ImGui::Dummy(ImVec2(0, 4));
    ui::heading(t.get("home.my_issues"), "my-issues");
    int mine = 0;
    for (const auto& issue : state.issues) {
        if (issue.author_id != state.session.member.id &&
            issue.raised_by_id != state.session.member.id)
            continue;
        ++mine;
        std::string n = std::to_string(issue.id);
        ui::Card card;
        ui::begin_card(card, 14.0f);
        ui::text(issue.title, "my-title-" + n);
        ui::text(t.get(std::string("stage.") + to_string(issue.stage)), "my-stage-" + n,
                 ui::Tone::muted);
        if (ui::button(ui::labelled(t.get("issues.open"), "my-open-" + n), ui::ButtonKind::quiet))
            go(intents, Page::issue, issue.id);
        ui::end_card(card);
    }
    if (mine == 0 && state.issues_loaded)
        ui::text(t.get("home.no_issues"), "no-issues", ui::Tone::muted);
    if (ui::button(ui::labelled(t.get("issues.new"), "home-new-issue"), ui::ButtonKind::primary,
                   state.current_council() == nullptr))
        go(intents, Page::new_issue);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
