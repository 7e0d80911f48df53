// The accountability board's rows (督办台账): every task of a street's councils and of its CPPCC's
// recommendations, or of one community, with its latest progress, first reply and ratings.
// Five set queries per board, whatever its size; the core settles statuses and filters.
#include <unordered_map>

#include "store_impl.hpp"

namespace yishi::server {

namespace {

// The tasks of a scope, as a subquery binding the scope's id once per `?`.
struct TaskScope {
    std::string ids;  // SELECT t.id ... for `IN (...)`
    int binds = 0;
    Id id = 0;
};

// Council tasks of the street's communities, and tasks of the street's CPPCC recommendations.
constexpr const char* kStreetCouncilTasks =
    "SELECT t.id FROM tasks t JOIN councils co ON co.id = t.council_id "
    "JOIN communities cm ON cm.id = co.community_id WHERE cm.street_id = ?";
constexpr const char* kStreetConsultationTasks =
    "SELECT t.id FROM tasks t JOIN recommendations r ON r.id = t.recommendation_id "
    "JOIN topics tp ON tp.id = r.topic_id JOIN cppccs cp ON cp.id = tp.cppcc_id "
    "WHERE cp.street_id = ?";
constexpr const char* kCommunityTasks =
    "SELECT t.id FROM tasks t JOIN councils co ON co.id = t.council_id WHERE co.community_id = ?";

void bind_scope(Statement& q, const TaskScope& s, int from = 1) {
    for (int i = 0; i < s.binds; ++i) q.bind(from + i, s.id);
}

const char* kCouncilRows =
    "SELECT t.id, COALESCE(t.issue_id, 0), COALESCE(i.title, ''), cm.id, cm.name, co.id, co.name, "
    "COALESCE(i.grid_id, 0), COALESCE(g.name, ''), t.responsible_unit, t.responsible_member_id, "
    "t.due_at, t.created_at, t.state "
    "FROM tasks t JOIN councils co ON co.id = t.council_id "
    "JOIN communities cm ON cm.id = co.community_id "
    "LEFT JOIN issues i ON i.id = t.issue_id LEFT JOIN grids g ON g.id = i.grid_id ";

const char* kConsultationRows =
    "SELECT t.id, t.recommendation_id, tp.title, t.responsible_unit, t.responsible_member_id, "
    "t.due_at, t.created_at, t.state "
    "FROM tasks t JOIN recommendations r ON r.id = t.recommendation_id "
    "JOIN topics tp ON tp.id = r.topic_id JOIN cppccs cp ON cp.id = tp.cppcc_id "
    "WHERE cp.street_id = ?";

TaskState state_of(const std::string& s) {
    TaskState out = TaskState::assigned;
    task_state_from_string(s, out);
    return out;
}

// The rows of the scope's tasks and, in three more queries, their aggregates.
std::vector<BoardRow> load_rows(Connection& db, Id street_id, Id community_id) {
    std::vector<BoardRow> rows;
    {
        Statement q(db, std::string(kCouncilRows) +
                            (street_id ? "WHERE t.recommendation_id IS NULL AND cm.street_id = ?"
                                       : "WHERE t.recommendation_id IS NULL AND cm.id = ?"));
        q.bind(1, street_id ? street_id : community_id);
        while (q.step()) {
            BoardRow r;
            r.task_id = q.column(0).int64();
            r.source = BoardSource::council;
            r.subject_id = q.column(1).int64();
            r.subject_title = q.column(2).text();
            r.community_id = q.column(3).int64();
            r.community_name = q.column(4).text();
            r.council_id = q.column(5).int64();
            r.council_name = q.column(6).text();
            r.grid_id = q.column(7).int64();
            r.grid_name = q.column(8).text();
            r.responsible_unit = q.column(9).text();
            r.responsible_member_id = q.column(10).int64();
            r.due_at = q.column(11).int64();
            r.created_at = q.column(12).int64();
            r.state = state_of(q.column(13).text());
            rows.push_back(std::move(r));
        }
    }
    if (street_id) {
        Statement q(db, kConsultationRows);
        q.bind(1, street_id);
        while (q.step()) {
            BoardRow r;
            r.task_id = q.column(0).int64();
            r.source = BoardSource::consultation;
            r.subject_id = q.column(1).int64();
            r.subject_title = q.column(2).text();
            r.responsible_unit = q.column(3).text();
            r.responsible_member_id = q.column(4).int64();
            r.due_at = q.column(5).int64();
            r.created_at = q.column(6).int64();
            r.state = state_of(q.column(7).text());
            rows.push_back(std::move(r));
        }
    }
    if (rows.empty()) return rows;

    std::unordered_map<Id, std::size_t> at;
    at.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) at.emplace(rows[i].task_id, i);
    TaskScope scope =
        street_id ? TaskScope{std::string(kStreetCouncilTasks) + " UNION ALL " + kStreetConsultationTasks,
                              2, street_id}
                  : TaskScope{kCommunityTasks, 1, community_id};
    auto row_of = [&](Id task_id) -> BoardRow* {
        auto it = at.find(task_id);
        return it == at.end() ? nullptr : &rows[it->second];
    };

    // Latest progress: the last report by time (then by id) of each task.
    {
        Statement q(db, "SELECT p.task_id, p.text, p.at FROM task_progress p WHERE p.task_id IN (" +
                            scope.ids + ") ORDER BY p.task_id, p.at, p.id");
        bind_scope(q, scope);
        while (q.step())
            if (BoardRow* r = row_of(q.column(0).int64()))
                r->latest_progress = LatestProgress{q.column(1).text(), q.column(2).int64()};
    }
    // First reply: when the unit first answered (tasks.answered_at is not needed for this).
    {
        Statement q(db, "SELECT task_id, MIN(at) FROM task_replies WHERE task_id IN (" + scope.ids +
                            ") GROUP BY task_id");
        bind_scope(q, scope);
        while (q.step())
            if (BoardRow* r = row_of(q.column(0).int64())) r->first_reply_at = q.column(1).int64();
    }
    // Ratings of every reply of each task, by kind.
    {
        Statement q(db,
                    "SELECT rp.task_id, k.rating, COUNT(*) FROM task_ratings k "
                    "JOIN task_replies rp ON rp.id = k.reply_id WHERE rp.task_id IN (" +
                        scope.ids + ") GROUP BY rp.task_id, k.rating");
        bind_scope(q, scope);
        while (q.step()) {
            BoardRow* r = row_of(q.column(0).int64());
            if (!r) continue;
            Rating rating;
            if (!rating_from_string(q.column(1).text(), rating)) continue;
            std::int64_t n = q.column(2).int64();
            switch (rating) {
                case Rating::satisfied: r->ratings.satisfied += n; break;
                case Rating::basically_satisfied: r->ratings.basically_satisfied += n; break;
                case Rating::unsatisfied: r->ratings.unsatisfied += n; break;
            }
        }
    }
    return rows;
}

std::optional<std::string> name_of(Connection& db, const char* sql, Id id) {
    Statement q(db, sql);
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return q.column(0).text();
}

}  // namespace

Result<Store::BoardRows> Store::board_rows(Id viewer, Id street_id, Id community_id) {
    return impl_->read([&](Connection& db) -> Result<BoardRows> {
        BoardRows out;
        Place place;
        if (street_id) {
            auto name = name_of(db, "SELECT name FROM streets WHERE id = ?", street_id);
            if (!name) return make_error("not_found", "street_id");
            place = {street_id, 0};
            out.scope = {"street", street_id, *name};
        } else {
            Statement q(db, "SELECT name, COALESCE(street_id, 0) FROM communities WHERE id = ?");
            q.bind(1, community_id);
            if (!q.step()) return make_error("not_found", "community_id");
            place = {q.column(1).int64(), community_id};
            out.scope = {"community", community_id, q.column(0).text()};
        }
        if (auto refused = may_read_board(admin_scope_of(db, viewer), place)) return *refused;
        out.rows = load_rows(db, street_id, street_id ? 0 : community_id);
        return out;
    });
}

Result<Store::BoardRows> Store::unit_board_rows(Id viewer) {
    return impl_->read([&](Connection& db) -> Result<BoardRows> {
        Statement q(db,
                    "SELECT d.name, d.street_id FROM members m JOIN departments d "
                    "ON d.id = m.department_id WHERE m.id = ? AND m.active = 1");
        q.bind(1, viewer);
        if (!q.step()) return make_error("not_department_staff");
        BoardRows out;
        std::string department = q.column(0).text();
        Id street_id = q.column(1).int64();
        out.scope = {"unit", 0, department};
        for (auto& r : load_rows(db, street_id, 0))
            if (owes(department, viewer, r)) out.rows.push_back(std::move(r));
        return out;
    });
}

}  // namespace yishi::server
