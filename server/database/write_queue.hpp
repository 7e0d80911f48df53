// Group commit's queue, the same for both drivers: writers that arrive while a group commits
// wait, and the first of them leads the next group, committing every writer queued so far in
// one transaction (one sync for all), then wakes them. Each writer returns, or throws its own
// failure, only once its group has ended.
#pragma once
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "yishi/database/database.hpp"

namespace yishi::database {

class WriteQueue {
public:
    // One writer's transaction waiting in the group: its function, and how it ended.
    struct Job {
        const std::function<void(Connection&)>* f;
        std::exception_ptr error;
        // What the writer waits for: its group's end, or its turn to lead the next group. A
        // writer sleeps on it alone, so that a group's end wakes its own writers and the next
        // leader, not every writer queued meanwhile; shared, so that whoever wakes the writer
        // may still touch it once the writer has returned.
        std::shared_ptr<std::atomic<int>> state = std::make_shared<std::atomic<int>>(kWaiting);
    };
    using Group = std::vector<Job*>;

    // Runs `f` in the next group; `commit_group` is the leader's way to commit one, setting
    // each job's error where it failed.
    void run(const std::function<void(Connection&)>& f,
             const std::function<void(const Group&)>& commit_group) {
        Job job{&f, nullptr};
        std::atomic<int>& state = *job.state;
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(&job);
            if (!leading_) {
                leading_ = true;
                state.store(kLeading, std::memory_order_relaxed);
            }
        }
        int s;
        while ((s = state.load(std::memory_order_acquire)) == kWaiting)
            state.wait(kWaiting, std::memory_order_acquire);
        if (s == kLeading) lead(&job, commit_group);
        if (job.error) std::rethrow_exception(job.error);
    }

private:
    static constexpr int kWaiting = 0;
    static constexpr int kDone = 1;
    static constexpr int kLeading = 2;

    void lead(const Job* self, const std::function<void(const Group&)>& commit_group) {
        Group group;
        {
            std::lock_guard lock(mutex_);
            group.swap(queue_);
        }
        try {
            commit_group(group);
        } catch (...) {
            // Not even begun (no connection): every writer of the group fails with it.
            for (Job* j : group)
                if (!j->error) j->error = std::current_exception();
        }
        std::shared_ptr<std::atomic<int>> next;
        {
            std::lock_guard lock(mutex_);
            // Those that came during the commit are the next group, led by the first of them.
            if (queue_.empty())
                leading_ = false;
            else
                next = queue_.front()->state;
        }
        // A job may be gone as soon as its state says done: its state is kept here meanwhile.
        std::vector<std::shared_ptr<std::atomic<int>>> ended;
        ended.reserve(group.size());
        for (Job* j : group)
            if (j != self) ended.push_back(j->state);
        for (auto& e : ended) {
            e->store(kDone, std::memory_order_release);
            e->notify_one();
        }
        if (next) {
            next->store(kLeading, std::memory_order_release);
            next->notify_one();
        }
    }

    std::mutex mutex_;
    Group queue_;
    bool leading_ = false;
};

}  // namespace yishi::database
