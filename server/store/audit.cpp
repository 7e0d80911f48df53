// The audit log's hash chain: canonical content, entry hashes, and the walk that verifies them.
#include "yishi/server/audit.hpp"

#include "yishi/messages.hpp"
#include "yishi/server/auth.hpp"

namespace yishi::server {

namespace {
constexpr int kPage = 500;
}

std::string audit_content(const AuditEntry& e) {
    Json actor = e.actor_id ? Json(*e.actor_id) : Json(nullptr);
    return Json::array({e.id, e.at, actor, e.action, e.details}).dump();
}

std::string audit_hash(const std::string& prev_hash, const AuditEntry& e) {
    return sha256_hex(prev_hash + audit_content(e));
}

AuditReport verify_audit(Store& store) {
    AuditReport report;
    report.head_hash = kAuditGenesis;
    for (Id chain : store.audit_chains()) {
        ++report.chains;
        std::string head = kAuditGenesis;
        std::int64_t in_chain = 0;
        Id after = 0;
        while (true) {
            auto page = store.audit_entries(chain, after, kPage);
            for (const auto& e : page) {
                if (e.prev_hash != head) {
                    report.broken_chain = chain;
                    report.broken_at = e.id;
                    report.reason = in_chain == 0
                                        ? "the first entry does not start from the genesis value"
                                        : "its previous hash does not match entry " +
                                              std::to_string(after) +
                                              " (an entry was removed or altered)";
                    return report;
                }
                if (audit_hash(e.prev_hash, e) != e.hash) {
                    report.broken_chain = chain;
                    report.broken_at = e.id;
                    report.reason = "its hash does not match its content (the entry was altered)";
                    return report;
                }
                head = e.hash;
                ++in_chain;
                ++report.entries;
                after = e.id;
            }
            if (static_cast<int>(page.size()) < kPage) break;
        }
        report.heads.emplace_back(chain, head);
        report.head_hash = head;
    }
    return report;
}

}  // namespace yishi::server
