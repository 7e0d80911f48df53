// #/ballot/N: large 赞成 / 反对 / 弃权 buttons, a confirmation (a modal Back closes), a clear
// "your vote was counted", a refusal that says why, live progress, and the tally once closed.
#include <algorithm>
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

constexpr const char* kChoices[] = {"yes", "no", "abstain"};
constexpr const char* kConfirmPopup = "##confirm-vote-modal";

bool yes_no(const BallotView& b) { return b.options.empty(); }
bool ranked(const BallotView& b) { return b.method == "schulze" || b.method == "irv"; }

// What the confirmation would cast: "confirm-yes" (yes/no/abstain), "confirm-opt-N" (a single
// choice), "confirm-list" (the approvals or ranking picked on the screen).
client::Vote vote_of(const BallotView& b, const std::string& modal, const BallotUi& ui,
                     std::string& shown, const client::Strings& t) {
    client::Vote v;
    v.ballot_id = b.id;
    std::string what = modal.rfind("confirm-", 0) == 0 ? modal.substr(8) : std::string();
    if (yes_no(b) && (what == "yes" || what == "no" || what == "abstain")) {
        v.choice = what;
        shown = t.get("choice." + what);
    } else if (what.rfind("opt-", 0) == 0) {
        std::size_t i = 0;
        for (char c : what.substr(4)) i = i * 10 + static_cast<std::size_t>(c - '0');
        if (i < b.options.size()) shown = v.choice = b.options[i];
    } else if (what == "list" && !ui.picks.empty()) {
        for (const auto& p : ui.picks) {
            if (ranked(b)) v.ranking.push_back({p});
            else v.approve.push_back(p);
            shown += (shown.empty() ? "" : ranked(b) ? " > " : "、") + p;
        }
    }
    return v;
}

void confirm_modal(const ClientState& state, const BallotView& ballot, const BallotUi& ui,
                   Intents& intents) {
    const auto& t = state.strings;
    std::string shown;
    client::Vote vote = vote_of(ballot, state.route.modal, ui, shown, t);
    Confirmation q{kConfirmPopup, "vote", !shown.empty(), t.get("ballot.confirm_title"),
                   t.format("ballot.confirm_text", {{"title", ballot.issue_title}, {"choice", shown}}),
                   t.get("ballot.confirm"), t.get("ballot.cancel"), state.submitting,
                   "confirm-title", "confirm-text"};
    switch (draw_confirmation(q)) {
        case ConfirmAnswer::confirm: intents.push_back(vote); break;
        case ConfirmAnswer::cancel: intents.push_back(client::CloseModal{}); break;
        case ConfirmAnswer::none: break;
    }
}

void vote_buttons(const ClientState& state, const BallotView& ballot, Intents& intents) {
    const auto& t = state.strings;
    // Big targets, one per line on phones: 赞成 / 反对 / 弃权, all alike, so that the page
    // leans no way.
    float w = ui::avail_width();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(16, 22));
    for (const char* c : kChoices) {
        if (ui::button(ui::labelled(t.get(std::string("choice.") + c), std::string("vote-") + c),
                       ui::ButtonKind::secondary, false, w))
            intents.push_back(client::OpenModal{std::string("confirm-") + c});
    }
    ImGui::PopStyleVar();
    (void)ballot;
}

// Single choice: one large button per option. Approval: toggles, then 提交. Ranked: tap the
// options in order of preference (1, 2, 3 …); unpicked ones rank below every picked one.
void option_buttons(const ClientState& state, const BallotView& b, BallotUi& ui, Intents& intents) {
    const auto& t = state.strings;
    float w = ui::avail_width();
    if (b.method == "single") {
        for (std::size_t i = 0; i < b.options.size(); ++i)
            if (ui::button(ui::labelled(b.options[i], "vote-opt-" + std::to_string(i)),
                           ui::ButtonKind::secondary, false, w))
                intents.push_back(client::OpenModal{"confirm-opt-" + std::to_string(i)});
        return;
    }
    ui::text(t.get(ranked(b) ? "ballot.rank_hint" : "ballot.approve_hint"), "pick-hint",
             ui::Tone::muted);
    if (b.max_choices > 0 && !ranked(b))
        ui::text(t.format("ballot.max_choices", {{"n", std::to_string(b.max_choices)}}),
                 "max-note", ui::Tone::muted);
    for (std::size_t i = 0; i < b.options.size(); ++i) {
        const std::string& o = b.options[i];
        auto at = std::find(ui.picks.begin(), ui.picks.end(), o);
        bool picked = at != ui.picks.end();
        std::string label = picked && ranked(b)
                                ? std::to_string(at - ui.picks.begin() + 1) + ". " + o
                                : o;
        if (ui::toggle(ui::labelled(label, "pick-opt-" + std::to_string(i)), picked)) {
            if (picked) ui.picks.erase(at);
            else if (b.max_choices == 0 || ranked(b) ||
                     ui.picks.size() < static_cast<std::size_t>(b.max_choices))
                ui.picks.push_back(o);
        }
    }
    if (ui::button(ui::labelled(t.get("ballot.submit_picks"), "submit-picks"),
                   ui::ButtonKind::primary, ui.picks.empty(), w))
        intents.push_back(client::OpenModal{"confirm-list"});
}

// A closed ballot of another method: its published result in words.
void result_lines(const ClientState& state, const BallotView& b) {
    if (!b.result) return;
    const auto& t = state.strings;
    const Json& r = *b.result;
    auto names = [](const Json& a, const char* sep) {
        std::string s;
        for (const auto& x : a) {
            std::string part;
            if (x.is_string()) part = x.get<std::string>();
            else if (x.is_array())
                for (const auto& y : x) part += (part.empty() ? "" : "、") + y.get<std::string>();
            s += (s.empty() ? "" : sep) + part;
        }
        return s;
    };
    if (r.contains("winners") && r["winners"].is_array())
        ui::text(t.format("ballot.winners", {{"names", r["winners"].empty()
                                                          ? t.get("ballot.no_winner")
                                                          : names(r["winners"], "、")}}),
                 "winners");
    if (r.contains("order") && r["order"].is_array())
        ui::text(t.format("ballot.order", {{"names", names(r["order"], " > ")}}), "order");
    // "东门 2 · 西门 3", in the ballot's order of options (the JSON object's is by bytes).
    auto counts_of = [&](const Json& counts) {
        std::string s;
        for (const auto& o : b.options)
            if (counts.contains(o)) s += (s.empty() ? "" : " · ") + o + " " + counts[o].dump();
        return s;
    };
    if (r.contains("counts") && r["counts"].is_object()) ui::text(counts_of(r["counts"]), "counts");
    if (r.contains("funded") && r["funded"].is_array())
        ui::text(t.format("ballot.funded", {{"names", r["funded"].empty() ? "—" : names(r["funded"], "、")},
                                            {"spent", r.value("spent", std::string())}}),
                 "funded");
    if (r.contains("unfunded") && r["unfunded"].is_array() && !r["unfunded"].empty())
        ui::text(t.format("ballot.unfunded", {{"names", names(r["unfunded"], "、")}}), "unfunded",
                 ui::Tone::muted);
    // Owners' double majority: heads and floor area, both as published.
    if (r.contains("participating_area") && r.contains("yes_area"))
        ui::text(t.format("ballot.owners_result",
                          {{"yes", r.value("yes", Json(0)).dump()},
                           {"owners", r.value("participating_owners", Json(0)).dump()},
                           {"yes_area", r.value("yes_area", std::string())},
                           {"area", r.value("participating_area", std::string())}}),
                 "owners-result");
    if (b.tally && !yes_no(b))  // a yes/no chart shows its outcome already
        ui::text(t.get(outcome_key(b.tally->outcome)), "method-outcome", ui::Tone::muted);
    if (r.contains("rounds") && r["rounds"].is_array()) {
        ui::text(t.format("ballot.rounds", {{"n", std::to_string(r["rounds"].size())}}), "rounds",
                 ui::Tone::muted);
        // Instant runoff, round by round: who was still in, with how many votes, and who left.
        for (std::size_t i = 0; i < r["rounds"].size(); ++i) {
            const Json& round = r["rounds"][i];
            if (!round.is_object() || !round.contains("counts")) continue;
            std::string n = std::to_string(i + 1), counts = counts_of(round["counts"]);
            bool out = round.contains("eliminated") && round["eliminated"].is_string();
            ui::text(out ? t.format("ballot.round_eliminated",
                                    {{"n", n}, {"counts", counts},
                                     {"name", round["eliminated"].get<std::string>()}})
                         : t.format("ballot.round_final", {{"n", n}, {"counts", counts}}),
                     "round-" + n, ui::Tone::muted);
        }
    }
}

// 交办: the convenor turns a passed decision into a task for a responsible unit.
void assign_form(const ClientState& state, const BallotView& ballot, BallotUi& ui,
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
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
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

void draw_ballot(const ClientState& state, BallotUi& ui, Intents& intents) {
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
    read_aloud_button(state, intents);
    bool open = ballot->state == BallotState::open;
    ui::badge(t.get(open ? "ballot.open" : "ballot.closed"), "ballot-state",
              open ? c.collecting_bg : c.listed_bg, open ? c.collecting_text : c.listed_text);
    ui::text(t.format("ballot.progress", {{"n", std::to_string(ballot->votes_cast)},
                                          {"of", std::to_string(ballot->roll.size())}}),
             "progress");
    ui::set_aria("progressbar");
    if (ballot->closes_at != 0)
        ui::text(client::ballot_deadline_text(t, ballot->closes_at), "ballot-closes",
                 open ? ui::Tone::normal : ui::Tone::muted);
    // Who counts: one vote per household (每户一票), or owners weighted by floor area.
    if (ballot->unit != "member")
        ui::text(t.get(ballot->unit == "owners" ? "ballot.unit_owners" : "ballot.unit_household"),
                 "unit-note", ui::Tone::muted);
    ui::end_card(card);

    if (open) {
        ui::Card mine;
        ui::begin_card(mine, 20.0f);
        if (client::has_voted(state, *ballot)) {
            ui::heading(t.get("ballot.counted"), "counted");
            ui::text(t.get("ballot.counted_hint"), "counted-hint", ui::Tone::muted);
        } else if (auto refusal = client::vote_refusal(state, *ballot, std::time(nullptr))) {
            ui::text(refusal->message, "refusal", ui::Tone::error);
        } else {
            ui::text(t.get("ballot.choose"), "choose");
            if (yes_no(*ballot)) vote_buttons(state, *ballot, intents);
            else option_buttons(state, *ballot, ui, intents);
        }
        if (auto r = state.flow.receipts.find(ballot->id); r != state.flow.receipts.end())
            ui::text(t.format("ballot.receipt", {{"code", r->second}}), "receipt");
        if (ballot->secret) ui::text(t.get("ballot.secret"), "secret-note", ui::Tone::muted);
        ui::end_card(mine);
        draw_paper_counts(state, *ballot, ui, intents);
        draw_roll(state, *ballot);
        confirm_modal(state, *ballot, ui, intents);
        if (state.is_convenor() &&
            ui::button(ui::labelled(t.get("session.close_ballot"), "close-ballot-" + n),
                       ui::ButtonKind::secondary, state.submitting))
            intents.push_back(client::CloseBallot{ballot->id});
    } else {
        ui::Card result;
        ui::begin_card(result, 20.0f);
        ui::heading(t.get("ballot.result"), "result-title");
        // Yes/no bars mean nothing for options: those ballots show their result in words.
        if (yes_no(*ballot)) draw_tally_chart(state, *ballot);
        result_lines(state, *ballot);
        if (auto r = state.flow.receipts.find(ballot->id); r != state.flow.receipts.end())
            ui::text(t.format("ballot.receipt", {{"code", r->second}}), "receipt");
        // The bulletin lists every counted ballot: anyone can recount it with ./yishi tally.
        if (ui::button(ui::labelled(t.get("ballot.download"), "download-bulletin"),
                       ui::ButtonKind::secondary, state.loading()))
            intents.push_back(client::DownloadBulletin{ballot->id});
        if (client::has_voted(state, *ballot))
            ui::text(t.get("ballot.counted"), "counted", ui::Tone::success);
        ui::end_card(result);
        draw_paper_counts(state, *ballot, ui, intents);
        draw_roll(state, *ballot);
        // An open (记名) roll as a CSV file, for the community's records.
        if (!ballot->secret &&
            ui::button(ui::labelled(t.get("files.roll_csv"), "roll-csv"), ui::ButtonKind::secondary,
                       state.loading()))
            intents.push_back(client::FollowIntent{client::DownloadFile{
                "/api/ballots/" + n + "/roll.csv", t.format("files.roll_file", {{"id", n}}),
                "text/csv"}});
        bool passed = ballot->tally && ballot->tally->outcome == Outcome::passed;
        if (passed && state.is_convenor() && state.flow.tasks_loaded)
            assign_form(state, *ballot, ui, intents);
    }
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
