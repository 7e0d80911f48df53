// JSON forms of the CPPCC committee and its consultations (请你来协商), shared by server and
// client. A consultation travels whole: every act replies with the consultation as it now is,
// and the client's live pages fetch it again each second. Decoders are strict, naming a faulty
// field by its path.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "yishi/consultation.hpp"
#include "yishi/messages.hpp"
#include "yishi/messages_tasks.hpp"

namespace yishi {

struct SeatView {
    Id member_id = 0;
    std::string name;
    CppccPost post = CppccPost::member;
    Id committee_id = 0;  // the 专委会 the member sits on, 0 if none
    std::string title;    // e.g. 县政协常委、社会和法制委员会主任
};
// How the viewer stands: `seated` with `post`, or a department answering some of its tasks.
struct ViewerView {
    Id member_id = 0;
    bool seated = false;
    CppccPost post = CppccPost::member;
};
CppccActor cppcc_actor(const ViewerView& v);

// One line of the committee's list of topics; the annual plan is the planned ones of a year.
struct TopicLine {
    Id id = 0;
    std::string title;
    TopicSource source = TopicSource::members;
    ConsultationStage stage = ConsultationStage::proposed;
    int plan_year = 0;
    Id committee_id = 0;
    Id lead_vice_chair_id = 0;
    Id issue_id = 0;
};

// GET /api/cppccs/{id}: the committee, its special committees (专委会), seats and topics.
struct CppccView {
    Id id = 0;
    std::string name;  // e.g. 嵊州市政协
    Id street_id = 0;
    std::vector<NamedId> committees;
    std::vector<SeatView> seats;
    std::vector<TopicLine> topics;  // newest first
    ViewerView viewer;
};
Json to_json(const CppccView& v);
std::string encode(const CppccView& v);
Result<CppccView> decode_cppcc(std::string_view body);

// GET /api/cppccs: the committees the viewer can see (every one, for anyone with an account).
struct CppccList {
    std::vector<NamedId> cppccs;
};
std::string encode(const CppccList& l);
Result<CppccList> decode_cppcc_list(std::string_view body);

// A recommendation with its handling as tasks.
struct RecommendationView {
    Id id = 0;
    std::string text;
    std::vector<Id> proposer_ids;
    std::vector<Id> item_ids;
    std::vector<Id> section_ids;
    std::vector<TaskView> tasks;  // each also carries adoption and position (below)
};

// GET /api/consultations/{id} and the reply of every act on it.
struct ConsultationView {
    Consultation consultation;  // recommendations' tasks left empty here: see `recommendations`
    std::string cppcc_name;
    std::string committee_name;     // of plan.committee_id
    std::string issue_title;        // of issue_id
    Id issue_council_id = 0;
    std::vector<NamedId> people;    // names of every member id the view mentions
    std::vector<RecommendationView> recommendations;
    HandlingFigures figures;
    ViewerView viewer;
    std::int64_t version = 0;       // grows with every change: the live pages compare it
};
Json to_json(const ConsultationView& v);
std::string encode(const ConsultationView& v);
Result<ConsultationView> decode_consultation(std::string_view body);
// The name of a member the view mentions ("" when absent).
std::string person_name(const ConsultationView& v, Id member_id);

// GET /api/issues/{id}/consultation: what the consultation a community issue became did with it;
// `topic_id` 0 when the issue was never recommended.
struct IssueConsultation {
    Id topic_id = 0;
    std::string title;
    std::string cppcc_name;
    ConsultationStage stage = ConsultationStage::proposed;
    std::vector<RecommendationView> recommendations;  // once sent
    HandlingFigures figures;
};
std::string encode(const IssueConsultation& v);
Result<IssueConsultation> decode_issue_consultation(std::string_view body);

// GET /api/me/consultation-tasks: the recommendations handed to the viewer's department, oldest
// first, with the topic they came from.
struct ConsultationTaskLine {
    Id topic_id = 0;
    std::string topic_title;
    Id recommendation_id = 0;
    std::string recommendation_text;
    TaskView task;
};
struct ConsultationTaskList {
    std::vector<ConsultationTaskLine> items;
};
std::string encode(const ConsultationTaskList& l);
Result<ConsultationTaskList> decode_consultation_task_list(std::string_view body);

// --- Request bodies (POST), each decoded strictly; the server then asks the rules ---
std::string encode(const TopicDraft& d);
Result<TopicDraft> decode_topic_draft(std::string_view body);
std::string encode(const PlanDraft& d);
Result<PlanDraft> decode_plan_draft(std::string_view body);
// {"members": [{"member_id": 7, "lead": true}, ...]}
std::string encode_research_group(const std::vector<ResearchMember>& g);
Result<std::vector<ResearchMember>> decode_research_group(std::string_view body);
std::string encode(const VisitDraft& d);
Result<VisitDraft> decode_visit_draft(std::string_view body);
// {"heading": "...", "body": "..."}
struct SectionDraft {
    std::string heading;
    std::string body;
};
std::string encode(const SectionDraft& d);
Result<SectionDraft> decode_section_draft(std::string_view body);
std::string encode(const MeetingDraft& d);
Result<MeetingDraft> decode_meeting_draft(std::string_view body);
std::string encode(const ParticipantDraft& d);
Result<ParticipantDraft> decode_participant_draft(std::string_view body);
std::string encode(const ItemDraft& d);
Result<ItemDraft> decode_item_draft(std::string_view body);
std::string encode(const RecommendationDraft& d);
Result<RecommendationDraft> decode_recommendation_draft(std::string_view body);
std::string encode(const SendingDraft& d);
Result<SendingDraft> decode_sending_draft(std::string_view body);
std::string encode(const HandOver& h);
Result<HandOver> decode_hand_over(std::string_view body);
std::string encode(const Position& p);
Result<Position> decode_position(std::string_view body);
// {"cppcc_id": 1}: POST /api/issues/{id}/recommend
struct RecommendIssueRequest {
    Id cppcc_id = 0;
};
std::string encode(const RecommendIssueRequest& r);
Result<RecommendIssueRequest> decode_recommend_issue(std::string_view body);

}  // namespace yishi
