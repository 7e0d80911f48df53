// Ballot methods (表决方式) over a published bulletin: yes/no with legal presets, single choice,
// approval, ranked (Schulze, instant-runoff) and participatory budget (民生实事 selection).
// Counts only: callers validate input (see bulletin.hpp). Exact integers throughout.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/fraction.hpp"
#include "yishi/quorum.hpp"
#include "yishi/rules.hpp"

namespace yishi {

// ---- yes / no / abstain (赞成/反对/弃权) ------------------------------------------------------

// Rule presets with their legal basis (DESIGN.md):
// - residents_meeting (居民会议), villagers_meeting (村民会议), council_default (居民议事会):
//   present > 1/2 of members;
// - villagers_meeting_households (村民会议, 户代表): present ≥ 2/3 of households;
// - villager_representatives (村民代表会议): present ≥ 2/3 of members;
//   all five pass when yes > 1/2 of those present (abstentions and silent attendees weigh against);
// - owners_ordinary / owners_major (业主大会, 民法典 §278): participating owners (every ballot,
//   abstentions included) ≥ 2/3 of owners AND their area ≥ 2/3 of the area; ordinary matters
//   pass with yes > 1/2 of participating owners AND of participating area, major matters
//   (items 6–8) with yes ≥ 3/4 of both.
enum class YesNoPreset {
    residents_meeting,
    villagers_meeting,
    villagers_meeting_households,
    villager_representatives,
    owners_ordinary,
    owners_major,
    council_default,
};

const char* to_string(YesNoPreset p);
bool yes_no_preset_from_string(const std::string& s, YesNoPreset& out);
// Owners' presets weigh floor area: ballots carry an area and participation is the ballots.
bool weighs_area(YesNoPreset p);

// A preset in the vocabulary of rules.hpp, so the same quorum_met/pass_met decide it.
struct YesNoRule {
    QuorumRule quorum;
    PassRule pass;
};
YesNoRule preset_rule(YesNoPreset p);

// One bulletin entry: `count` identical ballots, each of `area_centi_m2` (owners only).
struct YesNoVote {
    Choice choice = Choice::abstain;
    std::int64_t count = 1;
    std::int64_t area_centi_m2 = 0;
};

// Who could vote: the base each preset's quorum is measured against.
struct Electorate {
    std::int64_t members = 0;
    std::int64_t households = 0;
    std::int64_t owners = 0;
    std::int64_t area_centi_m2 = 0;
};

struct YesNoSpec {
    YesNoPreset rule = YesNoPreset::council_default;
    Electorate electorate;
    // Those present (出席), voting or not; absent: the number of ballots. Owners' presets count
    // participation from the ballots themselves (each carries its area) and ignore it; a bulletin
    // that states a different `present` for them is refused.
    std::optional<std::int64_t> present;
    // 暂缓决策: with a quorum, |yes − no| × den ≤ num × present defers the decision. Absent: off.
    // num == 0 is allowed and defers an exact tie only.
    std::optional<Fraction> defer_margin;
    // A council's own rule (议事规则 adjusted away from every preset), counted by heads; used
    // instead of `rule` when set. Household and floor-area rules exist as presets only.
    std::optional<YesNoRule> custom_rule;
};

struct YesNoResult {
    Outcome outcome = Outcome::no_quorum;
    std::int64_t yes = 0;
    std::int64_t no = 0;
    std::int64_t abstain = 0;
    std::int64_t present = 0;
    bool quorum_met = false;
    // Owners' presets only.
    std::int64_t yes_area_centi_m2 = 0;
    std::int64_t participating_area_centi_m2 = 0;
    std::int64_t participating_owners = 0;
};

// Order of checks: no quorum → no_quorum; deferral margin met → deferred; pass share met →
// passed; otherwise failed. All abstain fails (yes is 0), or defers when a margin is set.
YesNoResult tally_yes_no(const YesNoSpec& spec, const std::vector<YesNoVote>& votes);

// ---- choices among named options, held by index into the bulletin's options -------------------

// Single choice: exactly one pick. Approval and budget: any set of distinct picks (none = blank).
struct Picks {
    std::vector<std::size_t> options;
    std::int64_t count = 1;
};

struct CountResult {
    std::vector<std::int64_t> counts;  // per option
    // Every option with the top count, in options order (a tie names them all);
    // empty when no option got a vote at all.
    std::vector<std::size_t> winners;
};

CountResult tally_single(std::size_t n_options, const std::vector<Picks>& ballots);
CountResult tally_approval(std::size_t n_options, const std::vector<Picks>& ballots);

// ---- ranked ballots (排序投票) ----------------------------------------------------------------

// Groups of equal rank, best first: [[A],[B,C]] ranks A above B and C, B equal to C.
// Options not listed rank below every listed one and equal among themselves (a truncated
// ranking says nothing between the unlisted). An empty ranking is a blank ballot.
struct Ranking {
    std::vector<std::vector<std::size_t>> groups;
    std::int64_t count = 1;
};

// Schulze (舒尔茨法): d[X][Y] = voters preferring X to Y; a link X→Y has strength d[X][Y] when
// d[X][Y] > d[Y][X] (winning votes), else none; p = strongest (widest) paths. X beats Y when
// p[X][Y] > p[Y][X]. `winners`: options no option beats (several on a tie; all on no votes).
// `order`: repeatedly the options no remaining option beats, as one group, in options order.
struct SchulzeResult {
    std::vector<std::size_t> winners;
    std::vector<std::vector<std::size_t>> order;
};
SchulzeResult tally_schulze(std::size_t n_options, const std::vector<Ranking>& ballots);

// Instant-runoff (即时复选): each round a ballot counts for its best continuing option. If that
// best rank holds several continuing options the ballot counts for none in that round: it cannot
// be split without fractions (it may count again once only one of them continues).
// An option with more than half of the ballots counted in the round wins, as does the last one
// continuing. Otherwise one option is eliminated: the fewest votes; among equals the fewest in the
// previous round; then the one listed later in the options. No ballot counted: no winner.
struct IrvRound {
    std::vector<std::int64_t> counts;    // per option; meaningful for continuing options only
    std::vector<bool> continuing;        // per option
    std::optional<std::size_t> eliminated;  // none in the deciding round
};
struct IrvResult {
    std::vector<std::size_t> winners;  // one, or none
    std::vector<IrvRound> rounds;
};
IrvResult tally_irv(std::size_t n_options, const std::vector<Ranking>& ballots);

// ---- participatory budget (民生实事项目) -------------------------------------------------------

// Projects are funded in order of approvals, most first (equal approvals: listed earlier first),
// while the budget allows; one that does not fit in what is left is skipped and later, cheaper
// ones may still be funded. A project nobody approved is never funded.
struct BudgetResult {
    std::vector<std::int64_t> approvals;  // per project
    std::vector<std::size_t> funded;      // in funding order
    std::vector<std::size_t> unfunded;    // in options order
    std::int64_t spent_centi = 0;
};
BudgetResult tally_budget(const std::vector<std::int64_t>& costs_centi, std::int64_t budget_centi,
                          const std::vector<Picks>& ballots);

}  // namespace yishi
