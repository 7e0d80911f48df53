// The tellers' card on a ballot page (纸质票计数): each teller types the paper ballots' count per
// option; both entries are shown to everyone side by side, the lines where they differ marked,
// and the paper votes join the count only once the two agree.
#include <algorithm>

#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

// The options a paper ballot can carry: yes/no/abstain, or the single choice's options; with the
// widget id suffix and the text shown.
struct PaperLine {
    std::string option;
    std::string id;
    std::string shown;
};

std::vector<PaperLine> paper_lines(const ClientState& state, const BallotView& b) {
    std::vector<PaperLine> lines;
    if (b.options.empty()) {
        for (const char* c : {"yes", "no", "abstain"})
            lines.push_back({c, c, state.strings.get(std::string("choice.") + c)});
    } else {
        for (std::size_t i = 0; i < b.options.size(); ++i)
            lines.push_back({b.options[i], "opt-" + std::to_string(i), b.options[i]});
    }
    return lines;
}

std::string member_name(const ClientState& state, Id id) {
    for (const auto& m : state.flow.members)
        if (m.id == id) return m.name;
    return "#" + std::to_string(id);
}

const PaperEntry* entry_of(const PaperCounts& p, Id teller) {
    for (const auto& e : p.entries)
        if (e.teller_id == teller) return &e;
    return nullptr;
}

std::string count_in(const PaperEntry* e, const std::string& option) {
    if (!e || !e->counts.contains(option) || !e->counts[option].is_number_integer()) return "—";
    return std::to_string(e->counts[option].get<std::int64_t>());
}

// "赞成：王秀英 3 · 张伟 2（不一致）", one line per option.
void entry_lines(const ClientState& state, const BallotView& b, const PaperCounts& p,
                 const std::vector<PaperLine>& lines) {
    const auto& t = state.strings;
    for (const auto& line : lines) {
        std::string s = line.shown + "：";
        for (std::size_t i = 0; i < b.tellers.size(); ++i)
            s += (i ? " · " : "") + member_name(state, b.tellers[i]) + " " +
                 count_in(entry_of(p, b.tellers[i]), line.option);
        bool differs = std::find(p.differing.begin(), p.differing.end(), line.option) !=
                       p.differing.end();
        if (differs) s += t.get("paper.differs");
        ui::text(s, "paper-line-" + line.id, differs ? ui::Tone::error : ui::Tone::normal);
    }
    std::string key = p.agreed                 ? "paper.agreed"
                      : !p.differing.empty()   ? "paper.mismatch"
                                               : "paper.waiting";
    std::string names;
    for (const auto& line : lines)
        if (std::find(p.differing.begin(), p.differing.end(), line.option) != p.differing.end())
            names += (names.empty() ? "" : "、") + line.shown;
    ui::text(t.format(key, {{"n", std::to_string(p.entries.size())}, {"options", names}}),
             "paper-status",
             p.agreed ? ui::Tone::success : p.differing.empty() ? ui::Tone::muted : ui::Tone::error);
}

// A teller's own entry: a number per option, pre-filled with what they entered last.
void entry_form(const ClientState& state, const BallotView& b, const PaperCounts* p,
                const std::vector<PaperLine>& lines, BallotUi& ui, Intents& intents) {
    const auto& t = state.strings;
    const PaperEntry* mine = p ? entry_of(*p, state.session.member.id) : nullptr;
    client::EnterPaperCounts enter{b.id, {}};
    for (const auto& line : lines) {
        auto at = ui.paper.find(line.option);
        if (at == ui.paper.end()) {
            std::string last = count_in(mine, line.option);
            at = ui.paper.emplace(line.option, last == "—" ? std::string() : last).first;
        }
        ui::input_text(ui::labelled(line.shown, "paper-" + line.id), at->second,
                       ImGuiInputTextFlags_CharsDecimal);
        enter.counts.emplace_back(line.option, at->second);
    }
    if (ui::button(ui::labelled(t.get(mine ? "paper.resubmit" : "paper.submit"), "paper-submit"),
                   ui::ButtonKind::primary, state.submitting))
        intents.push_back(std::move(enter));
}

}  // namespace

void draw_paper_counts(const ClientState& state, const BallotView& b, BallotUi& ui,
                       Intents& intents) {
    if (b.tellers.empty()) return;
    const auto& t = state.strings;
    std::string tellers;
    for (Id id : b.tellers) tellers += (tellers.empty() ? "" : "、") + member_name(state, id);
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("paper.title"), "paper-title");
    ui::text(t.format("paper.tellers", {{"names", tellers}}), "paper-tellers", ui::Tone::muted);
    auto lines = paper_lines(state, b);
    auto found = state.flow.paper_counts.find(b.id);
    const PaperCounts* p = found == state.flow.paper_counts.end() ? nullptr : &found->second;
    bool teller = std::find(b.tellers.begin(), b.tellers.end(), state.session.member.id) !=
                  b.tellers.end();
    if (teller && b.state == BallotState::open) entry_form(state, b, p, lines, ui, intents);
    if (p) entry_lines(state, b, *p, lines);
    else ui::text(t.get("app.loading"), "paper-loading", ui::Tone::muted);
    ui::end_card(card);
}

}  // namespace yishi::web
