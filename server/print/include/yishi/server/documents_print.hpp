// Printed documents as PDF with embedded CJK text, A4 with page numbers: a closed session's
// minutes (会议纪要), the public notices (公示) of a resolution or a result, and the monthly
// needs report. The server gathers what they print; these only compose and draw.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/ballot.hpp"
#include "yishi/notice.hpp"
#include "yishi/report.hpp"
#include "yishi/session.hpp"

namespace yishi::server {

// One agenda item as the minutes record it: the ballot held on it, if any.
struct MinutesItem {
    std::string title;
    bool special_matter = false;
    // The closed ballot's record; nullopt: no ballot was held on the item (未表决).
    std::optional<Tally> tally;
    // A ballot among options (single, approval, ranked, budget): its method in Chinese and the
    // winners (or funded projects) as published; empty for a yes/no ballot.
    std::string method;
    std::vector<std::string> winners;
};

struct MinutesPaper {
    std::string council;
    std::string community;
    std::string street;
    SessionKind kind = SessionKind::regular;
    std::int64_t starts_at = 0;
    std::int64_t opened_at = 0;
    std::int64_t closed_at = 0;
    std::vector<std::string> convenors;  // the council's convenors (召集人)
    std::vector<std::string> attendees;  // signed in, in sign-in order
    std::vector<std::string> absentees;  // voting members who did not sign in
    QuorumStatus quorum;                 // as kept at closing
    std::vector<MinutesItem> items;      // in agenda order
};

// 会议纪要: the council, the meeting's date, place and convenor, attendees and absentees, the
// quorum (present of the electorate and how many the rule needs), each agenda item with its
// tally and outcome (or 未表决), and lines for the recorder's and the chair's signatures.
std::string minutes_pdf(const MinutesPaper& m);

// A public notice with what its heading names.
struct NoticePaper {
    Notice notice;
    std::string council;
    std::string community;
    std::string subject_title;  // the issue the ballot or the task was on
};

// 决议公示 / 实施结果公示: the council, the subject, the notice's text and its publication period
// (起止日期, days in China time; the end is the last day it is up).
std::string notice_pdf(const NoticePaper& n);

// 群众需求月报: the month's figures beside the previous month's, the counts by category and by
// grid, and the 12 months' trend as a table and as bars of the issues raised.
std::string monthly_report_pdf(const MonthlyReport& r);

// The smallest number present of `electorate` heads that meets the quorum's share; -1 when no
// number does or the rule counts households or floor area rather than heads.
std::int64_t quorum_needed(const QuorumRule& rule, std::int64_t electorate);

}  // namespace yishi::server
