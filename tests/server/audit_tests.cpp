// The audit log (审计日志): one chained entry per state change, in the change's transaction;
// append-only in the database; `yishi-server verify-audit` finds the first broken link.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>

#include "harness.hpp"
#include "yishi/accounts.hpp"
#include "yishi/server/audit.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::vector<server::AuditEntry> entries(TestServer& server) {
    return all_audit_entries(server.store());
}

// Runs the real yishi-server binary and returns its exit status and what it printed.
struct Run {
    int status = -1;
    std::string output;
};
Run verify_audit_binary(const std::filesystem::path& db) {
    std::string command =
        std::string("'") + YISHI_SERVER_BINARY + "' verify-audit --db '" + db.string() + "' 2>&1";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    BOOST_REQUIRE(pipe);
    char buf[512];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) run.output.append(buf, n);
    int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

// Changes the log behind the store's back, as one holding the database's files or its superuser
// could: the append-only guards are set aside for this one transaction.
void tamper(const std::filesystem::path& db, const std::string& sql) {
    if (on_postgres())
        execute(db, "SET LOCAL session_replication_role = replica; " + sql);
    else
        execute(db, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql);
}

// The entry written by the last action: exactly one more than `seen`, which it joins.
server::AuditEntry one_new_entry(TestServer& server, std::vector<server::AuditEntry>& seen) {
    auto all = entries(server);
    BOOST_REQUIRE_EQUAL(all.size(), seen.size() + 1);
    auto known = [&](const server::AuditEntry& e) {
        return std::any_of(seen.begin(), seen.end(), [&](const server::AuditEntry& s) {
            return s.community_id == e.community_id && s.id == e.id;
        });
    };
    auto fresh = std::find_if_not(all.begin(), all.end(), known);
    BOOST_REQUIRE(fresh != all.end());
    server::AuditEntry e = *fresh;
    seen = std::move(all);
    return e;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(seeded_database_opens_with_the_setup_and_every_act_names_its_actor) {
    TestServer server(seeded_db());
    auto all = entries(server);
    // The city's chain starts with the first start: the administrator made by the setup.
    BOOST_REQUIRE(!all.empty());
    BOOST_TEST(all[0].community_id == 0);
    BOOST_TEST(all[0].action == "setup_completed");
    BOOST_TEST((all[0].actor_id == std::optional<Id>(kAdmin)));
    BOOST_TEST(all[0].prev_hash == server::kAuditGenesis);
    // The demo is made through the administration's and the council's own acts, each by
    // someone: none is written by the system on its own.
    for (const auto& e : all) BOOST_TEST(e.actor_id.has_value(), e.action);
    auto report = server::verify_audit(server.store());
    BOOST_TEST(report.intact());
    BOOST_TEST(report.entries == static_cast<std::int64_t>(all.size()));
}

BOOST_AUTO_TEST_CASE(every_write_adds_exactly_one_entry_with_its_actor_and_action) {
    TestServer server(seeded_db());
    auto demo02 = server.login("demo02");
    auto convenor = server.login("demo01");
    auto seen = entries(server);

    auto raised = server.client().Post("/api/councils/1/issues", bearer(demo02),
                                       encode(NewIssueRequest{"增设快递柜", "快递堆在门口。"}), kJson);
    BOOST_REQUIRE_EQUAL(raised->status, 201);
    Id issue_id = decode_issue(raised->body).value().id;
    auto e = one_new_entry(server, seen);
    BOOST_TEST(e.action == "issue_raised");
    BOOST_TEST(e.actor_id.value_or(0) == demo_member(2));
    BOOST_TEST(Json::parse(e.details)["issue_id"].get<Id>() == issue_id);
    BOOST_TEST(Json::parse(e.details)["title"].get<std::string>() == "增设快递柜");

    auto cosigned = server.client().Post("/api/issues/" + std::to_string(issue_id) + "/cosign",
                                         bearer(convenor), "", kJson);
    BOOST_REQUIRE_EQUAL(cosigned->status, 200);
    e = one_new_entry(server, seen);
    BOOST_TEST(e.action == "issue_cosigned");
    BOOST_TEST(e.actor_id.value_or(0) == kConvenor);
    BOOST_TEST(Json::parse(e.details)["cosigns"].get<int>() == 1);

    auto invited = server.client().Post("/api/invites", bearer(convenor),
                                        encode(NewInviteRequest{"钱多多", kCouncil}), kJson);
    BOOST_REQUIRE_EQUAL(invited->status, 201);
    std::string code = decode_invite(invited->body).value().code;
    e = one_new_entry(server, seen);
    BOOST_TEST(e.action == "invite_created");
    BOOST_TEST(e.actor_id.value_or(0) == kConvenor);
    BOOST_TEST(Json::parse(e.details)["name"].get<std::string>() == "钱多多");
    // The code is a secret: it is not in the log, in any spelling.
    BOOST_TEST(e.details.find(*normalize_invite_code(code)) == std::string::npos);
    BOOST_TEST(e.details.find(code) == std::string::npos);

    auto registered = server.client().Post(
        "/api/register", encode(RegisterRequest{code, "qian_duoduo", "chunhui2026"}), kJson);
    BOOST_REQUIRE_EQUAL(registered->status, 201);
    Id member_id = decode_login_reply(registered->body).value().member.id;
    e = one_new_entry(server, seen);
    BOOST_TEST(e.action == "member_registered");
    BOOST_TEST(e.actor_id.value_or(0) == member_id);
    BOOST_TEST(Json::parse(e.details)["login"].get<std::string>() == "qian_duoduo");

    BOOST_TEST(server::verify_audit(server.store()).intact());
    BOOST_TEST(server::verify_audit(server.store()).entries ==
               static_cast<std::int64_t>(seen.size()));
}

BOOST_AUTO_TEST_CASE(refused_writes_logins_and_logouts_add_no_entry) {
    TestServer server(seeded_db());
    std::size_t n = entries(server).size();
    auto token = server.login("demo02");
    BOOST_TEST(server.client().Post("/api/login", R"({"login":"demo02","password":"wrong"})", kJson)->status == 401);
    BOOST_TEST(server.client().Post("/api/issues/1/cosign", bearer(token), "", kJson)->status == 409);
    BOOST_TEST(server.client().Post("/api/issues/2/cosign", bearer(token), "", kJson)->status == 200);
    BOOST_TEST(server.client().Post("/api/issues/2/cosign", bearer(token), "", kJson)->status == 409);
    BOOST_TEST(server.client().Post("/api/invites", bearer(token),
                                    encode(NewInviteRequest{"钱多多", kCouncil}), kJson)->status == 403);
    BOOST_TEST(server.client().Post("/api/register",
                                    encode(RegisterRequest{"22222-22222", "nobody", "chunhui2026"}),
                                    kJson)->status == 400);
    BOOST_TEST(server.client().Post("/api/logout", bearer(token), "", kJson)->status == 200);
    BOOST_TEST(entries(server).size() == n + 1);  // the one co-sign that was accepted
}

BOOST_AUTO_TEST_CASE(the_database_refuses_to_update_or_delete_audit_entries) {
    auto db = seeded_db();
    const std::int64_t seeded = query_int(db, "SELECT COUNT(*) FROM audit_log");
    BOOST_CHECK_THROW(execute(db, "UPDATE audit_log SET details = '{}' WHERE seq = 1"),
                      database::Error);
    BOOST_CHECK_THROW(execute(db, "DELETE FROM audit_log"), database::Error);
    // Nor may an entry be slipped in that does not extend the chain.
    BOOST_CHECK_THROW(
        execute(db, "INSERT INTO audit_log (community_id, seq, at, action, details, prev_hash, hash) "
                    "VALUES (1, 2, 0, 'forged', '{}', 'x', 'y')"),
        database::Error);
    BOOST_TEST(query_int(db, "SELECT COUNT(*) FROM audit_log") == seeded);
}

BOOST_AUTO_TEST_CASE(verify_audit_reports_an_intact_log_and_exits_0) {
    auto db = seeded_db();
    {
        TestServer server(db);
        auto token = server.login("demo03");
        BOOST_TEST(server.client().Post("/api/issues/6/cosign", bearer(token), "", kJson)->status == 200);
        BOOST_TEST(server.client().Post("/api/issues/5/cosign", bearer(token), "", kJson)->status == 200);
    }
    std::string before = snapshot(db);
    auto run = verify_audit_binary(db);
    BOOST_TEST(run.status == 0);
    std::string intact =
        "audit log intact: " + std::to_string(query_int(db, "SELECT COUNT(*) FROM audit_log")) +
        " entries";
    BOOST_TEST(run.output.find(intact) != std::string::npos, run.output);
    BOOST_TEST(snapshot(db) == before);
}

BOOST_AUTO_TEST_CASE(verify_audit_names_a_tampered_entry_and_exits_1) {
    auto db = seeded_db();
    {
        TestServer server(db);
        auto token = server.login("demo03");
        for (const char* issue : {"6", "5", "4"})
            BOOST_TEST(server.client().Post(std::string("/api/issues/") + issue + "/cosign",
                                            bearer(token), "", kJson)->status == 200);
    }
    tamper(db, "UPDATE audit_log SET details = '{\"cosigns\":99,\"issue_id\":5,\"stage\":\"listed\"}' "
               "WHERE community_id = 1 AND seq = 3");
    auto run = verify_audit_binary(db);
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.output.find("audit log of community 1 broken at entry 3:") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(verify_audit_finds_a_removed_entry_at_the_one_after_it) {
    auto db = seeded_db();
    {
        TestServer server(db);
        auto token = server.login("demo03");
        for (const char* issue : {"6", "5", "4"})
            BOOST_TEST(server.client().Post(std::string("/api/issues/") + issue + "/cosign",
                                            bearer(token), "", kJson)->status == 200);
    }
    tamper(db, "DELETE FROM audit_log WHERE community_id = 1 AND seq = 2");
    auto run = verify_audit_binary(db);
    BOOST_TEST(run.status == 1);
    BOOST_TEST(run.output.find("audit log of community 1 broken at entry 3:") != std::string::npos, run.output);
}

BOOST_AUTO_TEST_CASE(verify_audit_of_a_missing_file_fails_without_creating_it,
                     *boost::unit_test::precondition(on_sqlite)) {
    auto path = fresh_db_path();
    auto run = verify_audit_binary(path);
    BOOST_TEST(run.status == 2);
    BOOST_TEST(!std::filesystem::exists(path));
}

BOOST_AUTO_TEST_SUITE_END()
