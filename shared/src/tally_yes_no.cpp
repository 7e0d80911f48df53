// Yes/no/abstain tallies under the legal presets, reusing the quorum and pass checks of quorum.hpp.
#include "yishi/methods.hpp"

namespace yishi {

namespace {
constexpr Threshold more_than(std::int64_t n, std::int64_t d) { return {{n, d}, Bound::more_than}; }
constexpr Threshold at_least(std::int64_t n, std::int64_t d) { return {{n, d}, Bound::at_least}; }

struct PresetName {
    YesNoPreset preset;
    const char* name;
};
constexpr PresetName kPresets[] = {
    {YesNoPreset::residents_meeting, "residents_meeting"},
    {YesNoPreset::villagers_meeting, "villagers_meeting"},
    {YesNoPreset::villagers_meeting_households, "villagers_meeting_households"},
    {YesNoPreset::villager_representatives, "villager_representatives"},
    {YesNoPreset::owners_ordinary, "owners_ordinary"},
    {YesNoPreset::owners_major, "owners_major"},
    {YesNoPreset::council_default, "council_default"},
};
}  // namespace

const char* to_string(YesNoPreset p) {
    for (const auto& n : kPresets)
        if (n.preset == p) return n.name;
    return "council_default";
}

bool yes_no_preset_from_string(const std::string& s, YesNoPreset& out) {
    for (const auto& n : kPresets)
        if (s == n.name) { out = n.preset; return true; }
    return false;
}

bool weighs_area(YesNoPreset p) {
    return p == YesNoPreset::owners_ordinary || p == YesNoPreset::owners_major;
}

YesNoRule preset_rule(YesNoPreset p) {
    switch (p) {
        case YesNoPreset::villagers_meeting_households:
            return {{at_least(2, 3), QuorumBase::households}, {more_than(1, 2), false}};
        case YesNoPreset::villager_representatives:
            return {{at_least(2, 3), QuorumBase::heads}, {more_than(1, 2), false}};
        case YesNoPreset::owners_ordinary:
            return {{at_least(2, 3), QuorumBase::area_and_heads}, {more_than(1, 2), true}};
        case YesNoPreset::owners_major:
            return {{at_least(2, 3), QuorumBase::area_and_heads}, {at_least(3, 4), true}};
        case YesNoPreset::residents_meeting:
        case YesNoPreset::villagers_meeting:
        case YesNoPreset::council_default:
            break;
    }
    return {{more_than(1, 2), QuorumBase::heads}, {more_than(1, 2), false}};
}

YesNoResult tally_yes_no(const YesNoSpec& spec, const std::vector<YesNoVote>& votes) {
    YesNoResult r;
    std::int64_t ballots = 0, area = 0, yes_area = 0;
    for (const auto& v : votes) {
        ballots += v.count;
        area += v.count * v.area_centi_m2;
        switch (v.choice) {
            case Choice::yes:
                r.yes += v.count;
                yes_area += v.count * v.area_centi_m2;
                break;
            case Choice::no: r.no += v.count; break;
            case Choice::abstain: r.abstain += v.count; break;
        }
    }
    YesNoRule rule = spec.custom_rule ? *spec.custom_rule : preset_rule(spec.rule);
    const bool by_area = !spec.custom_rule && weighs_area(spec.rule);
    const Electorate& e = spec.electorate;
    // Every base filled from the one number present, so that whichever base the rule counts
    // by (heads or households) sees it.
    Turnout present, all{e.members, e.households, e.area_centi_m2}, yes{r.yes, r.yes, 0};
    if (by_area) {
        r.present = ballots;  // 参与表决的业主: every ballot, abstentions included
        present = {ballots, ballots, area};
        all = {e.owners, e.owners, e.area_centi_m2};
        yes.area_centi_m2 = yes_area;
        r.yes_area_centi_m2 = yes_area;
        r.participating_area_centi_m2 = area;
        r.participating_owners = ballots;
    } else {
        r.present = spec.present.value_or(ballots);
        present = {r.present, r.present, 0};
    }
    YesNoVerdict v =
        yes_no_verdict(rule.quorum, rule.pass, spec.defer_margin, all, present, yes, r.no);
    r.quorum_met = v.quorum;
    r.outcome = v.outcome;
    return r;
}

}  // namespace yishi
