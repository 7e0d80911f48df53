// #/community/<id> (管理 · one community): its councils and grids, the roster import with its
// preview, the invite sheet, and the members with search, filters and their actions.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

using client::AdminIntent;

namespace {

constexpr std::size_t kMembersShown = 50;  // a long list is narrowed by the search

void councils_card(const ClientState& state, const client::AdminCommunity& c, bool allowed,
                   CommunityUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.councils_title"), "councils-title");
    if (c.councils.empty()) ui::text(t.get("admin.no_councils"), "no-councils", ui::Tone::muted);
    for (const auto& k : c.councils)
        ui::text(t.format("admin.council_line",
                          {{"name", k.name}, {"kind", t.get(council_kind_key(k.kind))},
                           {"n", std::to_string(k.member_count)}}),
                 "council-" + std::to_string(k.id));
    ImGui::Dummy(ImVec2(0, 4));
    ui::input_text(ui::labelled(t.get("admin.council_name"), "council-name"), ui.council_name,
                   allowed ? 0 : ImGuiInputTextFlags_ReadOnly);
    ui::text(t.get("admin.council_kind"), "council-kind", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const char* kind : client::kCouncilKinds) {
        std::string label = ui::labelled(t.get(council_kind_key(kind)), std::string("kind-") + kind);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.council_kind == kind)) ui.council_kind = kind;
    }
    if (ui::button(ui::labelled(t.get("admin.add_council"), "add-council"),
                   ui::ButtonKind::primary, !allowed || state.submitting))
        intents.push_back(AdminIntent{client::CreateUnit{"council", c.id, ui.council_name, ui.council_kind}});
    ui::end_card(card);

    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.grids_title"), "grids-title");
    if (c.grids.empty()) ui::text(t.get("admin.no_grids"), "no-grids", ui::Tone::muted);
    for (const auto& g : c.grids) ui::text(g.name, "grid-" + std::to_string(g.id));
    ui::input_text(ui::labelled(t.get("admin.grid_name"), "grid-name"), ui.grid_name,
                   allowed ? 0 : ImGuiInputTextFlags_ReadOnly);
    if (ui::button(ui::labelled(t.get("admin.add_grid"), "add-grid"), ui::ButtonKind::secondary,
                   !allowed || state.submitting))
        intents.push_back(AdminIntent{client::CreateUnit{"grid", c.id, ui.grid_name, {}}});
    ui::end_card(card);
}

// Choices of the community's councils; the first is picked until the user picks another.
Id council_choices(const ClientState& state, const client::AdminCommunity& c, Id& picked,
                   const std::string& id_prefix) {
    if (picked == 0 && !c.councils.empty()) picked = c.councils.front().id;
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& k : c.councils) {
        std::string label = ui::labelled(k.name, id_prefix + std::to_string(k.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, picked == k.id)) picked = k.id;
    }
    (void)state;
    return picked;
}

void roster_card(const ClientState& state, const client::AdminCommunity& c, bool allowed,
                 CommunityUi& ui, Intents& intents) {
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.roster_title"), "roster-title");
    ui::text(t.get("admin.roster_hint"), "roster-hint", ui::Tone::muted);
    if (c.councils.empty()) {
        ui::text(t.get("admin.roster_needs_council"), "roster-needs-council", ui::Tone::muted);
        ui::end_card(card);
        return;
    }
    Id council = council_choices(state, c, ui.roster_council, "roster-council-");
    if (ui::button(ui::labelled(t.get("admin.roster_pick"), "roster-pick"),
                   ui::ButtonKind::primary, !allowed || state.submitting))
        intents.push_back(AdminIntent{client::PickRosterFile{c.id, council}});
    const auto& r = state.admin.roster;
    if (r && r->community_id == c.id && !r->file_name.empty()) {
        ui::text(t.format("admin.roster_file", {{"name", r->file_name}}), "roster-file");
        if (r->preview) {
            const auto& p = *r->preview;
            ui::text(t.format(p.written ? "admin.roster_written" : "admin.roster_accepted",
                              {{"n", std::to_string(p.accepted.size())}}),
                     "roster-accepted", p.written ? ui::Tone::success : ui::Tone::normal);
            for (const auto& row : p.accepted)
                ui::text(t.format("admin.roster_row",
                                  {{"line", std::to_string(row.line)}, {"name", row.name},
                                   {"household", row.household}, {"grid", row.grid},
                                   {"area", row.floor_area}}),
                         "accepted-" + std::to_string(row.line), ui::Tone::muted);
            ui::text(t.format("admin.roster_refused", {{"n", std::to_string(p.refused.size())}}),
                     "roster-refused", p.refused.empty() ? ui::Tone::muted : ui::Tone::error);
            for (const auto& x : p.refused)
                ui::text(t.format("admin.roster_refusal",
                                  {{"line", std::to_string(x.line)}, {"reason", x.message}}),
                         "refused-" + std::to_string(x.line), ui::Tone::error);
            if (!p.written) {
                if (ui::button(ui::labelled(t.get("admin.roster_confirm"), "roster-confirm"),
                               ui::ButtonKind::primary, p.accepted.empty() || state.submitting))
                    intents.push_back(AdminIntent{client::ConfirmRoster{}});
                ImGui::SameLine();
                if (ui::button(ui::labelled(t.get("admin.roster_cancel"), "roster-cancel")))
                    intents.push_back(AdminIntent{client::CancelRoster{}});
            }
        }
    }
    ui::end_card(card);

    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.sheet_title"), "sheet-title");
    ui::text(t.get("admin.sheet_hint"), "sheet-hint", ui::Tone::muted);
    if (ui::button(ui::labelled(t.get("admin.sheet_download"), "invite-sheet"),
                   ui::ButtonKind::primary, !allowed || state.submitting))
        intents.push_back(AdminIntent{client::DownloadInviteSheet{c.id}});
    ui::end_card(card);

    // The community's issues and tasks as CSV files a spreadsheet opens.
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("files.exports_title"), "exports-title");
    const std::string cid = std::to_string(c.id);
    if (ui::button(ui::labelled(t.get("files.issues_csv"), "issues-csv"), ui::ButtonKind::secondary,
                   state.loading()))
        intents.push_back(client::FollowIntent{client::DownloadFile{
            "/api/communities/" + cid + "/issues.csv",
            t.format("files.issues_file", {{"id", cid}}), "text/csv"}});
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("files.tasks_csv"), "tasks-csv"), ui::ButtonKind::secondary,
                   state.loading()))
        intents.push_back(client::FollowIntent{client::DownloadFile{
            "/api/communities/" + cid + "/tasks.csv",
            t.format("files.tasks_file", {{"id", cid}}), "text/csv"}});
    ui::end_card(card);
}

void member_row(const ClientState& state, const client::AdminMember& m, Id council,
                bool allowed, CommunityUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(m.id);
    std::string line = m.name + (m.login.empty() ? t.get("admin.not_activated")
                                                  : "（" + m.login + "）");
    if (!m.household.empty()) line += " · " + m.household;
    if (!m.grid.empty()) line += " · " + m.grid;
    line += " · " + t.get(role_key(m.role));
    if (!m.active) line += " · " + t.get("admin.inactive");
    ui::text(line, "member-" + n, m.active ? ui::Tone::normal : ui::Tone::muted);
    if (!m.active || !allowed) return;
    static const char* const kRoles[] = {"resident", "council_member", "convenor"};
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const char* role : kRoles) {
        std::string label = ui::labelled(t.get(role_key(role)), "role-" + n + "-" + role);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, m.role == role) && m.role != role)
            intents.push_back(AdminIntent{client::SetMemberRole{m.id, council, role}});
    }
    std::string reset = ui::labelled(t.get("admin.reset_code"), "reset-code-" + n);
    ui::flow(ui::button_width(reset), right, false);
    if (ui::button(reset, ui::ButtonKind::secondary, state.submitting))
        intents.push_back(AdminIntent{client::IssueResetCode{m.id, m.name}});
    std::string off = ui::labelled(t.get("admin.deactivate"), "deactivate-" + n);
    ui::flow(ui::button_width(off), right, false);
    if (ui::button(off, ui::ButtonKind::quiet)) {
        ui.deactivating = m.id;
        ui.reason.clear();
    }
    if (ui.deactivating != m.id) return;
    ui::text(t.format("admin.deactivate_confirm_hint", {{"name", m.name}}), "deactivate-hint",
             ui::Tone::error);
    ui::input_text(ui::labelled(t.get("admin.deactivate_reason"), "deactivate-reason"),
                   ui.reason);
    if (ui::button(ui::labelled(t.get("admin.deactivate_confirm"), "deactivate-confirm"),
                   ui::ButtonKind::primary, state.submitting)) {
        intents.push_back(AdminIntent{client::DeactivateMember{m.id, ui.reason}});
        ui.deactivating = 0;
    }
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("admin.cancel"), "deactivate-cancel"))) ui.deactivating = 0;
}

void members_card(const ClientState& state, const client::AdminCommunity& c, bool allowed,
                  CommunityUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& a = state.admin;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.members_title"), "members-title");
    bool go = ui::input_text(ui::labelled(t.get("admin.filter_q"), "filter-q"), ui.filter.q,
                             ImGuiInputTextFlags_EnterReturnsTrue);
    ui::input_text(ui::labelled(t.get("admin.filter_grid"), "filter-grid"), ui.filter.grid);
    ui::input_text(ui::labelled(t.get("admin.filter_building"), "filter-building"),
                   ui.filter.building);
    static const std::pair<const char*, const char*> kRoleFilters[] = {
        {"", "admin.all_roles"},
        {"resident", "admin.role_resident"},
        {"council_member", "admin.role_council_member"},
        {"convenor", "admin.role_convenor"},
    };
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (const auto& [role, key] : kRoleFilters) {
        std::string label = ui::labelled(t.get(key), std::string("filter-role-") + (*role ? role : "all"));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.filter.role == role)) ui.filter.role = role, go = true;
    }
    static const std::pair<const char*, const char*> kActive[] = {
        {"", "admin.all_members"}, {"1", "admin.active_members"}, {"0", "admin.inactive_members"}};
    first = true;
    for (const auto& [v, key] : kActive) {
        std::string label = ui::labelled(t.get(key), std::string("filter-active-") + (*v ? v : "all"));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.filter.active == v)) ui.filter.active = v, go = true;
    }
    go |= ui::button(ui::labelled(t.get("admin.filter_apply"), "filter-apply"),
                     ui::ButtonKind::primary);
    if (go) intents.push_back(AdminIntent{client::LoadMembers{c.id, ui.filter}});

    if (!c.councils.empty()) {
        ui::text(t.get("admin.role_in_council"), "role-council", ui::Tone::muted);
        council_choices(state, c, ui.role_council, "role-council-");
    }
    if (!a.members_loaded || a.members_community != c.id) {
        ui::text(t.get("app.loading"), "members-loading", ui::Tone::muted);
    } else if (a.members.empty()) {
        ui::text(t.get("admin.no_members"), "no-members", ui::Tone::muted);
    } else {
        ui::text(t.format(a.members.size() > kMembersShown ? "admin.members_many" : "admin.members_count",
                          {{"n", std::to_string(a.members.size())},
                           {"shown", std::to_string(kMembersShown)}}),
                 "members-count", ui::Tone::muted);
        std::size_t shown = 0;
        for (const auto& m : a.members) {
            if (++shown > kMembersShown) break;
            ImGui::Separator();
            member_row(state, m, ui.role_council, allowed, ui, intents);
        }
    }
    ui::end_card(card);
}

}  // namespace

void draw_admin_community(const ClientState& state, CommunityUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& a = state.admin;
    if (a.created != ui.created_seen) {
        ui.created_seen = a.created;
        ui.council_name.clear();
        ui.grid_name.clear();
    }
    if (ui::button(ui::labelled(t.get("admin.back"), "back-admin"), ui::ButtonKind::quiet))
        intents.push_back(client::Navigate{client::Route{client::Page::admin}, false});
    Id street = 0;
    const auto* c = a.tree.find_community(state.route.id, &street);
    if (!c) {
        ui::text(t.get(a.tree_loaded ? "admin.no_community" : "app.loading"), "community-missing",
                 ui::Tone::muted);
        return;
    }
    ui::heading(c->name, "community-title");
    bool allowed = !may_manage_community(state.session.admin, Place{street, c->id});
    if (!allowed) ui::text(t.get("admin.read_only"), "read-only", ui::Tone::muted);
    draw_one_time_code(state, intents);
    councils_card(state, *c, allowed, ui, intents);
    roster_card(state, *c, allowed, ui, intents);
    members_card(state, *c, allowed, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
