// The server test module: real HTTP on loopback against real SQLite files.
#define BOOST_TEST_MODULE yishi_server
#include <boost/test/unit_test.hpp>
