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

// Growing delays after failed logins, never a hard lock. Counted per (login, address), so
// that failures from elsewhere never keep an owner out at their own address, and per address
// over all logins, with a much higher allowance: one address may be a whole community centre
// behind NAT. After `free_failures_*` failures, the next attempt waits `first_delay_seconds`,
// doubling with each further failure up to `max_delay_seconds`; failures are forgotten
// `forget_after_seconds` after the last one. Registrations count under their own name.
struct LoginThrottle {
    int free_failures_per_login = 5;
    int free_failures_per_address = 100;
    std::int64_t first_delay_seconds = 1;
    std::int64_t max_delay_seconds = 15 * 60;
    std::int64_t forget_after_seconds = 60 * 60;

    // Seconds to wait after the last of `failures` failures, when `free` are allowed.
    std::int64_t delay_after(std::int64_t failures, int free) const {
        if (failures < free) return 0;
        std::int64_t delay = first_delay_seconds;
        for (std::int64_t k = free; k < failures && delay < max_delay_seconds; ++k) delay *= 2;
        return delay < max_delay_seconds ? delay : max_delay_seconds;
    }
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
