// 审计日志: the audit log's hash chain and its verification. Each entry's hash is SHA-256 over
// the previous entry's hash and the entry's canonical content; the first entry chains to
// kAuditGenesis. Entries are written by the store, in the transaction of the change they record.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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

// What walking the chains found.
struct AuditReport {
    std::int64_t entries = 0;      // entries checked (all of them when intact)
    std::int64_t chains = 0;       // communities whose chains were walked
    Id broken_chain = 0;           // the community of the broken chain, when broken
    std::optional<Id> broken_at;   // the first entry whose link or hash does not hold
    std::string reason;            // why, in English, for the operator's console
    std::string head_hash;         // the last chain's newest hash (kAuditGenesis when empty)
    std::vector<std::pair<Id, std::string>> heads;  // each community's newest hash
    bool intact() const { return !broken_at.has_value(); }
};

// Walks every community's chain in id order. Deleting the newest entries cannot be seen from
// inside a chain: keep the heads somewhere else (a published notice, a printout) to detect that.
AuditReport verify_audit(Store& store);

}  // namespace yishi::server
