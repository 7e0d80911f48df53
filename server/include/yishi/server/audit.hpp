// 审计日志: the audit log's hash chain and its verification. Each entry's hash is SHA-256 over
// the previous entry's hash and the entry's canonical content; the first entry chains to
// kAuditGenesis. Entries are written by the store, in the transaction of the change they record.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "yishi/server/store.hpp"

namespace yishi::server {

// What the first entry's prev_hash holds: 64 zeros.
constexpr const char* kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes an entry's hash covers: the JSON array [id, at, actor_id or null, action, details]
// with `details` as the stored JSON text (a string), compact, as nlohmann::json::dump() writes
// it. Hashing the stored text, not a re-encoding of it, keeps the chain independent of how
// any JSON library orders keys.
std::string audit_content(const AuditEntry& e);

// hex(SHA-256(prev_hash + audit_content(e))), prev_hash being 64 lowercase hex characters.
std::string audit_hash(const std::string& prev_hash, const AuditEntry& e);

// What walking the chain found.
struct AuditReport {
    std::int64_t entries = 0;      // entries checked (all of them when intact)
    std::optional<Id> broken_at;   // the first entry whose link or hash does not hold
    std::string reason;            // why, in English, for the operator's console
    std::string head_hash;         // the last entry's hash (kAuditGenesis when empty)
    bool intact() const { return !broken_at.has_value(); }
};

// Walks the whole chain in id order. Deleting the newest entries cannot be seen from inside
// the chain: keep `head_hash` somewhere else (a published notice, a printout) to detect that.
AuditReport verify_audit(Store& store);

}  // namespace yishi::server
