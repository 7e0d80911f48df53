// The sections under the bar. On a desktop every section shows, wrapping if need be; on a
// phone one row: the sections the person uses most, the current one, and 更多 (more) which
// unfolds the rest, so that the screen's own content starts near the top.
#include <algorithm>
#include <vector>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

using client::Page;

struct Item {
    Page page;
    const char* key;
    const char* id;
};

constexpr Item kItems[] = {
    {Page::home, "nav.home", "nav-home"},
    {Page::issues, "nav.issues", "nav-issues"},
    {Page::sessions, "nav.sessions", "nav-sessions"},
    {Page::notices, "nav.notices", "nav-notices"},
    {Page::tasks, "nav.tasks", "nav-tasks"},
    {Page::cppccs, "cppcc.nav", "nav-cppcc"},
    {Page::consultation_tasks, "cppcc.nav_tasks", "nav-consultation-tasks"},
    {Page::notifications, "nav.notifications", "nav-notifications"},
    {Page::board, "nav.board", "nav-board"},
    {Page::report, "nav.report", "nav-report"},
    {Page::settings, "nav.settings", "nav-settings"},
    {Page::admin, "admin.nav", "nav-admin"},
};

constexpr float kPhoneColumn = 600.0f;  // CSS px: narrower than this is a phone

// The section a page belongs to, for the highlighted nav item.
Page section_of(Page p) {
    switch (p) {
        case Page::issue:
        case Page::new_issue: return Page::issues;
        case Page::session:
        case Page::ballot: return Page::sessions;
        case Page::task: return Page::tasks;
        case Page::admin_community: return Page::admin;
        case Page::cppcc:
        case Page::consultation:
        case Page::consultation_record: return Page::cppccs;
        default: return p;
    }
}

// The sections this person may open: 管理 for administrators, 建议办理 for departments,
// 督办台账 for administrators and departments (their unit's own view), 需求月报 for
// administrators.
std::vector<const Item*> sections(const ClientState& state) {
    bool admin = state.session.admin.has_value();
    bool department = state.session.member.role == "department";
    std::vector<const Item*> out;
    for (const auto& item : kItems) {
        if (item.page == Page::admin && !admin) continue;
        if (item.page == Page::consultation_tasks && !department) continue;
        if (item.page == Page::board && !admin && !department) continue;
        if (item.page == Page::report && !admin) continue;
        out.push_back(&item);
    }
    return out;
}

// A phone's order: 首页, then what the person's role works in, then the rest as listed.
std::vector<const Item*> phone_order(const ClientState& state, std::vector<const Item*> items) {
    const std::string& role = state.session.member.role;
    auto rank = [&](const Item* i) {
        if (i->page == Page::home) return 0;
        if (role == "department" && (i->page == Page::consultation_tasks || i->page == Page::board))
            return 1;
        if (role == "cppcc_member" && i->page == Page::cppccs) return 1;
        if (state.session.admin && i->page == Page::admin) return 1;
        return 2;
    };
    std::stable_sort(items.begin(), items.end(),
                     [&](const Item* a, const Item* b) { return rank(a) < rank(b); });
    return items;
}

bool nav_button(const ClientState& state, const Item& item, Page here, float right, bool first,
                Intents& intents) {
    std::string label = ui::labelled(state.strings.get(item.key), item.id);
    ui::flow(ui::button_width(label), right, first);
    if (!ui::choice(label, here == item.page)) return false;
    intents.push_back(client::Navigate{client::Route{item.page}, false});
    return true;
}

}  // namespace

void draw_nav(const ClientState& state, NavUi& ui, Intents& intents, float column_x,
              float column_w) {
    if (!state.logged_in()) return;
    const Page here = section_of(state.route.page);
    const float right = column_x + column_w;
    std::vector<const Item*> items = sections(state);
    ImGui::SetCursorScreenPos(ImVec2(column_x, ImGui::GetCursorScreenPos().y));
    ImGui::BeginGroup();
    if (column_w >= kPhoneColumn) {
        bool first = true;
        for (const Item* item : items) {
            nav_button(state, *item, here, right, first, intents);
            first = false;
        }
    } else {
        items = phone_order(state, std::move(items));
        const auto& t = state.strings;
        std::string more = ui::labelled(t.get(ui.more ? "elder.nav_less" : "elder.nav_more"),
                                        "nav-more");
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        // As many as fit on the row beside 更多, the current section always among them.
        auto width = [&](const Item* i) {
            return ui::button_width(ui::labelled(t.get(i->key), i->id)) + gap;
        };
        const Item* current = nullptr;
        for (const Item* i : items)
            if (i->page == here) current = i;
        float used = current ? width(current) : 0;
        const float room = column_w - ui::button_width(more);
        std::vector<const Item*> row, rest;
        for (const Item* i : items) {
            if (i == current) {
                row.push_back(i);
            } else if (rest.empty() && used + width(i) <= room) {
                row.push_back(i);
                used += width(i);
            } else {
                rest.push_back(i);
            }
        }
        bool first = true;
        for (const Item* i : row) {
            nav_button(state, *i, here, right, first, intents);
            first = false;
        }
        if (!rest.empty()) {
            ui::flow(ui::button_width(more), right, first);
            if (ui::choice(more, ui.more)) ui.more = !ui.more;
            bool next_row = true;
            for (std::size_t k = 0; ui.more && k < rest.size(); ++k) {
                if (nav_button(state, *rest[k], here, right, next_row, intents)) ui.more = false;
                next_row = false;
            }
        }
    }
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(column_x, ImGui::GetItemRectMax().y + theme::kGap));
}

}  // namespace yishi::web
