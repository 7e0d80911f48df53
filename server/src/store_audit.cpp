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
        SQLite::Statement last(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last.executeStep()) {
            e.id = last.getColumn(0).getInt64() + 1;
            e.prev_hash = last.getColumn(1).getString();
        }
    }
    e.at = at;
    e.actor_id = actor;
    e.action = action;
    e.details = details.dump();
    e.hash = audit_hash(e.prev_hash, e);

    SQLite::Statement q(db,
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
    q.exec();
}

std::vector<AuditEntry> Store::audit_entries(Id after_id, int limit) {
    std::lock_guard lock(impl_->mutex);
    SQLite::Statement q(impl_->db,
                        "SELECT id, at, actor_id, action, details, prev_hash, hash FROM audit_log "
                        "WHERE id > ? ORDER BY id LIMIT ?");
    q.bind(1, after_id);
    q.bind(2, limit);
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
        AuditEntry e;
        e.id = q.getColumn(0).getInt64();
        e.at = q.getColumn(1).getInt64();
        if (!q.getColumn(2).isNull()) e.actor_id = q.getColumn(2).getInt64();
        e.action = q.getColumn(3).getString();
        e.details = q.getColumn(4).getString();
        e.prev_hash = q.getColumn(5).getString();
        e.hash = q.getColumn(6).getString();
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace yishi::server
