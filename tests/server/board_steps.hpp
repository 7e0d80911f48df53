// The board tests' world: the demo street with tasks of its council and of its CPPCC arranged
// in the database at known times, another street's task, and the readers of each kind.
#pragma once
#include <string>

#include "harness.hpp"

namespace yishi::test {

// The server's clock in these tests: statuses are computed against it.
constexpr std::int64_t kBoardNow = 1790000000;
constexpr std::int64_t kBoardDay = 24 * 3600;

struct BoardWorld {
    BoardWorld();
    TestServer server;
    std::string street_admin;     // administers the demo street (1)
    std::string community_admin;  // administers the demo community (1)
    std::string other_admin;      // administers another street (9001)
    std::string unit_staff;       // 测试城管科's staff member (9004)
    std::string resident;         // a member with no scope and no department (9005)

    httplib::Result get(const std::string& path, const std::string& token);
    Json get_json(const std::string& path, const std::string& token, int status = 200);
};

// Counts of every table the board reads: equal before and after means nothing was written.
std::string board_snapshot(const std::filesystem::path& db);

}  // namespace yishi::test
