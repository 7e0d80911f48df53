// Every act of a consultation refuses bad input with a 4xx and a Chinese message, and the
// database is unchanged afterwards: wrong roles, another committee's or consultation's ids,
// missing and mistyped fields, overlong text, control and bidi characters, huge numbers.
#include <boost/test/unit_test.hpp>

#include "consultation_steps.hpp"
#include "yishi/text.hpp"

using namespace yishi;
using namespace yishi::test;
using S = ConsultationStage;

namespace {

// One refused request; an empty `code` accepts any refusal of `status`.
struct Case {
    std::string what;
    std::string who;
    std::string path;
    std::string body;
    int status;
    std::string code;
};

// A topic at each stage an act needs, and one of the other committee.
struct World {
    ConsultationWorld w;
    Id proposed = 0, planned = 0, researching = 0, meeting = 0, concluded = 0, sent = 0;
    Id elsewhere = 0;  // a consultation of this committee in its meeting, for foreign ids
    Id foreign_topic = 0;  // the other committee's
    Consultation at_meeting, at_concluded, other;

    World() {
        proposed = w.propose("甲");
        planned = w.propose("乙");
        w.advance(planned, S::planned);
        researching = w.propose("丙");
        w.advance(researching, S::researching);
        meeting = w.propose("丁");
        w.advance(meeting, S::meeting);
        concluded = w.propose("戊");
        w.advance(concluded, S::concluded);
        sent = w.propose("己");
        w.advance(sent, S::sent);
        elsewhere = w.propose("庚");
        w.advance(elsewhere, S::meeting);
        at_meeting = w.read(meeting).consultation;
        at_concluded = w.read(concluded).consultation;
        other = w.read(elsewhere).consultation;
        foreign_topic = w.expect(201, "/api/cppccs/" + std::to_string(w.other_cppcc) + "/topics",
                                 "stranger",
                                 Json{{"title", "外委议题"}, {"body", ""}, {"source", "government"}})
                            .consultation.id;
    }

    void run(const Case& c) {
        BOOST_TEST_CONTEXT(c.what) {
            std::string before = consultation_snapshot(w.server.db());
            auto r = w.post(c.path, c.who, c.body);
            BOOST_REQUIRE(r);
            BOOST_TEST(r->status == c.status, r->body);
            Error e = error_of(r);
            if (!c.code.empty()) BOOST_TEST(e.code == c.code);
            BOOST_TEST(has_chinese(e.message));
            BOOST_TEST(consultation_snapshot(w.server.db()) == before);
        }
    }
};

std::string with(Json body, const std::string& field, const Json& value) {
    body[field] = value;
    return body.dump();
}
std::string without(Json body, const std::string& field) {
    body.erase(field);
    return body.dump();
}

// The faults every text field of `body` is checked for; `one_line` fields also refuse a line
// break.
void text_cases(std::vector<Case>& out, const std::string& who, const std::string& path,
                const Json& body, const std::string& field, std::size_t max_chars, bool one_line,
                bool may_be_empty) {
    std::string name = path + " " + field;
    std::string overlong;
    for (std::size_t i = 0; i <= max_chars; ++i) overlong += "议";
    out.push_back({name + " missing", who, path, without(body, field), 400, "missing_field"});
    out.push_back({name + " a number", who, path, with(body, field, 12), 400, "wrong_type"});
    out.push_back({name + " null", who, path, with(body, field, nullptr), 400, "missing_field"});
    out.push_back({name + " overlong", who, path, with(body, field, overlong), 400, "too_long"});
    out.push_back({name + " control", who, path, with(body, field, "有\x07铃"), 400,
                   "bad_character"});
    out.push_back({name + " bidi", who, path, with(body, field, "反\u202E向"), 400,
                   "bad_character"});
    if (one_line)
        out.push_back({name + " two lines", who, path, with(body, field, "一行\n两行"), 400,
                       "line_break"});
    if (!may_be_empty)
        out.push_back({name + " empty", who, path, with(body, field, ""), 400, "empty_text"});
}

// The faults of an id field: missing, text, negative, zero, beyond 64 bits, a fraction.
void id_cases(std::vector<Case>& out, const std::string& who, const std::string& path,
              const Json& body, const std::string& field) {
    std::string name = path + " " + field;
    out.push_back({name + " missing", who, path, without(body, field), 400, "missing_field"});
    out.push_back({name + " text", who, path, with(body, field, "7"), 400, ""});
    out.push_back({name + " negative", who, path, with(body, field, -3), 400, ""});
    out.push_back({name + " zero", who, path, with(body, field, 0), 400, ""});
    std::string huge = with(body, field, 424242424242LL);
    huge.replace(huge.find("424242424242"), 12, "123456789012345678901234567890");
    out.push_back({name + " huge", who, path, huge, 400, ""});
    out.push_back({name + " fraction", who, path, with(body, field, 1.5), 400, ""});
}

void common_cases(std::vector<Case>& out, const std::string& path, const std::string& who,
                  const Json& good) {
    out.push_back({path + " no token", "none", path, good.dump(), 401, "unauthorized"});
    out.push_back({path + " not JSON", who, path, "{title", 400, "bad_json"});
    out.push_back({path + " an array", who, path, "[]", 400, ""});
}
}  // namespace

BOOST_AUTO_TEST_SUITE(consultation_bad_input)

BOOST_AUTO_TEST_CASE(proposing_a_topic_refuses_bad_input_and_changes_nothing) {
    World t;
    auto& w = t.w;
    std::string path = "/api/cppccs/" + std::to_string(w.cppcc) + "/topics";
    Json good{{"title", "议题"}, {"body", "说明"}, {"source", "members"}};
    std::vector<Case> cases;
    common_cases(cases, path, "member", good);
    text_cases(cases, "member", path, good, "title", 100, true, false);
    text_cases(cases, "member", path, good, "body", 5000, false, true);
    cases.push_back({"unknown source", "member", path, with(good, "source", "everyone"), 400, ""});
    cases.push_back({"source missing", "member", path, without(good, "source"), 400,
                     "missing_field"});
    cases.push_back({"not seated", "resident", path, good.dump(), 403, "not_seated"});
    cases.push_back({"seated elsewhere", "stranger", path, good.dump(), 403, "not_seated"});
    cases.push_back({"no such cppcc", "member", "/api/cppccs/99999999/topics", good.dump(), 404,
                     "not_found"});
    cases.push_back({"cppcc id beyond 64 bits", "member",
                     "/api/cppccs/123456789012345678901234567890/topics", good.dump(), 400,
                     "bad_id"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(planning_refuses_bad_input_and_changes_nothing) {
    World t;
    auto& w = t.w;
    std::string path = w.path(t.proposed, "plan");
    Json good{{"year", 2026}, {"committee_id", w.committee}, {"lead_vice_chair_id", w.vice_chair}};
    std::vector<Case> cases;
    common_cases(cases, path, "chair", good);
    id_cases(cases, "chair", path, good, "committee_id");
    id_cases(cases, "chair", path, good, "lead_vice_chair_id");
    cases.push_back({"year missing", "chair", path, without(good, "year"), 400, "missing_field"});
    cases.push_back({"year as text", "chair", path, with(good, "year", "2026"), 400, ""});
    cases.push_back({"year 1999", "chair", path, with(good, "year", 1999), 400, "bad_time"});
    cases.push_back({"year 2101", "chair", path, with(good, "year", 2101), 400, "bad_time"});
    cases.push_back({"year 99999999999", "chair", path, with(good, "year", 99999999999LL), 400, ""});
    cases.push_back({"another cppcc's committee", "chair", path,
                     with(good, "committee_id", w.other_committee), 400, "bad_id"});
    cases.push_back({"another cppcc's vice-chair", "chair", path,
                     with(good, "lead_vice_chair_id", w.stranger), 400, "bad_id"});
    cases.push_back({"a member as vice-chair", "chair", path,
                     with(good, "lead_vice_chair_id", w.member), 400, "bad_id"});
    cases.push_back({"a member", "member", path, good.dump(), 403, "not_leader"});
    cases.push_back({"the other committee's vice-chair", "stranger", path, good.dump(), 403,
                     "not_seated"});
    cases.push_back({"once research began", "chair", w.path(t.researching, "plan"), good.dump(),
                     409, "wrong_stage"});
    cases.push_back({"no such topic", "chair", w.path(99999999, "plan"), good.dump(), 404,
                     "not_found"});
    cases.push_back({"topic id not a number", "chair", "/api/consultations/x/plan", good.dump(),
                     400, "bad_id"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(the_research_group_refuses_bad_input_and_changes_nothing) {
    World t;
    auto& w = t.w;
    std::string path = w.path(t.planned, "research-group");
    auto group = [](const Json& members) { return Json{{"members", members}}; };
    Json one{{"member_id", w.member}, {"lead", true}};
    Json good = group(Json::array({one}));
    std::vector<Case> cases;
    common_cases(cases, path, "chair", good);
    cases.push_back({"members missing", "chair", path, "{}", 400, "missing_field"});
    cases.push_back({"members not a list", "chair", path, group(one).dump(), 400, ""});
    cases.push_back({"lead missing", "chair", path,
                     group(Json::array({Json{{"member_id", w.member}}})).dump(), 400, ""});
    cases.push_back({"lead as text", "chair", path,
                     group(Json::array({Json{{"member_id", w.member}, {"lead", "yes"}}})).dump(),
                     400, ""});
    cases.push_back({"member id huge", "chair", path,
                     R"({"members":[{"member_id":123456789012345678901234567890,"lead":true}]})",
                     400, ""});
    cases.push_back({"a member seated elsewhere", "chair", path,
                     group(Json::array({one, Json{{"member_id", w.stranger}, {"lead", false}}}))
                         .dump(),
                     400, "bad_research_group"});
    cases.push_back({"a member who does not exist", "chair", path,
                     group(Json::array({one, Json{{"member_id", 99999999}, {"lead", false}}}))
                         .dump(),
                     400, ""});
    cases.push_back({"no lead", "chair", path,
                     group(Json::array({Json{{"member_id", w.member}, {"lead", false}}})).dump(),
                     400, ""});
    cases.push_back({"not seated", "resident", path, good.dump(), 403, "not_seated"});
    cases.push_back({"before the plan", "chair", w.path(t.proposed, "research-group"),
                     good.dump(), 409, "wrong_stage"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(visits_and_sections_refuse_bad_input_and_change_nothing) {
    World t;
    auto& w = t.w;
    std::string visits = w.path(t.researching, "visits");
    Json visit{{"visited_on", "2026-04-01"}, {"place", "北门社区"}, {"notes", "走访"},
               {"attachment", "照片"}};
    std::vector<Case> cases;
    common_cases(cases, visits, "secretary", visit);
    text_cases(cases, "secretary", visits, visit, "place", kConsultationNameMaxChars, true, false);
    text_cases(cases, "secretary", visits, visit, "notes", kSummaryMaxChars, false, false);
    for (const char* date : {"2026-02-30", "2026/04/01", "26-04-01", "1999-12-31", "2101-01-01",
                             "", "2026-4-1"})
        cases.push_back({std::string("visited_on ") + date, "secretary", visits,
                         with(visit, "visited_on", date), 400, "bad_date"});
    cases.push_back({"visited_on missing", "secretary", visits, without(visit, "visited_on"), 400,
                     "missing_field"});
    cases.push_back({"not seated", "resident", visits, visit.dump(), 403, "not_seated"});
    cases.push_back({"another committee's member", "stranger", visits, visit.dump(), 403,
                     "not_seated"});
    std::string sections = w.path(t.researching, "sections");
    Json section{{"heading", "二、问题"}, {"body", "物业费收缴率低"}};
    common_cases(cases, sections, "secretary", section);
    text_cases(cases, "secretary", sections, section, "heading", kTitleMaxChars, true, false);
    text_cases(cases, "secretary", sections, section, "body", kSectionMaxChars, false, false);
    cases.push_back({"section by a member", "second_member", sections, section.dump(), 403,
                     "not_recorder"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(the_meeting_and_its_participants_refuse_bad_input_and_change_nothing) {
    World t;
    auto& w = t.w;
    std::string meeting = w.path(t.researching, "meeting");
    Json m{{"held_on", "2026-06-12"}, {"place", "会议室"}, {"chair", "陈主席"}};
    std::vector<Case> cases;
    common_cases(cases, meeting, "secretary", m);
    text_cases(cases, "secretary", meeting, m, "place", kConsultationNameMaxChars, true, false);
    text_cases(cases, "secretary", meeting, m, "chair", kConsultationNameMaxChars, true, false);
    cases.push_back({"held_on not a date", "secretary", meeting, with(m, "held_on", "六月"), 400,
                     "bad_date"});
    cases.push_back({"by a member", "member", meeting, m.dump(), 403, "not_recorder"});
    cases.push_back({"before the plan", "secretary", w.path(t.proposed, "meeting"), m.dump(), 409,
                     "wrong_stage"});
    std::string participants = w.path(t.meeting, "participants");
    Json p{{"name", "张专家"}, {"title", "教授"}, {"affiliation", "市委党校"}, {"kind", "expert"},
           {"member_id", nullptr}};
    common_cases(cases, participants, "secretary", p);
    text_cases(cases, "secretary", participants, p, "name", kConsultationNameMaxChars, true, false);
    text_cases(cases, "secretary", participants, p, "affiliation", kConsultationNameMaxChars,
               true, true);
    cases.push_back({"unknown kind", "secretary", participants, with(p, "kind", "guest"), 400,
                     ""});
    cases.push_back({"member_id as text", "secretary", participants, with(p, "member_id", "3"),
                     400, ""});
    cases.push_back({"member_id of nobody", "secretary", participants,
                     with(p, "member_id", 99999999), 400, ""});
    cases.push_back({"member_id missing", "secretary", participants, without(p, "member_id"), 400,
                     "missing_field"});
    cases.push_back({"by a member", "member", participants, p.dump(), 403, "not_recorder"});
    cases.push_back({"before the meeting", "secretary", w.path(t.researching, "participants"),
                     p.dump(), 409, "wrong_stage"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(recording_items_refuses_bad_input_and_changes_nothing) {
    World t;
    auto& w = t.w;
    const Meeting& m = *t.at_meeting.meeting;
    Id speaker = m.participants[0].id;
    std::string items = w.path(t.meeting, "items");
    Json item{{"kind", "speech"}, {"speaker_id", speaker}, {"summary", "发言"},
              {"to_participant_id", nullptr}, {"answers_item_id", nullptr}};
    std::vector<Case> cases;
    common_cases(cases, items, "secretary", item);
    text_cases(cases, "secretary", items, item, "summary", kSummaryMaxChars, false, false);
    id_cases(cases, "secretary", items, item, "speaker_id");
    cases.push_back({"unknown kind", "secretary", items, with(item, "kind", "applause"), 400, ""});
    cases.push_back({"speaker of another consultation", "secretary", items,
                     with(item, "speaker_id", t.other.meeting->participants[0].id), 400, ""});
    Json question = item;
    question["kind"] = "question";
    cases.push_back({"a question put to nobody", "secretary", items, question.dump(), 400, ""});
    cases.push_back({"a question put to another consultation's participant", "secretary", items,
                     with(question, "to_participant_id", t.other.meeting->participants[1].id),
                     400, ""});
    Json answer = item;
    answer["kind"] = "answer";
    answer["speaker_id"] = m.participants[1].id;
    cases.push_back({"an answer to nothing", "secretary", items, answer.dump(), 400, ""});
    cases.push_back({"an answer to another consultation's question", "secretary", items,
                     with(answer, "answers_item_id", t.other.meeting->items[1].id), 400, ""});
    cases.push_back({"by a member", "member", items, item.dump(), 403, "not_recorder"});
    cases.push_back({"by the other committee", "stranger", items, item.dump(), 403, ""});
    cases.push_back({"after the meeting closed", "secretary", w.path(t.concluded, "items"),
                     with(item, "speaker_id", t.at_concluded.meeting->participants[0].id), 409,
                     "wrong_stage"});
    cases.push_back({"close by a member", "member", w.path(t.meeting, "close-meeting"), "{}", 403,
                     "not_recorder"});
    cases.push_back({"close before the meeting", "secretary",
                     w.path(t.researching, "close-meeting"), "{}", 409, "wrong_stage"});
    cases.push_back({"close with a body not JSON", "secretary",
                     w.path(t.meeting, "close-meeting"), "{", 400, "bad_json"});
    for (const auto& c : cases) t.run(c);
}

BOOST_AUTO_TEST_CASE(recommendations_sendings_and_publishing_refuse_bad_input_and_change_nothing) {
    World t;
    auto& w = t.w;
    const Consultation& c = t.at_concluded;
    std::string path = w.path(t.concluded, "recommendations");
    Json good{{"text", "建议"},
              {"proposer_ids", Json::array({w.member})},
              {"item_ids", Json::array({c.meeting->items[0].id})},
              {"section_ids", Json::array({c.report[0].id})}};
    std::vector<Case> cases;
    common_cases(cases, path, "secretary", good);
    text_cases(cases, "secretary", path, good, "text", kSummaryMaxChars, false, false);
    cases.push_back({"proposers missing", "secretary", path, without(good, "proposer_ids"), 400,
                     "missing_field"});
    cases.push_back({"proposers not a list", "secretary", path,
                     with(good, "proposer_ids", w.member), 400, ""});
    cases.push_back({"a proposer id as text", "secretary", path,
                     with(good, "proposer_ids", Json::array({"3"})), 400, ""});
    cases.push_back({"a proposer id beyond 64 bits", "secretary", path,
                     R"({"text":"建议","proposer_ids":[123456789012345678901234567890],"item_ids":[],"section_ids":[]})",
                     400, ""});
    cases.push_back({"a proposer seated elsewhere", "secretary", path,
                     with(good, "proposer_ids", Json::array({w.stranger})), 400, ""});
    cases.push_back({"another consultation's item", "secretary", path,
                     with(good, "item_ids", Json::array({t.other.meeting->items[0].id})), 400,
                     "bad_source"});
    cases.push_back({"another consultation's section", "secretary", path,
                     with(good, "section_ids", Json::array({t.other.report[0].id})), 400,
                     "bad_source"});
    cases.push_back({"by a member", "member", path, good.dump(), 403, "not_recorder"});
    cases.push_back({"during the meeting", "secretary", w.path(t.meeting, "recommendations"),
                     with(good, "item_ids", Json::array({t.at_meeting.meeting->items[0].id})),
                     409, "wrong_stage"});

    std::string sendings = w.path(t.sent, "sendings");
    Json sending{{"recipient", "市政府"}, {"sent_on", "2026-07-01"}, {"received_by", "办公室"}};
    common_cases(cases, sendings, "secretary", sending);
    text_cases(cases, "secretary", sendings, sending, "recipient", kConsultationNameMaxChars, true,
               false);
    cases.push_back({"sent_on not a date", "secretary", sendings, with(sending, "sent_on", 20260701),
                     400, ""});
    cases.push_back({"sent_on Feb 29 of 2027", "secretary", sendings,
                     with(sending, "sent_on", "2027-02-29"), 400, "bad_date"});
    cases.push_back({"sending by a member", "member", sendings, sending.dump(), 403,
                     "not_recorder"});
    cases.push_back({"sending before the meeting closed", "secretary",
                     w.path(t.meeting, "sendings"), sending.dump(), 409, "wrong_stage"});

    std::string publish = w.path(t.sent, "publish");
    cases.push_back({"publish by the secretary", "secretary", publish, "{}", 403, "not_leader"});
    cases.push_back({"publish by the other committee", "stranger", publish, "{}", 403, ""});
    cases.push_back({"publish before sending", "chair", w.path(t.concluded, "publish"), "{}", 409,
                     "wrong_stage"});
    cases.push_back({"publish with a body not JSON", "chair", publish, "[1", 400, "bad_json"});
    cases.push_back({"publish a topic that is not there", "chair", w.path(99999999, "publish"),
                     "{}", 404, "not_found"});
    for (const auto& x : cases) t.run(x);
}

BOOST_AUTO_TEST_SUITE_END()
