// Steps of the CPPCC (政协) tests: a committee in the demo community's street with its leaders,
// secretariat, members and two departments' staff, and a consultation brought through the API
// to its outcome sent (报送) with recommendations ready to hand over.
#pragma once
#include <string>
#include <vector>

#include "decide_steps.hpp"

namespace yishi::test {

constexpr Id kDemoStreet = 1;

struct Person {
    Id id = 0;
    std::string token;
};

// The demo database with 县政协 in its street, set up by the platform administrator: a 专委会,
// a chair, a vice-chair, a secretary, members A, B, C (who will propose) and D (who will not),
// and staff of two departments (民政局, 住建局).
struct CppccWorld {
    explicit CppccWorld(ServiceOptions options = {});

    TestServer server;
    std::string admin;
    Id cppcc = 0;
    Id committee = 0;
    Person chair, vice_chair, secretary, a, b, c, d;
    Id civil_affairs = 0, housing = 0;  // departments
    Person civil_affairs_staff, housing_staff;

    // A staff account made through the API (not activated: the test's token needs no password).
    Person staff(const std::string& role, const std::string& place_field, Id place,
                 const std::string& name);
    // Seats `p` as the administrator; requires 200.
    void seat(const Person& p, const std::string& post, Id committee_id, const std::string& title);
};

// The consultation the handling tests start from: topic, plan, a report section, the meeting
// with a keynote and a speech, closed, two recommendations proposed by A, B and C, sent.
struct SentConsultation {
    Id topic = 0;
    Id section = 0;
    Id keynote = 0, speech = 0;
    std::vector<Id> recommendations;
};
// Brings a topic already proposed (`topic`) to sent, as the world's leaders and secretary.
SentConsultation send_consultation(CppccWorld& w, Id topic);
// Proposes a topic as member A and brings it to sent.
SentConsultation sent_consultation(CppccWorld& w);

// The consultation's id in a ConsultationView, and its version.
Id topic_of(const Json& view);
std::int64_t version_of(const Json& view);
// A recommendation's tasks in a ConsultationView.
Json tasks_of(const Json& view, Id recommendation);

}  // namespace yishi::test
