// Test harness: a seeded database per test, a real server on a free loopback port, HTTP
// clients, raw sockets for requests httplib::Client will not send, and database snapshots.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <httplib.h>

#include "yishi/database/database.hpp"

#include "yishi/messages.hpp"
#include "yishi/server/service.hpp"
#include "yishi/server/store.hpp"

namespace yishi {
// Lets Boost.Test print stages in failure messages.
inline std::ostream& operator<<(std::ostream& out, IssueStage s) { return out << to_string(s); }
}  // namespace yishi

namespace yishi::test {

using server::ServiceOptions;

// The suite runs on SQLite files unless YISHI_TEST_DATABASE holds the address of a PostgreSQL
// server (postgresql://...): then every test database is a database of its own there, and a
// "path" below is that database's address.
bool on_postgres();
// A precondition for the few tests about the SQLite file itself (its bytes, its WAL, copies of
// it, files next to it): they are reported as skipped on PostgreSQL.
boost::test_tools::assertion_result on_sqlite(boost::unit_test::test_unit_id);

// A fresh copy of the demo community (demo_seed: 15 members, issues 1–6, without the played
// quarter), seeded once per test run, at a unique path.
std::filesystem::path seeded_db();
// A unique path for a database that does not exist yet (on PostgreSQL: an empty database).
std::filesystem::path fresh_db_path();
// A unique path in the run's temporary folder, for a file or folder that is not a database.
std::filesystem::path temp_path(const std::string& suffix);

// The key file that seals a test database's secret ballots: beside a SQLite file (the store's
// default); for a PostgreSQL database, a file of its own in the run's temporary folder.
std::string ballot_key_of(const std::filesystem::path& db);

// A store on a test database, with that database's ballot key file.
class TestStore : public server::Store {
public:
    explicit TestStore(const std::filesystem::path& db)
        : server::Store(db.string(), Access::read_write, ballot_key_of(db)) {}
};

// The test's own connection to a test database, beside the server's: to arrange rows the API
// cannot write, tamper with them, or count them. Both databases accept the SQL the tests use.
std::unique_ptr<database::Database> open_db(const std::filesystem::path& db);
// Runs statements separated by semicolons in one transaction. Rows may be given their ids, as
// SQLite allows: on PostgreSQL the id sequences then move past the highest id, as SQLite's do.
void execute(const std::filesystem::path& db, std::string_view script);
// Column 0 of the first row of a query.
std::int64_t query_int(const std::filesystem::path& db, const std::string& sql);
// The database's tables, by name; a table's columns, in their order.
std::vector<std::string> table_names(const std::filesystem::path& db);
std::vector<std::string> column_names(const std::filesystem::path& db, const std::string& table);

// Seconds added to the system clock by servers built with TestServer::shifted_clock().
struct ClockShift {
    std::atomic<std::int64_t> seconds{0};
    server::Clock clock() {
        return [this] { return server::system_now() + seconds.load(); };
    }
};

// A Store and a Service listening on 127.0.0.1:<free port> on a background thread;
// stopped and joined on destruction.
class TestServer {
public:
    explicit TestServer(const std::filesystem::path& db, ServiceOptions options = {});
    ~TestServer();

    int port() const { return port_; }
    int internal_port() const { return service_->internal_port(); }  // httplib, behind the gate
    const std::filesystem::path& db() const { return db_; }
    std::string ballot_key_path() const { return ballot_key_of(db_); }
    server::Store& store() { return *store_; }
    httplib::Client client() const;

    // Logs in through the API and returns the token; fails the test otherwise.
    std::string login(const std::string& login, const std::string& password = "yishi2026");
    // A token for a member straight from the store, skipping Argon2 (for tests of many members).
    std::string token_for(Id member_id);

private:
    std::filesystem::path db_;
    std::unique_ptr<server::Store> store_;
    std::unique_ptr<server::Service> service_;
    std::thread thread_;
    int port_ = -1;
};

httplib::Headers bearer(const std::string& token);

// Sends raw bytes and reads until the server closes or `timeout` passes.
struct RawReply {
    std::string data;
    bool closed_by_server = false;
    std::chrono::milliseconds elapsed{0};
    int status() const;  // from the status line, 0 if none
    std::string body() const;
};
RawReply raw_exchange(int port, const std::string& request,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Every entry of every community's audit chain, chain by chain.
std::vector<server::AuditEntry> all_audit_entries(server::Store& store);

// Every row of the domain tables, in a stable order: equal snapshots mean nothing changed.
std::string snapshot(const std::filesystem::path& db);
// Every row of the named tables, ordered by all their columns.
std::string dump_tables(const std::filesystem::path& db, const std::vector<std::string>& tables);

// Reads the error of a failed reply.
Error error_of(const httplib::Result& r);

// Whether a message is Chinese: it holds a CJK character (UTF-8 lead byte E4–E9).
bool has_chinese(std::string_view message);

// One GET of a bad-input table: where, with whose token (empty: none), and the refusal expected.
struct RefusedGet {
    std::string path;
    std::string token;
    int status;
    std::string code;
};
// Sends each GET and checks its refusal: the status, a JSON error with the code and a Chinese
// message. The caller compares the database before and after.
void expect_refused_gets(TestServer& server, const std::vector<RefusedGet>& cases);

// --- printed PDFs read back with poppler's tools (pdftotext, pdfinfo) ---
// Runs a shell command (poppler's or zbarimg); fails the test unless it exits 0. Returns what it
// printed on stdout.
std::string run_tool(const std::string& command);
// The PDF's bytes in a fresh temporary file, for the tools, which read files.
std::filesystem::path written_pdf(const std::string& pdf_bytes);
// The pages pdfinfo counts.
int pdf_page_count(const std::filesystem::path& pdf);
// What pdftotext reads on one page (from 1), in layout mode or in reading order.
std::string pdf_page_text(const std::filesystem::path& pdf, int page, bool layout);
// The printed text of every page in reading order without the page footers ("第 n 页，共 N
// 页") and without white space, so that a text wrapped over lines or pages reads as one.
std::string pdf_text(const std::string& pdf_bytes);
// The text without its spaces and line breaks, to be found in pdf_text's reading.
std::string squeezed(const std::string& s);
// Each of `parts` (white space removed) found in `text`, each after the one before; names the
// first one missing or out of order.
void appear_in_order(const std::string& text, const std::vector<std::string>& parts);

// Ids of the demo data: its administrator is member 1, then demo01..demo15 are 2..16.
constexpr Id kCouncil = 1;
constexpr Id kAdmin = 1;             // admin, the platform administrator of the first setup
constexpr Id kConvenor = 2;          // demo01, 李建国
// demo01 for 1, ..., demo15 for 15.
constexpr Id demo_member(int n) { return n + 1; }
constexpr Id kIssueChargers = 1;     // by demo02, 6 co-signs: listed
constexpr Id kIssueLift = 3;         // by demo04, 4 co-signs: one short of the threshold
constexpr Id kIssueNoise = 6;        // by demo15, no co-signs
constexpr const char* kJson = "application/json";

}  // namespace yishi::test
