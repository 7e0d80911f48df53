// The accountability board's rules: statuses against the due date, unit figures in exact
// integers, the query's filters and sorting, and who reads what.
#include "yishi/board.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "yishi/text.hpp"

namespace yishi {

namespace {
constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kChinaOffset = 8 * 3600;
// Ids beyond 2^53 cannot round-trip through a browser's JSON numbers.
constexpr std::int64_t kMaxId = 9007199254740991LL;

struct StatusName {
    BoardStatus status;
    const char* name;
    const char* label;
};
constexpr StatusName kStatusNames[] = {
    {BoardStatus::on_time, "on_time", "按期办理中"},
    {BoardStatus::due_soon, "due_soon", "7日内到期"},
    {BoardStatus::overdue, "overdue", "已逾期"},
    {BoardStatus::answered, "answered", "已答复"},
    {BoardStatus::supervised, "supervised", "督办中"},
    {BoardStatus::done, "done", "已办结"},
};

// The Chinese names of the query's parameters, for the refusal's message.
const char* parameter_label(const std::string& name) {
    static const std::map<std::string, const char*> labels = {
        {"street", "街道"},   {"community", "社区"}, {"unit", "责任单位"},
        {"council", "议事会"}, {"grid", "网格"},      {"status", "状态"},
        {"from", "起始月份"}, {"to", "截止月份"},    {"sort", "排序"},
        {"limit", "每页条数"}, {"offset", "起始位置"},
    };
    auto it = labels.find(name);
    return it == labels.end() ? "查询参数" : it->second;
}

Error bad_filter(const std::string& name) {
    Error e = make_error("bad_filter", name);
    e.message = std::string("筛选条件无效：") + parameter_label(name);
    return e;
}

// An id of the query: 16 digits hold every id up to kMaxId.
bool parse_id(const std::string& s, Id& out) {
    auto n = parse_whole_number(s, 16);
    if (!n || *n <= 0 || *n > kMaxId) return false;
    out = *n;
    return true;
}

// Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "YYYY-MM" (2000–2100) → the month's first second in China time, and the first after it.
bool parse_month(const std::string& s, std::int64_t& start, std::int64_t& next) {
    if (s.size() != 7 || s[4] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6})
        if (s[i] < '0' || s[i] > '9') return false;
    int y = std::stoi(s.substr(0, 4));
    int m = std::stoi(s.substr(5, 2));
    if (y < 2000 || y > 2100 || m < 1 || m > 12) return false;
    start = days_from_civil(y, static_cast<unsigned>(m), 1) * kDay - kChinaOffset;
    int ny = m == 12 ? y + 1 : y;
    int nm = m == 12 ? 1 : m + 1;
    next = days_from_civil(ny, static_cast<unsigned>(nm), 1) * kDay - kChinaOffset;
    return true;
}

std::int64_t ratings_total(const RatingCounts& r) {
    return r.satisfied + r.basically_satisfied + r.unsatisfied;
}
}  // namespace

const char* to_string(BoardStatus s) {
    for (const auto& n : kStatusNames)
        if (n.status == s) return n.name;
    return "on_time";
}

bool board_status_from_string(std::string_view s, BoardStatus& out) {
    for (const auto& n : kStatusNames)
        if (s == n.name) {
            out = n.status;
            return true;
        }
    return false;
}

const char* board_status_label(BoardStatus s) {
    for (const auto& n : kStatusNames)
        if (n.status == s) return n.label;
    return "";
}

BoardStatus board_status(TaskState state, std::int64_t due_at, std::int64_t now) {
    switch (state) {
        case TaskState::done: return BoardStatus::done;
        case TaskState::supervised: return BoardStatus::supervised;
        case TaskState::answered: return BoardStatus::answered;
        case TaskState::assigned: break;
    }
    if (now > due_at) return BoardStatus::overdue;
    if (due_at - now <= kDueSoonSeconds) return BoardStatus::due_soon;
    return BoardStatus::on_time;
}

StatusCondition status_condition(BoardStatus s, std::int64_t now) {
    switch (s) {
        case BoardStatus::done: return {TaskState::done, std::nullopt, std::nullopt};
        case BoardStatus::supervised: return {TaskState::supervised, std::nullopt, std::nullopt};
        case BoardStatus::answered: return {TaskState::answered, std::nullopt, std::nullopt};
        case BoardStatus::overdue: return {TaskState::assigned, std::nullopt, now - 1};
        case BoardStatus::due_soon: return {TaskState::assigned, now, now + kDueSoonSeconds};
        case BoardStatus::on_time: break;
    }
    return {TaskState::assigned, now + kDueSoonSeconds + 1, std::nullopt};
}

std::int64_t days_overdue(TaskState state, std::int64_t due_at, std::int64_t now) {
    if (board_status(state, due_at, now) != BoardStatus::overdue) return 0;
    return (now - due_at + kDay - 1) / kDay;
}

const char* to_string(BoardSource s) {
    return s == BoardSource::consultation ? "consultation" : "council";
}

bool board_source_from_string(std::string_view s, BoardSource& out) {
    if (s == "council") out = BoardSource::council;
    else if (s == "consultation") out = BoardSource::consultation;
    else return false;
    return true;
}

void settle_statuses(std::vector<BoardRow>& rows, std::int64_t now) {
    for (auto& r : rows) {
        r.status = board_status(r.state, r.due_at, now);
        r.days_overdue = days_overdue(r.state, r.due_at, now);
    }
}

std::vector<UnitFigures> unit_figures(const std::vector<BoardRow>& rows) {
    std::map<std::string, UnitSums> by_unit;
    for (const auto& r : rows) {
        UnitSums& s = by_unit[r.responsible_unit];
        s.unit = r.responsible_unit;
        ++s.received;
        if (r.status == BoardStatus::overdue) ++s.overdue_now;
        if (r.first_reply_at != 0) {
            ++s.answered;
            s.reply_seconds += std::max<std::int64_t>(0, r.first_reply_at - r.created_at);
            if (r.first_reply_at <= r.due_at) ++s.answered_on_time;
        }
        s.ratings += ratings_total(r.ratings);
        s.satisfied += r.ratings.satisfied + r.ratings.basically_satisfied;
    }
    std::vector<UnitSums> sums;
    sums.reserve(by_unit.size());
    for (auto& [unit, s] : by_unit) sums.push_back(std::move(s));
    return unit_figures(sums);
}

std::vector<UnitFigures> unit_figures(const std::vector<UnitSums>& sums) {
    std::vector<UnitFigures> out;
    out.reserve(sums.size());
    for (const auto& s : sums) {
        UnitFigures f;
        f.unit = s.unit;
        f.received = s.received;
        f.answered_on_time = s.answered_on_time;
        f.overdue_now = s.overdue_now;
        f.answered = s.answered;
        f.ratings = s.ratings;
        f.satisfied = s.satisfied;
        if (s.answered > 0) f.reply_days_tenths = s.reply_seconds * 10 / (kDay * s.answered);
        if (s.ratings > 0) f.satisfied_permille = s.satisfied * 1000 / s.ratings;
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const UnitFigures& a, const UnitFigures& b) {
        return std::make_tuple(-a.satisfied_permille, a.overdue_now, a.unit) <
               std::make_tuple(-b.satisfied_permille, b.overdue_now, b.unit);
    });
    return out;
}

Result<BoardQuery> parse_board_query(const QueryParams& params, bool scoped) {
    BoardQuery q;
    for (const char* name : {"street", "community", "unit", "council", "grid", "status", "from",
                             "to", "sort", "limit", "offset"})
        if (params.count(name) > 1) return bad_filter(name);
    auto get = [&](const char* name) -> const std::string* {
        auto it = params.find(name);
        return it == params.end() ? nullptr : &it->second;
    };
    auto id = [&](const char* name, Id& out) -> bool {
        const std::string* v = get(name);
        return !v || parse_id(*v, out);
    };
    Id street = 0, community = 0;
    if (!id("street", street)) return bad_filter("street");
    if (!id("community", community)) return bad_filter("community");
    if (!id("council", q.council_id)) return bad_filter("council");
    if (!id("grid", q.grid_id)) return bad_filter("grid");
    if (scoped) {
        if (street != 0) {
            q.street_id = street;
            q.community_id = community;
        } else if (community != 0) {
            q.scope_community_id = community;
        } else {
            return make_error("missing_scope");
        }
    } else {
        q.community_id = community;
    }
    if (const std::string* unit = get("unit")) {
        if (!valid_utf8(*unit) || utf8_length(*unit) > kUnitMaxChars ||
            forbidden_character(*unit, TextLines::one))
            return bad_filter("unit");
        q.unit = trim(*unit);
    }
    if (const std::string* status = get("status")) {
        BoardStatus s;
        if (!board_status_from_string(*status, s)) return bad_filter("status");
        q.status = s;
    }
    std::int64_t ignored = 0;
    if (const std::string* from = get("from"))
        if (!parse_month(*from, q.created_from, ignored)) return bad_filter("from");
    if (const std::string* to = get("to")) {
        std::int64_t start = 0;
        if (!parse_month(*to, start, q.created_before)) return bad_filter("to");
        if (q.created_from != 0 && start < q.created_from) return bad_filter("to");
    }
    if (const std::string* sort = get("sort")) {
        if (*sort == "due") q.sort = BoardSort::due;
        else if (*sort == "overdue") q.sort = BoardSort::overdue;
        else return bad_filter("sort");
    }
    // Counts are at most 10 digits (0 allowed), then held to their own range.
    if (const std::string* limit = get("limit")) {
        auto n = parse_whole_number(*limit, 10);
        if (!n || *n < 1 || *n > kBoardPageMaxRows) return bad_filter("limit");
        q.limit = *n;
    }
    if (const std::string* offset = get("offset")) {
        auto n = parse_whole_number(*offset, 10);
        if (!n || *n > kBoardMaxOffset) return bad_filter("offset");
        q.offset = *n;
    }
    return q;
}

namespace {
bool matches_except_status(const BoardQuery& q, const BoardRow& r) {
    if (!q.unit.empty() && r.responsible_unit != q.unit) return false;
    if (q.community_id != 0 && r.community_id != q.community_id) return false;
    if (q.council_id != 0 && r.council_id != q.council_id) return false;
    if (q.grid_id != 0 && r.grid_id != q.grid_id) return false;
    if (q.created_from != 0 && r.created_at < q.created_from) return false;
    if (q.created_before != 0 && r.created_at >= q.created_before) return false;
    return true;
}
}  // namespace

bool board_matches(const BoardQuery& q, const BoardRow& r) {
    if (q.status && r.status != *q.status) return false;
    return matches_except_status(q, r);
}

void sort_board(std::vector<BoardRow>& rows, BoardSort sort) {
    if (sort == BoardSort::overdue) {
        std::sort(rows.begin(), rows.end(), [](const BoardRow& a, const BoardRow& b) {
            return std::make_tuple(-a.days_overdue, a.due_at, a.task_id) <
                   std::make_tuple(-b.days_overdue, b.due_at, b.task_id);
        });
    } else {
        std::sort(rows.begin(), rows.end(), [](const BoardRow& a, const BoardRow& b) {
            return std::make_tuple(a.due_at, a.task_id) < std::make_tuple(b.due_at, b.task_id);
        });
    }
}

Check may_read_board(const std::optional<AdminScope>& scope, const Place& place) {
    if (!scope) return make_error("not_admin");
    if (reaches(*scope, place)) return std::nullopt;
    return make_error("outside_scope");
}

Check may_export(const std::optional<AdminScope>& scope, const Place& community) {
    if (community.community_id == 0) return make_error("outside_scope");
    return may_read_board(scope, community);
}

bool owes(const std::string& department_name, Id member_id, const BoardRow& row) {
    if (member_id != 0 && row.responsible_member_id == member_id) return true;
    return !department_name.empty() && row.responsible_unit == department_name;
}

namespace {
// The options as the pickers list them: units by name, places by id, each once.
void settle_options(BoardOptions& o) {
    auto by_id = [](std::vector<NamedId>& list) {
        std::sort(list.begin(), list.end(),
                  [](const NamedId& a, const NamedId& b) { return a.id < b.id; });
        list.erase(std::unique(list.begin(), list.end(),
                               [](const NamedId& a, const NamedId& b) { return a.id == b.id; }),
                   list.end());
    };
    std::sort(o.units.begin(), o.units.end());
    o.units.erase(std::unique(o.units.begin(), o.units.end()), o.units.end());
    by_id(o.communities);
    by_id(o.councils);
    by_id(o.grids);
}
}  // namespace

Board build_board(BoardScope scope, std::vector<BoardRow> all, const BoardQuery& q,
                  std::int64_t now) {
    settle_statuses(all, now);
    Board b;
    b.scope = std::move(scope);
    b.now = now;
    for (const auto& r : all) {
        if (!r.responsible_unit.empty()) b.filters.units.push_back(r.responsible_unit);
        if (r.community_id != 0) b.filters.communities.push_back({r.community_id, r.community_name});
        if (r.council_id != 0) b.filters.councils.push_back({r.council_id, r.council_name});
        if (r.grid_id != 0) b.filters.grids.push_back({r.grid_id, r.grid_name});
    }
    settle_options(b.filters);

    std::vector<BoardRow> counted;
    for (auto& r : all) {
        if (!matches_except_status(q, r)) continue;
        counted.push_back(std::move(r));
    }
    b.units = unit_figures(counted);
    for (auto& r : counted)
        if (!q.status || r.status == *q.status) b.rows.push_back(std::move(r));
    sort_board(b.rows, q.sort);
    b.total = static_cast<std::int64_t>(b.rows.size());
    b.limit = b.total;
    return b;
}

Board board_page(BoardPageRows read, const BoardQuery& q, std::int64_t now) {
    settle_statuses(read.rows, now);
    Board b;
    b.scope = std::move(read.scope);
    b.now = now;
    b.rows = std::move(read.rows);
    sort_board(b.rows, q.sort);
    b.total = read.total;
    b.limit = q.limit;
    b.offset = q.offset;
    b.units = unit_figures(read.units);
    b.filters = std::move(read.filters);
    std::erase_if(b.filters.units, [](const std::string& u) { return u.empty(); });
    std::erase_if(b.filters.communities, [](const NamedId& n) { return n.id == 0; });
    std::erase_if(b.filters.councils, [](const NamedId& n) { return n.id == 0; });
    std::erase_if(b.filters.grids, [](const NamedId& n) { return n.id == 0; });
    settle_options(b.filters);
    return b;
}

std::string china_minute(std::int64_t t) {
    if (t == 0) return "";
    std::int64_t local = t + kChinaOffset;
    std::int64_t days = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
    std::int64_t secs = local - days * kDay;
    // civil_from_days (Howard Hinnant)
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld", static_cast<long long>(y), m,
                  d, static_cast<long long>(secs / 3600), static_cast<long long>(secs % 3600 / 60));
    return buf;
}

}  // namespace yishi
