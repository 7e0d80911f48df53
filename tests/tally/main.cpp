#define BOOST_TEST_MODULE yishi_tally
#include <boost/test/unit_test.hpp>
