// The bulletin (计票公告) published when a ballot closes: every counted ballot and the rule, with
// the result the recount gives, so that `yishi-tally` recounts it to the same JSON.
#include <algorithm>

#include "yishi/ballot_count.hpp"
#include "yishi/decimal.hpp"
#include "yishi/messages_decide.hpp"

namespace yishi {

namespace {
std::int64_t count_of(const Json& ballot) {
    return ballot.contains("count") ? ballot["count"].get<std::int64_t>() : 1;
}

// The preset a yes/no bulletin is recounted by, if any.
std::optional<YesNoPreset> recount_preset(const BallotSpec& spec, const CouncilRules& rules,
                                          bool special_matter) {
    if (spec.unit == VotingUnit::owners)
        return special_matter ? YesNoPreset::owners_major : YesNoPreset::owners_ordinary;
    std::optional<YesNoPreset> preset = preset_for(rules, special_matter);
    // A quorum by households counts one present voter per household, which a head count of
    // the roll cannot say for the member unit: recounted by the council's own rules instead.
    if (preset && spec.unit == VotingUnit::member &&
        preset_rule(*preset).quorum.base == QuorumBase::households)
        return std::nullopt;
    return preset;
}

// 议事规则 adjusted away from every preset: the council's own tally (ballot.hpp) of the listed
// ballots, which yishi-tally cannot redo.
Tally own_rules_tally(const BulletinParts& parts, const std::vector<Json>& ballots,
                      std::int64_t n_ballots) {
    if (parts.plain_tally) return *parts.plain_tally;
    const Ballot& b = parts.ballot;
    Turnout roll = count(b.roll);
    Tally t;
    Turnout yes;
    for (const auto& x : ballots) {
        std::string c = x["choice"].get<std::string>();
        std::int64_t n = count_of(x);
        if (c == "yes") {
            t.yes += n;
            yes.heads += n;
            yes.households += n;
        } else if (c == "no")
            t.no += n;
        else
            t.abstain += n;
    }
    Turnout present = roll;
    if (parts.spec.unit == VotingUnit::household) present.heads = roll.households;
    present.heads = std::max(present.heads, n_ballots);
    t.present = present.heads;
    t.not_voted = t.present - t.yes - t.no - t.abstain;
    const CouncilRules& rules = parts.rules;
    const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
    YesNoVerdict v = yes_no_verdict(rules.quorum, pass, defer_margin_of(rules), b.electorate,
                                    present, yes, t.no);
    t.quorum = v.quorum;
    t.outcome = v.outcome;
    return t;
}
}  // namespace

Result<Published> publish_bulletin(const BulletinParts& parts) {
    const Ballot& b = parts.ballot;
    const BallotSpec& spec = parts.spec;
    const CouncilRules& rules = parts.rules;
    Turnout roll = count(b.roll);
    const Turnout& all = b.electorate;

    Json j = {{"method", to_string(spec.method)}};
    // Context for people; the reader ignores these keys.
    j["ballot_id"] = b.id;
    j["issue_id"] = b.issue_id;
    j["issue_title"] = parts.issue_title;
    j["closed_at"] = b.closed_at;
    j["secret"] = spec.secret;
    j["unit"] = to_string(spec.unit);

    std::vector<Json> ballots = parts.ballots;
    if (parts.paper)
        for (const auto& name : counted_options(spec)) {
            std::int64_t n = (*parts.paper)[name].get<std::int64_t>();
            if (n > 0) ballots.push_back({{"choice", name}, {"count", n}, {"paper", true}});
        }
    std::int64_t n_ballots = 0;
    for (const auto& x : ballots) n_ballots += count_of(x);

    bool custom = false;
    if (spec.method == Method::yes_no) {
        const std::optional<YesNoPreset> preset = recount_preset(spec, rules, b.special_matter);
        // Rules adjusted away from every preset are published as the council's own rule when
        // they count heads, so that yishi-tally still recounts them.
        std::optional<YesNoRule> own;
        const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
        if (!preset && spec.unit != VotingUnit::owners &&
            rules.quorum.base == QuorumBase::heads && !pass.by_area)
            own = YesNoRule{rules.quorum, pass};
        custom = !preset && !own;
        if (preset && weighs_area(*preset)) {
            // Each ballot's floor area: stored with the content, else the roll's for open votes.
            for (auto& x : ballots) {
                if (x.contains("area")) continue;
                std::int64_t area = 0;
                if (x.contains("member_id"))
                    if (const Voter* v = voter_on_roll(b, x["member_id"].get<Id>()))
                        area = v->area_centi_m2;
                x["area"] = format_hundredths(area);
            }
            j["electorate"] = {{"owners", all.heads},
                               {"area", format_hundredths(all.area_centi_m2)}};
        } else {
            for (auto& x : ballots) x.erase("area");
            bool by_household = spec.unit == VotingUnit::household;
            std::int64_t units = by_household ? roll.households : roll.heads;
            j["electorate"] = {{"members", by_household ? all.households : all.heads},
                               {"households", all.households}};
            j["present"] = std::max(units, n_ballots);
        }
        if (preset)
            j["rule"] = to_string(*preset);
        else if (own)
            j["rule"] = custom_rule_json(*own);
        else
            j["rule"] = nullptr;
        if (rules.defer_margin.num > 0)
            j["defer_margin"] = {{"num", rules.defer_margin.num}, {"den", rules.defer_margin.den}};
    } else {
        Json skel = bulletin_skeleton(spec);
        for (const char* key : {"options", "max_choices", "budget", "costs"})
            if (skel.contains(key)) j[key] = skel[key];
    }
    j["ballots"] = ballots;

    Published out;
    if (custom) {
        Tally t = own_rules_tally(parts, ballots, n_ballots);
        j["council_rules"] = to_json(rules);
        j["recountable"] = false;
        j["result"] = {{"outcome", to_string(t.outcome)},
                       {"yes", t.yes},
                       {"no", t.no},
                       {"abstain", t.abstain},
                       {"present", t.present},
                       {"quorum_met", t.quorum}};
        out.tally = t;
        out.bulletin = std::move(j);
        return out;
    }

    auto parsed = parse_bulletin(j);
    if (!parsed) return parsed.error();
    const Bulletin& bulletin = parsed.value();
    j["result"] = tally_bulletin(bulletin);

    Tally t;
    if (parts.plain_tally) {
        t = *parts.plain_tally;  // the plain ballot keeps its record as before
    } else if (spec.method == Method::yes_no) {
        YesNoResult r = tally_yes_no(bulletin.yes_no, bulletin.votes);
        t.yes = r.yes;
        t.no = r.no;
        t.abstain = r.abstain;
        t.present = r.present;
        t.not_voted = std::max<std::int64_t>(0, r.present - r.yes - r.no - r.abstain);
        t.yes_area_centi_m2 = r.yes_area_centi_m2;
        t.present_area_centi_m2 = r.participating_area_centi_m2;
        t.quorum = r.quorum_met;
        t.outcome = r.outcome;
    } else {
        // Choices among options: the council's quorum on the roll.
        t.present = roll.heads;
        t.not_voted = std::max<std::int64_t>(0, roll.heads - n_ballots);
        t.quorum = quorum_met(rules.quorum, roll, all);
        const Json& result = j["result"];
        std::size_t winners = spec.method == Method::budget
                                  ? (result["funded"].empty() ? 0 : 1)
                                  : result["winners"].size();
        t.outcome = option_outcome(t.quorum, n_ballots, winners);
    }
    out.tally = t;
    out.bulletin = std::move(j);
    return out;
}

}  // namespace yishi
