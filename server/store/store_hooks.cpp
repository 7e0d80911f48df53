// The community's outbound hook (消息推送地址) and its deliveries: the administrator sets the URL
// (an audited act); the server's delivery worker claims due rows, posts them and records the
// outcome. A claim moves the row's next_at forward only if nobody moved it first, so two servers
// over one database never post the same row at once.
#include "store_impl.hpp"
#include "yishi/administration.hpp"
#include "yishi/messages_notifications.hpp"

namespace yishi::server {

namespace {
// The community with its street, and whether the actor may administer it.
Check may_set_hook(Connection& db, Id actor, Id community_id) {
    Statement q(db, "SELECT COALESCE(street_id, 0) FROM communities WHERE id = ?");
    q.bind(1, community_id);
    if (!q.step()) return make_error("not_found", "community_id");
    return may_manage_community(admin_scope_of(db, actor), Place{q.column(0).int64(), community_id});
}

std::string hook_of(Connection& db, Id community_id) {
    Statement q(db, "SELECT url FROM community_hooks WHERE community_id = ?");
    q.bind(1, community_id);
    return q.step() ? q.column(0).text() : std::string();
}
}  // namespace

Result<HookConfig> Store::community_hook(Id actor, Id community_id) {
    return impl_->read([&](Connection& db) -> Result<HookConfig> {
        if (auto refused = may_set_hook(db, actor, community_id)) return *refused;
        return HookConfig{hook_of(db, community_id)};
    });
}

Result<HookConfig> Store::set_community_hook(Id actor, Id community_id, const HookConfig& h,
                                             std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<HookConfig> {
        if (auto refused = may_set_hook(act.db, actor, community_id)) return *refused;
        if (auto bad = check_hook_url(h.url)) return *bad;
        act.in_community(community_id);
        std::string before = hook_of(act.db, community_id);
        if (h.url.empty()) {
            Statement q(act.db, "DELETE FROM community_hooks WHERE community_id = ?");
            q.bind(1, community_id);
            q.run();
        } else {
            Statement q(act.db,
                        "INSERT INTO community_hooks (community_id, url, updated_by, updated_at) "
                        "VALUES (?, ?, ?, ?) ON CONFLICT (community_id) DO UPDATE SET "
                        "url = excluded.url, updated_by = excluded.updated_by, "
                        "updated_at = excluded.updated_at");
            q.bind(1, community_id);
            q.bind(2, h.url);
            q.bind(3, actor);
            q.bind(4, now);
            q.run();
        }
        act.record("hook_set", Json{{"community_id", community_id}, {"url", h.url},
                                    {"previous", before}});
        return HookConfig{h.url};
    });
}

std::vector<Store::HookDelivery> Store::claim_hook_deliveries(std::int64_t now,
                                                              std::int64_t lease_seconds,
                                                              int limit) {
    // Looked for in a read first: the worker asks every second, and most seconds nothing is due.
    bool any = impl_->read([&](Connection& db) {
        Statement q(db,
                    "SELECT 1 FROM hook_deliveries WHERE delivered_at IS NULL AND failed_at IS NULL "
                    "AND next_at <= ? LIMIT 1");
        q.bind(1, now);
        return q.step();
    });
    if (!any) return {};
    return impl_->write([&](Connection& db) {
        Statement due(db,
                      "SELECT d.id, d.next_at FROM hook_deliveries d WHERE d.delivered_at IS NULL "
                      "AND d.failed_at IS NULL AND d.next_at <= ? ORDER BY d.next_at, d.id LIMIT ?");
        due.bind(1, now);
        due.bind(2, limit);
        std::vector<std::pair<Id, std::int64_t>> candidates;
        while (due.step()) candidates.emplace_back(due.column(0).int64(), due.column(1).int64());
        Statement claim(db,
                        "UPDATE hook_deliveries SET next_at = ? WHERE id = ? AND next_at = ? "
                        "AND delivered_at IS NULL AND failed_at IS NULL");
        Statement load(db,
                       "SELECT d.url, d.attempts, n.id, n.kind, COALESCE(n.community_id, 0), "
                       "n.member_id, m.name, m.phone, n.subject_id, n.title, n.detail, "
                       "n.created_at FROM hook_deliveries d "
                       "JOIN notifications n ON n.id = d.notification_id "
                       "JOIN members m ON m.id = n.member_id WHERE d.id = ?");
        std::vector<HookDelivery> out;
        for (const auto& [id, next_at] : candidates) {
            claim.reset();
            claim.bind(1, now + lease_seconds);
            claim.bind(2, id);
            claim.bind(3, next_at);
            if (claim.run() != 1) continue;  // another server claimed it first
            load.reset();
            load.bind(1, id);
            if (!load.step()) continue;
            HookDelivery d;
            d.id = id;
            d.url = load.column(0).text();
            d.attempts = load.column(1).int64();
            HookPayload& p = d.payload;
            p.id = load.column(2).int64();
            if (!notification_kind_from_string(load.column(3).text(), p.kind))
                throw StoreError("unknown notification kind in database");
            p.community_id = load.column(4).int64();
            p.member_id = load.column(5).int64();
            p.member_name = load.column(6).text();
            p.member_phone = load.column(7).text();
            Id subject = load.column(8).int64();
            p.text = notification_text(p.kind, load.column(9).text(), load.column(10).text());
            p.link = notification_link(p.kind, subject);
            p.created_at = load.column(11).int64();
            out.push_back(std::move(d));
        }
        return out;
    });
}

void Store::hook_delivered(Id delivery_id, std::int64_t now) {
    impl_->write([&](Connection& db) {
        Statement q(db,
                    "UPDATE hook_deliveries SET attempts = attempts + 1, delivered_at = ?, "
                    "last_error = '' WHERE id = ?");
        q.bind(1, now);
        q.bind(2, delivery_id);
        q.run();
        return 0;
    });
}

void Store::hook_attempt_failed(Id delivery_id, const std::string& error, std::int64_t now,
                                std::int64_t retry_at) {
    impl_->write([&](Connection& db) {
        // The attempt just made counts; the eighth failure is the last.
        Statement q(db,
                    "UPDATE hook_deliveries SET attempts = attempts + 1, last_error = ?, "
                    "next_at = ?, failed_at = CASE WHEN attempts + 1 >= ? THEN CAST(? AS BIGINT) ELSE NULL END "
                    "WHERE id = ?");
        q.bind(1, cut_text(error, 200));
        q.bind(2, retry_at);
        q.bind(3, kHookMaxAttempts);
        q.bind(4, now);
        q.bind(5, delivery_id);
        q.run();
        return 0;
    });
}

}  // namespace yishi::server
