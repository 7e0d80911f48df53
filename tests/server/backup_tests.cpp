// `yishi-server backup`: a consistent copy of a SQLite database taken while the server keeps
// writing, which passes verify-audit; it never overwrites a file and sends PostgreSQL to pg_dump.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

struct Run {
    int status = -1;
    std::string output;
};

// Runs the real yishi-server binary with `arguments` and returns its exit status and output.
Run yishi_server(const std::string& arguments) {
    std::string command = std::string("'") + YISHI_SERVER_BINARY + "' " + arguments + " 2>&1";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) run.output.append(buf, n);
    int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Waits, within a generous bound, until `done` holds.
template <typename F>
bool wait_until(F done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

std::int64_t comments(const std::filesystem::path& db) {
    return query_int(db, "SELECT COUNT(*) FROM comments");
}
std::int64_t comment_entries(const std::filesystem::path& db) {
    return query_int(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'comment_posted'");
}

std::string file_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup)

BOOST_AUTO_TEST_CASE(a_backup_taken_while_residents_write_is_one_consistent_moment_that_passes_verify_audit,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto db = seeded_db();
    auto copy = temp_path(".backup.db");
    TestServer server(db);
    std::vector<std::string> tokens;
    for (int n = 2; n <= 15; ++n) tokens.push_back(server.token_for(demo_member(n)));
    const std::int64_t before = comments(db);
    // Each posted comment writes its row and its audit entry in one transaction.
    const std::int64_t entries_less_rows = comment_entries(db) - before;

    // Two residents' clients post comments on the chargers issue until told to stop.
    std::atomic<bool> stop{false};
    std::atomic<int> posted{0}, refused{0};
    auto post_comments = [&](std::size_t first) {
        auto client = server.client();
        for (int i = 0; !stop && i < 5000; ++i) {
            Json body{{"stance", "support"}, {"text", "备份期间的发言 " + std::to_string(i)}};
            auto r = client.Post("/api/issues/1/comments", bearer(tokens[(first + i) % tokens.size()]),
                                 body.dump(), kJson);
            (r && r->status == 201 ? posted : refused)++;
        }
    };
    std::thread a(post_comments, 0), b(post_comments, 7);
    BOOST_TEST(wait_until([&] { return posted >= 10; }));
    Run run = yishi_server("backup --db " + quoted(db) + " --to " + quoted(copy));
    const int posted_when_copied = posted;
    BOOST_TEST(wait_until([&] { return posted >= posted_when_copied + 10; }));
    stop = true;
    a.join();
    b.join();
    BOOST_TEST(refused == 0);

    BOOST_TEST(run.status == 0, run.output);
    BOOST_TEST(run.output.find("backed up ") != std::string::npos, run.output);
    BOOST_TEST(run.output.find("audit log of the copy intact: ") != std::string::npos, run.output);
    Run verify = yishi_server("verify-audit --db " + quoted(copy));
    BOOST_TEST(verify.status == 0, verify.output);
    BOOST_TEST(verify.output.find("audit log intact: ") != std::string::npos, verify.output);

    // The copy holds what was written before the backup began and not what came after it
    // ended; every comment in it has its audit entry, as in the live database.
    const std::int64_t in_copy = comments(copy);
    BOOST_TEST(in_copy >= before + 10);
    BOOST_TEST(in_copy < comments(db));
    BOOST_TEST(comment_entries(copy) - in_copy == entries_less_rows);
    BOOST_TEST(comments(db) == before + posted);
    // One file, for its owner only: it holds password hashes.
    auto permissions = std::filesystem::status(copy).permissions();
    using P = std::filesystem::perms;
    BOOST_TEST(((permissions & (P::group_all | P::others_all)) == P::none));
}

BOOST_AUTO_TEST_CASE(a_backup_never_overwrites_an_existing_file,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto db = seeded_db();
    auto existing = temp_path(".db");
    std::ofstream(existing) << "yesterday's backup";
    Run run = yishi_server("backup --db " + quoted(db) + " --to " + quoted(existing));
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.output.find("already exists") != std::string::npos, run.output);
    BOOST_TEST(file_text(existing) == "yesterday's backup");
}

BOOST_AUTO_TEST_CASE(a_backup_of_a_missing_database_leaves_no_file,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto missing = temp_path(".db");
    auto target = temp_path(".backup.db");
    Run run = yishi_server("backup --db " + quoted(missing) + " --to " + quoted(target));
    BOOST_TEST(run.status == 1);
    BOOST_TEST(!std::filesystem::exists(missing));
    BOOST_TEST(!std::filesystem::exists(target));
}

BOOST_AUTO_TEST_CASE(a_postgresql_database_is_sent_to_pg_dump_without_echoing_its_address) {
    auto target = temp_path(".backup.db");
    Run run = yishi_server("backup --db postgresql://yishi:secret@127.0.0.1:1/yishi --to " +
                           quoted(target));
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.output.find("pg_dump") != std::string::npos, run.output);
    BOOST_TEST(run.output.find("secret") == std::string::npos, run.output);
    BOOST_TEST(!std::filesystem::exists(target));
}

BOOST_AUTO_TEST_SUITE_END()
