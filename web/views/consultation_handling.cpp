// The handling tab of #/consultation/N (办理): per recommendation its departments' tasks —
// position, due date, progress, replies and ratings — the leaders' hand-over form and
// conclusion, the proposers' rating, and the published figures (采纳/部分采纳/未采纳, on time).
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/cppcc.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

using client::Act;
using client::CppccIntent;

namespace {

constexpr const char* kRatings[] = {"satisfied", "basically_satisfied", "unsatisfied"};

void figures(const ClientState& state, const HandlingFigures& f) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 16.0f);
    ui::heading(t.get("cppcc.figures"), "figures-title");
    ui::text(t.format("cppcc.figures_line",
                      {{"n", std::to_string(f.recommendations)},
                       {"adopted", std::to_string(f.adopted)},
                       {"partly", std::to_string(f.partly)},
                       {"not", std::to_string(f.not_adopted)},
                       {"pending", std::to_string(f.pending)}}),
             "figures");
    ui::text(t.format("cppcc.figures_time", {{"tasks", std::to_string(f.tasks)},
                                             {"on_time", std::to_string(f.answered_on_time)},
                                             {"done", std::to_string(f.done)},
                                             {"supervised", std::to_string(f.supervised)}}),
             "figures-time", ui::Tone::muted);
    ui::end_card(card);
}

void task_card(const ClientState& state, const ConsultationView& v, const TaskView& task,
               Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(task.id);
    ui::Card card;
    ui::begin_card(card, 14.0f);
    ui::text(t.format("tasks.unit", {{"unit", task.responsible_unit}}), "task-unit-" + n);
    ui::text(t.format("cppcc.position_line", {{"adoption", adoption_name(state, task.adoption)},
                                              {"reason", task.position_reason}}),
             "task-adoption-" + n);
    ui::text(t.format("tasks.due", {{"date", client::local_date(task.due_at)}}), "task-due-" + n,
             ui::Tone::muted);
    ui::text(t.get(std::string("task_state.") + to_string(task.state)), "task-state-" + n,
             ui::Tone::muted);
    for (std::size_t i = 0; i < task.progress.size(); ++i)
        ui::text(client::local_date(task.progress[i].at) + "  " + task.progress[i].text,
                 "task-progress-" + n + "-" + std::to_string(i));
    for (std::size_t i = 0; i < task.replies.size(); ++i) {
        const auto& r = task.replies[i];
        ui::text(t.format("cppcc.reply_line", {{"date", client::local_date(r.at)}, {"text", r.text}}),
                 "task-reply-" + n + "-" + std::to_string(i));
        ui::text(t.format("task.ratings", {{"satisfied", std::to_string(r.ratings.satisfied)},
                                           {"basic", std::to_string(r.ratings.basically_satisfied)},
                                           {"unsatisfied", std::to_string(r.ratings.unsatisfied)}}),
                 "task-ratings-" + n + "-" + std::to_string(i), ui::Tone::muted);
    }
    // The proposers rate the current reply; the leaders conclude the rating.
    if (!client::proposer_rate_refusal(state, v, task)) {
        ui::text(t.get("task.rate_prompt"), "rate-prompt-" + n);
        float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
        bool first = true;
        for (const char* r : kRatings) {
            std::string label = ui::labelled(t.get(std::string("rating.") + r), "rate-" + n + "-" + r);
            ui::flow(ui::button_width(label), right, first);
            first = false;
            if (ui::button(label, ui::ButtonKind::secondary, state.submitting))
                intents.push_back(client::FlowIntent{client::RateTask{task.id, r}});
        }
    } else if (!task.replies.empty()) {
        const auto& who = task.replies.back().rated_by;
        if (std::find(who.begin(), who.end(), state.session.member.id) != who.end())
            ui::text(t.get("task.you_rated"), "you-rated-" + n, ui::Tone::success);
    }
    if (!client::leader_conclude_refusal(state, v, task) &&
        ui::button(ui::labelled(t.get("task.conclude"), "conclude-" + n), ui::ButtonKind::secondary,
                   state.submitting))
        intents.push_back(client::FlowIntent{client::TaskStep{task.id, "conclude"}});
    ui::end_card(card);
}

// 交办: unit, the staff member who answers (typed, or picked from the consultation's people),
// and the first due date.
void hand_over_form(const ClientState& state, const ConsultationView& v,
                    const RecommendationView& r, ConsultationUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const std::string k = std::to_string(r.id);
    ui::input_text(ui::labelled(t.get("cppcc.hand_unit"), "handover-unit-" + k), ui.hand_unit[r.id]);
    ui::input_text(ui::labelled(t.get("cppcc.hand_member"), "handover-member-" + k),
                   ui.hand_member[r.id], ImGuiInputTextFlags_CharsDecimal);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& p : v.people) {
        std::string id = std::to_string(p.id);
        std::string label = ui::labelled(p.name, "handover-pick-" + k + "-" + id);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.hand_member[r.id] == id)) ui.hand_member[r.id] = id;
    }
    ui::input_text(ui::labelled(t.get("cppcc.hand_due"), "handover-due-" + k), ui.hand_due[r.id]);
    if (ui::button(ui::labelled(t.get("cppcc.hand_submit"), "handover-submit-" + k),
                   ui::ButtonKind::primary, state.submitting))
        intents.push_back(CppccIntent{client::HandOverRecommendation{
            v.consultation.id, r.id, ui.hand_unit[r.id], ui.hand_member[r.id], ui.hand_due[r.id]}});
}

}  // namespace

void draw_consultation_handling(const ClientState& state, const ConsultationView& v,
                                ConsultationUi& ui, Intents& intents) {
    const auto& t = state.strings;
    bool sent = v.consultation.stage == ConsultationStage::sent ||
                v.consultation.stage == ConsultationStage::published;
    if (sent) figures(state, v.figures);
    if (v.recommendations.empty())
        ui::text(t.get("cppcc.no_recommendations"), "handling-empty", ui::Tone::muted);
    Check hand = client::act_refusal(state, v, Act::hand_over);
    int n = 0;
    for (const auto& r : v.recommendations) {
        const std::string k = std::to_string(r.id);
        ui::heading(std::to_string(++n) + ". " + client::excerpt(r.text, 60), "handling-rec-" + k);
        if (r.tasks.empty()) ui::text(t.get("cppcc.not_handed"), "not-handed-" + k, ui::Tone::muted);
        for (const auto& task : r.tasks) task_card(state, v, task, intents);
        if (!hand) {
            ui::Card card;
            ui::begin_card(card, 14.0f);
            hand_over_form(state, v, r, ui, intents);
            ui::end_card(card);
        }
    }
    if (hand && !v.recommendations.empty())
        ui::text(hand->message, "handover-refusal", ui::Tone::muted);
}

}  // namespace yishi::web
