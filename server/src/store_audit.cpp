// The store's audit log (审计日志): appending a chained entry inside a write transaction, and
// reading entries back for verification. The table refuses UPDATE and DELETE by trigger.
#include "store_impl.hpp"
#include "yishi/server/audit.hpp"

namespace yishi::server {

void Store::Impl::audit(std::optional<Id> actor, const std::string& action, const Json& details,
                        std::int64_t at) {
    AuditEntry e;
    e.prev_hash = kAuditGenesis;
    e.id = 1;
    {
        Statement last(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last.step()) {
            e.id = last.column(0).int64() + 1;
            e.prev_hash = last.column(1).text();
        }
    }
    e.at = at;
    e.actor_id = actor;
    e.action = action;
    e.details = details.dump();
    e.hash = audit_hash(e.prev_hash, e);

    Statement q(db,
                        "INSERT INTO audit_log (id, at, actor_id, action, details, prev_hash, hash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.id);
    q.bind(2, e.at);
    if (actor) q.bind(3, *actor);
    else q.bind(3);
    q.bind(4, e.action);
    q.bind(5, e.details);
    q.bind(6, e.prev_hash);
    q.bind(7, e.hash);
    q.run();
}

std::vector<AuditEntry> Store::audit_entries(Id after_id, int limit) {
    std::lock_guard lock(impl_->mutex);
    Statement q(impl_->db,
                        "SELECT id, at, actor_id, action, details, prev_hash, hash FROM audit_log "
                        "WHERE id > ? ORDER BY id LIMIT ?");
    q.bind(1, after_id);
    q.bind(2, limit);
    std::vector<AuditEntry> out;
    while (q.step()) {
        AuditEntry e;
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
}

}  // namespace yishi::server
