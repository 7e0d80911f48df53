// Content codings: the client's files in the precompressed form the browser accepts, and large
// API replies gzipped, each with Vary: Accept-Encoding so that no cache hands one to the other.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <tuple>
#include <vector>

#include <zlib.h>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;
namespace fs = std::filesystem;

namespace {
void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// A web directory whose script has both compressed siblings (their bytes are markers: the
// server picks a file, it does not read it) and whose font has none.
struct WebDir {
    WebDir() {
        root = temp_path("") / "web";
        fs::create_directories(root);
        write(root / "index.html", "<!doctype html><title>议事</title>");
        write(root / "app.js", "console.log('yishi')");
        write(root / "app.js.gz", "GZIP FORM");
        write(root / "app.js.br", "BROTLI FORM");
        write(root / "font.ttf", "ttf");
    }
    ServiceOptions options() const {
        ServiceOptions o;
        o.web_dir = root.string();
        return o;
    }
    fs::path root;
};

// A client that shows the bytes as sent.
httplib::Client raw_client(const TestServer& server) {
    auto c = server.client();
    c.set_decompress(false);
    return c;
}

std::string gunzip(const std::string& packed) {
    z_stream z{};
    BOOST_REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out(packed.size() * 20 + 1024, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    z.avail_in = static_cast<uInt>(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&z, Z_FINISH);
    out.resize(z.total_out);
    inflateEnd(&z);
    BOOST_REQUIRE(rc == Z_STREAM_END);
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(compression)

BOOST_AUTO_TEST_CASE(a_file_goes_in_the_smallest_form_the_browser_accepts) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    // Accept-Encoding → the body sent and its Content-Encoding.
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"gzip, deflate, br", "BROTLI FORM", "br"},
        {"gzip", "GZIP FORM", "gzip"},
        {"br;q=0, gzip;q=0.5", "GZIP FORM", "gzip"},
        {"BR", "BROTLI FORM", "br"},
        {"*", "BROTLI FORM", "br"},
        {"*, br;q=0", "GZIP FORM", "gzip"},
        {"gzip;q=0.000, br;q=0", "console.log('yishi')", ""},
        {"identity", "console.log('yishi')", ""},
        {"deflate", "console.log('yishi')", ""},
    };
    std::vector<std::string> etags;
    for (const auto& [accept, body, coding] : cases) {
        BOOST_TEST_CONTEXT(accept) {
            auto r = raw_client(server).Get("/app.js", {{"Accept-Encoding", accept}});
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == 200);
            BOOST_TEST(r->body == body);
            BOOST_TEST(r->get_header_value("Content-Encoding") == coding);
            BOOST_TEST(r->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
            BOOST_TEST(r->get_header_value("Vary") == "Accept-Encoding");
            etags.push_back(r->get_header_value("ETag"));
        }
    }
    // Each form has its own ETag, so a revalidation never swaps one for another.
    BOOST_TEST(etags[0] != etags[1]);
    BOOST_TEST(etags[1] != etags[6]);
    BOOST_TEST(etags[0] != etags[6]);
    auto again = raw_client(server).Get("/app.js", {{"Accept-Encoding", "br"}, {"If-None-Match", etags[0]}});
    BOOST_TEST(again->status == 304);
    auto other = raw_client(server).Get("/app.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", etags[0]}});
    BOOST_TEST(other->status == 200);
    BOOST_TEST(other->body == "GZIP FORM");
}

BOOST_AUTO_TEST_CASE(a_sibling_older_than_its_file_is_not_sent) {
    WebDir web;
    auto stale = fs::last_write_time(web.root / "app.js") - std::chrono::hours(1);
    fs::last_write_time(web.root / "app.js.br", stale);
    TestServer server(seeded_db(), web.options());
    auto r = raw_client(server).Get("/app.js", {{"Accept-Encoding", "br, gzip"}});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->body == "GZIP FORM");
    BOOST_TEST(r->get_header_value("Content-Encoding") == "gzip");
    auto font = raw_client(server).Get("/font.ttf", {{"Accept-Encoding", "br, gzip"}});
    BOOST_TEST(font->body == "ttf");
    BOOST_TEST(font->get_header_value("Content-Encoding") == "");
}

BOOST_AUTO_TEST_CASE(large_api_replies_are_gzipped_when_accepted_and_small_ones_are_not) {
    TestServer server(seeded_db());
    auto token = server.login("demo01");
    auto headers = [&](const std::string& accept) {
        auto h = bearer(token);
        h.emplace("Accept-Encoding", accept);
        return h;
    };
    auto plain = raw_client(server).Get("/api/councils/1/issues", headers("identity"));
    BOOST_REQUIRE(plain);
    BOOST_TEST(plain->status == 200);
    BOOST_REQUIRE(plain->body.size() > 1400u);
    BOOST_TEST(plain->get_header_value("Content-Encoding") == "");

    auto packed = raw_client(server).Get("/api/councils/1/issues", headers("gzip, deflate, br"));
    BOOST_REQUIRE(packed);
    BOOST_TEST(packed->status == 200);
    BOOST_TEST(packed->get_header_value("Content-Encoding") == "gzip");
    BOOST_TEST(packed->get_header_value("Content-Type") == "application/json; charset=utf-8");
    BOOST_TEST(packed->get_header_value("Vary") == "Accept-Encoding");
    BOOST_TEST(packed->body.size() < plain->body.size());
    BOOST_TEST(gunzip(packed->body) == plain->body);

    auto small = raw_client(server).Get("/api/version", {{"Accept-Encoding", "gzip"}});
    BOOST_REQUIRE(small);
    BOOST_TEST(small->body.size() < 1400u);
    BOOST_TEST(small->get_header_value("Content-Encoding") == "");
    BOOST_TEST(Json::parse(small->body)["name"].get<std::string>() == "yishi");
}

BOOST_AUTO_TEST_SUITE_END()
