// 公示 (public notices), published twice (两公开): the resolution when a ballot closes
// (决议公开) and the result when a task is answered (实施结果公开), each for a set period.
#pragma once
#include <cstdint>
#include <string>

#include "yishi/ballot.hpp"
#include "yishi/errors.hpp"
#include "yishi/roles.hpp"
#include "yishi/task.hpp"

namespace yishi {

constexpr int kMaxNoticeDaysPublished = 365;

enum class NoticeKind { resolution, result };

const char* to_string(NoticeKind k);

struct Notice {
    Id id = 0;
    Id council_id = 0;
    NoticeKind kind = NoticeKind::resolution;
    Id subject_id = 0;  // the ballot (resolution) or the task (result)
    std::string text;   // generated summary in Chinese
    std::int64_t starts_at = 0;
    std::int64_t ends_at = 0;
};

// The convenor publishes a closed ballot's tally for `days` (1..365) from `starts_at`.
Check may_publish_resolution(const Actor& actor, const Ballot& b);
Result<Notice> resolution_notice(const Actor& actor, const Ballot& b, const Tally& t,
                                 const std::string& title, std::int64_t starts_at, int days);

// The convenor publishes an answered (or finished) task's latest reply.
Check may_publish_result(const Actor& actor, const Task& task);
Result<Notice> result_notice(const Actor& actor, const Task& task, const std::string& title,
                             std::int64_t starts_at, int days);

// starts_at <= now < ends_at.
bool notice_in_force(const Notice& n, std::int64_t now);

}  // namespace yishi
