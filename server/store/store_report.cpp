// The monthly needs report's rows (群众需求月报), and the times the report measures written by
// the acts (store_report_marks.hpp).
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "store_impl.hpp"
#include "store_report_marks.hpp"

#include "yishi/board.hpp"

namespace yishi::server {

namespace {

// The councils of the scope, as a subquery binding the street's or the community's id once, so
// that issues are read through issues_by_council (council_id, created_at).
std::string scope_councils(bool street) {
    return street ? "(SELECT co.id FROM councils co JOIN communities cm ON cm.id = co.community_id "
                    "WHERE cm.street_id = ?)"
                  : "(SELECT co.id FROM councils co WHERE co.community_id = ?)";
}

// The index (0..11) of the trend month a time column falls in, as a CASE over the months'
// bounds; the bounds are integers the server computed, written into the SQL as literals.
std::string month_bucket(const std::string& column, const std::vector<Month>& months) {
    std::string sql = "CASE";
    for (std::size_t k = 0; k + 1 < months.size(); ++k)
        sql += " WHEN " + column + " < " + std::to_string(month_end(months[k])) + " THEN " +
               std::to_string(k);
    return sql + " ELSE " + std::to_string(months.size() - 1) + " END";
}

}  // namespace

Result<ReportInput> Store::report_input(Id viewer, Id street_id, Id community_id, Month month) {
    return impl_->read([&](Connection& db) -> Result<ReportInput> {
        const auto admin = admin_scope_of(db, viewer);
        // Someone who administers nothing learns nothing about which places exist.
        if (!admin) return make_error("not_admin");
        ReportInput in;
        in.month = month;
        const bool street = street_id != 0;
        Place place{street_id, 0};
        if (street) {
            Statement q(db, "SELECT name FROM streets WHERE id = ?");
            q.bind(1, street_id);
            if (!q.step()) return make_error("not_found", "street_id");
            in.scope = {"street", street_id, q.column(0).text()};
        } else {
            Statement q(db, "SELECT name, COALESCE(street_id, 0) FROM communities WHERE id = ?");
            q.bind(1, community_id);
            if (!q.step()) return make_error("not_found", "community_id");
            in.scope = {"community", community_id, q.column(0).text()};
            place = {q.column(1).int64(), community_id};
        }
        if (auto refused = may_read_board(admin, place)) return *refused;
        const Id scope_id = street ? street_id : community_id;

        // The scope's councils with their communities, and its grids: a few rows, joined here
        // rather than once per issue.
        std::map<Id, std::pair<Id, std::string>> community_of;  // council → community
        {
            Statement q(db, std::string("SELECT co.id, cm.id, cm.name FROM councils co JOIN "
                                        "communities cm ON cm.id = co.community_id WHERE ") +
                                (street ? "cm.street_id = ?" : "cm.id = ?"));
            q.bind(1, scope_id);
            while (q.step()) community_of[q.column(0).int64()] = {q.column(1).int64(), q.column(2).text()};
        }
        std::map<Id, std::string> grid_name;
        {
            Statement q(db, std::string("SELECT g.id, g.name FROM grids g JOIN communities cm ON "
                                        "cm.id = g.community_id WHERE ") +
                                (street ? "cm.street_id = ?" : "cm.id = ?"));
            q.bind(1, scope_id);
            while (q.step()) grid_name[q.column(0).int64()] = q.column(1).text();
        }

        // The issues of the month and the month before, found by their creation time (issues
        // are written in time order, so the rows lie together); `+` keeps the council from
        // steering the plan to issues_by_council.
        const Month before = previous_month(month);
        Statement issues(
            db, "SELECT i.id, i.title, i.council_id, COALESCE(i.grid_id, 0), i.category, i.stage, "
                "i.created_at, COALESCE(i.accepted_at, 0), COALESCE(i.answered_at, 0) "
                "FROM issues i WHERE +i.council_id IN " + scope_councils(street) +
                " AND i.created_at >= ? AND i.created_at < ?");
        issues.bind(1, scope_id);
        issues.bind(2, month_start(before));
        issues.bind(3, month_end(month));
        const std::int64_t split = month_start(month);
        while (issues.step()) {
            ReportIssue r;
            r.id = issues.column(0).int64();
            r.title = issues.column(1).text();
            const auto& [community, community_name] = community_of.at(issues.column(2).int64());
            r.community_id = community;
            r.community_name = community_name;
            r.grid_id = issues.column(3).int64();
            if (r.grid_id != 0) {
                auto g = grid_name.find(r.grid_id);
                r.grid_name = g == grid_name.end() ? "" : g->second;
                // Across a street, grids are named with their community: each has its 第一网格.
                if (street) r.grid_name = r.community_name + " " + r.grid_name;
            }
            r.category = issues.column(4).text();
            r.stage = issues.column(5).text();
            r.created_at = issues.column(6).int64();
            r.accepted_at = issues.column(7).int64();
            r.answered_at = issues.column(8).int64();
            (r.created_at < split ? in.previous : in.issues).push_back(std::move(r));
        }
        for (auto* list : {&in.issues, &in.previous})
            std::sort(list->begin(), list->end(),
                      [](const ReportIssue& a, const ReportIssue& b) { return a.id < b.id; });

        // The trend's counts, one month at a time: twelve range reads cost less than one CASE
        // per issue over the year.
        const std::vector<Month> months = last_12_months(month);
        in.trend.resize(months.size());
        Statement counts(
            db, "SELECT COUNT(*), COUNT(CASE WHEN i.answered_at - i.created_at <= " +
                    std::to_string(kIssueReplyDueSeconds) +
                    " THEN 1 END) FROM issues i WHERE +i.council_id IN " + scope_councils(street) +
                    " AND i.created_at >= ? AND i.created_at < ?");
        for (std::size_t k = 0; k < months.size(); ++k) {
            auto& c = in.trend[k];
            c.month = months[k];
            counts.reset();
            counts.bind(1, scope_id);
            counts.bind(2, month_start(months[k]));
            counts.bind(3, month_end(months[k]));
            if (counts.step()) {
                c.raised = counts.column(0).int64();
                c.answered_on_time = counts.column(1).int64();
            }
        }

        Statement ratings(
            db, "SELECT " + month_bucket("ra.rated_at", months) +
                    ", COUNT(*), COUNT(CASE WHEN ra.rating IN ('satisfied', "
                    "'basically_satisfied') THEN 1 END) "
                    "FROM task_ratings ra JOIN task_replies rp ON rp.id = ra.reply_id "
                    "JOIN tasks t ON t.id = rp.task_id JOIN issues i ON i.id = t.issue_id "
                    "WHERE i.council_id IN " + scope_councils(street) +
                    " AND ra.rated_at >= ? AND ra.rated_at < ? GROUP BY 1");
        ratings.bind(1, scope_id);
        ratings.bind(2, month_start(months.front()));
        ratings.bind(3, month_end(month));
        while (ratings.step()) {
            auto& c = in.trend.at(static_cast<std::size_t>(ratings.column(0).int64()));
            c.ratings = {ratings.column(1).int64(), ratings.column(2).int64()};
        }
        in.ratings = in.trend.back().ratings;
        in.previous_ratings = in.trend[in.trend.size() - 2].ratings;
        return in;
    });
}

namespace report_marks {

void issue_raised(Connection& db, Id issue_id, Id author_id) {
    Statement q(db, "UPDATE issues SET grid_id = (SELECT grid_id FROM members WHERE id = ?) "
                    "WHERE id = ?");
    q.bind(1, author_id);
    q.bind(2, issue_id);
    q.run();
}

void issue_accepted(Connection& db, Id issue_id, std::int64_t now) {
    Statement q(db, "UPDATE issues SET accepted_at = COALESCE(accepted_at, ?) WHERE id = ?");
    q.bind(1, now);
    q.bind(2, issue_id);
    q.run();
}

void issue_answered(Connection& db, Id issue_id, std::int64_t now) {
    Statement q(db, "UPDATE issues SET answered_at = COALESCE(answered_at, ?) WHERE id = ?");
    q.bind(1, now);
    q.bind(2, issue_id);
    q.run();
}

void task_answered(Connection& db, Id task_id, Id issue_id, std::int64_t now) {
    Statement q(db, "UPDATE tasks SET answered_at = COALESCE(answered_at, ?) WHERE id = ?");
    q.bind(1, now);
    q.bind(2, task_id);
    q.run();
    if (issue_id != 0) issue_answered(db, issue_id, now);
}

}  // namespace report_marks

}  // namespace yishi::server
