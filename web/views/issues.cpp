// #/issues: the council's issues, newest first, each with its stage, co-sign count and 附议.
#include <ctime>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

constexpr std::size_t kBodyPreviewChars = 60;

std::string local_date(std::int64_t unix_seconds) {
    if (unix_seconds <= 0) return {};
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

// 附议 on others' open issues; 已附议 once done; nothing on one's own.
void cosign_control(const ClientState& state, const Issue& issue, Intents& intents) {
    const auto& t = state.strings;
    std::string id = "cosign-" + std::to_string(issue.id);
    if (issue.author_id == state.session.member.id) {
        ImGui::AlignTextToFramePadding();
        ui::text(t.get("issues.own"), "own-" + std::to_string(issue.id), ui::Tone::muted);
        return;
    }
    if (issue.cosigned_by_me) {
        ui::button(ui::labelled(t.get("issues.cosigned"), "cosigned-" + std::to_string(issue.id)),
                   ui::ButtonKind::secondary, true);
        return;
    }
    bool refused = client::cosign_refusal(state, issue).has_value();
    if (ui::button(ui::labelled(t.get("issues.cosign"), id), ui::ButtonKind::primary, refused))
        intents.push_back(client::Cosign{issue.id});
}

void issue_card(const ClientState& state, const Issue& issue, Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(issue.id);
    ui::Card card;
    ui::begin_card(card);
    ui::heading(issue.title, "title-" + n);
    std::string meta = t.format("issues.author", {{"name", issue.author_name}});
    if (auto date = local_date(issue.created_at); !date.empty()) meta += " · " + date;
    ui::text(meta, "author-" + n, ui::Tone::muted);
    // A preview: the whole text (up to 5000 characters) belongs on the issue's own page.
    ui::text(client::excerpt(issue.body, kBodyPreviewChars), "body-" + n);

    // Still collecting co-signs stands out; every later stage shares the calmer colours.
    bool collecting = issue.stage == IssueStage::collecting;
    ui::badge(t.get(std::string("stage.") + to_string(issue.stage)), "stage-" + n,
              collecting ? theme::kCollectingBg : theme::kListedBg,
              collecting ? theme::kCollectingText : theme::kListedText);
    ImGui::SameLine(0, 12);
    ImGui::AlignTextToFramePadding();
    ui::text(t.format("issues.cosigns", {{"n", std::to_string(issue.cosigns)}}), "count-" + n);
    // The control sits at the card's right edge.
    std::string probe = issue.cosigned_by_me ? t.get("issues.cosigned") : t.get("issues.cosign");
    float control_w = ImGui::CalcTextSize(probe.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (issue.author_id == state.session.member.id)
        control_w = ImGui::CalcTextSize(t.get("issues.own").c_str()).x;
    ImGui::SameLine();
    ImVec2 at = ImGui::GetCursorScreenPos();
    float right = card.start.x + card.width - card.padding - control_w;
    if (right > at.x) ImGui::SetCursorScreenPos(ImVec2(right, at.y));
    cosign_control(state, issue, intents);
    ui::end_card(card);
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
        intents.push_back(client::Navigate{client::Route::new_issue, false});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("issues.refresh"), "refresh"), ui::ButtonKind::secondary,
                   !can_raise))
        intents.push_back(client::LoadIssues{});
    ImGui::Dummy(ImVec2(0, 4));

    if (state.issues_loaded && state.issues.empty())
        ui::text(t.get("issues.empty"), "empty", ui::Tone::muted);
    for (const auto& issue : state.issues) issue_card(state, issue, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
