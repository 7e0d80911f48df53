// The issue's thread: comments with their stance (赞成/反对/中立/疑问), one level of replies,
// departments' official replies marked, edits noted, hidden ones showing the public reason;
// and the form to comment or reply.
#include "../theme.hpp"
#include "../widgets.hpp"
#include "views.hpp"
#include "yishi/client/format.hpp"
#include "yishi/roles.hpp"

namespace yishi::web {

namespace {

constexpr const char* kStances[] = {"support", "oppose", "neutral", "question"};

void comment(const ClientState& state, const CommentView& cv, IssueUi& ui, bool reply) {
    const auto& t = state.strings;
    const auto& c = theme::colors();
    const std::string n = std::to_string(cv.id);
    if (reply) ImGui::Indent(28);
    ui::Card card;
    ui::begin_card(card, 14.0f);
    if (cv.official) {
        ui::badge(t.get("thread.official"), "official-" + n, c.primary, c.on_primary);
    } else {
        ui::badge(t.get(std::string("stance.") + to_string(cv.stance)), "stance-" + n,
                  cv.stance == Stance::support ? c.listed_bg : c.page,
                  cv.stance == Stance::support ? c.listed_text : c.text);
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    std::string meta = cv.author_name + " · " + client::local_date_time(cv.created_at);
    if (cv.edited) meta += " · " + t.get("thread.edited");
    ui::text(meta, "comment-meta-" + n, ui::Tone::muted);
    ui::text(cv.text, "comment-" + n, cv.hidden ? ui::Tone::muted : ui::Tone::normal);
    if (!reply && !cv.hidden) {
        if (ui::button(ui::labelled(t.get("thread.reply"), "reply-" + n), ui::ButtonKind::quiet))
            ui.reply_to = cv.id;
    }
    ui::end_card(card);
    if (reply) ImGui::Unindent(28);
}

}  // namespace

void draw_thread(const ClientState& state, const Issue& issue, IssueUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const auto& f = state.flow;
    if (ui.posted_seen != state.writes_done) {  // the comment went through: clear the form
        ui.comment.clear();
        ui.reply_to = 0;
        ui.posted_seen = state.writes_done;
    }
    ui::heading(t.get("thread.title"), "thread-title");
    bool ours = f.comments_issue == issue.id && f.comments_loaded;
    if (!ours) ui::text(t.get("app.loading"), "thread-loading", ui::Tone::muted);
    else if (f.comments.empty()) ui::text(t.get("thread.empty"), "thread-empty", ui::Tone::muted);
    if (ours) {
        for (const auto& top : f.comments) {
            if (top.reply_to != 0) continue;
            comment(state, top, ui, false);
            for (const auto& r : f.comments)
                if (r.reply_to == top.id) comment(state, r, ui, true);
        }
    }

    // The form: a department answers officially; everyone else picks a stance.
    Role role = Role::resident;
    role_from_string(state.session.member.role, role);
    bool official = role == Role::department;
    ui::Card card;
    ui::begin_card(card, 16.0f);
    if (ui.reply_to != 0) {
        ui::text(t.format("thread.replying", {{"n", std::to_string(ui.reply_to)}}), "replying",
                 ui::Tone::muted);
        if (ui::button(ui::labelled(t.get("thread.cancel_reply"), "cancel-reply"),
                       ui::ButtonKind::quiet))
            ui.reply_to = 0;
    }
    if (!official) {
        float right = card.start.x + card.width - card.padding;
        for (int i = 0; i < 4; ++i) {
            std::string label = ui::labelled(t.get(std::string("stance.") + kStances[i]),
                                             std::string("stance-pick-") + kStances[i]);
            ui::flow(ui::button_width(label), right, i == 0);
            if (ui::choice(label, ui.stance == i)) ui.stance = i;
        }
    }
    float h = ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().FramePadding.y * 2;
    ui::input_multiline(ui::labelled(t.get(official ? "thread.official_field" : "thread.field"),
                                     "comment"),
                        ui.comment, h);
    if (ui::button(ui::labelled(t.get("thread.post"), "post-comment"), ui::ButtonKind::primary,
                   state.submitting)) {
        client::PostComment pc;
        pc.issue_id = issue.id;
        pc.stance = kStances[std::clamp(ui.stance, 0, 3)];
        pc.text = ui.comment;
        pc.reply_to = ui.reply_to;
        pc.official = official;
        intents.push_back(pc);
    }
    ui::end_card(card);
}

}  // namespace yishi::web
