// Presets follow DESIGN.md's table; where the law is silent the numbers are local defaults.
#include "yishi/rules.hpp"

namespace yishi {

namespace {
constexpr Threshold more_than(std::int64_t n, std::int64_t d) { return {{n, d}, Bound::more_than}; }
constexpr Threshold at_least(std::int64_t n, std::int64_t d) { return {{n, d}, Bound::at_least}; }

struct KindName {
    CouncilKind kind;
    const char* name;
};
constexpr KindName kKinds[] = {
    {CouncilKind::residents_council, "residents_council"},
    {CouncilKind::residents_meeting, "residents_meeting"},
    {CouncilKind::villagers_meeting, "villagers_meeting"},
    {CouncilKind::villager_representatives, "villager_representatives"},
    {CouncilKind::owners_assembly, "owners_assembly"},
};
}  // namespace

const char* to_string(CouncilKind k) {
    for (const auto& n : kKinds)
        if (n.kind == k) return n.name;
    return "residents_council";
}

bool council_kind_from_string(const std::string& s, CouncilKind& out) {
    for (const auto& n : kKinds)
        if (s == n.name) { out = n.kind; return true; }
    return false;
}

const char* to_string(QuorumBase b) {
    switch (b) {
        case QuorumBase::heads: return "heads";
        case QuorumBase::households: return "households";
        case QuorumBase::area_and_heads: return "area_and_heads";
    }
    return "heads";
}

CouncilRules preset_rules(CouncilKind k) {
    CouncilRules r;
    r.kind = k;
    r.pass = {more_than(1, 2), false};
    r.pass_special = r.pass;
    switch (k) {
        case CouncilKind::residents_council:
            // Local charter: default more than 1/2 of members; a 1/10 split defers for more talk.
            r.quorum = {more_than(1, 2), QuorumBase::heads};
            r.demand = at_least(1, 5);
            r.notice_days = 7;
            r.defer_margin = {1, 10};
            break;
        case CouncilKind::residents_meeting:
            // §10: more than 1/2 of residents 18+ (or households, or group representatives);
            // 1/5 of residents 18+ may demand a meeting.
            r.quorum = {more_than(1, 2), QuorumBase::heads};
            r.demand = at_least(1, 5);
            r.notice_days = 7;
            break;
        case CouncilKind::villagers_meeting:
            // §21–22: more than 1/2 of villagers 18+ (or at least 2/3 of households);
            // 1/10 of villagers may demand one; notice 10 days ahead.
            r.quorum = {more_than(1, 2), QuorumBase::heads};
            r.demand = at_least(1, 10);
            r.notice_days = 10;
            break;
        case CouncilKind::villager_representatives:
            // §25–26: at least 2/3 of its members; 1/5 of representatives may demand a session.
            r.quorum = {at_least(2, 3), QuorumBase::heads};
            r.demand = at_least(1, 5);
            r.notice_days = 7;
            break;
        case CouncilKind::owners_assembly:
            // 民法典 §278: at least 2/3 of area and of owners take part; ordinary matters more than
            // 1/2 of participating area and owners, matters (6)–(8) at least 3/4 of both.
            // 物业管理条例 §13–14: 20% of owners may demand a meeting; notice 15 days ahead.
            r.quorum = {at_least(2, 3), QuorumBase::area_and_heads};
            r.pass = {more_than(1, 2), true};
            r.pass_special = {at_least(3, 4), true};
            r.demand = at_least(1, 5);
            r.notice_days = 15;
            break;
    }
    return r;
}

CouncilRules rules_for(const Council& c) {
    CouncilKind kind = CouncilKind::residents_council;
    council_kind_from_string(c.kind, kind);
    CouncilRules r = preset_rules(kind);
    r.cosign_threshold = c.cosign_threshold;
    return r;
}

Check validate_rules(const CouncilRules& r) {
    if (!valid_share(r.quorum.share.share)) return make_error("bad_rules", "quorum");
    if (!valid_share(r.pass.share.share)) return make_error("bad_rules", "pass");
    if (!valid_share(r.pass_special.share.share)) return make_error("bad_rules", "pass_special");
    if (!valid_share(r.demand.share)) return make_error("bad_rules", "demand");
    if (r.cosign_threshold < 1 || r.cosign_threshold > kMaxCosignThreshold)
        return make_error("bad_rules", "cosign_threshold");
    if (r.notice_days < 0 || r.notice_days > kMaxNoticeDays)
        return make_error("bad_rules", "notice_days");
    // Deferral may be off (0/den) but never a margin over the whole.
    if (r.defer_margin.den <= 0 || r.defer_margin.num < 0 || r.defer_margin.num > r.defer_margin.den)
        return make_error("bad_rules", "defer_margin");
    // Weighing by area needs areas in the quorum too, or a quorum by head could pass by area.
    if ((r.pass.by_area || r.pass_special.by_area) && r.quorum.base != QuorumBase::area_and_heads)
        return make_error("bad_rules", "pass");
    return std::nullopt;
}

Check may_adjust_rules(const Actor& actor) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    return std::nullopt;
}

Result<CouncilRules> adjust_rules(const Actor& actor, const CouncilRules& proposed) {
    if (auto e = may_adjust_rules(actor)) return *e;
    if (auto e = validate_rules(proposed)) return *e;
    return proposed;
}

}  // namespace yishi
