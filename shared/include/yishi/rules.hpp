// Council kinds and their rules (议事规则): quorum, pass threshold, co-sign threshold,
// extraordinary-session demand, notice period and the deferral margin, with legal presets.
#pragma once
#include <string>

#include "yishi/errors.hpp"
#include "yishi/fraction.hpp"
#include "yishi/roles.hpp"

namespace yishi {

enum class CouncilKind {
    residents_council,         // 居民议事会 (local charter)
    residents_meeting,         // 居民会议 (城市居民委员会组织法 §10)
    villagers_meeting,         // 村民会议 (村民委员会组织法 §21–22)
    villager_representatives,  // 村民代表会议 (村民委员会组织法 §25–26)
    owners_assembly,           // 业主大会 (民法典 §278)
};

const char* to_string(CouncilKind k);
bool council_kind_from_string(const std::string& s, CouncilKind& out);

// What a quorum counts: voting members by head, their households (户代表), or, for owners,
// floor area AND heads (both must meet the share).
enum class QuorumBase { heads, households, area_and_heads };

const char* to_string(QuorumBase b);

// 法定人数: the share of the whole electorate that must be present.
struct QuorumRule {
    Threshold share;
    QuorumBase base = QuorumBase::heads;
};

// The share of those present that must vote yes; with by_area the yes side must also meet it
// by floor area (业主大会's double majority).
struct PassRule {
    Threshold share;
    bool by_area = false;
};

struct CouncilRules {
    CouncilKind kind = CouncilKind::residents_council;
    QuorumRule quorum;
    PassRule pass;          // ordinary matters
    PassRule pass_special;  // 业主大会 matters (6)–(8): maintenance funds, rebuilding, common parts
    int cosign_threshold = 5;
    Threshold demand;       // share of voting members whose demand calls an extraordinary session
    int notice_days = 7;    // notice with agenda at least this many days before the session
    // 暂缓决策: with a quorum, when |yes − no| × den ≤ num × present, the outcome is deferred.
    // num == 0 switches deferral off.
    Fraction defer_margin{0, 1};
};

// The preset for a kind, from DESIGN.md; a convenor may then adjust it.
CouncilRules preset_rules(CouncilKind k);

// The rules of a stored council: the preset of its kind (居民议事会 when the kind is unknown)
// with the council's own co-sign threshold.
CouncilRules rules_for(const Council& c);

// Shares in (0,1], den > 0, thresholds and periods in range; names the offending field.
Check validate_rules(const CouncilRules& r);

// Only a convenor of the council may change its rules; the result is validated.
Check may_adjust_rules(const Actor& actor);
Result<CouncilRules> adjust_rules(const Actor& actor, const CouncilRules& proposed);

constexpr int kMaxNoticeDays = 90;
constexpr int kMaxCosignThreshold = 10000;

}  // namespace yishi
