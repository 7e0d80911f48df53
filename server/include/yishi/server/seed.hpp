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

// The demo accounts, in member order; demo01 is the convenor (召集人).
std::vector<DemoLogin> demo_logins();

// The demo community with issues dated relative to `now` (Unix seconds).
SeedData demo_seed(PasswordHasher& hasher, std::int64_t now);

// Seeds the demo community in one transaction if the database has no community yet.
// Returns true when it wrote the demo data.
bool seed_demo(Store& store, PasswordHasher& hasher, std::int64_t now);

// True when the database holds the demo accounts (seeded now or on an earlier run).
bool has_demo_logins(Store& store);

}  // namespace yishi::server
