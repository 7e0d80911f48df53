// 法定人数 (quorum) and pass thresholds counted over voters: by head, household or floor area.
#pragma once
#include <cstdint>
#include <vector>

#include "yishi/model.hpp"
#include "yishi/rules.hpp"

namespace yishi {

// One voting member as a ballot counts them.
struct Voter {
    Id member_id = 0;
    Id household_id = 0;                   // 0: counts as a household of one
    std::int64_t area_centi_m2 = 0;        // private floor area, for owners
};

// Sizes of a group of voters.
struct Turnout {
    std::int64_t heads = 0;
    std::int64_t households = 0;  // distinct household ids; a voter without one is their own
    std::int64_t area_centi_m2 = 0;
};

Turnout count(const std::vector<Voter>& voters);

// Voters of a council: its voting members, with their household and area.
std::vector<Voter> electorate(const std::vector<Member>& members,
                              const std::vector<Membership>& memberships, Id council_id);

// Whether `present` out of `all` holds the meeting under the rule.
bool quorum_met(const QuorumRule& rule, const Turnout& present, const Turnout& all);

// Whether `yes` out of `present` passes: by head, and by area too when the rule weighs area.
bool pass_met(const PassRule& rule, const Turnout& yes, const Turnout& present);

}  // namespace yishi
