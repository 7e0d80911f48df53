// Builders shared by the consultation tests: a committee's seats and a topic taken step by step
// through the rules, numbered as the store would number its new parts.
#pragma once
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"
#include "yishi/consultation.hpp"

namespace cppcc_fixtures {

using namespace yishi;
using fixtures::kDay;
using fixtures::kT0;

// The committee: chair 1, vice-chair 2, secretariat 3, members 4–6; 9 holds no seat.
constexpr Id kChair = 1, kViceChair = 2, kSecretary = 3, kMember = 4, kMember2 = 5, kMember3 = 6,
             kOutsider = 9, kDepartment = 60, kCppcc = 7, kCommittee = 8;
inline const std::vector<Id> kSeated = {1, 2, 3, 4, 5, 6};

inline CppccActor seat(Id id, CppccPost post) { return {id, true, post}; }
inline CppccActor chair() { return seat(kChair, CppccPost::chair); }
inline CppccActor vice_chair() { return seat(kViceChair, CppccPost::vice_chair); }
inline CppccActor secretary() { return seat(kSecretary, CppccPost::secretariat); }
inline CppccActor member(Id id = kMember) { return seat(id, CppccPost::member); }
inline CppccActor outsider() { return {kOutsider, false, CppccPost::member}; }

// What the store does after each act: numbers the new parts.
inline Consultation saved(Consultation c) {
    Id next = 100;
    auto number = [&](Id& id) {
        if (id == 0) id = next;
        ++next;
    };
    if (c.id == 0) c.id = 50;
    for (auto& v : c.visits) number(v.id);
    for (auto& s : c.report) number(s.id);
    if (c.meeting) {
        for (auto& p : c.meeting->participants) number(p.id);
        for (auto& i : c.meeting->items) number(i.id);
    }
    for (auto& r : c.recommendations) number(r.id);
    for (auto& s : c.sendings) number(s.id);
    return c;
}

inline Consultation proposed() {
    return saved(propose_topic(member(), kCppcc, {"城市社区治理", "社区减负增效", TopicSource::members},
                               kT0)
                     .value());
}
inline Consultation planned() {
    return saved(plan_topic(chair(), proposed(), {2025, kCommittee, kViceChair}, true, true).value());
}
inline Consultation researching() {
    Consultation c = set_research_group(secretary(), planned(),
                                        {{kViceChair, "", true}, {kMember, "", false}}, kSeated)
                         .value();
    c = add_visit(member(), c, {"2025-03-12", "城南街道", "走访三个社区", "座谈记录"}).value();
    return saved(add_section(secretary(), c, "一、现状", "社区事务繁多").value());
}
inline Id section_id(const Consultation& c) { return c.report.at(0).id; }

// A meeting with the chair's participant (a member), a department head and one speech.
inline Consultation meeting_with_speech() {
    Consultation c = saved(schedule_meeting(secretary(), researching(),
                                            {"2025-06-18", "市政协二楼会议室", "张主席"})
                               .value());
    c = saved(add_participant(secretary(), c,
                              {"李委员", "市政协委员", "市律师协会", ParticipantKind::member, kMember})
                  .value());
    c = saved(add_participant(secretary(), c,
                              {"王局长", "民政局局长", "市民政局", ParticipantKind::department_head, 0})
                  .value());
    ItemDraft speech{ItemKind::speech, c.meeting->participants[0].id, "建议建立社区工作准入清单", 0, 0};
    return saved(record_item(secretary(), c, speech, kT0 + 10).value());
}
inline Id speaker(const Consultation& c) { return c.meeting->participants.at(0).id; }
inline Id department_head(const Consultation& c) { return c.meeting->participants.at(1).id; }
inline Id first_item(const Consultation& c) { return c.meeting->items.at(0).id; }

inline Consultation concluded() {
    Consultation c = close_meeting(secretary(), meeting_with_speech()).value();
    RecommendationDraft r{"建立社区工作准入清单", {kMember, kMember2}, {first_item(c)}, {}};
    return saved(add_recommendation(secretary(), c, r, kSeated).value());
}
inline Consultation sent() {
    return saved(send_outcome(secretary(), concluded(), {"市委", "2025-07-01", "市委办公室 陈某"}).value());
}
inline Id recommendation(const Consultation& c) { return c.recommendations.at(0).id; }

inline Task handed(const Consultation& c) {
    return hand_over(chair(), c, recommendation(c), {"市民政局", kDepartment, kT0 + 30 * kDay}, kT0)
        .value();
}
inline Actor department() { return fixtures::actor(kDepartment, Role::department); }

template <class T>
void refused(const Result<T>& r, const std::string& code, const std::string& field = {}) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
}

}  // namespace cppcc_fixtures
