// Reading a bulletin: every field checked, every refusal naming the field and the problem.
#include "yishi/bulletin.hpp"

#include <map>
#include <set>

#include "bulletin_fields.hpp"
#include "messages_read.hpp"
#include "yishi/decimal.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {
using Json = nlohmann::json;
using namespace bulletin_fields;

struct Reader {
    const Json& j;
    Bulletin b;
    std::map<std::string, std::size_t> index;  // option name → position

    Result<std::size_t> option(const Json& name, const std::string& path) const {
        if (!name.is_string()) return fail("bad_bulletin", path, "须为选项名称（字符串）");
        auto it = index.find(name.get<std::string>());
        if (it == index.end()) return fail("unknown_option", path, in_quotes(name.get<std::string>()));
        return it->second;
    }

    // A list of distinct options, adding to `seen` (which spans a whole ranking).
    Check option_list(const Json& list, const std::string& path, std::vector<std::size_t>& out,
                      std::set<std::size_t>& seen) const {
        if (!list.is_array()) return fail("bad_bulletin", path, "须为选项名称的列表");
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto o = option(list[i], at(path, i));
            if (!o) return o.error();
            if (!seen.insert(o.value()).second)
                return fail("duplicate_option", at(path, i), in_quotes(list[i].get<std::string>()));
            out.push_back(o.value());
        }
        return std::nullopt;
    }

    Check options() {
        if (b.method == Method::yes_no) return std::nullopt;
        if (!j.contains("options") || !j["options"].is_array() || j["options"].empty())
            return fail("bad_bulletin", "options", "须为非空的选项名称列表");
        const Json& list = j["options"];
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || list[i].get<std::string>().empty())
                return fail("bad_bulletin", at("options", i), "须为非空字符串");
            std::string name = list[i].get<std::string>();
            if (auto refused = check_characters(name, at("options", i), TextLines::one))
                return *refused;
            if (!index.emplace(name, i).second)
                return fail("duplicate_option", at("options", i), in_quotes(name));
            b.options.push_back(name);
        }
        return std::nullopt;
    }

    Check yes_no_header() {
        if (j.contains("rule") && j["rule"].is_object()) {
            // A council's own rule: by heads only, so every other check below reads it as the
            // default preset's bases (members, no area).
            YesNoRule custom;
            const Json& r = j["rule"];
            if (!r.contains("quorum") || !wire::read_quorum_rule(r["quorum"], custom.quorum) ||
                !r.contains("pass") || !wire::read_pass_rule(r["pass"], custom.pass) ||
                !valid_share(custom.quorum.share.share) || !valid_share(custom.pass.share.share))
                return fail("bad_bulletin", "rule",
                            "自定义规则须为 {\"quorum\": {num, den, bound, base}, \"pass\": {num, den, "
                            "bound, by_area}}，比例在 0 与 1 之间");
            if (custom.quorum.base != QuorumBase::heads || custom.pass.by_area)
                return fail("bad_bulletin", "rule",
                            "自定义规则只能按人数计算（base 为 \"heads\"，by_area 为 false）");
            b.yes_no.rule = YesNoPreset::council_default;
            b.yes_no.custom_rule = custom;
        } else if (!j.contains("rule") || !j["rule"].is_string()) {
            return fail("bad_bulletin", "rule", "缺少表决规则（如 \"residents_meeting\"）");
        } else if (!yes_no_preset_from_string(j["rule"].get<std::string>(), b.yes_no.rule)) {
            return fail("unknown_preset", "rule", in_quotes(j["rule"].get<std::string>()));
        }
        if (!j.contains("electorate") || !j["electorate"].is_object())
            return fail("bad_bulletin", "electorate", "缺少全体表决人数（对象）");
        const Json& e = j["electorate"];
        YesNoRule rule = preset_rule(b.yes_no.rule);
        std::vector<std::string> needed = {"members"};
        if (rule.quorum.base == QuorumBase::households) needed = {"households"};
        if (weighs_area(b.yes_no.rule)) needed = {"owners", "area"};
        for (const auto& key : needed)
            if (!e.contains(key)) return fail("bad_bulletin", "electorate." + key, "缺少该字段");
        Electorate& out = b.yes_no.electorate;
        std::pair<const char*, std::int64_t*> counts[] = {
            {"members", &out.members}, {"households", &out.households}, {"owners", &out.owners}};
        for (auto [key, dest] : counts) {
            if (!e.contains(key)) continue;
            auto v = non_negative(e[key], std::string("electorate.") + key);
            if (!v) return v.error();
            *dest = v.value();
        }
        if (e.contains("area")) {
            auto v = decimal(e["area"], "electorate.area");
            if (!v) return v.error();
            out.area_centi_m2 = v.value();
        }
        if (j.contains("present")) {
            auto v = non_negative(j["present"], "present");
            if (!v) return v.error();
            b.yes_no.present = v.value();
        }
        if (j.contains("defer_margin")) {
            const Json& m = j["defer_margin"];
            if (!m.is_object() || !m.contains("num") || !m.contains("den"))
                return fail("bad_bulletin", "defer_margin", "须为 {\"num\": a, \"den\": b}");
            auto num = non_negative(m["num"], "defer_margin.num");
            if (!num) return num.error();
            auto den = non_negative(m["den"], "defer_margin.den");
            if (!den) return den.error();
            if (den.value() == 0 || num.value() > den.value())
                return fail("bad_bulletin", "defer_margin", "须满足 0 ≤ num ≤ den 且 den > 0");
            b.yes_no.defer_margin = Fraction{num.value(), den.value()};
        }
        return std::nullopt;
    }

    Check method_header() {
        if (b.method == Method::yes_no) return yes_no_header();
        if (b.method == Method::approval) {
            b.max_choices = static_cast<std::int64_t>(b.options.size());
            if (j.contains("max_choices")) {
                auto v = non_negative(j["max_choices"], "max_choices");
                if (!v) return v.error();
                if (v.value() == 0) return fail("bad_bulletin", "max_choices", "须至少为 1");
                b.max_choices = v.value();
            }
        }
        if (b.method == Method::budget) {
            if (!j.contains("budget")) return fail("bad_bulletin", "budget", "缺少预算总额");
            auto v = decimal(j["budget"], "budget");
            if (!v) return v.error();
            b.budget_centi = v.value();
            if (!j.contains("costs") || !j["costs"].is_object())
                return fail("bad_bulletin", "costs", "缺少各项目的费用（对象）");
            for (const auto& [name, cost] : j["costs"].items())
                if (!index.count(name)) return fail("unknown_option", "costs", in_quotes(name));
            for (const auto& name : b.options) {
                if (!j["costs"].contains(name))
                    return fail("bad_bulletin", "costs." + name, "缺少该项目的费用");
                auto c = decimal(j["costs"][name], "costs." + name);
                if (!c) return c.error();
                b.costs_centi.push_back(c.value());
            }
        }
        return std::nullopt;
    }

    // One entry of `ballots` with `count` already read.
    Check ballot(const Json& e, const std::string& path, std::int64_t count) {
        if (b.method == Method::yes_no) {
            YesNoVote v;
            v.count = count;
            if (!e.contains("choice") || !e["choice"].is_string())
                return fail("bad_bulletin", path + ".choice", "须为 \"yes\"、\"no\" 或 \"abstain\"");
            if (!choice_from_string(e["choice"].get<std::string>(), v.choice))
                return fail("unknown_option", path + ".choice", in_quotes(e["choice"].get<std::string>()));
            if (weighs_area(b.yes_no.rule) && !e.contains("area"))
                return fail("bad_bulletin", path + ".area", "业主表决的每张选票须注明专有部分面积");
            if (e.contains("area")) {
                auto a = decimal(e["area"], path + ".area");
                if (!a) return a.error();
                v.area_centi_m2 = a.value();
            }
            b.votes.push_back(v);
            return std::nullopt;
        }
        std::set<std::size_t> seen;
        if (b.method == Method::schulze || b.method == Method::irv) {
            Ranking r;
            r.count = count;
            const std::string rp = path + ".ranking";
            if (!e.contains("ranking") || !e["ranking"].is_array())
                return fail("bad_bulletin", rp, "须为名次组的列表，如 [[\"A\"],[\"B\",\"C\"]]");
            for (std::size_t g = 0; g < e["ranking"].size(); ++g) {
                std::vector<std::size_t> group;
                if (auto err = option_list(e["ranking"][g], at(rp, g), group, seen)) return err;
                if (!group.empty()) r.groups.push_back(std::move(group));  // [] ranks nothing
            }
            b.rankings.push_back(std::move(r));
            return std::nullopt;
        }
        Picks p;
        p.count = count;
        if (b.method == Method::single) {
            auto o = option(e.contains("choice") ? e["choice"] : Json(), path + ".choice");
            if (!o) return o.error();
            p.options.push_back(o.value());
        } else {
            if (!e.contains("approve")) return fail("bad_bulletin", path + ".approve", "缺少该字段");
            if (auto err = option_list(e["approve"], path + ".approve", p.options, seen)) return err;
            if (b.method == Method::approval &&
                static_cast<std::int64_t>(p.options.size()) > b.max_choices)
                return fail("too_many_choices", path + ".approve",
                            std::to_string(p.options.size()) + " > " + std::to_string(b.max_choices));
        }
        b.picks.push_back(std::move(p));
        return std::nullopt;
    }

    Check ballots(std::int64_t& total, std::int64_t& area) {
        if (!j.contains("ballots") || !j["ballots"].is_array())
            return fail("bad_bulletin", "ballots", "须为选票的列表");
        std::set<std::string> receipts;
        const Json& list = j["ballots"];
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json& e = list[i];
            const std::string path = at("ballots", i);
            if (!e.is_object()) return fail("bad_bulletin", path, "须为对象");
            std::int64_t count = 1;
            if (e.contains("count")) {
                auto c = non_negative(e["count"], path + ".count", "negative_count");
                if (!c) return c.error();
                count = c.value();
            }
            if (e.contains("receipt")) {
                if (!e["receipt"].is_string()) return fail("bad_bulletin", path + ".receipt", "须为字符串");
                if (!receipts.insert(e["receipt"].get<std::string>()).second)
                    return fail("duplicate_receipt", path + ".receipt", in_quotes(e["receipt"].get<std::string>()));
                b.receipts.push_back(e["receipt"].get<std::string>());
            }
            if (auto err = ballot(e, path, count)) return err;
            std::int64_t each_area = b.method == Method::yes_no ? b.votes.back().area_centi_m2 : 0;
            if (!add_checked(total, count, 1) || !add_checked(area, count, each_area))
                return fail("number_too_large", path + ".count", "票数或面积合计过大");
        }
        return std::nullopt;
    }

    // Participation cannot exceed who could take part.
    Check yes_no_totals(std::int64_t total, std::int64_t area) const {
        const YesNoSpec& s = b.yes_no;
        if (s.present && *s.present < total)
            return fail("present_too_small", "present",
                        std::to_string(*s.present) + " < " + std::to_string(total));
        if (weighs_area(s.rule)) {
            if (s.present && *s.present != total)
                return fail("bad_bulletin", "present", "业主表决以选票计参与人数，present 须等于选票张数");
            if (total > s.electorate.owners)
                return fail("exceeds_electorate", "electorate.owners",
                            std::to_string(total) + " > " + std::to_string(s.electorate.owners));
            if (area > s.electorate.area_centi_m2)
                return fail("exceeds_electorate", "electorate.area",
                            format_hundredths(area) + " > " + format_hundredths(s.electorate.area_centi_m2));
            return std::nullopt;
        }
        bool households = preset_rule(s.rule).quorum.base == QuorumBase::households;
        std::int64_t whole = households ? s.electorate.households : s.electorate.members;
        std::int64_t present = s.present.value_or(total);
        if (present > whole)
            return fail("exceeds_electorate", households ? "electorate.households" : "electorate.members",
                        std::to_string(present) + " > " + std::to_string(whole));
        return std::nullopt;
    }
};
}  // namespace

Result<Bulletin> parse_bulletin(const Json& j) {
    if (!j.is_object()) return fail("bad_bulletin", "bulletin", "须为 JSON 对象");
    Reader r{j, {}, {}};
    if (!j.contains("method") || !j["method"].is_string())
        return fail("bad_bulletin", "method", "缺少表决方式");
    if (!method_from_string(j["method"].get<std::string>(), r.b.method))
        return fail("unknown_method", "method", in_quotes(j["method"].get<std::string>()));
    if (auto e = r.options()) return *e;
    if (auto e = r.method_header()) return *e;
    std::int64_t total = 0, area = 0;
    if (auto e = r.ballots(total, area)) return *e;
    if (r.b.method == Method::yes_no)
        if (auto e = r.yes_no_totals(total, area)) return *e;
    return std::move(r.b);
}

Result<Bulletin> parse_bulletin_text(const std::string& text) {
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error& e) {
        // nlohmann's message carries the line and column, which is what a person needs to fix it.
        Error err = make_error("bad_bulletin_json", "bulletin");
        err.message += "（" + std::string(e.what()) + "）";
        return err;
    }
    return parse_bulletin(j);
}

Json custom_rule_json(const YesNoRule& rule) {
    return {{"quorum", wire::quorum_rule_json(rule.quorum)},
            {"pass", wire::pass_rule_json(rule.pass)}};
}

}  // namespace yishi
