// #/admin (管理): the organisation's tree as far as the administrator's scope reaches, the
// forms that create streets, communities, departments and staff accounts (greyed out where the
// server would refuse), and a one-time code just made.
#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

using client::AdminIntent;

const char* council_kind_key(std::string_view kind) {
    if (kind == "residents_meeting") return "admin.kind_residents_meeting";
    if (kind == "villagers_meeting") return "admin.kind_villagers_meeting";
    if (kind == "villager_representatives") return "admin.kind_villager_representatives";
    if (kind == "owners_assembly") return "admin.kind_owners_assembly";
    return "admin.kind_residents_council";
}

const char* role_key(std::string_view role) {
    if (role == "council_member") return "admin.role_council_member";
    if (role == "convenor") return "admin.role_convenor";
    if (role == "party_committee") return "admin.role_party_committee";
    if (role == "cppcc_member") return "admin.role_cppcc_member";
    if (role == "department") return "admin.role_department";
    if (role == "grid_worker") return "admin.role_grid_worker";
    if (role == "admin") return "admin.role_admin";
    if (role == "street_admin") return "admin.role_street_admin";
    if (role == "community_admin") return "admin.role_community_admin";
    return "admin.role_resident";
}

void draw_one_time_code(const ClientState& state, Intents& intents) {
    const auto& code = state.admin.code;
    if (!code) return;
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get(code->kind == "reset" ? "admin.reset_code_title"
                                            : "admin.activation_code_title"),
                "code-title");
    if (!code->name.empty()) ui::text(code->name, "code-name");
    ui::heading(code->code, "one-time-code");
    ui::text(t.get(code->kind == "reset" ? "admin.reset_code_hint" : "admin.activation_code_hint"),
             "code-hint", ui::Tone::muted);
    if (ui::button(ui::labelled(t.get("admin.copy"), "copy-code"), ui::ButtonKind::primary))
        ImGui::SetClipboardText(code->code.c_str());
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("admin.code_noted"), "dismiss-code")))
        intents.push_back(AdminIntent{client::DismissCode{}});
    ui::end_card(card);
}

namespace {

std::string scope_text(const ClientState& state) {
    const auto& t = state.strings;
    const auto& s = state.session.admin;
    const auto& tree = state.admin.tree;
    if (s && s->level == AdminLevel::street)
        for (const auto& st : tree.streets)
            if (st.id == s->id) return t.format("admin.scope_street", {{"name", st.name}});
    if (s && s->level == AdminLevel::community)
        if (const auto* c = tree.find_community(s->id))
            return t.format("admin.scope_community", {{"name", c->name}});
    return t.get("admin.scope_platform");
}

// A one-line form: a field and its button, the button greyed out when `allowed` is false.
bool add_form(const std::string& field_label, std::string& value, const std::string& button_label,
              bool allowed, bool busy) {
    ui::input_text(field_label, value, allowed ? 0 : ImGuiInputTextFlags_ReadOnly);
    return ui::button(button_label, ui::ButtonKind::secondary, !allowed || busy) && allowed;
}

void street_card(const ClientState& state, const client::AdminStreet& st, AdminUi& ui,
                 CppccAdminUi& cppcc_ui, Intents& intents) {
    const auto& t = state.strings;
    const std::string n = std::to_string(st.id);
    bool allowed = !may_create_in_street(state.session.admin, st.id);
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(st.name, "street-" + n);
    ui::text(t.get("admin.communities"), "communities-" + n, ui::Tone::muted);
    if (st.communities.empty()) ui::text(t.get("admin.no_communities"), "no-communities-" + n);
    for (const auto& c : st.communities) {
        const std::string cn = std::to_string(c.id);
        ImGui::AlignTextToFramePadding();
        ui::text(c.name, "community-" + cn);
        std::string open = ui::labelled(t.get("admin.open_community"), "open-community-" + cn);
        ui::flow(ui::button_width(open), ImGui::GetCursorScreenPos().x + ui::avail_width(), false);
        if (ui::button(open, ui::ButtonKind::primary))
            intents.push_back(client::Navigate{client::Route{client::Page::admin_community, c.id, {}}, false});
        for (const auto& k : c.councils)
            ui::text(t.format("admin.council_line",
                              {{"name", k.name}, {"kind", t.get(council_kind_key(k.kind))},
                               {"n", std::to_string(k.member_count)}}),
                     "council-" + std::to_string(k.id), ui::Tone::muted);
    }
    if (add_form(ui::labelled(t.get("admin.new_community"), "new-community-" + n),
                 ui.new_community[st.id],
                 ui::labelled(t.get("admin.add_community"), "add-community-" + n), allowed,
                 state.submitting))
        intents.push_back(AdminIntent{client::CreateUnit{"community", st.id, ui.new_community[st.id], {}}});
    ImGui::Dummy(ImVec2(0, 6));
    ui::text(t.get("admin.departments"), "departments-" + n, ui::Tone::muted);
    if (st.departments.empty()) ui::text(t.get("admin.no_departments"), "no-departments-" + n);
    for (const auto& d : st.departments) ui::text(d.name, "department-" + std::to_string(d.id));
    if (add_form(ui::labelled(t.get("admin.new_department"), "new-department-" + n),
                 ui.new_department[st.id],
                 ui::labelled(t.get("admin.add_department"), "add-department-" + n), allowed,
                 state.submitting))
        intents.push_back(AdminIntent{client::CreateUnit{"department", st.id, ui.new_department[st.id], {}}});
    ImGui::Dummy(ImVec2(0, 6));
    draw_admin_cppccs(state, st, cppcc_ui, intents);
    ui::end_card(card);
}

void staff_card(const ClientState& state, AdminUi& ui, Intents& intents) {
    const auto& t = state.strings;
    static const StaffKind kKinds[] = {StaffKind::street_admin, StaffKind::community_admin,
                                       StaffKind::department,   StaffKind::grid_worker,
                                       StaffKind::cppcc_member, StaffKind::party_committee};
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.staff_title"), "staff-title");
    ui::text(t.get("admin.staff_hint"), "staff-hint", ui::Tone::muted);
    float right = ImGui::GetCursorScreenPos().x + ui::avail_width();
    bool first = true;
    for (StaffKind kind : kKinds) {
        const char* role = to_string(kind);
        std::string label = ui::labelled(t.get(role_key(role)), std::string("staff-role-") + role);
        ui::flow(ui::button_width(label), right, first);
        first = false;
        // Greyed out where the scope reaches no place for it (the server would refuse).
        bool allowed = !client::staff_places(state.admin.tree, state.session.admin, kind).empty();
        if (!allowed) {
            ui::button(label, ui::ButtonKind::secondary, true);
        } else if (ui::choice(label, ui.staff_role == role)) {
            ui.staff_role = role;
            ui.staff_place = 0;
        }
    }
    ui::input_text(ui::labelled(t.get("admin.staff_name"), "staff-name"), ui.staff_name);
    StaffKind kind{};
    bool known = staff_kind_from_string(ui.staff_role, kind);
    auto places = known ? client::staff_places(state.admin.tree, state.session.admin, kind)
                        : std::vector<client::StaffPlace>{};
    ui::text(t.get("admin.staff_place"), "staff-place", ui::Tone::muted);
    if (places.empty()) ui::text(t.get("admin.no_places"), "no-places", ui::Tone::muted);
    first = true;
    for (const auto& p : places) {
        std::string label = ui::labelled(p.name, "place-" + std::to_string(p.id));
        ui::flow(ui::button_width(label), right, first);
        first = false;
        if (ui::choice(label, ui.staff_place == p.id)) ui.staff_place = p.id;
    }
    bool allowed = !places.empty();
    if (ui::button(ui::labelled(t.get("admin.staff_submit"), "staff-submit"),
                   ui::ButtonKind::primary, !allowed || state.submitting))
        intents.push_back(AdminIntent{client::CreateStaff{ui.staff_role, ui.staff_name, ui.staff_place}});
    ui::end_card(card);
}

}  // namespace

void draw_admin(const ClientState& state, AdminUi& ui, CppccAdminUi& cppcc_ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& a = state.admin;
    if (a.created != ui.created_seen) {  // an accepted creation clears its forms
        ui.created_seen = a.created;
        ui.new_street.clear();
        ui.new_community.clear();
        ui.new_department.clear();
        ui.staff_name.clear();
        cppcc_ui = CppccAdminUi{};
    }
    ui::heading(t.get("admin.title"), "admin-title");
    if (!a.tree_loaded) {
        ui::text(t.get("app.loading"), "admin-loading", ui::Tone::muted);
        return;
    }
    ui::text(scope_text(state), "admin-scope", ui::Tone::muted);
    draw_one_time_code(state, intents);
    if (a.tree.streets.empty()) ui::text(t.get("admin.no_streets"), "no-streets", ui::Tone::muted);
    for (const auto& st : a.tree.streets) street_card(state, st, ui, cppcc_ui, intents);

    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("admin.streets_title"), "streets-title");
    if (add_form(ui::labelled(t.get("admin.new_street"), "new-street"), ui.new_street,
                 ui::labelled(t.get("admin.add_street"), "add-street"),
                 !may_create_street(state.session.admin), state.submitting))
        intents.push_back(AdminIntent{client::CreateUnit{"street", 0, ui.new_street, {}}});
    ui::end_card(card);
    staff_card(state, ui, intents);
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
