// #/issue/N: the flow as a timeline (提 → 议 → 定 → 办 → 评, the current step highlighted), the
// text, 附议, the convenor's dispositions, the decision with its tally, tasks, and the thread.
#include <algorithm>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"
#include "yishi/client/issue_list.hpp"

namespace yishi::web {

namespace {

constexpr const char* kStepKeys[client::kFlowSteps] = {"flow.propose", "flow.deliberate",
                                                       "flow.decide", "flow.carry_out",
                                                       "flow.evaluate"};

const BallotView* ballot_on(const ClientState& state, Id issue_id) {
    const BallotView* found = nullptr;
    for (const auto& [id, b] : state.flow.ballots)
        if (b.issue_id == issue_id) found = &b;  // the latest (a deferred item may be voted again)
    return found;
}

void timeline(const ClientState& state, client::FlowStep step) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    int current = static_cast<int>(step);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    for (int i = 0; i < client::kFlowSteps; ++i) {
        std::string label = t.get(kStepKeys[i]);
        // A step moves to the next row together with its arrow: no row starts with "→".
        float arrow = i + 1 < client::kFlowSteps ? 4 + ImGui::CalcTextSize("→").x : 0;
        float w = ImGui::CalcTextSize(label.c_str()).x + 16 + arrow;
        ui::flow(w, right, i == 0);
        ImU32 bg = i == current ? c.primary : i < current ? c.listed_bg : c.page;
        ImU32 fg = i == current ? c.on_primary : i < current ? c.listed_text : c.muted;
        ui::badge(label, "step-" + std::to_string(i), bg, fg);
        if (i + 1 < client::kFlowSteps) {
            ImGui::SameLine(0, 4);
            ImGui::AlignTextToFramePadding();
            ui::text("→", "step-arrow-" + std::to_string(i), ui::Tone::muted);
        }
    }
    ui::text(t.format("flow.current", {{"step", t.get(kStepKeys[current])}}), "flow-current",
             ui::Tone::muted);
}

void dispositions(const ClientState& state, const Issue& issue, IssueUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (!state.is_convenor() || issue.stage != IssueStage::collecting) return;
    ui::Card card;
    ui::begin_card(card, 16.0f);
    ui::text(t.get("issue.convenor_actions"), "convenor-actions", ui::Tone::muted);
    if (ui::button(ui::labelled(t.get("issue.accept"), "accept"), ui::ButtonKind::primary,
                   state.submitting))
        intents.push_back(client::AcceptIssue{issue.id});
    ui::input_text(ui::labelled(t.get("issue.reason"), "reason"), ui.reason);
    if (ui::button(ui::labelled(t.get("issue.decline"), "decline"), ui::ButtonKind::secondary,
                   state.submitting))
        intents.push_back(client::DeclineIssue{issue.id, ui.reason});
    ui::input_text(ui::labelled(t.get("issue.merge_into"), "merge-into"), ui.merge_into,
                   ImGuiInputTextFlags_CharsDecimal);
    if (ui::button(ui::labelled(t.get("issue.merge"), "merge"), ui::ButtonKind::secondary,
                   state.submitting)) {
        Id into = 0;
        for (char ch : ui.merge_into)
            if (ch >= '0' && ch <= '9' && into < 1'000'000'000'000) into = into * 10 + (ch - '0');
        intents.push_back(client::MergeIssue{issue.id, into, ui.reason});
    }
    ui::end_card(card);
}

void decision(const ClientState& state, const Issue& issue, Intents& intents) {
    const auto& t = state.strings;
    const BallotView* b = ballot_on(state, issue.id);
    if (!b) return;
    ui::heading(t.get("issue.decision"), "decision-title");
    ui::Card card;
    ui::begin_card(card, 16.0f);
    if (b->state == BallotState::open)
        ui::text(t.format("ballot.progress", {{"n", std::to_string(b->votes_cast)},
                                              {"of", std::to_string(b->roll.size())}}),
                 "decision-progress");
    draw_tally_chart(state, *b);
    if (ui::button(ui::labelled(t.get("issue.to_ballot"), "to-ballot"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::ballot, b->id, {}}, false});
    ui::end_card(card);
    for (const auto& task : state.flow.tasks) {
        if (task.issue_id != issue.id) continue;
        const std::string n = std::to_string(task.id);
        ui::Card tc;
        ui::begin_card(tc, 16.0f);
        ui::text(t.format("tasks.unit", {{"unit", task.responsible_unit}}), "issue-task-" + n);
        ui::text(t.get(std::string("task_state.") + to_string(task.state)),
                 "issue-task-state-" + n, ui::Tone::muted);
        if (!task.replies.empty()) ui::text(task.replies.back().text, "issue-task-reply-" + n);
        if (ui::button(ui::labelled(t.get("tasks.open"), "issue-open-task-" + n),
                       ui::ButtonKind::quiet))
            intents.push_back(client::Navigate{client::Route{client::Page::task, task.id, {}}, false});
        ui::end_card(tc);
    }
}

}  // namespace

void draw_issue(const ClientState& state, IssueUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    if (ui.scroll_to_top) {
        ImGui::SetScrollY(0);
        ui.scroll_to_top = false;
    }
    if (ui::button(ui::labelled(t.get("raise.back"), "back"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::issues}, false});
    const Issue* issue = state.find_issue(state.route.id);
    if (!issue) {
        ui::text(state.loading() || !state.issues_loaded ? t.get("app.loading")
                                                         : t.get("issue.missing"),
                 "issue-missing", ui::Tone::muted);
        return;
    }
    const std::string n = std::to_string(issue->id);
    bool has_task = false, answered = false;
    for (const auto& task : state.flow.tasks)
        if (task.issue_id == issue->id) {
            has_task = true;
            answered |= !task.replies.empty();
        }

    ui::Card card;
    ui::begin_card(card, 20.0f);
    timeline(state, client::flow_step(issue->stage, has_task, answered));
    ui::heading(issue->title, "issue-title");
    read_aloud_button(state, intents);
    std::string meta = t.format("issues.author", {{"name", issue->author_name}});
    if (auto date = client::local_date_time(issue->created_at); !date.empty()) meta += " · " + date;
    if (!issue->category.empty()) meta += " · " + issue->category;
    if (!issue->tag.empty()) meta += " · " + issue->tag;
    ui::text(meta, "issue-meta", ui::Tone::muted);
    if (issue->raised_by_id != 0) ui::text(t.get("issue.on_behalf"), "on-behalf", ui::Tone::muted);
    if (!issue->raised_for_name.empty()) {
        const std::string& household = issue->raised_for_household;
        ui::text(t.format(household.empty() ? "behalf.raised_for_name" : "behalf.raised_for",
                          {{"name", issue->raised_for_name}, {"household", household}}),
                 "raised-for", ui::Tone::muted);
    }
    ui::text(issue->body, "issue-body");
    bool collecting = issue->stage == IssueStage::collecting;
    ui::badge(t.get(std::string("stage.") + to_string(issue->stage)), "issue-stage",
              collecting ? c.collecting_bg : c.listed_bg,
              collecting ? c.collecting_text : c.listed_text);
    // The row wraps instead of running off the card (a phone, the larger text sizes).
    const float right = ImGui::GetCursorScreenPos().x + card.inner_width();
    std::string count = t.format("issues.cosigns", {{"n", std::to_string(issue->cosigns)}});
    ui::flow(ImGui::CalcTextSize(count.c_str()).x, right, false);
    ImGui::AlignTextToFramePadding();
    ui::text(count, "count-" + n);
    ui::flow(ui::button_width(t.get("issues.cosigned")), right, false);
    cosign_control(state, *issue, intents);
    if (issue->stage == IssueStage::merged && issue->merged_into != 0)
        ui::text(t.format("issue.merged_into", {{"id", std::to_string(issue->merged_into)},
                                                {"reason", issue->reason}}),
                 "merged-note", ui::Tone::muted);
    if (issue->stage == IssueStage::declined)
        ui::text(t.format("issue.declined_reason", {{"reason", issue->reason}}), "declined-note",
                 ui::Tone::muted);
    ui::end_card(card);

    dispositions(state, *issue, ui, intents);
    decision(state, *issue, intents);
    draw_issue_consultation(state, *issue, ui, intents);
    draw_thread(state, *issue, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
