// 演示数据: the demo community — one residents' council of 15 members and a handful of issues.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yishi/server/auth.hpp"
#include "yishi/report.hpp"
#include "yishi/server/store.hpp"

namespace yishi::server {

// Every demo login (demo01..demo15, the staff and the administrator) shares this password; it
// is printed on the console.
constexpr const char* kDemoPassword = "yishi2026";
// The demo's platform administrator (平台管理员).
constexpr const char* kDemoAdminLogin = "admin";

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

// Where the demo lives: its administrator and the places the seed made.
struct DemoPlaces {
    Id admin = 0;
    Id street = 0;
    Id community = 0;
    Id council = 0;
    Id grid = 0;
};

// The demo community made as an operator would, through the administration's acts at `now`
// (Unix seconds): first-run setup (the administrator `admin`, 城东街道 and 春晖社区), the
// 居民议事会 and its grid, the 15 residents imported from a roster with their households and
// floor areas, each activated with a one-time code as demo01..demo15, demo01 made convenor.
// Every account gets `password_hash`. nullopt (writing nothing) when setup is done already.
std::optional<DemoPlaces> seed_demo_community(Store& store, const std::string& password_hash,
                                              std::int64_t now);
// The six recent issues (ids 1–6 on a fresh community), raised and co-signed by the residents
// through the council's own acts, dated relative to `now`.
void seed_demo_issues(Store& store, const DemoPlaces& places, std::int64_t now);
// The two departments and the grid worker, created and activated as staff and seated in the
// council without a vote.
void seed_demo_staff(Store& store, const DemoPlaces& places, const std::string& password_hash,
                     std::int64_t now);

// Plays a past quarter on a freshly seeded demo community (with its staff) through the store's
// writes: issues merged, declined and listed, threads, an extraordinary and a regular session
// with ballots passed, failed and deferred, tasks answered, rated, supervised (督办) and done,
// resolution and result notices, and an upcoming session already noticed. Throws StoreError
// if a step is refused.
void play_demo_quarter(Store& store, std::int64_t now);

// The demo's CPPCC committee (嵊州市政协, beside the demo street): its chair, vice-chairs,
// members and secretariat (cppcc_chair, cppcc_vice, cppcc_vice2, cppcc01..cppcc06, cppcc_sec)
// and the departments that answer its recommendations (zuzhibu, zhengfawei, minzhengju, fulian,
// sifaju, dashuju), in account order.
std::vector<DemoLogin> demo_cppcc_logins();
// Made after every other demo account (their ids stay as they were): the committee, its three
// special committees (专委会) and seats, the departments, the 2020 consultation on urban
// community governance (topic 1) played to published handling with replies of every kind and
// one sent back for supervision, a 2026 topic in research (topic 2), and the charging-point
// issue recommended by demo01 as topic 3.
void seed_demo_cppcc(Store& store, const DemoPlaces& places, const std::string& password_hash,
                     std::int64_t now);

// How many months of needs the demo history covers before the current month.
constexpr int kHistoryMonths = 13;
// Made after the CPPCC's accounts (earlier ids stay as they were): a year of needs before the
// current month for the monthly report (群众需求月报): a few issues a month in 春晖社区 until
// the quarter begins, and 秀水社区 (a second community of the street, its council with
// xiushui01..xiushui09 across three grids, xiushui01 convening, and its property office
// xiushui_wuye) with some fifteen a month, a session each quarter and its task answered and
// rated. Issues are accepted and answered after plausible delays, some late, a few declined.
void seed_demo_history(Store& store, const DemoPlaces& places, const std::string& password_hash,
                       std::int64_t now);

// If the database still waits for its setup: the demo community, its issues, its staff and the
// quarter played on it. Returns true when it wrote the demo data.
bool seed_demo(Store& store, PasswordHasher& hasher, std::int64_t now);

// True when the database holds the demo accounts (seeded now or on an earlier run).
bool has_demo_logins(Store& store);

}  // namespace yishi::server
