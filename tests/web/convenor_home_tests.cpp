// The convenor's 首页 lists what waits for them (issues to list, ratings to end, results to
// publish), and 退出登录 asks first.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/todos.hpp"
#include "yishi/messages_tasks.hpp"

using namespace fixtures;

namespace {

// demo01 as the council's convenor, on 首页 with its loads answered.
struct ConvenorHome {
    ClientState state;
    std::vector<Request> loads;

    ConvenorHome() {
        auto boot = apply(state, Boot{"#/login", "", "zh-CN"});
        apply_response(state, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
        auto sent = apply(state, Login{"demo01", "yishi2026"});
        LoginReply reply = login_reply();
        reply.member.role = "convenor";
        loads = apply_response(state, only(sent, RequestKind::login), 200, encode(reply));
    }
};

TaskView task(Id id, std::string title, TaskState st) {
    TaskView t;
    t.id = id;
    t.council_id = 7;
    t.issue_id = id + 10;
    t.issue_title = std::move(title);
    t.responsible_unit = "物业";
    t.responsible_member_id = 150;
    t.state = st;
    if (st != TaskState::assigned) t.replies = {ReplyView{150, "已办", 10, {}, {}}};
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(convenor_home)

BOOST_AUTO_TEST_CASE(home_asks_for_the_notices_only_for_the_convenor) {
    ConvenorHome c;
    BOOST_TEST(only(c.loads, RequestKind::notices).path == "/api/councils/7/notices");
    LoggedIn resident;
    BOOST_TEST(!has(resident.followups, RequestKind::notices));
}

BOOST_AUTO_TEST_CASE(issues_to_list_ratings_to_end_and_results_to_publish_are_listed) {
    ConvenorHome c;
    IssueList issues = issue_list();  // 2 楼道堆物 and 1 加装电梯, both collecting
    issues.issues[1].stage = IssueStage::listed;
    TaskList tasks;
    tasks.tasks = {task(4, "路灯维修", TaskState::answered), task(5, "楼道保洁", TaskState::done),
                   task(6, "垃圾分类", TaskState::done), task(8, "充电桩", TaskState::assigned),
                   task(9, "停车", TaskState::supervised)};
    NoticeList notices;
    notices.notices = {{Notice{3, 7, NoticeKind::result, 6, "实施结果公示：垃圾分类", 0, 10}, true},
                       {Notice{2, 7, NoticeKind::resolution, 5, "决议公示：楼道保洁", 0, 10}, true}};
    for (const auto& r : c.loads) {
        if (r.kind == RequestKind::issues) apply_response(c.state, r, 200, encode(issues));
        if (r.kind == RequestKind::tasks) apply_response(c.state, r, 200, encode(tasks));
    }
    // Before the notices are in, no result is claimed missing.
    auto before = convenor_todos(c.state);
    BOOST_TEST(before.size() == 2u);
    for (const auto& r : c.loads)
        if (r.kind == RequestKind::notices) apply_response(c.state, r, 200, encode(notices));
    auto todos = convenor_todos(c.state);
    BOOST_REQUIRE_EQUAL(todos.size(), 3u);
    BOOST_TEST((todos[0].kind == ConvenorTodo::Kind::list));
    BOOST_TEST(todos[0].id == 2u);
    BOOST_TEST(todos[0].title == "楼道堆物影响消防通道");
    BOOST_TEST((todos[1].kind == ConvenorTodo::Kind::conclude));
    BOOST_TEST(todos[1].id == 4u);
    BOOST_TEST((todos[2].kind == ConvenorTodo::Kind::result));
    BOOST_TEST(todos[2].id == 5u);  // 6 has its result notice; 5 only its resolution's
}

BOOST_AUTO_TEST_CASE(a_resident_has_no_convenor_items) {
    LoggedIn f;
    f.load_list();  // two collecting issues
    BOOST_TEST(convenor_todos(f.state).empty());
}

BOOST_AUTO_TEST_CASE(logging_out_asks_first_and_back_or_cancel_keeps_the_session) {
    LoggedIn f;
    f.load_list();
    apply(f.state, OpenModal{"confirm-logout"});
    BOOST_TEST(to_hash(f.state.route) == "#/home/confirm-logout");
    BOOST_TEST(apply(f.state, Navigate{parse_hash("#/home"), true}).empty());
    BOOST_TEST(f.state.route.modal.empty());
    apply(f.state, OpenModal{"confirm-logout"});
    apply(f.state, CloseModal{});
    BOOST_TEST(f.state.route.modal.empty());
    BOOST_TEST(f.state.logged_in());
    apply(f.state, OpenModal{"confirm-logout"});
    auto sent = apply(f.state, Logout{});
    BOOST_TEST(only(sent, RequestKind::logout).path == "/api/logout");
    BOOST_TEST(!f.state.logged_in());
    BOOST_TEST(to_hash(f.state.route) == "#/login");
}

BOOST_AUTO_TEST_SUITE_END()
