// #/ballot/N: large 赞成 / 反对 / 弃权 buttons, a confirmation (a modal Back closes), a clear
// "your vote was counted", a refusal that says why, live progress, and the tally once closed.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

constexpr const char* kChoices[] = {"yes", "no", "abstain"};
constexpr const char* kConfirmPopup = "##confirm-vote-modal";

void confirm_modal(const ClientState& state, const BallotView& ballot, Intents& intents) {
    const auto& t = state.strings;
    const std::string& modal = state.route.modal;
    std::string choice = modal.rfind("confirm-", 0) == 0 ? modal.substr(8) : std::string();
    bool wanted = choice == "yes" || choice == "no" || choice == "abstain";
    if (wanted && !ImGui::IsPopupOpen(kConfirmPopup)) ImGui::OpenPopup(kConfirmPopup);
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 32.0f, 440.0f), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 24));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
    if (ImGui::BeginPopupModal(kConfirmPopup, nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings)) {
        if (!wanted) {
            ImGui::CloseCurrentPopup();  // Back (or a reply) closed it
        } else {
            ImGui::PushTextWrapPos(0);
            ui::heading(t.get("ballot.confirm_title"), "confirm-title");
            ui::text(t.format("ballot.confirm_text", {{"title", ballot.issue_title},
                                                       {"choice", t.get("choice." + choice)}}),
                     "confirm-text");
            ImGui::PopTextWrapPos();
            float w = ImGui::GetContentRegionAvail().x;
            if (ui::button(ui::labelled(t.get("ballot.confirm"), "confirm-vote"),
                           ui::ButtonKind::primary, state.submitting, w))
                intents.push_back(client::Vote{ballot.id, choice});
            if (ui::button(ui::labelled(t.get("ballot.cancel"), "cancel-vote"),
                           ui::ButtonKind::secondary, false, w))
                intents.push_back(client::CloseModal{});
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
}

void vote_buttons(const ClientState& state, const BallotView& ballot, Intents& intents) {
    const auto& t = state.strings;
    // Big targets, one per line on phones: 赞成 / 反对 / 弃权.
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 22));
    for (const char* c : kChoices) {
        bool yes = std::string(c) == "yes";
        if (ui::button(ui::labelled(t.get(std::string("choice.") + c), std::string("vote-") + c),
                       yes ? ui::ButtonKind::primary : ui::ButtonKind::secondary, false, w))
            intents.push_back(client::OpenModal{std::string("confirm-") + c});
    }
    ImGui::PopStyleVar();
    (void)ballot;
}

// 交办: the convenor turns a passed decision into a task for a responsible unit.
void assign_form(const ClientState& state, const BallotView& ballot, TaskUi& ui,
                 Intents& intents) {
    const auto& t = state.strings;
    for (const auto& task : state.flow.tasks)
        if (task.ballot_id == ballot.id) return;  // assigned already
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("assign.title"), "assign-title");
    ui::input_text(ui::labelled(t.get("assign.unit"), "assign-unit"), ui.unit);
    ui::input_text(ui::labelled(t.get("assign.due"), "assign-due"), ui.due);
    std::int64_t due = client::parse_local_date_time(ui.due);
    ui::text(due ? client::local_date_time(due) : t.get("sessions.starts_hint"), "assign-due-hint",
             ui::Tone::muted);
    // The member who reports for the unit: a department's account (none: the convenor).
    ui::text(t.get("assign.assignee"), "assignee-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& m : state.flow.members) {
        if (m.role != "department") continue;
        std::string label = ui::labelled(m.name, "assignee-" + std::to_string(m.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.assignee == m.id)) ui.assignee = ui.assignee == m.id ? 0 : m.id;
    }
    if (ui::button(ui::labelled(t.get("assign.submit"), "assign-submit"), ui::ButtonKind::primary,
                   state.submitting))
        intents.push_back(client::AssignTask{ballot.id, ui.unit, due, ui.assignee});
    ui::end_card(card);
}

}  // namespace

void draw_ballot(const ClientState& state, TaskUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    const BallotView* ballot = state.find_ballot(state.route.id);
    if (ui::button(ui::labelled(t.get("raise.back"), "back"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{
            client::Route{client::Page::session, ballot ? ballot->session_id : 0, {}}, false});
    if (!ballot) {
        ui::text(state.loading() ? t.get("app.loading") : t.get("ballot.missing"), "ballot-missing",
                 ui::Tone::muted);
        return;
    }
    const std::string n = std::to_string(ballot->id);
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::text(t.get("ballot.title"), "ballot-kicker", ui::Tone::muted);
    ui::heading(ballot->issue_title, "ballot-title");
    bool open = ballot->state == BallotState::open;
    ui::badge(t.get(open ? "ballot.open" : "ballot.closed"), "ballot-state",
              open ? c.collecting_bg : c.listed_bg, open ? c.collecting_text : c.listed_text);
    ui::text(t.format("ballot.progress", {{"n", std::to_string(ballot->votes_cast)},
                                          {"of", std::to_string(ballot->roll.size())}}),
             "progress");
    ui::end_card(card);

    if (open) {
        ui::Card mine;
        ui::begin_card(mine, 20.0f);
        if (client::has_voted(state, *ballot)) {
            ui::heading(t.get("ballot.counted"), "counted");
            ui::text(t.get("ballot.counted_hint"), "counted-hint", ui::Tone::muted);
        } else if (auto refusal = client::vote_refusal(state, *ballot)) {
            ui::text(refusal->message, "refusal", ui::Tone::error);
        } else {
            ui::text(t.get("ballot.choose"), "choose");
            vote_buttons(state, *ballot, intents);
        }
        ui::end_card(mine);
        confirm_modal(state, *ballot, intents);
        if (state.is_convenor() &&
            ui::button(ui::labelled(t.get("session.close_ballot"), "close-ballot-" + n),
                       ui::ButtonKind::secondary, state.submitting))
            intents.push_back(client::CloseBallot{ballot->id});
    } else {
        ui::Card result;
        ui::begin_card(result, 20.0f);
        ui::heading(t.get("ballot.result"), "result-title");
        draw_tally_chart(state, *ballot);
        if (client::has_voted(state, *ballot))
            ui::text(t.get("ballot.counted"), "counted", ui::Tone::success);
        ui::end_card(result);
        bool passed = ballot->tally && ballot->tally->outcome == Outcome::passed;
        if (passed && state.is_convenor() && state.flow.tasks_loaded)
            assign_form(state, *ballot, ui, intents);
    }
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
