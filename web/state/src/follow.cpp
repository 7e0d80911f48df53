// Query texts of the board and the report, catalog keys of notification kinds, month steps, and
// the report's reply (decoded by the core's decoder) in the form the screen draws.
#include "yishi/client/follow.hpp"

#include <algorithm>
#include <cstdio>

#include "yishi/client/admin.hpp"
#include "yishi/messages_report.hpp"

namespace yishi::client {

namespace {

void add(std::string& q, const char* key, const std::string& value) {
    if (value.empty()) return;
    q += q.empty() ? '?' : '&';
    q += key;
    q += '=';
    q += url_encode(value);
}

void add_id(std::string& q, const char* key, Id id) {
    if (id != 0) add(q, key, std::to_string(id));
}

ReportFigures figures_of(const MonthlyFigures& f) {
    return {f.raised,           f.accepted,         f.answered,
            f.accept_median_s,  f.accept_p90_s,     f.reply_median_s,
            f.reply_p90_s,      f.answered_on_time, f.answered_on_time_permille,
            f.ratings,          f.satisfied,        f.satisfied_permille};
}

}  // namespace

std::string board_query(const BoardFilter& f) {
    std::string q;
    add_id(q, "street", f.street_id);
    add_id(q, "community", f.community_id);
    add(q, "unit", f.unit);
    add_id(q, "council", f.council_id);
    add_id(q, "grid", f.grid_id);
    add(q, "status", f.status);
    add(q, "from", f.from);
    add(q, "to", f.to);
    if (f.sort != "due") add(q, "sort", f.sort);
    add_id(q, "offset", f.offset);
    return q;
}

BoardPaging board_paging(const Board& b) {
    BoardPaging p;
    if (b.limit <= 0) return p;
    p.page = b.offset / b.limit + 1;
    p.pages = std::max<std::int64_t>(1, (b.total + b.limit - 1) / b.limit);
    p.has_previous = b.offset > 0;
    p.has_next = b.offset + b.limit < b.total;
    return p;
}

std::string report_query(const ReportPick& p) {
    std::string q;
    add_id(q, p.kind == "community" ? "community" : "street", p.id);
    add(q, "month", p.month);
    return q;
}

std::string notification_text_key(NotificationKind k) {
    return std::string("note_text.") + to_string(k);
}

std::string notification_kind_key(NotificationKind k) {
    return std::string("note_kind.") + to_string(k);
}

std::string shift_month(std::string_view month, int by) {
    int y = 0, m = 0;
    if (month.size() != 7 || month[4] != '-') return {};
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (month[i] < '0' || month[i] > '9') return {};
    y = (month[0] - '0') * 1000 + (month[1] - '0') * 100 + (month[2] - '0') * 10 + (month[3] - '0');
    m = (month[5] - '0') * 10 + (month[6] - '0');
    if (m < 1 || m > 12) return {};
    int index = y * 12 + (m - 1) + by;
    if (index < 0) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
    return buf;
}

Result<ReportView> decode_report_view(std::string_view body) {
    auto decoded = decode_monthly_report(body);
    if (!decoded) return decoded.error();
    const MonthlyReport& m = decoded.value();
    ReportView r;
    r.scope = {m.scope.kind, m.scope.id, m.scope.name};
    r.month = format_month(m.month);
    r.figures = figures_of(m.figures);
    r.previous = figures_of(m.previous);
    for (const auto& c : m.by_category) r.by_category.push_back({0, c.name, c.count, c.previous});
    for (const auto& g : m.by_grid) r.by_grid.push_back({g.id, g.name, g.count, g.previous});
    for (const auto& p : m.trend)
        r.trend.push_back({format_month(p.month), p.raised, p.answered_on_time_permille,
                           p.satisfied_permille});
    return r;
}

}  // namespace yishi::client
