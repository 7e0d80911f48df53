// Steps shared by the printed documents' tests.
#include "document_print_steps.hpp"

#include <ctime>
#include <sstream>

#include <boost/test/unit_test.hpp>

namespace yishi::test {

namespace {
Id closed_ballot(TestServer& server, Id session, const std::vector<std::string>& tokens, Id issue,
                 const std::string& choice) {
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", issue}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    for (int m = 1; m <= 8; ++m)
        BOOST_REQUIRE_EQUAL(post_json(server, tokens[m], path_of("/api/ballots/", ballot, "/votes"),
                                      {{"choice", choice}})
                                .status,
                            201);
    return ballot;
}
}  // namespace

Printed fetch(TestServer& server, const std::string& token, const std::string& path) {
    auto r = token.empty() ? server.client().Get(path.c_str())
                           : server.client().Get(path.c_str(), bearer(token));
    BOOST_REQUIRE(r);
    return {r->status, r->get_header_value("Content-Type"), r->body};
}

std::string pdf_rows(const std::string& pdf_bytes) {
    auto pdf = written_pdf(pdf_bytes);
    std::istringstream lines(run_tool("pdftotext -layout '" + pdf.string() + "' -"));
    std::string out;
    for (std::string line; std::getline(lines, line);) {
        for (char ch : line)
            if (ch != ' ' && ch != '\t' && ch != '\f' && ch != '\r') out += ch;
        out += '\n';
    }
    return out;
}

int pdf_pages(const std::string& pdf_bytes) { return pdf_page_count(written_pdf(pdf_bytes)); }

std::string china_day(std::int64_t unix_seconds) {
    std::time_t local = static_cast<std::time_t>(unix_seconds + 8 * 3600);
    std::tm tm{};
    ::gmtime_r(&local, &tm);
    return std::to_string(tm.tm_year + 1900) + "年" + std::to_string(tm.tm_mon + 1) + "月" +
           std::to_string(tm.tm_mday) + "日";
}

PlayedSession play_session(TestServer& server, ClockShift& shift,
                           const std::vector<std::string>& tokens) {
    list_three_issues(server, tokens);
    PlayedSession p;
    p.session = open_session_with(server, shift, tokens, {1, 2, 3});
    sign_in(server, p.session, tokens, 1, 11);
    p.passed_ballot = closed_ballot(server, p.session, tokens, 1, "yes");
    p.passed_closed_before = server::system_now() + shift.seconds;
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", p.passed_ballot, "/close"),
                            {{"notice_days", 7}});
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    p.passed_closed_after = server::system_now() + shift.seconds;
    p.failed_ballot = closed_ballot(server, p.session, tokens, 2, "no");
    BOOST_REQUIRE_EQUAL(
        post_json(server, tokens[1], path_of("/api/ballots/", p.failed_ballot, "/close")).status,
        200);
    return p;
}

OtherCommunity add_other_community(TestServer& server) {
    execute(server.db(),
            "INSERT INTO communities (name, street, street_id) "
            "SELECT '朝阳社区', s.name, s.id FROM streets s WHERE s.name = '城东街道'");
    OtherCommunity o;
    o.community = query_int(server.db(), "SELECT id FROM communities WHERE name = '朝阳社区'");
    const std::string c = std::to_string(o.community);
    execute(server.db(),
            "INSERT INTO councils (community_id, name, kind, cosign_threshold) VALUES (" + c +
                ", '朝阳社区居民议事会', 'residents_council', 5);"
                "INSERT INTO members (login, name, role, password_hash, community_id) VALUES "
                "('chaoyang01', '钱多多', 'resident', 'x', " + c + ");"
                "INSERT INTO members (login, name, role, password_hash, community_id) VALUES "
                "('chaoyang-admin', '孔令仪', 'admin', 'x', " + c + ")");
    o.resident = query_int(server.db(), "SELECT id FROM members WHERE login = 'chaoyang01'");
    o.admin = query_int(server.db(), "SELECT id FROM members WHERE login = 'chaoyang-admin'");
    Id council = query_int(server.db(),
                           "SELECT id FROM councils WHERE name = '朝阳社区居民议事会'");
    execute(server.db(), "INSERT INTO council_members (council_id, member_id) VALUES (" +
                             std::to_string(council) + ", " + std::to_string(o.resident) + ");" +
                             "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (" +
                             std::to_string(o.admin) + ", 'community', " + c + ")");
    return o;
}

}  // namespace yishi::test
