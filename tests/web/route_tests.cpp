// Routes: hashes, fall-backs, and which screens need a session.
#include <boost/test/unit_test.hpp>

#include "yishi/client/route.hpp"

using namespace yishi::client;

BOOST_AUTO_TEST_SUITE(routes)

BOOST_AUTO_TEST_CASE(each_route_round_trips_through_its_hash) {
    for (Route r : {Route::login, Route::issues, Route::new_issue})
        BOOST_TEST((parse_hash(to_hash(r)) == r));
    BOOST_TEST(to_hash(Route::new_issue) == "#/new");
    BOOST_TEST(to_hash(Route::issues) == "#/issues");
    BOOST_TEST(to_hash(Route::login) == "#/login");
}

BOOST_AUTO_TEST_CASE(hash_parsing_tolerates_missing_slash_trailing_slash_and_query) {
    BOOST_TEST((parse_hash("#new") == Route::new_issue));
    BOOST_TEST((parse_hash("#/new/") == Route::new_issue));
    BOOST_TEST((parse_hash("/login") == Route::login));
    BOOST_TEST((parse_hash("#/login?next=1") == Route::login));
}

BOOST_AUTO_TEST_CASE(empty_or_unknown_hash_falls_back_to_the_issue_list) {
    BOOST_TEST((parse_hash("") == Route::issues));
    BOOST_TEST((parse_hash("#") == Route::issues));
    BOOST_TEST((parse_hash("#/nowhere") == Route::issues));
    BOOST_TEST((parse_hash("#/NEW") == Route::issues));
}

BOOST_AUTO_TEST_CASE(only_the_login_screen_is_open_without_a_session) {
    BOOST_TEST(!requires_login(Route::login));
    BOOST_TEST(requires_login(Route::issues));
    BOOST_TEST(requires_login(Route::new_issue));
}

BOOST_AUTO_TEST_SUITE_END()
