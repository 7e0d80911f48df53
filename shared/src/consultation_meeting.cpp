// 请你来协商 from the meeting on: scheduling, participants, the order of business, closing,
// recommendations, sending (报送), publishing (公开), handing over (交办), the department's
// position and the published handling figures.
#include <algorithm>

#include "consultation_rules.hpp"
#include "yishi/consultation.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {
using consult::optional_text;

bool meeting_open(const Consultation& c) {
    return c.stage == ConsultationStage::meeting && c.meeting && !c.meeting->closed;
}

const Participant* participant(const Meeting& m, Id id) {
    if (id <= 0) return nullptr;
    for (const auto& p : m.participants)
        if (p.id == id) return &p;
    return nullptr;
}

const MeetingItem* item(const Meeting& m, Id id) {
    if (id <= 0) return nullptr;
    for (const auto& i : m.items)
        if (i.id == id) return &i;
    return nullptr;
}

bool contains(const std::vector<Id>& ids, Id id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string at(const char* field, std::size_t i) {
    return std::string(field) + "[" + std::to_string(i) + "]";
}

// Checks the kind-specific links of an item: a question names who is asked, an answer the
// unanswered question it answers, and no other kind links anywhere.
Check check_links(const Meeting& m, const ItemDraft& d) {
    if (d.kind == ItemKind::question) {
        const Participant* to = participant(m, d.to_participant_id);
        if (!to || d.to_participant_id == d.speaker_id)
            return make_error("bad_participant", "to_participant_id");
    } else if (d.to_participant_id != 0) {
        return make_error("bad_item", "to_participant_id");
    }
    if (d.kind == ItemKind::answer) {
        const MeetingItem* q = item(m, d.answers_item_id);
        if (!q || q->kind != ItemKind::question) return make_error("bad_item", "answers_item_id");
        for (const auto& i : m.items)
            if (i.kind == ItemKind::answer && i.answers_item_id == q->id)
                return make_error("already_answered", "answers_item_id");
    } else if (d.answers_item_id != 0) {
        return make_error("bad_item", "answers_item_id");
    }
    return std::nullopt;
}

// A source id must name a part of this consultation, each at most once.
Check check_sources(const std::vector<Id>& ids, const char* field,
                    const std::vector<Id>& parts) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] <= 0 || !contains(parts, ids[i])) return make_error("bad_source", at(field, i));
        for (std::size_t j = 0; j < i; ++j)
            if (ids[j] == ids[i]) return make_error("bad_source", at(field, i));
    }
    return std::nullopt;
}

// A recommendation's standing: its least favourable stated position (未采纳 < 部分采纳 < 采纳).
std::optional<Adoption> least_favourable(const Recommendation& r) {
    std::optional<Adoption> worst;
    auto rank = [](Adoption a) {
        return a == Adoption::not_adopted ? 0 : a == Adoption::partly ? 1 : 2;
    };
    for (const auto& t : r.tasks)
        if (t.adoption && (!worst || rank(*t.adoption) < rank(*worst))) worst = t.adoption;
    return worst;
}
}  // namespace

Result<Consultation> schedule_meeting(const CppccActor& a, const Consultation& c,
                                      const MeetingDraft& d) {
    if (auto e = consult::require_recorder(a)) return *e;
    // Until the first item is recorded, the date, place and chair may still be corrected.
    bool correcting = meeting_open(c) && c.meeting->items.empty();
    if (c.stage != ConsultationStage::planned && c.stage != ConsultationStage::researching &&
        !correcting)
        return make_error("wrong_stage");
    if (auto e = consult::check_date(d.held_on, "held_on")) return *e;
    auto place = validate_text(d.place, "place", kConsultationNameMaxChars, TextLines::one);
    if (!place) return place.error();
    auto chair = validate_text(d.chair, "chair", kConsultationNameMaxChars, TextLines::one);
    if (!chair) return chair.error();
    Consultation next = c;
    if (!next.meeting) next.meeting = Meeting{};
    next.meeting->held_on = d.held_on;
    next.meeting->place = place.value();
    next.meeting->chair = chair.value();
    next.stage = ConsultationStage::meeting;
    return next;
}

Result<Consultation> add_participant(const CppccActor& a, const Consultation& c,
                                     const ParticipantDraft& d) {
    if (auto e = consult::require_recorder(a)) return *e;
    if (!meeting_open(c)) return make_error("wrong_stage");
    auto name = validate_text(d.name, "name", kConsultationNameMaxChars, TextLines::one);
    if (!name) return name.error();
    auto title = optional_text(d.title, "title", kConsultationNameMaxChars, TextLines::one);
    if (!title) return title.error();
    auto affiliation =
        optional_text(d.affiliation, "affiliation", kConsultationNameMaxChars, TextLines::one);
    if (!affiliation) return affiliation.error();
    if (d.member_id < 0) return make_error("bad_id", "member_id");
    if (d.member_id != 0)
        for (const auto& p : c.meeting->participants)
            if (p.member_id == d.member_id) return make_error("bad_participant", "member_id");
    Consultation next = c;
    next.meeting->participants.push_back(
        {0, name.value(), title.value(), affiliation.value(), d.kind, d.member_id});
    return next;
}

Result<Consultation> record_item(const CppccActor& a, const Consultation& c, const ItemDraft& d,
                                 std::int64_t now) {
    if (auto e = consult::require_recorder(a)) return *e;
    if (!meeting_open(c)) return make_error("wrong_stage");
    const Meeting& m = *c.meeting;
    if (!participant(m, d.speaker_id)) return make_error("bad_participant", "speaker_id");
    if (auto e = check_links(m, d)) return *e;
    auto summary = validate_text(d.summary, "summary", kSummaryMaxChars);
    if (!summary) return summary.error();
    Consultation next = c;
    next.meeting->items.push_back(
        {0, d.kind, d.speaker_id, summary.value(), d.to_participant_id, d.answers_item_id, now});
    return next;
}

Result<Consultation> close_meeting(const CppccActor& a, const Consultation& c) {
    if (auto e = consult::require_recorder(a)) return *e;
    if (!meeting_open(c)) return make_error("wrong_stage");
    if (c.meeting->items.empty()) return make_error("empty_meeting");
    Consultation next = c;
    next.meeting->closed = true;
    next.stage = ConsultationStage::concluded;
    return next;
}

Result<Consultation> add_recommendation(const CppccActor& a, const Consultation& c,
                                        const RecommendationDraft& d,
                                        const std::vector<Id>& seated_ids) {
    if (auto e = consult::require_recorder(a)) return *e;
    if (c.stage != ConsultationStage::concluded) return make_error("wrong_stage");
    auto text = validate_text(d.text, "text", kSummaryMaxChars);
    if (!text) return text.error();
    if (d.proposer_ids.empty()) return make_error("bad_proposer", "proposer_ids");
    for (std::size_t i = 0; i < d.proposer_ids.size(); ++i) {
        Id id = d.proposer_ids[i];
        bool repeated = std::find(d.proposer_ids.begin(), d.proposer_ids.begin() + i, id) !=
                        d.proposer_ids.begin() + i;
        if (id <= 0 || !contains(seated_ids, id) || repeated)
            return make_error("bad_proposer", at("proposer_ids", i));
    }
    std::vector<Id> items, sections;
    if (c.meeting)
        for (const auto& i : c.meeting->items) items.push_back(i.id);
    for (const auto& s : c.report) sections.push_back(s.id);
    if (auto e = check_sources(d.item_ids, "item_ids", items)) return *e;
    if (auto e = check_sources(d.section_ids, "section_ids", sections)) return *e;
    if (d.item_ids.empty() && d.section_ids.empty()) return make_error("bad_source", "item_ids");
    Consultation next = c;
    next.recommendations.push_back({0, text.value(), d.proposer_ids, d.item_ids, d.section_ids, {}});
    return next;
}

Result<Consultation> send_outcome(const CppccActor& a, const Consultation& c,
                                  const SendingDraft& d) {
    if (auto e = consult::require_recorder(a)) return *e;
    bool first = c.stage == ConsultationStage::concluded;
    if (!first && c.stage != ConsultationStage::sent && c.stage != ConsultationStage::published)
        return make_error("wrong_stage");
    if (c.recommendations.empty()) return make_error("no_recommendations");
    auto recipient =
        validate_text(d.recipient, "recipient", kConsultationNameMaxChars, TextLines::one);
    if (!recipient) return recipient.error();
    if (auto e = consult::check_date(d.sent_on, "sent_on")) return *e;
    auto received_by =
        validate_text(d.received_by, "received_by", kConsultationNameMaxChars, TextLines::one);
    if (!received_by) return received_by.error();
    Consultation next = c;
    next.sendings.push_back({0, recipient.value(), d.sent_on, received_by.value()});
    if (first) next.stage = ConsultationStage::sent;
    return next;
}

Result<Consultation> publish(const CppccActor& a, const Consultation& c) {
    if (auto e = consult::require_leader(a)) return *e;
    if (c.stage != ConsultationStage::sent) return make_error("wrong_stage");
    Consultation next = c;
    next.stage = ConsultationStage::published;
    return next;
}

Result<Task> hand_over(const CppccActor& a, const Consultation& c, Id recommendation_id,
                       const HandOver& h, std::int64_t now) {
    if (auto e = consult::require_leader(a)) return *e;
    if (c.stage != ConsultationStage::sent && c.stage != ConsultationStage::published)
        return make_error("wrong_stage");
    const Recommendation* rec = nullptr;
    for (const auto& r : c.recommendations)
        if (recommendation_id > 0 && r.id == recommendation_id) rec = &r;
    if (!rec) return make_error("not_found", "recommendation_id");
    auto unit = validate_text(h.unit, "unit", kUnitMaxChars, TextLines::one);
    if (!unit) return unit.error();
    if (h.responsible_member_id <= 0) return make_error("bad_id", "responsible_member_id");
    if (h.due_at <= now) return make_error("bad_time", "due_at");
    Task t;
    t.recommendation_id = rec->id;
    t.raters = rec->proposer_ids;
    t.responsible_unit = unit.value();
    t.responsible_member_id = h.responsible_member_id;
    t.due_at = h.due_at;
    t.created_at = now;
    t.state = TaskState::assigned;
    return t;
}

Check may_take_position(const Actor& a, const Task& t) {
    if (!a.member) return make_error("forbidden");
    if (a.member_id != t.responsible_member_id) return make_error("not_responsible");
    if (t.recommendation_id == 0) return make_error("wrong_task_state");
    if (t.state != TaskState::assigned && t.state != TaskState::supervised)
        return make_error("wrong_task_state");
    return std::nullopt;
}

Result<Task> take_position(const Actor& a, const Task& t, const Position& p, std::int64_t now) {
    if (auto e = may_take_position(a, t)) return *e;
    auto reason = validate_text(p.reason, "reason", kSummaryMaxChars);
    if (!reason) return reason.error();
    if (p.due_at <= now) return make_error("bad_time", "due_at");
    Task next = t;
    next.adoption = p.adoption;
    next.position_reason = reason.value();
    next.due_at = p.due_at;
    return next;
}

HandlingFigures handling_figures(const Consultation& c) {
    HandlingFigures f;
    for (const auto& r : c.recommendations) {
        ++f.recommendations;
        auto worst = least_favourable(r);
        if (!worst) ++f.pending;
        else if (*worst == Adoption::adopted) ++f.adopted;
        else if (*worst == Adoption::partly) ++f.partly;
        else ++f.not_adopted;
        for (const auto& t : r.tasks) {
            ++f.tasks;
            if (!t.replies.empty() && t.replies.front().at <= t.due_at) ++f.answered_on_time;
            if (t.state == TaskState::done) ++f.done;
            if (t.state == TaskState::supervised) ++f.supervised;
        }
    }
    return f;
}

}  // namespace yishi
