// The request head as the gate reads it: where it ends, what is refused, and whose address
// a request carries. Pure functions over bytes, no server.
#include <boost/test/unit_test.hpp>

#include "yishi/server/request_head.hpp"

using namespace yishi;
using namespace yishi::server;

using namespace std::string_literals;

namespace {
using State = HeadRead::State;

HeadRead read(const std::string& bytes) { return read_request_head(bytes); }

std::string headers(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += "X-H" + std::to_string(i) + ": v\r\n";
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(request_head)

BOOST_AUTO_TEST_CASE(a_head_is_complete_only_at_its_blank_line) {
    std::string head = "POST /api/login?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n";
    for (std::size_t cut = 0; cut < head.size(); ++cut)
        BOOST_TEST((read(head.substr(0, cut)).state == State::incomplete), "cut at " << cut);
    auto r = read(head + "{\"login\":1}");
    BOOST_REQUIRE((r.state == State::complete));
    BOOST_TEST(r.head.method == "POST");
    BOOST_TEST(r.head.target == "/api/login?x=1");
    BOOST_TEST(r.head.path() == "/api/login");
    BOOST_TEST(r.head.head_bytes == head.size());
    BOOST_TEST(r.head.content_length == 12u);
    BOOST_TEST(r.head.keep_alive);
}

BOOST_AUTO_TEST_CASE(empty_lines_before_the_request_line_and_bare_line_feeds_are_accepted) {
    auto r = read("\r\n\nGET / HTTP/1.1\nHost: h\n\n");
    BOOST_REQUIRE((r.state == State::complete));
    BOOST_TEST(r.head.target == "/");
}

BOOST_AUTO_TEST_CASE(malformed_heads_are_refused_with_400) {
    const std::vector<std::pair<const char*, std::string>> cases = {
        {"two different Content-Length values",
         "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"},
        {"Content-Length that is not a number", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5x\r\n\r\n"},
        {"a comma list as Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\n"},
        {"a header line without a colon", "GET / HTTP/1.1\r\nHost: h\r\nX-Broken\r\n\r\n"},
        {"NUL in a header value", "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\0b\r\n\r\n"s},
        {"a bare CR in a header value", "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n"},
        {"an obs-folded header line", "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\r\n  b\r\n\r\n"},
        {"a tab-folded header line", "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\r\n\tb\r\n\r\n"},
        {"white space before the colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n"},
        {"an empty header name", "GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n"},
        {"a request line of two words", "GET /\r\nHost: h\r\n\r\n"},
        {"a request line of four words", "GET / x HTTP/1.1\r\nHost: h\r\n\r\n"},
        {"a target that is not a path", "GET http://evil/ HTTP/1.1\r\nHost: h\r\n\r\n"},
        {"an unknown version", "GET / HTTP/2.0\r\nHost: h\r\n\r\n"},
        {"a method that is not a token", "G(T / HTTP/1.1\r\nHost: h\r\n\r\n"},
        {"HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"},
        {"two Host headers", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
    };
    for (const auto& [rule, bytes] : cases) {
        BOOST_TEST_CONTEXT(rule) {
            auto r = read(bytes);
            BOOST_REQUIRE((r.state == State::refused));
            BOOST_TEST(r.error.status == 400);
            BOOST_TEST(r.error.code == "bad_request");
            BOOST_TEST(r.error.message.find("请求格式错误") == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(repeated_equal_content_lengths_and_leading_zeros_are_one_length) {
    auto r = read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 007\r\ncontent-length: 007\r\n\r\n");
    BOOST_REQUIRE((r.state == State::complete));
    BOOST_TEST(r.head.content_length == 7u);
}

BOOST_AUTO_TEST_CASE(bodies_that_cannot_be_read_within_limits_are_refused_before_reading) {
    auto chunked = read("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
    BOOST_REQUIRE((chunked.state == State::refused));
    BOOST_TEST(chunked.error.status == 411);
    auto big = read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048577\r\n\r\n");
    BOOST_REQUIRE((big.state == State::refused));
    BOOST_TEST(big.error.status == 413);
    auto huge = read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n");
    BOOST_REQUIRE((huge.state == State::refused));
    BOOST_TEST(huge.error.status == 413);
    auto exact = read("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1048576\r\n\r\n");
    BOOST_TEST((exact.state == State::complete));
}

BOOST_AUTO_TEST_CASE(more_than_100_headers_are_refused_with_431_before_the_head_ends) {
    std::string start = "GET / HTTP/1.1\r\nHost: h\r\n";
    BOOST_TEST((read(start + headers(99) + "\r\n").state == State::complete));  // 100 with Host
    auto r = read(start + headers(100));  // no blank line yet: refused all the same
    BOOST_REQUIRE((r.state == State::refused));
    BOOST_TEST(r.error.status == 431);
    BOOST_TEST(r.error.code == "headers_too_large");
}

BOOST_AUTO_TEST_CASE(a_head_over_16_kib_is_refused_with_431_before_it_ends) {
    std::string start = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: ";
    std::string fits = start + std::string(16 * 1024 - start.size() - 4, 'a') + "\r\n\r\n";
    BOOST_TEST((read(fits).state == State::complete));
    auto r = read(start + std::string(16 * 1024, 'a'));
    BOOST_REQUIRE((r.state == State::refused));
    BOOST_TEST(r.error.status == 431);
}

BOOST_AUTO_TEST_CASE(connection_options_and_expect_continue_are_read) {
    BOOST_TEST(!read("GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive, close\r\n\r\n").head.keep_alive);
    BOOST_TEST(!read("GET / HTTP/1.0\r\n\r\n").head.keep_alive);
    BOOST_TEST(read("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head.keep_alive);
    BOOST_TEST(read("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n")
                   .head.expects_continue);
}

BOOST_AUTO_TEST_CASE(hop_headers_and_the_gates_own_are_never_passed_on) {
    for (const char* name : {"connection", "Content-Length", "Transfer-Encoding", "Expect",
                             "x-yishi-gate", "X-Yishi-Peer", "Keep-Alive", "Upgrade"})
        BOOST_TEST(is_hop_header(name), name);
    for (const char* name : {"Host", "Authorization", "Content-Type", "X-Forwarded-For"})
        BOOST_TEST(!is_hop_header(name), name);
}

BOOST_AUTO_TEST_CASE(forwarded_addresses_are_believed_only_from_a_trusted_proxy) {
    auto head = read("GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 6.6.6.6, 203.0.113.7\r\n"
                     "X-Real-IP: 198.51.100.1\r\n\r\n")
                    .head;
    const std::vector<std::string> proxy = {"127.0.0.1"};
    BOOST_TEST(originating_address(head, "10.0.0.9", proxy) == "10.0.0.9");
    BOOST_TEST(originating_address(head, "10.0.0.9", {}) == "10.0.0.9");
    // The rightmost hop is the one the proxy saw; what the client wrote left of it is not believed.
    BOOST_TEST(originating_address(head, "127.0.0.1", proxy) == "203.0.113.7");
    BOOST_TEST(originating_address(head, "::ffff:127.0.0.1", proxy) == "203.0.113.7");
}

BOOST_AUTO_TEST_CASE(trusted_hops_are_skipped_and_malformed_ones_end_the_chain) {
    const std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.2"};
    auto chain = read("GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 203.0.113.7\r\n"
                      "X-Forwarded-For: 10.0.0.2\r\n\r\n")
                     .head;
    BOOST_TEST(originating_address(chain, "127.0.0.1", proxies) == "203.0.113.7");
    auto junk = read("GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: 203.0.113.7, bogus\r\n"
                     "X-Real-IP: 198.51.100.1\r\n\r\n")
                    .head;
    BOOST_TEST(originating_address(junk, "127.0.0.1", proxies) == "198.51.100.1");
    auto real = read("GET / HTTP/1.1\r\nHost: h\r\nX-Real-IP: 2001:DB8::1\r\n\r\n").head;
    BOOST_TEST(originating_address(real, "127.0.0.1", proxies) == "2001:db8::1");
    auto none = read("GET / HTTP/1.1\r\nHost: h\r\n\r\n").head;
    BOOST_TEST(originating_address(none, "127.0.0.1", proxies) == "127.0.0.1");
}

BOOST_AUTO_TEST_SUITE_END()
