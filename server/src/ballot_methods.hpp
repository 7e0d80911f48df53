// How a ballot is held, without SQL: reading a ballot's spec and a vote from requests
// (checked by the core's bulletin reader), mapping a council's rules to a yes/no preset, and
// assembling the bulletin (计票公告) whose `result` the core's tally_bulletin computes, so that
// `yishi-tally` recounts it to the same JSON by construction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "yishi/bulletin.hpp"
#include "yishi/messages.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// The spec of POST /api/sessions/{id}/ballots: method (default yes_no), options, max_choices,
// budget, costs, secret, receipts (secret ballots only; default true), unit, tellers. Option
// lists, decimals and choices are checked by the core's bulletin reader; a refusal names the field.
Result<BallotSpec> spec_from_request(const Json& body);
// What ballot_specs.spec stores: options, max_choices, budget, costs, tellers, receipts.
Json spec_details(const BallotSpec& s);
BallotSpec spec_from_stored(const std::string& method, bool secret, const std::string& unit,
                            const Json& details);
// The spec's fields as they appear on the ballot's JSON (method, options, secret, unit, ...).
Json spec_json(const BallotSpec& s);

// A vote request as a bulletin ballot: {"choice"} (yes_no, single), {"approve"} (approval,
// budget) or {"ranking"} (schulze, irv), checked by the core against the spec; an unknown
// option is refused naming it.
Result<Json> content_from_request(const BallotSpec& spec, const Json& body);

// Paper counts {"counts": {option: n}} over the options (yes/no/abstain for yes_no); an option
// left out counts 0. Canonical: every option, in the spec's order.
Result<Json> paper_counts_from_request(const BallotSpec& spec, const Json& body);
std::vector<std::string> counted_options(const BallotSpec& spec);

// The preset whose quorum and pass rule equal the council's (pass_special for a special matter),
// its own kind's preset first; nullopt when the convenor adjusted the rules away from every one.
std::optional<YesNoPreset> preset_for(const CouncilRules& rules, bool special_matter);

// What the bulletin is made from at closing.
struct BulletinParts {
    const BallotRecord& record;  // closed, with its roll and electorate
    const BallotSpec& spec;
    const CouncilRules& rules;
    std::vector<Json> ballots;  // bulletin ballot objects, in the published order
    std::optional<Json> paper;  // the tellers' agreed counts, if any
    // The plain ballot's tally under the council's rules (ballot.hpp); used as the result only
    // when the rules match no preset and so cannot be recounted by a preset.
    std::optional<Tally> plain_tally;
};
struct Published {
    Json bulletin;  // with "result"
    Tally tally;    // what the ballot's record keeps (for plain ballots: plain_tally)
};
Result<Published> publish_bulletin(const BulletinParts& parts);

// The reply's JSON of a ballot that is not plain: the BallotView's JSON with the spec, who has
// voted, and once closed the published result; a secret ballot never shows what anyone cast.
Json method_ballot_json(Json view, const BallotSpec& spec, const std::vector<Id>& voted,
                        const std::vector<std::pair<Id, Json>>& open_contents,
                        const std::optional<Json>& bulletin);

}  // namespace yishi::server
