// The consultation's two papers composed as flowing documents: what each part says, in Chinese,
// in the order a CPPCC office files them.
#include "yishi/server/consultation_print.hpp"

#include <cstdio>
#include <map>
#include <optional>

#include "flow_document.hpp"

namespace yishi::server {
namespace {
using print::BlockKind;
using print::FlowDocument;

const char* source_label(TopicSource s) {
    switch (s) {
        case TopicSource::party_committee: return "党委点题";
        case TopicSource::government: return "政府出题";
        case TopicSource::members: return "委员提题";
        case TopicSource::public_recommendation: return "群众荐题";
    }
    return "";
}

const char* stage_label(ConsultationStage s) {
    switch (s) {
        case ConsultationStage::proposed: return "已提出";
        case ConsultationStage::planned: return "已列入年度协商计划";
        case ConsultationStage::researching: return "调研中";
        case ConsultationStage::meeting: return "协商会进行中";
        case ConsultationStage::concluded: return "协商会已结束";
        case ConsultationStage::sent: return "成果已报送";
        case ConsultationStage::published: return "已公开";
    }
    return "";
}

const char* kind_label(ParticipantKind k) {
    switch (k) {
        case ParticipantKind::member: return "政协委员";
        case ParticipantKind::leader: return "党政领导";
        case ParticipantKind::department_head: return "部门负责人";
        case ParticipantKind::expert: return "专家";
        case ParticipantKind::resident: return "群众代表";
    }
    return "";
}

const char* item_label(ItemKind k) {
    switch (k) {
        case ItemKind::opening: return "开场讲话";
        case ItemKind::keynote: return "专题发言";
        case ItemKind::speech: return "发言";
        case ItemKind::question: return "提问";
        case ItemKind::answer: return "答复";
        case ItemKind::concluding: return "总结讲话";
    }
    return "";
}

const char* adoption_label(const std::optional<Adoption>& a) {
    if (!a) return "尚未表态";
    switch (*a) {
        case Adoption::adopted: return "采纳";
        case Adoption::partly: return "部分采纳";
        case Adoption::not_adopted: return "未采纳";
    }
    return "";
}

const char* state_label(TaskState s) {
    switch (s) {
        case TaskState::assigned: return "办理中";
        case TaskState::answered: return "已答复，待评价";
        case TaskState::supervised: return "督办中";
        case TaskState::done: return "已办结";
    }
    return "";
}

// 一、二、… for the parts of a document.
std::string part_number(int n) {
    static const char* const digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (n >= 1 && n <= 10) return std::string(digits[n]) + "、";
    return std::to_string(n) + "、";
}

// A Unix time as its calendar day in China Standard Time (UTC+8), YYYY-MM-DD.
std::string day_of(std::int64_t unix_seconds) {
    std::int64_t days = (unix_seconds + 8 * 3600) / 86400;
    if (unix_seconds + 8 * 3600 < 0 && (unix_seconds + 8 * 3600) % 86400 != 0) --days;
    // Howard Hinnant's civil_from_days.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                  static_cast<long long>(m), static_cast<long long>(d));
    return buf;
}

std::string person(const ConsultationView& v, Id member_id) {
    for (const NamedId& p : v.people)
        if (p.id == member_id) return p.name;
    return member_id ? "委员 " + std::to_string(member_id) : "";
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

// The meeting's people and items by id.
struct MeetingIndex {
    std::map<Id, const Participant*> participants;
    std::map<Id, const MeetingItem*> items;

    explicit MeetingIndex(const Consultation& c) {
        if (!c.meeting) return;
        for (const Participant& p : c.meeting->participants) participants[p.id] = &p;
        for (const MeetingItem& i : c.meeting->items) items[i.id] = &i;
    }
    std::string name(Id participant_id) const {
        auto it = participants.find(participant_id);
        return it == participants.end() ? "" : it->second->name;
    }
    // "张三（县民政局 局长）"
    std::string speaker(Id participant_id) const {
        auto it = participants.find(participant_id);
        if (it == participants.end()) return "";
        const Participant& p = *it->second;
        std::string about = p.affiliation;
        if (!p.title.empty()) about += (about.empty() ? "" : " ") + p.title;
        return about.empty() ? p.name : p.name + "（" + about + "）";
    }
};

void topic_lines(FlowDocument& doc, const ConsultationView& v) {
    const Consultation& c = v.consultation;
    doc.add(BlockKind::paragraph, c.title, "议题：");
    doc.add(BlockKind::paragraph, source_label(c.source), "来源：");
    if (c.issue_id != 0)
        doc.add(BlockKind::paragraph, v.issue_title.empty() ? "社区议题 " + std::to_string(c.issue_id)
                                                            : v.issue_title,
                "社区推荐议题：");
}

// An item as "（3）专题发言　张三（…）" and its summary below; `number` empty for an answer.
void item_entry(FlowDocument& doc, const MeetingIndex& index, const MeetingItem& item,
                const std::string& number, int indent) {
    std::string lead = number + item_label(item.kind) + "　" + index.speaker(item.speaker_id);
    if (item.kind == ItemKind::question && item.to_participant_id != 0)
        lead += " 问 " + index.speaker(item.to_participant_id);
    doc.add(BlockKind::subheading, lead, "", indent);
    doc.add(BlockKind::paragraph, item.summary, "", indent);
}

}  // namespace

std::string consultation_record_pdf(const ConsultationView& v) {
    const Consultation& c = v.consultation;
    FlowDocument doc;
    doc.title = v.cppcc_name + "专题协商会会议纪要";
    doc.add(BlockKind::title, "专题协商会会议纪要");
    doc.add(BlockKind::subtitle, v.cppcc_name + " · " + c.title);
    topic_lines(doc, v);
    if (!c.meeting) {
        doc.add(BlockKind::note, "协商会尚未安排（当前阶段：" + std::string(stage_label(c.stage)) + "）。");
        return print::flow_document_pdf(doc);
    }
    const Meeting& m = *c.meeting;
    const MeetingIndex index(c);
    doc.add(BlockKind::paragraph, m.held_on, "时间：");
    doc.add(BlockKind::paragraph, m.place, "地点：");
    doc.add(BlockKind::paragraph, m.chair, "主持：");

    int part = 0;
    doc.add(BlockKind::heading, part_number(++part) + "参加人员");
    if (m.participants.empty()) doc.add(BlockKind::note, "未登记参加人员。");
    for (const Participant& p : m.participants) {
        std::vector<std::string> about;
        if (!p.title.empty()) about.push_back(p.title);
        if (!p.affiliation.empty()) about.push_back(p.affiliation);
        about.push_back(kind_label(p.kind));
        doc.add(BlockKind::paragraph, joined(about, "，"), p.name + "：");
    }

    doc.add(BlockKind::heading, part_number(++part) + "会议议程及发言");
    // An answer is printed under the question it answers, wherever it was recorded.
    std::map<Id, std::vector<const MeetingItem*>> answers;
    for (const MeetingItem& i : m.items)
        if (i.kind == ItemKind::answer && index.items.count(i.answers_item_id))
            answers[i.answers_item_id].push_back(&i);
    if (m.items.empty()) doc.add(BlockKind::note, "尚无记录。");
    int n = 0;
    for (const MeetingItem& i : m.items) {
        if (i.kind == ItemKind::answer && index.items.count(i.answers_item_id)) continue;
        item_entry(doc, index, i, "（" + std::to_string(++n) + "）", 0);
        if (i.kind == ItemKind::question) {
            auto it = answers.find(i.id);
            if (it == answers.end()) {
                doc.add(BlockKind::note, "（尚未答复）", "", 1);
            } else {
                for (const MeetingItem* a : it->second) item_entry(doc, index, *a, "", 1);
            }
        }
    }
    doc.add(BlockKind::note, m.closed ? "会议已结束。" : "会议记录中，本纪要为当前记录。");
    return print::flow_document_pdf(doc);
}

std::string outcome_report_pdf(const ConsultationView& v) {
    const Consultation& c = v.consultation;
    const MeetingIndex index(c);
    FlowDocument doc;
    doc.title = v.cppcc_name + "协商成果报告";
    doc.add(BlockKind::title, "协商成果报告");
    doc.add(BlockKind::subtitle, v.cppcc_name + " · " + c.title);
    int part = 0;

    doc.add(BlockKind::heading, part_number(++part) + "协商议题");
    topic_lines(doc, v);
    doc.add(BlockKind::paragraph, stage_label(c.stage), "阶段：");
    if (!c.body.empty()) doc.add(BlockKind::paragraph, c.body);

    doc.add(BlockKind::heading, part_number(++part) + "年度协商计划");
    if (c.plan_year == 0) {
        doc.add(BlockKind::note, "尚未列入年度协商计划。");
    } else {
        doc.add(BlockKind::paragraph, std::to_string(c.plan_year) + " 年", "计划年度：");
        doc.add(BlockKind::paragraph, v.committee_name, "牵头专委会：");
        doc.add(BlockKind::paragraph, person(v, c.lead_vice_chair_id), "牵头副主席：");
    }

    doc.add(BlockKind::heading, part_number(++part) + "调研情况");
    if (!c.research_group.empty()) {
        std::vector<std::string> names;
        for (const ResearchMember& r : c.research_group) {
            std::string name = r.name.empty() ? person(v, r.member_id) : r.name;
            names.push_back(r.lead ? name + "（组长）" : name);
        }
        doc.add(BlockKind::paragraph, joined(names, "、"), "调研组：");
    }
    if (c.visits.empty()) doc.add(BlockKind::note, "尚无实地调研记录。");
    for (const FieldVisit& f : c.visits) {
        doc.add(BlockKind::subheading, f.visited_on + "　" + f.place);
        if (!f.notes.empty()) doc.add(BlockKind::paragraph, f.notes, "", 1);
        if (!f.attachment.empty()) doc.add(BlockKind::note, f.attachment, "附：", 1);
    }
    if (!c.report.empty()) {
        doc.add(BlockKind::subheading, "调研报告");
        int s = 0;
        for (const ReportSection& r : c.report)
            doc.add(BlockKind::paragraph, r.heading, std::to_string(++s) + ". ", 1);
    }

    doc.add(BlockKind::heading, part_number(++part) + "协商建议");
    if (v.recommendations.empty()) doc.add(BlockKind::note, "尚未形成建议。");
    std::map<Id, std::string> section_headings;
    for (const ReportSection& r : c.report) section_headings[r.id] = r.heading;
    int n = 0;
    for (const RecommendationView& r : v.recommendations) {
        doc.add(BlockKind::subheading, "建议 " + std::to_string(++n));
        doc.add(BlockKind::paragraph, r.text);
        std::vector<std::string> proposers;
        for (Id p : r.proposer_ids) proposers.push_back(person(v, p));
        if (!proposers.empty()) doc.add(BlockKind::note, joined(proposers, "、"), "提出委员：", 1);
        for (Id i : r.item_ids) {
            auto it = index.items.find(i);
            if (it == index.items.end()) continue;
            doc.add(BlockKind::note, it->second->summary,
                    std::string("依据") + item_label(it->second->kind) + "（" +
                        index.name(it->second->speaker_id) + "）：",
                    1);
        }
        for (Id s : r.section_ids)
            if (auto it = section_headings.find(s); it != section_headings.end())
                doc.add(BlockKind::note, it->second, "依据调研报告：", 1);
    }

    doc.add(BlockKind::heading, part_number(++part) + "成果报送");
    if (c.sendings.empty()) doc.add(BlockKind::note, "尚未报送。");
    for (const Sending& s : c.sendings)
        doc.add(BlockKind::paragraph, s.sent_on + " 报送" + s.recipient + "，签收：" + s.received_by);

    doc.add(BlockKind::heading, part_number(++part) + "办理情况");
    n = 0;
    bool any_task = false;
    for (const RecommendationView& r : v.recommendations) {
        ++n;
        for (const TaskView& t : r.tasks) {
            any_task = true;
            doc.add(BlockKind::subheading,
                    "建议 " + std::to_string(n) + "　" + t.responsible_unit + "　" +
                        adoption_label(t.adoption));
            if (!t.position_reason.empty())
                doc.add(BlockKind::paragraph, t.position_reason, "理由：", 1);
            doc.add(BlockKind::note,
                    std::string(state_label(t.state)) + "，交办于 " + day_of(t.created_at) +
                        "，办理期限 " + day_of(t.due_at),
                    "办理状态：", 1);
            for (const Progress& p : t.progress)
                doc.add(BlockKind::paragraph, p.text, day_of(p.at) + " 进展：", 1);
            for (const ReplyView& reply : t.replies) {
                doc.add(BlockKind::paragraph, reply.text, day_of(reply.at) + " 答复：", 1);
                const RatingCounts& k = reply.ratings;
                if (k.satisfied + k.basically_satisfied + k.unsatisfied > 0)
                    doc.add(BlockKind::note,
                            "满意 " + std::to_string(k.satisfied) + "，基本满意 " +
                                std::to_string(k.basically_satisfied) + "，不满意 " +
                                std::to_string(k.unsatisfied),
                            "委员评价：", 2);
            }
        }
    }
    if (!any_task) doc.add(BlockKind::note, "尚未交办。");

    doc.add(BlockKind::heading, part_number(++part) + "公开数据");
    const HandlingFigures& f = v.figures;
    doc.add(BlockKind::paragraph,
            "建议 " + std::to_string(f.recommendations) + " 条：采纳 " + std::to_string(f.adopted) +
                " 条，部分采纳 " + std::to_string(f.partly) + " 条，未采纳 " +
                std::to_string(f.not_adopted) + " 条，待表态 " + std::to_string(f.pending) + " 条。");
    doc.add(BlockKind::paragraph,
            "交办 " + std::to_string(f.tasks) + " 件：按期答复 " +
                std::to_string(f.answered_on_time) + " 件，办结 " + std::to_string(f.done) +
                " 件，督办 " + std::to_string(f.supervised) + " 件。");
    return print::flow_document_pdf(doc);
}

}  // namespace yishi::server
