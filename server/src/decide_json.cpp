// Store records of the 定 (decide) step as the core's views.
#include "decide_json.hpp"

namespace yishi::server {

BallotView view_of(const BallotRecord& r) { return ballot_view(r.ballot, r.issue_title, r.tally); }

BallotClosingView view_of(const BallotClosing& c) { return {view_of(c.record), c.notice}; }

yishi::DemandStatus view_of(const DemandStatus& d) {
    return {d.demanded, d.voting_members, d.sufficient};
}

}  // namespace yishi::server
