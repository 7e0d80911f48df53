// The gate's event loop: accepting, reading heads and bodies against deadlines and caps,
// the two lanes of requests in flight to httplib, and writing replies back.
#include "gate.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <strings.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <unordered_map>

#include "yishi/messages.hpp"

namespace yishi::server {

namespace {

using Clock = std::chrono::steady_clock;
constexpr Clock::time_point kNever = Clock::time_point::max();

// epoll data: an id, with the top bit set for upstream sockets. Ids are never reused, so an
// event for a socket closed earlier in the same batch finds nothing.
constexpr std::uint64_t kListenId = 1;
constexpr std::uint64_t kWakeId = 2;
constexpr std::uint64_t kUpstreamBit = 1ull << 63;

const char* reason_phrase(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 403: return "Forbidden";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        case 429: return "Too Many Requests";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return "Internal Server Error";
    }
}

// A refusal in the API's error shape; the connection ends after it.
std::string error_response(const Error& e) {
    std::string body = encode(e);
    return "HTTP/1.1 " + std::to_string(e.status) + " " + reason_phrase(e.status) +
           "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n" + kApiVersionHeader + ": " +
           std::to_string(kApiVersion) +
           "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
           "Referrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n"
           "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"
           "Connection: close\r\n\r\n" +
           body;
}

std::string peer_text(const sockaddr_storage& addr) {
    char out[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, out, sizeof out);
    else if (addr.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(addr).sin6_addr, out, sizeof out);
    return canonical_address(out).value_or(out);
}

bool is_hashing(const RequestHead& head) {
    // The routes that run Argon2 on the request's password.
    std::string path = head.path();
    return head.method == "POST" && (path == "/api/login" || path == "/api/register" ||
                                      path == "/api/setup" || path == "/api/password-reset");
}

// Raises the soft limit on open files to the hard one and returns it.
std::size_t raise_open_file_limit() {
    rlimit r{};
    if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
    rlim_t want = r.rlim_max == RLIM_INFINITY ? rlim_t{1} << 20 : r.rlim_max;
    if (r.rlim_cur < want) {
        rlimit raised{want, r.rlim_max};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) r.rlim_cur = want;
    }
    return static_cast<std::size_t>(r.rlim_cur);
}

enum class Lane { general = 0, hashing = 1 };

}  // namespace

struct Gate::Loop {
    // What a client connection is doing.
    enum class Phase {
        idle,        // between requests, nothing read
        head,        // reading the request line and headers
        body,        // reading a Content-Length body
        queued,      // complete, waiting for a lane
        forwarding,  // at httplib, no reply yet
        replying,    // writing httplib's reply
        closing      // reply written and write side shut: reading what is left, then closing
    };
    struct Conn {
        int fd = -1;
        std::string address;  // the socket's peer, as counted against the per-address cap
        Phase phase = Phase::idle;
        std::string in, out;
        std::size_t out_sent = 0;
        RequestHead head;
        std::string request;  // the forwarded request, when complete
        Lane lane = Lane::general;
        bool keep_alive = false;  // for the reply being written
        bool reply_done = false;  // httplib has sent the whole reply
        bool close_after_write = false;
        std::uint64_t upstream = 0;
        std::uint32_t interest = 0;
        Clock::time_point deadline = kNever;
    };
    struct Upstream {
        int fd = -1;
        std::uint64_t conn = 0;  // 0 once the client has gone
        Lane lane = Lane::general;
        std::string out;
        std::size_t out_sent = 0;
        std::string head;  // the reply until its blank line has been seen
        bool head_seen = false;
        Clock::time_point deadline = kNever;
    };

    GateOptions options;
    std::string secret;
    int listen_fd = -1;
    int epoll_fd = -1;
    int wake_fd = -1;
    int upstream_port = -1;
    std::atomic<bool> stop_requested{false};
    std::atomic<bool> is_running{false};
    std::uint64_t next_id = 16;
    std::unordered_map<std::uint64_t, Conn> conns;
    std::unordered_map<std::uint64_t, Upstream> upstreams;
    std::unordered_map<std::string, std::size_t> per_address;
    std::deque<std::uint64_t> waiting[2];
    std::size_t in_flight[2] = {0, 0};
    Clock::time_point accept_paused_until{};
    Clock::time_point now = Clock::now();

    Loop(GateOptions o, std::string s) : options(std::move(o)), secret(std::move(s)) {
        for (auto& t : options.trusted_proxies) {
            auto c = canonical_address(t);
            if (!c) throw std::invalid_argument("not an IP address: " + t);
            t = *c;
        }
        epoll_fd = epoll_create1(EPOLL_CLOEXEC);
        wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (epoll_fd < 0 || wake_fd < 0) throw std::runtime_error("cannot create the event loop");
    }

    ~Loop() {
        for (int fd : {listen_fd, epoll_fd, wake_fd})
            if (fd >= 0) ::close(fd);
    }

    bool trusted(const std::string& address) const {
        for (const auto& t : options.trusted_proxies)
            if (t == address) return true;
        return false;
    }

    std::size_t lane_cap(Lane lane) const {
        return lane == Lane::hashing ? options.max_hashing_in_flight : options.max_in_flight;
    }

    void watch(int fd, std::uint64_t id, std::uint32_t events) {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = id;
        epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    }

    void set_interest(std::uint64_t id, Conn& c) {
        std::uint32_t want = 0;
        if (c.phase == Phase::idle || c.phase == Phase::head || c.phase == Phase::body ||
            c.phase == Phase::closing)
            want |= EPOLLIN;
        if (c.out_sent < c.out.size()) want |= EPOLLOUT;
        if (want == c.interest) return;
        epoll_event ev{};
        ev.events = want;
        ev.data.u64 = id;
        epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
        c.interest = want;
    }

    // ---- accepting

    void accept_all() {
        while (true) {
            sockaddr_storage addr{};
            socklen_t len = sizeof addr;
            int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                    pause_accepting();
                return;
            }
            std::string address = peer_text(addr);
            std::size_t& mine = per_address[address];
            if (conns.size() >= options.max_connections) {
                turn_away(fd, make_error("server_busy"));
            } else if (mine >= options.max_connections_per_address && !trusted(address)) {
                turn_away(fd, make_error("too_many_connections"));
            } else {
                int yes = 1;
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
                ++mine;
                std::uint64_t id = next_id++;
                Conn& c = conns[id];
                c.fd = fd;
                c.address = address;
                c.deadline = now + options.idle_timeout;
                c.interest = EPOLLIN;
                watch(fd, id, EPOLLIN);
                continue;
            }
            if (mine == 0) per_address.erase(address);
        }
    }

    // Out of file descriptors: the pending connection stays in the backlog, and polling
    // the listening socket again at once would spin.
    void pause_accepting() {
        accept_paused_until = now + std::chrono::milliseconds(100);
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
    }

    void resume_accepting() {
        if (accept_paused_until == Clock::time_point{} || now < accept_paused_until) return;
        accept_paused_until = {};
        watch(listen_fd, kListenId, EPOLLIN);
    }

    // A connection over a cap: answered at once and closed, holding nothing.
    void turn_away(int fd, const Error& e) {
        char sink[4096];
        while (::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
        }
        std::string reply = error_response(e);
        (void)!::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(fd);
    }

    // ---- reading requests

    void on_client(std::uint64_t id, std::uint32_t events) {
        auto it = conns.find(id);
        if (it == conns.end()) return;
        if (events & EPOLLOUT) {
            if (!write_client(id, it->second)) return;
        }
        if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) read_client(id, it->second);
    }

    void read_client(std::uint64_t id, Conn& c) {
        char buf[16 * 1024];
        while (true) {
            bool reading = c.phase == Phase::idle || c.phase == Phase::head ||
                           c.phase == Phase::body || c.phase == Phase::closing;
            if (!reading) {
                // A hang-up while the request is with httplib: the reply has nowhere to go.
                char probe;
                ssize_t n = ::recv(c.fd, &probe, 1, MSG_PEEK | MSG_DONTWAIT);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                    close_conn(id);
                return;
            }
            ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n < 0) {
                if (errno == EINTR) continue;
                if (errno != EAGAIN && errno != EWOULDBLOCK) close_conn(id);
                return;
            }
            if (n == 0) return close_conn(id);  // the client ended; nothing is owed to it
            if (c.phase == Phase::closing) continue;
            bool new_line = std::memchr(buf, '\n', static_cast<std::size_t>(n)) != nullptr;
            c.in.append(buf, static_cast<std::size_t>(n));
            if (c.phase == Phase::idle) {
                c.phase = Phase::head;
                c.deadline = now + options.head_timeout;
            }
            // A head can end, or grow past its limit, only with a new line or more bytes.
            if (c.phase == Phase::body || new_line || c.in.size() > options.limits.max_head_bytes)
                if (!advance(id, c)) return;
        }
    }

    // Moves a connection on as far as the bytes read allow. False when it was closed.
    bool advance(std::uint64_t id, Conn& c) {
        if (!step(id, c)) return false;
        auto it = conns.find(id);
        if (it != conns.end()) set_interest(id, it->second);
        return it != conns.end();
    }

    bool step(std::uint64_t id, Conn& c) {
        if (c.phase == Phase::idle || c.phase == Phase::head) {
            if (c.in.empty()) {
                c.phase = Phase::idle;
                c.deadline = now + options.idle_timeout;
                set_interest(id, c);
                return true;
            }
            if (c.phase == Phase::idle) {
                c.phase = Phase::head;
                c.deadline = now + options.head_timeout;
            }
            HeadRead read = read_request_head(c.in, options.limits);
            if (read.state == HeadRead::State::incomplete) return true;
            if (read.state == HeadRead::State::refused) return refuse(id, c, read.error);
            c.head = std::move(read.head);
            c.phase = Phase::body;
            c.deadline = now + options.body_timeout;
            if (c.head.expects_continue && c.head.content_length > 0 &&
                c.in.size() < c.head.head_bytes + c.head.content_length) {
                c.out += "HTTP/1.1 100 Continue\r\n\r\n";
                if (!write_client(id, c)) return false;
            }
        }
        if (c.phase != Phase::body) return true;
        std::size_t total = c.head.head_bytes + c.head.content_length;
        if (c.in.size() < total) return true;
        c.request = forwarded_request(c, std::string_view(c.in).substr(c.head.head_bytes, c.head.content_length));
        c.in.erase(0, total);
        c.phase = Phase::queued;
        c.deadline = kNever;
        c.lane = is_hashing(c.head) ? Lane::hashing : Lane::general;
        set_interest(id, c);
        waiting[static_cast<int>(c.lane)].push_back(id);
        pump();
        return conns.count(id) > 0;
    }

    std::string forwarded_request(const Conn& c, std::string_view body) const {
        const RequestHead& h = c.head;
        std::string r = h.method + " " + h.target + " " + h.version + "\r\n";
        for (const auto& [name, value] : h.headers)
            if (!is_hop_header(name)) r += name + ": " + value + "\r\n";
        // A POST without a length has an empty body (RFC 9112 6.3); say so to httplib.
        if (!body.empty() || (h.method != "GET" && h.method != "HEAD"))
            r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
        r += "Connection: close\r\n";
        r += std::string(kGateSecretHeader) + ": " + secret + "\r\n";
        r += std::string(kPeerHeader) + ": " +
             originating_address(h, c.address, options.trusted_proxies) + "\r\n\r\n";
        r.append(body);
        return r;
    }

    // Answers with an error and ends the connection. False: it was closed already.
    bool refuse(std::uint64_t id, Conn& c, const Error& e) {
        c.in.clear();
        c.phase = Phase::replying;
        c.reply_done = true;
        c.close_after_write = true;
        c.out.erase(0, c.out_sent);
        c.out_sent = 0;
        c.out += error_response(e);
        return write_client(id, c);
    }

    // ---- the lanes to httplib

    void pump() {
        for (Lane lane : {Lane::hashing, Lane::general}) {
            auto& queue = waiting[static_cast<int>(lane)];
            while (in_flight[static_cast<int>(lane)] < lane_cap(lane) && !queue.empty()) {
                std::uint64_t id = queue.front();
                queue.pop_front();
                auto it = conns.find(id);
                if (it == conns.end() || it->second.phase != Phase::queued) continue;
                start_upstream(id, it->second);
            }
        }
    }

    void start_upstream(std::uint64_t id, Conn& c) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            refuse(id, c, make_error("server_busy"));
            return;
        }
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(upstream_port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 &&
            errno != EINPROGRESS) {
            ::close(fd);
            refuse(id, c, make_error("internal"));
            return;
        }
        std::uint64_t uid = next_id++;
        Upstream& u = upstreams[uid];
        u.fd = fd;
        u.conn = id;
        u.lane = c.lane;
        u.out = std::move(c.request);
        u.deadline = now + options.upstream_timeout;
        ++in_flight[static_cast<int>(u.lane)];
        c.upstream = uid;
        c.phase = Phase::forwarding;
        c.reply_done = false;
        watch(fd, uid | kUpstreamBit, EPOLLOUT);
    }

    void on_upstream(std::uint64_t uid, std::uint32_t events) {
        auto it = upstreams.find(uid);
        if (it == upstreams.end()) return;
        Upstream& u = it->second;
        if (u.out_sent < u.out.size() && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            while (u.out_sent < u.out.size()) {
                ssize_t n = ::send(u.fd, u.out.data() + u.out_sent, u.out.size() - u.out_sent,
                                   MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR) continue;
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
                if (n <= 0) return end_upstream(uid, false);
                u.out_sent += static_cast<std::size_t>(n);
            }
            u.out = {};
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.u64 = uid | kUpstreamBit;
            epoll_ctl(epoll_fd, EPOLL_CTL_MOD, u.fd, &ev);
            return;
        }
        if (!(events & (EPOLLIN | EPOLLHUP | EPOLLERR))) return;
        char buf[64 * 1024];
        while (true) {
            ssize_t n = ::recv(u.fd, buf, sizeof buf, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
            if (n <= 0) return end_upstream(uid, n == 0);
            if (!pass_reply(u, std::string_view(buf, static_cast<std::size_t>(n)))) return;
        }
    }

    // Hands bytes of httplib's reply to the client, the head rewritten for this connection.
    // False when the client is gone.
    bool pass_reply(Upstream& u, std::string_view bytes) {
        auto it = conns.find(u.conn);
        if (it == conns.end()) {
            u.conn = 0;
            return true;  // read on to the end: the worker finishes either way
        }
        Conn& c = it->second;
        if (u.head_seen) {
            c.out.append(bytes);
        } else {
            u.head.append(bytes);
            auto end = u.head.find("\r\n\r\n");
            if (end == std::string::npos) return true;
            u.head_seen = true;
            c.phase = Phase::replying;
            c.out += reply_head(c, std::string_view(u.head).substr(0, end + 2));
            c.out.append(std::string_view(u.head).substr(end + 4));
            u.head = {};
        }
        c.deadline = now + options.write_timeout;
        return write_client(u.conn, c);
    }

    // httplib's status line and headers with the connection's own Connection header: kept
    // alive when the client wants it and the reply's end is known from its length.
    std::string reply_head(Conn& c, std::string_view head) {
        std::string out;
        bool has_length = false;
        int status = 0;
        std::size_t pos = 0;
        bool first = true;
        while (pos < head.size()) {
            auto end = head.find("\r\n", pos);
            if (end == std::string_view::npos) break;
            std::string_view line = head.substr(pos, end - pos);
            pos = end + 2;
            if (first) {
                first = false;
                if (line.size() >= 12) status = std::atoi(std::string(line.substr(9, 3)).c_str());
                out.append(line).append("\r\n");
                continue;
            }
            std::string name(line.substr(0, line.find(':')));
            if (strcasecmp(name.c_str(), "Content-Length") == 0) has_length = true;
            if (strcasecmp(name.c_str(), "Connection") == 0 ||
                strcasecmp(name.c_str(), "Keep-Alive") == 0)
                continue;
            out.append(line).append("\r\n");
        }
        bool bodiless = c.head.method == "HEAD" || status == 204 || status == 304;
        c.keep_alive = c.head.keep_alive && (has_length || bodiless) && !stop_requested;
        out += c.keep_alive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        return out;
    }

    void end_upstream(std::uint64_t uid, bool complete) {
        auto it = upstreams.find(uid);
        if (it == upstreams.end()) return;
        Upstream u = std::move(it->second);
        upstreams.erase(it);
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, u.fd, nullptr);
        ::close(u.fd);
        --in_flight[static_cast<int>(u.lane)];
        auto c = conns.find(u.conn);
        if (c != conns.end()) {
            c->second.upstream = 0;
            if (!u.head_seen) {
                refuse(u.conn, c->second, make_error("internal"));
            } else if (!complete) {
                close_conn(u.conn);
            } else {
                c->second.reply_done = true;
                write_client(u.conn, c->second);
            }
        }
        pump();
    }

    // ---- writing replies

    // Writes what it can; when the reply is all out, moves on to the next request or ends
    // the connection. False when the connection was closed.
    bool write_client(std::uint64_t id, Conn& c) {
        while (c.out_sent < c.out.size()) {
            ssize_t n = ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                set_interest(id, c);
                return true;
            }
            if (n <= 0) {
                close_conn(id);
                return false;
            }
            c.out_sent += static_cast<std::size_t>(n);
            if (c.phase == Phase::replying) c.deadline = now + options.write_timeout;
        }
        c.out.clear();
        c.out_sent = 0;
        if (c.phase != Phase::replying || !c.reply_done) {
            set_interest(id, c);
            return true;
        }
        if (c.close_after_write || !c.keep_alive) {
            // Half-close, then read what the client still sends: closing with unread bytes
            // would reset the connection and could destroy the reply before it is read.
            ::shutdown(c.fd, SHUT_WR);
            c.phase = Phase::closing;
            c.in.clear();
            c.deadline = now + options.linger_timeout;
            set_interest(id, c);
            return true;
        }
        c.phase = Phase::idle;
        c.reply_done = false;
        c.head = {};
        c.deadline = now + options.idle_timeout;
        return advance(id, c);  // a pipelined request may be waiting in `in`
    }

    void close_conn(std::uint64_t id) {
        auto it = conns.find(id);
        if (it == conns.end()) return;
        Conn& c = it->second;
        epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        if (auto a = per_address.find(c.address); a != per_address.end() && --a->second == 0)
            per_address.erase(a);
        if (auto u = upstreams.find(c.upstream); u != upstreams.end()) u->second.conn = 0;
        conns.erase(it);
    }

    // ---- deadlines

    void sweep() {
        std::vector<std::uint64_t> late;
        for (auto& [id, c] : conns)
            if (c.deadline <= now) late.push_back(id);
        for (std::uint64_t id : late) {
            auto it = conns.find(id);
            if (it == conns.end()) continue;
            Conn& c = it->second;
            if (c.phase == Phase::head || c.phase == Phase::body) refuse(id, c, make_error("request_timeout"));
            else close_conn(id);  // idle, a stalled reply, or done lingering
        }
        std::vector<std::uint64_t> stuck;
        for (auto& [uid, u] : upstreams)
            if (u.deadline <= now) stuck.push_back(uid);
        for (std::uint64_t uid : stuck) end_upstream(uid, false);
    }

    bool run() {
        if (listen_fd < 0 || upstream_port < 0) return false;
        watch(listen_fd, kListenId, EPOLLIN);
        watch(wake_fd, kWakeId, EPOLLIN);
        is_running = true;
        epoll_event events[256];
        Clock::time_point last_sweep = Clock::now();
        while (!stop_requested) {
            int n = epoll_wait(epoll_fd, events, 256, 100);
            now = Clock::now();
            for (int i = 0; i < n; ++i) {
                std::uint64_t id = events[i].data.u64;
                if (id == kListenId) accept_all();
                else if (id == kWakeId) continue;
                else if (id & kUpstreamBit) on_upstream(id & ~kUpstreamBit, events[i].events);
                else on_client(id, events[i].events);
            }
            resume_accepting();
            if (now - last_sweep >= std::chrono::milliseconds(100)) {
                sweep();
                last_sweep = now;
            }
        }
        for (auto& [uid, u] : upstreams) ::close(u.fd);
        for (auto& [id, c] : conns) ::close(c.fd);
        upstreams.clear();
        conns.clear();
        per_address.clear();
        ::close(listen_fd);
        listen_fd = -1;
        is_running = false;
        return true;
    }
};

Gate::Gate(GateOptions options, std::string secret)
    : loop_(std::make_unique<Loop>(std::move(options), std::move(secret))) {}

Gate::~Gate() = default;

int Gate::bind(const std::string& host, int port) {
    // Each client connection holds one descriptor; requests in flight hold two more, and the
    // database and httplib need a few.
    std::size_t files = raise_open_file_limit();
    std::size_t reserve = 64 + 2 * (loop_->options.max_in_flight + loop_->options.max_hashing_in_flight);
    std::size_t room = files > reserve + 16 ? files - reserve : 16;
    if (loop_->options.max_connections > room) loop_->options.max_connections = room;

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        // SO_REUSEADDR allows a quick restart; without SO_REUSEPORT a port in use still fails.
        int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, SOMAXCONN) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(found);
    if (fd < 0) return -1;
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &len);
    loop_->listen_fd = fd;
    return ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(bound).sin6_port
                                             : reinterpret_cast<sockaddr_in&>(bound).sin_port);
}

void Gate::forward_to(int port) { loop_->upstream_port = port; }

bool Gate::run() {
    if (loop_->stop_requested) return true;
    return loop_->run();
}

void Gate::stop() {
    loop_->stop_requested = true;
    if (loop_->wake_fd >= 0) {
        std::uint64_t one = 1;
        (void)!::write(loop_->wake_fd, &one, sizeof one);
    }
}

bool Gate::running() const { return loop_->is_running; }

}  // namespace yishi::server
