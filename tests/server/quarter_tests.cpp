// A whole quarter over real HTTP on one temporary SQLite file, 提 → 议 → 定 → 办 → 评 and both
// notices, with the server stopped and restarted in the middle of a ballot.
#include <boost/test/unit_test.hpp>

#include <memory>

#include "task_steps.hpp"
#include "yishi/server/audit.hpp"
#include "yishi/server/seed.hpp"

namespace yishi::test {

namespace {
// Who acts, as an index of Quarter::tokens: demo01..demo15 are 1..15, then two staff members.
constexpr Id kDepartment = 16;  // wuye, a department: reports and replies for the unit, no vote
constexpr Id kGridWorker = 17;  // wangge, 网格员: raises issues for residents who do not use the app

// The administrator, 15 residents (demo01 convenor) and the demo staff, without issues.
std::filesystem::path empty_council_db() {
    auto path = fresh_db_path();
    TestStore store(path);
    server::PasswordHasher hasher(1);
    std::string hash = hasher.hash(server::kDemoPassword);
    auto places = server::seed_demo_community(store, hash, server::system_now());
    BOOST_REQUIRE(places);
    server::seed_demo_staff(store, *places, hash, server::system_now());
    return path;
}

// The quarter's server, which the test stops and starts again on the same file and clock.
struct Quarter {
    std::filesystem::path db = empty_council_db();
    ClockShift shift;
    std::unique_ptr<TestServer> server = std::make_unique<TestServer>(db, shifted_options(shift));
    std::vector<std::string> tokens;  // by who acts; they are stored, so survive a restart
    std::vector<Id> ids;               // the member id of each who

    Quarter() {
        ids.push_back(0);
        for (int n = 1; n <= 15; ++n) ids.push_back(demo_member(n));
        for (const char* login : {"wuye", "wangge"})
            ids.push_back(server->store().credentials(login)->member_id);
        for (Id m : ids) tokens.push_back(m ? server->token_for(m) : "");
    }
    void restart() {
        server.reset();
        server = std::make_unique<TestServer>(db, shifted_options(shift));
    }
    std::int64_t now() const { return server::system_now() + shift.seconds; }
    // A request that must succeed (200 or 201); returns the body.
    Json post(Id who, const std::string& path, const Json& body = Json::object()) {
        auto r = post_json(*server, tokens[who], path, body);
        BOOST_TEST_REQUIRE((r.status == 200 || r.status == 201), path << " answered " << r.status
                                                                       << " " << r.body.dump());
        return r.body;
    }
    Json get(Id who, const std::string& path) {
        auto r = get_json(*server, tokens[who], path);
        BOOST_REQUIRE_EQUAL(r.status, 200);
        return r.body;
    }
    Id raise(Id who, const std::string& title, Id on_behalf_of = 0) {
        Json body = {{"title", title}, {"body", title + "，请议事会商议。"}, {"category", "民生"}};
        if (on_behalf_of) body["on_behalf_of"] = ids[on_behalf_of];
        return post(who, "/api/councils/1/issues", body)["id"].get<Id>();
    }
    std::string stage(Id issue) { return get(1, path_of("/api/issues/", issue))["stage"]; }
    void vote(Id ballot, Id first, Id last, const std::string& choice) {
        for (Id m = first; m <= last; ++m)
            post(m, path_of("/api/ballots/", ballot, "/votes"), {{"choice", choice}});
    }
    void rate(Id task, Id first, Id last, const std::string& rating) {
        for (Id m = first; m <= last; ++m)
            post(m, path_of("/api/tasks/", task, "/ratings"), {{"rating", rating}});
    }
    // Plans, notices (with a reason when short) and opens a session with these issues.
    Id open_session(const std::string& kind, const std::vector<Id>& agenda, int ahead_days) {
        Id s = post(1, "/api/councils/1/sessions",
                    {{"kind", kind}, {"starts_at", now() + ahead_days * kDay}})["id"].get<Id>();
        Json items = Json::array();
        for (Id i : agenda) items.push_back({{"issue_id", i}});
        Json notice = {{"agenda", items}};
        if (ahead_days < 7) notice["override_reason"] = "成员提议，需尽快决定";
        post(1, path_of("/api/sessions/", s, "/notice"), notice);
        for (Id i : agenda) BOOST_TEST(stage(i) == "scheduled");
        shift.seconds += ahead_days * kDay + 60;
        post(1, path_of("/api/sessions/", s, "/open"));
        return s;
    }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(quarter)

BOOST_AUTO_TEST_CASE(a_whole_quarter_plays_over_http_and_survives_a_restart) {
    Quarter q;

    // 提: six issues, one raised by the grid worker for a resident (代提).
    Id chargers = q.raise(2, "在3号楼车棚加装电动车充电桩");
    Id stairs = q.raise(7, "楼道保洁改为每周两次");
    Id lift = q.raise(kGridWorker, "7号楼加装电梯", 4);
    Id fees = q.raise(12, "减免本年度物业费");
    Id lawn = q.raise(3, "把中心绿地改建为停车位");
    Id wires = q.raise(8, "车棚飞线充电太危险");
    auto lift_issue = q.get(1, path_of("/api/issues/", lift));
    BOOST_TEST(lift_issue["author_id"] == q.ids[4]);
    BOOST_TEST(lift_issue["raised_by_id"] == q.ids[kGridWorker]);
    BOOST_TEST(q.get(1, "/api/councils/1/issues")["issues"].size() == 6u);

    // 附议 to the threshold of 5 lists an issue; the convenor accepts the lift before it.
    for (Id m : {3, 4, 5, 6}) q.post(m, path_of("/api/issues/", chargers, "/cosign"));
    BOOST_TEST(q.stage(chargers) == "collecting");
    q.post(9, path_of("/api/issues/", chargers, "/cosign"));
    BOOST_TEST(q.stage(chargers) == "listed");
    for (Id m : {1, 2, 3, 8, 10}) q.post(m, path_of("/api/issues/", stairs, "/cosign"));
    BOOST_TEST(q.stage(stairs) == "listed");
    for (Id m : {5, 6}) q.post(m, path_of("/api/issues/", lift, "/cosign"));
    q.post(1, path_of("/api/issues/", lift, "/accept"));
    BOOST_TEST(q.stage(lift) == "listed");

    // Two declined and one merged, each with a reason everyone reads.
    auto declined = q.post(1, path_of("/api/issues/", fees, "/decline"),
                           {{"reason", "物业费按物业服务合同约定，不属于议事会表决事项"}});
    BOOST_TEST(declined["stage"] == "declined");
    q.post(1, path_of("/api/issues/", lawn, "/decline"),
           {{"reason", "改变绿地用途须经业主大会表决并报规划部门审批"}});
    auto merged = q.post(1, path_of("/api/issues/", wires, "/merge"),
                         {{"into", chargers}, {"reason", "与充电桩议题是同一件事"}});
    BOOST_TEST(merged["merged_into"] == chargers);
    BOOST_TEST(q.get(5, path_of("/api/issues/", lawn))["reason"] ==
               "改变绿地用途须经业主大会表决并报规划部门审批");

    // 议: a thread with a stance and the department's official reply.
    Id asked = q.post(4, path_of("/api/issues/", chargers, "/comments"),
                      {{"stance", "question"}, {"text", "电费谁出？"}})["id"].get<Id>();
    q.post(kDepartment, path_of("/api/issues/", chargers, "/comments"),
           {{"official", true}, {"text", "电费按表计收，由使用者承担。"}, {"reply_to", asked}});
    BOOST_TEST(q.get(6, path_of("/api/issues/", chargers, "/comments"))["comments"][1]["official"] ==
               true);

    // 定: the regular session (季度例会), 11 of 15 signed in.
    Id regular = q.open_session("regular", {chargers, stairs, lift}, 10);
    for (Id m = 1; m <= 11; ++m) q.post(m, path_of("/api/sessions/", regular, "/sign-in"));
    auto held = q.get(1, path_of("/api/sessions/", regular));
    BOOST_TEST(held["quorum"]["present"] == 11);
    BOOST_TEST(held["quorum"]["met"] == true);

    Id pass = q.post(1, path_of("/api/sessions/", regular, "/ballots"),
                     {{"issue_id", chargers}})["id"].get<Id>();
    q.vote(pass, 1, 5, "yes");

    // The server stops in the middle of the ballot and starts again on the same file.
    std::string before = full_snapshot(q.db);
    q.restart();
    BOOST_TEST(full_snapshot(q.db) == before);
    auto survived = q.get(1, path_of("/api/ballots/", pass));
    BOOST_TEST(survived["state"] == "open");
    BOOST_TEST(survived["votes_cast"] == 5);
    BOOST_TEST(q.get(1, path_of("/api/sessions/", regular))["signed_in_count"] == 11);
    BOOST_TEST(post_json(*q.server, q.tokens[3], path_of("/api/ballots/", pass, "/votes"),
                         {{"choice", "no"}})
                   .code() == "already_voted");

    q.vote(pass, 6, 8, "yes");
    q.vote(pass, 9, 10, "no");
    q.vote(pass, 11, 11, "abstain");
    auto passed = q.post(1, path_of("/api/ballots/", pass, "/close"));
    BOOST_TEST(passed["tally"]["outcome"] == "passed");
    BOOST_TEST(passed["tally"]["yes"] == 8);

    Id fail = q.post(1, path_of("/api/sessions/", regular, "/ballots"),
                     {{"issue_id", stairs}})["id"].get<Id>();
    q.vote(fail, 1, 3, "yes");
    q.vote(fail, 4, 10, "no");
    q.vote(fail, 11, 11, "abstain");
    BOOST_TEST(q.post(1, path_of("/api/ballots/", fail, "/close"))["tally"]["outcome"] == "failed");

    Id defer = q.post(1, path_of("/api/sessions/", regular, "/ballots"),
                      {{"issue_id", lift}})["id"].get<Id>();
    q.vote(defer, 1, 5, "yes");
    q.vote(defer, 6, 10, "no");
    q.vote(defer, 11, 11, "abstain");
    BOOST_TEST(q.post(1, path_of("/api/ballots/", defer, "/close"))["tally"]["outcome"] ==
               "deferred");
    q.post(1, path_of("/api/sessions/", regular, "/close"));
    BOOST_TEST(q.stage(chargers) == "resolved");
    BOOST_TEST(q.stage(stairs) == "resolved");
    BOOST_TEST(q.stage(lift) == "listed");  // 暂缓决策: back on the list for more consultation

    // 定: members demand an extraordinary session (1/5 of 15: three) on the deferred lift.
    BOOST_TEST(post_json(*q.server, q.tokens[1], "/api/councils/1/sessions",
                         {{"kind", "extraordinary"}, {"starts_at", q.now() + 5 * kDay}})
                   .code() == "demand_insufficient");
    for (Id m : {5, 7}) q.post(m, "/api/councils/1/session-demands");
    BOOST_TEST(q.get(1, "/api/councils/1/session-demands")["sufficient"] == false);
    BOOST_TEST(q.post(11, "/api/councils/1/session-demands")["sufficient"] == true);
    Id extra = q.open_session("extraordinary", {lift}, 3);
    BOOST_TEST(q.get(1, "/api/councils/1/session-demands")["demanded"] == 0);
    for (Id m = 1; m <= 12; ++m) q.post(m, path_of("/api/sessions/", extra, "/sign-in"));
    Id second = q.post(1, path_of("/api/sessions/", extra, "/ballots"),
                       {{"issue_id", lift}})["id"].get<Id>();
    q.vote(second, 1, 9, "yes");
    q.vote(second, 10, 12, "no");
    BOOST_TEST(q.post(1, path_of("/api/ballots/", second, "/close"))["tally"]["outcome"] ==
               "passed");
    q.post(1, path_of("/api/sessions/", extra, "/close"));

    // 办: the chargers become a task; progress and the formal reply.
    Id task = q.post(1, path_of("/api/ballots/", pass, "/tasks"),
                     {{"responsible_unit", "街道城管科"},
                      {"due_at", q.now() + 30 * kDay},
                      {"assignee_id", q.ids[kDepartment]}})["id"].get<Id>();
    const std::string base = path_of("/api/tasks/", task);
    q.post(kDepartment, base + "/progress", {{"text", "已联系供电公司现场勘察。"}});
    q.post(kDepartment, base + "/reply", {{"text", "已安装充电桩8个。"}});

    // 评: 5 of 9 unsatisfied sends it back for supervision (督办); the second reply satisfies.
    q.rate(task, 2, 6, "unsatisfied");
    q.rate(task, 7, 10, "satisfied");
    BOOST_TEST(q.post(1, base + "/conclude")["state"] == "supervised");
    q.post(kDepartment, base + "/progress", {{"text", "增设充电桩4个，调整收费时段。"}});
    BOOST_TEST(q.post(kDepartment, base + "/reply", {{"text", "共12个充电桩，夜间不再排队。"}})["state"] ==
               "answered");
    q.rate(task, 2, 7, "satisfied");
    q.rate(task, 8, 10, "basically_satisfied");
    auto done = q.post(1, base + "/conclude");
    BOOST_TEST(done["state"] == "done");
    BOOST_TEST(done["replies"].size() == 2u);
    BOOST_TEST(done["replies"][0]["ratings"]["unsatisfied"] == 5);
    BOOST_TEST(done["replies"][1]["ratings"]["satisfied"] == 6);

    // 两公开: four resolution notices (one per ballot) and the result notice.
    auto result = q.post(1, base + "/notice", {{"notice_days", 10}});
    BOOST_TEST(result["kind"] == "result");
    int resolutions = 0, results = 0;
    Json notices = q.get(9, "/api/councils/1/notices")["notices"];
    for (const auto& n : notices) {
        resolutions += n["kind"] == "resolution";
        results += n["kind"] == "result";
        BOOST_TEST(n["in_force"] == true);
    }
    BOOST_TEST(resolutions == 4);
    BOOST_TEST(results == 1);

    // Everything above is still there after a second restart, and the audit log is intact.
    std::string end = full_snapshot(q.db);
    q.restart();
    BOOST_TEST(full_snapshot(q.db) == end);
    BOOST_TEST(q.get(3, base)["state"] == "done");
    BOOST_TEST(q.get(3, "/api/councils/1/sessions")["sessions"].size() == 2u);
    BOOST_TEST(server::verify_audit(q.server->store()).intact());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
