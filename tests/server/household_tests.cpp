// Households (户) and floor areas over HTTP: an invite carries them to the member it registers,
// and an owners' assembly (业主大会) counts the stored areas in its double majority.
#include <boost/test/unit_test.hpp>

#include "decide_steps.hpp"

namespace yishi::test {

namespace {
// A community whose only council is an owners' assembly, with its chair (业委会主任) as convenor.
std::filesystem::path owners_db() {
    auto path = fresh_db_path();
    TestStore store(path);
    std::int64_t now = server::system_now();
    std::string setup_code = server::sha256_hex("owners-setup");
    BOOST_REQUIRE(store.offer_setup(setup_code, now));
    auto done = store.complete_setup({setup_code, "admin", "管理员", "x", "城东街道", "春晖花园", now});
    BOOST_REQUIRE(done);
    Id admin = done.value().admin.id;
    Id community = done.value().community_id;
    auto council = store.create_council(admin, community, "春晖花园业主大会",
                                        CouncilKind::owners_assembly, now);
    BOOST_REQUIRE(council);
    RosterRow chair;
    chair.line = 2;
    chair.name = "林国栋";
    chair.building = "1";
    chair.room = "101";
    chair.floor_area_centi_m2 = 10000;
    BOOST_REQUIRE(store.import_roster(admin, community, council.value().id, {chair}, now));
    auto pending = store.pending_accounts(admin, community, {});
    BOOST_REQUIRE(pending);
    BOOST_REQUIRE_EQUAL(pending.value().size(), 1u);
    Id chair_id = pending.value().front().member_id;
    std::string code = server::sha256_hex("owners-chair");
    BOOST_REQUIRE(!store.grant_activation_codes(admin, community, {{chair_id, code}}, now,
                                                now + kActivationCodeSeconds));
    BOOST_REQUIRE(store.register_member({code, "chair", "x", now}));
    BOOST_REQUIRE(store.set_member_role(admin, chair_id, Role::convenor, council.value().id, now));
    return path;
}

// Invites an owner as the chair and registers them; returns their token.
std::string invite_owner(TestServer& server, const std::string& chair, const std::string& name,
                         const std::string& login, const std::string& household,
                         const std::string& area) {
    auto invited = post_json(server, chair, "/api/invites",
                             {{"name", name}, {"council_id", 1}, {"household", household},
                              {"floor_area", area}});
    BOOST_REQUIRE_EQUAL(invited.status, 201);
    BOOST_TEST(invited.body["household"] == household);
    BOOST_TEST(invited.body["floor_area"] == area);
    Json request = {{"code", invited.body["code"]}, {"login", login}, {"password", "chunhui2026"}};
    auto registered = server.client().Post("/api/register", request.dump(), kJson);
    BOOST_REQUIRE(registered);
    BOOST_REQUIRE_EQUAL(registered->status, 201);
    return Json::parse(registered->body)["token"].get<std::string>();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(households)

BOOST_AUTO_TEST_CASE(invite_household_and_area_reach_the_member_exactly) {
    TestServer server(seeded_db());
    std::string convenor = server.token_for(kConvenor);
    std::string token = invite_owner(server, convenor, "钱多多", "qian_duoduo", "9栋1单元1101",
                                     "88.20");
    auto me = get_json(server, token, "/api/me");
    BOOST_TEST(me.body["member"]["household"] == "9栋1单元1101");
    // Exactly 8820 hundredths: "88.20" never passes through a binary fraction.
    BOOST_TEST(me.body["member"]["floor_area_centi_m2"] == 8820);

    // Without them the member has no household and no area.
    auto invited = post_json(server, convenor, "/api/invites", {{"name", "孙小红"}, {"council_id", 1}});
    BOOST_REQUIRE_EQUAL(invited.status, 201);
    BOOST_TEST(!invited.body.contains("household"));
    BOOST_TEST(!invited.body.contains("floor_area"));
}

BOOST_AUTO_TEST_CASE(bad_household_or_area_is_refused_and_writes_nothing) {
    TestServer server(seeded_db());
    std::string convenor = server.token_for(kConvenor);
    std::string before = full_snapshot(server.db());
    struct Case {
        Json household;
        Json area;
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {nullptr, "88.201", "bad_floor_area", "floor_area"},
        {nullptr, "-5", "bad_floor_area", "floor_area"},
        {nullptr, "abc", "bad_floor_area", "floor_area"},
        {nullptr, "", "bad_floor_area", "floor_area"},
        {nullptr, "88.", "bad_floor_area", "floor_area"},
        {nullptr, ".5", "bad_floor_area", "floor_area"},
        {nullptr, "088", "bad_floor_area", "floor_area"},
        {nullptr, "0.00", "bad_floor_area", "floor_area"},
        {nullptr, "99999999", "bad_floor_area", "floor_area"},
        {nullptr, 88.2, "wrong_type", "floor_area"},
        {"", nullptr, "empty_text", "household"},
        {"　 ", nullptr, "empty_text", "household"},
        {std::string(41, 'a'), nullptr, "too_long", "household"},
        // Refused with the body, before any field is read.
        {std::string("\xff\xfe"), nullptr, "bad_utf8", ""},
        {12, nullptr, "wrong_type", "household"},
    };
    for (const auto& c : cases) {
        Json body = {{"name", "钱多多"}, {"council_id", 1}};
        if (!c.household.is_null()) body["household"] = c.household;
        if (!c.area.is_null()) body["floor_area"] = c.area;
        // The invalid UTF-8 cannot go through Json::dump: splice the raw bytes in.
        std::string raw = body.dump(-1, ' ', false, Json::error_handler_t::replace);
        if (c.household.is_string() && c.household.get<std::string>() == "\xff\xfe") {
            auto at = raw.find("\xef\xbf\xbd\xef\xbf\xbd");
            BOOST_REQUIRE(at != std::string::npos);
            raw.replace(at, 6, "\xff\xfe");
        }
        auto r = server.client().Post("/api/invites", bearer(convenor), raw, kJson);
        BOOST_REQUIRE(r);
        BOOST_TEST_CONTEXT(raw) {
            BOOST_TEST(r->status == 400);
            auto e = error_of(r);
            BOOST_TEST(e.code == c.code);
            BOOST_TEST(e.field == c.field);
            BOOST_TEST(!e.message.empty());
        }
    }
    BOOST_TEST(full_snapshot(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(owners_assembly_passes_only_with_a_majority_of_area_as_well_as_heads) {
    ClockShift shift;
    TestServer server(owners_db(), shifted_options(shift));
    std::string chair = server.token_for(server.store().credentials("chair")->member_id);
    auto rules = get_json(server, chair, "/api/councils/1/rules");
    BOOST_TEST(rules.body["kind"] == "owners_assembly");
    BOOST_TEST(rules.body["quorum"]["base"] == "area_and_heads");
    BOOST_TEST(rules.body["pass"]["by_area"] == true);

    // Two owners of one flat (one household), and the owner of a large one.
    std::vector<std::string> owners = {
        chair,
        invite_owner(server, chair, "陈晓燕", "chen_xy", "1栋102", "60.50"),
        invite_owner(server, chair, "陈国强", "chen_gq", "1栋102", "60.25"),
        invite_owner(server, chair, "高建平", "gao_jp", "2栋301", "300.00"),
    };
    auto electorate = yishi::count(server.store().electorate(1));
    BOOST_TEST(electorate.heads == 4);
    BOOST_TEST(electorate.households == 3);
    BOOST_TEST(electorate.area_centi_m2 == 52075);

    auto raised = post_json(server, owners[1], "/api/councils/1/issues",
                            {{"title", "续聘春晖物业公司"}, {"body", "合同年底到期，是否续聘。"}});
    BOOST_REQUIRE_EQUAL(raised.status, 201);
    Id issue = raised.body["id"].get<Id>();
    BOOST_REQUIRE_EQUAL(post_json(server, chair, path_of("/api/issues/", issue, "/accept")).status, 200);
    std::int64_t now = server::system_now() + shift.seconds;
    auto planned = post_json(server, chair, "/api/councils/1/sessions",
                             {{"kind", "regular"}, {"starts_at", now + 16 * kDay}});
    BOOST_REQUIRE_EQUAL(planned.status, 201);
    Id session = planned.body["id"].get<Id>();
    BOOST_REQUIRE_EQUAL(post_json(server, chair, path_of("/api/sessions/", session, "/notice"),
                                  {{"agenda", {{{"issue_id", issue}}}}})
                            .status,
                        200);
    shift.seconds += 16 * kDay + 60;
    BOOST_REQUIRE_EQUAL(post_json(server, chair, path_of("/api/sessions/", session, "/open")).status, 200);
    for (const auto& t : owners)
        BOOST_REQUIRE_EQUAL(post_json(server, t, path_of("/api/sessions/", session, "/sign-in")).status,
                            200);
    auto ballot = post_json(server, chair, path_of("/api/sessions/", session, "/ballots"),
                            {{"issue_id", issue}});
    BOOST_REQUIRE_EQUAL(ballot.status, 201);
    Id id = ballot.body["id"].get<Id>();
    const char* choices[] = {"yes", "yes", "yes", "no"};
    for (int n = 0; n < 4; ++n)
        BOOST_REQUIRE_EQUAL(post_json(server, owners[n], path_of("/api/ballots/", id, "/votes"),
                                      {{"choice", choices[n]}})
                                .status,
                            201);
    auto closed = post_json(server, chair, path_of("/api/ballots/", id, "/close"));
    BOOST_REQUIRE_EQUAL(closed.status, 200);
    const Json& tally = closed.body["tally"];
    // 3 of 4 owners said yes, but they hold 220.75 of the 520.75 m² present: not more than half.
    BOOST_TEST(tally["yes"] == 3);
    BOOST_TEST(tally["yes_area_centi_m2"] == 22075);
    BOOST_TEST(tally["present_area_centi_m2"] == 52075);
    BOOST_TEST(tally["quorum"] == true);
    BOOST_TEST(tally["outcome"] == "failed");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace yishi::test
