// #/issues: the council's issues, newest first, each with its stage, co-sign count and 附议.
#include <algorithm>
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

constexpr std::size_t kBodyPreviewChars = 60;


}  // namespace

void cosign_control(const ClientState& state, const Issue& issue, Intents& intents) {
    const auto& t = state.strings;
    std::string id = "cosign-" + std::to_string(issue.id);
    if (issue.author_id == state.session.member.id) {
        ImGui::AlignTextToFramePadding();
        ui::text(t.get("issues.own"), "own-" + std::to_string(issue.id), ui::Tone::muted);
        return;
    }
    if (issue.stage != IssueStage::collecting && !issue.cosigned_by_me) return;  // past co-signing
    if (issue.cosigned_by_me) {
        ui::button(ui::labelled(t.get("issues.cosigned"), "cosigned-" + std::to_string(issue.id)),
                   ui::ButtonKind::secondary, true);
        return;
    }
    bool refused = client::cosign_refusal(state, issue).has_value();
    if (ui::button(ui::labelled(t.get("issues.cosign"), id), ui::ButtonKind::primary, refused))
        intents.push_back(client::Cosign{issue.id});
}

namespace {

void issue_card(const ClientState& state, const Issue& issue, Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(issue.id);
    ui::Card card;
    ui::begin_card(card);
    ui::heading(issue.title, "title-" + n);
    // The title opens the issue's page (a link, not a button, so the card reads as before).
    if (ImGui::IsItemClicked()) intents.push_back(client::Navigate{
                                    client::Route{client::Page::issue, issue.id, {}}, false});
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    std::string meta = t.format("issues.author", {{"name", issue.author_name}});
    if (auto date = client::local_date_time(issue.created_at); !date.empty()) meta += " · " + date;
    ui::text(meta, "author-" + n, ui::Tone::muted);
    // A preview: the whole text (up to 5000 characters) belongs on the issue's own page.
    ui::text(client::excerpt(issue.body, kBodyPreviewChars), "body-" + n);

    // Still collecting co-signs stands out; every later stage shares the calmer colours.
    bool collecting = issue.stage == IssueStage::collecting;
    ui::badge(t.get(std::string("stage.") + to_string(issue.stage)), "stage-" + n,
              collecting ? theme::colors().collecting_bg : theme::colors().listed_bg,
              collecting ? theme::colors().collecting_text : theme::colors().listed_text);
    // The row wraps before anything would run off the card (a phone, the larger text sizes).
    const float inner_right = card.start.x + card.width - card.padding;
    std::string count = t.format("issues.cosigns", {{"n", std::to_string(issue.cosigns)}});
    ui::flow(ImGui::CalcTextSize(count.c_str()).x, inner_right, false);
    ImGui::AlignTextToFramePadding();
    ui::text(count, "count-" + n);
    // The control sits at the card's right edge.
    std::string probe = issue.cosigned_by_me ? t.get("issues.cosigned") : t.get("issues.cosign");
    float control_w = ui::button_width(probe);
    if (issue.author_id == state.session.member.id)
        control_w = ImGui::CalcTextSize(t.get("issues.own").c_str()).x;
    std::string open = ui::labelled(t.get("issues.open"), "open-" + n);
    ui::flow(ui::button_width(open), inner_right, false);
    if (ui::button(open, ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::issue, issue.id, {}}, false});
    // On a phone the row is too narrow for it: then it goes on a line of its own, instead
    // of running off the card (附议) or wrapping one character per line (我提出的议题).
    ImGui::SameLine();
    ImVec2 at = ImGui::GetCursorScreenPos();
    if (at.x + control_w > inner_right) {
        ImGui::NewLine();
        at = ImGui::GetCursorScreenPos();
    }
    float right = inner_right - control_w - 1;  // 1 px: no wrap from rounding
    if (right > at.x) ImGui::SetCursorScreenPos(ImVec2(right, at.y));
    cosign_control(state, issue, intents);
    ui::end_card(card);
}

}  // namespace

namespace {

// A row of chips: 全部 and each value; the chosen one is highlighted.
void chip_row(const ClientState& state, const std::string& all_key, const std::string& id,
              const std::vector<std::string>& values, const std::vector<std::string>& labels,
              const std::string& chosen, std::string& out, bool& changed) {
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    std::string all = ui::labelled(state.strings.get(all_key), id + "-all");
    if (ui::choice(all, chosen.empty()) && !chosen.empty()) {
        out.clear();
        changed = true;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::string label = ui::labelled(labels[i], id + "-" + std::to_string(i));
        ui::flow(ui::button_width(label), right, false);
        if (ui::choice(label, chosen == values[i]) && chosen != values[i]) {
            out = values[i];
            changed = true;
        }
    }
}

// How many of the filters narrow the list (the search counts as one).
int active_filters(const client::IssueFilter& f) {
    return !f.query.empty() + f.stage.has_value() + !f.category.empty() + !f.tag.empty();
}

constexpr float kPhoneWidth = 600.0f;  // CSS px: narrower than this, the filters fold

void filters(const ClientState& state, IssuesUi& ui) {
    const auto& t = state.strings;
    // On a phone they would fill the first screen before any issue: folded behind 筛选,
    // which says how many are in force.
    if (ui::avail_width() < kPhoneWidth) {
        int n = active_filters(ui.filter);
        std::string label = n > 0 ? t.format("elder.filters_active", {{"n", std::to_string(n)}})
                                  : t.get("elder.filters");
        // Beside 提出新议题 and 刷新 when it fits.
        ui::flow(ui::button_width(label), ImGui::GetCursorScreenPos().x + ui::avail_width(), false);
        if (ui::choice(ui::labelled(label, "filters-toggle"), ui.filters_open))
            ui.filters_open = !ui.filters_open;
        if (!ui.filters_open) return;
    }
    bool changed = false;
    std::string query = ui.filter.query;
    ui::input_text(ui::labelled(t.get("issues.search"), "search"), query);
    if (query != ui.filter.query) {
        ui.filter.query = query;
        changed = true;
    }
    // Stages by their names; the chips carry the stage's key, shown translated.
    std::vector<std::string> stages, stage_labels;
    for (IssueStage st : {IssueStage::collecting, IssueStage::listed, IssueStage::scheduled,
                          IssueStage::resolved, IssueStage::merged, IssueStage::declined}) {
        stages.push_back(to_string(st));
        stage_labels.push_back(t.get(std::string("stage.") + to_string(st)));
    }
    std::string stage = ui.filter.stage ? to_string(*ui.filter.stage) : std::string();
    std::string picked_stage = stage;
    chip_row(state, "issues.all_stages", "stage", stages, stage_labels, stage, picked_stage,
             changed);
    if (picked_stage != stage) {
        IssueStage st;
        if (picked_stage.empty()) ui.filter.stage.reset();
        else if (issue_stage_from_string(picked_stage, st)) ui.filter.stage = st;
    }
    auto cats = client::categories_of(state.issues);
    if (!cats.empty())
        chip_row(state, "issues.all_categories", "category", cats, cats, ui.filter.category,
                 ui.filter.category, changed);
    auto tags = client::tags_of(state.issues);
    if (!tags.empty())
        chip_row(state, "issues.all_tags", "tag", tags, tags, ui.filter.tag, ui.filter.tag,
                 changed);
    if (changed) ui.page = 0;
}

void pager(const ClientState& state, IssuesUi& ui, std::size_t total, Intents&) {
    const auto& t = state.strings;
    std::size_t pages = client::page_count(total);
    if (pages <= 1) return;
    if (ui::button(ui::labelled(t.get("issues.prev"), "prev-page"), ui::ButtonKind::secondary,
                   ui.page == 0)) {
        --ui.page;
        ui.scroll_to_top = true;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::text(t.format("issues.page", {{"n", std::to_string(ui.page + 1)},
                                      {"of", std::to_string(pages)}}),
             "page");
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("issues.next"), "next-page"), ui::ButtonKind::secondary,
                   ui.page + 1 >= pages)) {
        ++ui.page;
        ui.scroll_to_top = true;
    }
}

}  // namespace

void draw_issues(const ClientState& state, IssuesUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.scroll_to_top) {
        ImGui::SetScrollY(0);
        ui.scroll_to_top = false;
    }
    const Council* council = state.current_council();
    ui::heading(t.get("issues.title"), "issues-title");
    if (council) {
        ui::text(t.format("issues.council", {{"council", council->name},
                                             {"community", council->community}}),
                 "council", ui::Tone::muted);
        ui::text(t.format("issues.threshold", {{"n", std::to_string(council->cosign_threshold)}}),
                 "threshold", ui::Tone::muted);
    } else if (state.confirmed()) {
        ui::text(t.get("issues.no_council"), "no-council", ui::Tone::muted);
    }

    bool can_raise = council != nullptr;
    if (ui::button(ui::labelled(t.get("issues.new"), "new-issue"), ui::ButtonKind::primary,
                   !can_raise))
        intents.push_back(client::Navigate{client::Route{client::Page::new_issue}, false});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("issues.refresh"), "refresh"), ui::ButtonKind::secondary,
                   !can_raise))
        intents.push_back(client::LoadIssues{});
    filters(state, ui);

    if (ui.picked_version != state.issues_version || !(ui.picked_for == ui.filter)) {
        ui.picked = client::filter_issues(state.issues, ui.filter);
        ui.picked_for = ui.filter;
        ui.picked_version = state.issues_version;
    }
    ui.page = client::clamp_page(ui.page, ui.picked.size());
    if (state.issues_loaded) {
        ui::text(t.format("issues.found", {{"n", std::to_string(ui.picked.size())}}), "found",
                 ui::Tone::muted);
    }
    ImGui::Dummy(ImVec2(0, 4));

    if (!state.issues_loaded && state.loading())
        ui::text(t.get("app.loading"), "list-loading", ui::Tone::muted);
    else if (state.issues_loaded && state.issues.empty())
        ui::text(t.get("issues.empty"), "empty", ui::Tone::muted);
    else if (state.issues_loaded && ui.picked.empty())
        ui::text(t.get("issues.none_match"), "none-match", ui::Tone::muted);
    std::size_t from = ui.page * client::kIssuesPerPage;
    std::size_t to = std::min(ui.picked.size(), from + client::kIssuesPerPage);
    for (std::size_t k = from; k < to; ++k) issue_card(state, state.issues[ui.picked[k]], intents);
    pager(state, ui, ui.picked.size(), intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
