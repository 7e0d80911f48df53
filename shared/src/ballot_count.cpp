// One vote per voting unit, the tellers' paper counts and the council's rules as a preset.
#include "yishi/ballot_count.hpp"

#include <algorithm>

#include "yishi/decimal.hpp"

namespace yishi {

namespace {
Error bad_tellers(const std::string& detail) {
    Error e = make_error("bad_ballot", "tellers");
    e.message += "：" + detail;
    return e;
}

bool same(const Threshold& a, const Threshold& b) {
    return a.bound == b.bound && static_cast<__int128>(a.share.num) * b.share.den ==
                                     static_cast<__int128>(b.share.num) * a.share.den;
}

bool matches(YesNoPreset p, const QuorumRule& quorum, const PassRule& pass) {
    YesNoRule r = preset_rule(p);
    return same(r.quorum.share, quorum.share) && r.quorum.base == quorum.base &&
           same(r.pass.share, pass.share) && r.pass.by_area == pass.by_area;
}

YesNoPreset natural_preset(CouncilKind k, bool special) {
    switch (k) {
        case CouncilKind::residents_council:
            return YesNoPreset::council_default;
        case CouncilKind::residents_meeting:
            return YesNoPreset::residents_meeting;
        case CouncilKind::villagers_meeting:
            return YesNoPreset::villagers_meeting;
        case CouncilKind::villager_representatives:
            return YesNoPreset::villager_representatives;
        case CouncilKind::owners_assembly:
            return special ? YesNoPreset::owners_major : YesNoPreset::owners_ordinary;
    }
    return YesNoPreset::council_default;
}
}  // namespace

Id unit_key(VotingUnit unit, const Voter& voter) {
    if (unit == VotingUnit::household)
        return voter.household_id != 0 ? voter.household_id : -voter.member_id;
    return voter.member_id;
}

Error already_voted_in_unit(Id member, Id prior_voter) {
    return make_error(prior_voter == member ? "already_voted" : "household_voted");
}

std::vector<Id> yet_to_vote(const Ballot& b, VotingUnit unit, const std::vector<Id>& voted_units) {
    std::vector<Id> out;
    for (const auto& v : b.roll)
        if (std::find(voted_units.begin(), voted_units.end(), unit_key(unit, v)) ==
            voted_units.end())
            out.push_back(v.member_id);
    return out;
}

Result<ContentVote> content_vote(const Actor& actor, const Ballot& b, const Session& s,
                                 const BallotSpec& spec, const CouncilRules& rules,
                                 const Json& content, std::int64_t now) {
    if (auto e = may_vote(actor, b, s, now)) return *e;
    const Voter* voter = voter_on_roll(b, actor.member_id);
    ContentVote v{unit_key(spec.unit, *voter), content};
    const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
    if (spec.unit == VotingUnit::owners || pass.by_area)
        v.content["area"] = format_hundredths(voter->area_centi_m2);
    return v;
}

Check may_appoint_tellers(const BallotSpec& spec, const PassRule& pass,
                          const std::vector<Actor>& tellers) {
    for (const Actor& t : tellers)
        if (!t.member)
            return bad_tellers("计票员须为本议事会成员（编号 " + std::to_string(t.member_id) + "）");
    if (!spec.tellers.empty() && pass.by_area)
        return bad_tellers("按面积表决时不能计入不记面积的纸质票");
    return std::nullopt;
}

Check may_enter_paper_counts(const Actor& actor, const Ballot& b, const BallotSpec& spec) {
    if (!actor.member) return make_error("forbidden");
    if (std::find(spec.tellers.begin(), spec.tellers.end(), actor.member_id) == spec.tellers.end())
        return make_error("not_teller");
    if (b.state != BallotState::open) return make_error("ballot_closed");
    return std::nullopt;
}

PaperCounts compare_paper_counts(const BallotSpec& spec, std::vector<PaperEntry> entries) {
    PaperCounts out;
    out.tellers = spec.tellers;
    out.entries = std::move(entries);
    if (out.entries.size() == 2) {
        for (const auto& name : counted_options(spec))
            if (out.entries[0].counts.value(name, std::int64_t{0}) !=
                out.entries[1].counts.value(name, std::int64_t{0}))
                out.differing.push_back(name);
        out.agreed = out.differing.empty();
    }
    return out;
}

Result<std::optional<Json>> counted_paper(const BallotSpec& spec, const PaperCounts& pc) {
    if (spec.tellers.empty()) return std::optional<Json>{};
    if (!pc.agreed) return make_error("paper_counts_disagree");
    return std::optional<Json>{pc.entries.front().counts};
}

std::optional<YesNoPreset> preset_for(const CouncilRules& rules, bool special_matter) {
    const PassRule& pass = special_matter ? rules.pass_special : rules.pass;
    YesNoPreset natural = natural_preset(rules.kind, special_matter);
    if (matches(natural, rules.quorum, pass)) return natural;
    for (YesNoPreset p : {YesNoPreset::council_default, YesNoPreset::residents_meeting,
                          YesNoPreset::villagers_meeting, YesNoPreset::villagers_meeting_households,
                          YesNoPreset::villager_representatives, YesNoPreset::owners_ordinary,
                          YesNoPreset::owners_major})
        if (matches(p, rules.quorum, pass)) return p;
    return std::nullopt;
}

}  // namespace yishi
