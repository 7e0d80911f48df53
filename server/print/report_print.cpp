// The monthly needs report (群众需求月报) as a printed document: the month's figures beside the
// previous month's, the counts by category and by grid, and the 12 months' trend as a table and
// as bars of the issues raised.
#include "flow_document.hpp"
#include "print_support.hpp"
#include "yishi/server/documents_print.hpp"

namespace yishi::server {
namespace {
using print::BlockKind;
using print::FlowDocument;

std::string month_words(Month m) {
    return std::to_string(m.year) + "年" + std::to_string(m.month) + "月";
}

// A permille as a percentage with one decimal ("85.3%"), "—" when there is nothing to share.
std::string percent(std::int64_t permille) {
    if (permille < 0) return "—";
    return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + "%";
}

// Whole seconds as days, hours and minutes ("2天3小时5分"), "—" when there are none.
std::string duration(std::int64_t seconds) {
    if (seconds < 0) return "—";
    const std::int64_t days = seconds / 86400;
    const std::int64_t hours = seconds % 86400 / 3600;
    const std::int64_t minutes = seconds % 3600 / 60;
    std::string out;
    if (days > 0) out += std::to_string(days) + "天";
    if (hours > 0) out += std::to_string(hours) + "小时";
    if (minutes > 0 || out.empty()) out += std::to_string(minutes) + "分";
    return out;
}

std::string count_of(std::int64_t part, std::int64_t permille) {
    return std::to_string(part) + "（" + percent(permille) + "）";
}

void figures_table(FlowDocument& doc, const MonthlyReport& r) {
    const MonthlyFigures& f = r.figures;
    const MonthlyFigures& p = r.previous;
    auto row = [](const char* name, std::string now, std::string before) {
        return std::vector<std::string>{name, std::move(now), std::move(before)};
    };
    auto n = [](std::int64_t v) { return std::to_string(v); };
    doc.add_table(
        {
            {"指标", month_words(r.month), month_words(previous_month(r.month))},
            row("提出议题（件）", n(f.raised), n(p.raised)),
            row("已受理（件）", n(f.accepted), n(p.accepted)),
            row("已答复（件）", n(f.answered), n(p.answered)),
            row("受理用时中位数", duration(f.accept_median_s), duration(p.accept_median_s)),
            row("受理用时第90百分位", duration(f.accept_p90_s), duration(p.accept_p90_s)),
            row("答复用时中位数", duration(f.reply_median_s), duration(p.reply_median_s)),
            row("答复用时第90百分位", duration(f.reply_p90_s), duration(p.reply_p90_s)),
            row("按期答复（件，占提出）", count_of(f.answered_on_time, f.answered_on_time_permille),
                count_of(p.answered_on_time, p.answered_on_time_permille)),
            row("评价（次）", n(f.ratings), n(p.ratings)),
            row("满意及基本满意（次，占评价）", count_of(f.satisfied, f.satisfied_permille),
                count_of(p.satisfied, p.satisfied_permille)),
        },
        {5, 3, 3});
}

}  // namespace

std::string monthly_report_pdf(const MonthlyReport& r) {
    FlowDocument doc;
    const std::string month = month_words(r.month);
    doc.title = r.scope.name + month + "群众需求月报";
    doc.add(BlockKind::title, "群众需求月报");
    doc.add(BlockKind::subtitle,
            r.scope.name + "（" + (r.scope.kind == "street" ? "街道" : "社区") + "） · " + month);

    doc.add(BlockKind::heading, "一、主要指标");
    figures_table(doc, r);
    doc.add(BlockKind::note,
            "统计本月提出的议题（含已合并的）；按期答复指提出后 " +
                std::to_string(kIssueReplyDueDays) +
                " 天内首次答复；满意度为本月对答复的评价。用时按最近秩法计算中位数与第90百分位。");

    doc.add(BlockKind::heading, "二、按类别");
    std::vector<std::vector<std::string>> categories = {{"类别", "本月（件）", "上月（件）"}};
    for (const CategoryCount& c : r.by_category)
        categories.push_back({c.name, std::to_string(c.count), std::to_string(c.previous)});
    if (r.by_category.empty()) doc.add(BlockKind::note, "本月及上月均无议题。");
    else doc.add_table(std::move(categories), {5, 3, 3});

    doc.add(BlockKind::heading, "三、按网格");
    std::vector<std::vector<std::string>> grids = {{"网格", "本月（件）", "上月（件）"}};
    for (const GridCount& g : r.by_grid)
        grids.push_back({g.name, std::to_string(g.count), std::to_string(g.previous)});
    if (r.by_grid.empty()) doc.add(BlockKind::note, "本月及上月均无议题。");
    else doc.add_table(std::move(grids), {5, 3, 3});

    doc.add(BlockKind::heading, "四、近12个月趋势");
    std::vector<std::vector<std::string>> trend = {{"月份", "提出（件）", "按期答复率", "满意率"}};
    std::vector<std::pair<std::string, std::int64_t>> bars;
    for (const TrendPoint& t : r.trend) {
        trend.push_back({format_month(t.month), std::to_string(t.raised),
                         percent(t.answered_on_time_permille), percent(t.satisfied_permille)});
        bars.push_back({format_month(t.month), t.raised});
    }
    doc.add_table(std::move(trend), {3, 3, 3, 3});
    doc.add(BlockKind::subheading, "各月提出议题数（件）");
    doc.add_bars(std::move(bars));
    return print::flow_document_pdf(doc);
}

}  // namespace yishi::server
