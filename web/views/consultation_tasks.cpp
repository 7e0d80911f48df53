// #/my-consultation-tasks: the recommendations handed to the member's department, each with its
// position form (采纳/部分采纳/未采纳, reason, due date), progress and the formal reply. Also the
// 政协协商 block of a community issue's page and its convenor's 推荐为政协协商议题.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/cppcc.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {


void task_history(const ClientState& state, const TaskView& task, const std::string& n) {
    const auto& t = state.strings;
    for (std::size_t i = 0; i < task.progress.size(); ++i)
        ui::text(client::local_date(task.progress[i].at) + "  " + task.progress[i].text,
                 "ctask-progress-" + n + "-" + std::to_string(i));
    for (std::size_t i = 0; i < task.replies.size(); ++i) {
        const auto& r = task.replies[i];
        ui::text(t.format("cppcc.reply_line", {{"date", client::local_date(r.at)}, {"text", r.text}}),
                 "ctask-reply-" + n + "-" + std::to_string(i));
        ui::text(t.format("task.ratings", {{"satisfied", std::to_string(r.ratings.satisfied)},
                                           {"basic", std::to_string(r.ratings.basically_satisfied)},
                                           {"unsatisfied", std::to_string(r.ratings.unsatisfied)}}),
                 "ctask-ratings-" + n + "-" + std::to_string(i), ui::Tone::muted);
    }
}

void position_form(const ClientState& state, const TaskView& task, ConsultationTasksUi& ui,
                   Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(task.id);
    ui::text(t.get("cppcc.position_form"), "position-label-" + n, ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    std::string& picked = ui.adoption[task.id];
    for (Adoption a : kAdoptions) {
        std::string label = ui::labelled(adoption_name(state, a),
                                         "position-" + n + "-" + to_string(a));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, picked == to_string(a))) picked = to_string(a);
    }
    ui::input_text(ui::labelled(t.get("cppcc.position_reason"), "position-reason-" + n),
                   ui.reason[task.id]);
    ui::input_text(ui::labelled(t.get("cppcc.position_due"), "position-due-" + n), ui.due[task.id]);
    if (ui::button(ui::labelled(t.get("cppcc.position_submit"), "position-submit-" + n),
                   ui::ButtonKind::primary, state.submitting))
        intents.push_back(client::CppccIntent{
            client::TakePosition{task.id, picked, ui.reason[task.id], ui.due[task.id]}});
}

}  // namespace

void draw_consultation_tasks(const ClientState& state, ConsultationTasksUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.writes_seen != state.writes_done) {
        ui.writes_seen = state.writes_done;
        ui.text.clear();
        ui.reason.clear();
    }
    ui::heading(t.get("cppcc.tasks_title"), "ctasks-title");
    const auto& c = state.cppcc;
    if (!c.my_tasks_loaded) return ui::text(t.get("app.loading"), "ctasks-loading", ui::Tone::muted);
    if (c.my_tasks.items.empty()) ui::text(t.get("cppcc.no_tasks"), "ctasks-empty", ui::Tone::muted);
    for (const auto& line : c.my_tasks.items) {
        const TaskView& task = line.task;
        const std::string n = std::to_string(task.id);
        ui::Card card;
        ui::begin_card(card, 16.0f);
        ui::text(line.topic_title, "ctask-topic-" + n, ui::Tone::muted);
        ui::text(line.recommendation_text, "ctask-rec-" + n);
        ui::text(t.format("tasks.unit", {{"unit", task.responsible_unit}}), "ctask-unit-" + n,
                 ui::Tone::muted);
        ui::text(t.format("cppcc.position_line", {{"adoption", adoption_name(state, task.adoption)},
                                                  {"reason", task.position_reason}}),
                 "ctask-adoption-" + n);
        ui::text(t.format("tasks.due", {{"date", client::local_date(task.due_at)}}),
                 "ctask-due-" + n, ui::Tone::muted);
        ui::text(t.get(std::string("task_state.") + to_string(task.state)), "ctask-state-" + n,
                 ui::Tone::muted);
        task_history(state, task, n);
        if (!client::position_refusal(state, task)) position_form(state, task, ui, intents);
        if (!client::department_answer_refusal(state, task)) {
            float h = ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().FramePadding.y * 2;
            ui::input_multiline(ui::labelled(t.get("task.text"), "ctask-text-" + n), ui.text[task.id], h);
            if (ui::button(ui::labelled(t.get("task.post_progress"), "ctask-progress-" + n),
                           ui::ButtonKind::secondary, state.submitting))
                intents.push_back(client::FlowIntent{client::PostTaskText{task.id, "progress", ui.text[task.id]}});
            ImGui::SameLine();
            if (ui::button(ui::labelled(t.get("task.post_reply"), "ctask-reply-" + n),
                           ui::ButtonKind::primary, state.submitting))
                intents.push_back(client::FlowIntent{client::PostTaskText{task.id, "reply", ui.text[task.id]}});
        }
        if (ui::button(ui::labelled(t.get("cppcc.open_topic"), "ctask-open-" + n), ui::ButtonKind::quiet))
            intents.push_back(client::Navigate{client::Route{client::Page::consultation, line.topic_id, {}}, false});
        ui::end_card(card);
    }
    ImGui::Dummy(ImVec2(0, 24));
}

void draw_issue_consultation(const ClientState& state, const Issue& issue, IssueUi& ui,
                             Intents& intents) {
    const auto& t = state.strings;
    auto it = state.cppcc.issues.find(issue.id);
    bool recommended = it != state.cppcc.issues.end() && it->second.topic_id != 0;
    if (recommended) {
        const IssueConsultation& v = it->second;
        ui::heading(t.get("cppcc.issue_block"), "cppcc-block");
        ui::Card card;
        ui::begin_card(card, 16.0f);
        ui::text(t.format("cppcc.issue_topic", {{"cppcc", v.cppcc_name}, {"title", v.title}}),
                 "cppcc-topic");
        ui::text(stage_name(state, v.stage), "cppcc-stage", ui::Tone::muted);
        for (const auto& r : v.recommendations) {
            const std::string k = std::to_string(r.id);
            ui::text(r.text, "cppcc-rec-" + k);
            for (const auto& task : r.tasks)
                ui::text(t.format("cppcc.issue_task",
                                  {{"unit", task.responsible_unit},
                                   {"adoption", adoption_name(state, task.adoption)},
                                   {"state", t.get(std::string("task_state.") + to_string(task.state))}}),
                         "cppcc-rec-task-" + std::to_string(task.id), ui::Tone::muted);
        }
        if (v.stage == ConsultationStage::sent || v.stage == ConsultationStage::published)
            ui::text(t.format("cppcc.figures_line",
                              {{"n", std::to_string(v.figures.recommendations)},
                               {"adopted", std::to_string(v.figures.adopted)},
                               {"partly", std::to_string(v.figures.partly)},
                               {"not", std::to_string(v.figures.not_adopted)},
                               {"pending", std::to_string(v.figures.pending)}}),
                     "cppcc-figures");
        if (ui::button(ui::labelled(t.get("cppcc.open_topic"), "cppcc-open-topic"), ui::ButtonKind::quiet))
            intents.push_back(client::Navigate{client::Route{client::Page::consultation, v.topic_id, {}}, false});
        ui::end_card(card);
        return;
    }
    // 推荐为政协协商议题: the convenor picks the committee.
    if (it == state.cppcc.issues.end() || may_recommend_issue(state.actor(), issue)) return;
    if (state.cppcc.cppccs.empty()) return;
    ui::Card card;
    ui::begin_card(card, 16.0f);
    ui::text(t.get("cppcc.recommend_hint"), "recommend-hint", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    Id picked = ui.recommend_to;
    if (picked == 0 && state.cppcc.cppccs.size() == 1) picked = state.cppcc.cppccs.front().id;
    for (const auto& c : state.cppcc.cppccs) {
        std::string label = ui::labelled(c.name, "recommend-to-" + std::to_string(c.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, picked == c.id)) ui.recommend_to = c.id;
    }
    if (ui::button(ui::labelled(t.get("cppcc.recommend"), "recommend-issue"), ui::ButtonKind::primary,
                   picked == 0 || state.submitting))
        intents.push_back(client::CppccIntent{client::RecommendIssue{issue.id, picked}});
    ui::end_card(card);
}

}  // namespace yishi::web
