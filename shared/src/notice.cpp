// Notice building: the period is checked and the text is generated from the record.
#include "yishi/notice.hpp"

#include "yishi/session.hpp"

namespace yishi {

const char* to_string(NoticeKind k) { return k == NoticeKind::resolution ? "resolution" : "result"; }

namespace {
const char* outcome_zh(Outcome o) {
    switch (o) {
        case Outcome::passed: return "通过";
        case Outcome::failed: return "未通过";
        case Outcome::no_quorum: return "到会人数不足，表决无效";
        case Outcome::deferred: return "意见分歧较大，暂缓决策";
    }
    return "";
}

Check check_period(std::int64_t starts_at, int days) {
    if (starts_at < 0) return make_error("bad_time", "starts_at");
    if (days < 1 || days > kMaxNoticeDaysPublished) return make_error("bad_period", "days");
    return std::nullopt;
}

Check convenor_only(const Actor& actor) {
    if (!actor.member) return make_error("forbidden");
    if (!convenes(actor)) return make_error("not_convenor");
    return std::nullopt;
}
}  // namespace

Check may_publish_resolution(const Actor& actor, const Ballot& b) {
    if (auto e = convenor_only(actor)) return e;
    if (b.state != BallotState::closed) return make_error("ballot_still_open");
    return std::nullopt;
}

Result<Notice> resolution_notice(const Actor& actor, const Ballot& b, const Tally& t,
                                 const std::string& title, std::int64_t starts_at, int days) {
    if (auto e = may_publish_resolution(actor, b)) return *e;
    if (auto e = check_period(starts_at, days)) return *e;
    Notice n;
    n.council_id = b.council_id;
    n.kind = NoticeKind::resolution;
    n.subject_id = b.id;
    n.text = "决议公示：" + title + "。到会" + std::to_string(t.present) + "人，赞成" +
             std::to_string(t.yes) + "票，反对" + std::to_string(t.no) + "票，弃权" +
             std::to_string(t.abstain) + "票，未投票" + std::to_string(t.not_voted) + "人。结果：" +
             outcome_zh(t.outcome) + "。";
    n.starts_at = starts_at;
    n.ends_at = starts_at + static_cast<std::int64_t>(days) * kSecondsPerDay;
    return n;
}

Check may_publish_result(const Actor& actor, const Task& task) {
    if (auto e = convenor_only(actor)) return e;
    if (task.replies.empty() || task.state == TaskState::assigned ||
        task.state == TaskState::supervised)
        return make_error("wrong_task_state");
    return std::nullopt;
}

Result<Notice> result_notice(const Actor& actor, const Task& task, const std::string& title,
                             std::int64_t starts_at, int days) {
    if (auto e = may_publish_result(actor, task)) return *e;
    if (auto e = check_period(starts_at, days)) return *e;
    Notice n;
    n.council_id = task.council_id;
    n.kind = NoticeKind::result;
    n.subject_id = task.id;
    n.text = "实施结果公示：" + title + "。责任单位：" + task.responsible_unit + "。答复：" +
             task.replies.back().text;
    n.starts_at = starts_at;
    n.ends_at = starts_at + static_cast<std::int64_t>(days) * kSecondsPerDay;
    return n;
}

bool notice_in_force(const Notice& n, std::int64_t now) {
    return n.starts_at <= now && now < n.ends_at;
}

}  // namespace yishi
