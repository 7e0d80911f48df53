// CSV exports for the community administrator (or a street or platform administrator covering
// the community): GET /api/communities/{id}/issues.csv, /tasks.csv and GET
// /api/ballots/{id}/roll.csv (open ballots only: a secret ballot's roll is 409).
#include "board_csv.hpp"
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/csv.hpp"

namespace yishi::server {

namespace {
// The client's names of the stages (assets/i18n/zh-CN.json "stage").
const char* stage_label(IssueStage s) {
    switch (s) {
        case IssueStage::collecting: return "征集附议中";
        case IssueStage::listed: return "已列入议题清单";
        case IssueStage::merged: return "已合并";
        case IssueStage::declined: return "未采纳";
        case IssueStage::scheduled: return "已列入会议议程";
        case IssueStage::resolved: return "已表决";
    }
    return "";
}

std::string choice_label(const std::string& choice) {
    if (choice == "yes") return "赞成";
    if (choice == "no") return "反对";
    if (choice == "abstain") return "弃权";
    return choice;
}

Reply issues_csv(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(field_error("bad_id", "community_id"));
    auto issues = api.store.export_issues(caller.value().id, *id);
    if (!issues) return failure(issues.error());
    std::vector<std::vector<std::string>> rows;
    rows.reserve(issues.value().size());
    for (const auto& i : issues.value())
        rows.push_back({std::to_string(i.id), i.title, stage_label(i.stage), i.category, i.grid,
                        std::to_string(i.cosigns), i.author, china_minute(i.raised_at),
                        china_minute(i.accepted_at), china_minute(i.answered_at)});
    return csv_reply(csv_document({"编号", "标题", "阶段", "类别", "网格", "附议人数", "提出人",
                                   "提出时间", "受理时间", "答复时间"},
                                  rows),
                     "issues.csv", "议题.csv");
}

Reply tasks_csv(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(field_error("bad_id", "community_id"));
    BoardQuery all;
    all.scope_community_id = *id;
    std::int64_t now = api.now();
    auto rows = api.store.board_rows(caller.value().id, all, now);
    if (!rows) return failure(rows.error());
    Board board = build_board(rows.value().scope, std::move(rows.value().rows), all, now);
    return csv_reply(tasks_csv_text(board.rows), "tasks.csv", "交办事项.csv");
}

Reply roll_csv(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(field_error("bad_id", "ballot_id"));
    auto roll = api.store.export_roll(caller.value().id, *id);
    if (!roll) return failure(roll.error());
    std::vector<std::vector<std::string>> rows;
    rows.reserve(roll.value().rows.size());
    for (const auto& r : roll.value().rows)
        rows.push_back({r.name, r.household, r.voted ? "已投票" : "未投票",
                        roll.value().closed ? choice_label(r.choice) : ""});
    return csv_reply(csv_document({"姓名", "户号", "是否投票", "所投选项"}, rows),
                     "roll-" + std::to_string(*id) + ".csv",
                     "表决名单-" + std::to_string(*id) + ".csv");
}
}  // namespace

void add_export_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/communities/([^/]+)/issues\.csv)", issues_csv);
    route("GET", R"(/api/communities/([^/]+)/tasks\.csv)", tasks_csv);
    route("GET", R"(/api/ballots/([^/]+)/roll\.csv)", roll_csv);
}

}  // namespace yishi::server
