// Whether one member may vote, decided from the few facts the rule rests on, so that a store
// can check a vote in a full hall without reading the roll or the votes already cast.
#pragma once
#include <cstdint>

#include "yishi/ballot.hpp"

namespace yishi {

struct VoteFacts {
    BallotState ballot = BallotState::open;
    SessionState session = SessionState::open;
    bool of_session = true;      // the ballot was opened in this session
    std::int64_t closes_at = 0;  // 投票截止时间; 0: none announced
    bool on_roll = false;        // the member is on the ballot's frozen roll
    bool voted = false;          // the member's vote is already counted
};

// The facts of `member` voting on `b` in `s`, as whole records show them.
VoteFacts vote_facts(const Ballot& b, const Session& s, Id member);

// Voting has ended at `now` by the announced time (never when none was announced).
bool deadline_passed(std::int64_t closes_at, std::int64_t now);

// The rule of may_vote over its facts: refusals in the same order, with the same codes.
Check may_vote(const VoteFacts& f, std::int64_t now);

}  // namespace yishi
