// The monthly report's charts, drawn with ImGui's draw list: a bar per category or grid scaled
// to the largest count (the previous month a thin bar under it), and the 12-month trend of
// issues raised as a line with a dot per month. Counts are exact; only positions are floats.
#include <algorithm>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

void draw_count_bars(const ClientState& state, const std::vector<client::ReportCount>& rows,
                     const std::string& id_prefix) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    if (rows.empty()) return ui::text(t.get("report.none"), id_prefix + "-empty", ui::Tone::muted);
    std::int64_t most = 1;
    for (const auto& r : rows) most = std::max({most, r.count, r.previous});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        std::string name = r.name.empty() ? t.get("report.uncategorised") : r.name;
        ui::text(t.format("report.count_line", {{"name", name},
                                                {"count", std::to_string(r.count)},
                                                {"previous", std::to_string(r.previous)}}),
                 id_prefix + "-" + std::to_string(i));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        float w = std::max(40.0f, ui::avail_width());
        float h = 12.0f;
        float now_w = w * static_cast<float>(r.count) / static_cast<float>(most);
        float prev_w = w * static_cast<float>(r.previous) / static_cast<float>(most);
        dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), c.page, 3.0f);
        if (now_w > 0) dl->AddRectFilled(pos, ImVec2(pos.x + now_w, pos.y + h), c.primary, 3.0f);
        if (prev_w > 0)
            dl->AddRectFilled(ImVec2(pos.x, pos.y + h + 2), ImVec2(pos.x + prev_w, pos.y + h + 6),
                              c.muted, 2.0f);
        ImGui::Dummy(ImVec2(w, h + 10));
    }
}

void draw_trend_line(const ClientState& state, const std::vector<client::ReportTrendPoint>& trend) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    if (trend.empty()) return ui::text(t.get("report.none"), "trend-empty", ui::Tone::muted);
    std::int64_t most = 1;
    for (const auto& p : trend) most = std::max(most, p.raised);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = std::max(120.0f, ui::avail_width());
    const float h = 160.0f;
    const float pad = 12.0f;
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), c.page, 6.0f);
    dl->AddLine(ImVec2(pos.x + pad, pos.y + h - pad), ImVec2(pos.x + w - pad, pos.y + h - pad),
                c.border, 1.0f);
    const std::size_t n = trend.size();
    auto at = [&](std::size_t i) {
        float x = pos.x + pad + (n > 1 ? (w - 2 * pad) * static_cast<float>(i) / (n - 1) : 0);
        float y = pos.y + h - pad -
                  (h - 2 * pad) * static_cast<float>(trend[i].raised) / static_cast<float>(most);
        return ImVec2(x, y);
    };
    for (std::size_t i = 1; i < n; ++i) dl->AddLine(at(i - 1), at(i), c.primary, 2.5f);
    for (std::size_t i = 0; i < n; ++i) dl->AddCircleFilled(at(i), 4.0f, c.primary);
    // The largest month's count on the chart, so that the scale reads.
    std::string top = std::to_string(most);
    dl->AddText(ImVec2(pos.x + pad, pos.y + 2), c.muted, top.c_str());
    ImGui::Dummy(ImVec2(w, h));
    ui::text(t.format("report.trend_span", {{"from", trend.front().month},
                                            {"to", trend.back().month}}),
             "trend-span", ui::Tone::muted);
    // The points as text too: the snapshot (and a screen reader) can read the line.
    std::string points;
    for (const auto& p : trend)
        points += (points.empty() ? "" : " · ") + p.month.substr(5) + ":" + std::to_string(p.raised);
    ui::text(points, "trend-points", ui::Tone::muted);
}

}  // namespace yishi::web
