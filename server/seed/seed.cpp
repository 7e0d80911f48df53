// The demo community: 城东街道春晖社区 and its 居民议事会, with issues of the kind the
// source reports name (charging points, stairwell cleaning, lifts, waste sorting, lights, noise).
#include "yishi/server/seed.hpp"

#include <algorithm>

namespace yishi::server {

namespace {
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

const char* const kNames[15] = {
    "李建国", "王秀英", "张伟",   "刘桂兰", "陈志强", "杨淑珍", "赵德明", "黄丽娟",
    "周建华", "吴玉梅", "徐国庆", "孙晓燕", "马文涛", "朱红霞", "胡海波",
};

// Households (户) and private floor areas in 1/100 m², as a community's register would hold them.
struct Home {
    const char* building;
    const char* unit;
    const char* room;
    std::int64_t area_centi_m2;
};
const Home kHomes[15] = {
    {"1", "1", "301", 8820},  {"3", "2", "502", 7560},  {"2", "1", "201", 9235},
    {"7", "1", "101", 6450},  {"4", "2", "402", 10580}, {"5", "1", "602", 8820},
    {"6", "1", "301", 7010},  {"3", "1", "202", 9150},  {"5", "2", "101", 6890},
    {"2", "2", "401", 11200}, {"8", "1", "501", 8340},  {"1", "2", "102", 7725},
    {"6", "2", "201", 9960},  {"4", "1", "301", 8105},  {"1", "1", "302", 12030},
};
constexpr const char* kDemoGrid = "春晖第一网格";
}  // namespace

std::string demo_login(int index) {
    std::string n = std::to_string(index + 1);
    return "demo" + std::string(n.size() < 2 ? "0" : "") + n;
}

std::vector<DemoLogin> demo_logins() {
    std::vector<DemoLogin> out;
    for (int i = 0; i < 15; ++i)
        out.push_back({demo_login(i), kNames[i], i == 0 ? "convenor" : "resident"});
    return out;
}

std::vector<DemoLogin> demo_staff_logins() {
    return {{"wuye", "春晖物业服务中心", "department"},
            {"jiedao", "城东街道民政办", "department"},
            {"wangge", "周小梅", "grid_worker"}};
}

namespace {
// Authors and co-signers are resident indexes (0 = 李建国, the convenor); co-signs an hour apart.
struct DemoIssue {
    const char* title;
    const char* body;
    int author;
    std::int64_t age;
    std::vector<int> cosigners;
};

// A refused act means the demo no longer fits the rules: stop loudly, never seed half-wrong.
template <class T>
T must(Result<T> r, const char* step) {
    if (!r) throw StoreError(std::string("demo seed, ") + step + ": " + r.error().code);
    return std::move(r).value();
}

// Gives a pending account its one-time code and spends it at once, as its owner would.
void activate(Store& store, Id admin, Id community, Id member, const std::string& login,
              const std::string& password_hash, std::int64_t now) {
    std::string code_hash = sha256_hex(new_invite_code());
    if (auto refused = store.grant_activation_codes(admin, community, {{member, code_hash}}, now,
                                                    now + kActivationCodeSeconds))
        throw StoreError("demo seed, activation code: " + refused->code);
    must(store.register_member({code_hash, login, password_hash, now}), "activation");
}
}  // namespace

std::optional<DemoPlaces> seed_demo_community(Store& store, const std::string& password_hash,
                                              std::int64_t now) {
    // The first start as an operator makes it: the setup code, then the administrator.
    std::string setup_code = sha256_hex(new_invite_code());
    if (!store.offer_setup(setup_code, now)) return std::nullopt;
    SetupRequest setup{setup_code, kDemoAdminLogin, "演示管理员", password_hash,
                       "城东街道", "春晖社区", now};
    SetupDone done = must(store.complete_setup(setup), "setup");
    DemoPlaces p{done.admin.id, done.street_id, done.community_id, 0, 0};
    p.council = must(store.create_council(p.admin, p.community, "春晖社区居民议事会",
                                          CouncilKind::residents_council, now),
                     "council")
                    .id;
    p.grid = must(store.create_grid(p.admin, p.community, kDemoGrid, now), "grid").id;

    // The register, as the community keeps it: one row per resident, in member order.
    std::vector<RosterRow> rows;
    for (int i = 0; i < 15; ++i) {
        RosterRow r;
        r.line = i + 2;
        r.name = kNames[i];
        r.building = kHomes[i].building;
        r.unit = kHomes[i].unit;
        r.room = kHomes[i].room;
        r.grid = kDemoGrid;
        r.floor_area_centi_m2 = kHomes[i].area_centi_m2;
        rows.push_back(r);
    }
    must(store.import_roster(p.admin, p.community, p.council, rows, now), "roster");
    auto pending = must(store.pending_accounts(p.admin, p.community, {}), "pending accounts");
    std::sort(pending.begin(), pending.end(),
              [](const PendingAccount& a, const PendingAccount& b) { return a.member_id < b.member_id; });
    auto logins = demo_logins();
    for (std::size_t i = 0; i < pending.size() && i < logins.size(); ++i) {
        activate(store, p.admin, p.community, pending[i].member_id, logins[i].login,
                 password_hash, now);
        if (logins[i].role == "convenor")
            must(store.set_member_role(p.admin, pending[i].member_id, Role::convenor, p.council,
                                       now),
                 "convenor");
    }
    return p;
}

void seed_demo_issues(Store& store, const DemoPlaces& places, std::int64_t now) {
    const std::vector<DemoIssue> issues = {
        {"在3号楼车棚加装电动车充电桩",
         "3号楼和5号楼之间的车棚里，每天晚上都有十几辆电动车从楼道窗户拉线充电，电线挂在半空，"
         "下雨天特别危险。去年隔壁小区就因为飞线充电起过火。建议在车棚加装集中充电桩，扫码按次"
         "付费，由物业公司负责日常维护，并请消防部门来看一看安全距离是否达标。",
         1, 9 * kDay, {2, 4, 5, 7, 9}},
        {"楼道保洁改为每周两次",
         "1至8号楼的楼道现在一周只打扫一次，楼梯扶手积灰，墙上贴满了小广告。很多老人是扶着"
         "扶手上下楼的，卫生跟不上容易生病。希望物业公司把保洁改为每周两次，并在每个单元门口"
         "公示保洁时间和负责人电话，方便居民监督。",
         6, 6 * kDay, {3, 8, 10}},
        {"7号楼加装电梯，请街道介绍补贴政策",
         "7号楼是1992年建的六层楼，住着二十多位七十岁以上的老人，有的已经半年没下过楼了。"
         "区里有老旧小区加装电梯的补贴，希望议事会牵头，请街道办事处和住建局来介绍申请流程和"
         "费用分摊办法，先组织本单元业主开一次协商会，也听一听低层住户的顾虑。",
         3, 4 * kDay, {1, 5, 11, 13}},
        {"北门垃圾分类投放点异味大、投放时间短",
         "北门的垃圾分类投放点紧挨着2号楼的窗户，夏天异味很大。定时投放时间是早上7点到9点、"
         "晚上6点到8点，上班族经常赶不上，只好把垃圾放在桶边。建议把投放点往绿化带方向挪十米，"
         "加装洗手池，晚上的投放时间延长到9点，由志愿者轮流值守引导。",
         8, 2 * kDay, {6, 14}},
        {"南门到菜市场的小路路灯坏了",
         "南门通往菜市场的小路有四盏路灯坏了快一个月，晚上一片漆黑，上周有位老人在那里摔了"
         "一跤。已经打过12345，一直没有人来修。请议事会帮忙联系城管和街道尽快修复，并明确以后"
         "路灯坏了找谁报修。",
         11, 1 * kDay, {0}},
        {"晚间广场舞音响音量过大",
         "中心广场每天晚上7点到9点半跳广场舞，音响声音很大，临街的1号楼、4号楼住户反映孩子写"
         "作业、老人休息都受影响。我们不是反对跳舞，而是希望坐下来商量：音量控制在多少、几点"
         "结束、能不能换到篮球场那边。建议请舞蹈队的负责人一起来议事会协商。",
         14, 5 * kHour, {}},
    };
    auto id_of = [&](int index) {
        auto c = store.credentials(demo_login(index));
        if (!c) throw StoreError("demo seed: no member " + demo_login(index));
        return c->member_id;
    };
    for (const auto& i : issues) {
        std::int64_t at = now - i.age;
        Id issue = must(store.raise_issue_as(places.council, id_of(i.author),
                                             RaiseIssue{i.title, i.body, "", "", 0}, at),
                        "raise")
                       .id;
        for (int who : i.cosigners) {
            at += kHour;
            must(store.cosign(issue, id_of(who), at), "cosign");
        }
    }
}

void seed_demo_staff(Store& store, const DemoPlaces& p, const std::string& password_hash,
                     std::int64_t now) {
    for (const auto& l : demo_staff_logins()) {
        StaffRequest request;
        request.name = l.name;
        Role role = Role::department;
        if (l.role == "grid_worker") {
            request.kind = StaffKind::grid_worker;
            request.place_id = p.grid;
            role = Role::grid_worker;
        } else {
            request.kind = StaffKind::department;
            request.place_id =
                must(store.create_department(p.admin, p.street, l.name, now), "department").id;
        }
        std::string code = new_invite_code();
        auto staff = must(store.create_staff(p.admin, request, sha256_hex(code), now,
                                             now + kActivationCodeSeconds),
                          "staff");
        must(store.register_member({sha256_hex(code), l.login, password_hash, now}),
             "staff activation");
        // A seat without a vote: the units answer the council's tasks, the grid worker raises
        // issues for its residents.
        must(store.set_member_role(p.admin, staff.member_id, role, p.council, now), "staff seat");
    }
}

bool seed_demo(Store& store, PasswordHasher& hasher, std::int64_t now) {
    if (!store.setup_needed()) return false;
    // One hash serves every demo account: the password is public, and hashing 19 times
    // would cost two seconds at each fresh start.
    std::string hash = hasher.hash(kDemoPassword);
    const std::int64_t start = now - kQuarterDays * kDay;  // before the first act of the quarter
    // Some three hundred small transactions: waiting for the disk at each would be most of the
    // seeding time.
    store.set_durable(false);
    try {
        auto places = seed_demo_community(store, hash, start);
        if (!places) {
            store.set_durable(true);
            return false;
        }
        seed_demo_issues(store, *places, now);
        seed_demo_staff(store, *places, hash, start);
        play_demo_quarter(store, now);
        seed_demo_cppcc(store, *places, hash, now);
        seed_demo_history(store, *places, hash, now);
    } catch (...) {
        store.set_durable(true);
        throw;
    }
    store.set_durable(true);
    return true;
}

bool has_demo_logins(Store& store) { return store.credentials(demo_login(0)).has_value(); }

}  // namespace yishi::server
