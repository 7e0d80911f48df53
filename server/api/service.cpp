// The service: the gate on the public port, httplib behind it on loopback with the API
// routes and the web client.
#include "yishi/server/service.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "gate.hpp"
#include "hook_delivery.hpp"
#include "http.hpp"
#include "yishi/messages.hpp"
#include "routes.hpp"
#include "static_files.hpp"

namespace yishi::server {

std::int64_t system_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

int default_concurrent_hashes() {
    int cores = static_cast<int>(std::thread::hardware_concurrency());
    return cores > 2 ? cores - 1 : 1;
}

namespace {
// httplib reads only what the gate passes on, whole, over loopback.
constexpr time_t kReadTimeoutSeconds = 10;
constexpr time_t kWriteTimeoutSeconds = 10;
// Logins and registrations in flight at once: a few wait for a hashing slot, the rest queue
// in the gate, where waiting costs no worker.
constexpr int kHashingLane = 4;

GateOptions gate_options(const ServiceOptions& o) {
    GateOptions g;
    g.trusted_proxies = o.trusted_proxies;
    g.max_connections_per_address =
        static_cast<std::size_t>(o.max_connections_per_address < 1 ? 1 : o.max_connections_per_address);
    g.max_in_flight = static_cast<std::size_t>(o.worker_threads < 1 ? 1 : o.worker_threads);
    g.max_hashing_in_flight = static_cast<std::size_t>(std::max(kHashingLane, o.max_concurrent_hashes));
    g.limits.max_body_bytes = kMaxRequestBytes;
    return g;
}

// Answers a request refused before its body was read. That body may still be on the wire,
// so the connection must end with this reply; otherwise httplib 0.11.4 (which keeps it open
// after a pre-routing reply) would read the body as the next request. A content provider
// that reports failure after writing the whole reply is what makes httplib drop it.
void refuse(httplib::Response& res, const Error& e) {
    auto body = std::make_shared<std::string>(encode(e));
    add_security_headers(res);
    res.status = e.status;
    res.set_header(kApiVersionHeader, std::to_string(kApiVersion));
    res.set_header("Cache-Control", "no-store");
    res.set_header("Connection", "close");
    res.set_content_provider(
        body->size(), "application/json; charset=utf-8",
        [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            sink.write(body->data() + offset, length);
            return false;  // ends the connection once the reply is written
        });
}
}  // namespace

struct Service::Impl {
    Impl(Store& s, ServiceOptions o)
        : store(s),
          options(std::move(o)),
          // At most the hashing lane waits here, never a worker that votes need, so the wait
          // can be long enough for a lane's worth of hashes on a slow, busy machine.
          hasher(options.max_concurrent_hashes, std::chrono::seconds(30)),
          api{store, hasher, options},
          routes(http),
          files(options.web_dir),
          secret(new_token()),
          gate(gate_options(options), secret) {
        configure();
    }

    void configure() {
        // Every request the gate passes on can be taken at once: the gate does the queueing.
        GateOptions lanes = gate_options(options);
        std::size_t threads = lanes.max_in_flight + lanes.max_hashing_in_flight;
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_tcp_nodelay(true);
        // httplib's default sets SO_REUSEPORT, which lets a second server bind a port that is
        // already serving: SO_REUSEADDR alone still allows quick restarts, and a taken port fails.
        http.set_socket_options([this](socket_t sock) {
            int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
            listening_socket = sock;
        });
        http.set_read_timeout(kReadTimeoutSeconds);
        http.set_write_timeout(kWriteTimeoutSeconds);
        http.set_keep_alive_max_count(1);  // the gate asks for one request per connection
        http.set_payload_max_length(kMaxRequestBytes);

        // Runs after the headers and before the body is read. The gate has already refused
        // chunked, oversized and malformed requests, answered "Expect: 100-continue" and stated
        // every body's length; what is left is to refuse whatever did not come through it.
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (from_gate(req, secret)) return httplib::Server::HandlerResponse::Unhandled;
            refuse(res, make_error("gate_required"));
            return httplib::Server::HandlerResponse::Handled;
        });
        http.set_exception_handler(
            [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
                try {
                    if (ep) std::rethrow_exception(ep);
                } catch (const std::exception& e) {
                    std::cerr << "yishi-server: " << req.method << " " << req.path
                              << " failed: " << e.what() << std::endl;
                } catch (...) {
                    std::cerr << "yishi-server: " << req.method << " " << req.path
                              << " failed with an unknown exception" << std::endl;
                }
                write_reply(req, res, failure(make_error("internal")));
            });

        add_account_routes(routes, api);
        add_issue_routes(routes, api);
        add_invite_routes(routes, api);
        add_admin_routes(routes, api);
        add_session_routes(routes, api);
        add_ballot_routes(routes, api);
        add_task_routes(routes, api);
        add_thread_routes(routes, api);
        add_consultation_routes(routes, api);
        add_cppcc_routes(routes, api);
        add_consultation_print_routes(routes, api);
        add_board_routes(routes, api);
        add_export_routes(routes, api);
        add_report_routes(routes, api);
        add_document_routes(routes, api);
        add_notification_routes(routes, api);

        // What no route took: JSON 404/405 under /api, files elsewhere.
        auto unmatched = [this](const httplib::Request& req, httplib::Response& res) {
            if (is_api_path(req.path)) return write_reply(req, res, routes.unmatched(req));
            if (req.method == "GET" || req.method == "HEAD") {
                if (files.serve(req, res)) return;
                return write_reply(req, res, failure(make_error("not_found")));
            }
            Reply r = failure(make_error("method_not_allowed"));
            r.headers.emplace("Allow", "GET, HEAD");
            write_reply(req, res, r);
        };
        http.Get(".*", unmatched);
        http.Post(".*", unmatched);
        http.Put(".*", unmatched);
        http.Patch(".*", unmatched);
        http.Delete(".*", unmatched);
        http.Options(".*", unmatched);
    }

    // Widens httplib's fixed listen backlog of 5, which drops (and so delays by a second)
    // the connections of any burst larger than that. Linux accepts a second listen() call.
    void widen_backlog() {
        if (listening_socket != INVALID_SOCKET) ::listen(listening_socket, SOMAXCONN);
    }

    Store& store;
    ServiceOptions options;
    std::atomic<socket_t> listening_socket{INVALID_SOCKET};
    PasswordHasher hasher;
    Api api;
    httplib::Server http;
    ApiRoutes routes;
    StaticFiles files;
    std::string secret;
    Gate gate;
    int internal_port = -1;
    NotificationWorker notifications{store, options};
};

Service::Service(Store& store, ServiceOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}

Service::~Service() {
    stop();
}

int Service::bind(const std::string& host, int port) {
    if (impl_->internal_port < 0) {
        impl_->internal_port = impl_->http.bind_to_any_port("127.0.0.1");
        if (impl_->internal_port < 0) return -1;
        impl_->widen_backlog();
        impl_->gate.forward_to(impl_->internal_port);
    }
    return impl_->gate.bind(host, port);
}

bool Service::listen() {
    std::thread internal([this] { impl_->http.listen_after_bind(); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!impl_->http.is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    // httplib runs until stopped once it has started; it only stops early when it failed.
    impl_->notifications.start();
    bool ok = impl_->http.is_running() && impl_->gate.run();
    impl_->notifications.stop();
    impl_->http.stop();
    internal.join();
    return ok;
}

void Service::stop() { impl_->gate.stop(); }

bool Service::running() const { return impl_->gate.running() && impl_->http.is_running(); }

int Service::internal_port() const { return impl_->internal_port; }

PasswordHasher& Service::hasher() { return impl_->hasher; }

}  // namespace yishi::server
