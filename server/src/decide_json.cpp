// JSON forms of rules, sessions, ballots and notices for the 定 (decide) endpoints.
#include "decide_json.hpp"

namespace yishi::server {

namespace {
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

Json tally_json(const Tally& t) {
    return {{"yes", t.yes},
            {"no", t.no},
            {"abstain", t.abstain},
            {"not_voted", t.not_voted},
            {"present", t.present},
            {"yes_area_centi_m2", t.yes_area_centi_m2},
            {"present_area_centi_m2", t.present_area_centi_m2},
            {"quorum", t.quorum},
            {"outcome", yishi::to_string(t.outcome)}};
}
}  // namespace

Json to_json(const CouncilRules& r) {
    Json quorum = share_json(r.quorum.share);
    quorum["base"] = yishi::to_string(r.quorum.base);
    return {{"kind", yishi::to_string(r.kind)},
            {"quorum", quorum},
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
    const Json& q = *field("quorum");
    if (!read_threshold(q, r.quorum.share) || !q.contains("base") || !q["base"].is_string())
        return make_error("wrong_type", "quorum");
    std::string base = q["base"].get<std::string>();
    if (base == "heads") r.quorum.base = QuorumBase::heads;
    else if (base == "households") r.quorum.base = QuorumBase::households;
    else if (base == "area_and_heads") r.quorum.base = QuorumBase::area_and_heads;
    else return make_error("wrong_type", "quorum");
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

Json to_json(const Session& s) {
    Json agenda = Json::array();
    for (const auto& a : s.agenda)
        agenda.push_back(
            {{"issue_id", a.issue_id}, {"title", a.title}, {"special_matter", a.special_matter}});
    return {{"id", s.id},
            {"council_id", s.council_id},
            {"kind", yishi::to_string(s.kind)},
            {"state", yishi::to_string(s.state)},
            {"starts_at", s.starts_at},
            {"noticed_at", s.noticed_at},
            {"notice_override_reason", s.notice_override_reason},
            {"opened_at", s.opened_at},
            {"closed_at", s.closed_at},
            {"agenda", agenda},
            {"signed_in_count", s.signed_in.size()}};
}

Json to_json(const Session& s, const std::vector<Attendee>& attendees, const QuorumStatus& q,
             const std::vector<BallotRecord>& ballots, const CouncilRules& rules) {
    Json j = to_json(s);
    Json signed_in = Json::array();
    for (const auto& a : attendees) signed_in.push_back({{"member_id", a.member_id}, {"name", a.name}});
    j["signed_in"] = signed_in;
    Json rule = share_json(rules.quorum.share);
    rule["base"] = yishi::to_string(rules.quorum.base);
    j["quorum"] = {{"met", q.met}, {"present", q.present}, {"electorate", q.electorate},
                   {"rule", rule}};
    Json list = Json::array();
    for (const auto& b : ballots) list.push_back(to_json(b));
    j["ballots"] = list;
    return j;
}

Json to_json(const BallotRecord& r) {
    const Ballot& b = r.ballot;
    Json voted = Json::array();
    for (const auto& v : b.votes) voted.push_back(v.member_id);
    Json roll = Json::array();
    for (const auto& v : b.roll) roll.push_back(v.member_id);
    Json j = {{"id", b.id},
              {"council_id", b.council_id},
              {"session_id", b.session_id},
              {"issue_id", b.issue_id},
              {"issue_title", r.issue_title},
              {"method", "yes_no_abstain"},
              {"special_matter", b.special_matter},
              {"state", b.state == BallotState::open ? "open" : "closed"},
              {"opened_at", b.opened_at},
              {"closed_at", b.closed_at},
              {"roll", roll},
              {"electorate", b.electorate.heads},
              {"votes_cast", b.votes.size()},
              {"voted", voted}};
    // While open the progress shows who has voted, never how: nobody is swayed by a running
    // count. Closed, the roll is open (记名): each vote is published with the tally.
    if (b.state == BallotState::closed) {
        Json votes = Json::array();
        for (const auto& v : b.votes)
            votes.push_back({{"member_id", v.member_id}, {"choice", yishi::to_string(v.choice)}});
        j["votes"] = votes;
        if (r.tally) j["tally"] = tally_json(*r.tally);
    }
    return j;
}

Json to_json(const Notice& n) {
    return {{"id", n.id},
            {"council_id", n.council_id},
            {"kind", yishi::to_string(n.kind)},
            {"subject_id", n.subject_id},
            {"text", n.text},
            {"starts_at", n.starts_at},
            {"ends_at", n.ends_at}};
}

Json to_json(const DemandStatus& d) {
    return {{"demanded", d.demanded},
            {"voting_members", d.voting_members},
            {"sufficient", d.sufficient}};
}

bool session_kind_from_string(const std::string& s, SessionKind& out) {
    for (SessionKind k : {SessionKind::regular, SessionKind::extraordinary})
        if (s == yishi::to_string(k)) { out = k; return true; }
    return false;
}

bool session_state_from_string(const std::string& s, SessionState& out) {
    for (SessionState v : {SessionState::planned, SessionState::noticed, SessionState::open,
                           SessionState::closed})
        if (s == yishi::to_string(v)) { out = v; return true; }
    return false;
}

bool outcome_from_string(const std::string& s, Outcome& out) {
    for (Outcome o : {Outcome::passed, Outcome::failed, Outcome::no_quorum, Outcome::deferred})
        if (s == yishi::to_string(o)) { out = o; return true; }
    return false;
}

}  // namespace yishi::server
