// 演示季度: a whole quarter of the demo council, played through the store's own writes (each
// one a transaction that asks the core's rules), so the demo obeys the rules live use does.
// Times run in the past: the quarter ends today, with one upcoming session already noticed.
#include "yishi/server/seed.hpp"

namespace yishi::server {

namespace {
constexpr std::int64_t kDay = 24 * 3600;

// A refused step means the demo no longer fits the rules: stop loudly, never seed half-wrong.
template <class T>
T must(Result<T> r, const char* step) {
    if (!r) throw StoreError(std::string("demo quarter, ") + step + ": " + r.error().code);
    return std::move(r).value();
}

class Quarter {
public:
    Quarter(Store& store, std::int64_t now) : store_(store), now_(now) {
        auto councils = store.councils_of(id_of("demo01"));
        if (councils.empty()) throw StoreError("demo quarter: no council");
        council_ = councils.front().id;
    }
    Id council() const { return council_; }

    Id id_of(const std::string& login) {
        auto c = store_.credentials(login);
        if (!c) throw StoreError("demo quarter: no member " + login);
        return c->member_id;
    }
    // Time `days` before now (fractions as hours).
    std::int64_t at(double days) const { return now_ - static_cast<std::int64_t>(days * kDay); }

    Id raise(Id author, double days, const std::string& title, const std::string& body,
             const std::string& category, const std::string& tag, Id on_behalf_of = 0) {
        RaiseIssue r{title, body, category, tag, on_behalf_of};
        return must(store_.raise_issue_as(council_, author, r, at(days)), "raise").id;
    }
    void cosign(Id issue, const std::vector<Id>& members, double days) {
        for (std::size_t n = 0; n < members.size(); ++n)
            must(store_.cosign(issue, members[n], at(days) + 3600 * static_cast<std::int64_t>(n)),
                 "cosign");
    }
    Id comment(Id issue, Id author, Stance stance, const std::string& text, double days,
               Id reply_to = 0, bool official = false) {
        return must(store_.post_comment(issue, author, reply_to, stance, text, official, at(days)),
                    "comment")
            .comment.id;
    }
    // Opens a session at its start with members first..last (by id) signed in.
    void open_with(Id session, Id convenor, Id first, Id last, double days) {
        must(store_.open_session(session, convenor, at(days)), "open session");
        for (Id m = first; m <= last; ++m) must(store_.sign_in(session, m, at(days)), "sign in");
    }
    // A ballot on `issue` in which the members signed in vote in order: `yes` yes, `no` no, the
    // rest abstain. Returns the ballot id after closing it (and publishing its resolution).
    Id ballot(Id session, Id convenor, Id issue, const std::vector<Id>& voters, int yes, int no,
              double days) {
        Id b = must(store_.open_ballot(session, convenor, issue, at(days)), "open ballot").ballot.id;
        for (int n = 0; n < static_cast<int>(voters.size()); ++n) {
            Choice c = n < yes ? Choice::yes : n < yes + no ? Choice::no : Choice::abstain;
            must(store_.cast_vote(b, voters[n], c, at(days) + 60), "vote");
        }
        must(store_.close_ballot(b, convenor, 7, at(days) + 600), "close ballot");
        return b;
    }
    // Members rate the current reply in order: `satisfied`, then `basic`, then the rest unsatisfied.
    void rate(Id task, const std::vector<Id>& raters, int satisfied, int basic, double days) {
        for (int n = 0; n < static_cast<int>(raters.size()); ++n) {
            Rating r = n < satisfied           ? Rating::satisfied
                       : n < satisfied + basic ? Rating::basically_satisfied
                                               : Rating::unsatisfied;
            must(store_.rate_reply(task, raters[n], r, at(days)), "rate");
        }
    }

    Store& store() { return store_; }

private:
    Store& store_;
    std::int64_t now_;
    Id council_ = 0;
};

std::vector<Id> range(Id first, Id last) {
    std::vector<Id> out;
    for (Id m = first; m <= last; ++m) out.push_back(m);
    return out;
}
}  // namespace

void play_demo_quarter(Store& store, std::int64_t now) {
    Quarter q(store, now);
    Store& s = q.store();
    const Id council = q.council();
    const Id convenor = q.id_of("demo01");
    const Id wuye = q.id_of("wuye");        // 春晖物业服务中心 (department)
    const Id minzheng = q.id_of("jiedao");  // 城东街道民政办 (department)
    const Id grid = q.id_of("wangge");      // 网格员
    auto m = [&](int n) { return q.id_of(demo_login(n - 1)); };  // demo member n (1-based)

    // 提: issues of the quarter, co-signed onto the list, merged or declined.
    Id meals = q.raise(m(6), 84, "社区增设老年助餐点",
                       "社区60岁以上老人有四百多位，不少是独居或老两口，做饭买菜都吃力。建议在社区"
                       "活动中心开设老年助餐点，中午供应热菜，价格实惠，行动不便的老人能送餐上门。",
                       "为老服务", "全社区");
    q.cosign(meals, {m(2), m(3), m(4), m(8), m(10)}, 83.5);
    Id bumps = q.raise(m(10), 83, "地下车库入口加装减速带和广角镜",
                       "地下车库入口是个急转弯，车速快，看不到对面来车，上个月两辆车差点撞上。"
                       "建议在入口加装减速带和广角镜，并在地面画上让行标线。",
                       "停车", "地下车库");
    q.cosign(bumps, {m(3), m(5), m(7), m(9), m(13)}, 82.5);
    Id playground = q.raise(m(13), 82, "中心花园增设儿童游乐设施",
                            "小区里三到八岁的孩子很多，附近没有可以玩的地方。建议在中心花园东侧"
                            "空地增设滑梯、秋千等儿童游乐设施，铺上软质地面。",
                            "公共设施", "中心花园");
    q.cosign(playground, {m(2), m(5), m(8), m(12), m(15)}, 81.5);
    Id fees = q.raise(m(12), 78, "要求减免本年度物业费",
                      "今年小区电梯坏了好几次，绿化也没人管，物业服务没有做到位，要求减免本年度"
                      "物业费的一半。", "物业", "全社区");
    must(s.decline_issue(fees, convenor,
                         "物业费由业主与物业公司按物业服务合同约定，不属于居民议事会表决的事项；"
                         "已转业主委员会与物业公司协商，服务质量问题可通过议事会提出具体整改议题。",
                         q.at(76)),
         "decline");
    Id lawn = q.raise(m(3), 77, "把中心绿地改建为停车位",
                      "晚上停车位严重不足，建议把中心绿地的一半改成停车位，缓解停车难。", "停车",
                      "中心花园");
    must(s.decline_issue(lawn, convenor,
                         "中心绿地是小区公共绿化，改变用途须经业主大会依法表决并报规划部门审批，"
                         "不在本议事会职权范围内；停车难问题将列入下季度停车专题协商。",
                         q.at(75)),
         "decline");

    // 定: an extraordinary session demanded after the rainstorm (临时会议).
    Id flood = q.raise(m(5), 71, "暴雨后地下室积水，请尽快清淤抽排",
                       "前天暴雨后，4号楼和6号楼地下室积水有半米深，电表箱泡在水里，排水沟被"
                       "淤泥堵死。请尽快组织抽排和清淤，并检查地下室的供电安全。",
                       "安全", "4号楼、6号楼");
    q.cosign(flood, {m(1), m(6), m(7), m(9), m(11)}, 70.8);
    for (int n : {5, 7, 11}) must(s.demand_session(council, m(n), q.at(70.5)), "demand");
    Id extra = must(s.plan_session(council, convenor, SessionKind::extraordinary, q.at(67),
                                   q.at(70.4)),
                    "plan extraordinary")
                   .id;
    must(s.publish_notice(extra, convenor, {{flood, false}}, "汛期排水险情紧急，需尽快决定",
                          q.at(70.3)),
         "notice extraordinary");
    q.open_with(extra, convenor, m(1), m(10), 67);
    Id flood_ballot = q.ballot(extra, convenor, flood, range(m(1), m(10)), 9, 0, 67);
    must(s.close_session(extra, convenor, q.at(66.9)), "close extraordinary");

    // 办/评: the drainage task, answered and rated satisfied, its result published.
    Id drainage = must(s.assign_task(flood_ballot, convenor,
                                     {"春晖物业服务中心", wuye, q.at(60)}, q.at(66.8)),
                       "assign drainage")
                      .task.id;
    must(s.report_progress(drainage, wuye, "已调来两台抽水泵连续抽排，4号楼地下室积水已抽干。",
                           q.at(66)),
         "progress");
    must(s.answer_task(drainage, wuye,
                       "两处地下室积水已全部抽干，清淤排水沟120米，新装止回阀2个，供电公司已检查"
                       "电表箱，恢复正常供电。",
                       q.at(64)),
         "answer drainage");
    q.rate(drainage, range(m(1), m(9)), 6, 2, 63);
    must(s.conclude_rating(drainage, convenor, q.at(62)), "conclude drainage");
    must(s.publish_result(drainage, convenor, 7, q.at(62)), "publish drainage");

    // 议: the meal service's thread, every stance and the department's official reply.
    q.comment(meals, m(2), Stance::support, "我家老伴腿脚不好，做饭很吃力，非常需要助餐点。", 80);
    Id where = q.comment(meals, m(4), Stance::question,
                         "助餐点开在哪里？行动不便的老人能不能送餐上门？", 79.5);
    q.comment(meals, m(9), Stance::neutral, "可以先试点三个月，看看吃的人多不多再定。", 79.4,
              where);
    q.comment(meals, m(11), Stance::oppose,
              "社区经费有限，建议先摸清有多少老人真正需要，再决定开不开。", 79);
    q.comment(meals, minzheng, Stance::neutral,
              "街道对社区助餐点每餐补贴3元，场地可使用社区活动中心一楼，送餐上门可由志愿者"
              "队伍承担。",
              78.5, where, true);
    q.comment(playground, m(14), Stance::oppose, "东侧空地紧挨着3号楼，孩子玩耍声音会影响老人午休。",
              60);
    q.comment(playground, m(15), Stance::support, "可以限定开放时间，中午不开放。", 59.8);

    // 定: the quarter's regular session (季度例会): 11 of 15 sign in, three ballots.
    Id regular = must(s.plan_session(council, convenor, SessionKind::regular, q.at(42), q.at(53)),
                      "plan regular")
                     .id;
    must(s.publish_notice(regular, convenor, {{meals, false}, {bumps, false}, {playground, false}},
                          "", q.at(52)),
         "notice regular");
    q.open_with(regular, convenor, m(1), m(11), 42);
    auto present = range(m(1), m(11));
    Id meals_ballot = q.ballot(regular, convenor, meals, present, 8, 2, 42);  // passed
    q.ballot(regular, convenor, bumps, present, 3, 7, 41.98);                 // failed
    q.ballot(regular, convenor, playground, present, 5, 5, 41.96);            // deferred
    must(s.close_session(regular, convenor, q.at(41.9)), "close regular");

    // 办/评: the meal service, sent back for supervision (督办) once, then done.
    Id meal_task = must(s.assign_task(meals_ballot, convenor, {"城东街道民政办", minzheng, q.at(10)},
                                      q.at(41)),
                        "assign meals")
                       .task.id;
    must(s.report_progress(meal_task, minzheng,
                           "已选定社区活动中心一楼作为助餐点，正在办理食品经营许可。", q.at(35)),
         "progress");
    must(s.answer_task(meal_task, minzheng,
                       "助餐点已开业，每天中午供应两荤两素，60岁以上老人每餐12元。", q.at(25)),
         "answer meals");
    q.rate(meal_task, range(m(2), m(10)), 3, 1, 24);  // 5 of 9 unsatisfied
    must(s.conclude_rating(meal_task, convenor, q.at(22)), "supervise meals");
    must(s.report_progress(meal_task, minzheng, "已与配餐企业重新议价，并组织志愿者送餐。",
                           q.at(20)),
         "progress");
    must(s.answer_task(meal_task, minzheng,
                       "80岁以上老人每餐降为8元，行动不便的老人可预约送餐上门，已有23户登记。",
                       q.at(15)),
         "answer meals again");
    q.rate(meal_task, range(m(2), m(10)), 5, 3, 14);
    must(s.conclude_rating(meal_task, convenor, q.at(12)), "conclude meals");
    must(s.publish_result(meal_task, convenor, 15, q.at(12)), "publish meals");

    // 提: the end of the quarter: a duplicate merged, an issue raised by the grid worker for a
    // resident (代提) and accepted, another co-signed, both on the next session's agenda.
    Id wires = q.raise(m(8), 8, "车棚飞线充电太危险",
                       "3号楼车棚每天晚上都有人从窗户拉线给电动车充电，希望尽快解决。", "安全",
                       "3号楼");
    must(s.merge_issue(wires, convenor, 1, "与“在3号楼车棚加装电动车充电桩”是同一件事，合并办理",
                       q.at(7.5)),
         "merge");
    Id alarms = q.raise(grid, 30, "独居老人家中安装紧急呼叫器",
                        "5号楼周大爷今年八十二岁，一个人住，上个月在家摔倒，第二天才被邻居发现。"
                        "建议给社区独居老人家中安装一键紧急呼叫器，连到社区和家属手机。",
                        "为老服务", "5号楼", m(9));
    must(s.accept_issue(alarms, convenor, q.at(29)), "accept");
    Id sorting = q.raise(m(7), 28, "垃圾分类积分兑换生活用品",
                         "建议实行垃圾分类积分制，正确投放可以积分，每月在社区兑换洗衣液、"
                         "纸巾等生活用品，提高大家分类的积极性。",
                         "环境", "全社区");
    q.cosign(sorting, {m(1), m(3), m(10), m(12), m(14)}, 27);
    Id next = must(s.plan_session(council, convenor, SessionKind::regular,
                                  now + 12 * kDay, q.at(2)),
                   "plan next")
                  .id;
    must(s.publish_notice(next, convenor, {{alarms, false}, {sorting, false}}, "", q.at(2)),
         "notice next");
}

}  // namespace yishi::server
