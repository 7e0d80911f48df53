// #/tasks: the tasks board (交办事项) with due dates and overdue flags; #/task/N: progress and
// the formal reply for the responsible unit, 满意/基本满意/不满意 for residents, and the
// convenor's conclusion of the rating and result notice.
#include <algorithm>
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

constexpr const char* kRatings[] = {"satisfied", "basically_satisfied", "unsatisfied"};

void state_badge(const ClientState& state, const TaskView& task, const std::string& id) {
    const auto& c = theme::colors();
    bool done = task.state == TaskState::done;
    ui::badge(state.strings.get(std::string("task_state.") + to_string(task.state)), id,
              done ? c.listed_bg : c.collecting_bg, done ? c.listed_text : c.collecting_text);
}

void due_line(const ClientState& state, const TaskView& task, const std::string& id) {
    const auto& t = state.strings;
    bool late = client::overdue(task, std::time(nullptr));
    ui::text(t.format(late ? "tasks.overdue" : "tasks.due",
                      {{"date", client::local_date(task.due_at)}}),
             id, late ? ui::Tone::error : ui::Tone::muted);
}

void text_form(const ClientState& state, const TaskView& task, TaskUi& ui, Intents& intents) {
    const auto& t = state.strings;
    float h = ImGui::GetTextLineHeight() * 4 + ImGui::GetStyle().FramePadding.y * 2;
    ui::input_multiline(ui::labelled(t.get("task.text"), "task-text"), ui.text, h);
    if (ui::button(ui::labelled(t.get("task.post_progress"), "post-progress"),
                   ui::ButtonKind::secondary, state.submitting))
        intents.push_back(client::PostTaskText{task.id, "progress", ui.text});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("task.post_reply"), "post-reply"), ui::ButtonKind::primary,
                   state.submitting))
        intents.push_back(client::PostTaskText{task.id, "reply", ui.text});
}

}  // namespace

void draw_tasks(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    ui::heading(t.get("tasks.title"), "tasks-title");
    const auto& list = state.flow.tasks;
    if (!state.flow.tasks_loaded) ui::text(t.get("app.loading"), "tasks-loading", ui::Tone::muted);
    else if (list.empty()) ui::text(t.get("tasks.empty"), "tasks-empty", ui::Tone::muted);
    for (const auto& task : list) {
        const std::string n = std::to_string(task.id);
        ui::Card card;
        ui::begin_card(card, 16.0f);
        ui::text(task.issue_title, "task-title-" + n);
        ui::text(t.format("tasks.unit", {{"unit", task.responsible_unit}}), "task-unit-" + n,
                 ui::Tone::muted);
        due_line(state, task, "task-due-" + n);
        state_badge(state, task, "task-state-" + n);
        ImGui::SameLine();
        if (ui::button(ui::labelled(t.get("tasks.open"), "open-task-" + n), ui::ButtonKind::primary))
            intents.push_back(client::Navigate{client::Route{client::Page::task, task.id, {}}, false});
        ui::end_card(card);
    }
    ImGui::Dummy(ImVec2(0, 24));
}

void draw_task(const ClientState& state, TaskUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.writes_seen != state.writes_done) {  // the last text was accepted: clear the field
        ui.text.clear();
        ui.writes_seen = state.writes_done;
    }
    if (ui::button(ui::labelled(t.get("raise.back"), "back"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::tasks}, false});
    const TaskView* task = state.find_task(state.route.id);
    if (!task) {
        ui::text(state.loading() ? t.get("app.loading") : t.get("task.missing"), "task-missing",
                 ui::Tone::muted);
        return;
    }
    const std::string n = std::to_string(task->id);
    ui::Card head;
    ui::begin_card(head, 20.0f);
    ui::heading(task->issue_title, "task-title");
    read_aloud_button(state, intents);
    ui::text(t.format("tasks.unit", {{"unit", task->responsible_unit}}), "task-unit");
    due_line(state, *task, "task-due");
    state_badge(state, *task, "task-state");
    if (ui::button(ui::labelled(t.get("notices.to_issue"), "task-issue"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::issue, task->issue_id, {}}, false});
    ui::end_card(head);

    ui::heading(t.get("task.progress"), "progress-title");
    if (task->progress.empty()) ui::text(t.get("task.no_progress"), "no-progress", ui::Tone::muted);
    for (std::size_t i = 0; i < task->progress.size(); ++i) {
        const auto& p = task->progress[i];
        ui::text(client::local_date_time(p.at) + "  " + p.text, "progress-" + std::to_string(i));
    }
    ui::heading(t.get("task.replies"), "replies-title");
    if (task->replies.empty()) ui::text(t.get("task.no_reply"), "no-reply", ui::Tone::muted);
    for (std::size_t i = 0; i < task->replies.size(); ++i) {
        const auto& r = task->replies[i];
        const std::string k = std::to_string(i);
        ui::Card card;
        ui::begin_card(card, 16.0f);
        ui::text(t.format("task.reply_n", {{"n", std::to_string(i + 1)},
                                           {"date", client::local_date_time(r.at)}}),
                 "reply-head-" + k, ui::Tone::muted);
        ui::text(r.text, "reply-" + k);
        ui::text(t.format("task.ratings", {{"satisfied", std::to_string(r.ratings.satisfied)},
                                           {"basic", std::to_string(r.ratings.basically_satisfied)},
                                           {"unsatisfied", std::to_string(r.ratings.unsatisfied)}}),
                 "ratings-" + k, ui::Tone::muted);
        ui::end_card(card);
    }

    ui::Card act;
    ui::begin_card(act, 20.0f);
    bool acted = false;
    if (!client::answer_refusal(state, *task)) {
        text_form(state, *task, ui, intents);
        acted = true;
    }
    if (!client::rate_refusal(state, *task)) {
        ui::text(t.get("task.rate_prompt"), "rate-prompt");
        for (const char* r : kRatings)
            if (ui::button(ui::labelled(t.get(std::string("rating.") + r), std::string("rate-") + r),
                           std::string(r) == "satisfied" ? ui::ButtonKind::primary
                                                         : ui::ButtonKind::secondary,
                           state.submitting, ui::avail_width()))
                intents.push_back(client::RateTask{task->id, r});
        acted = true;
    } else if (!task->replies.empty()) {
        const auto& who = task->replies.back().rated_by;
        if (std::find(who.begin(), who.end(), state.session.member.id) != who.end()) {
            ui::text(t.get("task.you_rated"), "you-rated", ui::Tone::success);
            acted = true;
        }
    }
    if (state.is_convenor()) {
        if (task->state == TaskState::answered &&
            ui::button(ui::labelled(t.get("task.conclude"), "conclude"), ui::ButtonKind::secondary,
                       state.submitting))
            intents.push_back(client::TaskStep{task->id, "conclude"});
        if ((task->state == TaskState::answered || task->state == TaskState::done) &&
            ui::button(ui::labelled(t.get("task.publish_result"), "publish-result"),
                       ui::ButtonKind::secondary, state.submitting))
            intents.push_back(client::TaskStep{task->id, "notice"});
        acted = true;
    }
    if (!acted) ui::text(t.get("task.nothing_to_do"), "nothing-to-do", ui::Tone::muted);
    ui::end_card(act);
    (void)n;
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
