// 请你来协商 before the meeting: names of the enums, who leads and records, dates, and the acts
// from topic to research (proposal, community recommendation, annual plan, group, visits, report).
#include "yishi/consultation.hpp"

#include <algorithm>

#include "consultation_rules.hpp"
#include "yishi/text.hpp"

namespace yishi {

namespace {

template <class E, std::size_t N>
bool named(std::string_view s, const E (&values)[N], E& out) {
    for (E v : values)
        if (s == to_string(v)) {
            out = v;
            return true;
        }
    return false;
}

bool researching_allowed(const Consultation& c) {
    return c.stage == ConsultationStage::planned || c.stage == ConsultationStage::researching;
}

bool in_research_group(const Consultation& c, Id member_id) {
    return std::any_of(c.research_group.begin(), c.research_group.end(),
                       [&](const ResearchMember& m) { return m.member_id == member_id; });
}

// Recorders keep the research file; so do the members of the research group.
Check may_add_research(const CppccActor& a, const Consultation& c) {
    if (!a.seated) return make_error("not_seated");
    if (!records(a) && !in_research_group(c, a.member_id)) return make_error("not_recorder");
    if (!researching_allowed(c)) return make_error("wrong_stage");
    return std::nullopt;
}
}  // namespace

const char* to_string(CppccPost p) {
    switch (p) {
        case CppccPost::chair: return "chair";
        case CppccPost::vice_chair: return "vice_chair";
        case CppccPost::member: return "member";
        case CppccPost::secretariat: return "secretariat";
    }
    return "member";
}
bool cppcc_post_from_string(std::string_view s, CppccPost& out) { return named(s, kCppccPosts, out); }

const char* to_string(TopicSource s) {
    switch (s) {
        case TopicSource::party_committee: return "party_committee";
        case TopicSource::government: return "government";
        case TopicSource::members: return "members";
        case TopicSource::public_recommendation: return "public_recommendation";
    }
    return "members";
}
bool topic_source_from_string(std::string_view s, TopicSource& out) {
    return named(s, kTopicSources, out);
}

const char* to_string(ConsultationStage s) {
    switch (s) {
        case ConsultationStage::proposed: return "proposed";
        case ConsultationStage::planned: return "planned";
        case ConsultationStage::researching: return "researching";
        case ConsultationStage::meeting: return "meeting";
        case ConsultationStage::concluded: return "concluded";
        case ConsultationStage::sent: return "sent";
        case ConsultationStage::published: return "published";
    }
    return "proposed";
}
bool consultation_stage_from_string(std::string_view s, ConsultationStage& out) {
    return named(s, kConsultationStages, out);
}

const char* to_string(ParticipantKind k) {
    switch (k) {
        case ParticipantKind::member: return "member";
        case ParticipantKind::leader: return "leader";
        case ParticipantKind::department_head: return "department_head";
        case ParticipantKind::expert: return "expert";
        case ParticipantKind::resident: return "resident";
    }
    return "member";
}
bool participant_kind_from_string(std::string_view s, ParticipantKind& out) {
    return named(s, kParticipantKinds, out);
}

const char* to_string(ItemKind k) {
    switch (k) {
        case ItemKind::opening: return "opening";
        case ItemKind::keynote: return "keynote";
        case ItemKind::speech: return "speech";
        case ItemKind::question: return "question";
        case ItemKind::answer: return "answer";
        case ItemKind::concluding: return "concluding";
    }
    return "speech";
}
bool item_kind_from_string(std::string_view s, ItemKind& out) { return named(s, kItemKinds, out); }

bool leads(const CppccActor& a) {
    return a.seated && (a.post == CppccPost::chair || a.post == CppccPost::vice_chair);
}

bool records(const CppccActor& a) { return leads(a) || (a.seated && a.post == CppccPost::secretariat); }

Actor task_actor(const CppccActor& a) {
    Actor t;
    t.member_id = a.member_id;
    t.member = a.seated;
    t.role = !a.seated ? Role::resident : leads(a) ? Role::convenor : Role::cppcc_member;
    t.voting = a.seated;
    return t;
}

bool valid_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    auto number = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    int year = 0, month = 0, day = 0;
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day)) return false;
    if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= last;
}

namespace consult {

Check require_leader(const CppccActor& a) {
    if (!a.seated) return make_error("not_seated");
    if (!leads(a)) return make_error("not_leader");
    return std::nullopt;
}

Check require_recorder(const CppccActor& a) {
    if (!a.seated) return make_error("not_seated");
    if (!records(a)) return make_error("not_recorder");
    return std::nullopt;
}

Result<std::string> optional_text(const std::string& s, const std::string& field,
                                  std::size_t max_chars, TextLines lines) {
    if (!valid_utf8(s)) return make_error("bad_utf8", field);
    if (trim(s).empty()) return std::string{};
    return validate_text(s, field, max_chars, lines);
}

Check check_date(const std::string& s, const std::string& field) {
    if (!valid_date(s)) return make_error("bad_date", field);
    return std::nullopt;
}

}  // namespace consult

using consult::optional_text;

Result<Consultation> propose_topic(const CppccActor& a, Id cppcc_id, const TopicDraft& d,
                                   std::int64_t now) {
    if (!a.seated) return make_error("not_seated");
    if (cppcc_id <= 0) return make_error("bad_id", "cppcc_id");
    auto title = validate_text(d.title, "title", kTitleMaxChars, TextLines::one);
    if (!title) return title.error();
    auto body = optional_text(d.body, "body", kBodyMaxChars, TextLines::many);
    if (!body) return body.error();
    Consultation c;
    c.cppcc_id = cppcc_id;
    c.title = title.value();
    c.body = body.value();
    c.source = d.source;
    c.proposed_by = a.member_id;
    c.created_at = now;
    c.stage = ConsultationStage::proposed;
    return c;
}

Check may_recommend_issue(const Actor& in_council, const Issue& issue) {
    if (!in_council.member) return make_error("forbidden");
    if (!convenes(in_council)) return make_error("not_convenor");
    if (issue.stage == IssueStage::merged || issue.stage == IssueStage::declined)
        return make_error("wrong_stage");
    return std::nullopt;
}

Result<Consultation> recommend_issue(const Actor& in_council, const Issue& issue, Id cppcc_id,
                                     std::int64_t now) {
    if (auto e = may_recommend_issue(in_council, issue)) return *e;
    if (cppcc_id <= 0) return make_error("bad_id", "cppcc_id");
    Consultation c;
    c.cppcc_id = cppcc_id;
    c.title = issue.title;
    c.body = issue.body;
    c.source = TopicSource::public_recommendation;
    c.issue_id = issue.id;
    c.proposed_by = in_council.member_id;
    c.created_at = now;
    c.stage = ConsultationStage::proposed;
    return c;
}

Result<Consultation> plan_topic(const CppccActor& a, const Consultation& c, const PlanDraft& d,
                                bool committee_exists, bool vice_chair_is_seated) {
    if (auto e = consult::require_leader(a)) return *e;
    if (c.stage != ConsultationStage::proposed && c.stage != ConsultationStage::planned)
        return make_error("wrong_stage");
    if (d.year < 2000 || d.year > 2100) return make_error("bad_time", "year");
    if (d.committee_id <= 0 || !committee_exists) return make_error("bad_id", "committee_id");
    if (d.lead_vice_chair_id <= 0 || !vice_chair_is_seated)
        return make_error("bad_id", "lead_vice_chair_id");
    Consultation next = c;
    next.stage = ConsultationStage::planned;
    next.plan_year = d.year;
    next.committee_id = d.committee_id;
    next.lead_vice_chair_id = d.lead_vice_chair_id;
    return next;
}

Result<Consultation> set_research_group(const CppccActor& a, const Consultation& c,
                                        const std::vector<ResearchMember>& group,
                                        const std::vector<Id>& seated_ids) {
    if (auto e = consult::require_recorder(a)) return *e;
    if (!researching_allowed(c)) return make_error("wrong_stage");
    if (group.empty()) return make_error("bad_research_group", "members");
    int lead_count = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
        std::string field = "members[" + std::to_string(i) + "]";
        Id id = group[i].member_id;
        if (id <= 0) return make_error("bad_id", field);
        if (std::find(seated_ids.begin(), seated_ids.end(), id) == seated_ids.end())
            return make_error("bad_research_group", field);
        for (std::size_t j = 0; j < i; ++j)
            if (group[j].member_id == id) return make_error("bad_research_group", field);
        lead_count += group[i].lead ? 1 : 0;
    }
    if (lead_count != 1) return make_error("bad_research_group", "members");
    Consultation next = c;
    next.research_group = group;
    next.stage = ConsultationStage::researching;
    return next;
}

Result<Consultation> add_visit(const CppccActor& a, const Consultation& c, const VisitDraft& d) {
    if (auto e = may_add_research(a, c)) return *e;
    if (auto e = consult::check_date(d.visited_on, "visited_on")) return *e;
    auto place = validate_text(d.place, "place", kConsultationNameMaxChars, TextLines::one);
    if (!place) return place.error();
    auto notes = validate_text(d.notes, "notes", kSummaryMaxChars);
    if (!notes) return notes.error();
    auto attachment = optional_text(d.attachment, "attachment", kSummaryMaxChars, TextLines::many);
    if (!attachment) return attachment.error();
    Consultation next = c;
    next.visits.push_back({0, d.visited_on, place.value(), notes.value(), attachment.value(),
                           a.member_id});
    next.stage = ConsultationStage::researching;
    return next;
}

Result<Consultation> add_section(const CppccActor& a, const Consultation& c,
                                 const std::string& heading, const std::string& body) {
    if (auto e = may_add_research(a, c)) return *e;
    auto h = validate_text(heading, "heading", kTitleMaxChars, TextLines::one);
    if (!h) return h.error();
    auto b = validate_text(body, "body", kSectionMaxChars);
    if (!b) return b.error();
    Consultation next = c;
    next.report.push_back({0, h.value(), b.value()});
    next.stage = ConsultationStage::researching;
    return next;
}

}  // namespace yishi
