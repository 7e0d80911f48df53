// The printed papers of a consultation (请你来协商): the meeting record (会议纪要) and the outcome
// report with its handling (协商成果报告), as PDF with embedded CJK text.
#pragma once
#include <string>

#include "yishi/messages_consultation.hpp"

namespace yishi::server {

// 会议纪要: the topic, the meeting's date, place and chair, its participants (name, title,
// affiliation, kind) and its order of business in the order recorded, each item with its speaker
// and summary, each question followed by the answer recorded against it. A consultation whose
// meeting is not yet scheduled prints its topic and a line saying so.
std::string consultation_record_pdf(const ConsultationView& v);

// 协商成果报告: the topic and its source, the annual plan, the research (group, field visits,
// the report's section headings), the recommendations each with its proposers and the speeches
// and sections supporting it, where the outcome was sent (报送), the handling of each
// recommendation by department (position 采纳/部分采纳/未采纳 with its reason, state, progress,
// replies and their ratings) and the published figures.
std::string outcome_report_pdf(const ConsultationView& v);

}  // namespace yishi::server
