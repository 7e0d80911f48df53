// Authentication primitives: Argon2id password hashes, bearer tokens and their digests,
// and the expiry and throttling policies. Backed by libsodium.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace yishi::server {

// Calls sodium_init() once; safe from any thread. Throws when libsodium cannot start.
void init_crypto();

// How long a login token lives: it dies after `idle_seconds` without use, and in any case
// `absolute_seconds` after it was issued.
struct TokenPolicy {
    std::int64_t idle_seconds = 7 * 24 * 3600;
    std::int64_t absolute_seconds = 30 * 24 * 3600;
    // last_used_at is rewritten at most this often, so reads do not each cost a disk sync.
    std::int64_t touch_interval_seconds = 60;
};

// Failed logins tolerated inside a sliding window before answering 429. Counted per login
// and per remote address; the address limit is higher because one address may be a whole
// community centre behind NAT.
struct LoginThrottle {
    int max_failures_per_login = 10;
    int max_failures_per_address = 30;
    std::int64_t window_seconds = 10 * 60;
};

// Argon2id (crypto_pwhash_str, interactive limits). Each hash takes ~64 MiB for ~0.1 s, so
// at most `max_concurrent` run at once: a login flood queues instead of exhausting memory.
class PasswordHasher {
public:
    explicit PasswordHasher(int max_concurrent = 2,
                            std::chrono::milliseconds max_wait = std::chrono::seconds(10));
    ~PasswordHasher();
    PasswordHasher(const PasswordHasher&) = delete;
    PasswordHasher& operator=(const PasswordHasher&) = delete;

    // Throws std::runtime_error when hashing fails (out of memory).
    std::string hash(std::string_view password);
    // For hashing on a user's request (registration): nullopt when no slot freed up in time.
    std::optional<std::string> try_hash(std::string_view password);

    // The outcome of checking a password; `busy` when no hashing slot freed up in time.
    enum class Verdict { match, mismatch, busy };
    Verdict verify(const std::string& stored_hash, std::string_view password);

    // Burns the same work as a real check, for logins that do not exist, so that the
    // answer time does not tell which logins are real.
    Verdict verify_against_dummy(std::string_view password);

private:
    struct Slots;
    std::unique_ptr<Slots> slots_;
    std::chrono::milliseconds max_wait_;
    std::string dummy_hash_;
};

// A fresh bearer token: 32 random bytes as 64 lowercase hex characters.
std::string new_token();

// True only for exactly 64 characters of [0-9a-f]. httplib percent-decodes header values,
// so anything looser could smuggle bytes into the lookup.
bool well_formed_token(std::string_view token);

// What the database keeps instead of the token: SHA-256 as lowercase hex.
std::string token_digest(std::string_view token);

// SHA-256 of any bytes as 64 lowercase hex characters (invite codes, the audit chain).
std::string sha256_hex(std::string_view bytes);

// A fresh invite code (邀请码): 10 uniformly random letters of yishi::kInviteAlphabet,
// normalized (no hyphen). The database keeps only sha256_hex of it.
std::string new_invite_code();

}  // namespace yishi::server
