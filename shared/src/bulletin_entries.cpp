// Reading a bulletin's ballots: each entry checked against the header as it comes, then the
// totals against the electorate.
#include "bulletin_reader.hpp"

#include <algorithm>
#include <bit>

#include "yishi/decimal.hpp"

namespace yishi {

using Json = nlohmann::json;
using namespace bulletin_fields;
using Type = Field::Type;

void ReceiptSet::grow(std::size_t n) {
    std::vector<Slot> old(std::bit_ceil(std::max<std::size_t>(1024, 2 * n)));  // at most half full
    old.swap(slots_);
    for (const Slot& s : old)
        if (s.position) slots_[free_slot(s.hash)] = s;
}

std::size_t ReceiptSet::free_slot(std::uint32_t hash) const {
    std::size_t at = hash & (slots_.size() - 1);
    while (slots_[at].position) at = (at + 1) & (slots_.size() - 1);
    return at;
}

bool ReceiptSet::insert(std::string_view r, const std::vector<std::string>& listed) {
    auto hash_of = [](std::string_view s) { return static_cast<std::uint32_t>(std::hash<std::string_view>{}(s)); };
    if (increasing_) {
        if (listed.empty() || listed.back() < r) return true;
        increasing_ = false;  // out of order: the set, of every receipt so far (all distinct)
        grow(2 * listed.size());
        for (std::size_t i = 0; i < listed.size(); ++i)
            slots_[free_slot(hash_of(listed[i]))] = {hash_of(listed[i]), static_cast<std::uint32_t>(i + 1)};
    }
    if (2 * (listed.size() + 1) > slots_.size()) grow(2 * listed.size());
    std::uint32_t hash = hash_of(r);
    std::size_t at = hash & (slots_.size() - 1);
    for (; slots_[at].position; at = (at + 1) & (slots_.size() - 1))
        if (slots_[at].hash == hash && listed[slots_[at].position - 1] == r) return false;
    slots_[at] = {hash, static_cast<std::uint32_t>(listed.size() + 1)};
    return true;
}

Result<std::size_t> BulletinReader::option(const Field& name, const Where& where) const {
    if (name.type != Type::string) return fail("bad_bulletin", where.str(), "须为选项名称（字符串）");
    auto it = index_.find(name.text);
    if (it == index_.end()) return fail("unknown_option", where.str(), in_quotes(name.text));
    return it->second;
}

// A list of distinct options; an option named twice within one entry (a whole ranking) is refused.
Check BulletinReader::option_list(const BallotEntry& e, const BallotEntry::Names& list,
                                  const Where& where, std::vector<std::size_t>& out) {
    if (list.type != Type::array) return fail("bad_bulletin", where.str(), "须为选项名称的列表");
    const std::size_t mark = entries_ + 1;
    for (std::size_t i = list.begin; i < list.end; ++i) {
        auto o = option(e.names[i], where.item_at(i - list.begin));
        if (!o) return o.error();
        if (seen_[o.value()] == mark)
            return fail("duplicate_option", where.item_at(i - list.begin).str(), in_quotes(e.names[i].text));
        seen_[o.value()] = mark;
        out.push_back(o.value());
    }
    return std::nullopt;
}

// What the entry says under the bulletin's method, `count` times.
Check BulletinReader::content(const BallotEntry& e, std::size_t i, std::int64_t count) {
    if (b_.method == Method::yes_no) {
        YesNoVote v;
        v.count = count;
        if (e.choice.type != Type::string)
            return fail("bad_bulletin", Where(i, "choice").str(), "须为 \"yes\"、\"no\" 或 \"abstain\"");
        if (!choice_from_string(e.choice.text, v.choice))
            return fail("unknown_option", Where(i, "choice").str(), in_quotes(e.choice.text));
        if (weighs_area(b_.yes_no.rule) && e.area.type == Type::absent)
            return fail("bad_bulletin", Where(i, "area").str(), "业主表决的每张选票须注明专有部分面积");
        if (e.area.type != Type::absent) {
            auto a = decimal(e.area, Where(i, "area"));
            if (!a) return a.error();
            v.area_centi_m2 = a.value();
        }
        b_.votes.push_back(v);
        return std::nullopt;
    }
    if (b_.method == Method::schulze || b_.method == Method::irv) {
        Ranking r;
        r.count = count;
        if (e.ranking != Type::array)
            return fail("bad_bulletin", Where(i, "ranking").str(),
                        "须为名次组的列表，如 [[\"A\"],[\"B\",\"C\"]]");
        for (std::size_t g = 0; g < e.groups.size(); ++g) {
            std::vector<std::size_t> group;
            if (auto err = option_list(e, e.groups[g], Where(i, "ranking", g), group)) return err;
            if (!group.empty()) r.groups.push_back(std::move(group));  // [] ranks nothing
        }
        b_.rankings.push_back(std::move(r));
        return std::nullopt;
    }
    Picks p;
    p.count = count;
    if (b_.method == Method::single) {
        auto o = option(e.choice, Where(i, "choice"));
        if (!o) return o.error();
        p.options.push_back(o.value());
    } else {
        if (e.approve.type == Type::absent)
            return fail("bad_bulletin", Where(i, "approve").str(), "缺少该字段");
        if (auto err = option_list(e, e.approve, Where(i, "approve"), p.options)) return err;
        if (b_.method == Method::approval && static_cast<std::int64_t>(p.options.size()) > b_.max_choices)
            return fail("too_many_choices", Where(i, "approve").str(),
                        std::to_string(p.options.size()) + " > " + std::to_string(b_.max_choices));
    }
    b_.picks.push_back(std::move(p));
    return std::nullopt;
}

Check BulletinReader::ballot(const BallotEntry& e) {
    const std::size_t i = entries_;
    if (i == 0) {  // room for every entry at once (expect_entries)
        if (b_.method == Method::yes_no) b_.votes.reserve(expected_);
        else if (b_.method == Method::schulze || b_.method == Method::irv) b_.rankings.reserve(expected_);
        else b_.picks.reserve(expected_);
    }
    if (!e.object) return fail("bad_bulletin", at("ballots", i), "须为对象");
    std::int64_t count = 1;
    if (e.count.type != Type::absent) {
        auto c = non_negative(e.count, Where(i, "count"), "negative_count");
        if (!c) return c.error();
        count = c.value();
    }
    if (e.receipt.type != Type::absent) {
        if (e.receipt.type != Type::string)
            return fail("bad_bulletin", Where(i, "receipt").str(), "须为字符串");
        if (b_.receipts.empty()) b_.receipts.reserve(expected_);
        if (!receipts_.insert(e.receipt.text, b_.receipts))
            return fail("duplicate_receipt", Where(i, "receipt").str(), in_quotes(e.receipt.text));
        b_.receipts.emplace_back(e.receipt.text);
    }
    if (auto err = content(e, i, count)) return err;
    std::int64_t each_area = b_.method == Method::yes_no ? b_.votes.back().area_centi_m2 : 0;
    if (!add_checked(total_, count, 1) || !add_checked(area_, count, each_area))
        return fail("number_too_large", Where(i, "count").str(), "票数或面积合计过大");
    ++entries_;
    return std::nullopt;
}

// Participation cannot exceed who could take part.
Result<Bulletin> BulletinReader::finish() {
    if (b_.method != Method::yes_no) return std::move(b_);
    const YesNoSpec& s = b_.yes_no;
    if (s.present && *s.present < total_)
        return fail("present_too_small", "present",
                    std::to_string(*s.present) + " < " + std::to_string(total_));
    if (weighs_area(s.rule)) {
        if (s.present && *s.present != total_)
            return fail("bad_bulletin", "present", "业主表决以选票计参与人数，present 须等于选票张数");
        if (total_ > s.electorate.owners)
            return fail("exceeds_electorate", "electorate.owners",
                        std::to_string(total_) + " > " + std::to_string(s.electorate.owners));
        if (area_ > s.electorate.area_centi_m2)
            return fail("exceeds_electorate", "electorate.area",
                        format_hundredths(area_) + " > " + format_hundredths(s.electorate.area_centi_m2));
        return std::move(b_);
    }
    bool households = preset_rule(s.rule).quorum.base == QuorumBase::households;
    std::int64_t whole = households ? s.electorate.households : s.electorate.members;
    std::int64_t present = s.present.value_or(total_);
    if (present > whole)
        return fail("exceeds_electorate", households ? "electorate.households" : "electorate.members",
                    std::to_string(present) + " > " + std::to_string(whole));
    return std::move(b_);
}

BallotEntry entry_of(const Json& e) {
    BallotEntry out;
    out.object = e.is_object();
    if (!out.object) return out;
    std::pair<const char*, Field*> scalars[] = {
        {"count", &out.count}, {"receipt", &out.receipt}, {"choice", &out.choice}, {"area", &out.area}};
    for (auto [key, dest] : scalars)
        if (auto it = e.find(key); it != e.end()) *dest = field_of(*it);
    auto names = [&](const Json& list) {
        BallotEntry::Names n{field_of(list).type, out.names.size(), out.names.size()};
        if (list.is_array())
            for (const Json& name : list) out.names.push_back(field_of(name));
        n.end = out.names.size();
        return n;
    };
    if (auto it = e.find("approve"); it != e.end()) out.approve = names(*it);
    if (auto it = e.find("ranking"); it != e.end()) {
        out.ranking = field_of(*it).type;
        if (it->is_array())
            for (const Json& group : *it) out.groups.push_back(names(group));
    }
    return out;
}

}  // namespace yishi
