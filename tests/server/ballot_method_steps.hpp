// Steps of the ballot method tests: a session of the demo council opened with members signed
// in, a ballot opened on the chargers issue with a given spec, and recounts by the real
// yishi-tally binary.
#pragma once
#include <string>
#include <vector>

#include "decide_steps.hpp"

namespace yishi::test {

// Opens a session with the demo's charger issue (kIssueChargers) on the agenda, signs in the
// members whose tokens are given, and opens a ballot on it with `spec` (issue_id added).
// Requires success; returns the ballot's id.
Id open_ballot_with(TestServer& server, ClockShift& shift, const std::vector<std::string>& tokens,
                    Json spec, int last = 11);

// Runs the real yishi-tally on `bulletin` (written to a file): its exit status and stdout.
struct Recount {
    int status = -1;
    std::string out;
    Json result() const { return Json::parse(out, nullptr, false); }
};
Recount recount(const Json& bulletin);

}  // namespace yishi::test
