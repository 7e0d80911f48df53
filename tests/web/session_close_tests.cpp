// The session console's close, cancel and re-time in the client: closing with agenda items
// that had no ballot asks first (a modal in the address) and the reply names the items that
// went back to the period's list; a planned session is cancelled with a reason or re-timed.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/checks.hpp"

using namespace fixtures;

namespace {

// An open session on the chargers (1), the stairwell (2) and the lift (3); a ballot was held on
// the chargers only.
SessionView open_session_with_one_ballot() {
    SessionView v;
    v.session.id = 12;
    v.session.council_id = 7;
    v.session.state = SessionState::open;
    v.session.agenda = {{1, "充电桩", false}, {2, "楼道保洁", false}, {3, "加装电梯", false}};
    BallotView b;
    b.id = 9;
    b.council_id = 7;
    b.session_id = 12;
    b.issue_id = 1;
    b.state = BallotState::closed;
    v.ballots.push_back(b);
    return v;
}

// Logged in, on the session's console with its loads answered.
struct OnSession : LoggedIn {
    explicit OnSession(const SessionView& v) {
        load_list();
        auto sent = apply(state, Navigate{Route{Page::session, v.session.id}, false});
        apply_response(state, only(sent, RequestKind::session), 200, encode(v));
        for (const auto& r : sent)
            if (r.kind != RequestKind::session) apply_response(state, r, 500, "");
        state.error = {};
        state.url_update = UrlUpdate::none;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(session_close)

BOOST_AUTO_TEST_CASE(the_items_without_a_ballot_are_the_ones_closing_returns_to_the_list) {
    auto items = unballoted_items(open_session_with_one_ballot());
    BOOST_REQUIRE_EQUAL(items.size(), 2u);
    BOOST_TEST(items[0].title == "楼道保洁");
    BOOST_TEST(items[1].title == "加装电梯");
    SessionView all_held = open_session_with_one_ballot();
    all_held.session.agenda.resize(1);
    BOOST_TEST(unballoted_items(all_held).empty());
}

BOOST_AUTO_TEST_CASE(closing_asks_in_a_modal_and_the_reply_names_the_returned_items) {
    OnSession f(open_session_with_one_ballot());
    apply(f.state, OpenModal{"confirm-close"});
    BOOST_TEST(to_hash(f.state.route) == "#/session/12/confirm-close");
    // Back closes the question; nothing is sent.
    BOOST_TEST(apply(f.state, Navigate{parse_hash("#/session/12"), true}).empty());
    BOOST_TEST(f.state.route.modal.empty());

    apply(f.state, OpenModal{"confirm-close"});
    auto sent = apply(f.state, SessionStep{12, "close"});
    const auto& r = only(sent, RequestKind::write);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/sessions/12/close");
    SessionSummary closed;
    closed.session = open_session_with_one_ballot().session;
    closed.session.state = SessionState::closed;
    closed.session.returned_to_list = {{2, "楼道保洁", false}, {3, "加装电梯", false}};
    apply_response(f.state, r, 200, encode(closed));
    std::string shown = f.state.shown(f.state.notice);
    BOOST_TEST(shown.find("楼道保洁、加装电梯") != std::string::npos, shown);
    BOOST_TEST(shown.find("退回本期议题清单") != std::string::npos, shown);
    BOOST_TEST(f.state.route.modal.empty());
}

BOOST_AUTO_TEST_CASE(a_planned_session_is_cancelled_with_a_reason_or_given_a_new_start) {
    LoggedIn f;
    f.load_list();
    BOOST_TEST(apply(f.state, CancelSession{12, " \u3000 "}).empty());
    BOOST_TEST(f.state.error_field == "reason");
    auto cancel = apply(f.state, CancelSession{12, " 会议室装修 "});
    const auto& c = only(cancel, RequestKind::write);
    BOOST_TEST(c.path == "/api/sessions/12/cancel");
    BOOST_TEST(c.body == R"({"reason":"会议室装修"})");

    LoggedIn g;
    g.load_list();
    BOOST_TEST(apply(g.state, RetimeSession{12, 0}).empty());
    BOOST_TEST(g.state.error_field == "starts_at");
    auto retime = apply(g.state, RetimeSession{12, 1900000000});
    const auto& t = only(retime, RequestKind::write);
    BOOST_TEST(t.path == "/api/sessions/12/retime");
    BOOST_TEST(t.body == R"({"starts_at":1900000000})");
}

BOOST_AUTO_TEST_CASE(a_cancelled_session_reads_back_with_its_reason) {
    SessionSummary s;
    s.session.id = 12;
    s.session.state = SessionState::cancelled;
    s.session.cancel_reason = "会议室装修";
    s.session.cancelled_at = 1800000000;
    auto back = decode_session_summary(encode(s));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST((back.value().session.state == SessionState::cancelled));
    BOOST_TEST(back.value().session.cancel_reason == "会议室装修");
    BOOST_TEST(back.value().session.cancelled_at == 1800000000);
}

BOOST_AUTO_TEST_SUITE_END()
