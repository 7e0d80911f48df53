// #/new: 提出新议题 with 标题 (one line) and 内容 (several), checked by the server's own rules
// while typing, then 提交 or 返回.
#include <algorithm>

#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/client/behalf.hpp"
#include "yishi/roles.hpp"
#include "yishi/text.hpp"

namespace yishi::web {

namespace {

void counter(const ClientState& state, const std::string& value, std::size_t max,
             std::string_view id) {
    std::size_t n = utf8_length(value);
    ui::text(state.strings.format("raise.count", {{"n", std::to_string(n)},
                                                  {"max", std::to_string(max)}}),
             id, n > max ? ui::Tone::error : ui::Tone::muted);
}

// 代提: a grid worker finds the resident the issue is raised for by name or household (who
// becomes its author), or writes down one who has no account (the grid worker stays the author).
void on_behalf_picker(const ClientState& state, RaiseIssueUi& ui) {
    Role role = Role::resident;
    role_from_string(state.session.member.role, role);
    if (role != Role::grid_worker) return;
    const auto& t = state.strings;
    ui::text(t.get("raise.on_behalf"), "on-behalf-label", ui::Tone::muted);
    ui::input_text(ui::labelled(t.get("behalf.search"), "on-behalf-search"), ui.behalf_search);
    auto found = client::find_residents(state.flow.members, ui.behalf_search, 8);
    // The chosen one stays in sight while the search changes.
    for (const auto& m : state.flow.members)
        if (m.id == ui.on_behalf_of && std::find(found.begin(), found.end(), &m) == found.end())
            found.insert(found.begin(), &m);
    for (const CouncilMemberEntry* m : found) {
        std::string name = m->household.empty() ? m->name : m->name + "（" + m->household + "）";
        if (ui::choice(ui::labelled(name, "on-behalf-" + std::to_string(m->id)),
                       ui.on_behalf_of == m->id)) {
            ui.on_behalf_of = ui.on_behalf_of == m->id ? 0 : m->id;
            ui.raised_for_name.clear();
            ui.raised_for_household.clear();
        }
    }
    if (found.empty() && !trim(ui.behalf_search).empty())
        ui::text(t.get("behalf.nobody"), "on-behalf-nobody", ui::Tone::muted);
    ui::text(t.get("behalf.no_account"), "on-behalf-no-account", ui::Tone::muted);
    bool typed = ui::input_text(ui::labelled(t.get("behalf.name"), "raised-for-name"),
                                ui.raised_for_name);
    typed |= ui::input_text(ui::labelled(t.get("behalf.household"), "raised-for-household"),
                            ui.raised_for_household);
    if (typed) ui.on_behalf_of = 0;  // one or the other, as the server requires
    if (ui.on_behalf_of == 0 && trim(ui.raised_for_name).empty())
        ui::text(t.get("behalf.none"), "on-behalf-none", ui::Tone::error);
}

}  // namespace

void draw_raise_issue(const ClientState& state, RaiseIssueUi& ui, Intents& intents) {
    const auto& t = state.strings;
    if (ui.raised_seen != state.issues_raised) {  // the last one was accepted: start afresh
        ui.title.clear();
        ui.body.clear();
        ui.on_behalf_of = 0;
        ui.behalf_search.clear();
        ui.raised_for_name.clear();
        ui.raised_for_household.clear();
        ui.touched = false;
        ui.raised_seen = state.issues_raised;
    }

    ui::Card card;
    ui::begin_card(card, 24.0f);
    ui::heading(t.get("raise.title"), "raise-title");
    ui::text(t.get("raise.hint"), "raise-hint", ui::Tone::muted);
    ImGui::Dummy(ImVec2(0, 4));

    bool edited = ui::input_text(ui::labelled(t.get("raise.field_title"), "title"), ui.title, 0,
                                 ui.focus_first);
    ui.focus_first = false;
    counter(state, ui.title, kTitleMaxChars, "title-count");
    float body_h = ImGui::GetTextLineHeight() * 8 + ImGui::GetStyle().FramePadding.y * 2;
    edited |= ui::input_multiline(ui::labelled(t.get("raise.field_body"), "body"), ui.body,
                                  body_h);
    counter(state, ui.body, kBodyMaxChars, "body-count");
    ui.touched |= edited;
    ui::input_text(ui::labelled(t.get("raise.category"), "category"), ui.category);
    ui::input_text(ui::labelled(t.get("raise.tag"), "tag"), ui.tag);
    on_behalf_picker(state, ui);

    // The same check the server makes, explained before anything is sent.
    Check refusal = client::check_new_issue(ui.title, ui.body);
    if (refusal && ui.touched) ui::text(refusal->message, "hint", ui::Tone::error);

    ImGui::Dummy(ImVec2(0, 4));
    if (ui::button(ui::labelled(t.get("raise.submit"), "submit"), ui::ButtonKind::primary,
                   state.submitting)) {
        ui.touched = true;
        intents.push_back(client::RaiseIssue{ui.title, ui.body, ui.category, ui.tag,
                                             ui.on_behalf_of, ui.raised_for_name,
                                             ui.raised_for_household});
    }
    ImGui::SameLine();
    if (ui::button(ui::labelled(t.get("raise.back"), "back")))
        intents.push_back(client::Navigate{client::Route{client::Page::issues}, false});
    ui::end_card(card);
}

}  // namespace yishi::web
