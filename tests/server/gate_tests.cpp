// The gate in front of the API: deadlines and caps that keep a few hostile connections from
// taking the server, malformed heads refused, the internal port closed to anything but the
// gate, and the client's address believed from a proxy only when it is trusted.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

// A client socket connected from `source` (any 127.0.0.0/8 address) to the test server.
int connect_from(const char* source, int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    BOOST_REQUIRE(fd >= 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source, &local.sin_addr);
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    return fd;
}

bool send_all(int fd, const std::string& bytes) {
    for (std::size_t sent = 0; sent < bytes.size();) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Sends `chunk` until `times` copies are out, the server stops taking them, or its reply has
// begun (kept in `reply`): a flood that the server cuts short.
void flood(int fd, const std::string& chunk, int times, std::string& reply) {
    char buf[4096];
    for (int i = 0; i < times && send_all(fd, chunk); ++i) {
        ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0) {
            reply.append(buf, static_cast<std::size_t>(n));
            return;
        }
    }
}

RawReply as_reply(std::string data) {
    RawReply r;
    r.data = std::move(data);
    return r;
}

// Reads until the server closes or `timeout` passes.
RawReply read_reply(int fd, std::chrono::milliseconds timeout) {
    RawReply reply;
    auto start = SteadyClock::now();
    char buf[4096];
    while (true) {
        auto left = timeout - std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
        pollfd p{fd, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            reply.closed_by_server = true;
            break;
        }
        reply.data.append(buf, static_cast<std::size_t>(n));
    }
    reply.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
    return reply;
}

RawReply exchange_from(const char* source, int port, const std::string& request,
                       std::chrono::milliseconds timeout = 5s) {
    int fd = connect_from(source, port);
    send_all(fd, request);
    RawReply r = read_reply(fd, timeout);
    ::close(fd);
    return r;
}

const std::string kVersion = "GET /api/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

std::size_t resident_bytes() {
    std::ifstream status("/proc/self/status");
    std::string key;
    std::size_t kib = 0;
    while (status >> key)
        if (key == "VmRSS:") {
            status >> kib;
            break;
        }
    return kib * 1024;
}

std::vector<std::string> failed_login_addresses(const std::filesystem::path& db) {
    return open_db(db)->read([](database::Connection& c) {
        database::Statement q(c, "SELECT address FROM throttle_pairs ORDER BY address");
        std::vector<std::string> out;
        while (q.step()) out.push_back(q.column(0).text());
        return out;
    });
}

std::string wrong_login(const std::string& extra_headers) {
    std::string body = R"({"login":"demo03","password":"not-the-password"})";
    return "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// Closes every socket it holds when the test ends, passed or failed.
struct Sockets {
    std::vector<int> fds;
    ~Sockets() {
        for (int fd : fds) ::close(fd);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(gate)

BOOST_AUTO_TEST_CASE(the_api_answers_promptly_while_idle_slow_and_flooding_connections_are_open) {
    TestServer server(seeded_db());
    Sockets idle, slow;
    for (int i = 0; i < 200; ++i) idle.fds.push_back(connect_from("127.0.0.3", server.port()));

    // Slowloris: a request line, then one header byte a second, never the blank line.
    std::vector<SteadyClock::time_point> first_byte(50);
    for (int i = 0; i < 50; ++i) {
        slow.fds.push_back(connect_from("127.0.0.4", server.port()));
        first_byte[i] = SteadyClock::now();
        send_all(slow.fds.back(), "GET /api/version HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }
    std::atomic<bool> done{false};
    std::vector<std::string> slow_replies(50);
    std::vector<SteadyClock::time_point> closed_at(50, SteadyClock::time_point::max());
    std::thread slowloris([&] {
        auto stop_at = SteadyClock::now() + 45s;
        while (!done && SteadyClock::now() < stop_at) {
            for (int i = 0; i < 50; ++i) {
                if (closed_at[i] != SteadyClock::time_point::max()) continue;
                send_all(slow.fds[i], "a");
                char buf[1024];
                ssize_t n;
                while ((n = ::recv(slow.fds[i], buf, sizeof buf, MSG_DONTWAIT)) > 0)
                    slow_replies[i].append(buf, static_cast<std::size_t>(n));
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
                    closed_at[i] = SteadyClock::now();
            }
            std::this_thread::sleep_for(1s);
        }
    });
    // Header floods: 20 connections at a time, each sending headers as fast as it can.
    std::atomic<int> floods_refused{0};
    std::vector<std::thread> flooders;
    for (int f = 0; f < 20; ++f)
        flooders.emplace_back([&] {
            std::string lines;
            for (int i = 0; i < 1000; ++i) lines += "X-Flood: 1\r\n";
            auto stop_at = SteadyClock::now() + 20s;
            while (!done && SteadyClock::now() < stop_at) {
                int fd = connect_from("127.0.0.5", server.port());
                send_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n");
                std::string reply;
                flood(fd, lines, 1000, reply);
                if (as_reply(reply + read_reply(fd, 2s).data).status() == 431) ++floods_refused;
                ::close(fd);
                std::this_thread::sleep_for(100ms);  // and again, without using up the ports
            }
        });
    std::this_thread::sleep_for(1s);

    auto start = SteadyClock::now();
    auto version = server.client().Get("/api/version");
    auto version_time = SteadyClock::now() - start;
    start = SteadyClock::now();
    auto login = server.client().Post("/api/login", R"({"login":"demo02","password":"yishi2026"})", kJson);
    auto login_time = SteadyClock::now() - start;
    auto answered = SteadyClock::now();
    BOOST_REQUIRE(version);
    BOOST_TEST(version->status == 200);
    BOOST_REQUIRE(login);
    BOOST_TEST(login->status == 200);
    BOOST_TEST_MESSAGE("version " << std::chrono::duration<double>(version_time).count() << " s, login "
                                  << std::chrono::duration<double>(login_time).count() << " s");

    // Every slow head is cut off at its 10 s deadline, with a 408 in the API's error shape.
    auto wait_until = SteadyClock::now() + 40s;
    while (SteadyClock::now() < wait_until &&
           std::any_of(closed_at.begin(), closed_at.end(),
                       [](auto t) { return t == SteadyClock::time_point::max(); }))
        std::this_thread::sleep_for(200ms);
    done = true;
    slowloris.join();
    for (auto& t : flooders) t.join();
    for (int i = 0; i < 50; ++i) {
        BOOST_TEST_CONTEXT("slow connection " << i) {
            BOOST_TEST((closed_at[i] != SteadyClock::time_point::max()));
            // Answered while every slow head was still held, so they did not hold up the API.
            BOOST_TEST((answered < closed_at[i]));
            BOOST_TEST(std::chrono::duration<double>(closed_at[i] - first_byte[i]).count() < 40.0);
            RawReply r = as_reply(slow_replies[i]);
            BOOST_TEST(r.status() == 408);
            BOOST_TEST(decode_error(r.body(), 408).code == "request_timeout");
        }
    }
    BOOST_TEST(floods_refused > 0);
}

BOOST_AUTO_TEST_CASE(heads_over_100_headers_or_16_kib_get_431_in_the_api_error_shape) {
    TestServer server(seeded_db());
    std::string many = "GET /api/version HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 100; ++i) many += "X-H" + std::to_string(i) + ": 1\r\n";
    auto r = raw_exchange(server.port(), many + "\r\n");
    BOOST_TEST(r.status() == 431);
    BOOST_TEST(decode_error(r.body(), 431).code == "headers_too_large");
    BOOST_TEST(r.closed_by_server);
    auto big = raw_exchange(server.port(), "GET /api/version HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                               std::string(17 * 1024, 'a') + "\r\n\r\n");
    BOOST_TEST(big.status() == 431);
    BOOST_TEST(big.closed_by_server);
    // 99 headers and Host are fine.
    std::string fine = "GET /api/version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    for (int i = 0; i < 98; ++i) fine += "X-H" + std::to_string(i) + ": 1\r\n";
    BOOST_TEST(raw_exchange(server.port(), fine + "\r\n").status() == 200);
}

BOOST_AUTO_TEST_CASE(a_million_headers_are_refused_without_growing_the_server) {
    TestServer server(seeded_db());
    std::string chunk;
    for (int i = 0; i < 10'000; ++i) chunk += "X-H: 1\r\n";
    std::size_t before = resident_bytes();
    int fd = connect_from("127.0.0.1", server.port());
    send_all(fd, "GET /api/version HTTP/1.1\r\nHost: x\r\n");
    std::string reply;
    flood(fd, chunk, 100, reply);  // 1,000,000 headers unless the server answers first
    RawReply r = as_reply(reply + read_reply(fd, 5s).data);
    ::close(fd);
    BOOST_TEST(r.status() == 431);
    BOOST_TEST(resident_bytes() < before + 16 * 1024 * 1024);
}

BOOST_AUTO_TEST_CASE(one_address_over_its_connection_cap_is_refused_while_another_is_served) {
    ServiceOptions options;
    options.max_connections_per_address = 16;
    TestServer server(seeded_db(), options);
    Sockets held;
    for (int i = 0; i < 16; ++i) held.fds.push_back(connect_from("127.0.0.1", server.port()));
    std::this_thread::sleep_for(300ms);  // accepted in order, before the one over the cap

    int over = connect_from("127.0.0.1", server.port());
    RawReply refused = read_reply(over, 5s);
    ::close(over);
    BOOST_TEST(refused.status() == 429);
    BOOST_TEST(decode_error(refused.body(), 429).code == "too_many_connections");
    BOOST_TEST(refused.closed_by_server);

    BOOST_TEST(exchange_from("127.0.0.2", server.port(), kVersion).status() == 200);

    // A freed place is given to the next connection from the same address.
    ::close(held.fds.back());
    held.fds.pop_back();
    int status = 0;
    for (auto until = SteadyClock::now() + 5s; status != 200 && SteadyClock::now() < until;) {
        std::this_thread::sleep_for(100ms);
        status = exchange_from("127.0.0.1", server.port(), kVersion).status();
    }
    BOOST_TEST(status == 200);
}

BOOST_AUTO_TEST_CASE(malformed_heads_get_400_in_the_api_error_shape_and_change_nothing) {
    TestServer server(seeded_db());
    std::string token = server.token_for(demo_member(2));
    std::string before = snapshot(server.db());
    std::string body = R"({"title":"畸形请求","body":"不应被保存"})";
    std::string len = std::to_string(body.size());
    std::string start = "POST /api/councils/1/issues HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                        token + "\r\nContent-Type: application/json\r\n";
    using namespace std::string_literals;
    const std::vector<std::pair<const char*, std::string>> cases = {
        {"two different Content-Length values",
         start + "Content-Length: " + len + "\r\nContent-Length: " + std::to_string(body.size() + 1) +
             "\r\n\r\n" + body + " "},
        {"a header line without a colon", start + "Content-Length: " + len + "\r\nX-Broken\r\n\r\n" + body},
        {"NUL in a header value",
         start + "Content-Length: " + len + "\r\nX-Note: a\0b\r\n\r\n"s + body},
        {"an obs-folded header line",
         start + "Content-Length: " + len + "\r\nX-Note: a\r\n folded\r\n\r\n" + body},
        {"a bad request line",
         "POST /api/councils/1/issues HTTP/1.1 extra\r\nHost: x\r\nAuthorization: Bearer " + token +
             "\r\nContent-Length: " + len + "\r\n\r\n" + body},
    };
    for (const auto& [rule, request] : cases) {
        BOOST_TEST_CONTEXT(rule) {
            auto r = raw_exchange(server.port(), request);
            BOOST_TEST(r.status() == 400);
            BOOST_TEST(r.data.find("application/json; charset=utf-8") != std::string::npos);
            auto e = decode_error(r.body(), 400);
            BOOST_TEST(e.code == "bad_request");
            BOOST_TEST(e.message.find("请求格式错误") == 0u);
            BOOST_TEST(r.closed_by_server);
        }
    }
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_on_a_kept_alive_connection_are_answered_in_order) {
    TestServer server(seeded_db());
    auto r = raw_exchange(server.port(),
                          "GET /api/version HTTP/1.1\r\nHost: x\r\n\r\n"
                          "GET /api/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    auto second = r.data.find("HTTP/1.1 404");
    BOOST_TEST(r.status() == 200);
    BOOST_TEST(r.data.find("Connection: keep-alive") < second);
    BOOST_TEST(second != std::string::npos);
    BOOST_TEST(r.closed_by_server);
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body_and_refused_when_too_large) {
    TestServer server(seeded_db());
    int fd = connect_from("127.0.0.1", server.port());
    std::string body = R"({"login":"demo04","password":"yishi2026"})";
    send_all(fd, "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n");
    RawReply go = read_reply(fd, 1s);
    BOOST_TEST(go.data == "HTTP/1.1 100 Continue\r\n\r\n");
    send_all(fd, body);
    RawReply r = read_reply(fd, 5s);
    ::close(fd);
    BOOST_TEST(r.status() == 200);

    auto big = raw_exchange(server.port(),
                            "POST /api/login HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                            "Content-Length: 2097152\r\n\r\n", 3s);
    BOOST_TEST(big.status() == 413);
    BOOST_TEST(big.data.find("100 Continue") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_internal_port_refuses_requests_that_did_not_pass_the_gate) {
    TestServer server(seeded_db());
    BOOST_REQUIRE(server.internal_port() > 0);
    BOOST_TEST(server.internal_port() != server.port());
    for (const std::string& extra : {std::string(), std::string("X-Yishi-Gate: guessed\r\n")}) {
        auto r = raw_exchange(server.internal_port(),
                              "GET /api/version HTTP/1.1\r\nHost: x\r\n" + extra + "Connection: close\r\n\r\n");
        BOOST_TEST(r.status() == 403);
        BOOST_TEST(decode_error(r.body(), 403).code == "gate_required");
    }
    std::string before = snapshot(server.db());
    auto login = raw_exchange(server.internal_port(), wrong_login("X-Yishi-Peer: 9.9.9.9\r\n"));
    BOOST_TEST(login.status() == 403);
    BOOST_TEST(failed_login_addresses(server.db()).empty());
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(forwarded_addresses_from_an_untrusted_peer_are_ignored) {
    TestServer server(seeded_db());
    std::string spoof = "X-Yishi-Peer: 9.9.9.9\r\nX-Forwarded-For: 8.8.8.8\r\nX-Real-IP: 7.7.7.7\r\n";
    BOOST_TEST(exchange_from("127.0.0.2", server.port(), wrong_login(spoof)).status() == 401);
    BOOST_TEST(failed_login_addresses(server.db()) == std::vector<std::string>{"127.0.0.2"});
}

BOOST_AUTO_TEST_CASE(forwarded_addresses_from_a_trusted_proxy_name_the_client) {
    ServiceOptions options;
    options.trusted_proxies = {"127.0.0.1"};
    TestServer server(seeded_db(), options);
    std::string spoof = "X-Yishi-Peer: 9.9.9.9\r\nX-Forwarded-For: 6.6.6.6, 8.8.8.8\r\n";
    BOOST_TEST(exchange_from("127.0.0.1", server.port(), wrong_login(spoof)).status() == 401);
    BOOST_TEST(exchange_from("127.0.0.1", server.port(), wrong_login("X-Real-IP: 7.7.7.7\r\n")).status() == 401);
    // Another peer is not the proxy: its headers are ignored.
    BOOST_TEST(exchange_from("127.0.0.2", server.port(), wrong_login(spoof)).status() == 401);
    BOOST_TEST(failed_login_addresses(server.db()) ==
               (std::vector<std::string>{"127.0.0.2", "7.7.7.7", "8.8.8.8"}));
}

BOOST_AUTO_TEST_CASE(thirty_two_logins_at_once_all_succeed_without_holding_up_other_requests) {
    TestServer server(seeded_db());
    std::atomic<int> logged_in{0};
    std::vector<std::future<int>> logins;
    for (int i = 0; i < 32; ++i)
        logins.push_back(std::async(std::launch::async, [&server, &logged_in, i] {
            char login[16];
            std::snprintf(login, sizeof login, "demo%02d", i % 15 + 1);
            httplib::Client client("127.0.0.1", server.port());
            client.set_read_timeout(60);  // 32 Argon2 checks in turn on a small machine
            auto r = client.Post("/api/login", encode(LoginRequest{login, "yishi2026"}), kJson);
            ++logged_in;
            return r ? r->status : 0;
        }));
    std::this_thread::sleep_for(200ms);
    for (int i = 0; i < 5; ++i) {
        auto r = server.client().Get("/api/version");
        BOOST_REQUIRE(r);
        BOOST_TEST(r->status == 200);
    }
    // Two checks run at a time, so a version request queued behind the logins would come back
    // after most of them; answered promptly, it comes back while most are still waiting.
    int done_by_then = logged_in.load();
    BOOST_TEST_MESSAGE(done_by_then << " of 32 logins were done when the five versions came back");
    BOOST_TEST(done_by_then < 16);
    for (auto& f : logins) BOOST_TEST(f.get() == 200);
}

BOOST_AUTO_TEST_SUITE_END()
