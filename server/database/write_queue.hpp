// Group commit's queue, the same for both drivers: writers that arrive while a group commits
// wait, and the first of them to find no commit under way leads the next group, committing
// every writer queued so far in one transaction (one sync for all), then wakes them. Each
// writer returns, or throws its own failure, only once its group has ended.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
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
        bool done = false;
    };
    using Group = std::vector<Job*>;

    // Runs `f` in the next group; `commit_group` is the leader's way to commit one, setting
    // each job's error where it failed.
    void run(const std::function<void(Connection&)>& f,
             const std::function<void(const Group&)>& commit_group) {
        Job job{&f, nullptr, false};
        std::unique_lock lock(mutex_);
        queue_.push_back(&job);
        while (!job.done) {
            if (leading_) {
                committed_.wait(lock);
                continue;
            }
            leading_ = true;
            Group group;
            group.swap(queue_);
            lock.unlock();
            try {
                commit_group(group);
            } catch (...) {
                // Not even begun (no connection): every writer of the group fails with it.
                for (Job* j : group)
                    if (!j->error) j->error = std::current_exception();
            }
            lock.lock();
            for (Job* j : group) j->done = true;
            leading_ = false;
            committed_.notify_all();
        }
        if (job.error) std::rethrow_exception(job.error);
    }

private:
    std::mutex mutex_;
    std::condition_variable committed_;
    Group queue_;
    bool leading_ = false;
};

}  // namespace yishi::database
