// A ballot's spec and the requests around it, read through the bulletin reader so that what the
// server accepts is what a recount can read.
#include "yishi/ballot_spec.hpp"

#include <algorithm>
#include <limits>

#include "yishi/decimal.hpp"

namespace yishi {

namespace {
Error bad_ballot(const std::string& field, const std::string& detail) {
    Error e = make_error("bad_ballot", field);
    e.message += "：" + detail;
    return e;
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

Result<std::vector<Id>> tellers_from_request(const Json& tellers) {
    std::vector<Id> out;
    if (!tellers.is_array() || tellers.size() != 2)
        return bad_ballot("tellers", "须为两名计票员的成员编号");
    for (const auto& t : tellers) {
        if (!t.is_number_integer() || t.get<std::int64_t>() <= 0)
            return bad_ballot("tellers", "须为两名计票员的成员编号");
        out.push_back(t.get<Id>());
    }
    if (out[0] == out[1]) return bad_ballot("tellers", "两名计票员须为不同的人");
    return out;
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
        if (!it->is_string()) return make_error("wrong_type", "method");
        if (!method_from_string(it->get<std::string>(), s.method))
            return make_error("unknown_method", "method");
    }
    if (auto it = body.find("secret"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return make_error("wrong_type", "secret");
        s.secret = it->get<bool>();
    }
    if (auto it = body.find("receipts"); it != body.end() && !it->is_null()) {
        if (!it->is_boolean()) return make_error("wrong_type", "receipts");
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
        if (!body.contains("options")) return make_error("missing_field", "options");
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
        auto tellers = tellers_from_request(*it);
        if (!tellers) return tellers.error();
        s.tellers = tellers.value();
        if (s.method != Method::yes_no && s.method != Method::single)
            return bad_ballot("tellers", "纸质票计数只适用于赞成/反对/弃权和单选表决");
        if (s.unit != VotingUnit::member)
            return bad_ballot("tellers", "纸质票不记户和面积，只适用于每人一票的表决");
    }
    return s;
}

Result<std::int64_t> closes_at_from_request(const Json& body, std::int64_t now) {
    auto it = body.find("closes_at");
    if (it == body.end() || it->is_null()) return std::int64_t{0};
    if (!it->is_number_integer()) return make_error("wrong_type", "closes_at");
    // Beyond int64 the time is as far off as any other too distant one.
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t at = kMax;
    if (!it->is_number_unsigned() || it->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax))
        at = it->get<std::int64_t>();
    if (auto e = check_closes_at(at, now)) return *e;
    return at;
}

Json spec_details(const BallotSpec& s) {
    return {{"options", s.options},
            {"max_choices", s.max_choices},
            {"tellers", s.tellers},
            {"budget_centi", s.budget_centi},
            {"costs_centi", s.costs_centi},
            {"receipts", s.receipts}};
}

Result<BallotSpec> stored_spec(const std::string& method, bool secret, const std::string& unit,
                               const Json& d) {
    BallotSpec s;
    if (!method_from_string(method, s.method) || !voting_unit_from_string(unit, s.unit))
        return make_error("internal");
    s.secret = secret;
    try {
        s.options = d.at("options").get<std::vector<std::string>>();
        s.max_choices = d.at("max_choices").get<std::int64_t>();
        s.tellers = d.at("tellers").get<std::vector<Id>>();
        s.budget_centi = d.at("budget_centi").get<std::int64_t>();
        s.costs_centi = d.at("costs_centi").get<std::vector<std::int64_t>>();
        s.receipts = d.value("receipts", true);  // secret ballots had receipts before the choice
    } catch (const nlohmann::json::exception&) {
        return make_error("internal");
    }
    return s;
}

Json bulletin_skeleton(const BallotSpec& s) {
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
        for (std::size_t i = 0; i < s.options.size() && i < s.costs_centi.size(); ++i)
            costs[s.options[i]] = format_hundredths(s.costs_centi[i]);
        j["costs"] = costs;
    }
    return j;
}

Result<Choice> choice_from_request(const Json& body) {
    auto it = body.find("choice");
    if (it == body.end() || it->is_null()) return make_error("missing_field", "choice");
    Choice c;
    if (!it->is_string() || !choice_from_string(it->get<std::string>(), c)) {
        Error e = make_error("wrong_type", "choice");
        e.message = "表决选项无效：须为 yes（赞成）、no（反对）或 abstain（弃权）";
        return e;
    }
    return c;
}

Result<Json> content_from_request(const BallotSpec& spec, const Json& body) {
    if (spec.method == Method::yes_no) {
        auto choice = choice_from_request(body);
        if (!choice) return choice.error();
        return Json{{"choice", to_string(choice.value())}};
    }
    const char* key = vote_key(spec.method);
    if (!body.contains(key) || body[key].is_null()) return make_error("missing_field", key);
    Json content = {{key, body[key]}};
    Json j = bulletin_skeleton(spec);
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
    if (it == body.end() || it->is_null()) return make_error("missing_field", "counts");
    if (!it->is_object()) return make_error("wrong_type", "counts");
    std::vector<std::string> options = counted_options(spec);
    for (const auto& [name, n] : it->items()) {
        if (std::find(options.begin(), options.end(), name) == options.end()) {
            Error e = make_error("unknown_option", "counts");
            e.message += "：\"" + name + "\"";
            return e;
        }
        if (!n.is_number_integer()) return make_error("wrong_type", "counts." + name);
        if (n.get<std::int64_t>() < 0) return make_error("negative_count", "counts." + name);
        if (n.get<std::int64_t>() > 1'000'000'000)
            return make_error("number_too_large", "counts." + name);
    }
    Json canonical = Json::object();
    for (const auto& name : options)
        canonical[name] = it->contains(name) ? (*it)[name].get<std::int64_t>() : 0;
    return canonical;
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

}  // namespace yishi
