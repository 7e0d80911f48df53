// JSON forms of the monthly needs report (see messages_report.hpp).
#include "yishi/messages_report.hpp"

#include "messages_read.hpp"

namespace yishi {

using wire::Fields;

namespace {

Month month_from(const Fields& f, const char* name) {
    auto m = parse_month(f.text(name));
    if (!m) wire::refuse("wrong_type", f.path(name));
    return m.value();
}

MonthlyFigures figures_from(const Fields& f) {
    MonthlyFigures m;
    m.raised = f.integer("raised");
    m.accepted = f.integer("accepted");
    m.answered = f.integer("answered");
    m.accept_median_s = f.integer("accept_median_s");
    m.accept_p90_s = f.integer("accept_p90_s");
    m.reply_median_s = f.integer("reply_median_s");
    m.reply_p90_s = f.integer("reply_p90_s");
    m.answered_on_time = f.integer("answered_on_time");
    m.answered_on_time_permille = f.integer("answered_on_time_permille");
    m.ratings = f.integer("ratings");
    m.satisfied = f.integer("satisfied");
    m.satisfied_permille = f.integer("satisfied_permille");
    return m;
}

}  // namespace

Json to_json(const MonthlyFigures& f) {
    return Json{{"raised", f.raised},
                {"accepted", f.accepted},
                {"answered", f.answered},
                {"accept_median_s", f.accept_median_s},
                {"accept_p90_s", f.accept_p90_s},
                {"reply_median_s", f.reply_median_s},
                {"reply_p90_s", f.reply_p90_s},
                {"answered_on_time", f.answered_on_time},
                {"answered_on_time_permille", f.answered_on_time_permille},
                {"ratings", f.ratings},
                {"satisfied", f.satisfied},
                {"satisfied_permille", f.satisfied_permille}};
}

Json to_json(const MonthlyReport& r) {
    Json cats = Json::array();
    for (const auto& c : r.by_category)
        cats.push_back({{"name", c.name}, {"count", c.count}, {"previous", c.previous}});
    Json grids = Json::array();
    for (const auto& g : r.by_grid)
        grids.push_back({{"id", g.id}, {"name", g.name}, {"count", g.count}, {"previous", g.previous}});
    Json trend = Json::array();
    for (const auto& p : r.trend)
        trend.push_back({{"month", format_month(p.month)},
                         {"raised", p.raised},
                         {"answered_on_time_permille", p.answered_on_time_permille},
                         {"satisfied_permille", p.satisfied_permille}});
    return Json{{"scope", {{"kind", r.scope.kind}, {"id", r.scope.id}, {"name", r.scope.name}}},
                {"month", format_month(r.month)},
                {"figures", to_json(r.figures)},
                {"previous", to_json(r.previous)},
                {"by_category", cats},
                {"by_grid", grids},
                {"trend", trend}};
}

std::string encode(const MonthlyReport& r) { return to_json(r).dump(); }

Result<MonthlyReport> decode_monthly_report(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        MonthlyReport r;
        Fields scope = f.object("scope");
        r.scope = {scope.text("kind"), scope.integer("id"), scope.text("name")};
        r.month = month_from(f, "month");
        r.figures = figures_from(f.object("figures"));
        r.previous = figures_from(f.object("previous"));
        for (std::size_t i = 0; i < f.array("by_category").size(); ++i) {
            Fields c = f.element("by_category", i);
            r.by_category.push_back({c.text("name"), c.integer("count"), c.integer("previous")});
        }
        for (std::size_t i = 0; i < f.array("by_grid").size(); ++i) {
            Fields g = f.element("by_grid", i);
            r.by_grid.push_back({g.integer("id"), g.text("name"), g.integer("count"), g.integer("previous")});
        }
        for (std::size_t i = 0; i < f.array("trend").size(); ++i) {
            Fields p = f.element("trend", i);
            r.trend.push_back({month_from(p, "month"), p.integer("raised"),
                               p.integer("answered_on_time_permille"), p.integer("satisfied_permille")});
        }
        return r;
    });
}

}  // namespace yishi
