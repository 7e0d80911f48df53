// The published bulletin of a closed ballot (计票公告): every counted ballot, so that anyone can
// recount it offline (`./yishi tally`) with the same core code the server used.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "yishi/errors.hpp"
#include "yishi/methods.hpp"

namespace yishi {

enum class Method { yes_no, single, approval, schulze, irv, budget };

const char* to_string(Method m);
bool method_from_string(const std::string& s, Method& out);

// The bulletin JSON:
//   method      "yes_no" | "single" | "approval" | "schulze" | "irv" | "budget"
//   options     option names, unique and non-empty (all methods but yes_no)
//   ballots     [{ "count": n (default 1, n ≥ 0), "receipt": "…" (optional, unique),
//                  "choice": "yes"|"no"|"abstain" (yes_no) or an option (single),
//                  "approve": [names] (approval, budget), "ranking": [[names], …] (schulze, irv),
//                  "area": "88.20" (yes_no under the owners' presets: each ballot's floor area) }]
//   yes_no:     "rule" (a preset of methods.hpp, or a council's own rule by heads:
//               {"quorum": {"num","den","bound","base":"heads"}, "pass": {"num","den","bound",
//               "by_area":false}}, bounds "more_than" | "at_least"), "electorate" {"members" |
//               "households" | "owners" and "area"}, optional "present", optional
//               "defer_margin" {"num","den"}
//   approval:   optional "max_choices" (default: every option)
//   budget:     "budget" and "costs" {name: decimal} for every option
// Areas, costs and budgets are decimal strings with at most two decimals. Unknown keys are
// ignored, so that the server may publish more (titles, dates) without breaking old recounts.
struct Bulletin {
    Method method = Method::yes_no;
    std::vector<std::string> options;
    std::vector<std::string> receipts;  // as listed, for voters to find theirs
    // yes_no
    YesNoSpec yes_no;
    std::vector<YesNoVote> votes;
    // single, approval, budget
    std::vector<Picks> picks;
    std::int64_t max_choices = 0;
    std::int64_t budget_centi = 0;
    std::vector<std::int64_t> costs_centi;  // per option
    // schulze, irv
    std::vector<Ranking> rankings;
};

// Validates and reads a bulletin; a refusal names the problem and where it is
// ("ballots[3].choice"): unknown method, option or preset, bad decimal, negative count,
// `present` smaller than the ballots, more choices than allowed, participation beyond the
// electorate, a repeated option or receipt, a missing or mistyped field.
Result<Bulletin> parse_bulletin(const nlohmann::json& j);
// The same from the bulletin's text, read as a stream without building its JSON tree; text that
// is not JSON is refused with nlohmann's own message (line and column).
Result<Bulletin> parse_bulletin_text(std::string_view text);

// The bulletin's text as published: its ballots after every other key, so that a reader of the
// text knows the method and options before the first ballot and reads it in one pass.
std::string bulletin_text(const nlohmann::json& bulletin);

// A council's own yes/no rule as the bulletin's "rule" object (see above).
nlohmann::json custom_rule_json(const YesNoRule& rule);

// The result JSON (names, not indices; areas and money as two-decimal strings):
//   yes_no   → outcome, yes, no, abstain, present, quorum_met
//              (+ yes_area, participating_area, participating_owners under owners' presets)
//   single, approval → counts {name: n}, winners [names]
//   schulze  → winners [names], order [[names], …] best first
//   irv      → winners [names], rounds [{counts {name: n} of continuing options, eliminated}]
//              (eliminated is null in the deciding round)
//   budget   → funded [names] in funding order, unfunded [names], spent "…"
nlohmann::json tally_bulletin(const Bulletin& b);

}  // namespace yishi
