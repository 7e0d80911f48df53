// Steps shared by the 定 (decide) tests.
#include "decide_steps.hpp"

#include <set>

#include <boost/test/unit_test.hpp>

namespace yishi::test {

std::string JsonReply::code() const {
    if (status < 400 || !body.is_object() || !body.contains("error")) return "";
    return body["error"].value("code", "");
}

namespace {
JsonReply reply_of(const httplib::Result& r) {
    BOOST_REQUIRE(r);
    return {r->status, Json::parse(r->body, nullptr, false)};
}
}  // namespace

JsonReply post_json(TestServer& server, const std::string& token, const std::string& path,
                    const Json& body) {
    return reply_of(server.client().Post(path, bearer(token), body.dump(), kJson));
}

JsonReply get_json(TestServer& server, const std::string& token, const std::string& path) {
    return reply_of(server.client().Get(path, bearer(token)));
}

ServiceOptions shifted_options(ClockShift& shift) {
    ServiceOptions options;
    options.clock = shift.clock();
    options.tokens.idle_seconds = 28 * kDay;
    return options;
}

std::vector<std::string> member_tokens(TestServer& server) {
    std::vector<std::string> tokens(1);
    for (int n = 1; n <= 15; ++n) tokens.push_back(server.token_for(demo_member(n)));
    return tokens;
}

std::string path_of(const std::string& prefix, Id id, const std::string& suffix) {
    return prefix + std::to_string(id) + suffix;
}

void list_three_issues(TestServer& server, const std::vector<std::string>& tokens) {
    // Stairwell (2): co-signed by 4, 9, 11; lift (3): by 2, 6, 12, 14. Threshold 5.
    for (auto [issue, member] : {std::pair<Id, int>{2, 1}, {2, 2}, {3, 1}}) {
        auto r = post_json(server, tokens[member], path_of("/api/issues/", issue, "/cosign"));
        BOOST_REQUIRE_EQUAL(r.status, 200);
    }
    for (Id issue : {1, 2, 3}) {
        auto r = get_json(server, tokens[1], path_of("/api/issues/", issue));
        BOOST_REQUIRE_EQUAL(r.body.value("stage", ""), "listed");
    }
}

Id open_session_with(TestServer& server, ClockShift& shift, const std::vector<std::string>& tokens,
                     const std::vector<Id>& agenda, int ahead_days) {
    std::int64_t now = server::system_now() + shift.seconds;
    std::int64_t starts_at = now + ahead_days * kDay;
    auto planned = post_json(server, tokens[1], "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", starts_at}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    Id id = planned.body["id"].get<Id>();
    Json items = Json::array();
    for (Id issue : agenda) items.push_back({{"issue_id", issue}});
    Json notice = {{"agenda", items}};
    if (ahead_days < 7) notice["override_reason"] = "汛期前需尽快决定";
    auto noticed = post_json(server, tokens[1], path_of("/api/sessions/", id, "/notice"), notice);
    BOOST_REQUIRE_EQUAL(noticed.status, 200);
    shift.seconds += ahead_days * kDay + 60;
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", id, "/open"));
    BOOST_REQUIRE_EQUAL(opened.status, 200);
    return id;
}

void sign_in(TestServer& server, Id session, const std::vector<std::string>& tokens, int first,
             int last) {
    for (int m = first; m <= last; ++m) {
        auto r = post_json(server, tokens[m], path_of("/api/sessions/", session, "/sign-in"));
        BOOST_REQUIRE_EQUAL(r.status, 200);
    }
}

std::string full_snapshot(const std::filesystem::path& db) {
    // Sign-ins and throttling change on every login, refused or not.
    const std::set<std::string> left_out = {"auth_tokens", "login_failures", "throttle_pairs",
                                            "throttle_addresses"};
    std::vector<std::string> tables;
    for (auto& t : table_names(db))
        if (!left_out.count(t)) tables.push_back(t);
    return dump_tables(db, tables);
}

void expect_refusals(TestServer& server, const std::vector<Refusal>& cases) {
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.rule) {
            httplib::Headers headers = c.token.empty() ? httplib::Headers{} : bearer(c.token);
            auto cli = server.client();
            httplib::Result r = c.method == "GET"   ? cli.Get(c.path, headers)
                                : c.method == "PUT" ? cli.Put(c.path, headers, c.body, kJson)
                                                    : cli.Post(c.path, headers, c.body, kJson);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status);
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
            BOOST_TEST(!e.message.empty());
            BOOST_TEST(e.message.find(c.field.empty() ? "\x01" : c.field) == std::string::npos);
        }
    }
}

}  // namespace yishi::test
