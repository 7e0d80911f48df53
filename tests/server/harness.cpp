// The test harness: temp databases (SQLite files or PostgreSQL databases), in-process servers,
// raw sockets, snapshots.
#include "harness.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "yishi/server/auth.hpp"
#include "yishi/server/seed.hpp"

namespace yishi::test {

namespace fs = std::filesystem;

namespace {
fs::path temp_root() {
    static const fs::path root = [] {
        fs::path p = fs::temp_directory_path() / ("yishi-server-tests-" + std::to_string(getpid()));
        fs::create_directories(p);
        return p;
    }();
    return root;
}

const std::string& postgres_address() {
    static const std::string address = [] {
        const char* v = std::getenv("YISHI_TEST_DATABASE");
        return std::string(v ? v : "");
    }();
    return address;
}

// The address of another database on the same PostgreSQL server:
// postgresql://user@host:port/NAME?options with NAME replaced.
std::string address_of(const std::string& name) {
    const std::string& a = postgres_address();
    auto authority = a.find("://");
    authority = authority == std::string::npos ? 0 : authority + 3;
    auto options = a.find('?', authority);
    auto slash = a.find('/', authority);
    if (slash == std::string::npos || slash > options) slash = options;
    std::string tail = options == std::string::npos ? "" : a.substr(options);
    return a.substr(0, slash) + "/" + name + tail;
}

// The run's databases on the PostgreSQL server: created on demand, dropped at the end.
struct Databases {
    std::mutex mutex;
    std::unique_ptr<database::Database> admin;  // connected to the address the run was given
    std::vector<std::string> created;

    void run(const std::string& sql) {
        if (!admin) {
            database::Database::Options o;
            o.max_connections = 1;
            admin = database::Database::open(postgres_address(), o);
        }
        // CREATE and DROP DATABASE cannot run inside a transaction.
        admin->with_connection([&](database::Connection& c) { c.execute(sql); });
    }
    std::string create(const std::string& name, const std::string& from_template = "") {
        std::lock_guard lock(mutex);
        run("CREATE DATABASE " + name +
            (from_template.empty() ? "" : " TEMPLATE " + from_template));
        created.push_back(name);
        return address_of(name);
    }
    void drop_all() {
        std::lock_guard lock(mutex);
        for (auto it = created.rbegin(); it != created.rend(); ++it) {
            try {
                // FORCE ends any session a failed test left open on it.
                run("DROP DATABASE IF EXISTS " + *it + " WITH (FORCE)");
            } catch (const std::exception& e) {
                BOOST_TEST_MESSAGE("could not drop test database " << *it << ": " << e.what());
            }
        }
        created.clear();
        admin.reset();
    }
};
Databases& databases() {
    static Databases d;
    return d;
}

// Removes the run's temporary databases when the test module ends.
struct TempRootCleanup {
    ~TempRootCleanup() {
        if (on_postgres()) databases().drop_all();
        std::error_code ec;
        fs::remove_all(temp_root(), ec);
    }
};
BOOST_TEST_GLOBAL_FIXTURE(TempRootCleanup);

std::atomic<int> g_next_db{0};

std::string next_postgres_name() {
    return "yishi_t_" + std::to_string(getpid()) + "_" + std::to_string(++g_next_db);
}

void seed_demo_community(const fs::path& db) {
    TestStore store(db);
    server::PasswordHasher hasher;
    // The demo community alone (issues 1–6), not the played quarter: tests write their own.
    std::int64_t now = server::system_now();
    auto places = server::seed_demo_community(store, hasher.hash(server::kDemoPassword),
                                              now - 10 * 24 * 3600);
    BOOST_REQUIRE(places);
    server::seed_demo_issues(store, *places, now);
}  // the store closes here: SQLite folds its WAL into the main file, PostgreSQL's sessions end

std::unique_ptr<database::Database> open_for_reading(const fs::path& db) {
    database::Database::Options o;
    o.read_only = true;
    o.max_connections = 1;
    return database::Database::open(db.string(), o);
}

std::vector<std::string> table_names(database::Connection& c) {
    database::Statement q(
        c, c.kind() == database::Kind::sqlite
               ? "SELECT name FROM sqlite_master WHERE type = 'table' "
                 "AND name NOT LIKE 'sqlite_%' ORDER BY name"
               : "SELECT table_name FROM information_schema.tables "
                 "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                 "ORDER BY table_name");
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.column(0).text());
    return out;
}

std::vector<std::string> column_names(database::Connection& c, const std::string& table) {
    database::Statement q(
        c, c.kind() == database::Kind::sqlite
               ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
               : "SELECT column_name FROM information_schema.columns "
                 "WHERE table_schema = current_schema() AND table_name = ? "
                 "ORDER BY ordinal_position");
    q.bind(1, table);
    std::vector<std::string> out;
    while (q.step()) out.push_back(q.column(0).text());
    return out;
}
}  // namespace

bool on_postgres() { return !postgres_address().empty(); }

boost::test_tools::assertion_result on_sqlite(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result result(!on_postgres());
    result.message() << "a test of the SQLite file itself";
    return result;
}

fs::path fresh_db_path() {
    if (on_postgres()) return databases().create(next_postgres_name());
    return temp_root() / ("db-" + std::to_string(++g_next_db) + ".sqlite");
}

fs::path temp_path(const std::string& suffix) {
    return temp_root() / ("file-" + std::to_string(++g_next_db) + suffix);
}

std::string ballot_key_of(const fs::path& db) {
    if (!on_postgres()) return db.string() + ".ballot-key";
    std::string name = db.string().substr(db.string().rfind('/') + 1);
    return (temp_root() / (name.substr(0, name.find('?')) + ".ballot-key")).string();
}

fs::path seeded_db() {
    // Seeding hashes a password (Argon2, ~0.1 s): do it once, then copy the database.
    static std::once_flag once;
    static fs::path template_db;
    static const std::string template_name = "yishi_demo_" + std::to_string(getpid());
    std::call_once(once, [] {
        if (on_postgres()) {
            template_db = databases().create(template_name);
        } else {
            template_db = temp_root() / "demo-template.sqlite";
        }
        seed_demo_community(template_db);
    });
    if (on_postgres()) return databases().create(next_postgres_name(), template_name);
    fs::path copy = fresh_db_path();
    fs::copy_file(template_db, copy);
    return copy;
}

std::unique_ptr<database::Database> open_db(const fs::path& db) {
    database::Database::Options o;
    o.max_connections = 1;
    return database::Database::open(db.string(), o);
}

void execute(const fs::path& db, std::string_view script) {
    open_db(db)->write([&](database::Connection& c) {
        c.execute(script);
        if (c.kind() != database::Kind::postgres) return;
        // Every column that draws from a sequence (serial or identity) continues after its
        // table's highest value.
        database::Statement columns(
            c, "SELECT table_name, column_name, pg_get_serial_sequence(table_name, column_name) "
               "FROM information_schema.columns WHERE table_schema = current_schema() "
               "AND pg_get_serial_sequence(table_name, column_name) IS NOT NULL");
        std::vector<std::string> moves;
        while (columns.step()) {
            std::string table = columns.column(0).text(), column = columns.column(1).text();
            moves.push_back("SELECT setval('" + columns.column(2).text() +
                            "', COALESCE((SELECT MAX(\"" + column + "\") FROM \"" + table +
                            "\"), 0) + 1, false)");
        }
        for (const auto& move : moves) database::Statement(c, move).run();
    });
}

std::int64_t query_int(const fs::path& db, const std::string& sql) {
    return open_for_reading(db)->read([&](database::Connection& c) {
        database::Statement q(c, sql);
        return database::single(q).int64();
    });
}

std::vector<std::string> table_names(const fs::path& db) {
    return open_for_reading(db)->read([](database::Connection& c) { return table_names(c); });
}

std::vector<std::string> column_names(const fs::path& db, const std::string& table) {
    return open_for_reading(db)->read(
        [&](database::Connection& c) { return column_names(c, table); });
}

TestServer::TestServer(const fs::path& db, ServiceOptions options) : db_(db) {
    store_ = std::make_unique<TestStore>(db);
    service_ = std::make_unique<server::Service>(*store_, std::move(options));
    port_ = service_->bind("127.0.0.1", 0);
    BOOST_REQUIRE(port_ > 0);
    thread_ = std::thread([this] { service_->listen(); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!service_->running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (!service_->running()) {
        // Not a BOOST_REQUIRE: it would throw past a thread that still needs joining.
        service_->stop();
        thread_.join();
        BOOST_FAIL("server did not start");
    }
}

TestServer::~TestServer() {
    service_->stop();
    if (thread_.joinable()) thread_.join();
}

httplib::Client TestServer::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10);
    return c;
}

std::string TestServer::login(const std::string& login, const std::string& password) {
    auto r = client().Post("/api/login", encode(LoginRequest{login, password}), kJson);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 200);
    auto reply = decode_login_reply(r->body);
    BOOST_REQUIRE(reply.ok());
    return reply.value().token;
}

std::string TestServer::token_for(Id member_id) {
    std::string token = server::new_token();
    store_->add_token(server::token_digest(token), member_id, server::system_now(),
                      server::TokenPolicy{});
    return token;
}

httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

int RawReply::status() const {
    if (data.rfind("HTTP/1.1 ", 0) != 0 || data.size() < 12) return 0;
    return std::stoi(data.substr(9, 3));
}

std::string RawReply::body() const {
    auto end = data.find("\r\n\r\n");
    return end == std::string::npos ? std::string() : data.substr(end + 4);
}

RawReply raw_exchange(int port, const std::string& request, std::chrono::milliseconds timeout) {
    RawReply reply;
    auto start = std::chrono::steady_clock::now();
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    BOOST_REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        BOOST_FAIL("cannot connect to the test server");
    }
    for (std::size_t sent = 0; sent < request.size();) {
        ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may close early: that is what some tests check
        sent += static_cast<std::size_t>(n);
    }
    char buf[4096];
    while (true) {
        auto left = timeout - std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::steady_clock::now() - start);
        if (left.count() <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            reply.closed_by_server = true;
            break;
        }
        reply.data.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    reply.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    return reply;
}

std::string dump_tables(const fs::path& db, const std::vector<std::string>& tables) {
    return open_for_reading(db)->read([&](database::Connection& c) {
        std::ostringstream out;
        for (const auto& table : tables) {
            out << "[" << table << "]\n";
            auto columns = column_names(c, table);
            std::string select, order;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                select += (i ? ", \"" : "\"") + columns[i] + "\"";
                order += (i ? ", " : "") + std::to_string(i + 1);
            }
            // Ordered by every column: a stable order on both databases, without SQLite's rowid.
            database::Statement q(
                c, "SELECT " + select + " FROM \"" + table + "\" ORDER BY " + order);
            while (q.step()) {
                for (std::size_t i = 0; i < columns.size(); ++i)
                    out << q.column(static_cast<int>(i)).text() << "|";
                out << "\n";
            }
        }
        return out.str();
    });
}

std::vector<server::AuditEntry> all_audit_entries(server::Store& store) {
    std::vector<server::AuditEntry> out;
    for (Id chain : store.audit_chains())
        for (auto& e : store.audit_entries(chain, 0, 1000000)) out.push_back(std::move(e));
    return out;
}

std::string snapshot(const fs::path& db) {
    return dump_tables(db, {"communities", "councils", "members", "council_members", "issues",
                            "cosigns", "invites", "audit_log"});
}

Error error_of(const httplib::Result& r) {
    BOOST_REQUIRE(r);
    return decode_error(r->body, r->status);
}

bool has_chinese(std::string_view message) {
    for (unsigned char c : message)
        if (c >= 0xE4 && c <= 0xE9) return true;
    return false;
}

void expect_refused_gets(TestServer& server, const std::vector<RefusedGet>& cases) {
    for (const auto& c : cases) {
        auto r = server.client().Get(c.path, c.token.empty() ? httplib::Headers{} : bearer(c.token));
        BOOST_REQUIRE(r);
        BOOST_TEST_CONTEXT(c.path) {
            BOOST_TEST(r->status == c.status);
            // Read as JSON here: error_of would stand in a Chinese message for any other body.
            Json body = Json::parse(r->body, nullptr, false);
            BOOST_REQUIRE(body.is_object());
            BOOST_TEST(body["error"]["code"] == c.code);
            BOOST_TEST(has_chinese(body["error"]["message"].get<std::string>()));
        }
    }
}

std::string run_tool(const std::string& command) {
    FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int raw = ::pclose(pipe);
    BOOST_REQUIRE_MESSAGE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0,
                          "failed (poppler-utils and zbar-tools installed?): " + command);
    return out;
}

fs::path written_pdf(const std::string& pdf_bytes) {
    auto path = temp_path(".pdf");
    std::ofstream(path, std::ios::binary) << pdf_bytes;
    return path;
}

int pdf_page_count(const fs::path& pdf) {
    std::istringstream info(run_tool("pdfinfo '" + pdf.string() + "'"));
    for (std::string line; std::getline(info, line);)
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    BOOST_FAIL("pdfinfo printed no page count");
    return 0;
}

std::string pdf_page_text(const fs::path& pdf, int page, bool layout) {
    std::string p = std::to_string(page);
    return run_tool(std::string("pdftotext ") + (layout ? "-layout " : "") + "-f " + p + " -l " +
                    p + " '" + pdf.string() + "' -");
}

std::string squeezed(const std::string& s) {
    std::string out;
    for (char ch : s)
        if (ch != ' ' && ch != '\n') out += ch;
    return out;
}

std::string pdf_text(const std::string& pdf_bytes) {
    auto pdf = written_pdf(pdf_bytes);
    std::istringstream lines(run_tool("pdftotext '" + pdf.string() + "' -"));
    std::string out;
    for (std::string line; std::getline(lines, line);) {
        if (line.find("页，共") != std::string::npos) continue;
        for (char ch : line)
            if (ch != ' ' && ch != '\t' && ch != '\f' && ch != '\r') out += ch;
    }
    return out;
}

void appear_in_order(const std::string& text, const std::vector<std::string>& parts) {
    std::size_t from = 0;
    for (const std::string& part : parts) {
        std::size_t at = text.find(squeezed(part), from);
        BOOST_TEST_REQUIRE(at != std::string::npos, "missing or out of order: " << part);
        from = at + squeezed(part).size();
    }
}

}  // namespace yishi::test
