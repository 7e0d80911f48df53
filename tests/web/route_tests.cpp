// Routes: hashes with ids and modals, fall-backs, and which screens need a session.
#include <boost/test/unit_test.hpp>

#include "yishi/client/route.hpp"

using namespace yishi::client;

BOOST_AUTO_TEST_SUITE(routes)

BOOST_AUTO_TEST_CASE(each_route_round_trips_through_its_hash) {
    for (Route r : {Route{Page::login}, Route{Page::register_account}, Route{Page::home},
                    Route{Page::issues}, Route{Page::issue, 42, {}}, Route{Page::new_issue},
                    Route{Page::sessions}, Route{Page::session, 3, {}},
                    Route{Page::ballot, 7, "confirm-yes"}, Route{Page::notices},
                    Route{Page::tasks}, Route{Page::task, 5, {}}, Route{Page::settings}})
        BOOST_TEST((parse_hash(to_hash(r)) == r), to_hash(r));
    BOOST_TEST(to_hash(Route{Page::new_issue}) == "#/new");
    BOOST_TEST(to_hash(Route{Page::issue, 42, {}}) == "#/issue/42");
    BOOST_TEST(to_hash(Route{Page::ballot, 7, "confirm-yes"}) == "#/ballot/7/confirm-yes");
}

BOOST_AUTO_TEST_CASE(hash_parsing_tolerates_missing_slash_trailing_slash_and_query) {
    BOOST_TEST((parse_hash("#new") == Route{Page::new_issue}));
    BOOST_TEST((parse_hash("#/new/") == Route{Page::new_issue}));
    BOOST_TEST((parse_hash("/login") == Route{Page::login}));
    BOOST_TEST((parse_hash("#/login?next=1") == Route{Page::login}));
    BOOST_TEST((parse_hash("#/issue/42/") == Route{Page::issue, 42, {}}));
}

BOOST_AUTO_TEST_CASE(empty_or_unknown_hash_falls_back_to_home) {
    BOOST_TEST((parse_hash("") == Route{Page::home}));
    BOOST_TEST((parse_hash("#") == Route{Page::home}));
    BOOST_TEST((parse_hash("#/nowhere") == Route{Page::home}));
    BOOST_TEST((parse_hash("#/NEW") == Route{Page::home}));
}

BOOST_AUTO_TEST_CASE(a_page_that_needs_an_id_without_a_valid_one_is_home) {
    for (const char* h : {"#/issue", "#/issue/0", "#/issue/-1", "#/issue/abc", "#/issue/042",
                          "#/ballot/9999999999999999999"})
        BOOST_TEST((parse_hash(h) == Route{Page::home}), h);
}

BOOST_AUTO_TEST_CASE(a_malformed_modal_is_dropped_but_the_page_kept) {
    BOOST_TEST((parse_hash("#/ballot/7/<script>") == Route{Page::ballot, 7, {}}));
    BOOST_TEST((parse_hash("#/ballot/7/Confirm") == Route{Page::ballot, 7, {}}));
}

BOOST_AUTO_TEST_CASE(only_login_and_register_are_open_without_a_session) {
    BOOST_TEST(!requires_login(Page::login));
    BOOST_TEST(!requires_login(Page::register_account));
    for (Page p : {Page::home, Page::issues, Page::issue, Page::new_issue, Page::session,
                   Page::ballot, Page::notices, Page::tasks, Page::task, Page::settings})
        BOOST_TEST(requires_login(p));
}

BOOST_AUTO_TEST_CASE(sessions_and_ballots_are_live_lists_are_not) {
    BOOST_TEST(is_live(Page::session));
    BOOST_TEST(is_live(Page::ballot));
    BOOST_TEST(!is_live(Page::issues));
    BOOST_TEST(!is_live(Page::home));
}

BOOST_AUTO_TEST_SUITE_END()
