// The web client's files: index.html at "/", exact MIME types, nothing outside the web dir.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <tuple>
#include <vector>

#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;
namespace fs = std::filesystem;

namespace {
// A web directory with one file of each kind, and a secret file beside it.
struct WebDir {
    WebDir() {
        root = temp_path("") / "web";
        fs::create_directories(root / "fonts");
        write(root / "index.html", "<!doctype html><title>议事</title>");
        write(root / "app.js", "console.log('yishi')");
        write(root / "app.wasm", std::string("\0asm\1\0\0\0", 8));
        write(root / "fonts" / "wqy.ttf", "ttf");
        write(root / "app.0123456789abcdef.wasm", std::string("\0asm\1\0\0\0", 8));
        write(root / "fonts" / "base.fedcba9876543210.ttf", "ttf");
        write(root / "zh-CN.json", "{}");
        write(root.parent_path() / "secret.txt", "secret");
    }
    static void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
    ServiceOptions options() const {
        ServiceOptions o;
        o.web_dir = root.string();
        return o;
    }
    fs::path root;
};
}  // namespace

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(root_serves_index_html_uncached) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    auto r = server.client().Get("/");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200);
    BOOST_TEST(r->body == "<!doctype html><title>议事</title>");
    BOOST_TEST(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(r->get_header_value("Cache-Control") == "no-cache");
}

BOOST_AUTO_TEST_CASE(files_named_by_hash_are_kept_a_year_and_the_others_revalidated) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    constexpr const char* kYear = "public, max-age=31536000, immutable";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/app.0123456789abcdef.wasm", kYear},
        {"/fonts/base.fedcba9876543210.ttf", kYear},
        {"/app.wasm", "no-cache"},
        {"/fonts/wqy.ttf", "no-cache"},
        {"/index.html", "no-cache"},
        {"/", "no-cache"},
        {"/council/7", "no-cache"},  // a history URL: index.html
    };
    for (const auto& [path, cache] : cases) {
        BOOST_TEST_CONTEXT(path) {
            auto r = server.client().Get(path);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == 200);
            BOOST_TEST(r->get_header_value("Cache-Control") == cache);
            BOOST_TEST(r->get_header_value("Vary") == "Accept-Encoding");
        }
    }
}

BOOST_AUTO_TEST_CASE(files_carry_the_mime_type_of_their_extension) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/app.wasm", "application/wasm"},
        {"/app.js", "text/javascript; charset=utf-8"},
        {"/fonts/wqy.ttf", "font/ttf"},
        {"/zh-CN.json", "application/json"},
        {"/index.html", "text/html; charset=utf-8"},
    };
    for (const auto& [path, type] : cases) {
        BOOST_TEST_CONTEXT(path) {
            auto r = server.client().Get(path);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == 200);
            BOOST_TEST(r->get_header_value("Content-Type") == type);
        }
    }
    auto wasm = server.client().Get("/app.wasm");
    BOOST_TEST(wasm->body == std::string("\0asm\1\0\0\0", 8));
}

BOOST_AUTO_TEST_CASE(unchanged_file_revalidates_with_304) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    auto first = server.client().Get("/app.wasm");
    std::string etag = first->get_header_value("ETag");
    BOOST_REQUIRE(!etag.empty());
    auto again = server.client().Get("/app.wasm", {{"If-None-Match", etag}});
    BOOST_TEST(again->status == 304);
    BOOST_TEST(again->body.empty());
}

BOOST_AUTO_TEST_CASE(client_history_paths_get_index_html_but_missing_files_are_404) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    auto view = server.client().Get("/councils/1/issues");
    BOOST_TEST(view->status == 200);
    BOOST_TEST(view->body == "<!doctype html><title>议事</title>");
    BOOST_TEST(server.client().Get("/missing.js")->status == 404);
}

BOOST_AUTO_TEST_CASE(paths_cannot_reach_outside_the_web_directory) {
    WebDir web;
    TestServer server(seeded_db(), web.options());
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/fonts/../../secret.txt",
                             "/..%2fsecret.txt", "/.%2e/secret.txt"}) {
        BOOST_TEST_CONTEXT(path) {
            auto r = raw_exchange(server.port(),
                                  std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            BOOST_TEST(r.data.find("secret") == std::string::npos);
            BOOST_TEST(r.status() != 200);
        }
    }
}

BOOST_AUTO_TEST_CASE(api_paths_are_never_served_from_the_web_directory) {
    WebDir web;
    fs::create_directories(web.root / "api");
    WebDir::write(web.root / "api" / "version", "not the api");
    TestServer server(seeded_db(), web.options());
    auto r = server.client().Get("/api/version");
    BOOST_TEST(Json::parse(r->body)["name"].get<std::string>() == "yishi");
}

BOOST_AUTO_TEST_CASE(every_reply_forbids_sniffing_referrers_and_framing_and_the_page_loads_only_its_own) {
    WebDir web;
    // A page with an inline style, as the client's has: allowed by its hash and nothing wider.
    WebDir::write(web.root / "index.html",
                  "<!doctype html><style>body{margin:0}</style><script src=\"app.js\"></script>");
    TestServer server(seeded_db(), web.options());
    const std::string nothing = "default-src 'none'; frame-ancestors 'none'";
    const std::string page =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; "
        "style-src 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='; connect-src 'self'; "
        "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
        "object-src 'none'";
    auto index = server.client().Get("/");
    BOOST_REQUIRE(index);
    const std::vector<std::tuple<std::string, httplib::Result, int, std::string>> cases = [&] {
        std::vector<std::tuple<std::string, httplib::Result, int, std::string>> c;
        c.emplace_back("API reply", server.client().Get("/api/version"), 200, nothing);
        c.emplace_back("unknown API path", server.client().Get("/api/no-such-thing"), 404, nothing);
        c.emplace_back("not logged in", server.client().Get("/api/me"), 401, nothing);
        c.emplace_back("bad JSON", server.client().Post("/api/login", "{", kJson), 400, nothing);
        c.emplace_back("missing file", server.client().Get("/missing.js"), 404, nothing);
        c.emplace_back("script", server.client().Get("/app.js"), 200, nothing);
        c.emplace_back("index page", server.client().Get("/"), 200, page);
        c.emplace_back("history path", server.client().Get("/councils/1"), 200, page);
        c.emplace_back("index page revalidated",
                       server.client().Get("/", {{"If-None-Match", index->get_header_value("ETag")}}),
                       304, page);
        return c;
    }();
    for (const auto& [what, r, status, policy] : cases) {
        BOOST_TEST_CONTEXT(what) {
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == status);
            BOOST_TEST(r->get_header_value("X-Content-Type-Options") == "nosniff");
            BOOST_TEST(r->get_header_value("Referrer-Policy") == "no-referrer");
            BOOST_TEST(r->get_header_value("X-Frame-Options") == "DENY");
            BOOST_TEST(r->get_header_value_count("Content-Security-Policy") == 1u);
            BOOST_TEST(r->get_header_value("Content-Security-Policy") == policy);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
