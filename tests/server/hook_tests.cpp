// The community's outbound hook: a receiver on 127.0.0.1 gets one JSON post per notification,
// retried after failures until it answers 2xx, given up after 8 attempts, and never posted twice
// at once by two servers over one database. Retries wait 0 s here (hook_backoff_percent = 0).
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <map>
#include <mutex>

#include "decide_steps.hpp"
#include "yishi/messages_notifications.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
// The demo database without the notifications its seeding wrote, so that counts start at 0.
std::filesystem::path quiet_db() {
    auto db = seeded_db();
    execute(db, "DELETE FROM hook_deliveries; DELETE FROM notifications");
    return db;
}

// An HTTP receiver on a free loopback port that answers 500 to its first `failures` posts.
class Receiver {
public:
    explicit Receiver(int failures) : failures_(failures) {
        http_.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mutex_);
            bool fail = posts_++ < failures_;
            res.status = fail ? 500 : 200;
            if (!fail) accepted_.push_back(req.body);
            content_types_.push_back(req.get_header_value("Content-Type"));
        });
        port_ = http_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { http_.listen_after_bind(); });
        while (!http_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Receiver() {
        http_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
    int posts() {
        std::lock_guard<std::mutex> lock(mutex_);
        return posts_;
    }
    std::vector<std::string> accepted() {
        std::lock_guard<std::mutex> lock(mutex_);
        return accepted_;
    }
    std::vector<std::string> content_types() {
        std::lock_guard<std::mutex> lock(mutex_);
        return content_types_;
    }

private:
    int failures_;
    httplib::Server http_;
    std::thread thread_;
    int port_ = -1;
    std::mutex mutex_;
    int posts_ = 0;
    std::vector<std::string> accepted_;
    std::vector<std::string> content_types_;
};

ServiceOptions fast_hooks() {
    ServiceOptions o;
    o.hook_poll_ms = 20;
    o.hook_backoff_percent = 0;
    o.notification_sweep_ms = 0;
    return o;
}

// Waits up to a generous bound for `done`.
template <class F>
bool eventually(F done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

void set_hook(const std::filesystem::path& db, const std::string& url) {
    execute(db, "INSERT INTO community_hooks (community_id, url, updated_by, updated_at) "
                "VALUES (1, '" + url + "', 1, 0)");
}
}  // namespace

BOOST_AUTO_TEST_SUITE(hook)

BOOST_AUTO_TEST_CASE(a_failing_receiver_gets_the_notification_on_the_third_attempt_once) {
    Receiver receiver(2);
    auto db = quiet_db();
    set_hook(db, receiver.url());
    execute(db, "UPDATE members SET phone = '13800000004' WHERE id = " + std::to_string(demo_member(4)));
    TestServer server(db, fast_hooks());
    auto tokens = member_tokens(server);
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept")).status,
                        200);
    BOOST_REQUIRE(eventually([&] {
        return query_int(db, "SELECT COUNT(*) FROM hook_deliveries WHERE delivered_at IS NOT NULL") == 1;
    }));
    BOOST_TEST(query_int(db, "SELECT attempts FROM hook_deliveries") == 3);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM hook_deliveries WHERE failed_at IS NOT NULL") == 0);
    BOOST_TEST(receiver.posts() == 3);
    auto accepted = receiver.accepted();
    BOOST_REQUIRE_EQUAL(accepted.size(), 1u);
    for (const auto& type : receiver.content_types()) BOOST_TEST(type == "application/json");

    auto payload = decode_hook_payload(accepted[0]);
    BOOST_REQUIRE(payload.ok());
    const HookPayload& p = payload.value();
    BOOST_TEST(p.id == query_int(db, "SELECT id FROM notifications"));
    BOOST_TEST(std::string(to_string(p.kind)) == "issue_accepted");
    BOOST_TEST(p.community_id == 1);
    BOOST_TEST(p.member_id == demo_member(4));
    auto conn = open_db(db);
    std::string name = conn->read([&](database::Connection& c) {
        database::Statement q(c, "SELECT name FROM members WHERE id = ?");
        q.bind(1, demo_member(4));
        return single(q).text();
    });
    std::string title = conn->read([&](database::Connection& c) {
        database::Statement q(c, "SELECT title FROM issues WHERE id = ?");
        q.bind(1, kIssueLift);
        return single(q).text();
    });
    BOOST_TEST(p.member_name == name);
    BOOST_TEST(p.member_phone == "13800000004");
    BOOST_TEST(p.text == "您提出的议题“" + title + "”已被受理，列入议事范围。");
    BOOST_TEST(p.link == "#/issue/3");
    BOOST_TEST(p.created_at == query_int(db, "SELECT created_at FROM notifications"));
    // Nothing more is posted once it was accepted.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    BOOST_TEST(receiver.posts() == 3);
}

BOOST_AUTO_TEST_CASE(a_delivery_is_given_up_after_eight_failed_attempts) {
    Receiver receiver(1000);
    auto db = quiet_db();
    set_hook(db, receiver.url());
    TestServer server(db, fast_hooks());
    auto tokens = member_tokens(server);
    BOOST_REQUIRE_EQUAL(post_json(server, tokens[1], path_of("/api/issues/", kIssueLift, "/accept")).status,
                        200);
    BOOST_REQUIRE(eventually([&] {
        return query_int(db, "SELECT COUNT(*) FROM hook_deliveries WHERE failed_at IS NOT NULL") == 1;
    }));
    BOOST_TEST(query_int(db, "SELECT attempts FROM hook_deliveries") == 8);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM hook_deliveries WHERE delivered_at IS NOT NULL") == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    BOOST_TEST(receiver.posts() == 8);
}

BOOST_AUTO_TEST_CASE(two_servers_over_one_database_post_each_notification_once) {
    Receiver receiver(0);
    auto db = quiet_db();
    set_hook(db, receiver.url());
    TestServer first(db, fast_hooks());
    TestServer second(db, fast_hooks());
    auto tokens = member_tokens(first);
    // A session notice reaches every council member: one delivery each.
    std::int64_t members = query_int(db, "SELECT COUNT(*) FROM council_members WHERE council_id = 1");
    auto planned = post_json(first, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", server::system_now() + 8 * kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    auto noticed = post_json(first, tokens[1], path_of("/api/sessions/", planned.body["id"].get<Id>(), "/notice"),
                             {{"agenda", Json::array({Json{{"issue_id", 1}}})}});
    BOOST_REQUIRE_EQUAL(noticed.status, 200);
    BOOST_REQUIRE(eventually([&] {
        return query_int(db, "SELECT COUNT(*) FROM hook_deliveries WHERE delivered_at IS NOT NULL") ==
               members;
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    BOOST_TEST(receiver.posts() == members);
    std::map<Id, int> seen;
    for (const auto& body : receiver.accepted()) ++seen[decode_hook_payload(body).value().id];
    BOOST_TEST(seen.size() == std::size_t(members));
    BOOST_TEST(query_int(db, "SELECT MAX(attempts) FROM hook_deliveries") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
