// Views of the store's 定 (decide) records for the core's JSON forms (yishi/messages_decide.hpp),
// which also carry the rules' strict reader and the wire names of sessions and outcomes.
#pragma once
#include "yishi/messages_decide.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

BallotView view_of(const BallotRecord& r);
BallotClosingView view_of(const BallotClosing& c);
yishi::DemandStatus view_of(const DemandStatus& d);

}  // namespace yishi::server
