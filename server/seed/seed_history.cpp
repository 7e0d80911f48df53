// 演示历史: a year of residents' needs before the demo quarter, so that the monthly needs report
// (群众需求月报) has something to say: a second community of the demo street, 秀水社区 (春晖社区
// keeps just its played quarter, which the demo's walkthroughs rely on), with three grids and its own council, gets some ten a month,
// accepted and answered after plausible delays, with a session each quarter whose task is
// answered and rated. Played through the store's acts with backdated times, like the quarter.
#include "yishi/server/seed.hpp"

#include <algorithm>
#include <cstdint>

namespace yishi::server {

namespace {
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

template <class T>
T must(Result<T> r, const char* step) {
    if (!r) throw StoreError(std::string("demo history, ") + step + ": " + r.error().code);
    return std::move(r).value();
}
void must(Check refused, const char* step) {
    if (refused) throw StoreError(std::string("demo history, ") + step + ": " + refused->code);
}

// What residents raise, by category, as the street's reports list them.
struct Need {
    const char* category;
    const char* title;
};
const Need kNeeds[] = {
    {"停车", "小区内乱停车堵塞消防通道"},     {"停车", "请增划夜间临时停车位"},
    {"环境卫生", "垃圾桶满溢无人清运"},       {"环境卫生", "楼道堆放杂物影响通行"},
    {"公共设施", "单元门门禁损坏"},           {"公共设施", "健身器材年久失修"},
    {"安全", "电动车楼道充电存在隐患"},       {"安全", "小区监控存在盲区"},
    {"为老服务", "希望开设老年助餐点"},       {"为老服务", "老旧楼栋加装电梯意愿摸底"},
    {"物业", "物业维修响应太慢"},             {"物业", "物业费收支请公开"},
    {"噪音", "夜间装修噪音扰民"},             {"绿化", "绿化带杂草丛生、蚊虫多"},
    {"", "建议增设快递柜"},
};
constexpr int kNeedCount = static_cast<int>(sizeof kNeeds / sizeof kNeeds[0]);

const char* const kXiushuiNames[9] = {"沈国平", "钱美华", "蒋立新", "韩秀兰", "冯建军",
                                      "曹玉珍", "彭志刚", "许慧敏", "邓永福"};
const char* const kXiushuiGrids[3] = {"秀水第一网格", "秀水第二网格", "秀水第三网格"};

// A fixed sequence of numbers, so that the demo is the same at every seeding.
class Dice {
public:
    int roll(int n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<int>((state_ >> 33) % static_cast<std::uint64_t>(n));
    }

private:
    std::uint64_t state_ = 20261001;
};

struct DemoCouncil {
    Id id = 0;
    Id convenor = 0;
    std::vector<Id> residents;  // who raise issues
    Id department = 0;          // answers officially
    std::string unit;
    int per_month = 0;
};

// Gives a pending account its one-time code and spends it at once, as its owner would.
void activate(Store& store, Id admin, Id community, Id member, const std::string& login,
              const std::string& password_hash, std::int64_t now) {
    std::string code_hash = sha256_hex(new_invite_code());
    must(store.grant_activation_codes(admin, community, {{member, code_hash}}, now,
                                      now + kActivationCodeSeconds),
         "activation code");
    must(store.register_member({code_hash, login, password_hash, now}), "activation");
}

Id staff(Store& store, Id admin, StaffKind kind, const std::string& name, Id place,
         const std::string& login, const std::string& password_hash, std::int64_t now) {
    std::string code = new_invite_code();
    auto pending = must(store.create_staff(admin, {kind, name, place}, sha256_hex(code), now,
                                           now + kActivationCodeSeconds),
                        "staff");
    must(store.register_member({sha256_hex(code), login, password_hash, now}), "staff activation");
    return pending.member_id;
}

// 秀水社区: its council, three grids, nine residents across them (xiushui01 convenes) and its
// property office (xiushui_wuye) seated without a vote.
DemoCouncil make_xiushui(Store& store, const DemoPlaces& p, const std::string& password_hash,
                     std::int64_t now) {
    Id community = must(store.create_community(p.admin, p.street, "秀水社区", now), "community").id;
    DemoCouncil c;
    c.id = must(store.create_council(p.admin, community, "秀水社区居民议事会",
                                     CouncilKind::residents_council, now),
                "council")
               .id;
    for (const char* g : kXiushuiGrids) must(store.create_grid(p.admin, community, g, now), "grid");
    std::vector<RosterRow> rows;
    for (int i = 0; i < 9; ++i) {
        RosterRow r;
        r.line = i + 2;
        r.name = kXiushuiNames[i];
        r.building = std::to_string(i / 3 * 4 + 1 + i % 3);
        r.unit = "1";
        r.room = std::to_string(101 + 100 * (i % 5));
        r.grid = kXiushuiGrids[i / 3];
        r.floor_area_centi_m2 = 7000 + 450 * i;
        rows.push_back(r);
    }
    must(store.import_roster(p.admin, community, c.id, rows, now), "roster");
    auto pending = must(store.pending_accounts(p.admin, community, {}), "pending accounts");
    std::sort(pending.begin(), pending.end(),
              [](const PendingAccount& a, const PendingAccount& b) { return a.member_id < b.member_id; });
    for (std::size_t i = 0; i < pending.size(); ++i) {
        std::string n = std::to_string(i + 1);
        activate(store, p.admin, community, pending[i].member_id, "xiushui0" + n, password_hash, now);
        c.residents.push_back(pending[i].member_id);
    }
    c.convenor = c.residents.front();
    must(store.set_member_role(p.admin, c.convenor, Role::convenor, c.id, now), "convenor");
    c.unit = "秀水物业服务中心";
    Id unit = must(store.create_department(p.admin, p.street, c.unit, now), "department").id;
    c.department = staff(store, p.admin, StaffKind::department, c.unit, unit, "xiushui_wuye",
                         password_hash, now);
    must(store.set_member_role(p.admin, c.department, Role::department, c.id, now), "seat");
    c.per_month = 10;
    return c;
}

// One month of a council's needs: raised over the month, most accepted within hours or days,
// most of those answered (some late), a few declined. Returns the accepted, unanswered ones.
std::vector<Id> play_month(Store& store, const DemoCouncil& c, Dice& dice, std::int64_t from,
                           std::int64_t to, std::int64_t now) {
    std::vector<Id> open;
    for (int n = 0; n < c.per_month; ++n) {
        const Need& need = kNeeds[dice.roll(kNeedCount)];
        Id author = c.residents[static_cast<std::size_t>(dice.roll(static_cast<int>(c.residents.size())))];
        std::int64_t at = from + (to - from - kDay) * n / c.per_month + dice.roll(20) * kHour;
        Id issue = must(store.raise_issue_as(c.id, author,
                                             {need.title, "具体情况请网格员上门核实，希望尽快解决。",
                                              need.category, "", 0},
                                             at),
                        "raise")
                       .id;
        int fate = dice.roll(20);
        if (fate == 0) continue;  // still collecting co-signs
        at += (1 + dice.roll(72)) * kHour;
        if (at >= now) continue;
        must(store.accept_issue(issue, c.convenor, at), "accept");
        // Declined or answered after some days (one answer in five late), but never after the
        // seed's own time: those stay open.
        const std::int64_t answer_at =
            at + (fate == 1 ? 1 + dice.roll(5) : fate < 8 ? 16 + dice.roll(12) : 1 + dice.roll(12)) * kDay;
        if (fate == 1 && answer_at < now) {
            must(store.decline_issue(issue, c.convenor, "属于业主个人纠纷，建议通过人民调解解决。",
                                     answer_at),
                 "decline");
        } else if (fate >= 5 && answer_at < now) {
            must(store.post_comment(issue, c.department, 0, Stance::neutral,
                                    "已安排专人现场查看，处理结果将在本议题下公布。", true, answer_at),
                 "answer");
        } else {
            open.push_back(issue);
        }
    }
    return open;
}

// A regular session on one accepted issue, its ballot passed, a task answered and rated.
void play_session(Store& store, const DemoCouncil& c, Id issue, std::int64_t starts) {
    Id session = must(store.plan_session(c.id, c.convenor, SessionKind::regular, starts,
                                         starts - 12 * kDay),
                      "plan")
                     .id;
    must(store.publish_notice(session, c.convenor, {{issue, false}}, "", starts - 11 * kDay), "notice");
    must(store.open_session(session, c.convenor, starts), "open");
    for (Id m : c.residents) must(store.sign_in(session, m, starts + 60), "sign in");
    Id ballot = must(store.open_ballot(session, c.convenor, issue, starts + 600), "ballot").ballot.id;
    for (std::size_t n = 0; n < c.residents.size(); ++n)
        must(store.cast_vote(ballot, c.residents[n], n < 7 ? Choice::yes : Choice::abstain,
                             starts + 900),
             "vote");
    must(store.close_ballot(ballot, c.convenor, 7, starts + 1800), "close ballot");
    must(store.close_session(session, c.convenor, starts + 3600), "close session");
    Id task = must(store.assign_task(ballot, c.convenor, {c.unit, c.department, starts + 30 * kDay},
                                     starts + 2 * kHour),
                   "assign")
                  .task.id;
    must(store.answer_task(task, c.department, "已按议事会决议完成整改，请居民评价。",
                           starts + 12 * kDay),
         "answer task");
    for (std::size_t n = 1; n < c.residents.size(); ++n)
        must(store.rate_reply(task, c.residents[n],
                              n < 5 ? Rating::satisfied : n < 7 ? Rating::basically_satisfied
                                                                : Rating::unsatisfied,
                              starts + 13 * kDay),
             "rate");
    must(store.conclude_rating(task, c.convenor, starts + 15 * kDay), "conclude");
}
}  // namespace

void seed_demo_history(Store& store, const DemoPlaces& places, const std::string& password_hash,
                       std::int64_t now) {
    const Month current = month_of(now);
    Month first = current;
    for (int i = 0; i < kHistoryMonths; ++i) first = previous_month(first);
    const std::int64_t made = month_start(first) - 10 * kDay;
    DemoCouncil xiushui = make_xiushui(store, places, password_hash, made);

    Dice dice;
    int k = 0;
    for (Month m = first; m < current; m = next_month(m), ++k) {
        const std::int64_t from = month_start(m), to = month_end(m);
        auto open = play_month(store, xiushui, dice, from, to, now);
        if (k % 3 == 1 && !open.empty()) play_session(store, xiushui, open.front(), to - 5 * kDay);
    }
}

}  // namespace yishi::server
