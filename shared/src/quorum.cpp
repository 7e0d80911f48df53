// Counting voters and checking quorum and pass shares with exact integers.
#include "yishi/quorum.hpp"

#include <set>

namespace yishi {

Turnout count(const std::vector<Voter>& voters) {
    Turnout t;
    std::set<Id> households;
    std::int64_t loners = 0;
    for (const auto& v : voters) {
        ++t.heads;
        t.area_centi_m2 += v.area_centi_m2;
        if (v.household_id == 0) ++loners;
        else households.insert(v.household_id);
    }
    t.households = static_cast<std::int64_t>(households.size()) + loners;
    return t;
}

std::vector<Voter> electorate(const std::vector<Member>& members,
                              const std::vector<Membership>& memberships, Id council_id) {
    std::vector<Voter> out;
    for (const auto& ms : memberships) {
        if (ms.council_id != council_id || !ms.voting) continue;
        for (const auto& m : members)
            if (m.id == ms.member_id) out.push_back({m.id, m.household_id, m.floor_area_centi_m2});
    }
    return out;
}

bool quorum_met(const QuorumRule& rule, const Turnout& present, const Turnout& all) {
    switch (rule.base) {
        case QuorumBase::heads: return meets(rule.share, present.heads, all.heads);
        case QuorumBase::households:
            return meets(rule.share, present.households, all.households);
        case QuorumBase::area_and_heads:
            return meets(rule.share, present.area_centi_m2, all.area_centi_m2) &&
                   meets(rule.share, present.heads, all.heads);
    }
    return false;
}

bool pass_met(const PassRule& rule, const Turnout& yes, const Turnout& present) {
    if (!meets(rule.share, yes.heads, present.heads)) return false;
    return !rule.by_area || meets(rule.share, yes.area_centi_m2, present.area_centi_m2);
}

}  // namespace yishi
