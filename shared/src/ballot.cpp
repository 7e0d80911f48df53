// Ballot transitions and the tally; every share is compared with exact integers.
#include "yishi/ballot.hpp"

#include "yishi/vote_check.hpp"

namespace yishi {

const Voter* voter_on_roll(const Ballot& b, Id member) {
    for (const auto& v : b.roll)
        if (v.member_id == member) return &v;
    return nullptr;
}

namespace {
bool has_voted(const Ballot& b, Id member) {
    for (const auto& v : b.votes)
        if (v.member_id == member) return true;
    return false;
}
}  // namespace

const char* to_string(Choice c) {
    switch (c) {
        case Choice::yes: return "yes";
        case Choice::no: return "no";
        case Choice::abstain: return "abstain";
    }
    return "abstain";
}

bool choice_from_string(std::string_view s, Choice& out) {
    for (Choice c : {Choice::yes, Choice::no, Choice::abstain})
        if (s == to_string(c)) { out = c; return true; }
    return false;
}

const char* to_string(Outcome o) {
    switch (o) {
        case Outcome::passed: return "passed";
        case Outcome::failed: return "failed";
        case Outcome::no_quorum: return "no_quorum";
        case Outcome::deferred: return "deferred";
    }
    return "no_quorum";
}

Check may_open_ballot(const Actor& actor, const Session& s, Id issue_id, bool item_has_ballot) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (s.state != SessionState::open) return make_error("wrong_session_state");
    if (!on_agenda(s, issue_id)) return make_error("not_on_agenda");
    if (item_has_ballot) return make_error("ballot_exists");
    if (s.signed_in.empty()) return make_error("nobody_present");
    return std::nullopt;
}

Result<Ballot> open_ballot(const Actor& actor, const Session& s, Id issue_id,
                           const std::vector<Voter>& electorate, bool item_has_ballot,
                           std::int64_t now) {
    if (auto e = may_open_ballot(actor, s, issue_id, item_has_ballot)) return *e;
    Ballot b;
    b.council_id = s.council_id;
    b.session_id = s.id;
    b.issue_id = issue_id;
    for (const auto& a : s.agenda)
        if (a.issue_id == issue_id) b.special_matter = a.special_matter;
    b.roll = present_voters(s, electorate);
    b.electorate = count(electorate);
    b.opened_at = now;
    if (b.roll.empty()) return make_error("nobody_present");
    return b;
}

Check check_closes_at(std::int64_t closes_at, std::int64_t now) {
    auto refuse = [](const char* message) {
        Error e = make_error("bad_time", "closes_at");
        e.message = message;
        return e;
    };
    if (closes_at <= now) return refuse("截止时间须晚于现在");
    if (closes_at - now > kBallotDeadlineMaxAheadSeconds) return refuse("截止时间须在 7 天之内");
    return std::nullopt;
}

bool deadline_passed(std::int64_t closes_at, std::int64_t now) {
    return closes_at != 0 && now >= closes_at;
}

bool deadline_passed(const Ballot& b, std::int64_t now) { return deadline_passed(b.closes_at, now); }

VoteFacts vote_facts(const Ballot& b, const Session& s, Id member) {
    VoteFacts f;
    f.ballot = b.state;
    f.session = s.state;
    f.of_session = b.session_id == s.id;
    f.closes_at = b.closes_at;
    f.on_roll = voter_on_roll(b, member) != nullptr;
    f.voted = has_voted(b, member);
    return f;
}

Check may_vote(const VoteFacts& f, std::int64_t now) {
    if (f.ballot != BallotState::open || f.session != SessionState::open || !f.of_session)
        return make_error("ballot_closed");
    if (deadline_passed(f.closes_at, now)) return make_error("ballot_deadline_passed");
    if (!f.on_roll) return make_error("not_eligible");
    if (f.voted) return make_error("already_voted");
    return std::nullopt;
}

Check may_vote(const Actor& actor, const Ballot& b, const Session& s, std::int64_t now) {
    return may_vote(vote_facts(b, s, actor.member_id), now);
}

Result<Ballot> cast_vote(const Actor& actor, const Ballot& b, const Session& s, Choice choice,
                         std::int64_t now) {
    if (auto e = may_vote(actor, b, s, now)) return *e;
    Ballot next = b;
    next.votes.push_back({actor.member_id, choice});
    return next;
}

Check may_close_ballot(const Actor& actor, const Ballot& b) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    if (b.state != BallotState::open) return make_error("ballot_closed");
    return std::nullopt;
}

Result<Ballot> close_ballot(const Actor& actor, const Ballot& b, std::int64_t now) {
    if (auto e = may_close_ballot(actor, b)) return *e;
    Ballot next = b;
    next.state = BallotState::closed;
    next.closed_at = now;
    return next;
}

Tally tally(const CouncilRules& rules, const Ballot& b) {
    Tally t;
    Turnout present = count(b.roll);
    Turnout yes;
    for (const auto& v : b.votes) {
        const Voter* voter = voter_on_roll(b, v.member_id);
        if (!voter) continue;  // never counted: only the frozen roll votes
        switch (v.choice) {
            case Choice::yes:
                ++t.yes;
                ++yes.heads;
                yes.area_centi_m2 += voter->area_centi_m2;
                break;
            case Choice::no: ++t.no; break;
            case Choice::abstain: ++t.abstain; break;
        }
    }
    t.present = present.heads;
    t.not_voted = t.present - t.yes - t.no - t.abstain;
    t.yes_area_centi_m2 = yes.area_centi_m2;
    t.present_area_centi_m2 = present.area_centi_m2;
    const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
    YesNoVerdict v = yes_no_verdict(rules.quorum, pass, defer_margin_of(rules), b.electorate,
                                    present, yes, t.no);
    t.quorum = v.quorum;
    t.outcome = v.outcome;
    return t;
}

YesNoVerdict yes_no_verdict(const QuorumRule& quorum, const PassRule& pass,
                            const std::optional<Fraction>& defer_margin, const Turnout& electorate,
                            const Turnout& present, const Turnout& yes, std::int64_t no) {
    YesNoVerdict v;
    v.quorum = quorum_met(quorum, present, electorate);
    std::int64_t diff = yes.heads > no ? yes.heads - no : no - yes.heads;
    if (!v.quorum) v.outcome = Outcome::no_quorum;
    else if (defer_margin && at_most(*defer_margin, diff, present.heads))
        v.outcome = Outcome::deferred;  // a near-even split: consult more rather than force it
    else if (pass_met(pass, yes, present)) v.outcome = Outcome::passed;
    else v.outcome = Outcome::failed;
    return v;
}

std::optional<Fraction> defer_margin_of(const CouncilRules& rules) {
    if (rules.defer_margin.num > 0) return rules.defer_margin;
    return std::nullopt;
}

Outcome option_outcome(bool quorum, std::int64_t ballots_cast, std::size_t winners) {
    if (!quorum) return Outcome::no_quorum;
    if (ballots_cast == 0 || winners == 0) return Outcome::failed;
    if (winners > 1) return Outcome::deferred;
    return Outcome::passed;
}

Result<Issue> resolve_issue(const Issue& issue, const Ballot& b, const Tally& t) {
    if (b.issue_id != issue.id) return make_error("bad_id", "issue_id");
    if (b.state != BallotState::closed) return make_error("ballot_still_open");
    if (issue.stage != IssueStage::scheduled) return make_error("wrong_stage");
    Issue next = issue;
    bool settled = t.outcome == Outcome::passed || t.outcome == Outcome::failed;
    next.stage = settled ? IssueStage::resolved : IssueStage::listed;
    return next;
}

}  // namespace yishi
