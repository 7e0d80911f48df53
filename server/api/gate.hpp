// The gate: owns the public listening socket and reads every request on one epoll thread,
// with deadlines and caps, before a complete and valid request is passed to httplib on an
// internal loopback port; idle and slow connections cost no worker thread.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "yishi/server/request_head.hpp"

namespace yishi::server {

struct GateOptions {
    std::vector<std::string> trusted_proxies;  // their X-Forwarded-For / X-Real-IP are believed
    std::size_t max_connections_per_address = 256;  // none for a trusted proxy
    std::size_t max_connections = 16384;  // also kept under the open-file limit
    std::size_t max_in_flight = 64;       // requests at httplib at once, beyond: a FIFO queue
    std::size_t max_hashing_in_flight = 4;  // logins and registrations, in their own lane
    std::chrono::milliseconds head_timeout{10'000};  // request line and headers, whole
    std::chrono::milliseconds body_timeout{30'000};
    std::chrono::milliseconds idle_timeout{10'000};  // a kept-alive connection between requests
    std::chrono::milliseconds write_timeout{10'000};  // a reply making no progress
    std::chrono::milliseconds upstream_timeout{120'000};
    std::chrono::milliseconds linger_timeout{2'000};  // reading what follows a refusal
    HeadLimits limits;
};

class Gate {
public:
    // `secret` goes with every forwarded request, so httplib can refuse anything else.
    Gate(GateOptions options, std::string secret);
    ~Gate();
    Gate(const Gate&) = delete;
    Gate& operator=(const Gate&) = delete;

    // Binds the public socket (port 0: any free port). Returns the bound port, or -1.
    int bind(const std::string& host, int port);
    // Where complete requests go: 127.0.0.1:`port`.
    void forward_to(int port);
    // Serves until stop(); false when it could not serve at all.
    bool run();
    // From any thread, also before run(): run() then returns at once.
    void stop();
    bool running() const;

private:
    struct Loop;
    std::unique_ptr<Loop> loop_;
};

}  // namespace yishi::server
