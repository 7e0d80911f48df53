// The roll on a ballot page (表决名单): who has voted and who has not, and once an open-roll ballot
// (记名) is closed, what each member cast. A secret ballot (无记名) shows who, never what.
#include <algorithm>

#include "../widgets.hpp"
#include "views.hpp"

namespace yishi::web {

namespace {

std::string name_of(const ClientState& state, Id id) {
    for (const auto& m : state.flow.members)
        if (m.id == id) return m.name;
    return "#" + std::to_string(id);
}

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
    return s;
}

// "西门", "东门、南门" (approvals), "西门 > 东门、南门" (a ranking: groups of equal rank).
std::string what_was_cast(const ClientState& state, const CastBallot& c) {
    const auto& t = state.strings;
    if (!c.choice.empty()) {
        bool yes_no = c.choice == "yes" || c.choice == "no" || c.choice == "abstain";
        return yes_no ? t.get("choice." + c.choice) : c.choice;
    }
    std::vector<std::string> groups;
    for (const auto& g : c.ranking) groups.push_back(joined(g, "、"));
    std::string s = !c.ranking.empty() ? joined(groups, " > ") : joined(c.approve, "、");
    return s.empty() ? t.get("roll.blank") : s;
}

void line(const ClientState& state, const char* key, const std::vector<std::string>& names,
          const std::string& id) {
    if (names.empty()) return;
    ui::text(state.strings.format(key, {{"n", std::to_string(names.size())},
                                        {"names", joined(names, "、")}}),
             id);
}

}  // namespace

void draw_roll(const ClientState& state, const BallotView& b) {
    if (b.roll.empty()) return;
    const auto& t = state.strings;
    ui::Card card;
    ui::begin_card(card, 20.0f);
    ui::heading(t.get("roll.title"), "roll-title");
    bool what = b.state == BallotState::closed && !b.secret;
    if (what && b.options.empty() && !b.votes.empty()) {
        // Yes/no: the members behind each bar of the chart.
        for (Choice c : {Choice::yes, Choice::no, Choice::abstain}) {
            std::vector<std::string> names;
            for (const auto& v : b.votes)
                if (v.choice == c) names.push_back(name_of(state, v.member_id));
            std::string choice = to_string(c);
            if (!names.empty())
                ui::text(t.format("roll.choice", {{"choice", t.get("choice." + choice)},
                                                  {"n", std::to_string(names.size())},
                                                  {"names", joined(names, "、")}}),
                         "roll-" + choice);
        }
    } else if (what && !b.cast.empty()) {
        for (const auto& c : b.cast)
            ui::text(t.format("roll.cast", {{"name", name_of(state, c.member_id)},
                                            {"what", what_was_cast(state, c)}}),
                     "roll-cast-" + std::to_string(c.member_id));
    } else {
        std::vector<std::string> voted;
        for (Id id : b.voted) voted.push_back(name_of(state, id));
        line(state, "roll.voted", voted, "roll-voted");
    }
    std::vector<std::string> missing;
    for (Id id : b.roll)
        if (std::find(b.voted.begin(), b.voted.end(), id) == b.voted.end())
            missing.push_back(name_of(state, id));
    // With tellers some of them voted on paper, which the roll cannot say.
    line(state, b.tellers.empty() ? "roll.not_voted" : "roll.not_voted_online", missing,
         "roll-not-voted");
    if (b.secret) ui::text(t.get("roll.secret"), "roll-secret", ui::Tone::muted);
    ui::end_card(card);
}

}  // namespace yishi::web
