// Query texts of the board and the report, catalog keys of notification kinds, month steps, and
// the report's reply read into ReportView.
#include "yishi/client/follow.hpp"

#include <cstdio>

#include "yishi/client/admin.hpp"
#include "yishi/messages.hpp"

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

// A field of the reply: an integer, or the fallback when absent (null in the previous month).
bool read_int(const Json& o, const char* key, std::int64_t& out) {
    if (!o.contains(key)) return false;
    const Json& v = o[key];
    if (v.is_null()) return true;
    if (!v.is_number_integer()) return false;
    out = v.get<std::int64_t>();
    return true;
}

bool read_string(const Json& o, const char* key, std::string& out) {
    if (!o.contains(key) || !o[key].is_string()) return false;
    out = o[key].get<std::string>();
    return true;
}

bool read_figures(const Json& o, ReportFigures& f) {
    if (!o.is_object()) return false;
    return read_int(o, "raised", f.raised) && read_int(o, "accepted", f.accepted) &&
           read_int(o, "answered", f.answered) &&
           read_int(o, "accept_median_s", f.accept_median_s) &&
           read_int(o, "accept_p90_s", f.accept_p90_s) &&
           read_int(o, "reply_median_s", f.reply_median_s) &&
           read_int(o, "reply_p90_s", f.reply_p90_s) &&
           read_int(o, "answered_on_time", f.answered_on_time) &&
           read_int(o, "answered_on_time_permille", f.answered_on_time_permille) &&
           read_int(o, "ratings", f.ratings) && read_int(o, "satisfied", f.satisfied) &&
           read_int(o, "satisfied_permille", f.satisfied_permille);
}

bool read_counts(const Json& o, const char* key, bool with_id, std::vector<ReportCount>& out) {
    if (!o.contains(key) || !o[key].is_array()) return false;
    for (const Json& e : o[key]) {
        ReportCount c;
        if (!e.is_object() || !read_string(e, "name", c.name) || !read_int(e, "count", c.count) ||
            !read_int(e, "previous", c.previous))
            return false;
        if (with_id && e.contains("id") && !read_int(e, "id", c.id)) return false;
        out.push_back(std::move(c));
    }
    return true;
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
    return q;
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
    auto j = parse_object(body);
    if (!j) return j.error();
    const Json& o = j.value();
    ReportView r;
    auto bad = [](const char* field) { return make_error("bad_reply", field); };
    if (!o.contains("scope") || !o["scope"].is_object()) return bad("scope");
    const Json& s = o["scope"];
    if (!read_string(s, "kind", r.scope.kind)) return bad("scope");
    read_int(s, "id", r.scope.id);
    read_string(s, "name", r.scope.name);
    if (!read_string(o, "month", r.month)) return bad("month");
    if (!o.contains("figures") || !read_figures(o["figures"], r.figures)) return bad("figures");
    if (!o.contains("previous") || !read_figures(o["previous"], r.previous)) return bad("previous");
    if (!read_counts(o, "by_category", false, r.by_category)) return bad("by_category");
    if (!read_counts(o, "by_grid", true, r.by_grid)) return bad("by_grid");
    if (!o.contains("trend") || !o["trend"].is_array()) return bad("trend");
    for (const Json& e : o["trend"]) {
        ReportTrendPoint p;
        if (!e.is_object() || !read_string(e, "month", p.month) || !read_int(e, "raised", p.raised) ||
            !read_int(e, "answered_on_time_permille", p.answered_on_time_permille) ||
            !read_int(e, "satisfied_permille", p.satisfied_permille))
            return bad("trend");
        r.trend.push_back(std::move(p));
    }
    return r;
}

}  // namespace yishi::client
