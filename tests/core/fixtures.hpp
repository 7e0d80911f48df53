// Small builders shared by the council-flow tests: actors, electorates, sessions.
#pragma once
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/roles.hpp"
#include "yishi/session.hpp"

namespace fixtures {

using namespace yishi;

constexpr Id kCouncil = 1;
constexpr std::int64_t kDay = kSecondsPerDay;
constexpr std::int64_t kT0 = 1'780'000'000;  // an arbitrary "now"

inline Actor actor(Id id, Role role = Role::council_member) {
    Actor a;
    a.member_id = id;
    a.role = role;
    a.member = true;
    a.voting = role_votes(role);
    return a;
}

inline Actor outsider(Id id) {
    Actor a;
    a.member_id = id;
    return a;
}

inline Actor convenor() { return actor(100, Role::convenor); }

// Voters 1..n, each their own household with no area.
inline std::vector<Voter> voters(int n) {
    std::vector<Voter> v;
    for (int i = 1; i <= n; ++i) v.push_back({i, 0, 0});
    return v;
}

inline Issue listed_issue(Id id) {
    Issue i;
    i.id = id;
    i.council_id = kCouncil;
    i.title = "电动车充电桩";
    i.author_id = 1;
    i.stage = IssueStage::listed;
    return i;
}

// An open session with the charging-point and stairwell items on its agenda and members
// 1..signed_in signed in.
inline Session open_session_with(int signed_in, bool special = false) {
    Session s;
    s.id = 5;
    s.council_id = kCouncil;
    s.state = SessionState::open;
    s.starts_at = kT0;
    s.agenda = {{10, "电动车充电桩", special}, {11, "楼道保洁", false}};
    for (int i = 1; i <= signed_in; ++i) s.signed_in.push_back(i);
    return s;
}

// Opens a ballot on the charging-point item over `members` voters with `signed_in` present.
inline Ballot ballot_over(int members, int signed_in, bool special = false) {
    Session s = open_session_with(signed_in, special);
    auto b = open_ballot(convenor(), s, 10, voters(members), false, kT0);
    return b.value();
}

// Casts yes/no/abstain in that order for voters 1.. on the roll, then closes the ballot.
inline Ballot voted(Ballot b, int yes, int no, int abstain) {
    Session s = open_session_with(static_cast<int>(b.roll.size()), b.special_matter);
    Id next = 1;
    auto cast = [&](Choice c, int n) {
        for (int i = 0; i < n; ++i) b = cast_vote(actor(next++), b, s, c, kT0).value();
    };
    cast(Choice::yes, yes);
    cast(Choice::no, no);
    cast(Choice::abstain, abstain);
    return close_ballot(convenor(), b, kT0 + 3600).value();
}

}  // namespace fixtures
