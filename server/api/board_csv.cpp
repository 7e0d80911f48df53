// The board's and a community's tasks as CSV, and the download reply every export uses.
#include "board_csv.hpp"

#include "yishi/csv.hpp"

namespace yishi::server {

namespace {
std::string number(std::int64_t n) { return std::to_string(n); }

std::string progress_text(const BoardRow& r) {
    return r.latest_progress ? r.latest_progress->text : "";
}
std::string progress_at(const BoardRow& r) {
    return r.latest_progress ? china_minute(r.latest_progress->at) : "";
}

// RFC 5987: every byte outside the unreserved set as %XX.
std::string percent_encoded(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}
}  // namespace

std::string board_csv_text(const std::vector<BoardRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const auto& r : rows)
        cells.push_back({number(r.task_id),
                         r.source == BoardSource::consultation ? "政协协商建议" : "议事会决议",
                         r.subject_title, r.community_name, r.council_name, r.grid_name,
                         r.responsible_unit, china_minute(r.created_at), china_minute(r.due_at),
                         board_status_label(r.status), number(r.days_overdue),
                         china_minute(r.first_reply_at), progress_text(r), progress_at(r),
                         number(r.ratings.satisfied), number(r.ratings.basically_satisfied),
                         number(r.ratings.unsatisfied)});
    return csv_document({"任务编号", "来源", "事项", "社区", "议事会", "网格", "责任单位", "交办时间",
                         "办理期限", "状态", "逾期天数", "首次答复时间", "最新进展", "进展时间",
                         "满意", "基本满意", "不满意"},
                        cells);
}

std::string tasks_csv_text(const std::vector<BoardRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const auto& r : rows)
        cells.push_back({number(r.task_id), r.subject_title, r.responsible_unit,
                         china_minute(r.due_at), board_status_label(r.status),
                         china_minute(r.created_at), china_minute(r.first_reply_at),
                         progress_text(r), number(r.ratings.satisfied),
                         number(r.ratings.basically_satisfied), number(r.ratings.unsatisfied)});
    return csv_document({"任务编号", "议题", "责任单位", "办理期限", "状态", "交办时间", "答复时间",
                         "最新进展", "满意", "基本满意", "不满意"},
                        cells);
}

Reply csv_reply(std::string body, const std::string& ascii_name, const std::string& chinese_name) {
    Reply r{200, std::move(body)};
    r.content_type = "text/csv; charset=utf-8";
    r.headers.emplace("Content-Disposition", "attachment; filename=\"" + ascii_name +
                                                 "\"; filename*=UTF-8''" +
                                                 percent_encoded(chinese_name));
    return r;
}

}  // namespace yishi::server
