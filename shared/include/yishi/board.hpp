// The accountability board (督办台账): every task a street's councils and its CPPCC hand out, its
// status against the due date, and the per-unit figures street offices publish (the
// "department league table"). Also who may read the board and the exports.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/administration.hpp"
#include "yishi/errors.hpp"
#include "yishi/messages_tasks.hpp"
#include "yishi/task.hpp"

namespace yishi {

// on_time 按期办理, due_soon 7 日内到期, overdue 已逾期, answered 已答复, supervised 督办中, done 已办结.
enum class BoardStatus { on_time, due_soon, overdue, answered, supervised, done };
inline constexpr BoardStatus kBoardStatuses[] = {BoardStatus::on_time,  BoardStatus::due_soon,
                                                 BoardStatus::overdue,  BoardStatus::answered,
                                                 BoardStatus::supervised, BoardStatus::done};
const char* to_string(BoardStatus s);
bool board_status_from_string(std::string_view s, BoardStatus& out);
// The Chinese name shown in tables and CSV files.
const char* board_status_label(BoardStatus s);

constexpr std::int64_t kDueSoonSeconds = 7LL * 24 * 3600;

// done/supervised/answered from the task's state; an assigned task is overdue once now passes
// due_at, due soon when due_at is at most 7 days away, otherwise on time.
BoardStatus board_status(TaskState state, std::int64_t due_at, std::int64_t now);
// Whole days past due, a started day counting as one; 0 unless the status is overdue.
std::int64_t days_overdue(TaskState state, std::int64_t due_at, std::int64_t now);

// board_status() turned round, for a store that selects rows by status in its query: the task
// state a status needs and the due dates (inclusive; nullopt: open) it takes at `now`.
struct StatusCondition {
    TaskState state = TaskState::assigned;
    std::optional<std::int64_t> due_from;
    std::optional<std::int64_t> due_to;
};
StatusCondition status_condition(BoardStatus s, std::int64_t now);

enum class BoardSource { council, consultation };
const char* to_string(BoardSource s);
bool board_source_from_string(std::string_view s, BoardSource& out);

struct LatestProgress {
    std::string text;
    std::int64_t at = 0;
};

// One task on the board. A consultation's task has no community, council or grid (0 and "").
struct BoardRow {
    Id task_id = 0;
    BoardSource source = BoardSource::council;
    Id subject_id = 0;  // the issue, or the consultation's recommendation
    std::string subject_title;
    Id community_id = 0;
    std::string community_name;
    Id council_id = 0;
    std::string council_name;
    Id grid_id = 0;
    std::string grid_name;
    std::string responsible_unit;
    Id responsible_member_id = 0;
    std::int64_t due_at = 0;
    std::int64_t created_at = 0;
    TaskState state = TaskState::assigned;  // the status is computed from it against `now`
    BoardStatus status = BoardStatus::on_time;
    std::int64_t days_overdue = 0;
    std::optional<LatestProgress> latest_progress;
    RatingCounts ratings;               // over every reply of the task
    std::int64_t first_reply_at = 0;    // 0 while unanswered
};

// Fills status and days_overdue of each row from its state and due date.
void settle_statuses(std::vector<BoardRow>& rows, std::int64_t now);

// A unit's figures over its tasks: received, answered on time (first reply at or before the due
// date), overdue now, the average days from creation to first reply in tenths over answered
// tasks (rounded down; -1 when none), ratings of its replies and the satisfied ones (满意 +
// 基本满意) in permille (rounded down; -1 when no ratings).
struct UnitFigures {
    std::string unit;
    std::int64_t received = 0;
    std::int64_t answered_on_time = 0;
    std::int64_t overdue_now = 0;
    std::int64_t answered = 0;
    std::int64_t reply_days_tenths = -1;
    std::int64_t ratings = 0;
    std::int64_t satisfied = 0;
    std::int64_t satisfied_permille = -1;
};
// A unit's sums over its tasks, from which its figures follow: what unit_figures() adds up over
// rows, or what a store adds up in its query by the same definitions (reply_seconds: from a
// task's creation to its first reply, never below 0; satisfied: 满意 and 基本满意 ratings).
struct UnitSums {
    std::string unit;
    std::int64_t received = 0;
    std::int64_t answered_on_time = 0;
    std::int64_t overdue_now = 0;
    std::int64_t answered = 0;
    std::int64_t reply_seconds = 0;
    std::int64_t ratings = 0;
    std::int64_t satisfied = 0;
};
// One entry per unit, sorted by satisfied_permille descending, then overdue_now ascending, then
// the unit's name. Rows must have their statuses settled.
std::vector<UnitFigures> unit_figures(const std::vector<BoardRow>& rows);
std::vector<UnitFigures> unit_figures(const std::vector<UnitSums>& sums);

enum class BoardSort { due, overdue };

// The board's JSON reply carries one page of rows (a street's board runs to tens of thousands).
constexpr std::int64_t kBoardPageRows = 50;
constexpr std::int64_t kBoardPageMaxRows = 200;
constexpr std::int64_t kBoardMaxOffset = 1000000000;

// Filters, sorting and the page read from the query text. The scope is a street or a community
// (both absent for a unit's own view); when the scope is a street, `community` filters.
struct BoardQuery {
    Id street_id = 0;
    Id scope_community_id = 0;
    std::string unit;
    Id community_id = 0;
    Id council_id = 0;
    Id grid_id = 0;
    std::optional<BoardStatus> status;
    std::int64_t created_from = 0;   // the first second of `from`'s month (UTC+8); 0: open
    std::int64_t created_before = 0; // the first second after `to`'s month; 0: open
    BoardSort sort = BoardSort::due;
    std::int64_t limit = kBoardPageRows;  // rows per page, 1 to kBoardPageMaxRows
    std::int64_t offset = 0;              // rows skipped before the page
};
using QueryParams = std::multimap<std::string, std::string>;
// `scoped` (the street or community board): street=ID or community=ID names the scope, and with
// street=ID a community=ID filters. Not scoped (a unit's own view): community=ID filters, street
// is ignored. from/to are months "YYYY-MM" (from <= to); sort is due or overdue; limit (1–200)
// and offset (0 up) pick the page. A bad value or a repeated parameter is 400 bad_filter naming
// the parameter; unknown parameters are ignored.
Result<BoardQuery> parse_board_query(const QueryParams& params, bool scoped);

// The rows the query keeps (all but the scope), sorted: by due date oldest first, or by days
// overdue most first (then due date); ties by task id. Days overdue fall as the due date rises,
// so the second order is also: the overdue rows first, then by due date and task id (what a
// store's query sorts by, with the overdue rows picked by status_condition).
bool board_matches(const BoardQuery& q, const BoardRow& r);
void sort_board(std::vector<BoardRow>& rows, BoardSort sort);

// Who reads the board and the report of a place, and exports a community's rows: the platform
// administrator, the street's administrators; for a community also its own administrators.
// `place` is {street, 0} for a street.
Check may_read_board(const std::optional<AdminScope>& scope, const Place& place);
Check may_export(const std::optional<AdminScope>& scope, const Place& community);

// A unit's own view (本单位台账): a department member sees the tasks whose responsible unit is
// the department's name (within the member's street, which the store ensures) or that name the
// member as responsible.
bool owes(const std::string& department_name, Id member_id, const BoardRow& row);

struct BoardScope {
    std::string kind;  // "street", "community" or "unit"
    Id id = 0;         // 0 for a unit
    std::string name;
};
// The values the client's filter pickers offer: what occurs on the board, sorted by name or id.
struct BoardOptions {
    std::vector<std::string> units;
    std::vector<NamedId> communities;
    std::vector<NamedId> councils;
    std::vector<NamedId> grids;
};
struct Board {
    BoardScope scope;
    std::int64_t now = 0;
    std::vector<BoardRow> rows;  // one page of the rows the query keeps
    std::int64_t total = 0;      // every row the query keeps
    std::int64_t limit = kBoardPageRows;
    std::int64_t offset = 0;
    std::vector<UnitFigures> units;
    BoardOptions filters;
};

// The whole board from every row of the scope (the CSV files): statuses settled against `now`,
// the options from all rows, every row the query keeps, sorted (the query's page is not
// applied), and the unit figures over the rows the query keeps other than its status filter (a
// status filter would empty the on-time counts).
Board build_board(BoardScope scope, std::vector<BoardRow> all, const BoardQuery& q,
                  std::int64_t now);

// What a store reads for one page of the board: the rows the query's filters and order put on the
// page (board_page settles their statuses and sorts them), how many rows the query keeps, the
// unit sums over the rows it keeps other than its status filter, and the options over the whole
// scope (in any order, repeats allowed: board_page lists each once, in order).
struct BoardPageRows {
    BoardScope scope;
    std::vector<BoardRow> rows;
    std::int64_t total = 0;
    std::vector<UnitSums> units;
    BoardOptions filters;
};
Board board_page(BoardPageRows read, const BoardQuery& q, std::int64_t now);

// "2026-10-03 14:05" in China time (UTC+8); "" for 0.
std::string china_minute(std::int64_t t);

}  // namespace yishi
