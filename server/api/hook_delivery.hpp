// The server's background work for notifications (消息): the sweep that writes scheduled
// reminders, and the delivery of notifications to communities' outbound hooks. One thread,
// started when the service listens and joined before it returns, so none outlives its service.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "yishi/server/service.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Posts one delivery's JSON to its URL (http:// or https://) with short timeouts; an empty
// string when the receiver answered 2xx, else what went wrong.
std::string post_hook(const std::string& url, const std::string& body);

class NotificationWorker {
public:
    NotificationWorker(Store& store, const ServiceOptions& options);
    ~NotificationWorker();
    NotificationWorker(const NotificationWorker&) = delete;
    NotificationWorker& operator=(const NotificationWorker&) = delete;

    void start();
    // Wakes the thread and joins it; a post under way finishes first (its timeouts are short).
    void stop();

private:
    void run();
    void deliver_due();

    Store& store_;
    const ServiceOptions& options_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace yishi::server
