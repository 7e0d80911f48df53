// The consultation tests' world: the demo community's street with two CPPCC committees, their
// seats and special committees, and the requests that move a consultation along.
#include "consultation_steps.hpp"

namespace yishi::test {

std::string consultation_snapshot(const std::filesystem::path& db) {
    return dump_tables(db, {"cppccs", "special_committees", "cppcc_seats", "topics",
                            "research_members", "field_visits", "report_sections", "meetings",
                            "participants", "meeting_items", "recommendations",
                            "recommendation_proposers", "recommendation_sources", "sendings",
                            "tasks", "task_progress", "task_replies", "task_ratings", "members",
                            "audit_log"});
}

namespace {
Id id_of(const std::filesystem::path& db, const std::string& sql) {
    Id id = query_int(db, sql);
    BOOST_REQUIRE(id > 0);
    return id;
}

Id member_by_login(const std::filesystem::path& db, const std::string& login) {
    return id_of(db, "SELECT id FROM members WHERE login = '" + login + "'");
}
}  // namespace

ConsultationWorld::ConsultationWorld() : server(seeded_db()) {
    const auto& db = server.db();
    street = id_of(db, "SELECT MIN(id) FROM streets");
    std::string s = std::to_string(street);
    // The accounts; the committee, its special committees and seats as the administrator sets
    // them up.
    execute(db,
            "INSERT INTO members (login, name, role, password_hash, street_id) VALUES "
            "('zx_chair', '陈主席', 'cppcc_member', '', " + s + "), "
            "('zx_vice', '周副主席', 'cppcc_member', '', " + s + "), "
            "('zx_qian', '钱委员', 'cppcc_member', '', " + s + "), "
            "('zx_sun', '孙委员', 'cppcc_member', '', " + s + "), "
            "('zx_wu', '吴秘书', 'cppcc_member', '', " + s + "), "
            "('zx_west', '郑副主席', 'cppcc_member', '', " + s + ")");
    chair = member_by_login(db, "zx_chair");
    vice_chair = member_by_login(db, "zx_vice");
    member = member_by_login(db, "zx_qian");
    second_member = member_by_login(db, "zx_sun");
    secretary = member_by_login(db, "zx_wu");
    stranger = member_by_login(db, "zx_west");
    resident = demo_member(1);
    auto& store = server.store();
    std::int64_t now = server::system_now();
    auto made = [](const auto& r) {
        BOOST_TEST_REQUIRE(bool(r), (r ? "" : r.error().code));
        return r.value();
    };
    cppcc = made(store.create_cppcc(kAdmin, street, "城东政协", now)).id;
    other_cppcc = made(store.create_cppcc(kAdmin, street, "城西政协", now)).id;
    committee = made(store.create_special_committee(kAdmin, cppcc, "社会和法制委员会", now)).id;
    other_committee =
        made(store.create_special_committee(kAdmin, other_cppcc, "经济委员会", now)).id;
    auto seat = [&](Id cppcc_id, Id m, CppccPost post, Id committee_id) {
        made(store.seat_cppcc_member(kAdmin, cppcc_id, m, post, committee_id, "", now));
    };
    seat(cppcc, chair, CppccPost::chair, 0);
    seat(cppcc, vice_chair, CppccPost::vice_chair, committee);
    seat(cppcc, member, CppccPost::member, committee);
    seat(cppcc, second_member, CppccPost::member, 0);
    seat(cppcc, secretary, CppccPost::secretariat, 0);
    seat(other_cppcc, stranger, CppccPost::vice_chair, other_committee);
    for (auto [name, id] : {std::pair{"chair", chair}, {"vice_chair", vice_chair},
                            {"member", member}, {"second_member", second_member},
                            {"secretary", secretary}, {"stranger", stranger},
                            {"resident", resident}})
        tokens[name] = server.token_for(id);
}

httplib::Result ConsultationWorld::post(const std::string& path, const std::string& who,
                                        const std::string& body) {
    httplib::Headers h;
    if (who != "none") h = bearer(tokens.at(who));
    return server.client().Post(path, h, body, kJson);
}

ConsultationView ConsultationWorld::expect(int status, const std::string& path,
                                           const std::string& who, const Json& body) {
    auto r = post(path, who, body);
    BOOST_REQUIRE(r);
    BOOST_TEST_REQUIRE(r->status == status, path << " answered " << r->status << ": " << r->body);
    auto v = decode_consultation(r->body);
    BOOST_REQUIRE(v);
    return v.value();
}

ConsultationView ConsultationWorld::read(Id topic, const std::string& who) {
    auto r = server.client().Get("/api/consultations/" + std::to_string(topic),
                                 bearer(tokens.at(who)));
    BOOST_REQUIRE(r);
    BOOST_TEST_REQUIRE(r->status == 200, r->body);
    auto v = decode_consultation(r->body);
    BOOST_REQUIRE(v);
    return v.value();
}

std::string ConsultationWorld::path(Id topic, const std::string& act) {
    return "/api/consultations/" + std::to_string(topic) + "/" + act;
}

Id ConsultationWorld::propose(const std::string& title) {
    return expect(201, "/api/cppccs/" + std::to_string(cppcc) + "/topics", "member",
                  Json{{"title", title},
                       {"body", "老旧小区的物业管理与居民自治"},
                       {"source", "members"}})
        .consultation.id;
}

void ConsultationWorld::advance(Id topic, ConsultationStage stage) {
    using S = ConsultationStage;
    if (stage >= S::planned)
        expect(200, path(topic, "plan"), "chair",
               Json{{"year", 2026}, {"committee_id", committee}, {"lead_vice_chair_id", vice_chair}});
    if (stage >= S::researching) {
        expect(200, path(topic, "research-group"), "chair",
               Json{{"members", Json::array({Json{{"member_id", vice_chair}, {"lead", true}},
                                             Json{{"member_id", member}, {"lead", false}}})}});
        expect(201, path(topic, "visits"), "member",
               Json{{"visited_on", "2026-03-18"},
                    {"place", "北门社区"},
                    {"notes", "走访物业与居民代表"},
                    {"attachment", "座谈记录三份"}});
        expect(201, path(topic, "sections"), "secretary",
               Json{{"heading", "一、基本情况"}, {"body", "全市共有城市社区一百二十个。"}});
    }
    if (stage >= S::meeting) {
        expect(200, path(topic, "meeting"), "secretary",
               Json{{"held_on", "2026-06-12"}, {"place", "市政协会议室"}, {"chair", "陈主席"}});
        expect(201, path(topic, "participants"), "secretary",
               Json{{"name", "钱委员"}, {"title", "委员"}, {"affiliation", "市政协"},
                    {"kind", "member"}, {"member_id", member}});
        auto v = expect(201, path(topic, "participants"), "secretary",
                        Json{{"name", "李局长"}, {"title", "局长"}, {"affiliation", "市民政局"},
                             {"kind", "department_head"}, {"member_id", nullptr}});
        Id speaker = v.consultation.meeting->participants.at(0).id;
        Id head = v.consultation.meeting->participants.at(1).id;
        expect(201, path(topic, "items"), "secretary",
               Json{{"kind", "keynote"}, {"speaker_id", speaker}, {"summary", "专题发言：物业服务"},
                    {"to_participant_id", nullptr}, {"answers_item_id", nullptr}});
        expect(201, path(topic, "items"), "secretary",
               Json{{"kind", "question"}, {"speaker_id", speaker}, {"summary", "经费从哪里来？"},
                    {"to_participant_id", head}, {"answers_item_id", nullptr}});
    }
    if (stage >= S::concluded) {
        auto v = expect(200, path(topic, "close-meeting"), "secretary", Json::object());
        Id keynote = v.consultation.meeting->items.at(0).id;
        Id section = v.consultation.report.at(0).id;
        expect(201, path(topic, "recommendations"), "secretary",
               Json{{"text", "建立社区物业服务质量评价制度"},
                    {"proposer_ids", Json::array({member})},
                    {"item_ids", Json::array({keynote})},
                    {"section_ids", Json::array({section})}});
    }
    if (stage >= S::sent)
        expect(201, path(topic, "sendings"), "secretary",
               Json{{"recipient", "市委"}, {"sent_on", "2026-06-30"}, {"received_by", "市委办公室"}});
    if (stage >= S::published) expect(200, path(topic, "publish"), "chair", Json::object());
}

}  // namespace yishi::test
