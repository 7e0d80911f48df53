// Steps shared by the 办/评 (carry out, evaluate) tests.
#include "task_steps.hpp"

#include <boost/test/unit_test.hpp>

namespace yishi::test {

Id add_department_member(TestServer& server, std::string& token) {
    Id id = server.store().add_member({"chengguan", "街道城管科", "department", "x"});
    // The store has no membership write yet; the community would enrol the unit as this does.
    execute(server.db(), "INSERT INTO council_members (council_id, member_id) VALUES (1, " +
                             std::to_string(id) + ")");
    token = server.token_for(id);
    return id;
}

Id decided_ballot(TestServer& server, Id session, const std::vector<std::string>& tokens, Id issue,
                  const std::string& choice) {
    auto opened = post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", issue}});
    BOOST_REQUIRE_EQUAL(opened.status, 201);
    Id ballot = opened.body["id"].get<Id>();
    for (int m = 1; m <= 8; ++m)
        BOOST_REQUIRE_EQUAL(post_json(server, tokens[m], path_of("/api/ballots/", ballot, "/votes"),
                                      {{"choice", choice}})
                                .status,
                            201);
    auto closed = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    return ballot;
}

Id assign_to(TestServer& server, const std::vector<std::string>& tokens, Id ballot, Id department) {
    std::int64_t now = server::system_now();
    auto r = post_json(server, tokens[1], path_of("/api/ballots/", ballot, "/tasks"),
                       {{"responsible_unit", "街道城管科"},
                        {"due_at", now + 60 * kDay},
                        {"assignee_id", department}});
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return r.body["id"].get<Id>();
}

}  // namespace yishi::test
