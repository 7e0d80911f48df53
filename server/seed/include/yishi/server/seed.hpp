// 演示数据: the demo community — one residents' council of 15 members and a handful of issues.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "yishi/server/auth.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Every demo login (demo01..demo15) shares this password; it is printed on the console.
constexpr const char* kDemoPassword = "yishi2026";

struct DemoLogin {
    std::string login;
    std::string name;
    std::string role;
};

// The demo residents, in member order; demo01 is the convenor (召集人).
std::vector<DemoLogin> demo_logins();
// demo01 for index 0, ..., demo15 for 14.
std::string demo_login(int index);
// The council's members without a vote who act in the demo quarter: two departments (职能部门)
// and a grid worker (网格员).
std::vector<DemoLogin> demo_staff_logins();

// How far back the demo quarter starts.
constexpr std::int64_t kQuarterDays = 85;

// The demo community alone: 15 residents with households and floor areas and six recent
// issues (ids 1–6), dated relative to `now` (Unix seconds). Written in one transaction.
SeedData demo_seed(PasswordHasher& hasher, std::int64_t now);

// Plays a past quarter on a freshly seeded demo community (with its staff) through the store's
// writes: issues merged, declined and listed, threads, an extraordinary and a regular session
// with ballots passed, failed and deferred, tasks answered, rated, supervised (督办) and done,
// resolution and result notices, and an upcoming session already noticed. Throws StoreError
// if a step is refused.
void play_demo_quarter(Store& store, std::int64_t now);

// If the database has no community yet: the demo community (one transaction), its staff and
// the quarter played on it. Returns true when it wrote the demo data.
bool seed_demo(Store& store, PasswordHasher& hasher, std::int64_t now);

// True when the database holds the demo accounts (seeded now or on an earlier run).
bool has_demo_logins(Store& store);

}  // namespace yishi::server
