// The notification worker (see hook_delivery.hpp): every poll it claims the hook deliveries that
// are due and posts them; every sweep interval it writes the scheduled reminders.
#include "hook_delivery.hpp"

#include <chrono>
#include <iostream>

#include <httplib.h>

#include "yishi/messages_notifications.hpp"

namespace yishi::server {

namespace {
constexpr int kConnectTimeoutSeconds = 3;
constexpr int kReplyTimeoutSeconds = 5;
// A claimed row is left alone by other servers this long: past every post's timeouts.
constexpr std::int64_t kClaimLeaseSeconds = 60;
constexpr int kClaimBatch = 20;
}  // namespace

std::string post_hook(const std::string& url, const std::string& body) {
    // check_hook_url admitted only http(s)://host[:port][/path][?query].
    std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return "无效的地址";
    std::size_t path_at = url.find_first_of("/?#", scheme_end + 3);
    std::string base = url.substr(0, path_at);
    std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
    if (path[0] != '/') path = "/" + path;
    if (auto hash = path.find('#'); hash != std::string::npos) path.erase(hash);
    httplib::Client client(base);
    if (!client.is_valid()) return "无效的地址";
    client.set_connection_timeout(kConnectTimeoutSeconds, 0);
    client.set_read_timeout(kReplyTimeoutSeconds, 0);
    client.set_write_timeout(kReplyTimeoutSeconds, 0);
    auto res = client.Post(path.c_str(), body, "application/json");
    if (!res) return "连接失败：" + httplib::to_string(res.error());
    if (res->status < 200 || res->status > 299) return "接收方答复 HTTP " + std::to_string(res->status);
    return {};
}

NotificationWorker::NotificationWorker(Store& store, const ServiceOptions& options)
    : store_(store), options_(options) {}

NotificationWorker::~NotificationWorker() { stop(); }

void NotificationWorker::start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void NotificationWorker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void NotificationWorker::deliver_due() {
    for (auto& d : store_.claim_hook_deliveries(options_.clock(), kClaimLeaseSeconds, kClaimBatch)) {
        std::string error = post_hook(d.url, encode(d.payload));
        std::int64_t now = options_.clock();
        if (error.empty()) {
            store_.hook_delivered(d.id, now);
            continue;
        }
        std::int64_t wait = hook_backoff_seconds(d.attempts + 1) * options_.hook_backoff_percent / 100;
        store_.hook_attempt_failed(d.id, error, now, now + wait);
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
    }
}

void NotificationWorker::run() {
    using std::chrono::milliseconds;
    auto poll = milliseconds(options_.hook_poll_ms > 0 ? options_.hook_poll_ms : 1000);
    auto next_sweep = std::chrono::steady_clock::now() + milliseconds(options_.notification_sweep_ms);
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            if (options_.notification_sweep_ms > 0 && std::chrono::steady_clock::now() >= next_sweep) {
                store_.sweep_notifications(options_.clock());
                next_sweep = std::chrono::steady_clock::now() + milliseconds(options_.notification_sweep_ms);
            }
            deliver_due();
        } catch (const std::exception& e) {
            // A database that is briefly away: the next round tries again.
            std::cerr << "yishi-server: notifications: " << e.what() << std::endl;
        }
        lock.lock();
        wake_.wait_for(lock, poll, [this] { return stopping_; });
    }
}

}  // namespace yishi::server
