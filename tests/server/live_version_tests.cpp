// What live pages poll: the version of a council's data and of a consultation. It moves by one
// with every act on that chain, stays put for reads and for acts elsewhere, and is refused, in
// Chinese and changing nothing, to whoever may not read the page.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "consultation_steps.hpp"
#include "harness.hpp"

using namespace yishi;
using namespace yishi::test;

namespace {

std::int64_t version_at(TestServer& server, const std::string& token, const std::string& path) {
    auto r = server.client().Get(path, bearer(token));
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == 200, path + " answered " + std::to_string(r->status) +
                                                " " + r->body);
    Json body = Json::parse(r->body);
    BOOST_REQUIRE(body.size() == 1u);  // the version alone: a poll's reply stays small
    return body.at("version").get<std::int64_t>();
}

void raise(TestServer& server, const std::string& token, Id council) {
    auto r = server.client().Post("/api/councils/" + std::to_string(council) + "/issues",
                                  bearer(token),
                                  Json{{"title", "楼道灯不亮"}, {"body", "三号楼二单元楼道灯坏了"}}.dump(),
                                  "application/json");
    BOOST_REQUIRE(r);
    BOOST_REQUIRE_MESSAGE(r->status == 201, r->body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(live_version)

BOOST_AUTO_TEST_CASE(a_council_version_moves_by_one_with_each_act_and_not_with_reads) {
    TestServer server(seeded_db());
    const std::string token = server.token_for(demo_member(4));
    const std::string path = "/api/councils/1/version";
    std::int64_t v0 = version_at(server, token, path);
    BOOST_TEST(v0 > 0);  // the demo's history is on the chain
    // Reads change nothing.
    for (const char* read : {"/api/councils/1/issues", "/api/councils/1/sessions",
                             "/api/councils/1/members", "/api/councils/1/rules"})
        BOOST_REQUIRE(server.client().Get(read, bearer(token))->status == 200);
    BOOST_TEST(version_at(server, token, path) == v0);
    raise(server, token, 1);
    BOOST_TEST(version_at(server, token, path) == v0 + 1);
    raise(server, token, 1);
    BOOST_TEST(version_at(server, token, path) == v0 + 2);
}

BOOST_AUTO_TEST_CASE(a_consultation_version_moves_with_consultation_acts_only) {
    ConsultationWorld w;
    Id topic = w.propose();
    const std::string path = "/api/consultations/" + std::to_string(topic) + "/version";
    std::int64_t v0 = version_at(w.server, w.tokens.at("resident"), path);
    w.read(topic);
    BOOST_TEST(version_at(w.server, w.tokens.at("member"), path) == v0);
    // An issue raised in a council is on its community's chain, not the CPPCC's.
    raise(w.server, w.server.token_for(demo_member(4)), 1);
    BOOST_TEST(version_at(w.server, w.tokens.at("member"), path) == v0);
    w.advance(topic, ConsultationStage::planned);
    BOOST_TEST(version_at(w.server, w.tokens.at("member"), path) > v0);
}

BOOST_AUTO_TEST_CASE(a_version_is_refused_in_chinese_to_whoever_may_not_read_and_changes_nothing) {
    ConsultationWorld w;
    Id topic = w.propose();
    TestServer& server = w.server;
    execute(server.db(),
            "INSERT INTO communities (id, name, street) VALUES (2, '朝阳社区', '城西街道');"
            "INSERT INTO councils (id, community_id, name, kind, cosign_threshold) "
            "VALUES (2, 2, '朝阳社区居民议事会', 'residents_council', 5)");
    const std::string token = server.token_for(demo_member(4));
    const std::string consultation = "/api/consultations/" + std::to_string(topic) + "/version";
    std::vector<RefusedGet> cases = {
        {"/api/councils/1/version", "", 401, "unauthorized"},
        {"/api/councils/1/version", "not-a-token", 401, "unauthorized"},
        {"/api/councils/2/version", token, 403, "forbidden"},
        {"/api/councils/424242/version", token, 404, "not_found"},
        {"/api/councils/abc/version", token, 400, "bad_id"},
        {"/api/councils/-1/version", token, 400, "bad_id"},
        {"/api/councils/99999999999999999999999/version", token, 400, "bad_id"},
        {"/api/councils/%E2%80%AE1/version", token, 400, "bad_id"},
        {"/api/councils/%011/version", token, 400, "bad_id"},
        {consultation, "", 401, "unauthorized"},
        {"/api/consultations/424242/version", token, 404, "not_found"},
        {"/api/consultations/abc/version", token, 400, "bad_id"},
        {"/api/consultations/99999999999999999999999/version", token, 400, "bad_id"},
    };
    std::string before = snapshot(server.db());
    expect_refused_gets(server, cases);
    BOOST_TEST(snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
