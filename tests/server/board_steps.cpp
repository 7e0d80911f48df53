// The board tests' world (see board_steps.hpp).
#include "board_steps.hpp"

namespace yishi::test {

namespace {
ServiceOptions fixed_clock() {
    ServiceOptions o;
    o.clock = [] { return kBoardNow; };
    return o;
}

// A live token issued at the tests' own time.
std::string token_at_board_now(TestServer& server, Id member_id) {
    std::string token = server::new_token();
    server.store().add_token(server::token_digest(token), member_id, kBoardNow,
                             server::TokenPolicy{});
    return token;
}

std::string at(std::int64_t days) { return std::to_string(kBoardNow + days * kBoardDay); }
}  // namespace

BoardWorld::BoardWorld() : server(seeded_db(), fixed_clock()) {
    // Places: a grid of the demo community, another street with its community and council, the
    // demo street's two departments and its CPPCC.
    execute(server.db(),
            "INSERT INTO grids (id, community_id, name) VALUES (9001, 1, '测试网格');"
            "INSERT INTO streets (id, name) VALUES (9001, '城西街道');"
            "INSERT INTO communities (id, name, street, street_id) VALUES (9001, '晨光社区', "
            "'城西街道', 9001);"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) VALUES "
            "(9001, 9001, '晨光社区议事会', 'residents_council', 5);"
            "INSERT INTO departments (id, street_id, name) VALUES (9001, 1, '测试城管科');"
            "INSERT INTO departments (id, street_id, name) VALUES (9002, 1, '测试民政科');"
            "INSERT INTO members (id, login, name, role, password_hash, street_id) VALUES "
            "(9001, 'board_street', '街道管理员', 'resident', 'x', 1);"
            "INSERT INTO members (id, login, name, role, password_hash, community_id) VALUES "
            "(9002, 'board_community', '社区管理员', 'resident', 'x', 1);"
            "INSERT INTO members (id, login, name, role, password_hash, street_id) VALUES "
            "(9003, 'board_other', '城西管理员', 'resident', 'x', 9001);"
            "INSERT INTO members (id, login, name, role, password_hash, street_id, department_id) "
            "VALUES (9004, 'board_unit', '城管科科员', 'department', 'x', 1, 9001);"
            "INSERT INTO members (id, login, name, role, password_hash, community_id) VALUES "
            "(9005, 'board_resident', '居民', 'resident', 'x', 1);"
            "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (9001, 'street', 1);"
            "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (9002, 'community', 1);"
            "INSERT INTO admin_scopes (member_id, level, scope_id) VALUES (9003, 'street', 9001);"
            "INSERT INTO cppccs (id, street_id, name) VALUES (9001, 1, '城东街道政协');");
    // Issues of the demo council in the test grid, and one of the other street.
    std::string issues;
    for (int i = 1; i <= 4; ++i)
        issues += "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage, "
                  "grid_id) VALUES (900" + std::to_string(i) + ", 1, '测试议题" +
                  std::to_string(i) + "', '正文', 2, " + at(-60) + ", 'resolved', 9001);";
    issues += "INSERT INTO issues (id, council_id, title, body, author_id, created_at, stage) "
              "VALUES (9005, 9001, '城西议题', '正文', 9003, " + at(-60) + ", 'resolved');";
    execute(server.db(), issues);
    // Tasks (see the tests for what each one shows).
    std::string t = "INSERT INTO tasks (id, council_id, issue_id, responsible_unit, "
                    "responsible_member_id, due_at, state, created_by, created_at) VALUES ";
    execute(server.db(),
            t + "(9001, 1, 9001, '测试城管科', 9004, " + at(-3) + ", 'assigned', 1, " + at(-40) + ");" +
            t + "(9002, 1, 9002, '测试城管科', 9004, " + at(5) + ", 'assigned', 1, " + at(-20) + ");" +
            t + "(9003, 1, 9003, '测试民政科', 9005, " + at(-10) + ", 'answered', 1, " + at(-30) + ");" +
            t + "(9004, 1, 9004, '测试民政科', 9005, " + at(30) + ", 'assigned', 1, " + at(-5) + ");" +
            t + "(9005, 9001, 9005, '测试城管科', 9004, " + at(-3) + ", 'assigned', 1, " + at(-40) + ");" +
            "INSERT INTO task_replies (id, task_id, member_id, text, at) VALUES (9003, 9003, 9005, "
            "'已修复', " + at(-18) + ");"
            "INSERT INTO task_ratings (reply_id, member_id, rating, rated_at) VALUES "
            "(9003, 2, 'satisfied', " + at(-17) + "), (9003, 3, 'satisfied', " + at(-17) + "), "
            "(9003, 4, 'unsatisfied', " + at(-17) + ");"
            "INSERT INTO task_progress (id, task_id, member_id, text, at) VALUES "
            "(9001, 9004, 9005, '已派人查看', " + at(-4) + "), "
            "(9002, 9004, 9005, '已联系施工队', " + at(-2) + ");");
    // The CPPCC's recommendation handed to 测试城管科: done, answered after 3 days.
    execute(server.db(),
            "INSERT INTO topics (id, cppcc_id, title, body, source, proposed_by, created_at, stage) "
            "VALUES (9001, 9001, '老旧小区加装电梯', '正文', 'members', 9001, " + at(-50) +
            ", 'published');"
            "INSERT INTO recommendations (id, topic_id, text, created_at) VALUES (9001, 9001, "
            "'建议设立加装电梯专项补贴', " + at(-20) + ");"
            "INSERT INTO tasks (id, recommendation_id, responsible_unit, responsible_member_id, "
            "due_at, state, created_by, created_at) VALUES (9006, 9001, '测试城管科', 9004, " +
            at(-1) + ", 'done', 9001, " + at(-15) + ");"
            "INSERT INTO task_replies (id, task_id, member_id, text, at) VALUES (9006, 9006, 9004, "
            "'已采纳', " + at(-12) + ");"
            "INSERT INTO task_ratings (reply_id, member_id, rating, rated_at) VALUES "
            "(9006, 9001, 'basically_satisfied', " + at(-11) + ");");
    street_admin = token_at_board_now(server, 9001);
    community_admin = token_at_board_now(server, 9002);
    other_admin = token_at_board_now(server, 9003);
    unit_staff = token_at_board_now(server, 9004);
    resident = token_at_board_now(server, 9005);
}

httplib::Result BoardWorld::get(const std::string& path, const std::string& token) {
    auto c = server.client();
    return token.empty() ? c.Get(path.c_str()) : c.Get(path.c_str(), bearer(token));
}

Json BoardWorld::get_json(const std::string& path, const std::string& token, int status) {
    auto r = get(path, token);
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == status, path << ": " << r->status << " " << r->body);
    return Json::parse(r->body);
}

std::string board_snapshot(const std::filesystem::path& db) {
    std::string out;
    for (const char* table : {"tasks", "task_progress", "task_replies", "task_ratings", "issues",
                              "ballots", "votes", "members", "admin_scopes", "audit_log",
                              "auth_tokens", "notifications"})
        out += std::string(table) + "=" +
               std::to_string(query_int(db, std::string("SELECT COUNT(*) FROM ") + table)) + ";";
    return out;
}

}  // namespace yishi::test
