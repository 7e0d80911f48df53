// 请你来协商 "please come to consult": a CPPCC committee (政协) consults on a topic (协商议题)
// from its source to the handling of its recommendations. The spine: topic → annual plan
// (年度协商计划) → research (调研) → the meeting (专题协商会) → outcome (协商成果) sent (报送)
// to the party committee and the government → handling (办理) by departments through the task
// machinery of task.hpp → published (公开). Rules only: the store loads and keeps the
// Consultation, the server asks these functions first.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/errors.hpp"
#include "yishi/model.hpp"
#include "yishi/roles.hpp"
#include "yishi/task.hpp"

namespace yishi {

// A seat in the CPPCC committee: chair (主席), vice-chair (副主席), member (委员), secretariat
// (秘书处: records the meeting and keeps the file).
enum class CppccPost { chair, vice_chair, member, secretariat };
const char* to_string(CppccPost p);
bool cppcc_post_from_string(std::string_view s, CppccPost& out);
inline constexpr CppccPost kCppccPosts[] = {CppccPost::chair, CppccPost::vice_chair,
                                            CppccPost::member, CppccPost::secretariat};

// The acting person as the committee sees them. Departments are not seated: they act on the
// tasks handed to them, as in a council.
struct CppccActor {
    Id member_id = 0;
    bool seated = false;  // holds a post in this committee
    CppccPost post = CppccPost::member;
};
// Chair and vice-chairs lead: they plan, convene, hand recommendations over, conclude ratings.
bool leads(const CppccActor& a);
// The leaders and the secretariat keep the record: research notes, the meeting, the outcome.
bool records(const CppccActor& a);
// The same person as the task rules see them (a leader convenes).
Actor task_actor(const CppccActor& a);

// 党委点题 / 政府出题 / 委员提题 / 群众荐题.
enum class TopicSource { party_committee, government, members, public_recommendation };
const char* to_string(TopicSource s);
bool topic_source_from_string(std::string_view s, TopicSource& out);
inline constexpr TopicSource kTopicSources[] = {TopicSource::party_committee, TopicSource::government,
                                               TopicSource::members,
                                               TopicSource::public_recommendation};

// proposed → planned (in the year's plan) → researching → meeting (held, being recorded) →
// concluded (the meeting closed; recommendations drafted) → sent (报送) → published (公开).
enum class ConsultationStage { proposed, planned, researching, meeting, concluded, sent, published };
const char* to_string(ConsultationStage s);
bool consultation_stage_from_string(std::string_view s, ConsultationStage& out);
inline constexpr ConsultationStage kConsultationStages[] = {
    ConsultationStage::proposed, ConsultationStage::planned,   ConsultationStage::researching,
    ConsultationStage::meeting,  ConsultationStage::concluded, ConsultationStage::sent,
    ConsultationStage::published};

// 委员 / 党政领导 / 部门负责人 / 专家 / 群众代表.
enum class ParticipantKind { member, leader, department_head, expert, resident };
const char* to_string(ParticipantKind k);
bool participant_kind_from_string(std::string_view s, ParticipantKind& out);
inline constexpr ParticipantKind kParticipantKinds[] = {
    ParticipantKind::member, ParticipantKind::leader, ParticipantKind::department_head,
    ParticipantKind::expert, ParticipantKind::resident};

// The order of business: opening remarks, the keynote (专题发言), speeches in turn
// (委员部门互动), a question put to a department and its answer, concluding remarks.
enum class ItemKind { opening, keynote, speech, question, answer, concluding };
const char* to_string(ItemKind k);
bool item_kind_from_string(std::string_view s, ItemKind& out);
inline constexpr ItemKind kItemKinds[] = {ItemKind::opening,  ItemKind::keynote, ItemKind::speech,
                                          ItemKind::question, ItemKind::answer,  ItemKind::concluding};

constexpr std::size_t kConsultationNameMaxChars = 60;  // names, titles, affiliations, places
constexpr std::size_t kSummaryMaxChars = 2000;          // a speech's summary, a visit's notes
constexpr std::size_t kSectionMaxChars = 5000;          // one section of the research report

struct ResearchMember {
    Id member_id = 0;
    std::string name;
    bool lead = false;
};
// 实地调研: a field visit; the attachment is text (a list of what was collected).
struct FieldVisit {
    Id id = 0;
    std::string visited_on;  // YYYY-MM-DD
    std::string place;
    std::string notes;
    std::string attachment;
    Id by = 0;
};
// One section of the research report (调研报告), in order.
struct ReportSection {
    Id id = 0;
    std::string heading;
    std::string body;
};
struct Participant {
    Id id = 0;
    std::string name;
    std::string title;        // 职务, e.g. 民政局局长
    std::string affiliation;  // 单位, e.g. 县民政局
    ParticipantKind kind = ParticipantKind::member;
    Id member_id = 0;  // the account, when the participant has one
};
// One entry in the meeting's order of business.
struct MeetingItem {
    Id id = 0;
    ItemKind kind = ItemKind::speech;
    Id speaker_id = 0;       // a participant
    std::string summary;
    Id to_participant_id = 0;  // a question: the department asked
    Id answers_item_id = 0;    // an answer: the question it answers
    std::int64_t at = 0;
};
struct Meeting {
    std::string held_on;  // YYYY-MM-DD
    std::string place;
    std::string chair;    // the name of who chairs
    std::vector<Participant> participants;
    std::vector<MeetingItem> items;  // in the order recorded
    bool closed = false;
};
// 建议: traced to the speeches and report sections that support it; handed to departments.
struct Recommendation {
    Id id = 0;
    std::string text;
    std::vector<Id> proposer_ids;   // CPPCC members who proposed it: they rate its handling
    std::vector<Id> item_ids;       // supporting meeting items
    std::vector<Id> section_ids;    // supporting report sections
    std::vector<Task> tasks;        // one per department it was handed to
};
// 报送: to whom the outcome report went, when, and who received it.
struct Sending {
    Id id = 0;
    std::string recipient;    // e.g. 县委
    std::string sent_on;      // YYYY-MM-DD
    std::string received_by;  // e.g. 县委办公室 张某
};

struct Consultation {
    Id id = 0;
    Id cppcc_id = 0;
    std::string title;
    std::string body;
    TopicSource source = TopicSource::members;
    Id proposed_by = 0;
    Id issue_id = 0;  // the community issue recommended as this topic (群众荐题), 0 if none
    std::int64_t created_at = 0;
    ConsultationStage stage = ConsultationStage::proposed;
    // The annual plan: set when the topic is planned.
    int plan_year = 0;
    Id committee_id = 0;        // 专委会 that leads it
    Id lead_vice_chair_id = 0;  // the vice-chair who leads it
    std::vector<ResearchMember> research_group;
    std::vector<FieldVisit> visits;
    std::vector<ReportSection> report;
    std::optional<Meeting> meeting;
    std::vector<Recommendation> recommendations;
    std::vector<Sending> sendings;
};

// --- Requests, validated by the rules below ---
struct TopicDraft {
    std::string title;  // 1–100 characters, one line
    std::string body;   // 0–5000
    TopicSource source = TopicSource::members;
};
struct PlanDraft {
    int year = 0;  // 2000–2100
    Id committee_id = 0;
    Id lead_vice_chair_id = 0;
};
struct VisitDraft {
    std::string visited_on;
    std::string place;
    std::string notes;
    std::string attachment;
};
struct MeetingDraft {
    std::string held_on;
    std::string place;
    std::string chair;
};
struct ParticipantDraft {
    std::string name;
    std::string title;
    std::string affiliation;
    ParticipantKind kind = ParticipantKind::member;
    Id member_id = 0;
};
struct ItemDraft {
    ItemKind kind = ItemKind::speech;
    Id speaker_id = 0;
    std::string summary;
    Id to_participant_id = 0;
    Id answers_item_id = 0;
};
struct RecommendationDraft {
    std::string text;
    std::vector<Id> proposer_ids;
    std::vector<Id> item_ids;
    std::vector<Id> section_ids;
};
struct SendingDraft {
    std::string recipient;
    std::string sent_on;
    std::string received_by;
};
// 交办: one department (its name and the staff member who answers for it) and a first due date.
struct HandOver {
    std::string unit;
    Id responsible_member_id = 0;
    std::int64_t due_at = 0;
};
// The department's position on a recommendation, before its progress and formal reply.
struct Position {
    Adoption adoption = Adoption::adopted;
    std::string reason;  // required, 1–2000
    std::int64_t due_at = 0;  // when it will be done; in the future
};

// A date as the forms take it: YYYY-MM-DD, a real calendar day between 2000 and 2100.
bool valid_date(std::string_view s);

// Each act: the check, then the act returning the consultation as it becomes (ids of new parts
// are 0; the store gives them). Every text is validated (one line for names, control and bidi
// characters refused), ids must name parts of this consultation, and the stage must allow it.
// Any seated member proposes; a leader plans.
Result<Consultation> propose_topic(const CppccActor& a, Id cppcc_id, const TopicDraft& d,
                                   std::int64_t now);
// A council's convenor recommends one of its issues (群众荐题): anyone convening that council.
Check may_recommend_issue(const Actor& in_council, const Issue& issue);
Result<Consultation> recommend_issue(const Actor& in_council, const Issue& issue, Id cppcc_id,
                                     std::int64_t now);
// `vice_chair_is_seated`: the store looked the vice-chair up in this committee.
Result<Consultation> plan_topic(const CppccActor& a, const Consultation& c, const PlanDraft& d,
                                bool committee_exists, bool vice_chair_is_seated);
// The research group: seated members, exactly one lead; from planned on, before the meeting.
Result<Consultation> set_research_group(const CppccActor& a, const Consultation& c,
                                        const std::vector<ResearchMember>& group,
                                        const std::vector<Id>& seated_ids);
// Members of the research group and recorders add visits and report sections.
Result<Consultation> add_visit(const CppccActor& a, const Consultation& c, const VisitDraft& d);
Result<Consultation> add_section(const CppccActor& a, const Consultation& c,
                                 const std::string& heading, const std::string& body);
// A recorder schedules the meeting (researching or planned → meeting), adds participants and
// records items until a leader or recorder closes it (→ concluded). An answer must answer an
// unanswered question of this meeting; a question names the participant asked.
Result<Consultation> schedule_meeting(const CppccActor& a, const Consultation& c,
                                      const MeetingDraft& d);
Result<Consultation> add_participant(const CppccActor& a, const Consultation& c,
                                     const ParticipantDraft& d);
Result<Consultation> record_item(const CppccActor& a, const Consultation& c, const ItemDraft& d,
                                 std::int64_t now);
Result<Consultation> close_meeting(const CppccActor& a, const Consultation& c);
// Recommendations are drafted by recorders once the meeting is closed and until the outcome is
// sent; proposers must be seated members, sources parts of this consultation.
Result<Consultation> add_recommendation(const CppccActor& a, const Consultation& c,
                                        const RecommendationDraft& d,
                                        const std::vector<Id>& seated_ids);
// 报送: concluded (with at least one recommendation) → sent; further sendings may follow.
Result<Consultation> send_outcome(const CppccActor& a, const Consultation& c,
                                  const SendingDraft& d);
// 交办: a leader hands a recommendation of a sent (or published) consultation to a department;
// the task's raters are the recommendation's proposers.
Result<Task> hand_over(const CppccActor& a, const Consultation& c, Id recommendation_id,
                       const HandOver& h, std::int64_t now);
// The responsible department states its position while the task is assigned or supervised.
Check may_take_position(const Actor& a, const Task& t);
Result<Task> take_position(const Actor& a, const Task& t, const Position& p, std::int64_t now);
// 公开: a leader publishes once sent.
Result<Consultation> publish(const CppccActor& a, const Consultation& c);

// The published figures: recommendations by their departments' positions (a recommendation
// counts by its least favourable position; one without any is pending), and how many of its
// tasks were answered by their due date.
struct HandlingFigures {
    int recommendations = 0;
    int adopted = 0;
    int partly = 0;
    int not_adopted = 0;
    int pending = 0;
    int tasks = 0;
    int answered_on_time = 0;
    int done = 0;
    int supervised = 0;
};
HandlingFigures handling_figures(const Consultation& c);

}  // namespace yishi
