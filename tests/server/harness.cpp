// The test harness: temp databases, in-process servers, raw sockets, snapshots.
#include "harness.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
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

// Removes the run's temporary databases when the test module ends.
struct TempRootCleanup {
    ~TempRootCleanup() {
        std::error_code ec;
        fs::remove_all(temp_root(), ec);
    }
};
BOOST_TEST_GLOBAL_FIXTURE(TempRootCleanup);

std::atomic<int> g_next_db{0};
}  // namespace

fs::path fresh_db_path() {
    return temp_root() / ("db-" + std::to_string(++g_next_db) + ".sqlite");
}

fs::path seeded_db() {
    // Seeding hashes a password (Argon2, ~0.1 s): do it once, then copy the file.
    static std::once_flag once;
    static fs::path template_db;
    std::call_once(once, [] {
        template_db = temp_root() / "demo-template.sqlite";
        server::Store store(template_db.string());
        server::PasswordHasher hasher;
        // The demo community alone (issues 1–6), not the played quarter: tests write their own.
        BOOST_REQUIRE(store.seed_if_empty(server::demo_seed(hasher, server::system_now())));
    });  // the store closes here, folding its WAL into the main file
    fs::path copy = fresh_db_path();
    fs::copy_file(template_db, copy);
    return copy;
}

TestServer::TestServer(const fs::path& db, ServiceOptions options) : db_(db) {
    store_ = std::make_unique<server::Store>(db.string());
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

std::string snapshot(const fs::path& db) {
    SQLite::Database conn(db.string(), SQLite::OPEN_READONLY);
    std::ostringstream out;
    for (const char* table :
         {"communities", "councils", "members", "council_members", "issues", "cosigns", "invites",
          "audit_log"}) {
        out << "[" << table << "]\n";
        SQLite::Statement q(conn, std::string("SELECT * FROM ") + table + " ORDER BY rowid");
        while (q.executeStep()) {
            for (int c = 0; c < q.getColumnCount(); ++c) out << q.getColumn(c).getString() << "|";
            out << "\n";
        }
    }
    return out.str();
}

Error error_of(const httplib::Result& r) {
    BOOST_REQUIRE(r);
    return decode_error(r->body, r->status);
}

}  // namespace yishi::test
