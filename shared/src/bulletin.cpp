// Reading a bulletin's header (every key but its ballots), and a bulletin from a JSON value:
// every field checked, every refusal naming the field and the problem.
#include "yishi/bulletin.hpp"

#include "bulletin_reader.hpp"
#include "messages_read.hpp"
#include "yishi/decimal.hpp"
#include "yishi/text.hpp"

namespace yishi {

using Json = nlohmann::json;
using namespace bulletin_fields;

Check BulletinReader::options(const Json& j) {
    if (b_.method == Method::yes_no) return std::nullopt;
    if (!j.contains("options") || !j["options"].is_array() || j["options"].empty())
        return fail("bad_bulletin", "options", "须为非空的选项名称列表");
    const Json& list = j["options"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string() || list[i].get<std::string>().empty())
            return fail("bad_bulletin", at("options", i), "须为非空字符串");
        std::string name = list[i].get<std::string>();
        if (auto refused = check_characters(name, at("options", i), TextLines::one))
            return *refused;
        if (!index_.emplace(name, i).second)
            return fail("duplicate_option", at("options", i), in_quotes(name));
        b_.options.push_back(name);
    }
    seen_.assign(b_.options.size(), 0);
    return std::nullopt;
}

Check BulletinReader::yes_no_header(const Json& j) {
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
        b_.yes_no.rule = YesNoPreset::council_default;
        b_.yes_no.custom_rule = custom;
    } else if (!j.contains("rule") || !j["rule"].is_string()) {
        return fail("bad_bulletin", "rule", "缺少表决规则（如 \"residents_meeting\"）");
    } else if (!yes_no_preset_from_string(j["rule"].get<std::string>(), b_.yes_no.rule)) {
        return fail("unknown_preset", "rule", in_quotes(j["rule"].get<std::string>()));
    }
    if (!j.contains("electorate") || !j["electorate"].is_object())
        return fail("bad_bulletin", "electorate", "缺少全体表决人数（对象）");
    const Json& e = j["electorate"];
    YesNoRule rule = preset_rule(b_.yes_no.rule);
    std::vector<std::string> needed = {"members"};
    if (rule.quorum.base == QuorumBase::households) needed = {"households"};
    if (weighs_area(b_.yes_no.rule)) needed = {"owners", "area"};
    for (const auto& key : needed)
        if (!e.contains(key)) return fail("bad_bulletin", "electorate." + key, "缺少该字段");
    Electorate& out = b_.yes_no.electorate;
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
        b_.yes_no.present = v.value();
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
        b_.yes_no.defer_margin = Fraction{num.value(), den.value()};
    }
    return std::nullopt;
}

Check BulletinReader::method_header(const Json& j) {
    if (b_.method == Method::yes_no) return yes_no_header(j);
    if (b_.method == Method::approval) {
        b_.max_choices = static_cast<std::int64_t>(b_.options.size());
        if (j.contains("max_choices")) {
            auto v = non_negative(j["max_choices"], "max_choices");
            if (!v) return v.error();
            if (v.value() == 0) return fail("bad_bulletin", "max_choices", "须至少为 1");
            b_.max_choices = v.value();
        }
    }
    if (b_.method == Method::budget) {
        if (!j.contains("budget")) return fail("bad_bulletin", "budget", "缺少预算总额");
        auto v = decimal(j["budget"], "budget");
        if (!v) return v.error();
        b_.budget_centi = v.value();
        if (!j.contains("costs") || !j["costs"].is_object())
            return fail("bad_bulletin", "costs", "缺少各项目的费用（对象）");
        for (const auto& [name, cost] : j["costs"].items())
            if (!index_.count(name)) return fail("unknown_option", "costs", in_quotes(name));
        for (const auto& name : b_.options) {
            if (!j["costs"].contains(name))
                return fail("bad_bulletin", "costs." + name, "缺少该项目的费用");
            auto c = decimal(j["costs"][name], "costs." + name);
            if (!c) return c.error();
            b_.costs_centi.push_back(c.value());
        }
    }
    return std::nullopt;
}

Check BulletinReader::header(const Json& j) {
    if (!j.contains("method") || !j["method"].is_string())
        return fail("bad_bulletin", "method", "缺少表决方式");
    if (!method_from_string(j["method"].get<std::string>(), b_.method))
        return fail("unknown_method", "method", in_quotes(j["method"].get<std::string>()));
    if (auto e = options(j)) return e;
    return method_header(j);
}

Result<Bulletin> parse_bulletin(const Json& j) {
    if (!j.is_object()) return fail("bad_bulletin", "bulletin", "须为 JSON 对象");
    BulletinReader reader;
    if (auto e = reader.header(j)) return *e;
    if (!j.contains("ballots") || !j["ballots"].is_array())
        return fail("bad_bulletin", "ballots", "须为选票的列表");
    reader.expect_entries(j["ballots"].size());
    for (const Json& e : j["ballots"])
        if (auto refused = reader.ballot(entry_of(e))) return *refused;
    return reader.finish();
}

Json custom_rule_json(const YesNoRule& rule) {
    return {{"quorum", wire::quorum_rule_json(rule.quorum)},
            {"pass", wire::pass_rule_json(rule.pass)}};
}

}  // namespace yishi
