// #/board: 督办台账 — every task of a street's (or a community's) councils and its CPPCC, its
// status against the due date, filters and sorting, the per-unit figures, and the rows as CSV.
// Department staff see their unit's own view (what the unit owes, oldest due first).
#include <algorithm>
#include <tuple>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

namespace {

using client::BoardFilter;

void load(Intents& intents, const BoardFilter& f) {
    intents.push_back(client::FollowIntent{client::LoadBoard{f}});
}

// One row of choices (全部 first); a pick loads the board with the filter changed.
template <typename Options, typename Label, typename Pick>
void choices(const ClientState& state, const std::string& title, const std::string& id_prefix,
             bool all_chosen, const Options& options, Label label, Pick pick) {
    const auto& t = state.strings;
    ui::text(title, id_prefix + "-label", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    std::string all = ui::labelled(t.get("board.all"), id_prefix + "-all");
    ui::flow(ui::button_width(all), right, true);
    if (ui::choice(all, all_chosen)) pick(nullptr);
    for (std::size_t i = 0; i < options.size(); ++i) {
        auto [text, key, chosen] = label(options[i], i);
        std::string l = ui::labelled(text, id_prefix + "-" + key);
        ui::flow(ui::button_width(l), right, false);
        if (ui::choice(l, chosen)) pick(&options[i]);
    }
}

void filters(const ClientState& state, const Board& board, BoardUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const BoardFilter& f = state.follow.board_filter;
    const auto& o = board.filters;
    ui::Card card;
    ui::begin_card(card, 16.0f);
    if (!o.units.empty())
        choices(state, t.get("board.unit"), "filter-unit", f.unit.empty(), o.units,
                [&](const std::string& u, std::size_t i) {
                    return std::tuple{u, std::to_string(i), f.unit == u};
                },
                [&](const std::string* u) {
                    BoardFilter g = f;
                    g.unit = u ? *u : "";
                    load(intents, g);
                });
    auto named = [&](const char* title, const char* prefix, Id chosen,
                     const std::vector<NamedId>& list, Id BoardFilter::*field) {
        if (list.empty()) return;
        choices(state, t.get(title), prefix, chosen == 0, list,
                [&](const NamedId& n, std::size_t) {
                    return std::tuple{n.name, std::to_string(n.id), chosen == n.id};
                },
                [&](const NamedId* n) {
                    BoardFilter g = f;
                    g.*field = n ? n->id : 0;
                    load(intents, g);
                });
    };
    // A street's board filters by community; a community's board is already one.
    if (board.scope.kind != "community")
        named("board.community", "filter-community",
              f.street_id != 0 ? f.community_id : (board.scope.kind == "unit" ? f.community_id : 0),
              o.communities, &BoardFilter::community_id);
    named("board.council", "filter-council", f.council_id, o.councils, &BoardFilter::council_id);
    named("board.grid", "filter-grid", f.grid_id, o.grids, &BoardFilter::grid_id);
    std::vector<std::string> statuses;
    for (auto s : kBoardStatuses) statuses.push_back(to_string(s));
    choices(state, t.get("board.status"), "filter-status", f.status.empty(), statuses,
            [&](const std::string& s, std::size_t) {
                return std::tuple{t.get("board_status." + s), s, f.status == s};
            },
            [&](const std::string* s) {
                BoardFilter g = f;
                g.status = s ? *s : "";
                load(intents, g);
            });
    // The period: tasks created from one month to another, typed as YYYY-MM.
    ui::text(t.get("board.period"), "period-label", ui::Tone::muted);
    float half = (ui::avail_width() - 8) * 0.5f;
    // Side by side when both labels fit in half the line (large text on a phone: one above
    // the other).
    const std::string& from_label = t.get("board.from");
    const std::string& to_label = t.get("board.to");
    bool side_by_side = std::max(ImGui::CalcTextSize(from_label.c_str()).x,
                                 ImGui::CalcTextSize(to_label.c_str()).x) <= half;
    ImGui::PushItemWidth(side_by_side ? half : ui::avail_width());
    ImGui::BeginGroup();
    ui::input_text(ui::labelled(from_label, "board-from"), ui.from);
    ImGui::EndGroup();
    if (side_by_side) ImGui::SameLine(0, 8);
    ImGui::BeginGroup();
    ui::input_text(ui::labelled(to_label, "board-to"), ui.to);
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    if (ui::button(ui::labelled(t.get("board.apply_period"), "board-apply"))) {
        BoardFilter g = f;
        g.from = ui.from;
        g.to = ui.to;
        load(intents, g);
    }
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("board.clear"), "board-clear"))) {
        ui.from.clear();
        ui.to.clear();
        BoardFilter g;
        g.street_id = f.street_id;
        if (board.scope.kind == "community") g.community_id = f.community_id;
        load(intents, g);
    }
    ui::end_card(card);
}

void row(const ClientState& state, const BoardRow& r, Intents& intents) {
    const auto& t = state.strings;
    const std::string id = std::to_string(r.task_id);
    ui::Card card;
    ui::begin_card(card, 14.0f);
    const auto& c = theme::colors();
    bool late = r.status == BoardStatus::overdue;
    ui::badge(t.get(std::string("board_status.") + to_string(r.status)), "row-status-" + id,
              late ? c.error_bg : c.listed_bg, late ? c.error_text : c.listed_text);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::text(t.get(r.source == BoardSource::consultation ? "board.source_cppcc"
                                                          : "board.source_council"),
             "row-source-" + id, ui::Tone::muted);
    ui::text(r.subject_title, "row-title-" + id);
    std::string place = r.community_name;
    for (const std::string* part : {&r.council_name, &r.grid_name})
        if (!part->empty()) place += (place.empty() ? "" : " · ") + *part;
    if (!place.empty()) ui::text(place, "row-place-" + id, ui::Tone::muted);
    ui::text(t.format("board.row_unit", {{"unit", r.responsible_unit}}), "row-unit-" + id);
    ui::text(t.format("board.row_due", {{"due", client::local_date(r.due_at)}}), "row-due-" + id,
             ui::Tone::muted);
    if (r.days_overdue > 0)
        ui::text(t.format("board.row_overdue", {{"days", std::to_string(r.days_overdue)}}),
                 "row-overdue-" + id, ui::Tone::error);
    if (r.latest_progress)
        ui::text(t.format("board.row_progress", {{"text", r.latest_progress->text},
                                                 {"at", client::local_date(r.latest_progress->at)}}),
                 "row-progress-" + id, ui::Tone::muted);
    const auto& k = r.ratings;
    if (k.satisfied + k.basically_satisfied + k.unsatisfied > 0)
        ui::text(t.format("task.ratings", {{"satisfied", std::to_string(k.satisfied)},
                                           {"basic", std::to_string(k.basically_satisfied)},
                                           {"unsatisfied", std::to_string(k.unsatisfied)}}),
                 "row-ratings-" + id, ui::Tone::muted);
    if (r.source == BoardSource::council &&
        ui::button(ui::labelled(t.get("board.open_task"), "row-open-" + id), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::task, r.task_id, {}}, false});
    ui::end_card(card);
}

// 上一页 · 第 k 页，共 n 条 · 下一页: the server sends one page of the rows at a time.
void pages(const ClientState& state, const Board& b, Intents& intents) {
    const auto& t = state.strings;
    client::BoardPaging p = client::board_paging(b);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    std::string prev = ui::labelled(t.get("board_page.previous"), "board-prev");
    std::string next = ui::labelled(t.get("board_page.next"), "board-next");
    std::string where = t.format("board_page.page", {{"page", std::to_string(p.page)},
                                                     {"total", std::to_string(b.total)}});
    ui::flow(ui::button_width(prev), right, true);
    if (ui::button(prev, ui::ButtonKind::secondary, !p.has_previous || state.loading()))
        intents.push_back(client::FollowIntent{client::PageBoard{-1}});
    ui::flow(ImGui::CalcTextSize(where.c_str()).x, right, false);
    ImGui::AlignTextToFramePadding();
    ui::text(where, "board-page");
    ui::flow(ui::button_width(next), right, false);
    if (ui::button(next, ui::ButtonKind::secondary, !p.has_next || state.loading()))
        intents.push_back(client::FollowIntent{client::PageBoard{1}});
}

std::string permille(const ClientState& state, std::int64_t p) {
    if (p < 0) return "—";
    return state.strings.format("board.percent", {{"whole", std::to_string(p / 10)},
                                                  {"tenth", std::to_string(p % 10)}});
}

// The department league table: one line per unit, best first (the server's order).
void units(const ClientState& state, const std::vector<UnitFigures>& list) {
    const auto& t = state.strings;
    ui::heading(t.get("board.units"), "units-title");
    if (list.empty()) return ui::text(t.get("board.no_units"), "units-empty", ui::Tone::muted);
    static constexpr const char* kHeads[] = {"board.col_unit", "board.col_received",
                                             "board.col_on_time", "board.col_overdue",
                                             "board.col_days", "board.col_satisfied"};
    static constexpr const char* kKeys[] = {"name", "received", "on-time", "overdue", "days",
                                            "satisfied"};
    // Six columns do not fit a phone: there each unit is a card of labelled lines.
    const bool phone = ui::avail_width() < 600.0f;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_SizingStretchProp;
    if (!phone && !ImGui::BeginTable("##units", 6, flags)) return;
    if (!phone) {
        for (const char* h : kHeads) ImGui::TableSetupColumn(t.get(h).c_str());
        ImGui::TableHeadersRow();
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& u = list[i];
        const std::string n = std::to_string(i);
        std::string days = u.reply_days_tenths < 0
                               ? "—"
                               : std::to_string(u.reply_days_tenths / 10) + "." +
                                     std::to_string(u.reply_days_tenths % 10);
        const std::string cells[] = {u.unit, std::to_string(u.received),
                                     std::to_string(u.answered_on_time),
                                     std::to_string(u.overdue_now), days,
                                     permille(state, u.satisfied_permille)};
        if (phone) {
            ui::Card card;
            ui::begin_card(card, 14.0f);
            for (int col = 0; col < 6; ++col) {
                if (col > 0) {
                    ui::text(t.get(kHeads[col]), {}, ui::Tone::muted);
                    ImGui::SameLine();
                }
                ui::text(cells[col], std::string("unit-") + kKeys[col] + "-" + n);
            }
            ui::end_card(card);
            continue;
        }
        ImGui::TableNextRow();
        for (int col = 0; col < 6; ++col) {
            ImGui::TableSetColumnIndex(col);
            ui::text(cells[col], std::string("unit-") + kKeys[col] + "-" + n);
        }
    }
    if (!phone) ImGui::EndTable();
}

}  // namespace

void draw_board(const ClientState& state, BoardUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& f = state.follow;
    ui::heading(t.get("board.title"), "board-title");
    // A platform administrator picks the street first.
    if (state.session.admin && state.session.admin->level == AdminLevel::platform) {
        float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
        bool first = true;
        for (const auto& s : state.admin.tree.streets) {
            std::string l = ui::labelled(s.name, "board-street-" + std::to_string(s.id));
            ui::flow(ui::button_width(l), right, first);
            first = false;
            if (ui::choice(l, f.board_filter.street_id == s.id)) {
                BoardFilter g;
                g.street_id = s.id;
                load(intents, g);
            }
        }
        if (f.board_filter.street_id == 0 && f.board_filter.community_id == 0) {
            ui::text(t.get("board.pick_street"), "board-pick", ui::Tone::muted);
            return;
        }
    }
    if (!f.board) {
        ui::text(t.get("app.loading"), "board-loading", ui::Tone::muted);
        return;
    }
    const Board& b = *f.board;
    ui::text(t.format(b.scope.kind == "unit" ? "board.scope_unit" : "board.scope",
                      {{"name", b.scope.name}}),
             "board-scope", ui::Tone::muted);
    filters(state, b, ui, intents);

    const auto& c = f.board_filter;
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    std::string by_due = ui::labelled(t.get("board.sort_due"), "sort-due");
    std::string by_overdue = ui::labelled(t.get("board.sort_overdue"), "sort-overdue");
    ui::flow(ui::button_width(by_due), right, true);
    if (ui::choice(by_due, c.sort != "overdue") && c.sort == "overdue") {
        BoardFilter g = c;
        g.sort = "due";
        load(intents, g);
    }
    ui::flow(ui::button_width(by_overdue), right, false);
    if (ui::choice(by_overdue, c.sort == "overdue") && c.sort != "overdue") {
        BoardFilter g = c;
        g.sort = "overdue";
        load(intents, g);
    }
    // The board's rows as CSV (a unit's own view has no export of its own).
    if (b.scope.kind != "unit") {
        std::string csv = ui::labelled(t.get("board.csv"), "board-csv");
        ui::flow(ui::button_width(csv), right, false);
        if (ui::button(csv, ui::ButtonKind::secondary, state.loading()))
            intents.push_back(client::FollowIntent{client::DownloadFile{
                "/api/board.csv" + client::board_query(c), t.get("files.board_file"), "text/csv"}});
    }

    ui::text(t.format("board.count", {{"count", std::to_string(b.total)}}), "board-count");
    if (b.rows.empty()) ui::text(t.get("board.empty"), "board-empty", ui::Tone::muted);
    for (const auto& r : b.rows) row(state, r, intents);
    pages(state, b, intents);
    ImGui::Dummy(ImVec2(0, 8));
    units(state, b.units);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
