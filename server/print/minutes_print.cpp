// A closed session's minutes (会议纪要) composed as a flowing document: the meeting, who came
// and who did not, the quorum, every agenda item with its ballot's count and outcome, and the
// lines the recorder and the chair sign on paper.
#include <string>

#include "flow_document.hpp"
#include "print_support.hpp"
#include "yishi/fraction.hpp"
#include "yishi/server/documents_print.hpp"

namespace yishi::server {
namespace {
using print::BlockKind;
using print::FlowDocument;

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += "、";
        out += p;
    }
    return out;
}

const char* outcome_label(Outcome o) {
    switch (o) {
        case Outcome::passed: return "通过";
        case Outcome::failed: return "未通过";
        case Outcome::no_quorum: return "到会人数不足，表决无效";
        case Outcome::deferred: return "意见分歧较大，暂缓决策";
    }
    return "";
}

// "过半数" / "三分之二以上" style words for a share: 2/3 → "三分之二", 1/2 → "二分之一".
std::string share_words(const Threshold& t) {
    static const char* const digits[] = {"零", "一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", "十"};
    const Fraction f = t.share;
    std::string share;
    if (f.den >= 1 && f.den <= 10 && f.num >= 0 && f.num <= 10)
        share = std::string(digits[f.den]) + "分之" + digits[f.num];
    else
        share = std::to_string(f.num) + "/" + std::to_string(f.den);
    if (t.bound == Bound::more_than) return f.num * 2 == f.den ? "过半数" : "超过" + share;
    return share + "以上";
}

const char* base_words(QuorumBase b) {
    switch (b) {
        case QuorumBase::heads: return "有表决权成员";
        case QuorumBase::households: return "户（每户一名代表）";
        case QuorumBase::area_and_heads: return "业主人数及专有部分面积";
    }
    return "";
}

std::string count_line(const Tally& t) {
    return "出席 " + std::to_string(t.present) + " 人：赞成 " + std::to_string(t.yes) +
           " 票，反对 " + std::to_string(t.no) + " 票，弃权 " + std::to_string(t.abstain) +
           " 票，未投票 " + std::to_string(t.not_voted) + " 人";
}

void quorum_lines(FlowDocument& doc, const QuorumStatus& q) {
    const std::string rule = "应到" + std::string(base_words(q.rule.base)) +
                             share_words(q.rule.share) + "出席";
    std::string line = "应到 " + std::to_string(q.electorate) + " 人，实到 " +
                       std::to_string(q.present) + " 人";
    if (const std::int64_t needed = quorum_needed(q.rule, q.electorate); needed >= 0)
        line += "，法定人数 " + std::to_string(needed) + " 人";
    line += q.met ? "，达到法定人数。" : "，未达到法定人数。";
    doc.add(BlockKind::paragraph, line, "法定人数：");
    doc.add(BlockKind::note, rule, "议事规则：", 1);
}

void item_lines(FlowDocument& doc, const MinutesItem& item, int n) {
    std::string heading = "（" + std::to_string(n) + "）" + item.title;
    if (item.special_matter) heading += "（业主大会特别事项）";
    doc.add(BlockKind::subheading, heading);
    if (!item.tally) {
        doc.add(BlockKind::paragraph, "未表决，议题退回本期议题清单。", "表决结果：", 1);
        return;
    }
    const Tally& t = *item.tally;
    if (item.method.empty()) {
        doc.add(BlockKind::paragraph, count_line(t), "计票：", 1);
    } else {
        doc.add(BlockKind::paragraph, item.method + "，出席 " + std::to_string(t.present) + " 人",
                "表决方式：", 1);
        if (!item.winners.empty()) doc.add(BlockKind::paragraph, joined(item.winners), "当选：", 1);
    }
    doc.add(BlockKind::paragraph, outcome_label(t.outcome), "表决结果：", 1);
}

}  // namespace

std::int64_t quorum_needed(const QuorumRule& rule, std::int64_t electorate) {
    if (rule.base != QuorumBase::heads) return -1;
    for (std::int64_t n = 0; n <= electorate; ++n)
        if (meets(rule.share, n, electorate)) return n;
    return -1;
}

std::string minutes_pdf(const MinutesPaper& m) {
    FlowDocument doc;
    doc.title = m.council + "会议纪要";
    doc.add(BlockKind::title, "会议纪要");
    std::string where = m.street.empty() ? m.community : m.street + " " + m.community;
    doc.add(BlockKind::subtitle, where + " · " + m.council);

    doc.add(BlockKind::paragraph, m.council, "议事组织：");
    doc.add(BlockKind::paragraph,
            m.kind == SessionKind::regular ? "季度例会" : "临时会议（经成员提议召开）", "会议类型：");
    doc.add(BlockKind::paragraph,
            print::china_date_time(m.opened_at ? m.opened_at : m.starts_at) + " 至 " +
                print::china_date_time(m.closed_at),
            "时间：");
    doc.add(BlockKind::paragraph, m.community + "　＿＿＿＿＿＿＿＿＿＿", "地点：");
    doc.add(BlockKind::paragraph, m.convenors.empty() ? "＿＿＿＿＿＿" : joined(m.convenors),
            "召集人：");

    doc.add(BlockKind::heading, "一、出席情况");
    doc.add(BlockKind::paragraph,
            m.attendees.empty() ? "无" : joined(m.attendees) + "（共 " +
                                              std::to_string(m.attendees.size()) + " 人）",
            "出席人员：");
    doc.add(BlockKind::paragraph,
            m.absentees.empty() ? "无" : joined(m.absentees) + "（共 " +
                                             std::to_string(m.absentees.size()) + " 人）",
            "缺席人员：");
    quorum_lines(doc, m.quorum);

    doc.add(BlockKind::heading, "二、议程及表决");
    if (m.items.empty()) doc.add(BlockKind::note, "本次会议无议程事项。");
    int n = 0;
    for (const MinutesItem& item : m.items) item_lines(doc, item, ++n);

    doc.add(BlockKind::heading, "三、签字");
    doc.add(BlockKind::paragraph, "＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿＿＿", "记录人：");
    doc.add(BlockKind::paragraph, "＿＿＿＿＿＿＿＿　　　日期：＿＿＿＿＿＿", "主持人：");
    doc.add(BlockKind::note, "本纪要由议事平台根据会议签到与表决记录生成。");
    return print::flow_document_pdf(doc);
}

}  // namespace yishi::server
