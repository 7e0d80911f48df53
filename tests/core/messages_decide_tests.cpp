// JSON forms of the 定 (decide) step: rules, demands, sessions, ballots and notices round-trip,
// decode the server's replies as docs/api.md shows them, and refuse missing or mistyped fields.
#include <boost/test/unit_test.hpp>

#include "yishi/messages_decide.hpp"

using namespace yishi;

namespace {
// Decoding then encoding a reply gives back the same JSON: the core's form is the wire's.
template <class F>
void same_on_the_wire(const std::string& sample, F decode) {
    auto decoded = decode(sample);
    BOOST_REQUIRE_MESSAGE(decoded.ok(), (decoded.ok() ? std::string() : decoded.error().field));
    BOOST_TEST(Json::parse(encode(decoded.value())) == Json::parse(sample));
}

template <class T>
void refused(const Result<T>& r, const std::string& code, const std::string& field) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
    BOOST_TEST(r.error().status == 400);
}

// Replaces one field of a JSON text: null removes it.
std::string with(const std::string& body, const Json::json_pointer& at, const Json& value) {
    Json j = Json::parse(body);
    if (value.is_null()) j[at.parent_pointer()].erase(at.back());
    else j[at] = value;
    return j.dump();
}

// From docs/api.md, on the demo database.
const std::string kRules =
    R"({"cosign_threshold":5,"defer_margin":{"den":10,"num":1},"demand":{"bound":"at_least","den":5,"num":1},"kind":"residents_council","notice_days":7,"pass":{"bound":"more_than","by_area":false,"den":2,"num":1},"pass_special":{"bound":"more_than","by_area":false,"den":2,"num":1},"quorum":{"base":"heads","bound":"more_than","den":2,"num":1}})";
const std::string kSessions =
    R"({"sessions":[{"agenda":[{"issue_id":1,"special_matter":false,"title":"在3号楼车棚加装电动车充电桩"},{"issue_id":2,"special_matter":false,"title":"楼道保洁改为每周两次"},{"issue_id":3,"special_matter":false,"title":"7号楼加装电梯，请街道介绍补贴政策"}],"closed_at":0,"council_id":1,"id":1,"kind":"regular","notice_override_reason":"汛期前需尽快决定车棚改造","noticed_at":1795349996,"opened_at":0,"cancel_reason":"","cancelled_at":0,"returned_to_list":[],"signed_in_count":0,"starts_at":1795350002,"state":"noticed"}]})";
const std::string kOpenBallot =
    R"({"closed_at":0,"council_id":1,"electorate":15,"id":1,"issue_id":1,"issue_title":"在3号楼车棚加装电动车充电桩","method":"yes_no_abstain","opened_at":1795350003,"roll":[1,2,3,4,5,6,7,8,9,10,11],"session_id":1,"special_matter":false,"state":"open","voted":[1],"votes_cast":1})";
const std::string kClosing =
    R"({"closed_at":1795350003,"council_id":1,"electorate":15,"id":1,"issue_id":1,"issue_title":"在3号楼车棚加装电动车充电桩","method":"yes_no_abstain",
 "notice":{"council_id":1,"ends_at":1795954803,"id":1,"kind":"resolution","starts_at":1795350003,"subject_id":1,"text":"决议公示：在3号楼车棚加装电动车充电桩。到会11人，赞成8票，反对2票，弃权1票，未投票0人。结果：通过。"},
 "opened_at":1795350003,"roll":[1,2,3,4,5,6,7,8,9,10,11],"session_id":1,"special_matter":false,"state":"closed",
 "tally":{"abstain":1,"no":2,"not_voted":0,"outcome":"passed","present":11,"present_area_centi_m2":0,"quorum":true,"yes":8,"yes_area_centi_m2":0},
 "voted":[1,2,3,4,5,6,7,8,9,10,11],
 "votes":[{"choice":"yes","member_id":1},{"choice":"yes","member_id":2},{"choice":"yes","member_id":3},{"choice":"yes","member_id":4},{"choice":"yes","member_id":5},{"choice":"yes","member_id":6},{"choice":"yes","member_id":7},{"choice":"yes","member_id":8},{"choice":"no","member_id":9},{"choice":"no","member_id":10},{"choice":"abstain","member_id":11}],"votes_cast":11})";
const std::string kNotices =
    R"({"notices":[
 {"council_id":1,"ends_at":1795954803,"id":2,"in_force":true,"kind":"resolution","starts_at":1795350003,"subject_id":2,"text":"决议公示：7号楼加装电梯，请街道介绍补贴政策。到会11人，赞成5票，反对5票，弃权1票，未投票0人。结果：意见分歧较大，暂缓决策。"},
 {"council_id":1,"ends_at":1796386803,"id":4,"in_force":false,"kind":"result","starts_at":1795522803,"subject_id":1,"text":"实施结果公示：在3号楼车棚加装电动车充电桩。责任单位：街道城管科。"}]})";
const std::string kSession =
    R"({"agenda":[{"issue_id":1,"special_matter":false,"title":"在3号楼车棚加装电动车充电桩"}],
 "ballots":[{"closed_at":0,"council_id":1,"electorate":15,"id":1,"issue_id":1,"issue_title":"在3号楼车棚加装电动车充电桩","method":"yes_no_abstain","opened_at":1795350003,"roll":[1,2],"session_id":1,"special_matter":false,"state":"open","voted":[2],"votes_cast":1}],
 "closed_at":0,"council_id":1,"id":1,"kind":"regular","notice_override_reason":"汛期前需尽快决定车棚改造","noticed_at":1795349996,"opened_at":1795350003,
 "quorum":{"electorate":15,"met":false,"present":2,"rule":{"base":"heads","bound":"more_than","den":2,"num":1}},
 "signed_in":[{"member_id":1,"name":"李建国"},{"member_id":2,"name":"王秀英"}],
 "cancel_reason":"","cancelled_at":0,"returned_to_list":[],"signed_in_count":2,"starts_at":1795350002,"state":"open"})";
}  // namespace

BOOST_AUTO_TEST_SUITE(messages_decide)

BOOST_AUTO_TEST_CASE(rules_decode_from_the_server_reply_and_encode_the_same) {
    auto r = decode_rules(kRules);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().notice_days == 7);
    BOOST_TEST(r.value().defer_margin.den == 10);
    BOOST_TEST((r.value().demand.bound == Bound::at_least));
    same_on_the_wire(kRules, decode_rules);
}

BOOST_AUTO_TEST_CASE(every_preset_round_trips) {
    for (CouncilKind k : {CouncilKind::residents_council, CouncilKind::residents_meeting,
                          CouncilKind::villagers_meeting, CouncilKind::villager_representatives,
                          CouncilKind::owners_assembly}) {
        CouncilRules preset = preset_rules(k);
        auto back = decode_rules(encode(preset));
        BOOST_REQUIRE(back.ok());
        BOOST_TEST(encode(back.value()) == encode(preset));
        BOOST_TEST((back.value().quorum.base == preset.quorum.base));
    }
}

BOOST_AUTO_TEST_CASE(rules_refuse_a_missing_or_mistyped_field_by_name) {
    refused(decode_rules(with(kRules, "/notice_days"_json_pointer, nullptr)), "missing_field",
            "notice_days");
    refused(decode_rules(with(kRules, "/quorum/base"_json_pointer, "everyone")), "wrong_type",
            "quorum");
    refused(decode_rules(with(kRules, "/cosign_threshold"_json_pointer, "5")), "wrong_type",
            "cosign_threshold");
}

BOOST_AUTO_TEST_CASE(demand_status_round_trips_and_refuses_a_mistyped_count) {
    const std::string sample = R"({"demanded":1,"sufficient":false,"voting_members":15})";
    auto d = decode_demand_status(sample);
    BOOST_REQUIRE(d.ok());
    BOOST_TEST(d.value().voting_members == 15);
    same_on_the_wire(sample, decode_demand_status);
    refused(decode_demand_status(R"({"demanded":1,"voting_members":15})"), "missing_field",
            "sufficient");
    refused(decode_demand_status(R"({"demanded":"1","sufficient":false,"voting_members":15})"),
            "wrong_type", "demanded");
}

BOOST_AUTO_TEST_CASE(session_list_decodes_the_server_reply) {
    auto l = decode_session_list(kSessions);
    BOOST_REQUIRE(l.ok());
    BOOST_REQUIRE(l.value().sessions.size() == 1);
    const Session& s = l.value().sessions[0].session;
    BOOST_TEST((s.state == SessionState::noticed));
    BOOST_REQUIRE(s.agenda.size() == 3);
    BOOST_TEST(s.agenda[2].title == "7号楼加装电梯，请街道介绍补贴政策");
    same_on_the_wire(kSessions, decode_session_list);
}

BOOST_AUTO_TEST_CASE(a_session_summary_counts_sign_ins_without_naming_them) {
    Session s;
    s.id = 4;
    s.state = SessionState::open;
    s.signed_in = {3, 1, 2};
    auto back = decode_session_summary(encode(session_summary(s)));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().signed_in_count == 3);
    BOOST_TEST(back.value().session.signed_in.empty());
    BOOST_TEST(!Json::parse(encode(session_summary(s))).contains("signed_in"));
}

BOOST_AUTO_TEST_CASE(session_view_decodes_attendees_quorum_and_ballots) {
    auto v = decode_session(kSession);
    BOOST_REQUIRE(v.ok());
    BOOST_TEST(v.value().signed_in.size() == 2u);
    BOOST_TEST(v.value().signed_in[1].name == "王秀英");
    BOOST_TEST((v.value().session.signed_in == std::vector<Id>{1, 2}));
    BOOST_TEST(v.value().quorum.electorate == 15);
    BOOST_TEST(!v.value().quorum.met);
    BOOST_TEST((v.value().quorum.rule.share.bound == Bound::more_than));
    BOOST_REQUIRE(v.value().ballots.size() == 1u);
    BOOST_TEST(v.value().ballots[0].votes_cast == 1);
    same_on_the_wire(kSession, decode_session);
}

BOOST_AUTO_TEST_CASE(session_refusals_name_the_nested_field) {
    refused(decode_session(with(kSession, "/quorum/present"_json_pointer, nullptr)),
            "missing_field", "quorum.present");
    refused(decode_session(with(kSession, "/signed_in/1/name"_json_pointer, 7)), "wrong_type",
            "signed_in[1].name");
    refused(decode_session(with(kSession, "/ballots/0/state"_json_pointer, "maybe")),
            "wrong_type", "ballots[0].state");
    refused(decode_session_list(with(kSessions, "/sessions/0/kind"_json_pointer, "weekly")),
            "wrong_type", "sessions[0].kind");
}

BOOST_AUTO_TEST_CASE(an_open_ballot_shows_who_voted_never_how) {
    Ballot b;
    b.id = 9;
    b.roll = {{1, 0, 0}, {2, 0, 0}};
    b.electorate.heads = 3;
    b.votes = {{2, Choice::no}};
    BallotView v = ballot_view(b, "路灯", Tally{});
    BOOST_TEST(v.votes.empty());
    BOOST_TEST(!v.tally.has_value());
    Json j = Json::parse(encode(v));
    BOOST_TEST(!j.contains("votes"));
    BOOST_TEST(!j.contains("tally"));
    BOOST_TEST(j["voted"] == Json::array({2}));
    // Even a view that holds choices is written without them while open.
    v.votes = b.votes;
    BOOST_TEST(!Json::parse(encode(v)).contains("votes"));
}

BOOST_AUTO_TEST_CASE(a_counted_vote_replies_with_counts_and_neither_roll_nor_choices) {
    // A 10,000-member roll, two votes cast: the reply is the counts alone.
    std::string body = encode(VoteCounted{9, BallotState::open, 10000, 2});
    BOOST_TEST(Json::parse(body) ==
               Json::parse(R"({"id":9,"state":"open","electorate":10000,"votes_cast":2})"));
    BOOST_TEST(body.size() < 100u);
    same_on_the_wire(body, decode_vote_counted);
    refused(decode_vote_counted(R"({"id":9,"state":"open","electorate":"x","votes_cast":2})"),
            "wrong_type", "electorate");
}

BOOST_AUTO_TEST_CASE(an_open_ballot_decodes_from_the_server_reply) {
    auto b = decode_ballot(kOpenBallot);
    BOOST_REQUIRE(b.ok());
    BOOST_TEST((b.value().state == BallotState::open));
    BOOST_TEST(b.value().roll.size() == 11u);
    BOOST_TEST((b.value().voted == std::vector<Id>{1}));
    same_on_the_wire(kOpenBallot, decode_ballot);
}

BOOST_AUTO_TEST_CASE(an_announced_closing_time_travels_with_the_ballot_and_none_is_left_out) {
    BOOST_TEST(decode_ballot(kOpenBallot).value().closes_at == 0);
    Json j = Json::parse(kOpenBallot);
    j["closes_at"] = 1795353603;
    auto b = decode_ballot(j.dump());
    BOOST_REQUIRE(b.ok());
    BOOST_TEST(b.value().closes_at == 1795353603);
    same_on_the_wire(j.dump(), decode_ballot);
    refused(decode_ballot(with(kOpenBallot, "/closes_at"_json_pointer, "soon")), "wrong_type",
            "closes_at");
}

BOOST_AUTO_TEST_CASE(a_closed_ballot_publishes_each_vote_the_tally_and_the_notice) {
    auto c = decode_ballot_closing(kClosing);
    BOOST_REQUIRE(c.ok());
    const BallotView& b = c.value().ballot;
    BOOST_REQUIRE(b.tally.has_value());
    BOOST_TEST((b.tally->outcome == Outcome::passed));
    BOOST_TEST(b.tally->yes == 8);
    BOOST_REQUIRE(b.votes.size() == 11u);
    BOOST_TEST((b.votes[10].choice == Choice::abstain));
    BOOST_TEST((c.value().notice.kind == NoticeKind::resolution));
    BOOST_TEST(c.value().notice.ends_at == 1795954803);
    same_on_the_wire(kClosing, decode_ballot_closing);
}

BOOST_AUTO_TEST_CASE(a_closed_open_roll_ballot_of_another_method_shows_what_each_member_cast) {
    Json j = Json::parse(kOpenBallot);
    j["state"] = "closed";
    j["votes"] = Json::array();
    j["method"] = "irv";
    j["options"] = {"东门", "西门", "南门"};
    j["cast"] = {{{"member_id", 1}, {"ranking", {{"西门"}, {"东门", "南门"}}}},
                 {{"member_id", 2}, {"approve", {"东门"}}},
                 {{"member_id", 3}, {"choice", "南门"}}};
    auto b = decode_ballot(j.dump());
    BOOST_REQUIRE(b.ok());
    BOOST_REQUIRE(b.value().cast.size() == 3u);
    BOOST_TEST(b.value().cast[0].member_id == 1);
    BOOST_TEST((b.value().cast[0].ranking ==
                std::vector<std::vector<std::string>>{{"西门"}, {"东门", "南门"}}));
    BOOST_TEST((b.value().cast[1].approve == std::vector<std::string>{"东门"}));
    BOOST_TEST(b.value().cast[2].choice == "南门");
    j["cast"][0]["ranking"][1][0] = 7;
    refused(decode_ballot(j.dump()), "wrong_type", "cast[0].ranking");
}

BOOST_AUTO_TEST_CASE(ballot_refusals_name_the_field) {
    refused(decode_ballot(with(kOpenBallot, "/roll"_json_pointer, "1,2")), "wrong_type", "roll");
    refused(decode_ballot(with(kOpenBallot, "/votes_cast"_json_pointer, nullptr)),
            "missing_field", "votes_cast");
    refused(decode_ballot_closing(with(kClosing, "/tally/outcome"_json_pointer, "won")),
            "wrong_type", "tally.outcome");
    refused(decode_ballot_closing(with(kClosing, "/votes"_json_pointer, nullptr)),
            "missing_field", "votes");
    refused(decode_ballot_closing(with(kClosing, "/notice/text"_json_pointer, nullptr)),
            "missing_field", "notice.text");
    refused(decode_ballot(with(kOpenBallot, "/electorate"_json_pointer, 1.5)), "wrong_type",
            "electorate");
}

BOOST_AUTO_TEST_CASE(notices_decode_with_their_kind_and_whether_in_force) {
    auto l = decode_notice_list(kNotices);
    BOOST_REQUIRE(l.ok());
    BOOST_REQUIRE(l.value().notices.size() == 2u);
    BOOST_TEST(l.value().notices[0].in_force);
    BOOST_TEST((l.value().notices[1].notice.kind == NoticeKind::result));
    same_on_the_wire(kNotices, decode_notice_list);
    refused(decode_notice_list(with(kNotices, "/notices/1/in_force"_json_pointer, nullptr)),
            "missing_field", "notices[1].in_force");
    refused(decode_notice(R"({"council_id":1,"ends_at":2,"id":4,"kind":"result","starts_at":1,"subject_id":"1","text":""})"),
            "wrong_type", "subject_id");
}

BOOST_AUTO_TEST_CASE(wire_names_read_back_to_the_same_value) {
    SessionKind k;
    BOOST_TEST(session_kind_from_string("extraordinary", k));
    BOOST_TEST((k == SessionKind::extraordinary));
    SessionState s;
    BOOST_TEST(!session_state_from_string("adjourned", s));
    Outcome o;
    BOOST_TEST(outcome_from_string("no_quorum", o));
    BOOST_TEST((o == Outcome::no_quorum));
}

BOOST_AUTO_TEST_CASE(a_member_list_round_trips_and_refuses_a_missing_role) {
    MemberList l;
    l.members.push_back({1, "李建国", "convenor", true});
    l.members.push_back({16, "街道城管科", "department", false});
    auto back = decode_member_list(encode(l));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().members.size() == 2u);
    BOOST_TEST(back.value().members[1].name == "街道城管科");
    BOOST_TEST(!back.value().members[1].voting);
    auto bad = decode_member_list(R"({"members":[{"id":1,"name":"x","voting":true}]})");
    BOOST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.error().field == "members[0].role");
}

BOOST_AUTO_TEST_SUITE_END()
