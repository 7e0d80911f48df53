// Password hashing, token and invite code generation, and SHA-256 digests on libsodium.
#include "yishi/server/auth.hpp"

#include <mutex>
#include <semaphore>
#include <stdexcept>

#include <sodium.h>

#include "yishi/accounts.hpp"

namespace yishi::server {

void init_crypto() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });
    if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

struct PasswordHasher::Slots {
    explicit Slots(int n) : free(n) {}
    std::counting_semaphore<64> free;
};

namespace {
// Holds one hashing slot for the duration of one Argon2 computation.
class SlotGuard {
public:
    SlotGuard(std::counting_semaphore<64>& s, std::chrono::milliseconds wait)
        : s_(s), held_(s.try_acquire_for(wait)) {}
    ~SlotGuard() {
        if (held_) s_.release();
    }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;
    bool held() const { return held_; }

private:
    std::counting_semaphore<64>& s_;
    bool held_;
};

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();  // sodium writes a terminating NUL
    return out;
}
}  // namespace

PasswordHasher::PasswordHasher(int max_concurrent, std::chrono::milliseconds max_wait)
    : slots_(std::make_unique<Slots>(max_concurrent < 1 ? 1 : (max_concurrent > 64 ? 64 : max_concurrent))),
      max_wait_(max_wait) {
    init_crypto();
    dummy_hash_ = hash(new_token());
}

PasswordHasher::~PasswordHasher() = default;

std::string PasswordHasher::hash(std::string_view password) {
    // Hashing for accounts (seed, tests) waits as long as it takes: it is not user-facing.
    slots_->free.acquire();
    char out[crypto_pwhash_STRBYTES];
    int rc = crypto_pwhash_str(out, password.data(), password.size(),
                               crypto_pwhash_OPSLIMIT_INTERACTIVE,
                               crypto_pwhash_MEMLIMIT_INTERACTIVE);
    slots_->free.release();
    if (rc != 0) throw std::runtime_error("password hashing failed (out of memory)");
    return out;
}

std::optional<std::string> PasswordHasher::try_hash(std::string_view password) {
    SlotGuard slot(slots_->free, max_wait_);
    if (!slot.held()) return std::nullopt;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing failed (out of memory)");
    return std::string(out);
}

PasswordHasher::Verdict PasswordHasher::verify(const std::string& stored_hash,
                                               std::string_view password) {
    SlotGuard slot(slots_->free, max_wait_);
    if (!slot.held()) return Verdict::busy;
    int rc = crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size());
    return rc == 0 ? Verdict::match : Verdict::mismatch;
}

PasswordHasher::Verdict PasswordHasher::verify_against_dummy(std::string_view password) {
    Verdict v = verify(dummy_hash_, password);
    return v == Verdict::busy ? v : Verdict::mismatch;
}

std::string new_token() {
    init_crypto();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return to_hex(bytes, sizeof bytes);
}

bool well_formed_token(std::string_view token) {
    if (token.size() != 64) return false;
    for (char c : token)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string token_digest(std::string_view token) { return sha256_hex(token); }

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    return to_hex(digest, sizeof digest);
}

std::string new_invite_code() {
    init_crypto();
    std::string code;
    for (std::size_t i = 0; i < kInviteCodeChars; ++i)
        code += kInviteAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kInviteAlphabet.size()))];
    return code;
}

}  // namespace yishi::server
