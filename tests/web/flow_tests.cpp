// The flow's intents and replies in the client: which requests each sends, how replies land,
// live refreshes, modals, and the core's refusals shown before anything is sent.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/client/checks.hpp"

using namespace fixtures;

namespace {

// The client's clock in these tests: 2027-01-15 08:00 UTC.
constexpr std::int64_t kNow = 1'800'000'000;

// Logged in, on the ballot page with its loads answered.
struct OnBallot : LoggedIn {
    explicit OnBallot(BallotView b) {
        load_list();
        auto sent = apply(state, Navigate{Route{Page::ballot, 9}, false});
        apply_response(state, only(sent, RequestKind::ballot), 200, encode(b));
        for (const auto& r : sent)
            if (r.kind != RequestKind::ballot) apply_response(state, r, 500, "");
        state.error = {};
        state.url_update = UrlUpdate::none;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(flow)

BOOST_AUTO_TEST_CASE(entering_a_ballot_loads_it_with_the_rules_and_tasks) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::ballot, 9}, false});
    BOOST_TEST(only(sent, RequestKind::ballot).path == "/api/ballots/9");
    BOOST_TEST(only(sent, RequestKind::rules).path == "/api/councils/7/rules");
    BOOST_TEST(only(sent, RequestKind::tasks).path == "/api/councils/7/tasks");
}

BOOST_AUTO_TEST_CASE(a_member_on_the_roll_may_vote_once_and_others_are_told_why_not) {
    OnBallot f(open_ballot({101, 102}, {}));
    const BallotView* b = f.state.find_ballot(9);
    BOOST_REQUIRE(b);
    BOOST_TEST(!vote_refusal(f.state, *b, kNow).has_value());

    BallotView voted = open_ballot({101, 102}, {101});
    BOOST_TEST(vote_refusal(f.state, voted, kNow)->code == "already_voted");
    BOOST_TEST(has_voted(f.state, voted));
    BallotView off_roll = open_ballot({102, 103}, {});
    BOOST_TEST(vote_refusal(f.state, off_roll, kNow)->code == "not_eligible");
    BallotView closed = open_ballot({101}, {});
    closed.state = BallotState::closed;
    BOOST_TEST(vote_refusal(f.state, closed, kNow)->code == "ballot_closed");
    BOOST_TEST(!vote_refusal(f.state, closed, kNow)->message.empty());
}

BOOST_AUTO_TEST_CASE(the_confirmation_is_a_modal_in_the_address_so_back_closes_it) {
    OnBallot f(open_ballot({101}, {}));
    apply(f.state, OpenModal{"confirm-yes"});
    BOOST_TEST(to_hash(f.state.route) == "#/ballot/9/confirm-yes");
    BOOST_TEST((f.state.url_update == UrlUpdate::push));
    // The browser's Back: the address without the modal; nothing reloads.
    auto sent = apply(f.state, Navigate{parse_hash("#/ballot/9"), true});
    BOOST_TEST(f.state.route.modal.empty());
    BOOST_TEST(sent.empty());
    // Its own button goes back in history instead of pushing another entry.
    apply(f.state, OpenModal{"confirm-no"});
    apply(f.state, CloseModal{});
    BOOST_TEST(f.state.route.modal.empty());
    BOOST_TEST((f.state.url_update == UrlUpdate::back));
}

BOOST_AUTO_TEST_CASE(a_counted_vote_confirms_closes_the_modal_and_reloads_the_ballot) {
    OnBallot f(open_ballot({101}, {}));
    apply(f.state, OpenModal{"confirm-yes"});
    auto sent = apply(f.state, Vote{9, "yes"});
    const auto& r = only(sent, RequestKind::write);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/ballots/9/votes");
    BOOST_TEST(r.body == R"({"choice":"yes"})");
    BOOST_TEST(f.state.submitting);
    auto after = apply_response(f.state, r, 201, encode(open_ballot({101}, {101})));
    BOOST_TEST(f.state.shown(f.state.notice) == "您的投票已计入");
    BOOST_TEST(f.state.route.modal.empty());
    BOOST_TEST((f.state.url_update == UrlUpdate::back));
    BOOST_TEST(only(after, RequestKind::ballot).path == "/api/ballots/9");
    BOOST_TEST(!f.state.submitting);
}

BOOST_AUTO_TEST_CASE(a_refused_vote_shows_the_servers_reason_and_reloads_what_is_true) {
    OnBallot f(open_ballot({101}, {}));
    auto sent = apply(f.state, Vote{9, "no"});
    auto after = apply_response(
        f.state, only(sent, RequestKind::write), 409,
        R"({"error":{"code":"already_voted","message":"您已投过票，每人只计一票"}})");
    BOOST_TEST(f.state.shown(f.state.error) == "您已投过票，每人只计一票");
    BOOST_TEST(has(after, RequestKind::ballot));
}

BOOST_AUTO_TEST_CASE(a_vote_refused_for_the_household_closes_the_modal_and_stays_refused) {
    OnBallot f(open_ballot({101}, {}));
    apply(f.state, OpenModal{"confirm-yes"});
    auto sent = apply(f.state, Vote{9, "yes"});
    auto after = apply_response(
        f.state, only(sent, RequestKind::write), 409,
        R"({"error":{"code":"household_voted","message":"您所在的户已有成员投票，每户只计一票"}})");
    BOOST_TEST(f.state.route.modal.empty());
    BOOST_TEST((f.state.url_update == UrlUpdate::back));
    BOOST_TEST(has(after, RequestKind::ballot));
    // The ballot, reloaded, still shows this member as not voted: the page refuses all the same.
    const BallotView* b = f.state.find_ballot(9);
    BOOST_REQUIRE(b);
    BOOST_TEST(vote_refusal(f.state, *b, kNow)->message == "您所在的户已有成员投票，每户只计一票");
    // A refusal for another reason (closed meanwhile) is not kept: the reload says what is true.
    OnBallot g(open_ballot({101}, {}));
    auto again = apply(g.state, Vote{9, "yes"});
    apply_response(g.state, only(again, RequestKind::write), 409,
                   R"({"error":{"code":"ballot_closed","message":"表决未开放或已结束"}})");
    BOOST_TEST(!vote_refusal(g.state, *g.state.find_ballot(9), kNow).has_value());
}

BOOST_AUTO_TEST_CASE(logging_out_forgets_the_flow_and_a_secret_ballots_receipt) {
    OnBallot f(open_ballot({101}, {}));
    auto sent = apply(f.state, Vote{9, "yes"});
    apply_response(f.state, only(sent, RequestKind::write), 201, R"({"id":9,"receipt":"K7QZ3M9PXD"})");
    BOOST_TEST(f.state.flow.receipts.count(9) == 1u);
    apply(f.state, Logout{});
    BOOST_TEST(f.state.flow.receipts.empty());
    BOOST_TEST(f.state.flow.ballots.empty());
    BOOST_TEST(!f.state.download.has_value());
}

BOOST_AUTO_TEST_CASE(live_pages_refresh_quietly_without_the_loading_indicator) {
    OnBallot f(open_ballot({101, 102}, {}));
    BOOST_TEST(is_live(f.state.route.page));
    auto sent = apply(f.state, Refresh{});
    BOOST_TEST(!sent.empty());
    for (const auto& r : sent) BOOST_TEST(r.background);
    BOOST_TEST(!f.state.loading());
    BOOST_TEST(f.state.refreshing == static_cast<int>(sent.size()));
    // One round at a time.
    BOOST_TEST(apply(f.state, Refresh{}).empty());
    apply_response(f.state, only(sent, RequestKind::ballot), 200,
                   encode(open_ballot({101, 102}, {102})));
    BOOST_TEST(f.state.find_ballot(9)->votes_cast == 1);
    // A failed refresh says nothing: the next one may succeed.
    for (const auto& r : sent)
        if (r.kind != RequestKind::ballot) apply_response(f.state, r, 0, "");
    BOOST_TEST(f.state.error.empty());
    BOOST_TEST(f.state.refreshing == 0);
}

BOOST_AUTO_TEST_CASE(a_live_page_asks_its_version_and_fetches_its_data_only_when_it_moved) {
    OnBallot f(open_ballot({101, 102}, {}));
    const std::string path = "/api/councils/" + std::to_string(f.state.council_id) + "/version";
    auto poll = [&] {
        auto sent = apply(f.state, PollChanges{});
        BOOST_REQUIRE(sent.size() == 1u);
        BOOST_TEST((sent[0].kind == RequestKind::live_version));
        BOOST_TEST(sent[0].path == path);
        BOOST_TEST(sent[0].background);
        BOOST_TEST(!f.state.loading());
        return sent[0];
    };
    // Not yet known for this page: the page's data is fetched after the answer.
    auto first = poll();
    BOOST_TEST(apply(f.state, PollChanges{}).empty());  // one round at a time
    auto loads = apply_response(f.state, first, 200, R"({"version":40})");
    BOOST_TEST(!loads.empty());
    BOOST_TEST(only(loads, RequestKind::ballot).background);
    for (const auto& r : loads) apply_response(f.state, r, 500, "");
    // Unchanged: nothing more.
    BOOST_TEST(apply_response(f.state, poll(), 200, R"({"version":40})").empty());
    // A vote elsewhere moved it: fetched again, and the new count shows.
    loads = apply_response(f.state, poll(), 200, R"({"version":41})");
    apply_response(f.state, only(loads, RequestKind::ballot), 200,
                   encode(open_ballot({101, 102}, {102})));
    BOOST_TEST(f.state.find_ballot(9)->votes_cast == 1);
    for (const auto& r : loads)
        if (r.kind != RequestKind::ballot) apply_response(f.state, r, 500, "");
    // A failed poll or a malformed answer says nothing and fetches nothing.
    BOOST_TEST(apply_response(f.state, poll(), 0, "").empty());
    BOOST_TEST(apply_response(f.state, poll(), 200, R"({"version":"x"})").empty());
    BOOST_TEST(f.state.error.empty());
    BOOST_TEST(f.state.refreshing == 0);
    // An answer for a page left meanwhile is dropped.
    auto stale = poll();
    apply(f.state, Navigate{Route{Page::issues}, false});
    BOOST_TEST(apply_response(f.state, stale, 200, R"({"version":99})").empty());
}

BOOST_AUTO_TEST_CASE(a_page_that_is_not_live_refreshes_without_a_version) {
    OnBallot f(open_ballot({101, 102}, {}));
    apply(f.state, Navigate{Route{Page::tasks}, false});
    f.state.pending = 0;
    for (const auto& r : apply(f.state, PollChanges{}))
        BOOST_TEST((r.kind != RequestKind::live_version));
}

BOOST_AUTO_TEST_CASE(an_empty_comment_is_refused_in_chinese_without_a_request) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, PostComment{1, "support", "   ", 0, false});
    BOOST_TEST(sent.empty());
    BOOST_TEST(f.state.shown(f.state.error).find("不能为空") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_comment_posts_its_stance_and_a_department_answers_officially) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, PostComment{1, "question", " 电费谁出？ ", 4, false});
    const auto& r = only(sent, RequestKind::write);
    BOOST_TEST(r.path == "/api/issues/1/comments");
    BOOST_TEST(r.body == R"({"reply_to":4,"stance":"question","text":"电费谁出？"})");
    auto official = apply(f.state, PostComment{1, "neutral", "按表计收", 0, true});
    BOOST_TEST(only(official, RequestKind::write).body == R"({"official":true,"text":"按表计收"})");
}

BOOST_AUTO_TEST_CASE(planning_a_session_opens_its_console) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, PlanSession{"regular", 1900000000});
    const auto& r = only(sent, RequestKind::write);
    BOOST_TEST(r.path == "/api/councils/7/sessions");
    SessionSummary s;
    s.session.id = 12;
    s.session.council_id = 7;
    auto after = apply_response(f.state, r, 201, encode(s));
    BOOST_TEST(to_hash(f.state.route) == "#/session/12");
    BOOST_TEST(only(after, RequestKind::session).path == "/api/sessions/12");
}

BOOST_AUTO_TEST_CASE(a_session_needs_a_time_and_a_notice_needs_an_agenda) {
    LoggedIn f;
    f.load_list();
    BOOST_TEST(apply(f.state, PlanSession{"regular", 0}).empty());
    BOOST_TEST(f.state.error_field == "starts_at");
    BOOST_TEST(apply(f.state, PublishSessionNotice{3, {}, ""}).empty());
    BOOST_TEST(f.state.error_field == "agenda");
    auto sent = apply(f.state, PublishSessionNotice{3, {2, 1}, " 汛期 "});
    BOOST_TEST(only(sent, RequestKind::write).body ==
               R"({"agenda":[{"issue_id":2},{"issue_id":1}],"override_reason":"汛期"})");
}

BOOST_AUTO_TEST_CASE(home_follows_open_sessions_to_find_ballots_that_need_the_member) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::home}, true});  // already home: nothing
    BOOST_TEST(sent.empty());
    apply(f.state, Navigate{Route{Page::issues}, false});
    sent = apply(f.state, Navigate{Route{Page::home}, false});
    auto after = apply_response(
        f.state, only(sent, RequestKind::sessions), 200,
        R"({"sessions":[{"agenda":[],"closed_at":0,"council_id":7,"id":3,"kind":"regular","notice_override_reason":"","noticed_at":1,"opened_at":2,"signed_in_count":0,"starts_at":2,"state":"open"},
                        {"agenda":[],"closed_at":5,"council_id":7,"id":2,"kind":"regular","notice_override_reason":"","noticed_at":1,"opened_at":2,"signed_in_count":0,"starts_at":2,"state":"closed"}]})");
    BOOST_TEST(only(after, RequestKind::session).path == "/api/sessions/3");
}

BOOST_AUTO_TEST_CASE(registering_normalizes_the_code_and_logs_in_like_a_login) {
    ClientState s;
    apply(s, Boot{"#/register", "", "zh-CN"});
    BOOST_TEST(to_hash(s.route) == "#/register");
    auto sent = apply(s, Register{"uaj2v utcy7", " qian_duoduo ", "chunhui2026"});
    const auto& r = only(sent, RequestKind::register_account);
    BOOST_TEST(r.path == "/api/register");
    BOOST_TEST(r.body.find("\"code\":\"UAJ2VUTCY7\"") != std::string::npos);
    BOOST_TEST(r.body.find("\"login\":\"qian_duoduo\"") != std::string::npos);
    apply_response(s, r, 201, encode(login_reply()));
    BOOST_TEST(s.logged_in());
    BOOST_TEST(to_hash(s.route) == "#/home");
    BOOST_TEST(apply(s, Register{"", "a", "b"}).empty());
}

BOOST_AUTO_TEST_CASE(an_impossible_invite_code_is_refused_before_sending) {
    ClientState s;
    BOOST_TEST(apply(s, Register{"0000", "abc", "password1"}).empty());
    BOOST_TEST(s.error_field == "code");
}

BOOST_AUTO_TEST_CASE(text_size_and_contrast_are_kept_within_range_and_restored_at_boot) {
    ClientState s;
    apply(s, SetTextSize{7});
    BOOST_TEST(s.settings.text_size == kTextSizes - 1);
    apply(s, SetTextSize{-3});
    BOOST_TEST(s.settings.text_size == 0);
    apply(s, SetHighContrast{true});
    BOOST_TEST(s.settings.high_contrast);
    ClientState t;
    Settings kept;
    kept.text_size = 2;
    kept.high_contrast = true;
    apply(t, Boot{"#/login", "", "zh-CN", kept});
    BOOST_TEST(t.settings.text_size == 2);
    BOOST_TEST(t.settings.high_contrast);
}

BOOST_AUTO_TEST_CASE(elder_mode_is_switched_and_restored_at_boot) {
    ClientState s;
    BOOST_TEST(!s.settings.elder);
    apply(s, SetElder{true});
    BOOST_TEST(s.settings.elder);
    apply(s, SetElder{false});
    BOOST_TEST(!s.settings.elder);
    ClientState t;
    Settings kept;
    kept.elder = true;
    apply(t, Boot{"#/login", "", "zh-CN", kept});
    BOOST_TEST(t.settings.elder);
    BOOST_TEST(t.settings.text_size == 0);
}

BOOST_AUTO_TEST_CASE(a_task_is_overdue_only_while_it_waits_for_an_answer) {
    TaskView t;
    t.due_at = 1000;
    t.state = TaskState::assigned;
    BOOST_TEST(overdue(t, 1001));
    BOOST_TEST(!overdue(t, 1000));
    t.state = TaskState::answered;
    BOOST_TEST(!overdue(t, 5000));
    t.state = TaskState::supervised;
    BOOST_TEST(overdue(t, 5000));
}

BOOST_AUTO_TEST_CASE(the_unit_does_not_rate_its_own_reply_and_members_rate_once) {
    LoggedIn f;
    f.load_list();
    TaskView t;
    t.id = 4;
    t.council_id = 7;
    t.state = TaskState::answered;
    t.responsible_member_id = 150;
    t.replies.push_back(ReplyView{150, "已安装", 10, {}, {}});
    BOOST_TEST(!rate_refusal(f.state, t).has_value());
    t.replies.back().rated_by = {101};
    BOOST_TEST(rate_refusal(f.state, t)->code == "already_rated");
    t.replies.back().rated_by.clear();
    t.responsible_member_id = 101;
    BOOST_TEST(rate_refusal(f.state, t)->code == "not_eligible");
    BOOST_TEST(answer_refusal(f.state, t).has_value());  // answered: nothing to add
    t.state = TaskState::supervised;
    BOOST_TEST(!answer_refusal(f.state, t).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(methods)

BOOST_AUTO_TEST_CASE(a_closed_ranked_ballot_keeps_its_options_secrecy_and_published_result) {
    auto b = decode_ballot(
        R"({"cast":[],"closed_at":1795361944,"council_id":1,"electorate":15,"id":5,"issue_id":1,"issue_title":"充电桩","method":"schulze","opened_at":1795361944,"options":["A","B"],"result":{"order":[["B"],["A"]],"winners":["B"]},"roll":[2],"secret":true,"session_id":4,"special_matter":false,"state":"closed","tally":{"abstain":0,"no":0,"not_voted":0,"outcome":"no_quorum","present":1,"present_area_centi_m2":0,"quorum":false,"yes":0,"yes_area_centi_m2":0},"tellers":[],"unit":"member","voted":[2],"votes":[],"votes_cast":1})");
    BOOST_REQUIRE(b.ok());
    BOOST_TEST(b.value().options.size() == 2u);
    BOOST_TEST(b.value().secret);
    BOOST_REQUIRE(b.value().result.has_value());
    BOOST_TEST((*b.value().result)["winners"][0] == "B");
}

BOOST_AUTO_TEST_CASE(ranked_and_approval_votes_and_ballots_with_options_are_sent_as_the_server_reads_them) {
    LoggedIn f;
    f.load_list();
    Vote ranked;
    ranked.ballot_id = 5;
    ranked.ranking = {{"西门"}, {"南门"}};
    BOOST_TEST(only(apply(f.state, ranked), RequestKind::write).body ==
               R"({"ranking":[["西门"],["南门"]]})");
    Vote approve;
    approve.ballot_id = 5;
    approve.approve = {"A", "C"};
    BOOST_TEST(only(apply(f.state, approve), RequestKind::write).body == R"({"approve":["A","C"]})");
    OpenBallot open{3, 1, "schulze", {" 东门 ", "", "西门"}, true};
    BOOST_TEST(only(apply(f.state, open), RequestKind::write).body ==
               R"({"issue_id":1,"method":"schulze","options":["东门","西门"],"secret":true})");
    OpenBallot no_receipts{3, 1, "yes_no", {}, true};
    no_receipts.receipts = false;
    BOOST_TEST(only(apply(f.state, no_receipts), RequestKind::write).body ==
               R"({"issue_id":1,"receipts":false,"secret":true})");
    OpenBallot budget{3, 1, "budget", {"路灯改造 1200.00", "长椅 300"}, false, " 1400.00 "};
    BOOST_TEST(only(apply(f.state, budget), RequestKind::write).body ==
               R"({"budget":"1400.00","costs":{"路灯改造":"1200.00","长椅":"300"},"issue_id":1,"method":"budget","options":["路灯改造","长椅"]})");
    OpenBallot no_budget{3, 1, "budget", {"路灯改造 1200.00", "长椅 300"}, false, ""};
    BOOST_TEST(apply(f.state, no_budget).empty());
    BOOST_TEST(f.state.error_field == "budget");
    OpenBallot one_option{3, 1, "single", {"东门"}, false};
    BOOST_TEST(apply(f.state, one_option).empty());
    BOOST_TEST(f.state.error_field == "options");
}

BOOST_AUTO_TEST_CASE(a_secret_votes_receipt_is_kept_and_a_bulletin_becomes_a_download) {
    LoggedIn f;
    f.load_list();
    Vote v;
    v.ballot_id = 5;
    v.choice = "A";
    auto sent = apply(f.state, v);
    apply_response(f.state, only(sent, RequestKind::write), 201,
                   R"({"id":5,"receipt":"BEGDSXBPYR"})");
    BOOST_TEST(f.state.flow.receipts[5] == "BEGDSXBPYR");
    auto dl = apply(f.state, DownloadBulletin{5});
    const auto& r = only(dl, RequestKind::bulletin);
    BOOST_TEST(r.path == "/api/ballots/5/bulletin");
    apply_response(f.state, r, 200, R"({"method":"single"})");
    BOOST_REQUIRE(f.state.download.has_value());
    BOOST_TEST(f.state.download->filename == "yishi-ballot-5-bulletin.json");
    BOOST_TEST(f.state.download->text == R"({"method":"single"})");
}

BOOST_AUTO_TEST_SUITE_END()
