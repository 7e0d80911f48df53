// The demo community: 城东街道春晖社区 and its 居民议事会, with issues of the kind the
// source reports name (charging points, stairwell cleaning, lifts, waste sorting, lights, noise).
#include "yishi/server/seed.hpp"

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
    const char* household;
    std::int64_t area_centi_m2;
};
const Home kHomes[15] = {
    {"1栋1单元301", 8820},  {"3栋2单元502", 7560},  {"2栋1单元201", 9235},
    {"7栋1单元101", 6450},  {"4栋2单元402", 10580}, {"5栋1单元602", 8820},
    {"6栋1单元301", 7010},  {"3栋1单元202", 9150},  {"5栋2单元101", 6890},
    {"2栋2单元401", 11200}, {"8栋1单元501", 8340},  {"1栋2单元102", 7725},
    {"6栋2单元201", 9960},  {"4栋1单元301", 8105},  {"1栋1单元302", 12030},
};
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

SeedData demo_seed(PasswordHasher& hasher, std::int64_t now) {
    SeedData d;
    d.street = "城东街道";
    d.community = "春晖社区";
    d.council = "春晖社区居民议事会";
    d.council_kind = "residents_council";
    d.cosign_threshold = 5;
    d.seeded_at = now;

    // One hash serves every demo account: the password is public, and hashing 15 times
    // would cost a second and a half at each fresh start.
    std::string hash = hasher.hash(kDemoPassword);
    int i = 0;
    for (const auto& l : demo_logins()) {
        d.members.push_back({l.login, l.name, l.role, hash, kHomes[i].household,
                             kHomes[i].area_centi_m2});
        ++i;
    }

    // Authors and co-signers are member indexes (0 = 李建国, the convenor).
    d.issues = {
        {"在3号楼车棚加装电动车充电桩",
         "3号楼和5号楼之间的车棚里，每天晚上都有十几辆电动车从楼道窗户拉线充电，电线挂在半空，"
         "下雨天特别危险。去年隔壁小区就因为飞线充电起过火。建议在车棚加装集中充电桩，扫码按次"
         "付费，由物业公司负责日常维护，并请消防部门来看一看安全距离是否达标。",
         1, now - 9 * kDay, {2, 4, 5, 7, 9, 12}},
        {"楼道保洁改为每周两次",
         "1至8号楼的楼道现在一周只打扫一次，楼梯扶手积灰，墙上贴满了小广告。很多老人是扶着"
         "扶手上下楼的，卫生跟不上容易生病。希望物业公司把保洁改为每周两次，并在每个单元门口"
         "公示保洁时间和负责人电话，方便居民监督。",
         6, now - 6 * kDay, {3, 8, 10}},
        {"7号楼加装电梯，请街道介绍补贴政策",
         "7号楼是1992年建的六层楼，住着二十多位七十岁以上的老人，有的已经半年没下过楼了。"
         "区里有老旧小区加装电梯的补贴，希望议事会牵头，请街道办事处和住建局来介绍申请流程和"
         "费用分摊办法，先组织本单元业主开一次协商会，也听一听低层住户的顾虑。",
         3, now - 4 * kDay, {1, 5, 11, 13}},
        {"北门垃圾分类投放点异味大、投放时间短",
         "北门的垃圾分类投放点紧挨着2号楼的窗户，夏天异味很大。定时投放时间是早上7点到9点、"
         "晚上6点到8点，上班族经常赶不上，只好把垃圾放在桶边。建议把投放点往绿化带方向挪十米，"
         "加装洗手池，晚上的投放时间延长到9点，由志愿者轮流值守引导。",
         8, now - 2 * kDay, {6, 14}},
        {"南门到菜市场的小路路灯坏了",
         "南门通往菜市场的小路有四盏路灯坏了快一个月，晚上一片漆黑，上周有位老人在那里摔了"
         "一跤。已经打过12345，一直没有人来修。请议事会帮忙联系城管和街道尽快修复，并明确以后"
         "路灯坏了找谁报修。",
         11, now - 1 * kDay, {0}},
        {"晚间广场舞音响音量过大",
         "中心广场每天晚上7点到9点半跳广场舞，音响声音很大，临街的1号楼、4号楼住户反映孩子写"
         "作业、老人休息都受影响。我们不是反对跳舞，而是希望坐下来商量：音量控制在多少、几点"
         "结束、能不能换到篮球场那边。建议请舞蹈队的负责人一起来议事会协商。",
         14, now - 5 * kHour, {}},
    };
    return d;
}

bool seed_demo(Store& store, PasswordHasher& hasher, std::int64_t now) {
    SeedData d = demo_seed(hasher, now);
    // The units and the grid worker of the quarter sit in the council without a vote; they
    // share the residents' demo password (and its one hash).
    for (const auto& l : demo_staff_logins())
        d.members.push_back({l.login, l.name, l.role, d.members.front().password_hash});
    d.seeded_at = now - kQuarterDays * kDay;  // before the first act of the quarter
    if (!store.seed_if_empty(d)) return false;
    // Some two hundred small transactions: waiting for the disk at each would be most of the
    // seeding time.
    store.set_durable(false);
    try {
        play_demo_quarter(store, now);
    } catch (...) {
        store.set_durable(true);
        throw;
    }
    store.set_durable(true);
    return true;
}

bool has_demo_logins(Store& store) { return store.credentials(demo_login(0)).has_value(); }

}  // namespace yishi::server
