// JSON forms of the 定 (decide) step: council rules, sessions, ballots with their tally, and
// notices; and the strict reading of the rules a convenor sends. (Server-side until the core's
// messages carry them.)
#pragma once
#include <string>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/messages.hpp"
#include "yishi/notice.hpp"
#include "yishi/rules.hpp"
#include "yishi/server/store.hpp"
#include "yishi/session.hpp"

namespace yishi::server {

Json to_json(const CouncilRules& r);
// Strict: every field present with its type; the core validates the values afterwards.
Result<CouncilRules> rules_from_json(const Json& j);

// A signed-in member as the session shows them.
struct Attendee {
    Id member_id = 0;
    std::string name;
};

// Where the quorum stands: present and electorate by head, and whether the rule is met.
struct QuorumStatus {
    bool met = false;
    std::int64_t present = 0;
    std::int64_t electorate = 0;
};

Json to_json(const Session& s);  // without attendees, quorum or ballots (for lists)
Json to_json(const Session& s, const std::vector<Attendee>& attendees, const QuorumStatus& q,
             const std::vector<BallotRecord>& ballots, const CouncilRules& rules);
Json to_json(const BallotRecord& b);
Json to_json(const Notice& n);
Json to_json(const DemandStatus& d);

bool session_kind_from_string(const std::string& s, SessionKind& out);
bool session_state_from_string(const std::string& s, SessionState& out);
bool outcome_from_string(const std::string& s, Outcome& out);

}  // namespace yishi::server
