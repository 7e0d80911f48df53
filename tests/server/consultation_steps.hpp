// Steps shared by the consultation tests: a CPPCC committee (政协) on the demo's street with its
// chair, a vice-chair, members, a secretary and a special committee, a second committee beside
// it, and requests that take a consultation from its topic to any stage.
#pragma once
#include <map>
#include <string>

#include "harness.hpp"
#include "yishi/messages_consultation.hpp"

namespace yishi::test {

// Every row the consultation writes, the tasks and the audit log: equal dumps mean nothing
// changed.
std::string consultation_snapshot(const std::filesystem::path& db);

struct ConsultationWorld {
    ConsultationWorld();

    TestServer server;
    Id street = 0;
    Id cppcc = 0, other_cppcc = 0;
    Id committee = 0, other_committee = 0;  // 专委会 of the CPPCC and of the other one
    // Seated in `cppcc`: the chair, a vice-chair, two members and the secretariat; `stranger` is
    // the other committee's vice-chair; `resident` (demo01) is seated nowhere.
    Id chair = 0, vice_chair = 0, member = 0, second_member = 0, secretary = 0, stranger = 0;
    Id resident = 0;
    // Tokens by the names above.
    std::map<std::string, std::string> tokens;

    httplib::Result post(const std::string& path, const std::string& who, const std::string& body);
    httplib::Result post(const std::string& path, const std::string& who, const Json& body) {
        return post(path, who, body.dump());
    }
    // Posts and requires `status`; returns the consultation the reply holds.
    ConsultationView expect(int status, const std::string& path, const std::string& who,
                            const Json& body);
    ConsultationView read(Id topic, const std::string& who = "member");

    // A topic proposed by the member; returns its id.
    Id propose(const std::string& title = "城市社区治理");
    // Takes the topic through the acts to `stage`, as the chair and the secretary would: plan,
    // research group and a visit and a section (researching), meeting with two participants, a
    // keynote and a question (meeting), closed with one recommendation (concluded), sent,
    // published.
    void advance(Id topic, ConsultationStage stage);
    static std::string path(Id topic, const std::string& act);
};

}  // namespace yishi::test
