// Steps of the 办/评 (carry out, evaluate) tests: a department member in the demo council and
// ballots brought to a passed or failed close, on top of the 定 (decide) steps.
#pragma once
#include <string>

#include "decide_steps.hpp"

namespace yishi::test {

// A department member (街道城管科) added to the demo council: no vote, may report for a unit.
// Returns its id; `token` receives a live token for it.
Id add_department_member(TestServer& server, std::string& token);

// In an open session with members 1..11 signed in: opens a ballot on `issue`, members 1..8 vote
// `choice`, the convenor closes it. Returns the ballot id.
Id decided_ballot(TestServer& server, Id session, const std::vector<std::string>& tokens, Id issue,
                  const std::string& choice);

// As the convenor: a task of `ballot` for the department member, due in 30 days.
Id assign_to(TestServer& server, const std::vector<std::string>& tokens, Id ballot, Id department);

}  // namespace yishi::test
