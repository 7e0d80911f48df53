// JSON form of council rules (议事規則) with its strict reader, the wire names of the decide
// step's enums, and where demands for an extraordinary session stand.
#include "messages_read.hpp"
#include "yishi/messages_decide.hpp"

namespace yishi {

namespace {
template <class E, std::size_t N>
bool from_string(const std::string& s, E& out, const E (&values)[N]) {
    for (E v : values)
        if (s == to_string(v)) {
            out = v;
            return true;
        }
    return false;
}

const char* to_string(Bound b) { return b == Bound::more_than ? "more_than" : "at_least"; }

Json share_json(const Threshold& t) {
    return {{"num", t.share.num}, {"den", t.share.den}, {"bound", to_string(t.bound)}};
}

// Reads {"num","den"} as integers; false on any fault (the caller names the field).
bool read_fraction(const Json& j, Fraction& f) {
    if (!j.is_object()) return false;
    auto num = j.find("num");
    auto den = j.find("den");
    if (num == j.end() || den == j.end() || !num->is_number_integer() || !den->is_number_integer())
        return false;
    f.num = num->get<std::int64_t>();
    f.den = den->get<std::int64_t>();
    return true;
}

bool read_threshold(const Json& j, Threshold& t) {
    if (!read_fraction(j, t.share)) return false;
    auto bound = j.find("bound");
    if (bound == j.end() || !bound->is_string()) return false;
    std::string b = bound->get<std::string>();
    if (b == "more_than") t.bound = Bound::more_than;
    else if (b == "at_least") t.bound = Bound::at_least;
    else return false;
    return true;
}

bool read_pass(const Json& j, PassRule& p) {
    if (!read_threshold(j, p.share)) return false;
    auto by_area = j.find("by_area");
    if (by_area == j.end() || !by_area->is_boolean()) return false;
    p.by_area = by_area->get<bool>();
    return true;
}

Json pass_json(const PassRule& p) {
    Json j = share_json(p.share);
    j["by_area"] = p.by_area;
    return j;
}
}  // namespace

bool session_kind_from_string(const std::string& s, SessionKind& out) {
    return from_string(s, out, {SessionKind::regular, SessionKind::extraordinary});
}

bool session_state_from_string(const std::string& s, SessionState& out) {
    return from_string(s, out, {SessionState::planned, SessionState::noticed, SessionState::open,
                                SessionState::closed, SessionState::cancelled});
}

bool outcome_from_string(const std::string& s, Outcome& out) {
    return from_string(s, out,
                       {Outcome::passed, Outcome::failed, Outcome::no_quorum, Outcome::deferred});
}

bool notice_kind_from_string(const std::string& s, NoticeKind& out) {
    return from_string(s, out, {NoticeKind::resolution, NoticeKind::result});
}

const char* to_string(BallotState s) { return s == BallotState::open ? "open" : "closed"; }

Json wire::quorum_rule_json(const QuorumRule& q) {
    Json j = share_json(q.share);
    j["base"] = to_string(q.base);
    return j;
}

Json wire::pass_rule_json(const PassRule& p) { return pass_json(p); }

bool wire::read_pass_rule(const Json& j, PassRule& p) { return read_pass(j, p); }

bool wire::read_quorum_rule(const Json& j, QuorumRule& q) {
    if (!read_threshold(j, q.share) || !j.contains("base") || !j["base"].is_string()) return false;
    return from_string(j["base"].get<std::string>(), q.base,
                       {QuorumBase::heads, QuorumBase::households, QuorumBase::area_and_heads});
}

Json to_json(const QuorumRule& q) { return wire::quorum_rule_json(q); }

bool quorum_rule_from_json(const Json& j, QuorumRule& out) {
    return j.is_object() && wire::read_quorum_rule(j, out);
}

Json to_json(const CouncilRules& r) {
    return {{"kind", to_string(r.kind)},
            {"quorum", wire::quorum_rule_json(r.quorum)},
            {"pass", pass_json(r.pass)},
            {"pass_special", pass_json(r.pass_special)},
            {"cosign_threshold", r.cosign_threshold},
            {"demand", share_json(r.demand)},
            {"notice_days", r.notice_days},
            {"defer_margin", {{"num", r.defer_margin.num}, {"den", r.defer_margin.den}}}};
}

Result<CouncilRules> rules_from_json(const Json& j) {
    if (!j.is_object()) return make_error("bad_json");
    CouncilRules r;
    auto field = [&](const char* name) -> const Json* {
        auto it = j.find(name);
        return it == j.end() || it->is_null() ? nullptr : &*it;
    };
    const char* names[] = {"kind", "quorum", "pass", "pass_special", "cosign_threshold",
                           "demand", "notice_days", "defer_margin"};
    for (const char* n : names)
        if (!field(n)) return make_error("missing_field", n);
    if (!field("kind")->is_string() ||
        !council_kind_from_string(field("kind")->get<std::string>(), r.kind))
        return make_error("wrong_type", "kind");
    if (!wire::read_quorum_rule(*field("quorum"), r.quorum))
        return make_error("wrong_type", "quorum");
    if (!read_pass(*field("pass"), r.pass)) return make_error("wrong_type", "pass");
    if (!read_pass(*field("pass_special"), r.pass_special))
        return make_error("wrong_type", "pass_special");
    if (!read_threshold(*field("demand"), r.demand)) return make_error("wrong_type", "demand");
    if (!read_fraction(*field("defer_margin"), r.defer_margin))
        return make_error("wrong_type", "defer_margin");
    for (const char* n : {"cosign_threshold", "notice_days"}) {
        const Json& v = *field(n);
        // Integers within int range only; the core checks the bounds that matter.
        if (!v.is_number_integer() || v.get<std::int64_t>() < -1000000 ||
            v.get<std::int64_t>() > 1000000)
            return make_error("wrong_type", n);
    }
    r.cosign_threshold = field("cosign_threshold")->get<int>();
    r.notice_days = field("notice_days")->get<int>();
    return r;
}

std::string encode(const CouncilRules& r) { return to_json(r).dump(); }

Result<CouncilRules> decode_rules(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    return rules_from_json(j.value());
}

Json to_json(const DemandStatus& d) {
    return {{"demanded", d.demanded},
            {"voting_members", d.voting_members},
            {"sufficient", d.sufficient}};
}

std::string encode(const DemandStatus& d) { return to_json(d).dump(); }

Result<DemandStatus> decode_demand_status(std::string_view body) {
    return wire::decode_body(body, [](const wire::Fields& f) {
        return DemandStatus{f.integer("demanded"), f.integer("voting_members"),
                            f.boolean("sufficient")};
    });
}

}  // namespace yishi
