// Notifications (消息) written inside the acts that cause them, and the scheduled reminders of
// Store::sweep_notifications (see store_notifications.hpp). Reading, marking and settings are in
// store_notification_reads.cpp; the community's hook and its deliveries in store_hooks.cpp.
#include "store_notifications.hpp"

#include <algorithm>

#include "store_ballot_methods.hpp"
#include "store_cppcc_records.hpp"
#include "store_records.hpp"
#include "yishi/ballot_count.hpp"

namespace yishi::server::notify {

namespace {
bool muted(Connection& db, Id member, NotificationKind kind) {
    Statement q(db, "SELECT 1 FROM notification_mutes WHERE member_id = ? AND kind = ?");
    q.bind(1, member);
    q.bind(2, to_string(kind));
    return q.step();
}

bool active(Connection& db, Id member) {
    Statement q(db, "SELECT active FROM members WHERE id = ?");
    q.bind(1, member);
    return q.step() && q.column(0).int64() == 1;
}

// The hook that hears of a notification to `member`: their own community's, else the
// subject's community's; empty when there is none.
std::string hook_url(Connection& db, Id member, Id subject_community, Id& community) {
    community = community_of_member(db, member);
    if (community == 0) community = subject_community;
    if (community == 0) return {};
    Statement q(db, "SELECT url FROM community_hooks WHERE community_id = ?");
    q.bind(1, community);
    return q.step() ? q.column(0).text() : std::string();
}

// Inserts one notification (nothing when its dedupe key is taken) and its hook delivery.
bool insert(Connection& db, const Subject& s, Id member, const std::string* dedupe_key,
            std::int64_t now) {
    if (!active(db, member) || muted(db, member, s.kind)) return false;
    Id community = 0;
    std::string url = hook_url(db, member, s.community_id, community);
    Statement q(db,
                "INSERT INTO notifications (member_id, kind, subject_id, title, detail, "
                "community_id, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (dedupe_key) DO NOTHING RETURNING id");
    q.bind(1, member);
    q.bind(2, to_string(s.kind));
    q.bind(3, s.id);
    q.bind(4, cut_text(s.title, kNotificationTitleMaxChars));
    q.bind(5, cut_text(s.detail, kNotificationDetailMaxChars));
    if (community != 0)
        q.bind(6, community);
    else
        q.bind(6);
    if (dedupe_key)
        q.bind(7, *dedupe_key);
    else
        q.bind(7);
    q.bind(8, now);
    if (!q.step()) return false;  // the key was taken: written before
    Id id = q.column(0).int64();
    q.reset();
    if (url.empty()) return true;
    Statement d(db, "INSERT INTO hook_deliveries (notification_id, url, next_at) VALUES (?, ?, ?)");
    d.bind(1, id);
    d.bind(2, url);
    d.bind(3, now);
    d.run();
    return true;
}

std::vector<Id> council_members(Connection& db, Id council_id) {
    Statement q(db, "SELECT member_id FROM council_members WHERE council_id = ? ORDER BY member_id");
    q.bind(1, council_id);
    std::vector<Id> out;
    while (q.step()) out.push_back(q.column(0).int64());
    return out;
}
}  // namespace

void write(Connection& db, const Subject& s, const std::vector<Id>& recipients, std::int64_t now) {
    std::vector<Id> once = recipients;
    std::sort(once.begin(), once.end());
    once.erase(std::unique(once.begin(), once.end()), once.end());
    for (Id m : once)
        if (m != 0) insert(db, s, m, nullptr, now);
}

bool write_once(Connection& db, const Subject& s, Id recipient, const std::string& dedupe_key,
                std::int64_t now) {
    return insert(db, s, recipient, &dedupe_key, now);
}

void issue_outcome(Connection& db, NotificationKind kind, const Issue& issue, std::int64_t now) {
    Subject s{kind, issue.id, issue.title, issue.reason, community_of_council(db, issue.council_id)};
    if (kind == NotificationKind::issue_accepted) s.detail.clear();
    write(db, s, {issue.author_id}, now);
}

void session_noticed(Connection& db, const Session& session, std::int64_t now) {
    auto c = council(db, session.council_id);
    Subject s{NotificationKind::session_noticed, session.id, c ? c->name : std::string(),
              session_time_detail(session.starts_at), community_of_council(db, session.council_id)};
    write(db, s, council_members(db, session.council_id), now);
}

void ballot_opened(Connection& db, Id ballot_id, const Ballot& b, std::int64_t now) {
    Statement title(db, "SELECT title FROM issues WHERE id = ?");
    title.bind(1, b.issue_id);
    Subject s{NotificationKind::ballot_opened, ballot_id, title.step() ? title.column(0).text() : "",
              "", community_of_council(db, b.council_id)};
    std::vector<Id> roll;
    for (const auto& v : b.roll) roll.push_back(v.member_id);
    write(db, s, roll, now);
}

void reply_posted(Connection& db, const Task& t, const std::string& title, std::int64_t now) {
    Subject s{NotificationKind::reply_posted, t.id, title, "", 0};
    std::vector<Id> candidates;
    std::optional<records::RecommendationPlace> place;
    if (t.recommendation_id != 0) {
        place = records::recommendation_place(db, t.recommendation_id);
        if (!place) return;
        candidates = t.raters;
        if (s.title.empty()) s.title = place->topic_title;
    } else {
        candidates = council_members(db, t.council_id);
        s.community_id = community_of_council(db, t.council_id);
    }
    std::vector<Id> raters;
    for (Id m : candidates) {
        Actor a = place ? records::recommendation_task_actor(db, *place, t, m)
                        : records::actor(db, t.council_id, m);
        if (!may_rate_reply(a, t)) raters.push_back(m);
    }
    write(db, s, raters, now);
}

void comment_replied(Connection& db, const Issue& issue, Id parent_author, Id replier,
                     std::int64_t now) {
    if (!notifies_comment_reply(parent_author, replier)) return;
    Subject s{NotificationKind::comment_replied, issue.id, issue.title, "",
              community_of_council(db, issue.council_id)};
    write(db, s, {parent_author}, now);
}

}  // namespace yishi::server::notify

namespace yishi::server {

namespace {
// Tasks due within 3 days or past their date, to the member who follows each.
std::int64_t sweep_tasks(Connection& db, std::int64_t now) {
    std::int64_t written = 0;
    Statement q(db,
                "SELECT t.id, t.responsible_member_id, t.due_at, COALESCE(i.title, ''), "
                "COALESCE(c.community_id, 0) FROM tasks t "
                "LEFT JOIN issues i ON i.id = t.issue_id "
                "LEFT JOIN councils c ON c.id = t.council_id "
                "WHERE t.state = 'assigned' AND t.responsible_member_id IS NOT NULL "
                "AND t.due_at <= ? ORDER BY t.id");
    q.bind(1, now + kTaskDueLeadSeconds);
    struct Due {
        Id task, member;
        std::int64_t due_at;
        std::string title;
        Id community;
    };
    std::vector<Due> due;
    while (q.step())
        due.push_back({q.column(0).int64(), q.column(1).int64(), q.column(2).int64(),
                       q.column(3).text(), q.column(4).int64()});
    for (const auto& d : due) {
        NotificationKind kind;
        if (task_overdue(d.due_at, now)) kind = NotificationKind::task_overdue;
        else if (task_due_soon(d.due_at, now)) kind = NotificationKind::task_due;
        else continue;
        std::string title = d.title;
        if (title.empty()) title = "协商成果办理";
        notify::Subject s{kind, d.task, title, due_date_detail(d.due_at), d.community};
        written += notify::write_once(db, s, d.member,
                                      notification_dedupe_key(kind, d.task, d.member), now);
    }
    return written;
}

// The unit keys of the votes cast so far. A ballot that is not plain keeps who voted in
// ballot_voters, apart from what they cast (a secret ballot's contents are sealed elsewhere):
// only the keys are read here.
std::vector<Id> voted_units(Connection& db, const Ballot& b, const BallotSpec& spec) {
    std::vector<Id> out;
    if (spec.plain()) {
        for (const auto& v : b.votes) out.push_back(v.member_id);
        return out;
    }
    Statement q(db, "SELECT unit_key FROM ballot_voters WHERE ballot_id = ?");
    q.bind(1, b.id);
    while (q.step()) out.push_back(q.column(0).int64());
    return out;
}

// Open ballots closing within the hour, to each member of the roll yet to vote.
std::int64_t sweep_ballots(Connection& db, std::int64_t now) {
    std::int64_t written = 0;
    Statement q(db,
                "SELECT id FROM ballots WHERE state = 'open' AND closes_at IS NOT NULL "
                "AND closes_at > ? AND closes_at <= ? ORDER BY id");
    q.bind(1, now);
    q.bind(2, now + kBallotClosingLeadSeconds);
    std::vector<Id> closing;
    while (q.step()) closing.push_back(q.column(0).int64());
    const NotificationKind kind = NotificationKind::ballot_closing;
    for (Id id : closing) {
        auto r = records::ballot(db, id);
        if (!r || !ballot_closing_soon(r->ballot.closes_at, now)) continue;
        BallotSpec spec = methods::spec(db, id);
        notify::Subject s{kind, id, r->issue_title, ballot_deadline_detail(r->ballot.closes_at),
                          community_of_council(db, r->ballot.council_id)};
        for (Id m : yet_to_vote(r->ballot, spec.unit, voted_units(db, r->ballot, spec)))
            written += notify::write_once(db, s, m, notification_dedupe_key(kind, id, m), now);
    }
    return written;
}
}  // namespace

std::int64_t Store::sweep_notifications(std::int64_t now) {
    return impl_->write(
        [&](Connection& db) { return sweep_tasks(db, now) + sweep_ballots(db, now); });
}

}  // namespace yishi::server
