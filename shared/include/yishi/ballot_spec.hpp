// How a ballot is held (its spec: method, secrecy, voting unit, tellers) and the JSON forms around
// it: the spec read from a request and from storage, a vote and a teller's paper counts read
// from requests (checked by the bulletin reader), and the spec's fields on a ballot's reply.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/bulletin.hpp"
#include "yishi/messages.hpp"

namespace yishi {

// 投票单位: one per member, one per household (户), or owners weighted by floor area.
enum class VotingUnit { member, household, owners };
const char* to_string(VotingUnit u);
bool voting_unit_from_string(const std::string& s, VotingUnit& out);

// How a ballot is held, fixed when it opens. The default (yes/no, open roll, one per member,
// no tellers) is the plain ballot whose votes are the Ballot's own (ballot.hpp).
struct BallotSpec {
    Method method = Method::yes_no;
    bool secret = false;  // 无记名: the roll shows who voted, never what
    // Secret ballots: each voter gets a receipt (回执码) to find on the bulletin. A receipt also
    // lets a voter prove their choice to someone else, so a convenor may go without.
    bool receipts = true;
    VotingUnit unit = VotingUnit::member;
    std::vector<std::string> options;       // all methods but yes_no
    std::int64_t max_choices = 0;           // approval; 0: every option
    std::int64_t budget_centi = 0;          // budget
    std::vector<std::int64_t> costs_centi;  // budget, per option
    std::vector<Id> tellers;                // 计票员: none, or two members
    bool plain() const {
        return method == Method::yes_no && !secret && unit == VotingUnit::member &&
               tellers.empty();
    }
};

// The spec of POST /api/sessions/{id}/ballots: method (default yes_no), options, max_choices,
// budget, costs, secret, receipts (secret ballots only; default true), unit, tellers. Option
// lists, decimals and choices are checked by the bulletin reader; a refusal names the field.
// Tellers are two different members, for yes/no or single choice by head only: paper ballots
// carry neither a household nor a floor area.
Result<BallotSpec> spec_from_request(const Json& body);

// The optional closing time of the same request (closes_at, Unix seconds) by check_closes_at
// (ballot.hpp); 0 when none is announced.
Result<std::int64_t> closes_at_from_request(const Json& body, std::int64_t now);

// What storage keeps beside method, secret and unit: options, max_choices, budget, costs,
// tellers, receipts.
Json spec_details(const BallotSpec& s);
// The spec back from those columns; a refusal means the stored spec is unreadable.
Result<BallotSpec> stored_spec(const std::string& method, bool secret, const std::string& unit,
                               const Json& details);

// A bulletin (bulletin.hpp) with the spec and no ballots: what the reader checks specs and votes
// against, and the option fields a published bulletin carries.
Json bulletin_skeleton(const BallotSpec& s);

// The spec's fields as they appear on the ballot's JSON (method, options, secret, unit, ...).
Json spec_json(const BallotSpec& s);

// The yes/no/abstain vote of a request, {"choice": "yes" | "no" | "abstain"}.
Result<Choice> choice_from_request(const Json& body);

// A vote request as a bulletin ballot: {"choice"} (yes_no, single), {"approve"} (approval,
// budget) or {"ranking"} (schulze, irv), checked against the spec; an unknown option is refused
// naming it.
Result<Json> content_from_request(const BallotSpec& spec, const Json& body);

// The options a count is kept for: yes/no/abstain for yes_no, else the spec's options.
std::vector<std::string> counted_options(const BallotSpec& spec);

// Paper counts {"counts": {option: n}} over the counted options; an option left out counts 0.
// Canonical: every option, in the spec's order.
Result<Json> paper_counts_from_request(const BallotSpec& spec, const Json& body);

// The reply's JSON of a ballot that is not plain: the BallotView's JSON with the spec, who has
// voted, and once closed the published result; a secret ballot never shows what anyone cast.
Json method_ballot_json(Json view, const BallotSpec& spec, const std::vector<Id>& voted,
                        const std::vector<std::pair<Id, Json>>& open_contents,
                        const std::optional<Json>& bulletin);

}  // namespace yishi
