// Who administers what: each level reaches its own part of the tree and creates what is below it.
#include <boost/test/unit_test.hpp>

#include "yishi/administration.hpp"

using namespace yishi;

namespace {
const AdminScope kPlatform{AdminLevel::platform, 0};
const AdminScope kStreet1{AdminLevel::street, 1};
const AdminScope kCommunity10{AdminLevel::community, 10};
const Place kCommunity10In1{1, 10};
const Place kCommunity20In2{2, 20};

std::string refusal(const Check& c) { return c ? c->code : "allowed"; }
}  // namespace

BOOST_AUTO_TEST_SUITE(administration)

BOOST_AUTO_TEST_CASE(the_platform_reaches_everything_a_street_its_communities_a_community_itself) {
    BOOST_TEST(reaches(kPlatform, kCommunity20In2));
    BOOST_TEST(reaches(kStreet1, kCommunity10In1));
    BOOST_TEST(!reaches(kStreet1, kCommunity20In2));
    BOOST_TEST(reaches(kCommunity10, kCommunity10In1));
    BOOST_TEST(!reaches(kCommunity10, Place{1, 11}));
    // A community's scope never reaches its street as a whole.
    BOOST_TEST(!reaches(kCommunity10, Place{1, 0}));
}

BOOST_AUTO_TEST_CASE(only_the_platform_creates_streets) {
    BOOST_TEST(refusal(may_create_street(kPlatform)) == "allowed");
    BOOST_TEST(refusal(may_create_street(kStreet1)) == "outside_scope");
    BOOST_TEST(refusal(may_create_street(kCommunity10)) == "outside_scope");
    BOOST_TEST(refusal(may_create_street(std::nullopt)) == "not_admin");
}

BOOST_AUTO_TEST_CASE(communities_and_departments_are_made_by_their_street_or_the_platform) {
    BOOST_TEST(refusal(may_create_in_street(kPlatform, 2)) == "allowed");
    BOOST_TEST(refusal(may_create_in_street(kStreet1, 1)) == "allowed");
    BOOST_TEST(refusal(may_create_in_street(kStreet1, 2)) == "outside_scope");
    BOOST_TEST(refusal(may_create_in_street(kCommunity10, 1)) == "outside_scope");
    BOOST_TEST(refusal(may_create_in_street(std::nullopt, 1)) == "not_admin");
}

BOOST_AUTO_TEST_CASE(a_cppcc_is_administered_by_its_street_or_the_platform_seating_active_members) {
    BOOST_TEST(refusal(may_administer_cppcc(kPlatform, 2)) == "allowed");
    BOOST_TEST(refusal(may_administer_cppcc(kStreet1, 1)) == "allowed");
    BOOST_TEST(refusal(may_administer_cppcc(kStreet1, 2)) == "outside_scope");
    BOOST_TEST(refusal(may_administer_cppcc(kCommunity10, 1)) == "outside_scope");
    BOOST_TEST(refusal(may_administer_cppcc(std::nullopt, 1)) == "not_admin");
    BOOST_TEST(refusal(may_seat_cppcc_member(kStreet1, 1, true)) == "allowed");
    BOOST_TEST(refusal(may_seat_cppcc_member(kStreet1, 1, false)) == "member_inactive");
    BOOST_TEST(refusal(may_seat_cppcc_member(kStreet1, 2, true)) == "outside_scope");
}

BOOST_AUTO_TEST_CASE(a_community_is_managed_by_itself_its_street_and_the_platform) {
    BOOST_TEST(refusal(may_manage_community(kCommunity10, kCommunity10In1)) == "allowed");
    BOOST_TEST(refusal(may_manage_community(kStreet1, kCommunity10In1)) == "allowed");
    BOOST_TEST(refusal(may_manage_community(kPlatform, kCommunity10In1)) == "allowed");
    BOOST_TEST(refusal(may_manage_community(kStreet1, kCommunity20In2)) == "outside_scope");
    BOOST_TEST(refusal(may_manage_community(kCommunity10, kCommunity20In2)) == "outside_scope");
}

BOOST_AUTO_TEST_CASE(staff_accounts_are_created_one_level_up) {
    BOOST_TEST(refusal(may_create_staff(kPlatform, StaffKind::street_admin, Place{1, 0})) == "allowed");
    BOOST_TEST(refusal(may_create_staff(kStreet1, StaffKind::street_admin, Place{1, 0})) == "outside_scope");
    BOOST_TEST(refusal(may_create_staff(kStreet1, StaffKind::community_admin, kCommunity10In1)) == "allowed");
    BOOST_TEST(refusal(may_create_staff(kCommunity10, StaffKind::community_admin, kCommunity10In1)) == "outside_scope");
    BOOST_TEST(refusal(may_create_staff(kStreet1, StaffKind::department, Place{1, 0})) == "allowed");
    BOOST_TEST(refusal(may_create_staff(kCommunity10, StaffKind::department, Place{1, 0})) == "outside_scope");
    BOOST_TEST(refusal(may_create_staff(kCommunity10, StaffKind::grid_worker, kCommunity10In1)) == "allowed");
    BOOST_TEST(refusal(may_create_staff(kCommunity10, StaffKind::party_committee, kCommunity20In2)) == "outside_scope");
    BOOST_TEST((role_of(StaffKind::community_admin) == Role::admin));
    BOOST_TEST((role_of(StaffKind::party_committee) == Role::party_committee));
}

BOOST_AUTO_TEST_CASE(only_council_roles_are_given_in_a_council) {
    BOOST_TEST(assignable_council_role(Role::convenor));
    BOOST_TEST(assignable_council_role(Role::council_member));
    BOOST_TEST(assignable_council_role(Role::resident));
    BOOST_TEST(!assignable_council_role(Role::admin));
    BOOST_TEST(!assignable_council_role(Role::department));
}

BOOST_AUTO_TEST_CASE(place_names_are_one_line_of_at_most_forty_characters) {
    BOOST_TEST(check_place_name("  东湖街道 ", "name").value() == "东湖街道");
    BOOST_TEST(check_place_name("", "name").error().code == "empty_text");
    BOOST_TEST(check_place_name("东\n湖", "name").error().code == "line_break");
    std::string forty, forty_one;
    for (int i = 0; i < 40; ++i) forty += "街";
    forty_one = forty + "道";
    BOOST_TEST(check_place_name(forty, "name").ok());
    BOOST_TEST(check_place_name(forty_one, "name").error().code == "too_long");
    BOOST_TEST(check_place_name("东\u202E湖", "name").error().code == "bad_character");
}

BOOST_AUTO_TEST_CASE(names_of_levels_and_staff_kinds_read_back) {
    for (AdminLevel l : {AdminLevel::platform, AdminLevel::street, AdminLevel::community}) {
        AdminLevel back;
        BOOST_TEST(admin_level_from_string(to_string(l), back));
        BOOST_TEST((back == l));
    }
    StaffKind k;
    BOOST_TEST(staff_kind_from_string("grid_worker", k));
    BOOST_TEST((k == StaffKind::grid_worker));
    BOOST_TEST(!staff_kind_from_string("mayor", k));
}

BOOST_AUTO_TEST_SUITE_END()
