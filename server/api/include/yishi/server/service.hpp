// The Yishi HTTP service: the JSON API under /api/ and the web client's files, over a Store,
// behind a gate that reads every request first. Bind, listen on a thread of the caller's
// choosing, stop from any thread.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "yishi/server/auth.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Seconds since the Unix epoch; tests substitute their own to age tokens.
using Clock = std::function<std::int64_t()>;
std::int64_t system_now();

// The number of cores less one, at least one.
int default_concurrent_hashes();

struct ServiceOptions {
    std::string web_dir;  // the built web client; empty serves no files
    Clock clock = system_now;
    TokenPolicy tokens;
    LoginThrottle throttle;  // also limits failed registrations per address
    std::int64_t invite_lifetime_seconds = 14 * 24 * 3600;  // an invite code expires after 14 days
    // Argon2 computations at once: one core is left for everything else.
    int max_concurrent_hashes = default_concurrent_hashes();
    // httplib's workers for requests other than logins and registrations, which have four
    // of their own; the gate queues what does not fit.
    int worker_threads = 64;
    // Open connections from one address (a meeting hall's Wi-Fi shares one); none for a
    // trusted proxy.
    int max_connections_per_address = 256;
    // Peers whose X-Forwarded-For / X-Real-IP name the client (a reverse proxy such as nginx).
    std::vector<std::string> trusted_proxies;
    // 消息: how often scheduled reminders are swept (0: never) and the outbound hook's due
    // deliveries are looked for, and the retry wait in percent of the rule's min(2^attempts,
    // 300) seconds (tests use 0 to retry at once).
    std::int64_t notification_sweep_ms = 30000;
    std::int64_t hook_poll_ms = 1000;
    std::int64_t hook_backoff_percent = 100;
};

class Service {
public:
    Service(Store& store, ServiceOptions options);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    // Binds to host:port (port 0: any free port). Returns the bound port, or -1.
    int bind(const std::string& host, int port);
    // Serves until stop(); returns false when it could not serve at all.
    bool listen();
    void stop();
    bool running() const;
    // The loopback port where httplib takes the requests the gate passes on (for tests).
    int internal_port() const;

    // Shared with the demo seed, so that seeding honours the same cap on hashing.
    PasswordHasher& hasher();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace yishi::server
