// Secret ballots (无记名投票): each voter gets a receipt; the roll shows who voted, never what;
// the bulletin lists every counted ballot with its receipt in a shuffled order; and the database
// itself holds no link from a voter to a choice.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "ballot_method_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// 12 members vote in order 1..12 on a secret single-choice ballot with 12 options (member m picks
// option "Pm", so every content is distinct); returns the receipts in voting order.
struct SecretRun {
    Id ballot = 0;
    std::vector<std::string> receipts;  // receipts[m-1] is member m's
    Json closed;
};

SecretRun run_secret_ballot(TestServer& server, ClockShift& shift,
                            const std::vector<std::string>& tokens) {
    Json options = Json::array();
    for (int m = 1; m <= 12; ++m) options.push_back("P" + std::to_string(m));
    SecretRun run;
    run.ballot = open_ballot_with(
        server, shift, tokens, {{"method", "single"}, {"options", options}, {"secret", true}}, 12);
    std::string path = path_of("/api/ballots/", run.ballot);
    for (int m = 1; m <= 12; ++m) {
        auto r =
            post_json(server, tokens[m], path + "/votes", {{"choice", "P" + std::to_string(m)}});
        BOOST_REQUIRE_MESSAGE(r.status == 201, r.body.dump());
        std::string receipt = r.body.value("receipt", "");
        BOOST_REQUIRE_EQUAL(receipt.size(), 10u);
        run.receipts.push_back(receipt);
        // While open: who voted, in order; never what.
        BOOST_TEST(r.body["voted"].size() == static_cast<std::size_t>(m));
        BOOST_TEST(!r.body.contains("votes"));
    }
    BOOST_TEST(post_json(server, tokens[3], path + "/votes", {{"choice", "P1"}}).code() ==
               "already_voted");
    run.closed = post_json(server, tokens[1], path + "/close").body;
    return run;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(secret_ballots)

BOOST_AUTO_TEST_CASE(a_secret_ballot_publishes_every_receipt_with_its_content_in_a_shuffled_order) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    SecretRun run = run_secret_ballot(server, shift, tokens);
    BOOST_TEST(std::set<std::string>(run.receipts.begin(), run.receipts.end()).size() == 12u);

    // The closed roll: who voted, in order; what they cast is nowhere in it.
    BOOST_TEST(run.closed["secret"] == true);
    BOOST_TEST(run.closed["voted"].size() == 12u);
    BOOST_TEST(run.closed["votes"].empty());
    BOOST_TEST(run.closed["result"]["counts"]["P1"] == 1);
    BOOST_TEST(run.closed["tally"]["outcome"] == "deferred");  // a 12-way tie is no decision
    // The session's record shows the ballot the same way.
    Json in_session =
        get_json(server, tokens[7], path_of("/api/sessions/", run.closed["session_id"].get<Id>()))
            .body["ballots"][0];
    BOOST_TEST(in_session["voted"].size() == 12u);
    BOOST_TEST(in_session["votes"].empty());
    BOOST_TEST(in_session["secret"] == true);
    BOOST_TEST(in_session["cast"].empty());

    auto bulletin =
        get_json(server, tokens[5], path_of("/api/ballots/", run.ballot, "/bulletin")).body;
    BOOST_REQUIRE_EQUAL(bulletin["ballots"].size(), 12u);
    std::vector<std::string> published;
    std::map<std::string, std::string> content_of;
    for (const auto& b : bulletin["ballots"]) {
        BOOST_TEST(!b.contains("member_id"));
        published.push_back(b["receipt"].get<std::string>());
        content_of[b["receipt"].get<std::string>()] = b["choice"].get<std::string>();
    }
    // Every voter finds their receipt with what they cast.
    for (int m = 1; m <= 12; ++m)
        BOOST_TEST(content_of[run.receipts[m - 1]] == "P" + std::to_string(m));
    // Shuffled: not the voting order (a chance of 1 in 12! that a shuffle gives it back).
    BOOST_TEST(published != run.receipts);
    // Voting order would list P1..P12; so would any order by insertion.
    std::vector<std::string> choices;
    for (const auto& b : bulletin["ballots"]) choices.push_back(b["choice"].get<std::string>());
    std::vector<std::string> in_voting_order;
    for (int m = 1; m <= 12; ++m) in_voting_order.push_back("P" + std::to_string(m));
    BOOST_TEST(choices != in_voting_order);

    Recount r = recount(bulletin);
    BOOST_REQUIRE_EQUAL(r.status, 0);
    BOOST_TEST(r.result() == bulletin["result"]);
}

BOOST_AUTO_TEST_CASE(the_database_holds_no_link_from_a_voter_to_a_choice) {
    ClockShift shift;
    TestServer server(seeded_db(), shifted_options(shift));
    auto tokens = member_tokens(server);
    SecretRun run = run_secret_ballot(server, shift, tokens);

    auto db = open_db(server.db());
    // The contents' table has no voter and no time: only its random id, ballot, content, receipt.
    auto columns = column_names(server.db(), "secret_contents");
    BOOST_TEST(std::set<std::string>(columns.begin(), columns.end()) ==
               (std::set<std::string>{"id", "ballot_id", "content", "receipt"}));

    db->read([&](database::Connection& c) {
        // The 'has voted' records hold no content for a secret ballot.
        database::Statement voters(
            c, "SELECT COUNT(*), COUNT(content) FROM ballot_voters WHERE ballot_id = ?");
        voters.bind(1, run.ballot);
        BOOST_REQUIRE(voters.step());
        BOOST_TEST(voters.column(0).integer() == 12);
        BOOST_TEST(voters.column(1).integer() == 0);
        // The plain votes table holds nothing of it either.
        database::Statement plain(c, "SELECT COUNT(*) FROM votes WHERE ballot_id = ?");
        plain.bind(1, run.ballot);
        BOOST_TEST(database::single(plain).integer() == 0);
    });

    // Neither the order rows are stored in (SQLite's rowid, PostgreSQL's ctid) nor id order
    // follows the order of voting.
    std::vector<std::string> stored;
    std::vector<Id> ids;
    db->read([&](database::Connection& c) {
        database::Statement rows(c, std::string("SELECT id, receipt FROM secret_contents "
                                                "WHERE ballot_id = ? ORDER BY ") +
                                        (on_postgres() ? "ctid" : "rowid"));
        rows.bind(1, run.ballot);
        while (rows.step()) {
            ids.push_back(rows.column(0).int64());
            stored.push_back(rows.column(1).text());
        }
    });
    BOOST_REQUIRE_EQUAL(stored.size(), 12u);
    BOOST_TEST(stored != run.receipts);
    std::vector<std::size_t> rank_in_voting;  // voting position of each row, in stored order
    for (const auto& r : stored)
        rank_in_voting.push_back(std::find(run.receipts.begin(), run.receipts.end(), r) -
                                 run.receipts.begin());
    BOOST_TEST(!std::is_sorted(rank_in_voting.begin(), rank_in_voting.end()));
    // Ids are random over 62 bits, not a counter: far apart.
    BOOST_TEST(*std::max_element(ids.begin(), ids.end()) > Id{1} << 40);

    // The audit log says who voted, never what, and never the receipt.
    std::vector<std::string> details = db->read([](database::Connection& c) {
        database::Statement audit(c, "SELECT details FROM audit_log WHERE action = 'vote_cast'");
        std::vector<std::string> out;
        while (audit.step()) out.push_back(audit.column(0).text());
        return out;
    });
    for (const auto& d : details) {
        BOOST_TEST(d.find("\"P") == std::string::npos);
        for (const auto& r : run.receipts) BOOST_TEST(d.find(r) == std::string::npos);
    }
    BOOST_TEST(details.size() == 12u);
}

BOOST_AUTO_TEST_SUITE_END()
