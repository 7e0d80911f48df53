// How a ballot held under a spec (ballot_spec.hpp) is counted: one vote per voting unit
// (每户一票), what a cast content keeps, the tellers' paper counts (计票员), the council's rules
// as a preset, and the bulletin (计票公告) published at closing, whose result yishi-tally
// recomputes from the bulletin alone.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/ballot_spec.hpp"
#include "yishi/messages_decide.hpp"
#include "yishi/methods.hpp"

namespace yishi {

// --- one vote per unit ---
// The key a vote is unique under on its ballot, beside the member: under the household unit the
// voter's household (a voter with no household recorded is a household of one, keyed by the
// negated member id so that it never meets a household's id), else the member.
Id unit_key(VotingUnit unit, const Voter& voter);
// The refusal for `member` when `prior_voter` has already voted under the same unit key:
// already_voted for the member themself, household_voted for another member of the household.
Error already_voted_in_unit(Id member, Id prior_voter);
// Who a reminder before the closing time is for (ballot_closing): the roll's members whose unit
// has cast no vote, given the unit keys of the votes cast so far, in roll order.
std::vector<Id> yet_to_vote(const Ballot& b, VotingUnit unit, const std::vector<Id>& voted_units);

// A vote with content on a ballot that is not plain, by the vote rule of ballot.hpp (ballot and
// session open, before the closing time, the member on the frozen roll): its unit key, and the content as kept, with the
// voter's floor area where the count weighs area (owners, or a pass rule by area). Whether the
// unit has voted already is for storage to say (already_voted_in_unit).
struct ContentVote {
    Id unit_key = 0;
    Json content;
};
Result<ContentVote> content_vote(const Actor& actor, const Ballot& b, const Session& s,
                                 const BallotSpec& spec, const CouncilRules& rules,
                                 const Json& content, std::int64_t now);

// --- tellers (计票员) and paper ballots ---
// The spec's tellers, as actors of the council, must be its members; and paper ballots carry no
// floor area, so a ballot whose pass rule weighs area takes none. No tellers: nothing to check.
Check may_appoint_tellers(const BallotSpec& spec, const PassRule& pass,
                          const std::vector<Actor>& tellers);
// Only the ballot's tellers, members of its council, enter paper counts, while it is open.
Check may_enter_paper_counts(const Actor& actor, const Ballot& b, const BallotSpec& spec);
// The tellers' entries side by side (at most one per teller): the options whose counts differ,
// and agreed when both tellers entered the same counts.
PaperCounts compare_paper_counts(const BallotSpec& spec, std::vector<PaperEntry> entries);
// What paper ballots add at closing: nothing without tellers, else the agreed counts; refused
// (paper_counts_disagree) while an entry is missing or the two differ.
Result<std::optional<Json>> counted_paper(const BallotSpec& spec, const PaperCounts& pc);

// --- the council's rules as a preset, and the bulletin ---
// The preset whose quorum and pass rule equal the council's (pass_special for a special matter),
// its own kind's preset first; nullopt when the convenor adjusted the rules away from every one.
std::optional<YesNoPreset> preset_for(const CouncilRules& rules, bool special_matter);

// What the bulletin is made from at closing.
struct BulletinParts {
    const Ballot& ballot;  // closed, with its roll and electorate
    const std::string& issue_title;
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
// The bulletin with its result from tally_bulletin, the code yishi-tally runs; rules that match
// no preset and count heads are published as the council's own rule. Options ballots decide by
// option_outcome under the council's quorum on the roll.
Result<Published> publish_bulletin(const BulletinParts& parts);

}  // namespace yishi
