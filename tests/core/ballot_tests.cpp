// Ballots: frozen roll, one counted vote per eligible member, and the tally's outcome with
// every boundary — exactly half, exactly 2/3, a tie, all abstain, the deferral margin.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/ballot.hpp"
#include "yishi/vote_check.hpp"

using namespace yishi;
using namespace fixtures;

namespace {
const CouncilRules kCouncilRules = preset_rules(CouncilKind::residents_council);  // defers at 1/10

CouncilRules without_deferral() {
    auto r = kCouncilRules;
    r.defer_margin = {0, 1};
    return r;
}

Outcome outcome(const CouncilRules& r, int members, int present, int yes, int no, int abstain) {
    return tally(r, voted(ballot_over(members, present), yes, no, abstain)).outcome;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ballot)

BOOST_AUTO_TEST_CASE(the_roll_is_the_members_signed_in_when_the_ballot_opens) {
    Ballot b = ballot_over(15, 11);
    BOOST_TEST(b.roll.size() == 11u);
    BOOST_TEST(b.electorate.heads == 15);
    BOOST_TEST((b.state == BallotState::open));
}

BOOST_AUTO_TEST_CASE(a_member_signing_in_after_the_ballot_opened_is_not_eligible) {
    Ballot b = ballot_over(15, 11);
    Session s = open_session_with(12);  // member 12 signed in late
    auto r = cast_vote(actor(12), b, s, Choice::yes, kT0);
    BOOST_TEST(r.error().code == "not_eligible");
    BOOST_TEST(r.error().status == 403);
}

BOOST_AUTO_TEST_CASE(a_member_may_vote_only_once) {
    Ballot b = ballot_over(15, 11);
    Session s = open_session_with(11);
    b = cast_vote(actor(3), b, s, Choice::yes, kT0).value();
    auto again = cast_vote(actor(3), b, s, Choice::no, kT0);
    BOOST_TEST(again.error().code == "already_voted");
    BOOST_TEST(b.votes.size() == 1u);
    BOOST_TEST((b.votes[0].choice == Choice::yes));  // the first vote stands
}

BOOST_AUTO_TEST_CASE(a_non_member_may_not_vote) {
    Ballot b = ballot_over(15, 11);
    BOOST_TEST(cast_vote(outsider(99), b, open_session_with(11), Choice::yes, kT0).error().code ==
               "not_eligible");
}

BOOST_AUTO_TEST_CASE(voting_on_a_closed_ballot_is_refused) {
    Ballot b = close_ballot(convenor(), ballot_over(15, 11), kT0).value();
    auto r = cast_vote(actor(1), b, open_session_with(11), Choice::yes, kT0);
    BOOST_TEST(r.error().code == "ballot_closed");
}

BOOST_AUTO_TEST_CASE(a_closing_time_is_later_than_now_and_at_most_seven_days_ahead) {
    BOOST_TEST(!check_closes_at(kT0 + 1, kT0).has_value());
    BOOST_TEST(!check_closes_at(kT0 + 7 * kDay, kT0).has_value());
    auto now = check_closes_at(kT0, kT0);
    BOOST_REQUIRE(now.has_value());
    BOOST_TEST(now->code == "bad_time");
    BOOST_TEST(now->status == 400);
    BOOST_TEST(now->field == "closes_at");
    BOOST_TEST(now->message == "截止时间须晚于现在");
    BOOST_TEST(check_closes_at(-1, kT0)->message == "截止时间须晚于现在");
    auto far = check_closes_at(kT0 + 7 * kDay + 1, kT0);
    BOOST_REQUIRE(far.has_value());
    BOOST_TEST(far->field == "closes_at");
    BOOST_TEST(far->message == "截止时间须在 7 天之内");
}

BOOST_AUTO_TEST_CASE(a_vote_at_or_after_the_closing_time_is_refused_but_the_ballot_stays_open) {
    Ballot b = ballot_over(15, 11);
    Session s = open_session_with(11);
    b.closes_at = kT0 + 3000;
    b = cast_vote(actor(1), b, s, Choice::yes, kT0 + 2999).value();
    BOOST_TEST(!deadline_passed(b, kT0 + 2999));
    BOOST_TEST(deadline_passed(b, kT0 + 3000));
    auto late = cast_vote(actor(2), b, s, Choice::yes, kT0 + 3000);
    BOOST_TEST(late.error().code == "ballot_deadline_passed");
    BOOST_TEST(late.error().status == 409);
    BOOST_TEST(late.error().message == "投票已截止，等待召集人结束表决并计票");
    BOOST_TEST((b.state == BallotState::open));
    // The convenor still closes it and counts the vote cast in time.
    Ballot closed = close_ballot(convenor(), b, kT0 + 4000).value();
    BOOST_TEST(tally(kCouncilRules, closed).yes == 1);
}

BOOST_AUTO_TEST_CASE(a_ballot_without_a_closing_time_takes_votes_until_it_is_closed) {
    Ballot b = ballot_over(15, 11);
    BOOST_TEST(b.closes_at == 0);
    BOOST_TEST(!deadline_passed(b, kT0 + 365 * kDay));
    BOOST_TEST(cast_vote(actor(1), b, open_session_with(11), Choice::no, kT0 + 365 * kDay).ok());
}

BOOST_AUTO_TEST_CASE(voting_after_the_session_closed_is_refused) {
    Ballot b = ballot_over(15, 11);
    Session s = open_session_with(11);
    s.state = SessionState::closed;
    BOOST_TEST(cast_vote(actor(1), b, s, Choice::yes, kT0).error().code == "ballot_closed");
}

BOOST_AUTO_TEST_CASE(only_the_convenor_opens_a_ballot_on_an_agenda_item_of_an_open_session) {
    Session s = open_session_with(11);
    BOOST_TEST(open_ballot(actor(1), s, 10, voters(15), false, kT0).error().code == "not_convenor");
    BOOST_TEST(open_ballot(convenor(), s, 42, voters(15), false, kT0).error().code ==
               "not_on_agenda");
    BOOST_TEST(open_ballot(convenor(), s, 10, voters(15), true, kT0).error().code ==
               "ballot_exists");
    s.state = SessionState::noticed;
    BOOST_TEST(open_ballot(convenor(), s, 10, voters(15), false, kT0).error().code ==
               "wrong_session_state");
    BOOST_TEST(open_ballot(convenor(), open_session_with(0), 10, voters(15), false, kT0)
                   .error()
                   .code == "nobody_present");
}

BOOST_AUTO_TEST_CASE(exactly_half_present_is_no_quorum) {
    BOOST_TEST((outcome(kCouncilRules, 14, 7, 7, 0, 0) == Outcome::no_quorum));
    BOOST_TEST((outcome(kCouncilRules, 14, 8, 8, 0, 0) == Outcome::passed));
}

BOOST_AUTO_TEST_CASE(passing_needs_more_than_half_of_those_present) {
    // 10 present: 6 yes passes, 5 yes with 5 abstaining does not.
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 6, 4, 0) == Outcome::passed));
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 5, 0, 5) == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(abstentions_and_silent_members_count_as_present_not_yes) {
    Tally t = tally(kCouncilRules, voted(ballot_over(15, 11), 5, 2, 1));
    BOOST_TEST(t.present == 11);
    BOOST_TEST(t.not_voted == 3);
    BOOST_TEST(t.abstain == 1);
    BOOST_TEST((t.outcome == Outcome::failed));  // 5 of 11 is not more than half
}

BOOST_AUTO_TEST_CASE(a_tie_fails_without_deferral_and_defers_with_it) {
    BOOST_TEST((outcome(without_deferral(), 15, 10, 5, 5, 0) == Outcome::failed));
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 5, 5, 0) == Outcome::deferred));
}

BOOST_AUTO_TEST_CASE(all_abstaining_fails_without_deferral_and_defers_with_it) {
    // |yes − no| = 0 is within any margin: nobody carried the matter either way.
    BOOST_TEST((outcome(without_deferral(), 15, 10, 0, 0, 10) == Outcome::failed));
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 0, 0, 10) == Outcome::deferred));
}

BOOST_AUTO_TEST_CASE(deferral_margin_at_the_boundary_defers_and_just_beyond_decides) {
    // margin 1/10 with 10 present: |yes − no| × 10 ≤ 10 defers, so a difference of 1 defers.
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 5, 4, 1) == Outcome::deferred));
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 6, 4, 0) == Outcome::passed));
    BOOST_TEST((outcome(kCouncilRules, 15, 10, 4, 6, 0) == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(no_quorum_comes_before_deferral) {
    BOOST_TEST((outcome(kCouncilRules, 15, 7, 3, 3, 1) == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(at_least_two_thirds_passes_exactly_two_thirds_and_not_one_short) {
    auto r = without_deferral();
    r.pass.share = {{2, 3}, Bound::at_least};
    BOOST_TEST((outcome(r, 15, 15, 10, 5, 0) == Outcome::passed));
    BOOST_TEST((outcome(r, 15, 15, 9, 6, 0) == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(owners_special_matters_need_three_quarters_of_area_and_heads) {
    auto r = preset_rules(CouncilKind::owners_assembly);
    Session s = open_session_with(4, /*special=*/true);
    std::vector<Voter> owners{{1, 1, 10000}, {2, 2, 10000}, {3, 3, 10000}, {4, 4, 10000}};
    Ballot b = open_ballot(convenor(), s, 10, owners, false, kT0).value();
    BOOST_TEST(b.special_matter);
    for (Id id : {1, 2, 3}) b = cast_vote(actor(id), b, s, Choice::yes, kT0).value();
    b = cast_vote(actor(4), b, s, Choice::no, kT0).value();
    b = close_ballot(convenor(), b, kT0).value();
    BOOST_TEST((tally(r, b).outcome == Outcome::passed));  // exactly 3/4 of both
    b.votes[2].choice = Choice::abstain;
    BOOST_TEST((tally(r, b).outcome == Outcome::failed));  // 2/4
}

BOOST_AUTO_TEST_CASE(owners_ordinary_matters_fail_with_a_head_majority_but_half_the_area) {
    auto r = preset_rules(CouncilKind::owners_assembly);
    Session s = open_session_with(3);
    std::vector<Voter> owners{{1, 1, 5000}, {2, 2, 5000}, {3, 3, 10000}};
    Ballot b = open_ballot(convenor(), s, 10, owners, false, kT0).value();
    b = cast_vote(actor(1), b, s, Choice::yes, kT0).value();
    b = cast_vote(actor(2), b, s, Choice::yes, kT0).value();
    b = cast_vote(actor(3), b, s, Choice::no, kT0).value();
    Tally t = tally(r, close_ballot(convenor(), b, kT0).value());
    BOOST_TEST(t.yes_area_centi_m2 == 10000);
    BOOST_TEST((t.outcome == Outcome::failed));
}

BOOST_AUTO_TEST_CASE(a_settled_ballot_resolves_the_issue_and_a_deferred_one_relists_it) {
    Issue i = listed_issue(10);
    i.stage = IssueStage::scheduled;
    Ballot passed = voted(ballot_over(15, 11), 8, 2, 1);
    auto r = resolve_issue(i, passed, tally(kCouncilRules, passed));
    BOOST_TEST((r.value().stage == IssueStage::resolved));
    Ballot split = voted(ballot_over(15, 11), 5, 5, 1);
    auto d = resolve_issue(i, split, tally(kCouncilRules, split));
    BOOST_TEST((d.value().stage == IssueStage::listed));
    BOOST_TEST(resolve_issue(i, ballot_over(15, 11), tally(kCouncilRules, split)).error().code ==
               "ballot_still_open");
}

BOOST_AUTO_TEST_CASE(choice_and_outcome_names) {
    for (auto c : {Choice::yes, Choice::no, Choice::abstain}) {
        Choice back{};
        BOOST_TEST(choice_from_string(to_string(c), back));
        BOOST_TEST((back == c));
    }
    BOOST_TEST(std::string(to_string(Outcome::deferred)) == "deferred");
    BOOST_TEST(std::string(to_string(Outcome::no_quorum)) == "no_quorum");
}

// The store checks a vote from a few rows rather than the whole ballot: both readings of the
// rule must refuse the same votes with the same codes.
BOOST_AUTO_TEST_CASE(the_rule_over_a_votes_facts_answers_as_over_the_whole_ballot) {
    struct Case {
        const char* name;
        Ballot ballot;
        Session session;
        Id member;
        std::int64_t now;
        std::string code;  // empty: may vote
    };
    Ballot open = ballot_over(15, 11);
    Ballot voted_once = cast_vote(actor(3), open, open_session_with(11), Choice::no, kT0).value();
    Ballot with_deadline = open;
    with_deadline.closes_at = kT0 + 600;
    Session closed_session = open_session_with(11);
    closed_session.state = SessionState::closed;
    Session other_session = open_session_with(11);
    other_session.id = 6;
    std::vector<Case> cases = {
        {"on the roll", open, open_session_with(11), 4, kT0, ""},
        {"signed in late", open, open_session_with(12), 12, kT0, "not_eligible"},
        {"second vote", voted_once, open_session_with(11), 3, kT0, "already_voted"},
        {"another voter after one", voted_once, open_session_with(11), 4, kT0, ""},
        {"ballot closed", close_ballot(convenor(), open, kT0).value(), open_session_with(11), 4,
         kT0, "ballot_closed"},
        {"session closed", open, closed_session, 4, kT0, "ballot_closed"},
        {"another session", open, other_session, 4, kT0, "ballot_closed"},
        {"before the deadline", with_deadline, open_session_with(11), 4, kT0 + 599, ""},
        {"at the deadline", with_deadline, open_session_with(11), 4, kT0 + 600,
         "ballot_deadline_passed"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            auto whole = may_vote(actor(c.member), c.ballot, c.session, c.now);
            auto facts = may_vote(vote_facts(c.ballot, c.session, c.member), c.now);
            BOOST_TEST((whole ? whole->code : std::string()) == c.code);
            BOOST_TEST((facts ? facts->code : std::string()) == c.code);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
