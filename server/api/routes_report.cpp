// 群众需求月报: GET /api/report (JSON) and GET /api/report.csv (the month's issues, one a row)
// for a street or a community and a month, for whom may read the place's board.
#include "routes.hpp"

#include "yishi/messages_report.hpp"
#include "yishi/report.hpp"

namespace yishi::server {

namespace {

struct ReportQuery {
    Id street_id = 0;
    Id community_id = 0;
    Month month;
};

Error scope_missing() {
    return Error{"bad_scope", 400, "street_id", "请指定一个街道（street）或一个社区（community）"};
}

// ?street=ID or ?community=ID (exactly one) and an optional month=YYYY-MM (this month in China
// time by default).
Result<ReportQuery> read_query(const httplib::Request& req, std::int64_t now) {
    ReportQuery q;
    const bool street = req.has_param("street"), community = req.has_param("community");
    if (street == community) return scope_missing();
    const char* name = street ? "street" : "community";
    auto id = parse_id(req.get_param_value(name));
    if (!id) return make_error("bad_id", street ? "street_id" : "community_id");
    (street ? q.street_id : q.community_id) = *id;
    q.month = month_of(now);
    if (req.has_param("month")) {
        auto m = parse_month(req.get_param_value("month"));
        if (!m) return m.error();
        q.month = m.value();
    }
    return q;
}

// RFC 5987's percent-encoding of a UTF-8 file name.
std::string percent_encoded(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

Reply report(Api& api, const httplib::Request& req) {
    auto rows = report_rows(api, req);
    if (!rows) return failure(rows.error());
    return Reply{200, encode(build_monthly_report(rows.value()))};
}

Reply report_csv_file(Api& api, const httplib::Request& req) {
    auto rows = report_rows(api, req);
    if (!rows) return failure(rows.error());
    const ReportInput& in = rows.value();
    Reply csv{200, report_csv(in.issues)};
    csv.content_type = "text/csv; charset=utf-8";
    const std::string month = format_month(in.month);
    csv.headers.emplace("Content-Disposition",
                        "attachment; filename=\"report-" + month + ".csv\"; filename*=UTF-8''" +
                            percent_encoded("群众需求月报-" + in.scope.name + "-" + month + ".csv"));
    return csv;
}

}  // namespace

Result<ReportInput> report_rows(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return caller.error();
    auto q = read_query(req, api.now());
    if (!q) return q.error();
    return api.store.report_input(caller.value().id, q.value().street_id, q.value().community_id,
                                  q.value().month);
}

void add_report_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/report)", report);
    route("GET", R"(/api/report\.csv)", report_csv_file);
}

}  // namespace yishi::server
