// yishi-server: parses the command line, opens the database, optionally seeds the demo
// community, and serves until SIGINT or SIGTERM; or verifies the audit log's hash chain, copies
// a database into another, or backs a SQLite database up while it serves.
#include <csignal>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <pthread.h>

#include "yishi/accounts.hpp"
#include "yishi/database/database.hpp"
#include "yishi/server/audit.hpp"
#include "yishi/server/seed.hpp"
#include "yishi/server/service.hpp"
#include "yishi/server/store.hpp"

namespace {

struct Options {
    std::string host = "127.0.0.1";  // loopback: production sits behind nginx for TLS
    int port = 8080;
    std::string db;
    std::string web;
    std::string ballot_key;  // default: <db>.ballot-key
    bool seed_demo = false;
    std::vector<std::string> trusted_proxies;
};

const char* const kUsage =
    "usage: yishi-server serve --db PATH [--ballot-key FILE] [--web DIR] [--host ADDR] [--port N]\n"
    "                          [--seed-demo] [--trusted-proxy ADDR]...\n"
    "       yishi-server verify-audit --db PATH\n"
    "       yishi-server migrate --from PATH --to postgresql://USER@HOST:PORT/DB\n"
    "       yishi-server backup --db PATH --to FILE\n"
    "  --host ADDR   address to listen on (default 127.0.0.1)\n"
    "  --port N      TCP port, 0 for any free port (default 8080)\n"
    "  --db PATH     SQLite database file, created if missing, or the address of a\n"
    "                PostgreSQL database (postgresql://...) that several servers may share\n"
    "  --ballot-key FILE\n"
    "                the key that seals secret ballots while they are open (default\n"
    "                PATH.ballot-key; created with mode 0600 if missing before the first secret\n"
    "                ballot). Servers sharing a database need the same file; keep it off the\n"
    "                database's backups, since the two together link voters to choices.\n"
    "  --web DIR     directory of the built web client (index.html, app.js, app.wasm)\n"
    "  --seed-demo   fill an empty database with the demo community\n"
    "  --trusted-proxy ADDR  a reverse proxy (such as nginx) at ADDR whose X-Forwarded-For or\n"
    "                X-Real-IP names the client; repeatable. Without it those headers are ignored\n"
    "verify-audit walks every community's audit chain without writing to the database; it\n"
    "exits 0 when the chains are intact, 1 at the first broken link, 2 when it cannot read.\n"
    "migrate copies a database (of this server's schema) into an empty one, then checks the\n"
    "copy's audit chains and row counts; it exits 0 when both agree.\n"
    "backup copies a SQLite database into the new file FILE while servers keep using it (never\n"
    "overwriting a file), then checks the copy's audit chains; it exits 0 when the copy is\n"
    "written and intact. The ballot key file is not copied. PostgreSQL: use pg_dump.\n";

[[noreturn]] void usage_error(const std::string& message) {
    std::cerr << "yishi-server: " << message << "\n" << kUsage;
    std::exit(2);
}

// verify-audit --db PATH
int verify_audit_command(int argc, char** argv) {
    std::string db;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) db = argv[++i];
        else if (arg == "--help" || arg == "-h") { std::cout << kUsage; return 0; }
        else usage_error("unknown option " + arg + " for verify-audit");
    }
    if (db.empty()) usage_error("--db PATH is required");
    try {
        // Read-only, and never creates the file: a typo must not yield an "intact" empty log.
        yishi::server::Store store(db, yishi::server::Store::Access::read_only);
        auto report = yishi::server::verify_audit(store);
        if (!report.intact()) {
            std::cout << "audit log of community " << report.broken_chain << " broken at entry "
                      << *report.broken_at << ": " << report.reason
                      << " (" << report.entries << " entries before it are intact)" << std::endl;
            return 1;
        }
        std::cout << "audit log intact: " << report.entries << " entries in " << report.chains
                  << " chains\n";
        for (const auto& [community, head] : report.heads)
            std::cout << "head hash of community " << community << ": " << head << "\n";
        std::cout << std::flush;
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "yishi-server: " << e.what() << "\n";
        return 2;
    }
}

// migrate --from PATH --to ADDRESS: copies a database into an empty one, then checks the
// copy's audit chains and compares every table's row count.
int migrate_command(int argc, char** argv) {
    std::string from, to;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--from" && i + 1 < argc) from = argv[++i];
        else if (arg == "--to" && i + 1 < argc) to = argv[++i];
        else if (arg == "--help" || arg == "-h") { std::cout << kUsage; return 0; }
        else usage_error("unknown option " + arg + " for migrate");
    }
    if (from.empty() || to.empty()) usage_error("--from and --to are required");
    try {
        auto counts = yishi::server::copy_database(from, to);
        bool equal = true;
        for (const auto& c : counts) {
            std::cout << c.table << ": " << c.source << " -> " << c.target << "\n";
            equal = equal && c.source == c.target;
        }
        yishi::server::Store copy(to, yishi::server::Store::Access::read_only);
        auto report = yishi::server::verify_audit(copy);
        std::cout << "audit log of the copy: "
                  << (report.intact() ? "intact, " + std::to_string(report.entries) + " entries"
                                      : "broken: " + report.reason)
                  << std::endl;
        if (!equal) std::cerr << "yishi-server: row counts differ\n";
        return equal && report.intact() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "yishi-server: " << e.what() << "\n";
        return 2;
    }
}

// backup --db PATH --to FILE: SQLite's online backup into a new file, then its audit chains.
int backup_command(int argc, char** argv) {
    std::string db, to;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) db = argv[++i];
        else if (arg == "--to" && i + 1 < argc) to = argv[++i];
        else if (arg == "--help" || arg == "-h") { std::cout << kUsage; return 0; }
        else usage_error("unknown option " + arg + " for backup");
    }
    if (db.empty() || to.empty()) usage_error("--db and --to are required");
    try {
        auto copy = yishi::database::backup_sqlite(db, to);
        std::cout << "backed up " << db << " to " << to << ": " << copy.pages << " pages of "
                  << copy.page_size << " bytes (" << copy.pages * copy.page_size << " bytes)\n";
        yishi::server::Store store(to, yishi::server::Store::Access::read_only);
        auto report = yishi::server::verify_audit(store);
        if (!report.intact()) {
            std::cout << "audit log of the copy broken in community " << report.broken_chain
                      << " at entry " << *report.broken_at << ": " << report.reason << std::endl;
            return 1;
        }
        std::cout << "audit log of the copy intact: " << report.entries << " entries in "
                  << report.chains << " chains" << std::endl;
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "yishi-server: " << e.what() << "\n";
        return 1;
    }
}

Options parse(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) != "serve")
        usage_error("expected the command 'serve', 'verify-audit', 'migrate' or 'backup'");
    Options o;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--host") o.host = value();
        else if (arg == "--port") {
            std::string v = value();
            if (v.empty() || v.size() > 5 || v.find_first_not_of("0123456789") != std::string::npos ||
                std::stoi(v) > 65535)
                usage_error("--port must be a number from 0 to 65535");
            o.port = std::stoi(v);
        } else if (arg == "--db") o.db = value();
        else if (arg == "--ballot-key") o.ballot_key = value();
        else if (arg == "--web") o.web = value();
        else if (arg == "--seed-demo") o.seed_demo = true;
        else if (arg == "--trusted-proxy") o.trusted_proxies.push_back(value());
        else if (arg == "--help" || arg == "-h") { std::cout << kUsage; std::exit(0); }
        else usage_error("unknown option " + arg);
    }
    if (o.db.empty()) usage_error("--db PATH is required");
    return o;
}

std::string url_host(const std::string& host) {
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace yishi::server;
    if (argc >= 2 && std::string(argv[1]) == "verify-audit") return verify_audit_command(argc, argv);
    if (argc >= 2 && std::string(argv[1]) == "migrate") return migrate_command(argc, argv);
    if (argc >= 2 && std::string(argv[1]) == "backup") return backup_command(argc, argv);
    Options options = parse(argc, argv);

    // Signals are taken by one thread with sigwait, not by a handler: stopping the server
    // is not async-signal-safe. Blocked here, before any thread starts, so all inherit it.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    // A shell starts background jobs with SIGINT ignored, and an ignored signal never reaches
    // sigwait. With the signals blocked, the default action cannot kill us before sigwait.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        Store store(options.db, Store::Access::read_write, options.ballot_key);
        ServiceOptions service_options;
        service_options.web_dir = options.web;
        service_options.trusted_proxies = options.trusted_proxies;
        Service service(store, service_options);

        bool seeded = false;
        if (options.seed_demo) seeded = seed_demo(store, service.hasher(), system_now());

        int port = service.bind(options.host, options.port);
        if (port < 0) {
            std::cerr << "yishi-server: cannot listen on " << options.host << ":" << options.port
                      << " (port in use, or address not available)\n";
            return 1;
        }
        std::cout << "Yishi listening on http://" << url_host(options.host) << ":" << port << "/"
                  << std::endl;
        // An empty database waits for its administrator: a one-time link, valid until setup
        // is done (a new start prints a new one and the old one no longer works).
        if (!seeded && store.setup_needed()) {
            std::string code = new_invite_code();
            if (store.offer_setup(sha256_hex(code), system_now())) {
                std::string shown_host = options.host == "0.0.0.0" || options.host == "::"
                                             ? "127.0.0.1" : url_host(options.host);
                std::cout << "首次使用：请在浏览器中打开以下链接，创建平台管理员和第一个街道、社区"
                             "（链接只能使用一次）:\nFirst start: open http://"
                          << shown_host << ":" << port << "/#/setup/" << yishi::format_invite_code(code)
                          << std::endl;
            }
        }
        if (options.seed_demo) {
            if (has_demo_logins(store)) {
                std::cout << (seeded ? "Demo community seeded." : "Demo community present.")
                          << " Logins (password " << kDemoPassword << "):";
                for (const auto& l : demo_logins())
                    std::cout << " " << l.login << (l.role == "convenor" ? "(召集人)" : "");
                std::cout << "; units and grid worker:";
                for (const auto& l : demo_staff_logins()) std::cout << " " << l.login;
                std::cout << "; administrator: " << kDemoAdminLogin << std::endl;
            } else {
                std::cout << "Database already holds other data; demo not seeded." << std::endl;
            }
        }

        std::atomic<bool> done{false};
        std::thread signals([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            // stop() is lost if it lands before listen() has started: repeat until it ends.
            while (!done) {
                service.stop();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        });
        bool ok = service.listen();
        done = true;
        if (!ok) pthread_kill(signals.native_handle(), SIGTERM);  // wake sigwait
        signals.join();
        if (!ok) {
            std::cerr << "yishi-server: the server stopped unexpectedly\n";
            return 1;
        }
        std::cout << "Yishi stopped." << std::endl;
        return 0;
    } catch (const StoreError& e) {
        std::cerr << "yishi-server: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "yishi-server: " << e.what() << "\n";
        return 1;
    }
}
