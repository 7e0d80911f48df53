// 代提 for a resident without an account: a grid worker raises the issue under their own name
// with the resident's name and household; every bad request is refused with nothing stored.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "task_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

struct RaiseRefusal {
    std::string rule;
    bool by_grid_worker = true;
    Json extra;
    int status;
    std::string code, field;
};

// A grid worker seated in the demo council (a seat without a vote), and their token.
Id seat_grid_worker(TestServer& server, std::string& token) {
    Id grid = server.store().add_member({"wangge", "网格员小王", "grid_worker", "x"});
    execute(server.db(), "INSERT INTO council_members (council_id, member_id) VALUES (1, " +
                             std::to_string(grid) + ")");
    token = server.token_for(grid);
    return grid;
}

JsonReply raise(TestServer& server, const std::string& token, const Json& extra) {
    Json body = {{"title", "楼道灯不亮"}, {"body", "3栋2单元楼道灯坏了一周。"}};
    body.update(extra);
    return post_json(server, token, "/api/councils/1/issues", body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(raised_for)

BOOST_AUTO_TEST_CASE(a_grid_worker_raises_an_issue_for_a_resident_without_an_account) {
    TestServer server(seeded_db());
    std::string grid_token;
    Id grid = seat_grid_worker(server, grid_token);
    auto raised = raise(server, grid_token,
                        {{"raised_for_name", " 王秀英 "}, {"raised_for_household", "3栋2单元"}});
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    BOOST_TEST(raised.body["author_id"] == grid);
    BOOST_TEST(raised.body["author_name"] == "网格员小王");
    BOOST_TEST(raised.body["raised_by_id"].is_null());
    BOOST_TEST(raised.body["raised_for_name"] == "王秀英");
    BOOST_TEST(raised.body["raised_for_household"] == "3栋2单元");
    auto stored = server.store().issue(raised.body["id"].get<Id>(), grid);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->author_id == grid);
    BOOST_TEST(stored->raised_for_name == "王秀英");
    BOOST_TEST(stored->raised_for_household == "3栋2单元");
    // The household may be left out; an issue raised for oneself names nobody.
    auto named = raise(server, grid_token, {{"raised_for_name", "李大爷"}});
    BOOST_REQUIRE_EQUAL(named.status, 201);
    BOOST_TEST(named.body["raised_for_household"] == "");
    auto own = raise(server, server.login("demo03"), Json::object());
    BOOST_REQUIRE_EQUAL(own.status, 201);
    BOOST_TEST(own.body["raised_for_name"] == "");
}

BOOST_AUTO_TEST_CASE(bad_requests_for_a_resident_without_an_account_change_nothing) {
    TestServer server(seeded_db());
    std::string grid_token;
    seat_grid_worker(server, grid_token);
    std::string resident_token = server.login("demo03");
    const std::vector<RaiseRefusal> refusals = {
        {"a resident raising for another", false, {{"raised_for_name", "王秀英"}}, 403,
         "not_grid_worker", ""},
        {"a resident giving a household", false, {{"raised_for_household", "3栋2单元"}}, 403,
         "not_grid_worker", ""},
        {"both a member and a name", true, {{"on_behalf_of", 7}, {"raised_for_name", "王秀英"}},
         400, "behalf_twice", "raised_for_name"},
        {"both a member and a household", true,
         {{"on_behalf_of", 7}, {"raised_for_household", "3栋2单元"}}, 400, "behalf_twice",
         "raised_for_name"},
        {"a household without a name", true, {{"raised_for_household", "3栋2单元"}}, 400,
         "empty_text", "raised_for_name"},
        {"a blank name", true, {{"raised_for_name", "　 "}, {"raised_for_household", "3栋"}}, 400,
         "empty_text", "raised_for_name"},
        {"a name of 33 characters", true, {{"raised_for_name", std::string(33, 'a')}},
         400, "too_long", "raised_for_name"},
        {"a household of 41 characters", true,
         {{"raised_for_name", "王秀英"}, {"raised_for_household", std::string(41, '3')}}, 400,
         "too_long", "raised_for_household"},
        {"a name with a control character", true, {{"raised_for_name", "王\x1B秀英"}}, 400,
         "bad_character", "raised_for_name"},
        {"a name with a line break", true, {{"raised_for_name", "王\n秀英"}}, 400, "line_break",
         "raised_for_name"},
        {"a name reversed by a bidi override", true, {{"raised_for_name", "王\xE2\x80\xAE秀英"}},
         400, "bad_character", "raised_for_name"},
        {"a household with an isolate", true,
         {{"raised_for_name", "王秀英"}, {"raised_for_household", "3\xE2\x81\xA6栋\xE2\x81\xA9"}},
         400, "bad_character", "raised_for_household"},
        {"a name of the wrong type", true, {{"raised_for_name", 5}}, 400, "wrong_type",
         "raised_for_name"},
        {"a household of the wrong type", true,
         {{"raised_for_name", "王秀英"}, {"raised_for_household", Json::array()}}, 400,
         "wrong_type", "raised_for_household"},
    };
    std::string before = full_snapshot(server.db());
    for (const auto& r : refusals) {
        BOOST_TEST_CONTEXT(r.rule) {
            auto reply = raise(server, r.by_grid_worker ? grid_token : resident_token, r.extra);
            BOOST_TEST(reply.status == r.status);
            BOOST_TEST(reply.code() == r.code);
            if (!r.field.empty()) BOOST_TEST(reply.body["error"]["field"] == r.field);
            BOOST_TEST(!reply.body["error"]["message"].get<std::string>().empty());
        }
    }
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(the_member_list_names_each_household_for_the_search) {
    TestServer server(seeded_db());
    std::string grid_token;
    seat_grid_worker(server, grid_token);
    auto r = server.client().Get("/api/councils/1/members", bearer(grid_token));
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_EQUAL(r->status, 200);
    Json list = Json::parse(r->body);
    for (const auto& m : list["members"]) BOOST_TEST(m["household"].is_string());
}

BOOST_AUTO_TEST_SUITE_END()
