// Tellers and the ballot form's other settings in the client: a ballot opened with a voting unit,
// approval's limit and two tellers; a teller's paper counts checked before sending; both entries,
// with the lines where they differ, loaded with the ballot and kept from the entry's reply.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

// A yes/no ballot with tellers 101 (the logged-in member) and 102, as the server writes it.
std::string ballot_with_tellers() {
    Json j = to_json(open_ballot({101, 102, 103}, {}));
    j["tellers"] = {101, 102};
    j["unit"] = "member";
    return j.dump();
}

const char* kDiffering =
    R"({"tellers":[101,102],"entries":[)"
    R"({"teller_id":101,"counts":{"yes":3,"no":1,"abstain":0},"entered_at":100},)"
    R"({"teller_id":102,"counts":{"yes":2,"no":1,"abstain":0},"entered_at":160}],)"
    R"("differing":["yes"],"agreed":false})";

}  // namespace

BOOST_AUTO_TEST_SUITE(paper)

BOOST_AUTO_TEST_CASE(a_ballot_opens_with_its_unit_approval_limit_and_two_tellers) {
    LoggedIn f;
    f.load_list();
    OpenBallot yes_no{3, 1, "yes_no", {}, false, "", "household", "", {}};
    BOOST_TEST(only(apply(f.state, yes_no), RequestKind::write).body ==
               R"({"issue_id":1,"unit":"household"})");
    OpenBallot approval{3, 1, "approval", {"A", "B", "C"}, false, "", "member", " 2 ", {}};
    BOOST_TEST(only(apply(f.state, approval), RequestKind::write).body ==
               R"({"issue_id":1,"max_choices":2,"method":"approval","options":["A","B","C"]})");
    OpenBallot tellers{3, 1, "single", {"东门", "西门"}, false, "", "member", "", {102, 103}};
    BOOST_TEST(only(apply(f.state, tellers), RequestKind::write).body ==
               R"({"issue_id":1,"method":"single","options":["东门","西门"],"tellers":[102,103]})");
}

BOOST_AUTO_TEST_CASE(an_impossible_limit_or_a_lone_teller_is_refused_before_sending) {
    LoggedIn f;
    f.load_list();
    for (const char* k : {"0", "4", "两", "-1", "1.5"}) {
        OpenBallot bad{3, 1, "approval", {"A", "B", "C"}, false, "", "member", k, {}};
        BOOST_TEST(apply(f.state, bad).empty());
        BOOST_TEST(f.state.error_field == "max_choices");
        BOOST_TEST(f.state.shown(f.state.error) == "表决设置无效：最多可选项数");
    }
    OpenBallot one{3, 1, "yes_no", {}, false, "", "member", "", {102}};
    BOOST_TEST(apply(f.state, one).empty());
    BOOST_TEST(f.state.shown(f.state.error) == "表决设置无效：计票员");
    OpenBallot twice{3, 1, "yes_no", {}, false, "", "member", "", {102, 102}};
    BOOST_TEST(apply(f.state, twice).empty());
    BOOST_TEST(f.state.error_field == "tellers");
}

BOOST_AUTO_TEST_CASE(a_tellers_counts_are_whole_numbers_and_an_empty_line_counts_zero) {
    LoggedIn f;
    f.load_list();
    EnterPaperCounts ok{9, {{"yes", " 3 "}, {"no", ""}, {"abstain", "1"}}};
    auto sent = apply(f.state, ok);
    const Request& r = only(sent, RequestKind::write);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.path == "/api/ballots/9/paper-counts");
    BOOST_TEST(r.body == R"({"counts":{"abstain":1,"no":0,"yes":3}})");
    for (const char* typed : {"3a", "-2", "1.0", "三"}) {
        EnterPaperCounts bad{9, {{"yes", "1"}, {"no", typed}}};
        BOOST_TEST(apply(f.state, bad).empty());
        BOOST_TEST(f.state.error_field == "counts.no");
        BOOST_TEST(f.state.shown(f.state.error) == "票数须为不小于 0 的整数：纸质票数（反对）");
    }
    EnterPaperCounts option{9, {{"西门", "x"}}};
    BOOST_TEST(apply(f.state, option).empty());
    BOOST_TEST(f.state.shown(f.state.error) == "票数须为不小于 0 的整数：纸质票数（西门）");
}

BOOST_AUTO_TEST_CASE(a_ballot_with_tellers_loads_both_entries_and_refreshes_them_live) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::ballot, 9}, false});
    BOOST_TEST(!has(sent, RequestKind::paper_counts));  // not known yet to have tellers
    auto follow = apply_response(f.state, only(sent, RequestKind::ballot), 200,
                                 ballot_with_tellers());
    const Request& load = only(follow, RequestKind::paper_counts);
    BOOST_TEST(load.path == "/api/ballots/9/paper-counts");
    BOOST_TEST(f.state.find_ballot(9)->tellers == std::vector<Id>({101, 102}));
    apply_response(f.state, load, 200, kDiffering);
    const PaperCounts& p = f.state.flow.paper_counts.at(9);
    BOOST_TEST(p.entries.size() == 2u);
    BOOST_TEST(p.differing == std::vector<std::string>({"yes"}));
    BOOST_TEST(!p.agreed);
    // The page's background refresh asks for the entries too: the other teller sees a change.
    for (const auto& r : sent)
        if (r.kind != RequestKind::ballot) apply_response(f.state, r, 500, "");
    auto refresh = apply(f.state, Refresh{});
    BOOST_TEST(only(refresh, RequestKind::paper_counts).background);
}

BOOST_AUTO_TEST_CASE(the_console_follows_the_paper_counts_of_its_open_ballots_with_tellers) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::session, 3}, false});
    BOOST_TEST(!has(sent, RequestKind::paper_counts));
    Json view = Json::parse(R"({"id":3,"council_id":7,"kind":"regular","state":"open",
        "starts_at":1,"noticed_at":1,"notice_override_reason":"","opened_at":1,"closed_at":0,
        "agenda":[{"issue_id":1,"title":"加装电梯","special_matter":false}],"signed_in_count":0,
        "signed_in":[],"quorum":{"present":0,"electorate":15,"met":false,
        "rule":{"num":1,"den":2,"bound":"more_than","base":"heads"}},"ballots":[]})");
    view["ballots"].push_back(Json::parse(ballot_with_tellers()));
    Json plain = Json::parse(ballot_with_tellers());
    plain["id"] = 10;
    plain.erase("tellers");
    view["ballots"].push_back(plain);
    auto follow = apply_response(f.state, only(sent, RequestKind::session), 200, view.dump());
    BOOST_TEST(only(follow, RequestKind::paper_counts).path == "/api/ballots/9/paper-counts");
    apply_response(f.state, only(follow, RequestKind::paper_counts), 200, kDiffering);
    // Known now: the next reply of the console asks no second time; the poll refreshes it.
    BOOST_TEST(!has(apply_response(f.state, only(sent, RequestKind::session), 200, view.dump()),
                    RequestKind::paper_counts));
    for (const auto& r : sent)
        if (r.kind != RequestKind::session) apply_response(f.state, r, 500, "");
    BOOST_TEST(only(apply(f.state, Refresh{}), RequestKind::paper_counts).background);
}

BOOST_AUTO_TEST_CASE(an_entry_is_answered_with_both_and_shows_at_once) {
    LoggedIn f;
    f.load_list();
    auto sent = apply(f.state, Navigate{Route{Page::ballot, 9}, false});
    apply_response(f.state, only(sent, RequestKind::ballot), 200, ballot_with_tellers());
    auto write = apply(f.state, EnterPaperCounts{9, {{"yes", "3"}, {"no", "1"}}});
    apply_response(f.state, only(write, RequestKind::write), 200, kDiffering);
    BOOST_TEST(f.state.shown(f.state.notice) == "纸质票数已录入");
    BOOST_TEST(f.state.flow.paper_counts.at(9).differing.front() == "yes");
    // A server refusal (not a teller) is shown as the server said it.
    auto again = apply(f.state, EnterPaperCounts{9, {{"yes", "3"}}});
    apply_response(f.state, only(again, RequestKind::write), 403,
                   R"({"error":{"code":"not_teller","message":"只有本次表决指定的计票员可以录入纸质票数","field":""}})");
    BOOST_TEST(f.state.shown(f.state.error) == "只有本次表决指定的计票员可以录入纸质票数");
}

BOOST_AUTO_TEST_CASE(a_malformed_entry_list_is_not_taken) {
    BOOST_TEST(!decode_paper_counts(R"({"tellers":[1,2],"entries":[{"teller_id":1,"counts":{"yes":-1},"entered_at":1}],"differing":[],"agreed":false})").ok());
    BOOST_TEST(decode_paper_counts(R"({"tellers":[1,2],"entries":[],"differing":[],"agreed":false})").ok());
    auto e = decode_paper_counts(R"({"tellers":[1,2],"entries":[{"teller_id":1,"counts":{"yes":"3"},"entered_at":1}],"differing":[],"agreed":false})");
    BOOST_TEST(e.error().field == "entries[0].counts.yes");
}

BOOST_AUTO_TEST_SUITE_END()
