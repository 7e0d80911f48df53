// The accountability board's rows (督办台账): the tasks of a street's councils and of its CPPCC's
// recommendations, of one community, or that a department owes. The query's filters, status,
// order and page go into SQL (statuses as the core's conditions on state and due date); a page
// reads its rows, their count, the unit sums and the filter options in a few set queries, and the
// latest progress, first reply and ratings of its own tasks only.
#include <string_view>
#include <unordered_map>
#include <variant>

#include "store_impl.hpp"

namespace yishi::server {

namespace {

// A query's text with its parameters in the order they appear, built clause by clause.
struct Sql {
    std::string text;
    std::vector<std::variant<std::int64_t, std::string>> params;

    Sql& add(std::string_view part) {
        text += part;
        return *this;
    }
    template <typename... Values>
    Sql& add(std::string_view part, Values... values) {
        text += part;
        (params.emplace_back(std::move(values)), ...);
        return *this;
    }
    Sql& add(const Sql& inner) {
        text += inner.text;
        params.insert(params.end(), inner.params.begin(), inner.params.end());
        return *this;
    }
};

void bind(Statement& q, const Sql& sql) {
    for (std::size_t i = 0; i < sql.params.size(); ++i)
        std::visit([&](const auto& v) { q.bind(static_cast<int>(i + 1), v); }, sql.params[i]);
}

// Whose tasks a board holds: a street's (street_id), a community's (community_id), or within a
// street what a department owes (the core's owes(): its name, or its member as responsible).
struct Scope {
    Id street_id = 0;
    Id community_id = 0;
    std::optional<std::pair<std::string, Id>> owed_by;  // the department's name and member
};

// The scope's tasks `t`, one text for every scope: the council tasks of the street's communities
// or of the community, and the tasks of the street's CPPCC's recommendations. An id of 0 matches
// nothing.
Sql scope_condition(const Scope& s) {
    Sql sql;
    sql.add("((t.recommendation_id IS NULL AND t.council_id IN (SELECT co.id FROM councils co "
            "JOIN communities cm ON cm.id = co.community_id WHERE cm.street_id = ? OR cm.id = ?)) "
            "OR t.recommendation_id IN (SELECT r.id FROM recommendations r "
            "JOIN topics tp ON tp.id = r.topic_id JOIN cppccs cp ON cp.id = tp.cppcc_id "
            "WHERE cp.street_id = ?))",
            s.street_id, s.community_id, s.street_id);
    if (s.owed_by)
        sql.add(" AND (t.responsible_member_id = ? OR t.responsible_unit = ?)", s.owed_by->second,
                s.owed_by->first);
    return sql;
}

std::string state_name(TaskState s) { return to_string(s); }

// The query's filters other than its status (the unit figures count every status).
Sql filter_condition(const BoardQuery& q) {
    Sql sql;
    if (!q.unit.empty()) sql.add(" AND t.responsible_unit = ?", q.unit);
    if (q.community_id)
        sql.add(" AND t.council_id IN (SELECT id FROM councils WHERE community_id = ?)",
                q.community_id);
    if (q.council_id) sql.add(" AND t.council_id = ?", q.council_id);
    if (q.grid_id)
        sql.add(" AND t.issue_id IN (SELECT id FROM issues WHERE grid_id = ?)", q.grid_id);
    if (q.created_from) sql.add(" AND t.created_at >= ?", q.created_from);
    if (q.created_before) sql.add(" AND t.created_at < ?", q.created_before);
    return sql;
}

Sql status_filter(const BoardQuery& q, std::int64_t now) {
    Sql sql;
    if (!q.status) return sql;
    StatusCondition c = status_condition(*q.status, now);
    sql.add(" AND t.state = ?", state_name(c.state));
    if (c.due_from) sql.add(" AND t.due_at >= ?", *c.due_from);
    if (c.due_to) sql.add(" AND t.due_at <= ?", *c.due_to);
    return sql;
}

// 1 for a task overdue at `now`, else 0, by the core's condition for the status.
Sql overdue_now(std::int64_t now) {
    StatusCondition c = status_condition(BoardStatus::overdue, now);
    return Sql().add("CASE WHEN t.state = ? AND t.due_at <= ? THEN 1 ELSE 0 END",
                     state_name(c.state), *c.due_to);
}

// The tasks the query keeps: scope, filters and status.
Sql kept(const Scope& s, const BoardQuery& q, std::int64_t now) {
    return Sql().add(" WHERE ").add(scope_condition(s)).add(filter_condition(q)).add(
        status_filter(q, now));
}

// The core's order (sort_board) in SQL: by due date, or the overdue tasks first, then by due
// date; ties by task id.
Sql order(const BoardQuery& q, std::int64_t now) {
    Sql sql;
    sql.add(" ORDER BY ");
    if (q.sort == BoardSort::overdue) sql.add(overdue_now(now)).add(" DESC, ");
    return sql.add("t.due_at, t.id");
}

constexpr const char* kRowColumns =
    "SELECT t.id, COALESCE(t.recommendation_id, 0), COALESCE(t.issue_id, 0), "
    "COALESCE(i.title, ''), COALESCE(tp.title, ''), COALESCE(cm.id, 0), COALESCE(cm.name, ''), "
    "COALESCE(co.id, 0), COALESCE(co.name, ''), COALESCE(i.grid_id, 0), COALESCE(g.name, ''), "
    "t.responsible_unit, t.responsible_member_id, t.due_at, t.created_at, t.state "
    "FROM tasks t LEFT JOIN councils co ON co.id = t.council_id "
    "LEFT JOIN communities cm ON cm.id = co.community_id "
    "LEFT JOIN issues i ON i.id = t.issue_id LEFT JOIN grids g ON g.id = i.grid_id "
    "LEFT JOIN recommendations r ON r.id = t.recommendation_id "
    "LEFT JOIN topics tp ON tp.id = r.topic_id";

TaskState state_of(const std::string& s) {
    TaskState out = TaskState::assigned;
    task_state_from_string(s, out);
    return out;
}

// Rows from kRowColumns; a recommendation's task has no community, council or grid.
std::vector<BoardRow> read_rows(Connection& db, const Sql& sql) {
    Statement q(db, sql.text);
    bind(q, sql);
    std::vector<BoardRow> rows;
    while (q.step()) {
        BoardRow r;
        r.task_id = q.column(0).int64();
        Id recommendation = q.column(1).int64();
        r.source = recommendation ? BoardSource::consultation : BoardSource::council;
        if (recommendation) {
            r.subject_id = recommendation;
            r.subject_title = q.column(4).text();
        } else {
            r.subject_id = q.column(2).int64();
            r.subject_title = q.column(3).text();
            r.community_id = q.column(5).int64();
            r.community_name = q.column(6).text();
            r.council_id = q.column(7).int64();
            r.council_name = q.column(8).text();
            r.grid_id = q.column(9).int64();
            r.grid_name = q.column(10).text();
        }
        r.responsible_unit = q.column(11).text();
        r.responsible_member_id = q.column(12).int64();
        r.due_at = q.column(13).int64();
        r.created_at = q.column(14).int64();
        r.state = state_of(q.column(15).text());
        rows.push_back(std::move(r));
    }
    return rows;
}

// The latest progress, first reply and ratings of `rows`, whose ids `ids` selects (a list of
// the page's ids, or the query that selected the rows).
void add_details(Connection& db, std::vector<BoardRow>& rows, const Sql& ids) {
    if (rows.empty()) return;
    std::unordered_map<Id, BoardRow*> by_id;
    by_id.reserve(rows.size());
    for (auto& r : rows) by_id.emplace(r.task_id, &r);
    auto each = [&](Sql sql, auto&& read) {
        Statement q(db, sql.text);
        bind(q, sql);
        while (q.step())
            if (auto it = by_id.find(q.column(0).int64()); it != by_id.end()) read(q, *it->second);
    };
    // Latest progress: the last report by time (then by id) of each task.
    each(Sql().add("SELECT p.task_id, p.text, p.at FROM task_progress p WHERE p.task_id IN (")
             .add(ids)
             .add(") ORDER BY p.task_id, p.at, p.id"),
         [](Statement& q, BoardRow& r) {
             r.latest_progress = LatestProgress{q.column(1).text(), q.column(2).int64()};
         });
    each(Sql().add("SELECT task_id, MIN(at) FROM task_replies WHERE task_id IN (")
             .add(ids)
             .add(") GROUP BY task_id"),
         [](Statement& q, BoardRow& r) { r.first_reply_at = q.column(1).int64(); });
    each(Sql().add("SELECT rp.task_id, k.rating, COUNT(*) FROM task_ratings k "
                   "JOIN task_replies rp ON rp.id = k.reply_id WHERE rp.task_id IN (")
             .add(ids)
             .add(") GROUP BY rp.task_id, k.rating"),
         [](Statement& q, BoardRow& r) {
             Rating rating;
             if (!rating_from_string(q.column(1).text(), rating)) return;
             std::int64_t n = q.column(2).int64();
             switch (rating) {
                 case Rating::satisfied: r.ratings.satisfied += n; break;
                 case Rating::basically_satisfied: r.ratings.basically_satisfied += n; break;
                 case Rating::unsatisfied: r.ratings.unsatisfied += n; break;
             }
         });
}

// Every row the query keeps, with its details (the CSV files; the core sorts them).
std::vector<BoardRow> all_rows(Connection& db, const Scope& s, const BoardQuery& q,
                               std::int64_t now) {
    std::vector<BoardRow> rows = read_rows(db, Sql().add(kRowColumns).add(kept(s, q, now)));
    add_details(db, rows, Sql().add("SELECT t.id FROM tasks t").add(kept(s, q, now)));
    return rows;
}

// The unit sums over the tasks the query keeps other than its status, by the definitions of the
// core's UnitSums: each task's first reply and ratings (summed once per task over the scope's
// replies), added up by unit.
std::vector<UnitSums> unit_sums(Connection& db, const Scope& s, const BoardQuery& q,
                                std::int64_t now) {
    Sql sql;
    sql.add("SELECT t.responsible_unit, COUNT(*), "
            "SUM(CASE WHEN a.first_at <= t.due_at THEN 1 ELSE 0 END), SUM(")
        .add(overdue_now(now))
        .add("), COUNT(a.first_at), "
             "SUM(CASE WHEN a.first_at > t.created_at THEN a.first_at - t.created_at ELSE 0 END), "
             "SUM(COALESCE(a.ratings, 0)), SUM(COALESCE(a.satisfied, 0)) FROM tasks t LEFT JOIN ("
             "SELECT rp.task_id AS task_id, MIN(rp.at) AS first_at, COUNT(k.rating) AS ratings, "
             "SUM(CASE WHEN k.rating IN (?, ?) THEN 1 ELSE 0 END) AS satisfied "
             "FROM task_replies rp LEFT JOIN task_ratings k ON k.reply_id = rp.id "
             "WHERE rp.task_id IN (SELECT t.id FROM tasks t WHERE ",
             std::string(to_string(Rating::satisfied)),
             std::string(to_string(Rating::basically_satisfied)))
        .add(scope_condition(s))
        .add(") GROUP BY rp.task_id) a ON a.task_id = t.id WHERE ")
        .add(scope_condition(s))
        .add(filter_condition(q))
        .add(" GROUP BY t.responsible_unit");
    Statement st(db, sql.text);
    bind(st, sql);
    std::vector<UnitSums> out;
    while (st.step())
        out.push_back({st.column(0).text(), st.column(1).int64(), st.column(2).int64(),
                       st.column(3).int64(), st.column(4).int64(), st.column(5).int64(),
                       st.column(6).int64(), st.column(7).int64()});
    return out;
}

// The filter options over the whole scope (the core sorts them).
BoardOptions options(Connection& db, const Scope& s) {
    Sql sql;
    sql.add("SELECT DISTINCT t.responsible_unit, COALESCE(cm.id, 0), COALESCE(cm.name, ''), "
            "COALESCE(co.id, 0), COALESCE(co.name, ''), COALESCE(g.id, 0), COALESCE(g.name, '') "
            "FROM tasks t LEFT JOIN councils co ON co.id = t.council_id "
            "LEFT JOIN communities cm ON cm.id = co.community_id "
            "LEFT JOIN issues i ON i.id = t.issue_id LEFT JOIN grids g ON g.id = i.grid_id "
            "WHERE ")
        .add(scope_condition(s));
    Statement q(db, sql.text);
    bind(q, sql);
    BoardOptions o;
    while (q.step()) {
        o.units.push_back(q.column(0).text());
        o.communities.push_back({q.column(1).int64(), q.column(2).text()});
        o.councils.push_back({q.column(3).int64(), q.column(4).text()});
        o.grids.push_back({q.column(5).int64(), q.column(6).text()});
    }
    return o;
}

// One page of the board: its rows (with their details), the count, the unit sums and options.
BoardPageRows page(Connection& db, const Scope& s, const BoardQuery& q, std::int64_t now) {
    BoardPageRows out;
    Sql ids = Sql().add("SELECT t.id FROM tasks t").add(kept(s, q, now)).add(order(q, now));
    ids.add(" LIMIT ? OFFSET ?", q.limit, q.offset);
    std::vector<Id> page_ids;
    {
        Statement st(db, ids.text);
        bind(st, ids);
        while (st.step()) page_ids.push_back(st.column(0).int64());
    }
    if (!page_ids.empty()) {
        Sql list;
        for (std::size_t i = 0; i < page_ids.size(); ++i) list.add(i ? ", ?" : "?", page_ids[i]);
        out.rows = read_rows(db, Sql().add(kRowColumns).add(" WHERE t.id IN (").add(list).add(")"));
        add_details(db, out.rows, list);
    }
    {
        Sql count = Sql().add("SELECT COUNT(*) FROM tasks t").add(kept(s, q, now));
        Statement st(db, count.text);
        bind(st, count);
        out.total = single(st).int64();
    }
    out.units = unit_sums(db, s, q, now);
    out.filters = options(db, s);
    return out;
}

std::optional<std::string> name_of(Connection& db, const char* sql, Id id) {
    Statement q(db, sql);
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return q.column(0).text();
}

// The scope a street or community board query names, for whom may_read_board allows.
Result<std::pair<Scope, BoardScope>> board_scope(Connection& db, Id viewer, const BoardQuery& q) {
    Place place;
    BoardScope named;
    Scope s;
    if (q.street_id) {
        auto name = name_of(db, "SELECT name FROM streets WHERE id = ?", q.street_id);
        if (!name) return make_error("not_found", "street_id");
        place = {q.street_id, 0};
        named = {"street", q.street_id, *name};
        s.street_id = q.street_id;
    } else {
        Statement st(db, "SELECT name, COALESCE(street_id, 0) FROM communities WHERE id = ?");
        st.bind(1, q.scope_community_id);
        if (!st.step()) return make_error("not_found", "community_id");
        place = {st.column(1).int64(), q.scope_community_id};
        named = {"community", q.scope_community_id, st.column(0).text()};
        s.community_id = q.scope_community_id;
    }
    if (auto refused = may_read_board(admin_scope_of(db, viewer), place)) return *refused;
    return std::pair{s, named};
}

}  // namespace

Result<Store::BoardRows> Store::board_rows(Id viewer, const BoardQuery& q, std::int64_t now) {
    return impl_->read([&](Connection& db) -> Result<BoardRows> {
        auto scope = board_scope(db, viewer, q);
        if (!scope) return scope.error();
        return BoardRows{scope.value().second, all_rows(db, scope.value().first, q, now)};
    });
}

Result<BoardPageRows> Store::board_page(Id viewer, const BoardQuery& q, std::int64_t now) {
    return impl_->read([&](Connection& db) -> Result<BoardPageRows> {
        auto scope = board_scope(db, viewer, q);
        if (!scope) return scope.error();
        BoardPageRows out = page(db, scope.value().first, q, now);
        out.scope = scope.value().second;
        return out;
    });
}

Result<BoardPageRows> Store::unit_board_page(Id viewer, const BoardQuery& q, std::int64_t now) {
    return impl_->read([&](Connection& db) -> Result<BoardPageRows> {
        Statement st(db,
                     "SELECT d.name, d.street_id FROM members m JOIN departments d "
                     "ON d.id = m.department_id WHERE m.id = ? AND m.active = 1");
        st.bind(1, viewer);
        if (!st.step()) return make_error("not_department_staff");
        Scope s;
        std::string department = st.column(0).text();
        s.street_id = st.column(1).int64();
        s.owed_by = std::pair{department, viewer};
        BoardPageRows out = page(db, s, q, now);
        out.scope = {"unit", 0, department};
        return out;
    });
}

}  // namespace yishi::server
