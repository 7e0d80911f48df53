// How a ballot is held: specs and votes read from requests through the core's bulletin
// reader, the council's rules as a preset, and the bulletin published at closing.
#include "ballot_methods.hpp"

#include <algorithm>

#include "decide_request.hpp"
#include "yishi/decimal.hpp"
#include "yishi/messages_decide.hpp"

namespace yishi::server {

namespace {
Error bad_ballot(const std::string& field, const std::string& detail) {
    Error e = make_error("bad_ballot", field);
    e.message += "：" + detail;
    return e;
}

// A bulletin with the spec and no ballots, for the core's reader to check specs and votes.
Json skeleton(const BallotSpec& s) {
    Json j = {{"method", to_string(s.method)}, {"ballots", Json::array()}};
    if (s.method == Method::yes_no) {
        j["rule"] = "council_default";
        j["electorate"] = {{"members", 1}};
        return j;
    }
    j["options"] = s.options;
    if (s.method == Method::approval && s.max_choices > 0) j["max_choices"] = s.max_choices;
    if (s.method == Method::budget) {
        j["budget"] = format_hundredths(s.budget_centi);
        Json costs = Json::object();
        for (std::size_t i = 0; i < s.options.size() && i < s.costs_centi.size(); ++i)
            costs[s.options[i]] = format_hundredths(s.costs_centi[i]);
        j["costs"] = costs;
    }
    return j;
}

// The key a vote of this method carries.
const char* vote_key(Method m) {
    switch (m) {
        case Method::yes_no:
        case Method::single:
            return "choice";
        case Method::approval:
        case Method::budget:
            return "approve";
        case Method::schulze:
        case Method::irv:
            return "ranking";
    }
    return "choice";
}

// Drops "ballots[0]." from a refusal about the one ballot of a skeleton, so that it names the
// request's own field ("ranking[1][0]").
Error naming_vote_field(Error e) {
    const std::string prefix = "ballots[0].";
    if (e.field.rfind(prefix, 0) == 0) e.field = e.field.substr(prefix.size());
    if (auto pos = e.message.find(prefix); pos != std::string::npos)
        e.message.erase(pos, prefix.size());
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

std::int64_t count_of(const Json& ballot) {
    return ballot.contains("count") ? ballot["count"].get<std::int64_t>() : 1;
}
}  // namespace

const char* to_string(VotingUnit u) {
    switch (u) {
        case VotingUnit::member:
            return "member";
        case VotingUnit::household:
            return "household";
        case VotingUnit::owners:
            return "owners";
    }
    return "member";
}

bool voting_unit_from_string(const std::string& s, VotingUnit& out) {
    for (VotingUnit u : {VotingUnit::member, VotingUnit::household, VotingUnit::owners})
        if (s == to_string(u)) {
            out = u;
            return true;
        }
    return false;
}

Result<BallotSpec> spec_from_request(const Json& body) {
    BallotSpec s;
    if (auto it = body.find("method"); it != body.end() && !it->is_null()) {
        if (!it->is_string()) return field_error("wrong_type", "method");
        if (!method_from_string(it->get<std::string>(), s.method))
            return make_error("unknown_method", "method");
    }
    if (auto it = body.find("secret"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return field_error("wrong_type", "secret");
        s.secret = it->get<bool>();
    }
    if (auto it = body.find("receipts"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return field_error("wrong_type", "receipts");
        if (!s.secret)
            return bad_ballot("receipts", "记名表决不发回执，只有无记名表决可选是否发回执");
        s.receipts = it->get<bool>();
    }
    if (auto it = body.find("unit"); it != body.end() && !it->is_null()) {
        if (!it->is_string() || !voting_unit_from_string(it->get<std::string>(), s.unit))
            return bad_ballot(
                "unit", "须为 member（每人一票）、household（每户一票）或 owners（业主，按面积）");
    }
    if (s.method == Method::yes_no) {
        for (const char* key : {"options", "max_choices", "budget", "costs"})
            if (body.contains(key) && !body[key].is_null())
                return bad_ballot(key, "赞成/反对/弃权表决不设此项");
    } else {
        if (!body.contains("options")) return field_error("missing_field", "options");
        Json j = {{"method", to_string(s.method)},
                  {"options", body["options"]},
                  {"ballots", Json::array()}};
        for (const char* key : {"max_choices", "budget", "costs"})
            if (body.contains(key) && !body[key].is_null()) j[key] = body[key];
        auto parsed = parse_bulletin(j);
        if (!parsed) return parsed.error();
        const Bulletin& b = parsed.value();
        s.options = b.options;
        if (s.method == Method::approval && body.contains("max_choices") &&
            !body["max_choices"].is_null())
            s.max_choices = b.max_choices;
        s.budget_centi = b.budget_centi;
        s.costs_centi = b.costs_centi;
    }
    if (s.unit == VotingUnit::owners && s.method != Method::yes_no)
        return bad_ballot("unit", "按面积计票（owners）只适用于赞成/反对/弃权表决");
    if (auto it = body.find("tellers"); it != body.end() && !it->is_null()) {
        if (!it->is_array() || it->size() != 2)
            return bad_ballot("tellers", "须为两名计票员的成员编号");
        for (const auto& t : *it) {
            if (!t.is_number_integer() || t.get<std::int64_t>() <= 0)
                return bad_ballot("tellers", "须为两名计票员的成员编号");
            s.tellers.push_back(t.get<Id>());
        }
        if (s.tellers[0] == s.tellers[1]) return bad_ballot("tellers", "两名计票员须为不同的人");
        if (s.method != Method::yes_no && s.method != Method::single)
            return bad_ballot("tellers", "纸质票计数只适用于赞成/反对/弃权和单选表决");
        if (s.unit != VotingUnit::member)
            return bad_ballot("tellers", "纸质票不记户和面积，只适用于每人一票的表决");
    }
    return s;
}

Json spec_details(const BallotSpec& s) {
    Json j = {{"options", s.options},
              {"max_choices", s.max_choices},
              {"tellers", s.tellers},
              {"budget_centi", s.budget_centi},
              {"costs_centi", s.costs_centi},
              {"receipts", s.receipts}};
    return j;
}

BallotSpec spec_from_stored(const std::string& method, bool secret, const std::string& unit,
                            const Json& d) {
    BallotSpec s;
    if (!method_from_string(method, s.method) || !voting_unit_from_string(unit, s.unit))
        throw StoreError("unknown ballot method or unit in database");
    s.secret = secret;
    s.options = d.at("options").get<std::vector<std::string>>();
    s.max_choices = d.at("max_choices").get<std::int64_t>();
    s.tellers = d.at("tellers").get<std::vector<Id>>();
    s.budget_centi = d.at("budget_centi").get<std::int64_t>();
    s.costs_centi = d.at("costs_centi").get<std::vector<std::int64_t>>();
    s.receipts = d.value("receipts", true);  // every secret ballot had receipts before the choice
    return s;
}

Json spec_json(const BallotSpec& s) {
    Json j = {{"method", s.method == Method::yes_no ? "yes_no_abstain" : to_string(s.method)},
              {"secret", s.secret},
              {"receipts", s.secret && s.receipts},
              {"unit", to_string(s.unit)},
              {"tellers", s.tellers}};
    if (s.method != Method::yes_no) j["options"] = s.options;
    if (s.method == Method::approval)
        j["max_choices"] =
            s.max_choices > 0 ? s.max_choices : static_cast<std::int64_t>(s.options.size());
    if (s.method == Method::budget) {
        j["budget"] = format_hundredths(s.budget_centi);
        Json costs = Json::object();
        for (std::size_t i = 0; i < s.options.size(); ++i)
            costs[s.options[i]] = format_hundredths(s.costs_centi[i]);
        j["costs"] = costs;
    }
    return j;
}

Result<Json> content_from_request(const BallotSpec& spec, const Json& body) {
    const char* key = vote_key(spec.method);
    if (!body.contains(key) || body[key].is_null()) return field_error("missing_field", key);
    Json content = {{key, body[key]}};
    if (spec.method == Method::yes_no) {
        Choice c;
        if (!body[key].is_string() || !choice_from_string(body[key].get<std::string>(), c)) {
            Error e = field_error("wrong_type", "choice");
            e.message = "表决选项无效：须为 yes（赞成）、no（反对）或 abstain（弃权）";
            return e;
        }
        return content;
    }
    Json j = skeleton(spec);
    j["ballots"].push_back(content);
    auto parsed = parse_bulletin(j);
    if (!parsed) return naming_vote_field(parsed.error());
    return content;
}

std::vector<std::string> counted_options(const BallotSpec& spec) {
    if (spec.method == Method::yes_no) return {"yes", "no", "abstain"};
    return spec.options;
}

Result<Json> paper_counts_from_request(const BallotSpec& spec, const Json& body) {
    auto it = body.find("counts");
    if (it == body.end() || it->is_null()) return field_error("missing_field", "counts");
    if (!it->is_object()) return field_error("wrong_type", "counts");
    std::vector<std::string> options = counted_options(spec);
    for (const auto& [name, n] : it->items()) {
        if (std::find(options.begin(), options.end(), name) == options.end()) {
            Error e = make_error("unknown_option", "counts");
            e.message += "：\"" + name + "\"";
            return e;
        }
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0 ||
            n.get<std::int64_t>() > 1'000'000'000) {
            Error e = make_error("negative_count", "counts." + name);
            if (n.is_number_integer() && n.get<std::int64_t>() >= 0)
                e = make_error("number_too_large", "counts." + name);
            if (!n.is_number_integer()) e = make_error("wrong_type", "counts." + name);
            return e;
        }
    }
    Json canonical = Json::object();
    for (const auto& name : options)
        canonical[name] = it->contains(name) ? (*it)[name].get<std::int64_t>() : 0;
    return canonical;
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

Result<Published> publish_bulletin(const BulletinParts& parts) {
    const Ballot& b = parts.record.ballot;
    const BallotSpec& spec = parts.spec;
    const CouncilRules& rules = parts.rules;
    Turnout roll = count(b.roll);
    const Turnout& all = b.electorate;

    Json j = {{"method", to_string(spec.method)}};
    // Context for people; the reader ignores these keys.
    j["ballot_id"] = b.id;
    j["issue_id"] = b.issue_id;
    j["issue_title"] = parts.record.issue_title;
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

    std::optional<YesNoPreset> preset;
    bool custom = false;
    if (spec.method == Method::yes_no) {
        if (spec.unit == VotingUnit::owners)
            preset = b.special_matter ? YesNoPreset::owners_major : YesNoPreset::owners_ordinary;
        else
            preset = preset_for(rules, b.special_matter);
        // A quorum by households counts one present voter per household, which a head count of
        // the roll cannot say for the member unit: recounted by the council's own rules instead.
        if (preset && spec.unit == VotingUnit::member &&
            preset_rule(*preset).quorum.base == QuorumBase::households)
            preset.reset();
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
                    for (const auto& v : b.roll)
                        if (v.member_id == x["member_id"].get<Id>()) area = v.area_centi_m2;
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
        j["rule"] = preset ? Json(to_string(*preset)) : own ? custom_rule_json(*own) : Json(nullptr);
        if (rules.defer_margin.num > 0)
            j["defer_margin"] = {{"num", rules.defer_margin.num}, {"den", rules.defer_margin.den}};
    } else {
        Json skel = skeleton(spec);
        for (const char* key : {"options", "max_choices", "budget", "costs"})
            if (skel.contains(key)) j[key] = skel[key];
    }
    j["ballots"] = ballots;

    Published out;
    if (custom) {
        // 议事规则 adjusted away from every preset: the bulletin lists the ballots and the rules,
        // and the result is the council's own tally (ballot.hpp), which yishi-tally cannot redo.
        Tally t;
        if (parts.plain_tally) {
            t = *parts.plain_tally;
        } else {
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
            if (spec.unit == VotingUnit::household) present.heads = roll.households;
            present.heads = std::max(present.heads, n_ballots);
            t.present = present.heads;
            t.not_voted = t.present - t.yes - t.no - t.abstain;
            t.quorum = quorum_met(rules.quorum, present, all);
            const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
            std::int64_t diff = t.yes > t.no ? t.yes - t.no : t.no - t.yes;
            if (!t.quorum)
                t.outcome = Outcome::no_quorum;
            else if (rules.defer_margin.num > 0 && at_most(rules.defer_margin, diff, t.present))
                t.outcome = Outcome::deferred;
            else if (pass_met(pass, yes, present))
                t.outcome = Outcome::passed;
            else
                t.outcome = Outcome::failed;
        }
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
        // Choices among options: the council's quorum on the roll; one winner (or a funded
        // list) decides; a tie is deferred for more consultation; nothing cast fails.
        t.present = roll.heads;
        t.not_voted = std::max<std::int64_t>(0, roll.heads - n_ballots);
        t.quorum = quorum_met(rules.quorum, roll, all);
        const Json& result = j["result"];
        std::size_t winners = 0;
        if (spec.method == Method::budget)
            winners = result["funded"].empty() ? 0 : 1;
        else
            winners = result["winners"].size();
        if (!t.quorum)
            t.outcome = Outcome::no_quorum;
        else if (n_ballots == 0 || winners == 0)
            t.outcome = Outcome::failed;
        else if (winners > 1)
            t.outcome = Outcome::deferred;
        else
            t.outcome = Outcome::passed;
    }
    out.tally = t;
    out.bulletin = std::move(j);
    return out;
}

Json method_ballot_json(Json view, const BallotSpec& spec, const std::vector<Id>& voted,
                        const std::vector<std::pair<Id, Json>>& open_contents,
                        const std::optional<Json>& bulletin) {
    Json fields = spec_json(spec);
    for (auto& [key, value] : fields.items()) view[key] = value;
    view["voted"] = voted;
    view["votes_cast"] = static_cast<std::int64_t>(voted.size());
    if (view["state"] == "closed") {
        // `votes` keeps the yes/no form every client decodes ({member_id, choice}); what each
        // member cast in another method is under `cast`. A secret ballot fills neither: who
        // voted (above), never what.
        Json votes = Json::array(), cast = Json::array();
        if (!spec.secret)
            for (const auto& [member, content] : open_contents) {
                Json v = content;
                v.erase("area");
                v["member_id"] = member;
                cast.push_back(v);
                if (spec.method == Method::yes_no) votes.push_back(v);
            }
        view["votes"] = votes;
        view["cast"] = cast;
        if (bulletin) view["result"] = (*bulletin)["result"];
    }
    return view;
}

}  // namespace yishi::server
