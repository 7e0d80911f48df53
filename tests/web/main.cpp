#define BOOST_TEST_MODULE yishi_client_state
#include <boost/test/unit_test.hpp>
