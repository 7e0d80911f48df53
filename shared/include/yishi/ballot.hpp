// 定 (decide), part two: a yes/no/abstain ballot (表决) on an agenda item, its frozen roll,
// one counted vote per eligible member, and the tally (计票) with its outcome.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/quorum.hpp"
#include "yishi/roles.hpp"
#include "yishi/rules.hpp"
#include "yishi/session.hpp"

namespace yishi {

// 赞成 / 反对 / 弃权.
enum class Choice { yes, no, abstain };
enum class BallotState { open, closed };
// 通过 / 未通过 / 不足法定人数 / 暂缓决策.
enum class Outcome { passed, failed, no_quorum, deferred };

const char* to_string(Choice c);
bool choice_from_string(std::string_view s, Choice& out);
const char* to_string(Outcome o);

struct CastVote {
    Id member_id = 0;
    Choice choice = Choice::abstain;
};

// The roll is frozen when the ballot opens: the voters signed in to the session at that moment.
// Whoever signs in later, or leaves the council later, does not change who may vote.
struct Ballot {
    Id id = 0;
    Id council_id = 0;
    Id session_id = 0;
    Id issue_id = 0;
    bool special_matter = false;
    BallotState state = BallotState::open;
    std::vector<Voter> roll;  // eligible voters: present at opening
    Turnout electorate;       // the whole council's voters at opening, for the quorum
    std::vector<CastVote> votes;
    std::int64_t opened_at = 0;
    std::int64_t closed_at = 0;
    std::int64_t closes_at = 0;  // 投票截止时间 as announced at opening; 0: none
};

// The voter on the frozen roll with this member id; nullptr when not on it.
const Voter* voter_on_roll(const Ballot& b, Id member);

// The convenor opens one ballot per agenda item of an open session with somebody signed in.
Check may_open_ballot(const Actor& actor, const Session& s, Id issue_id, bool item_has_ballot);
Result<Ballot> open_ballot(const Actor& actor, const Session& s, Id issue_id,
                           const std::vector<Voter>& electorate, bool item_has_ballot,
                           std::int64_t now);

// 投票截止时间: the convenor may announce when voting ends, later than the ballot opens and at
// most 7 days after. The ballot stays open past it until the convenor closes it and counts.
constexpr std::int64_t kBallotDeadlineMaxAheadSeconds = 7 * 86400;
Check check_closes_at(std::int64_t closes_at, std::int64_t now);
// Whether voting has ended at `now` by the announced time (never when none was announced).
bool deadline_passed(const Ballot& b, std::int64_t now);

// A member on the roll votes once, while both the ballot and its session are open and before
// its announced closing time.
Check may_vote(const Actor& actor, const Ballot& b, const Session& s, std::int64_t now);
Result<Ballot> cast_vote(const Actor& actor, const Ballot& b, const Session& s, Choice choice,
                         std::int64_t now);

Check may_close_ballot(const Actor& actor, const Ballot& b);
Result<Ballot> close_ballot(const Actor& actor, const Ballot& b, std::int64_t now);

// The count, and the outcome under the council's rules:
// - present = the roll (members signed in when the ballot opened);
// - no_quorum when present does not meet the quorum rule against the electorate;
// - deferred when the deferral margin is on and |yes − no| × den ≤ num × present;
// - passed when yes meets the pass share of present (by area too where the rule says so);
//   abstentions and roll members who did not vote count as present but not yes, so under
//   "more than 1/2 of those present" they weigh as votes against;
// - failed otherwise.
struct Tally {
    std::int64_t yes = 0;
    std::int64_t no = 0;
    std::int64_t abstain = 0;
    std::int64_t not_voted = 0;
    std::int64_t present = 0;
    std::int64_t yes_area_centi_m2 = 0;
    std::int64_t present_area_centi_m2 = 0;
    bool quorum = false;
    Outcome outcome = Outcome::no_quorum;
};

Tally tally(const CouncilRules& rules, const Ballot& b);

// The one order in which every yes/no count is decided (plain ballots, published bulletins, a
// council's own rule): quorum not met → no_quorum; deferral margin met → deferred; pass share met
// by `yes` out of `present` → passed; otherwise failed. The margin compares |yes − no| heads
// with present heads; absent, nothing is deferred (num == 0 defers an exact tie only).
struct YesNoVerdict {
    bool quorum = false;
    Outcome outcome = Outcome::no_quorum;
};
YesNoVerdict yes_no_verdict(const QuorumRule& quorum, const PassRule& pass,
                            const std::optional<Fraction>& defer_margin, const Turnout& electorate,
                            const Turnout& present, const Turnout& yes, std::int64_t no);
// A council's deferral margin as the verdict takes it: num == 0 switches it off.
std::optional<Fraction> defer_margin_of(const CouncilRules& rules);

// The outcome of a ballot among options (single, approval, ranked, budget): without the
// council's quorum no_quorum; nothing cast or no winner (no project funded) fails; a tie between
// winners is deferred for more consultation; one winner (or a funded list) passes.
Outcome option_outcome(bool quorum, std::int64_t ballots_cast, std::size_t winners);

// Once its ballot is closed the scheduled issue is resolved when it passed or failed; when deferred
// or without a quorum it goes back to the list, to be consulted on and put to a later session.
Result<Issue> resolve_issue(const Issue& issue, const Ballot& b, const Tally& t);

}  // namespace yishi
