// Tally charts: bars for 赞成/反对/弃权/未投票 against those present with the pass line drawn,
// and 到会 against the electorate with the quorum line. Lines sit at exact shares of the
// bar; positions are the only floating point here (the outcome comes from the server's tally).
#include <algorithm>
#include <optional>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/methods.hpp"

namespace yishi::web {

namespace {

std::string share_text(const ClientState& state, const Threshold& t) {
    return state.strings.format(t.bound == Bound::more_than ? "chart.more_than" : "chart.at_least",
                                {{"num", std::to_string(t.share.num)},
                                 {"den", std::to_string(t.share.den)}});
}

// One labelled bar of `value` out of `whole`, with a vertical line at `line` (0..1, <0: none).
void bar(const std::string& label, std::int64_t value, std::int64_t whole, ImU32 color,
         float line, const std::string& id) {
    const auto& c = theme::colors();
    float label_w = ImGui::CalcTextSize("未投票 ").x + 8;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(label_w);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float count_w = ImGui::CalcTextSize("0000").x + 12;
    float w = std::max(40.0f, ui::avail_width() - count_w);
    float h = ImGui::GetFrameHeight() * 0.7f;
    float y = pos.y + (ImGui::GetFrameHeight() - h) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + w, y + h), c.page, 4.0f);
    float filled = whole > 0 ? w * static_cast<float>(value) / static_cast<float>(whole) : 0;
    if (filled > 0) dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + filled, y + h), color, 4.0f);
    dl->AddRect(ImVec2(pos.x, y), ImVec2(pos.x + w, y + h), c.border, 4.0f);
    if (line >= 0) {
        float x = pos.x + w * line;
        dl->AddLine(ImVec2(x, y - 4), ImVec2(x, y + h + 4), c.line, 2.5f);
    }
    ImGui::Dummy(ImVec2(w, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::text(std::to_string(value), id);
}

float share_of(const Threshold& t) {
    return t.share.den > 0 ? static_cast<float>(t.share.num) / static_cast<float>(t.share.den) : -1;
}

}  // namespace

const char* outcome_key(Outcome o) {
    switch (o) {
        case Outcome::passed: return "outcome.passed";
        case Outcome::failed: return "outcome.failed";
        case Outcome::no_quorum: return "outcome.no_quorum";
        case Outcome::deferred: return "outcome.deferred";
    }
    return "outcome.failed";
}

void draw_tally_chart(const ClientState& state, const BallotView& ballot) {
    if (!ballot.tally) return;
    const auto& t = state.strings;
    const auto& c = theme::colors();
    const Tally& tally = *ballot.tally;
    const std::string n = std::to_string(ballot.id);
    // An owners' ballot (业主, 民法典 §278) is held to its preset, whatever the council's rules.
    std::optional<CouncilRules> owners;
    if (ballot.unit == "owners" && state.flow.rules) {
        YesNoRule r = preset_rule(ballot.special_matter ? YesNoPreset::owners_major
                                                        : YesNoPreset::owners_ordinary);
        owners = *state.flow.rules;
        owners->quorum = r.quorum;
        owners->pass = owners->pass_special = r.pass;
    }
    const auto* rules = owners ? &*owners : state.flow.rules ? &*state.flow.rules : nullptr;
    float pass = rules ? share_of(ballot.special_matter ? rules->pass_special.share
                                                        : rules->pass.share)
                       : -1;
    float quorum = rules ? share_of(rules->quorum.share) : -1;

    ImGui::PushID(static_cast<int>(ballot.id));
    bar(t.get("choice.yes"), tally.yes, tally.present, c.yes, pass, "yes-" + n);
    bar(t.get("choice.no"), tally.no, tally.present, c.no, -1, "no-" + n);
    bar(t.get("choice.abstain"), tally.abstain, tally.present, c.abstain, -1, "abstain-" + n);
    bar(t.get("choice.not_voted"), tally.not_voted, tally.present, c.abstain, -1,
        "not-voted-" + n);
    bar(t.get("chart.present"), tally.present, ballot.electorate, c.muted, quorum,
        "present-" + n);
    ImGui::PopID();
    if (rules) {
        const Threshold& p = ballot.special_matter ? rules->pass_special.share : rules->pass.share;
        ui::text(t.format("chart.lines", {{"pass", share_text(state, p)},
                                          {"quorum", share_text(state, rules->quorum.share)}}),
                 "lines-" + n, ui::Tone::muted);
    }
    bool good = tally.outcome == Outcome::passed;
    ui::badge(t.get(outcome_key(tally.outcome)), "outcome-" + n,
              good ? c.success_bg : c.collecting_bg, good ? c.success_text : c.collecting_text);
}

}  // namespace yishi::web
