// Two server instances on one PostgreSQL database behave as one: a member's simultaneous
// votes through both count once, a co-sign storm through both lists the issue once, killing
// one instance mid-load loses no vote it acknowledged, and every audit chain verifies after.
// PostgreSQL only: SQLite's file serves one server process.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <set>
#include <thread>
#include <vector>

#include "decide_steps.hpp"
#include "yishi/server/audit.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

boost::test_tools::assertion_result postgres_only(boost::unit_test::test_unit_id) {
    return on_postgres();
}

// A yishi-server process on the database, on a free loopback port; killed on destruction.
class ServerProcess {
public:
    ServerProcess(const std::string& db, const std::string& ballot_key) {
        int out[2];
        BOOST_REQUIRE(pipe(out) == 0);
        pid_ = fork();
        BOOST_REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            execl(YISHI_SERVER_BINARY, YISHI_SERVER_BINARY, "serve", "--db", db.c_str(),
                  "--ballot-key", ballot_key.c_str(), "--host", "127.0.0.1", "--port", "0",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        // "Yishi listening on http://127.0.0.1:PORT/"
        std::string line;
        char c;
        while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
        close(out[0]);
        auto at = line.find("127.0.0.1:");
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, "server did not start: " + line);
        port_ = std::stoi(line.substr(at + 10));
    }
    ~ServerProcess() { kill_now(); }
    int port() const { return port_; }
    void kill_now() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

int post_status(int port, const std::string& token, const std::string& path, const Json& body,
                std::string* code = nullptr) {
    httplib::Client cli("127.0.0.1", port);
    cli.set_read_timeout(30, 0);
    auto r = cli.Post(path.c_str(), bearer(token), body.dump(), kJson);
    if (!r) return 0;
    if (code && r->status >= 400) code->assign(decode_error(r->body, r->status).code);
    return r->status;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(two_instances, *boost::unit_test::precondition(postgres_only))

BOOST_AUTO_TEST_CASE(a_thousand_simultaneous_votes_by_one_member_through_two_instances_count_once) {
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    auto db = seeded_db();
    TestServer a(db, options);
    TestServer b(db, options);
    auto tokens = member_tokens(a);
    Id session = open_session_with(a, shift, tokens, {kIssueChargers});
    sign_in(a, session, tokens, 1, 11);
    auto opened = post_json(a, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", kIssueChargers}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    std::string votes = path_of("/api/ballots/", ballot, "/votes");

    std::atomic<int> accepted{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    const int kThreads = 40, kEach = 25;  // 1,000 attempts
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client cli("127.0.0.1", t % 2 ? a.port() : b.port());
            cli.set_read_timeout(60, 0);
            while (!go) std::this_thread::yield();
            for (int i = 0; i < kEach; ++i) {
                // Choices differ, so a second counted vote could not hide as the same row.
                std::string body = Json{{"choice", (t + i) % 2 ? "yes" : "no"}}.dump();
                auto r = cli.Post(votes.c_str(), bearer(tokens[5]), body, kJson);
                if (r && r->status == 201) ++accepted;
                else if (r && r->status == 409 && decode_error(r->body, 409).code == "already_voted")
                    ++refused;
                else ++other;
            }
        });
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(refused == kThreads * kEach - 1);
    BOOST_TEST(other == 0);
    for (TestServer* s : {&a, &b}) {
        auto record = s->store().ballot(ballot);
        BOOST_REQUIRE(record);
        BOOST_REQUIRE_EQUAL(record->ballot.votes.size(), 1u);
        BOOST_TEST(record->ballot.votes[0].member_id == demo_member(5));
    }
    BOOST_TEST(server::verify_audit(b.store()).intact());
}

BOOST_AUTO_TEST_CASE(a_cosign_storm_through_two_instances_lists_the_issue_exactly_once) {
    auto db = seeded_db();
    TestServer a(db);
    TestServer b(db);
    auto tokens = member_tokens(a);
    // The lift issue (by demo04) has 4 co-signs, one short of the threshold of 5. Every
    // member who has not co-signed it tries five times through each instance, all at once:
    // exactly one co-sign lands (the fifth, which lists the issue); a listed issue takes none.
    std::vector<Id> cosigners;
    for (int n = 1; n <= 15; ++n) {
        auto before = a.store().issue(kIssueLift, demo_member(n));
        BOOST_REQUIRE(before);
        if (n != 4 && !before->cosigned_by_me) cosigners.push_back(n);
    }
    // The seed's own co-signs are in the log already: only what follows counts.
    auto seeded = b.store().audit_entries(1, 0, 1000000);
    const Id seeded_head = seeded.empty() ? 0 : seeded.back().id;
    BOOST_REQUIRE_EQUAL(cosigners.size(), 10u);
    std::string path = path_of("/api/issues/", kIssueLift, "/cosign");
    std::atomic<int> accepted{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (Id m : cosigners) {
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, m, t] {
                httplib::Client cli("127.0.0.1", t ? a.port() : b.port());
                cli.set_read_timeout(60, 0);
                while (!go) std::this_thread::yield();
                for (int i = 0; i < 5; ++i) {
                    auto r = cli.Post(path.c_str(), bearer(tokens[m]), "{}", kJson);
                    if (r && r->status == 200) ++accepted;
                    else if (!(r && r->status == 409)) ++other;
                }
            });
        }
    }
    go = true;
    for (auto& t : threads) t.join();
    BOOST_TEST(accepted == 1);
    BOOST_TEST(other == 0);
    auto after = b.store().issue(kIssueLift, 1);
    BOOST_REQUIRE(after);
    BOOST_TEST(after->cosigns == 5);
    BOOST_TEST(after->stage == IssueStage::listed);
    // The log records the one co-sign, the one that listed it.
    int listings = 0, cosign_entries = 0;
    for (const auto& e : b.store().audit_entries(1, seeded_head, 1000000)) {
        if (e.action != "issue_cosigned") continue;
        Json d = Json::parse(e.details);
        if (d["issue_id"] != kIssueLift) continue;
        ++cosign_entries;
        if (d["cosigns"] == 5 && d["stage"] == "listed") ++listings;
    }
    BOOST_TEST(listings == 1);
    BOOST_TEST(cosign_entries == 1);
    BOOST_TEST(server::verify_audit(a.store()).intact());
}

BOOST_AUTO_TEST_CASE(killing_one_instance_under_vote_load_loses_no_acknowledged_vote) {
    ClockShift shift;
    ServiceOptions options = shifted_options(shift);
    auto db = seeded_db();
    TestServer setup(db, options);
    auto tokens = member_tokens(setup);
    Id session = open_session_with(setup, shift, tokens, {kIssueChargers});
    sign_in(setup, session, tokens, 1, 15);
    auto opened = post_json(setup, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", kIssueChargers}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    std::string votes = path_of("/api/ballots/", ballot, "/votes");

    std::string key = setup.ballot_key_path();
    ServerProcess first(db.string(), key);
    ServerProcess second(db.string(), key);
    // Members 1..15 vote at once, odd ones through the first instance, even ones through the
    // second; the first is killed while their requests are in flight.
    std::mutex acknowledged_mutex;
    std::set<Id> acknowledged;
    std::atomic<bool> go{false};
    std::vector<std::thread> voters;
    for (Id m = 1; m <= 15; ++m) {
        voters.emplace_back([&, m] {
            while (!go) std::this_thread::yield();
            if (m % 2) std::this_thread::sleep_for(std::chrono::milliseconds(3 * m));
            int port = m % 2 ? first.port() : second.port();
            if (post_status(port, tokens[m], votes, {{"choice", "yes"}}) == 201) {
                std::lock_guard lock(acknowledged_mutex);
                acknowledged.insert(m);
            }
        });
    }
    go = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    first.kill_now();
    for (auto& t : voters) t.join();

    // Every acknowledged vote is stored, as the surviving instance and a fresh store see it.
    BOOST_TEST(acknowledged.size() >= 7u);  // the second instance's voters at least
    auto record = setup.store().ballot(ballot);
    BOOST_REQUIRE(record);
    std::set<Id> stored;
    for (const auto& v : record->ballot.votes) stored.insert(v.member_id);
    for (Id m : acknowledged) BOOST_TEST(stored.count(demo_member(m)) == 1u, "vote of demo" << m);
    // Nothing half-written: the survivor still serves, and the chain verifies.
    std::string code;
    BOOST_TEST(post_status(second.port(), tokens[2], votes, {{"choice", "no"}}, &code) == 409);
    BOOST_TEST(code == "already_voted");
    BOOST_TEST(server::verify_audit(setup.store()).intact());
}

BOOST_AUTO_TEST_SUITE_END()
