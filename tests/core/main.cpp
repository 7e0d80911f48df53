#define BOOST_TEST_MODULE yishi_core
#include <boost/test/unit_test.hpp>
