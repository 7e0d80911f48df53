// The store's audit log (审计日志): appending a chained entry inside a write transaction (an
// act's record), and reading chains back for verification. The table refuses UPDATE and DELETE
// by trigger.
#include "store_cppcc_records.hpp"
#include "store_records.hpp"
#include "store_impl.hpp"
#include "yishi/server/audit.hpp"

namespace yishi::server {

namespace {
// Appends one entry to the community's audit chain, linked to its newest entry. Only an act
// records (Act::record), inside the write transaction of the change it records, so both
// commit or neither does.
void audit(Connection& db, Id community_id, std::optional<Act::ChainHead> head,
           std::optional<Id> actor, const std::string& action, const Json& details,
           std::int64_t at) {
    if (!head) {
        head.emplace();
        Statement last(db,
                       "SELECT seq, hash FROM audit_log WHERE community_id = ? "
                       "ORDER BY seq DESC LIMIT 1");
        last.bind(1, community_id);
        if (last.step()) head = Act::ChainHead{last.column(0).int64(), last.column(1).text()};
    }
    AuditEntry e;
    e.community_id = community_id;
    e.id = head->seq + 1;
    e.prev_hash = head->seq > 0 ? head->hash : kAuditGenesis;
    e.at = at;
    e.actor_id = actor;
    e.action = action;
    e.details = details.dump();
    e.hash = audit_hash(e.prev_hash, e);

    Statement q(db,
                "INSERT INTO audit_log (community_id, seq, at, actor_id, action, details, "
                "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, community_id);
    q.bind(2, e.id);
    q.bind(3, e.at);
    q.bind(4, actor);
    q.bind(5, e.action);
    q.bind(6, e.details);
    q.bind(7, e.prev_hash);
    q.bind(8, e.hash);
    q.run_later();
}
}  // namespace

void Act::in_council(Id council_id) {
    // An act belongs to one council: a second one would put its entry on the wrong chain.
    if (council_id_ && *council_id_ != council_id)
        throw StoreError("an act in two councils");
    council_id_ = council_id;
}

const Actor& Act::who(Id council_id) {
    in_council(council_id);
    if (!who_) {
        if (!actor) throw StoreError("an act without an actor asked for the actor's role");
        who_ = records::actor(db, council_id, *actor);
    }
    return *who_;
}

void Act::record(const std::string& action, const Json& details) {
    if (recorded_) throw StoreError("an act recorded twice: " + action);
    if (!community_) {
        if (!council_id_) throw StoreError("an act recorded without its council: " + action);
        community_ = community_of_council(db, *council_id_);
    }
    audit(db, *community_, head_, actor, action, details, now);
    recorded_ = true;
}

std::vector<Id> Store::audit_chains() {
    return impl_->read([](Connection& db) {
        Statement q(db, "SELECT DISTINCT community_id FROM audit_log ORDER BY community_id");
        std::vector<Id> out;
        while (q.step()) out.push_back(q.column(0).int64());
        return out;
    });
}

namespace {
std::int64_t chain_head(Connection& db, Id community_id) {
    Statement q(db, "SELECT seq FROM audit_log WHERE community_id = ? ORDER BY seq DESC LIMIT 1");
    q.bind(1, community_id);
    return q.step() ? q.column(0).int64() : 0;
}
}  // namespace

std::int64_t Store::council_version(Id council_id) {
    return impl_->read([&](Connection& db) {
        return chain_head(db, community_of_council(db, council_id));
    });
}

Result<std::int64_t> Store::consultation_version(Id topic_id) {
    return impl_->read([&](Connection& db) -> Result<std::int64_t> {
        Statement q(db, "SELECT 1 FROM topics WHERE id = ?");
        q.bind(1, topic_id);
        if (!q.step()) return make_error("not_found", "topic_id");
        return chain_head(db, records::kCppccChain);
    });
}

std::vector<AuditEntry> Store::audit_entries(Id community_id, Id after_id, int limit) {
    return impl_->read([&](Connection& db) {
        Statement q(db,
                    "SELECT seq, at, actor_id, action, details, prev_hash, hash FROM audit_log "
                    "WHERE community_id = ? AND seq > ? ORDER BY seq LIMIT ?");
        q.bind(1, community_id);
        q.bind(2, after_id);
        q.bind(3, limit);
        std::vector<AuditEntry> out;
        while (q.step()) {
            AuditEntry e;
            e.community_id = community_id;
            e.id = q.column(0).int64();
            e.at = q.column(1).int64();
            if (!q.column(2).null()) e.actor_id = q.column(2).int64();
            e.action = q.column(3).text();
            e.details = q.column(4).text();
            e.prev_hash = q.column(5).text();
            e.hash = q.column(6).text();
            out.push_back(std::move(e));
        }
        return out;
    });
}

}  // namespace yishi::server
