// A bulletin's result as JSON: the same function serves the server's publication and the recount.
#include "yishi/bulletin.hpp"
#include "yishi/decimal.hpp"

namespace yishi {

namespace {
using Json = nlohmann::json;

struct MethodName {
    Method method;
    const char* name;
};
constexpr MethodName kMethods[] = {
    {Method::yes_no, "yes_no"}, {Method::single, "single"}, {Method::approval, "approval"},
    {Method::schulze, "schulze"}, {Method::irv, "irv"},     {Method::budget, "budget"},
};

Json names(const Bulletin& b, const std::vector<std::size_t>& which) {
    Json out = Json::array();
    for (std::size_t o : which) out.push_back(b.options[o]);
    return out;
}

Json counts(const Bulletin& b, const std::vector<std::int64_t>& per_option,
            const std::vector<bool>* only = nullptr) {
    Json out = Json::object();
    for (std::size_t o = 0; o < b.options.size(); ++o)
        if (!only || (*only)[o]) out[b.options[o]] = per_option[o];
    return out;
}

Json yes_no_json(const Bulletin& b) {
    YesNoResult r = tally_yes_no(b.yes_no, b.votes);
    Json j = {{"outcome", to_string(r.outcome)}, {"yes", r.yes},         {"no", r.no},
              {"abstain", r.abstain},            {"present", r.present}, {"quorum_met", r.quorum_met}};
    if (weighs_area(b.yes_no.rule)) {
        j["yes_area"] = format_hundredths(r.yes_area_centi_m2);
        j["participating_area"] = format_hundredths(r.participating_area_centi_m2);
        j["participating_owners"] = r.participating_owners;
    }
    return j;
}
}  // namespace

const char* to_string(Method m) {
    for (const auto& n : kMethods)
        if (n.method == m) return n.name;
    return "yes_no";
}

bool method_from_string(const std::string& s, Method& out) {
    for (const auto& n : kMethods)
        if (s == n.name) { out = n.method; return true; }
    return false;
}

Json tally_bulletin(const Bulletin& b) {
    const std::size_t n = b.options.size();
    switch (b.method) {
        case Method::yes_no: return yes_no_json(b);
        case Method::single:
        case Method::approval: {
            CountResult r = b.method == Method::single ? tally_single(n, b.picks)
                                                       : tally_approval(n, b.picks);
            return {{"counts", counts(b, r.counts)}, {"winners", names(b, r.winners)}};
        }
        case Method::schulze: {
            SchulzeResult r = tally_schulze(n, b.rankings);
            Json order = Json::array();
            for (const auto& group : r.order) order.push_back(names(b, group));
            return {{"winners", names(b, r.winners)}, {"order", order}};
        }
        case Method::irv: {
            IrvResult r = tally_irv(n, b.rankings);
            Json rounds = Json::array();
            for (const auto& round : r.rounds) {
                Json eliminated = round.eliminated ? Json(b.options[*round.eliminated]) : Json();
                rounds.push_back({{"counts", counts(b, round.counts, &round.continuing)},
                                  {"eliminated", eliminated}});
            }
            return {{"winners", names(b, r.winners)}, {"rounds", rounds}};
        }
        case Method::budget: {
            BudgetResult r = tally_budget(b.costs_centi, b.budget_centi, b.picks);
            return {{"funded", names(b, r.funded)},
                    {"unfunded", names(b, r.unfunded)},
                    {"spent", format_hundredths(r.spent_centi)}};
        }
    }
    return Json::object();
}

}  // namespace yishi
