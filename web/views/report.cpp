// #/report: 群众需求月报 — a street's or a community's month: issues raised, accepted and
// answered, times to acceptance and to reply (median, 90th percentile), on-time and satisfied
// shares against the previous month; bars by category and by grid; the 12-month trend; the same
// report as PDF and its rows as CSV.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

using client::ReportFigures;
using client::ReportPick;

void load(Intents& intents, ReportPick p) {
    intents.push_back(client::FollowIntent{client::LoadReport{std::move(p)}});
}

// Seconds as days with one decimal (exact integer division), hours under a day; — when none.
std::string duration(const ClientState& state, std::int64_t s) {
    const auto& t = state.strings;
    if (s < 0) return "—";
    if (s < 86400) return t.format("report.hours", {{"n", std::to_string(s / 3600)}});
    std::int64_t tenths = s * 10 / 86400;
    return t.format("report.days", {{"n", std::to_string(tenths / 10) + "." + std::to_string(tenths % 10)}});
}

std::string share(const ClientState& state, std::int64_t permille, std::int64_t num,
                  std::int64_t den) {
    if (permille < 0) return "—";
    return state.strings.format("report.share", {{"whole", std::to_string(permille / 10)},
                                                 {"tenth", std::to_string(permille % 10)},
                                                 {"num", std::to_string(num)},
                                                 {"den", std::to_string(den)}});
}

// The scope: the streets and communities the administrator reaches, from the admin tree.
void scope_picker(const ClientState& state, const ReportPick& pick, Intents& intents) {
    const auto& t = state.strings;
    const auto& a = state.session.admin;
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    auto option = [&](const std::string& label, const std::string& id, bool chosen, ReportPick p) {
        std::string l = ui::labelled(label, id);
        ui::flow(ui::button_width(l), right, first);
        first = false;
        if (ui::choice(l, chosen) && !chosen) load(intents, std::move(p));
    };
    for (const auto& s : state.admin.tree.streets) {
        bool street_ok = a && (a->level == AdminLevel::platform ||
                               (a->level == AdminLevel::street && a->id == s.id));
        if (street_ok)
            option(t.format("report.street", {{"name", s.name}}),
                   "report-street-" + std::to_string(s.id),
                   pick.kind == "street" && pick.id == s.id, {"street", s.id, pick.month});
        for (const auto& c : s.communities) {
            if (!street_ok && !(a && a->level == AdminLevel::community && a->id == c.id)) continue;
            option(c.name, "report-community-" + std::to_string(c.id),
                   pick.kind == "community" && pick.id == c.id, {"community", c.id, pick.month});
        }
    }
}

void figures(const ClientState& state, const ReportFigures& now, const ReportFigures& before) {
    const auto& t = state.strings;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##figures", 3, flags)) return;
    ImGui::TableSetupColumn(t.get("report.col_measure").c_str());
    ImGui::TableSetupColumn(t.get("report.col_month").c_str());
    ImGui::TableSetupColumn(t.get("report.col_previous").c_str());
    ImGui::TableHeadersRow();
    auto line = [&](const char* key, const char* id, std::string a, std::string b) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ui::text(t.get(key));
        ImGui::TableSetColumnIndex(1);
        ui::text(a, std::string("fig-") + id);
        ImGui::TableSetColumnIndex(2);
        ui::text(b, std::string("prev-") + id);
    };
    auto both = [&](const char* key, const char* id, auto f) { line(key, id, f(now), f(before)); };
    both("report.raised", "raised", [](const ReportFigures& f) { return std::to_string(f.raised); });
    both("report.accepted", "accepted", [](const ReportFigures& f) { return std::to_string(f.accepted); });
    both("report.answered", "answered", [](const ReportFigures& f) { return std::to_string(f.answered); });
    both("report.accept_median", "accept-median",
         [&](const ReportFigures& f) { return duration(state, f.accept_median_s); });
    both("report.accept_p90", "accept-p90",
         [&](const ReportFigures& f) { return duration(state, f.accept_p90_s); });
    both("report.reply_median", "reply-median",
         [&](const ReportFigures& f) { return duration(state, f.reply_median_s); });
    both("report.reply_p90", "reply-p90",
         [&](const ReportFigures& f) { return duration(state, f.reply_p90_s); });
    both("report.on_time", "on-time", [&](const ReportFigures& f) {
        return share(state, f.answered_on_time_permille, f.answered_on_time, f.raised);
    });
    both("report.satisfied", "satisfied", [&](const ReportFigures& f) {
        return share(state, f.satisfied_permille, f.satisfied, f.ratings);
    });
    ImGui::EndTable();
}

}  // namespace

void draw_report(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& f = state.follow;
    const ReportPick& pick = f.report_pick;
    ui::heading(t.get("report.title"), "report-title");
    scope_picker(state, pick, intents);
    if (pick.id == 0) {
        ui::text(t.get("report.pick_scope"), "report-pick", ui::Tone::muted);
        return;
    }
    if (!f.report) {
        ui::text(t.get("app.loading"), "report-loading", ui::Tone::muted);
        return;
    }
    const client::ReportView& r = *f.report;
    // The month: one step back or forward (the server defaults to the current month).
    if (ui::button(ui::labelled(t.get("report.prev_month"), "report-prev"))) {
        ReportPick p = pick;
        p.month = client::shift_month(r.month, -1);
        load(intents, p);
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::text(t.format("report.heading", {{"name", r.scope.name}, {"month", r.month}}),
             "report-month");
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("report.next_month"), "report-next"))) {
        ReportPick p = pick;
        p.month = client::shift_month(r.month, 1);
        load(intents, p);
    }
    ReportPick shown = pick;
    shown.month = r.month;
    std::string q = client::report_query(shown);
    if (ui::button(ui::labelled(t.get("report.pdf"), "report-pdf"), ui::ButtonKind::primary,
                   state.loading()))
        intents.push_back(client::FollowIntent{client::DownloadFile{
            "/api/report.pdf" + q, t.format("files.report_pdf", {{"month", r.month}}),
            "application/pdf"}});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("report.csv"), "report-csv"), ui::ButtonKind::secondary,
                   state.loading()))
        intents.push_back(client::FollowIntent{client::DownloadFile{
            "/api/report.csv" + q, t.format("files.report_csv", {{"month", r.month}}), "text/csv"}});

    ui::Card card;
    ui::begin_card(card, 16.0f);
    ui::heading(t.get("report.figures"), "report-figures");
    figures(state, r.figures, r.previous);
    ui::end_card(card);

    ui::begin_card(card, 16.0f);
    ui::heading(t.get("report.by_category"), "report-categories");
    draw_count_bars(state, r.by_category, "cat");
    ui::end_card(card);

    ui::begin_card(card, 16.0f);
    ui::heading(t.get("report.by_grid"), "report-grids");
    draw_count_bars(state, r.by_grid, "grid");
    ui::end_card(card);

    ui::begin_card(card, 16.0f);
    ui::heading(t.get("report.trend"), "report-trend");
    draw_trend_line(state, r.trend);
    ui::end_card(card);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
