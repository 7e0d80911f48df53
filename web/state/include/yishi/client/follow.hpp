// Follow-through in the client: notifications (消息) with the unread count polled on every
// screen, the accountability board (督办台账), the monthly needs report (群众需求月报) and the
// files (PDF, CSV) the server makes for download.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/board.hpp"
#include "yishi/errors.hpp"
#include "yishi/messages_notifications.hpp"

namespace yishi::client {

// The unread count every screen's bar shows, the centre's list and the member's settings.
struct NotificationData {
    std::int64_t unread = 0;
    Id latest = 0;             // the newest notification's id as last polled
    bool unread_loaded = false;
    bool polling = false;      // a poll is in flight: one at a time
    std::uint64_t polls = 0;   // polls sent (首页 re-fetches on some of them)
    NotificationList list;     // newest first
    bool list_loaded = false;
    NotificationSettings settings;
    bool settings_loaded = false;
};

// The board's filters as picked on #/board (0 / "" / nullopt: all).
struct BoardFilter {
    Id street_id = 0;     // the scope: a street ...
    Id community_id = 0;  // ... or a community (with a street: a filter within it)
    std::string unit;
    Id council_id = 0;
    Id grid_id = 0;
    std::string status;   // on_time, due_soon, overdue, answered, supervised, done; "": all
    std::string from;     // "YYYY-MM"
    std::string to;
    std::string sort = "due";  // due, overdue
    std::int64_t offset = 0;   // the page: rows before it (the server's page size, Board::limit)
    friend bool operator==(const BoardFilter&, const BoardFilter&) = default;
};

// The page of the board shown: its number from 1, how many pages the rows fill (at least 1),
// and whether there is a page before and after it.
struct BoardPaging {
    std::int64_t page = 1;
    std::int64_t pages = 1;
    bool has_previous = false;
    bool has_next = false;
};
BoardPaging board_paging(const Board& b);

// GET /api/report's figures of one month (see docs/api.md, 群众需求月报), as the screen draws
// them: the core's MonthlyReport with months as text.
struct ReportFigures {
    std::int64_t raised = 0, accepted = 0, answered = 0;
    std::int64_t accept_median_s = -1, accept_p90_s = -1, reply_median_s = -1, reply_p90_s = -1;
    std::int64_t answered_on_time = 0, answered_on_time_permille = -1;
    std::int64_t ratings = 0, satisfied = 0, satisfied_permille = -1;
};
struct ReportCount {
    Id id = 0;  // grids only; 0 for 未划网格 and for categories
    std::string name;
    std::int64_t count = 0;
    std::int64_t previous = 0;
};
struct ReportTrendPoint {
    std::string month;
    std::int64_t raised = 0;
    std::int64_t answered_on_time_permille = -1;
    std::int64_t satisfied_permille = -1;
};
struct ReportView {
    BoardScope scope;
    std::string month;  // "2026-10"
    ReportFigures figures;
    ReportFigures previous;
    std::vector<ReportCount> by_category;
    std::vector<ReportCount> by_grid;
    std::vector<ReportTrendPoint> trend;  // 12 months, oldest first
};
Result<ReportView> decode_report_view(std::string_view body);

// The report's scope and month as picked on #/report.
struct ReportPick {
    std::string kind = "street";  // street or community
    Id id = 0;
    std::string month;  // "" : the current month
    friend bool operator==(const ReportPick&, const ReportPick&) = default;
};

struct FollowData {
    NotificationData notes;
    std::optional<Board> board;
    BoardFilter board_filter;  // the filter `board` was loaded with
    bool board_loaded = false;
    std::optional<ReportView> report;
    ReportPick report_pick;    // the pick `report` was loaded with
    bool report_loaded = false;
};

// The board's query text of a filter ("?street=1&status=overdue&sort=overdue&offset=50"), the report's
// ("?street=1&month=2026-10"); "" parts are left out.
std::string board_query(const BoardFilter& f);
std::string report_query(const ReportPick& p);

// The catalog keys of a notification kind's sentence and of its settings toggle.
std::string notification_text_key(NotificationKind k);
std::string notification_kind_key(NotificationKind k);

// "2026-10" → "2026-09" and "2026-11"; "" when the text is no month.
std::string shift_month(std::string_view month, int by);

}  // namespace yishi::client
