// Staff seats (列席): an administrator seats a department or a grid worker in a council, where
// they keep their own role and have no vote; a staff role is never given to anyone else.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

namespace yishi::test {

BOOST_AUTO_TEST_SUITE(staff_seats)

BOOST_AUTO_TEST_CASE(a_department_is_seated_in_a_council_keeping_its_role_without_a_vote) {
    TestServer server(seeded_db());
    auto& store = server.store();
    std::int64_t now = server::system_now();
    auto department = store.create_department(kAdmin, 1, "街道城管科", now);
    BOOST_REQUIRE(department);
    server::StaffRequest request;
    request.kind = StaffKind::department;
    request.name = "街道城管科";
    request.place_id = department.value().id;
    std::string code = server::sha256_hex("chengguan-code");
    auto staff = store.create_staff(kAdmin, request, code, now, now + kActivationCodeSeconds);
    BOOST_REQUIRE(staff);
    BOOST_REQUIRE(store.register_member({code, "chengguan", "x", now}));
    Id id = staff.value().member_id;
    std::string admin = server.token_for(kAdmin);
    std::string path = path_of("/api/admin/members/", id, "/role");

    auto seated = post_json(server, admin, path, {{"role", "department"}, {"council_id", kCouncil}});
    BOOST_REQUIRE_EQUAL(seated.status, 200);
    BOOST_TEST(seated.body["role"] == "department");
    BOOST_TEST(store.is_member(kCouncil, id));
    bool voting = true;
    for (const auto& m : store.council_members(kCouncil))
        if (m.id == id) voting = m.voting;
    BOOST_TEST(!voting);
}

BOOST_AUTO_TEST_CASE(a_staff_role_given_to_a_resident_is_refused_and_changes_nothing) {
    TestServer server(seeded_db());
    std::string admin = server.token_for(kAdmin);
    std::string before = full_snapshot(server.db());
    auto r = post_json(server, admin, path_of("/api/admin/members/", demo_member(2), "/role"),
                       {{"role", "department"}, {"council_id", kCouncil}});
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.code() == "bad_role");
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
