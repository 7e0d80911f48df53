// The CPPCC committee (政协) over the API: its administration (who creates and seats), the
// handling (办理) of its recommendations through the task machinery, and a community issue
// recommended as a topic (群众荐题) showing what became of it.
#include <boost/test/unit_test.hpp>

#include "cppcc_steps.hpp"

namespace yishi::test {

namespace {
Json street_in_tree(TestServer& server, const std::string& token, Id street) {
    auto tree = get_json(server, token, "/api/admin/tree");
    BOOST_REQUIRE_EQUAL(tree.status, 200);
    for (const auto& s : tree.body["streets"])
        if (s["id"].get<Id>() == street) return s;
    BOOST_FAIL("street " << street << " not in the tree");
    return {};
}

const Json* seat_of(const Json& view, Id member) {
    for (const auto& s : view["seats"])
        if (s["member_id"].get<Id>() == member) return &s;
    return nullptr;
}

Json hand_over(CppccWorld& w, const Person& leader, Id recommendation, const Person& staff,
               const std::string& unit) {
    auto r = post_json(w.server, leader.token, path_of("/api/recommendations/", recommendation, "/hand-over"),
                       {{"unit", unit},
                        {"responsible_member_id", staff.id},
                        {"due_at", server::system_now() + 30 * kDay}});
    BOOST_REQUIRE_MESSAGE(r.status == 201, "hand-over answered " << r.status << ": " << r.body);
    return r.body;
}

// The task of `recommendation` handed to `staff`.
Id task_for(const Json& view, Id recommendation, const Person& staff) {
    for (const auto& t : tasks_of(view, recommendation))
        if (t["responsible_member_id"].get<Id>() == staff.id) return t["id"].get<Id>();
    BOOST_FAIL("no task for " << staff.id);
    return 0;
}

JsonReply position(CppccWorld& w, const Person& who, Id task, const std::string& adoption) {
    return post_json(w.server, who.token, path_of("/api/tasks/", task, "/position"),
                     {{"adoption", adoption},
                      {"reason", "已纳入年度工作计划"},
                      {"due_at", server::system_now() + 60 * kDay}});
}

JsonReply act_on(CppccWorld& w, const Person& who, Id task, const std::string& act,
                 const Json& body = Json::object()) {
    return post_json(w.server, who.token, path_of("/api/tasks/", task, "/" + act), body);
}

std::vector<std::string> comment_bodies(TestServer& server, const std::string& token, Id issue) {
    auto r = get_json(server, token, path_of("/api/issues/", issue, "/comments"));
    BOOST_REQUIRE_EQUAL(r.status, 200);
    std::vector<std::string> out;
    for (const auto& c : r.body["comments"]) out.push_back(c["body"].get<std::string>());
    return out;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
    for (const auto& t : texts)
        if (t.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cppcc_administration)

BOOST_AUTO_TEST_CASE(the_platform_creates_a_cppcc_that_its_street_lists_in_the_tree) {
    CppccWorld w;
    Json street = street_in_tree(w.server, w.admin, kDemoStreet);
    BOOST_REQUIRE_EQUAL(street["cppccs"].size(), 1u);
    BOOST_TEST(street["cppccs"][0]["id"].get<Id>() == w.cppcc);
    BOOST_TEST(street["cppccs"][0]["name"] == "县政协");
    BOOST_TEST(street["cppccs"][0]["parent_id"].get<Id>() == kDemoStreet);

    auto list = get_json(w.server, w.d.token, "/api/cppccs");
    BOOST_REQUIRE_EQUAL(list.status, 200);
    BOOST_REQUIRE_EQUAL(list.body["cppccs"].size(), 1u);
    BOOST_TEST(list.body["cppccs"][0]["name"] == "县政协");
}

BOOST_AUTO_TEST_CASE(the_committee_page_shows_its_committees_seats_with_names_and_the_viewer) {
    CppccWorld w;
    auto view = get_json(w.server, w.vice_chair.token, path_of("/api/cppccs/", w.cppcc));
    BOOST_REQUIRE_EQUAL(view.status, 200);
    BOOST_REQUIRE_EQUAL(view.body["committees"].size(), 1u);
    BOOST_TEST(view.body["committees"][0]["name"] == "社会和法制委员会");
    BOOST_TEST(view.body["seats"].size() == 7u);
    const Json* vice = seat_of(view.body, w.vice_chair.id);
    BOOST_REQUIRE(vice);
    BOOST_TEST((*vice)["name"] == "副主席乙");
    BOOST_TEST((*vice)["post"] == "vice_chair");
    BOOST_TEST((*vice)["committee_id"].get<Id>() == w.committee);
    BOOST_TEST(view.body["viewer"]["seated"] == true);
    BOOST_TEST(view.body["viewer"]["post"] == "vice_chair");

    // A department's staff reads it too, unseated.
    auto outside = get_json(w.server, w.housing_staff.token, path_of("/api/cppccs/", w.cppcc));
    BOOST_REQUIRE_EQUAL(outside.status, 200);
    BOOST_TEST(outside.body["viewer"]["seated"] == false);
}

BOOST_AUTO_TEST_CASE(a_street_administrator_creates_and_seats_in_their_own_street_only) {
    CppccWorld w;
    Id other_street = post_json(w.server, w.admin, "/api/admin/streets", {{"name", "城西街道"}})
                          .body["id"]
                          .get<Id>();
    Person own = w.staff("street_admin", "street_id", kDemoStreet, "本街道管理员");
    Person other = w.staff("street_admin", "street_id", other_street, "外街道管理员");
    std::string before = full_snapshot(w.server.db());

    auto refused = post_json(w.server, other.token, "/api/admin/cppccs",
                             {{"street_id", kDemoStreet}, {"name", "另一个政协"}});
    BOOST_TEST(refused.status == 403);
    BOOST_TEST(refused.code() == "outside_scope");
    auto committee = post_json(w.server, other.token,
                               path_of("/api/admin/cppccs/", w.cppcc, "/committees"),
                               {{"name", "经济委员会"}});
    BOOST_TEST(committee.code() == "outside_scope");
    auto seat = post_json(w.server, other.token, path_of("/api/admin/cppccs/", w.cppcc, "/seats"),
                          {{"member_id", w.d.id}, {"post", "chair"}, {"committee_id", nullptr},
                           {"title", ""}});
    BOOST_TEST(seat.code() == "outside_scope");
    BOOST_TEST(full_snapshot(w.server.db()) == before);

    auto made = post_json(w.server, own.token, path_of("/api/admin/cppccs/", w.cppcc, "/committees"),
                          {{"name", "经济委员会"}});
    BOOST_TEST(made.status == 201);
    BOOST_TEST(made.body["parent_id"].get<Id>() == w.cppcc);
    auto in_other = post_json(w.server, other.token, "/api/admin/cppccs",
                              {{"street_id", other_street}, {"name", "城西政协"}});
    BOOST_TEST(in_other.status == 201);
}

BOOST_AUTO_TEST_CASE(only_an_active_member_takes_a_seat) {
    CppccWorld w;
    Person gone = w.staff("cppcc_member", "street_id", kDemoStreet, "已停用委员");
    BOOST_REQUIRE_EQUAL(post_json(w.server, w.admin, path_of("/api/admin/members/", gone.id, "/deactivate"),
                                  {{"reason", "任期届满"}})
                            .status,
                        200);
    std::string before = full_snapshot(w.server.db());
    auto r = post_json(w.server, w.admin, path_of("/api/admin/cppccs/", w.cppcc, "/seats"),
                       {{"member_id", gone.id}, {"post", "member"}, {"committee_id", nullptr},
                        {"title", ""}});
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "member_inactive");
    BOOST_TEST(full_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_CASE(seating_a_member_again_changes_their_one_seat) {
    CppccWorld w;
    auto r = post_json(w.server, w.admin, path_of("/api/admin/cppccs/", w.cppcc, "/seats"),
                       {{"member_id", w.d.id}, {"post", "vice_chair"}, {"committee_id", nullptr},
                        {"title", "县政协副主席"}});
    BOOST_REQUIRE_EQUAL(r.status, 200);
    BOOST_TEST(r.body["seats"].size() == 7u);
    const Json* seat = seat_of(r.body, w.d.id);
    BOOST_REQUIRE(seat);
    BOOST_TEST((*seat)["post"] == "vice_chair");
    BOOST_TEST((*seat)["committee_id"].get<Id>() == 0);
    BOOST_TEST((*seat)["title"] == "县政协副主席");
    BOOST_TEST(query_int(w.server.db(), "SELECT COUNT(*) FROM cppcc_seats WHERE member_id = " +
                                            std::to_string(w.d.id)) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cppcc_handling)

BOOST_AUTO_TEST_CASE(recommendations_are_handed_over_answered_rated_supervised_and_done) {
    CppccWorld w;
    SentConsultation sent = sent_consultation(w);
    Id first = sent.recommendations[0], second = sent.recommendations[1];
    std::int64_t version = version_of(get_json(w.server, w.a.token,
                                               path_of("/api/consultations/", sent.topic)).body);

    // 交办: a leader hands the first to two departments, the second to one.
    auto refused = post_json(w.server, w.a.token, path_of("/api/recommendations/", first, "/hand-over"),
                             {{"unit", "县民政局"}, {"responsible_member_id", w.civil_affairs_staff.id},
                              {"due_at", server::system_now() + 30 * kDay}});
    BOOST_TEST(refused.code() == "not_leader");
    hand_over(w, w.chair, first, w.civil_affairs_staff, "县民政局");
    hand_over(w, w.vice_chair, first, w.housing_staff, "县住建局");
    Json view = hand_over(w, w.chair, second, w.civil_affairs_staff, "县民政局");
    BOOST_TEST(version_of(view) == version + 3);
    Id civil = task_for(view, first, w.civil_affairs_staff);
    Id housing = task_for(view, first, w.housing_staff);
    Id civil_second = task_for(view, second, w.civil_affairs_staff);
    BOOST_TEST(tasks_of(view, first)[0]["raters"] == Json({w.a.id, w.b.id, w.c.id}));

    // Positions: only the department handed the task states one.
    BOOST_TEST(position(w, w.chair, civil, "adopted").code() == "not_responsible");
    BOOST_TEST(position(w, w.housing_staff, civil, "adopted").code() == "not_responsible");
    auto adopted = position(w, w.civil_affairs_staff, civil, "adopted");
    BOOST_REQUIRE_EQUAL(adopted.status, 200);
    BOOST_TEST(adopted.body["adoption"] == "adopted");
    BOOST_TEST(adopted.body["position_reason"] == "已纳入年度工作计划");
    BOOST_REQUIRE_EQUAL(position(w, w.housing_staff, housing, "partly").status, 200);
    BOOST_REQUIRE_EQUAL(position(w, w.civil_affairs_staff, civil_second, "not_adopted").status, 200);

    // Progress and the formal reply by the department.
    BOOST_TEST(act_on(w, w.a, civil, "progress", {{"text", "代为填报"}}).status == 403);
    BOOST_REQUIRE_EQUAL(act_on(w, w.civil_affairs_staff, civil, "progress",
                               {{"text", "已起草联席会议制度"}})
                            .status,
                        201);
    auto answered = act_on(w, w.civil_affairs_staff, civil, "reply", {{"text", "联席会议制度已印发"}});
    BOOST_REQUIRE_EQUAL(answered.status, 201);
    BOOST_TEST(answered.body["state"] == "answered");

    // Only the proposers rate; an unsatisfied majority sends it back (督办).
    BOOST_TEST(act_on(w, w.d, civil, "ratings", {{"rating", "satisfied"}}).code() == "not_proposer");
    BOOST_TEST(act_on(w, w.chair, civil, "ratings", {{"rating", "satisfied"}}).code() ==
               "not_proposer");
    BOOST_TEST(act_on(w, w.a, civil, "ratings", {{"rating", "unsatisfied"}}).status == 201);
    BOOST_TEST(act_on(w, w.b, civil, "ratings", {{"rating", "unsatisfied"}}).status == 201);
    BOOST_TEST(act_on(w, w.c, civil, "ratings", {{"rating", "satisfied"}}).status == 201);
    BOOST_TEST(act_on(w, w.a, civil, "conclude").code() == "not_convenor");
    auto supervised = act_on(w, w.chair, civil, "conclude");
    BOOST_REQUIRE_EQUAL(supervised.status, 200);
    BOOST_TEST(supervised.body["state"] == "supervised");

    // Answered again, rated satisfied, concluded: done.
    BOOST_REQUIRE_EQUAL(act_on(w, w.civil_affairs_staff, civil, "reply",
                               {{"text", "联席会议已召开两次，形成会议纪要"}})
                            .status,
                        201);
    for (const Person* p : {&w.a, &w.b, &w.c})
        BOOST_REQUIRE_EQUAL(act_on(w, *p, civil, "ratings", {{"rating", "satisfied"}}).status, 201);
    auto done = act_on(w, w.vice_chair, civil, "conclude");
    BOOST_REQUIRE_EQUAL(done.status, 200);
    BOOST_TEST(done.body["state"] == "done");
    BOOST_TEST(done.body["replies"].size() == 2u);

    // The consultation shows it all, counted by each recommendation's least favourable position.
    Json after = get_json(w.server, w.d.token, path_of("/api/consultations/", sent.topic)).body;
    BOOST_TEST(version_of(after) > version_of(view));
    BOOST_TEST(after["figures"]["recommendations"] == 2);
    BOOST_TEST(after["figures"]["adopted"] == 0);
    BOOST_TEST(after["figures"]["partly"] == 1);
    BOOST_TEST(after["figures"]["not_adopted"] == 1);
    BOOST_TEST(after["figures"]["done"] == 1);

    // Every account reads a recommendation's task; each department lists the ones handed to it.
    auto read = get_json(w.server, w.server.token_for(demo_member(5)), path_of("/api/tasks/", civil));
    BOOST_REQUIRE_EQUAL(read.status, 200);
    BOOST_TEST(read.body["recommendation_id"].get<Id>() == first);
    auto mine = get_json(w.server, w.civil_affairs_staff.token, "/api/me/consultation-tasks");
    BOOST_REQUIRE_EQUAL(mine.status, 200);
    BOOST_REQUIRE_EQUAL(mine.body["items"].size(), 2u);
    BOOST_TEST(mine.body["items"][0]["task"]["id"].get<Id>() == civil);
    BOOST_TEST(mine.body["items"][0]["topic_title"] == "加强城市社区治理");
    BOOST_TEST(mine.body["items"][1]["task"]["id"].get<Id>() == civil_second);
    auto theirs = get_json(w.server, w.housing_staff.token, "/api/me/consultation-tasks");
    BOOST_REQUIRE_EQUAL(theirs.body["items"].size(), 1u);
    auto none = get_json(w.server, w.a.token, "/api/me/consultation-tasks");
    BOOST_TEST(none.body["items"].size() == 0u);
}

BOOST_AUTO_TEST_CASE(hand_over_goes_to_an_active_department_staff_member_only) {
    CppccWorld w;
    SentConsultation sent = sent_consultation(w);
    std::string before = full_snapshot(w.server.db());
    auto to_member = post_json(w.server, w.chair.token,
                               path_of("/api/recommendations/", sent.recommendations[0], "/hand-over"),
                               {{"unit", "县民政局"}, {"responsible_member_id", w.d.id},
                                {"due_at", server::system_now() + 30 * kDay}});
    BOOST_TEST(to_member.code() == "not_department");
    BOOST_TEST(to_member.body["error"]["field"] == "responsible_member_id");
    BOOST_REQUIRE_EQUAL(post_json(w.server, w.admin,
                                  path_of("/api/admin/members/", w.housing_staff.id, "/deactivate"),
                                  {{"reason", "调离"}})
                            .status,
                        200);
    before = full_snapshot(w.server.db());
    auto to_inactive = post_json(w.server, w.chair.token,
                                 path_of("/api/recommendations/", sent.recommendations[0], "/hand-over"),
                                 {{"unit", "县住建局"}, {"responsible_member_id", w.housing_staff.id},
                                  {"due_at", server::system_now() + 30 * kDay}});
    BOOST_TEST(to_inactive.code() == "not_department");
    BOOST_TEST(full_snapshot(w.server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cppcc_community_link)

BOOST_AUTO_TEST_CASE(a_recommended_issue_shows_the_outcome_and_the_answers_in_its_thread) {
    CppccWorld w;
    std::string convenor = w.server.token_for(kConvenor);
    std::string resident = w.server.token_for(demo_member(3));
    const std::string recommend = path_of("/api/issues/", kIssueChargers, "/recommend");
    const std::string outcome = path_of("/api/issues/", kIssueChargers, "/consultation");

    auto never = get_json(w.server, resident, outcome);
    BOOST_REQUIRE_EQUAL(never.status, 200);
    BOOST_TEST(never.body["topic_id"] == 0);

    BOOST_TEST(post_json(w.server, resident, recommend, {{"cppcc_id", w.cppcc}}).code() ==
               "not_convenor");
    auto made = post_json(w.server, convenor, recommend, {{"cppcc_id", w.cppcc}});
    BOOST_REQUIRE_EQUAL(made.status, 201);
    Id topic = topic_of(made.body);
    BOOST_TEST(made.body["source"] == "public_recommendation");
    BOOST_TEST(made.body["issue_id"].get<Id>() == kIssueChargers);
    BOOST_TEST(made.body["stage"] == "proposed");
    std::string before = full_snapshot(w.server.db());
    auto again = post_json(w.server, convenor, recommend, {{"cppcc_id", w.cppcc}});
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.code() == "already_recommended");
    BOOST_TEST(full_snapshot(w.server.db()) == before);

    // Before the outcome is sent the issue shows the topic, not its recommendations.
    auto proposed = get_json(w.server, resident, outcome);
    BOOST_TEST(proposed.body["topic_id"].get<Id>() == topic);
    BOOST_TEST(proposed.body["cppcc_name"] == "县政协");
    BOOST_TEST(proposed.body["stage"] == "proposed");

    SentConsultation sent = send_consultation(w, topic);
    auto shown = get_json(w.server, resident, outcome);
    BOOST_TEST(shown.body["stage"] == "sent");
    BOOST_REQUIRE_EQUAL(shown.body["recommendations"].size(), 2u);
    BOOST_TEST(shown.body["recommendations"][0]["text"] == "建立社区治理联席会议制度");
    BOOST_TEST(any_contains(comment_bodies(w.server, resident, kIssueChargers), "成果已报送：县委"));

    Json view = hand_over(w, w.chair, sent.recommendations[0], w.civil_affairs_staff, "县民政局");
    Id task = task_for(view, sent.recommendations[0], w.civil_affairs_staff);
    BOOST_REQUIRE_EQUAL(position(w, w.civil_affairs_staff, task, "adopted").status, 200);
    BOOST_REQUIRE_EQUAL(act_on(w, w.civil_affairs_staff, task, "reply", {{"text", "已建立联席会议制度"}})
                            .status,
                        201);
    auto thread = comment_bodies(w.server, resident, kIssueChargers);
    BOOST_TEST(any_contains(thread, "县民政局答复（采纳）：已建立联席会议制度"));
    auto answered = get_json(w.server, resident, outcome);
    BOOST_TEST(answered.body["figures"]["adopted"] == 1);
    BOOST_TEST(answered.body["recommendations"][0]["tasks"][0]["adoption"] == "adopted");

    // The issue's page is its council's: someone outside it does not read what became of it.
    BOOST_TEST(get_json(w.server, w.d.token, outcome).code() == "forbidden");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
