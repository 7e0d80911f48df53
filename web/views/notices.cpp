// #/notices: the 公示 board — resolution notices with their tally charts (quorum and pass
// lines drawn) and result notices of tasks, newest first; those no longer in force marked.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"

namespace yishi::web {

void draw_notices(const ClientState& state, Intents& intents) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    ui::heading(t.get("notices.title"), "notices-title");
    read_aloud_button(state, intents);
    const auto& list = state.flow.notices;
    if (!state.flow.notices_loaded) ui::text(t.get("app.loading"), "notices-loading", ui::Tone::muted);
    else if (list.empty()) ui::text(t.get("notices.empty"), "notices-empty", ui::Tone::muted);
    for (const auto& nv : list) {
        const Notice& n = nv.notice;
        const std::string id = std::to_string(n.id);
        bool resolution = n.kind == NoticeKind::resolution;
        ui::Card card;
        ui::begin_card(card, 18.0f);
        ui::badge(t.get(resolution ? "notices.resolution" : "notices.result"), "kind-" + id,
                  resolution ? c.listed_bg : c.collecting_bg,
                  resolution ? c.listed_text : c.collecting_text);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ui::text(t.format(nv.in_force ? "notices.period" : "notices.ended",
                          {{"from", client::local_date(n.starts_at)},
                           {"to", client::local_date(n.ends_at)}}),
                 "period-" + id, ui::Tone::muted);
        ui::text(n.text, "notice-" + id);
        // The notice as a printed PDF for the notice board (公示栏).
        if (ui::button(ui::labelled(t.get("files.notice"), "notice-pdf-" + id),
                       ui::ButtonKind::quiet, state.loading()))
            intents.push_back(client::FollowIntent{client::DownloadFile{
                "/api/notices/" + id + ".pdf", t.format("files.notice_file", {{"id", id}}),
                "application/pdf"}});
        if (resolution) {
            if (const BallotView* b = state.find_ballot(n.subject_id)) {
                draw_tally_chart(state, *b);
                if (ui::button(ui::labelled(t.get("notices.to_issue"), "notice-issue-" + id),
                               ui::ButtonKind::quiet))
                    intents.push_back(client::Navigate{
                        client::Route{client::Page::issue, b->issue_id, {}}, false});
            }
        } else if (ui::button(ui::labelled(t.get("notices.to_task"), "notice-task-" + id),
                              ui::ButtonKind::quiet)) {
            intents.push_back(client::Navigate{client::Route{client::Page::task, n.subject_id, {}}, false});
        }
        ui::end_card(card);
    }
    ImGui::Dummy(ImVec2(0, 24));
}

}  // namespace yishi::web
