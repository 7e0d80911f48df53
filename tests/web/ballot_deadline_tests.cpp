// A ballot's closing time (投票截止时间) in the client: typed in local time on the convenor's
// form, checked by the core's rule before it is sent, shown on the ballot, and a vote past it
// refused with the server's words.
#include <boost/test/unit_test.hpp>

#include <ctime>

#include "fixtures.hpp"
#include "yishi/client/checks.hpp"
#include "yishi/client/format.hpp"

using namespace fixtures;

namespace {
// What the convenor's ballot form sends for a yes/no ballot whose closing time reads `typed`.
std::vector<Request> open_closing_at(LoggedIn& f, const std::string& typed) {
    OpenBallot open{3, 1};
    open.closes_at = typed;
    return apply(f.state, open);
}

// A local time `hours` from now, to the minute, as the convenor types it.
std::string typed_in(std::int64_t hours) {
    return local_date_time(static_cast<std::int64_t>(std::time(nullptr)) + hours * 3600);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(ballot_deadline)

BOOST_AUTO_TEST_CASE(a_typed_closing_time_is_sent_as_unix_seconds_of_that_local_minute) {
    LoggedIn f;
    f.load_list();
    std::string typed = typed_in(2);
    Json body = Json::parse(only(open_closing_at(f, "  " + typed + " "), RequestKind::write).body);
    std::int64_t at = body["closes_at"].get<std::int64_t>();
    BOOST_TEST(at % 60 == 0);
    BOOST_TEST(local_date_time(at) == typed);
    BOOST_TEST(body["issue_id"] == 1);
    // Left empty, no closing time is announced.
    Json plain = Json::parse(only(open_closing_at(f, "  "), RequestKind::write).body);
    BOOST_TEST(plain == Json::parse(R"({"issue_id":1})"));
}

BOOST_AUTO_TEST_CASE(a_closing_time_that_is_not_a_time_or_breaks_the_rule_is_refused_unsent) {
    LoggedIn f;
    f.load_list();
    struct Case {
        std::string typed, message;
    };
    const Case cases[] = {
        {"明天下午三点", "时间无效：投票截止时间"},
        {"2026-02-30 10:00", "时间无效：投票截止时间"},
        {"2026-12-01 25:00", "时间无效：投票截止时间"},
        {"2020-01-01 10:00", "截止时间须晚于现在"},
        {typed_in(-1), "截止时间须晚于现在"},
        {typed_in(8 * 24), "截止时间须在 7 天之内"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.typed) {
            f.state.error = {};
            f.state.error_field.clear();
            BOOST_TEST(open_closing_at(f, c.typed).empty());
            BOOST_TEST(f.state.error_field == "closes_at");
            BOOST_TEST(f.state.error.text == c.message);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_closing_time_is_shown_as_month_day_and_minute_in_both_languages) {
    Strings zh, en;
    BOOST_REQUIRE(zh.load(read_catalog("zh-CN"), "zh-CN"));
    BOOST_REQUIRE(en.load(read_catalog("en"), "en"));
    std::int64_t at = parse_local_date_time("2026-12-01 15:30");
    BOOST_TEST(ballot_deadline_text(zh, at) == "投票截止：12月1日 15:30");
    BOOST_TEST(ballot_deadline_text(en, at) == "Voting ends: 12/1 15:30");
    BOOST_TEST(ballot_deadline_text(zh, parse_local_date_time("2027-01-09 08:05")) ==
               "投票截止：1月9日 08:05");
}

BOOST_AUTO_TEST_CASE(a_vote_past_the_closing_time_is_refused_in_the_servers_words) {
    LoggedIn f;
    f.load_list();
    BallotView b = open_ballot({101, 102}, {});
    b.closes_at = 1'800'000'000;
    BOOST_TEST(!vote_refusal(f.state, b, b.closes_at - 1).has_value());
    auto late = vote_refusal(f.state, b, b.closes_at);
    BOOST_REQUIRE(late.has_value());
    BOOST_TEST(late->code == "ballot_deadline_passed");
    BOOST_TEST(late->message == "投票已截止，等待召集人结束表决并计票");
}

BOOST_AUTO_TEST_SUITE_END()
