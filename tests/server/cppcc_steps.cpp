// Steps shared by the CPPCC (政协) tests.
#include "cppcc_steps.hpp"

#include <boost/test/unit_test.hpp>

namespace yishi::test {

namespace {
Json expect_status(const JsonReply& r, int status, const std::string& what) {
    BOOST_REQUIRE_MESSAGE(r.status == status, what << " answered " << r.status << ": " << r.body);
    return r.body;
}
}  // namespace

CppccWorld::CppccWorld(ServiceOptions options)
    : server(seeded_db(), std::move(options)), admin(server.token_for(kAdmin)) {
    cppcc = expect_status(post_json(server, admin, "/api/admin/cppccs",
                                    {{"street_id", kDemoStreet}, {"name", "县政协"}}),
                          201, "creating the CPPCC")["id"]
                .get<Id>();
    committee = expect_status(post_json(server, admin, path_of("/api/admin/cppccs/", cppcc,
                                                               "/committees"),
                                        {{"name", "社会和法制委员会"}}),
                              201, "creating the 专委会")["id"]
                    .get<Id>();
    chair = staff("cppcc_member", "street_id", kDemoStreet, "主席甲");
    vice_chair = staff("cppcc_member", "street_id", kDemoStreet, "副主席乙");
    secretary = staff("cppcc_member", "street_id", kDemoStreet, "秘书丙");
    a = staff("cppcc_member", "street_id", kDemoStreet, "委员A");
    b = staff("cppcc_member", "street_id", kDemoStreet, "委员B");
    c = staff("cppcc_member", "street_id", kDemoStreet, "委员C");
    d = staff("cppcc_member", "street_id", kDemoStreet, "委员D");
    seat(chair, "chair", 0, "县政协主席");
    seat(vice_chair, "vice_chair", committee, "县政协副主席");
    seat(secretary, "secretariat", 0, "秘书长");
    for (const Person* p : {&a, &b, &c, &d}) seat(*p, "member", committee, "县政协委员");
    civil_affairs = expect_status(post_json(server, admin, "/api/admin/departments",
                                            {{"street_id", kDemoStreet}, {"name", "县民政局"}}),
                                  201, "creating 民政局")["id"]
                        .get<Id>();
    housing = expect_status(post_json(server, admin, "/api/admin/departments",
                                      {{"street_id", kDemoStreet}, {"name", "县住建局"}}),
                            201, "creating 住建局")["id"]
                  .get<Id>();
    civil_affairs_staff = staff("department", "department_id", civil_affairs, "民政局王科长");
    housing_staff = staff("department", "department_id", housing, "住建局赵科长");
}

Person CppccWorld::staff(const std::string& role, const std::string& place_field, Id place,
                         const std::string& name) {
    Json made = expect_status(post_json(server, admin, "/api/admin/staff",
                                        {{"role", role}, {"name", name}, {place_field, place}}),
                              201, "creating " + name);
    Id id = made["member_id"].get<Id>();
    return {id, server.token_for(id)};
}

void CppccWorld::seat(const Person& p, const std::string& post, Id committee_id,
                      const std::string& title) {
    Json body{{"member_id", p.id}, {"post", post}, {"committee_id", nullptr}, {"title", title}};
    if (committee_id) body["committee_id"] = committee_id;
    expect_status(post_json(server, admin, path_of("/api/admin/cppccs/", cppcc, "/seats"), body),
                  200, "seating " + std::to_string(p.id));
}

SentConsultation send_consultation(CppccWorld& w, Id topic) {
    TestServer& s = w.server;
    SentConsultation out;
    out.topic = topic;
    auto on = [&](const std::string& suffix) { return path_of("/api/consultations/", topic, suffix); };
    expect_status(post_json(s, w.chair.token, on("/plan"),
                            {{"year", 2020},
                             {"committee_id", w.committee},
                             {"lead_vice_chair_id", w.vice_chair.id}}),
                  200, "planning");
    expect_status(post_json(s, w.vice_chair.token, on("/research-group"),
                            {{"members", Json::array({Json{{"member_id", w.vice_chair.id}, {"lead", true}},
                                                      Json{{"member_id", w.a.id}, {"lead", false}}})}}),
                  200, "the research group");
    Json v = expect_status(post_json(s, w.secretary.token, on("/sections"),
                                     {{"heading", "一、现状"}, {"body", "社区治理力量分散。"}}),
                           201, "a report section");
    out.section = v["report"].back()["id"].get<Id>();
    expect_status(post_json(s, w.secretary.token, on("/meeting"),
                            {{"held_on", "2020-06-24"}, {"place", "县政协会议室"}, {"chair", "主席甲"}}),
                  200, "scheduling the meeting");
    v = expect_status(post_json(s, w.secretary.token, on("/participants"),
                                {{"name", "副主席乙"},
                                 {"title", "县政协副主席"},
                                 {"affiliation", "县政协"},
                                 {"kind", "member"},
                                 {"member_id", w.vice_chair.id}}),
                      201, "a participant");
    Id speaker = v["meeting"]["participants"].back()["id"].get<Id>();
    auto item = [&](const std::string& kind, const std::string& summary) {
        Json r = expect_status(post_json(s, w.secretary.token, on("/items"),
                                         {{"kind", kind},
                                          {"speaker_id", speaker},
                                          {"summary", summary},
                                          {"to_participant_id", nullptr},
                                          {"answers_item_id", nullptr}}),
                               201, "recording " + kind);
        return r["meeting"]["items"].back()["id"].get<Id>();
    };
    out.keynote = item("keynote", "专题发言：六个方面的建议。");
    out.speech = item("speech", "建议建立统一的指挥平台。");
    expect_status(post_json(s, w.secretary.token, on("/close-meeting")), 200, "closing");
    for (const char* text : {"建立社区治理联席会议制度", "推进智慧治理平台建设"}) {
        v = expect_status(post_json(s, w.secretary.token, on("/recommendations"),
                                    {{"text", text},
                                     {"proposer_ids", {w.a.id, w.b.id, w.c.id}},
                                     {"item_ids", {out.speech}},
                                     {"section_ids", {out.section}}}),
                          201, "a recommendation");
        out.recommendations.push_back(v["recommendations"].back()["id"].get<Id>());
    }
    expect_status(post_json(s, w.secretary.token, on("/sendings"),
                            {{"recipient", "县委"}, {"sent_on", "2020-07-01"},
                             {"received_by", "县委办公室 张某"}}),
                  201, "sending the outcome");
    return out;
}

SentConsultation sent_consultation(CppccWorld& w) {
    Json v = expect_status(post_json(w.server, w.a.token, path_of("/api/cppccs/", w.cppcc, "/topics"),
                                     {{"title", "加强城市社区治理"},
                                      {"body", "推进县域社会治理共同体建设。"},
                                      {"source", "members"}}),
                           201, "proposing a topic");
    return send_consultation(w, topic_of(v));
}

Id topic_of(const Json& view) { return view["id"].get<Id>(); }
std::int64_t version_of(const Json& view) { return view["version"].get<std::int64_t>(); }

Json tasks_of(const Json& view, Id recommendation) {
    for (const auto& r : view["recommendations"])
        if (r["id"].get<Id>() == recommendation) return r["tasks"];
    BOOST_FAIL("no recommendation " << recommendation << " in the view");
    return Json::array();
}

}  // namespace yishi::test
