// Steps of the printed documents' tests: a PDF fetched over HTTP and read back with poppler's
// pdftotext (beside harness.hpp's pdf_text), a played session of the demo council, and places of another community.
#pragma once
#include <string>
#include <vector>

#include "decide_steps.hpp"

namespace yishi::test {

// A document fetched over HTTP as `token` (none when empty).
struct Printed {
    int status = 0;
    std::string content_type;
    std::string body;
};
Printed fetch(TestServer& server, const std::string& token, const std::string& path);

// The printed text in pdftotext's layout mode, line by line with the spaces inside a line
// removed: a table's row reads as its cells one after the other ("提出议题（件）31").
std::string pdf_rows(const std::string& pdf_bytes);
// The pages pdfinfo counts.
int pdf_pages(const std::string& pdf_bytes);
// "2026年12月9日": the day in China time (UTC+8).
std::string china_day(std::int64_t unix_seconds);

// The demo council's session, open with members demo01..demo11 signed in, on the charging
// points (1, voted yes by demo01..demo08), the stairwell (2, voted no by demo01..demo08) and the
// lift (3, no ballot); the ballots are closed with a 7-day notice, the session is not.
struct PlayedSession {
    Id session = 0;
    Id passed_ballot = 0;
    Id failed_ballot = 0;
    std::int64_t passed_closed_after = 0;  // the server's clock just before and after closing
    std::int64_t passed_closed_before = 0;
};
PlayedSession play_session(TestServer& server, ClockShift& shift,
                           const std::vector<std::string>& tokens);

// A community of the demo street with its own council, one resident there and its community
// administrator, written straight into the database: ids of the resident and the administrator.
struct OtherCommunity {
    Id community = 0;
    Id resident = 0;
    Id admin = 0;
};
OtherCommunity add_other_community(TestServer& server);

}  // namespace yishi::test
