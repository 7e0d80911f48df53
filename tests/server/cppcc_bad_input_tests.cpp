// Refused input for the CPPCC committee's endpoints (administration, reading, hand-over,
// positions, the departments' list, the community link): each bad request is answered 4xx with a
// clear message and leaves every table as it was.
#include <boost/test/unit_test.hpp>

#include "cppcc_steps.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {
std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cppcc_bad_input)

BOOST_AUTO_TEST_CASE(each_bad_administration_request_gets_a_clear_4xx_and_changes_nothing) {
    CppccWorld w;
    Id other_street = post_json(w.server, w.admin, "/api/admin/streets", {{"name", "城西街道"}})
                          .body["id"]
                          .get<Id>();
    Person other_admin = w.staff("street_admin", "street_id", other_street, "外街道管理员");
    Person gone = w.staff("cppcc_member", "street_id", kDemoStreet, "已停用委员");
    BOOST_REQUIRE_EQUAL(post_json(w.server, w.admin, path_of("/api/admin/members/", gone.id, "/deactivate"),
                                  {{"reason", "任期届满"}})
                            .status,
                        200);
    std::string resident = w.server.token_for(demo_member(3));
    std::string before = full_snapshot(w.server.db());

    const std::string create = "/api/admin/cppccs";
    const std::string committees = path_of("/api/admin/cppccs/", w.cppcc, "/committees");
    const std::string seats = path_of("/api/admin/cppccs/", w.cppcc, "/seats");
    auto cppcc = [](const Json& street, const Json& name) {
        return Json{{"street_id", street}, {"name", name}}.dump();
    };
    auto seat = [&](const Json& member, const Json& post, const Json& committee, const Json& title) {
        return Json{{"member_id", member}, {"post", post}, {"committee_id", committee},
                    {"title", title}}
            .dump();
    };
    const std::string admin = w.admin;
    const std::vector<Refusal> cases = {
        // creating the committee
        {"no token", "POST", create, cppcc(kDemoStreet, "新政协"), "", 401, "unauthorized", ""},
        {"a resident creates", "POST", create, cppcc(kDemoStreet, "新政协"), resident, 403,
         "not_admin", ""},
        {"a CPPCC member creates", "POST", create, cppcc(kDemoStreet, "新政协"), w.chair.token, 403,
         "not_admin", ""},
        {"another street's administrator", "POST", create, cppcc(kDemoStreet, "新政协"),
         other_admin.token, 403, "outside_scope", ""},
        {"body not JSON", "POST", create, "{", admin, 400, "bad_json", ""},
        {"street missing", "POST", create, R"({"name":"新政协"})", admin, 400, "missing_field",
         "street_id"},
        {"street not a number", "POST", create, cppcc("1", "新政协"), admin, 400, "wrong_type",
         "street_id"},
        {"street zero", "POST", create, cppcc(0, "新政协"), admin, 400, "bad_id", "street_id"},
        {"street that does not exist", "POST", create, cppcc(999, "新政协"), admin, 404,
         "not_found", "street_id"},
        {"name missing", "POST", create, R"({"street_id":1})", admin, 400, "missing_field", "name"},
        {"name empty", "POST", create, cppcc(kDemoStreet, "  "), admin, 400, "empty_text", "name"},
        {"name too long", "POST", create, cppcc(kDemoStreet, repeated("政", 41)), admin, 400,
         "too_long", "name"},
        {"name on two lines", "POST", create, cppcc(kDemoStreet, "县\n政协"), admin, 400,
         "line_break", "name"},
        {"name taken in the street", "POST", create, cppcc(kDemoStreet, "县政协"), admin, 409,
         "name_taken", "name"},
        // 专委会
        {"committee of a CPPCC id not a number", "POST", "/api/admin/cppccs/x/committees",
         R"({"name":"经济委员会"})", admin, 400, "bad_id", "cppcc_id"},
        {"committee of a CPPCC that does not exist", "POST", "/api/admin/cppccs/999/committees",
         R"({"name":"经济委员会"})", admin, 404, "not_found", "cppcc_id"},
        {"committee by another street's administrator", "POST", committees,
         R"({"name":"经济委员会"})", other_admin.token, 403, "outside_scope", ""},
        {"committee name taken", "POST", committees, R"({"name":"社会和法制委员会"})", admin, 409,
         "name_taken", "name"},
        {"committee name missing", "POST", committees, "{}", admin, 400, "missing_field", "name"},
        // seats
        {"seat by a resident", "POST", seats, seat(w.d.id, "member", nullptr, ""), resident, 403,
         "not_admin", ""},
        {"seat by another street's administrator", "POST", seats,
         seat(w.d.id, "member", nullptr, ""), other_admin.token, 403, "outside_scope", ""},
        {"seat in a CPPCC that does not exist", "POST", "/api/admin/cppccs/999/seats",
         seat(w.d.id, "member", nullptr, ""), admin, 404, "not_found", "cppcc_id"},
        {"seat for nobody", "POST", seats, seat(999, "member", nullptr, ""), admin, 404,
         "not_found", "member_id"},
        {"seat without a member", "POST", seats, R"({"post":"member","committee_id":null,"title":""})",
         admin, 400, "missing_field", "member_id"},
        {"seat for an inactive member", "POST", seats, seat(gone.id, "member", nullptr, ""), admin,
         403, "member_inactive", "member_id"},
        {"seat with an unknown post", "POST", seats, seat(w.d.id, "king", nullptr, ""), admin, 400,
         "bad_role", "post"},
        {"seat without a post", "POST", seats,
         Json{{"member_id", w.d.id}, {"committee_id", nullptr}, {"title", ""}}.dump(), admin, 400,
         "missing_field", "post"},
        {"seat without committee_id", "POST", seats,
         Json{{"member_id", w.d.id}, {"post", "member"}, {"title", ""}}.dump(), admin, 400,
         "missing_field", "committee_id"},
        {"seat on a committee of no such id", "POST", seats, seat(w.d.id, "member", 999, ""), admin,
         400, "bad_id", "committee_id"},
        {"seat without a title", "POST", seats,
         Json{{"member_id", w.d.id}, {"post", "member"}, {"committee_id", nullptr}}.dump(), admin,
         400, "missing_field", "title"},
        {"seat with a title too long", "POST", seats,
         seat(w.d.id, "member", nullptr, repeated("委", 61)), admin, 400, "too_long", "title"},
        // reading
        {"list without a token", "GET", "/api/cppccs", "", "", 401, "unauthorized", ""},
        {"read with an id not a number", "GET", "/api/cppccs/x", "", resident, 400, "bad_id",
         "cppcc_id"},
        {"read a CPPCC that does not exist", "GET", "/api/cppccs/999", "", resident, 404,
         "not_found", "cppcc_id"},
    };
    expect_refusals(w.server, cases);
    BOOST_TEST(full_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_CASE(each_bad_handling_request_gets_a_clear_4xx_and_changes_nothing) {
    CppccWorld w;
    SentConsultation sent = sent_consultation(w);
    Id rec = sent.recommendations[0];
    auto handed = post_json(w.server, w.chair.token, path_of("/api/recommendations/", rec, "/hand-over"),
                            {{"unit", "县民政局"},
                             {"responsible_member_id", w.civil_affairs_staff.id},
                             {"due_at", server::system_now() + 30 * kDay}});
    BOOST_REQUIRE_EQUAL(handed.status, 201);
    Id task = handed.body["recommendations"][0]["tasks"][0]["id"].get<Id>();
    std::string resident = w.server.token_for(demo_member(3));
    std::string before = full_snapshot(w.server.db());

    std::int64_t now = server::system_now();
    const std::string over = path_of("/api/recommendations/", rec, "/hand-over");
    auto hand = [&](const Json& unit, const Json& member, const Json& due) {
        return Json{{"unit", unit}, {"responsible_member_id", member}, {"due_at", due}}.dump();
    };
    const std::string good = hand("县住建局", w.housing_staff.id, now + 30 * kDay);
    const std::string pos = path_of("/api/tasks/", task, "/position");
    auto stance = [&](const Json& adoption, const Json& reason, const Json& due) {
        return Json{{"adoption", adoption}, {"reason", reason}, {"due_at", due}}.dump();
    };
    const std::string fine = stance("adopted", "纳入计划", now + 30 * kDay);
    const std::string civil = w.civil_affairs_staff.token;
    const std::vector<Refusal> cases = {
        // 交办
        {"hand over without a token", "POST", over, good, "", 401, "unauthorized", ""},
        {"a member hands over", "POST", over, good, w.a.token, 403, "not_leader", ""},
        {"the secretary hands over", "POST", over, good, w.secretary.token, 403, "not_leader", ""},
        {"a department hands over", "POST", over, good, civil, 403, "not_seated", ""},
        {"recommendation id not a number", "POST", "/api/recommendations/x/hand-over", good,
         w.chair.token, 400, "bad_id", "recommendation_id"},
        {"recommendation that does not exist", "POST", "/api/recommendations/999/hand-over", good,
         w.chair.token, 404, "not_found", "recommendation_id"},
        {"hand over body not JSON", "POST", over, "[", w.chair.token, 400, "bad_json", ""},
        {"unit missing", "POST", over,
         Json{{"responsible_member_id", w.housing_staff.id}, {"due_at", now + kDay}}.dump(),
         w.chair.token, 400, "missing_field", "unit"},
        {"unit empty", "POST", over, hand(" ", w.housing_staff.id, now + kDay), w.chair.token, 400,
         "empty_text", "unit"},
        {"unit too long", "POST", over, hand(repeated("局", 51), w.housing_staff.id, now + kDay),
         w.chair.token, 400, "too_long", "unit"},
        {"responsible member not a number", "POST", over, hand("县住建局", "7", now + kDay),
         w.chair.token, 400, "wrong_type", "responsible_member_id"},
        {"responsible member not a department", "POST", over, hand("县住建局", w.d.id, now + kDay),
         w.chair.token, 403, "not_department", "responsible_member_id"},
        {"responsible member who does not exist", "POST", over, hand("县住建局", 999, now + kDay),
         w.chair.token, 403, "not_department", "responsible_member_id"},
        {"due in the past", "POST", over, hand("县住建局", w.housing_staff.id, now - kDay),
         w.chair.token, 400, "bad_time", "due_at"},
        {"due eleven years ahead", "POST", over,
         hand("县住建局", w.housing_staff.id, now + 4000 * kDay), w.chair.token, 400, "bad_time",
         "due_at"},
        // positions
        {"position without a token", "POST", pos, fine, "", 401, "unauthorized", ""},
        {"position by another department", "POST", pos, fine, w.housing_staff.token, 403,
         "forbidden", ""},
        {"position by a leader", "POST", pos, fine, w.chair.token, 403, "not_responsible", ""},
        {"position on a task id not a number", "POST", "/api/tasks/x/position", fine, civil, 400,
         "bad_id", "task_id"},
        {"position on a task that does not exist", "POST", "/api/tasks/999/position", fine, civil,
         404, "not_found", ""},
        {"adoption unknown", "POST", pos, stance("maybe", "纳入计划", now + kDay), civil, 400,
         "wrong_type", "adoption"},
        {"reason empty", "POST", pos, stance("adopted", "", now + kDay), civil, 400, "empty_text",
         "reason"},
        {"position due in the past", "POST", pos, stance("adopted", "纳入计划", now - kDay), civil,
         400, "bad_time", "due_at"},
        // the departments' list
        {"consultation tasks without a token", "GET", "/api/me/consultation-tasks", "", "", 401,
         "unauthorized", ""},
        // the community link
        {"recommend without a token", "POST", "/api/issues/1/recommend",
         Json{{"cppcc_id", w.cppcc}}.dump(), "", 401, "unauthorized", ""},
        {"a resident recommends", "POST", "/api/issues/1/recommend",
         Json{{"cppcc_id", w.cppcc}}.dump(), resident, 403, "not_convenor", ""},
        {"an outsider recommends", "POST", "/api/issues/1/recommend",
         Json{{"cppcc_id", w.cppcc}}.dump(), w.chair.token, 403, "forbidden", ""},
        {"recommend an issue id not a number", "POST", "/api/issues/x/recommend",
         Json{{"cppcc_id", w.cppcc}}.dump(), w.server.token_for(kConvenor), 400, "bad_id",
         "issue_id"},
        {"recommend an issue that does not exist", "POST", "/api/issues/999/recommend",
         Json{{"cppcc_id", w.cppcc}}.dump(), w.server.token_for(kConvenor), 404, "not_found",
         "issue_id"},
        {"recommend to no CPPCC", "POST", "/api/issues/1/recommend", "{}",
         w.server.token_for(kConvenor), 400, "missing_field", "cppcc_id"},
        {"recommend to a CPPCC that does not exist", "POST", "/api/issues/1/recommend",
         Json{{"cppcc_id", 999}}.dump(), w.server.token_for(kConvenor), 404, "not_found",
         "cppcc_id"},
        {"read the outcome of an issue id not a number", "GET", "/api/issues/x/consultation", "",
         resident, 400, "bad_id", "issue_id"},
        {"read the outcome of an issue that does not exist", "GET", "/api/issues/999/consultation",
         "", resident, 404, "not_found", "issue_id"},
        {"read the outcome of another council's issue", "GET", "/api/issues/1/consultation", "",
         w.chair.token, 403, "forbidden", ""},
    };
    expect_refusals(w.server, cases);
    BOOST_TEST(full_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
