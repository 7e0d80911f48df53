// Steps shared by the administration tests: an empty database set up through its one-time
// link, and requests as its administrators.
#pragma once
#include <string>

#include "harness.hpp"

namespace yishi::test {

// Every row of the tables administration writes: equal snapshots mean nothing changed.
std::string admin_snapshot(const std::filesystem::path& db);

// What a CSV file exported from Excel on a Chinese Windows holds: GB18030 bytes.
std::string to_gb18030(const std::string& utf8);

// A server on an empty database whose setup code is known, set up by 周主任 (login "zhou")
// with 东湖街道 and 春晖社区 (ids 1 and 1).
struct AdminWorld {
    static constexpr const char* kSetupCode = "ABCDE-FGHJK";
    static constexpr const char* kPassword = "admin2026pw";
    explicit AdminWorld(ServiceOptions options = {});

    TestServer server;
    std::string admin;  // the platform administrator's token
    Id street = 0;
    Id community = 0;

    httplib::Result post(const std::string& path, const std::string& token, const Json& body);
    httplib::Result get(const std::string& path, const std::string& token);
    // Posts and requires `status`; returns the reply's JSON.
    Json expect(int status, const std::string& path, const std::string& token, const Json& body);
    // Creates a staff account and activates it with `login`; returns its token.
    std::string staff(const std::string& role, const std::string& place_field, Id place,
                      const std::string& login, const std::string& name = "工作人员");
    // Registers with a code; returns the reply's JSON (requires 201).
    Json activate(const std::string& code, const std::string& login,
                  const std::string& password = kPassword);
};

}  // namespace yishi::test
