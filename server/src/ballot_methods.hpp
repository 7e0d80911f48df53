// The store's former entry points to ballot methods, now rules and JSON forms of the core
// (yishi/ballot_spec.hpp, yishi/ballot_count.hpp). Only the store files still include this; the
// two adapters below keep their record-shaped calls until they call the core directly.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "yishi/ballot_count.hpp"
#include "yishi/ballot_spec.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// The core's stored_spec; an unreadable spec in the database is the store's error.
inline BallotSpec spec_from_stored(const std::string& method, bool secret, const std::string& unit,
                                   const Json& details) {
    auto s = stored_spec(method, secret, unit, details);
    if (!s) throw StoreError("unknown ballot method or unit in database");
    return s.value();
}

// The core's BulletinParts, with the store's record in place of ballot and title.
struct BulletinParts {
    const BallotRecord& record;
    const BallotSpec& spec;
    const CouncilRules& rules;
    std::vector<Json> ballots;
    std::optional<Json> paper;
    std::optional<Tally> plain_tally;
};
inline Result<Published> publish_bulletin(const BulletinParts& p) {
    return yishi::publish_bulletin(
        {p.record.ballot, p.record.issue_title, p.spec, p.rules, p.ballots, p.paper, p.plain_tally});
}

}  // namespace yishi::server
