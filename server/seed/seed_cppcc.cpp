// 演示政协: the demo's CPPCC committee (嵊州市政协) beside 城东街道, its people and departments,
// and the 2020 请你来协商 on urban community governance played from topic to rated replies through
// the store's acts; then two topics of today waiting at their first steps.
#include "yishi/server/seed.hpp"

namespace yishi::server {

namespace {
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

// A refused step means the demo no longer fits the rules: stop loudly, never seed half-wrong.
template <class T>
T must(Result<T> r, const char* step) {
    if (!r) throw StoreError(std::string("demo CPPCC, ") + step + ": " + r.error().code);
    return std::move(r).value();
}

// Unix seconds of a wall-clock time in China Standard Time (UTC+8).
constexpr std::int64_t china_time(int y, int m, int d, int hour, int minute = 0) {
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = era * 146097 + doe - 719468;
    return days * kDay + (hour - 8) * kHour + minute * 60;
}

// When the committee was set up for the demo: before the 2020 topic.
constexpr std::int64_t kFounded = china_time(2020, 1, 6, 9);

struct Person {
    const char* login;
    const char* name;
    CppccPost post;
    int committee;  // index into kCommittees, -1 for none
    const char* title;
};

const char* const kCommittees[3] = {"社会和法制委员会", "经济委员会", "文化文史和学习委员会"};

// In account order: the ids follow the existing demo accounts.
const Person kPeople[] = {
    {"cppcc_chair", "钱立群", CppccPost::chair, -1, "市政协主席"},
    {"cppcc_vice", "孙海燕", CppccPost::vice_chair, 0, "市政协副主席"},
    {"cppcc_vice2", "冯志远", CppccPost::vice_chair, 1, "市政协副主席"},
    {"cppcc01", "周明华", CppccPost::member, 0, "市政协常委、社会和法制委员会主任"},
    {"cppcc02", "吴晓东", CppccPost::member, 0, "市政协委员、市委组织部副部长"},
    {"cppcc03", "林雅琴", CppccPost::member, 2, "市政协委员、市妇联副主席"},
    {"cppcc04", "蒋志刚", CppccPost::member, 0, "市政协委员、市司法局副局长"},
    {"cppcc05", "郑文博", CppccPost::member, 1, "市政协委员、剡溪软件有限公司董事长"},
    {"cppcc06", "王丽华", CppccPost::member, 0, "市政协委员、社会和法制委员会委员"},
    {"cppcc_sec", "徐静", CppccPost::secretariat, -1, "市政协办公室秘书科科长"},
};

// The departments that answer the recommendations, as staff accounts of their own.
struct Unit {
    const char* login;
    const char* name;
};
const Unit kUnits[] = {
    {"zuzhibu", "市委组织部"}, {"zhengfawei", "市委政法委"}, {"minzhengju", "市民政局"},
    {"fulian", "市妇联"},      {"sifaju", "市司法局"},      {"dashuju", "市大数据发展中心"},
};

class CppccDemo {
public:
    CppccDemo(Store& store, const DemoPlaces& places, const std::string& password_hash)
        : s_(store), p_(places), hash_(password_hash) {}

    void build(std::int64_t now) {
        committee();
        people();
        units();
        consultation_2020();
        topics_of_today(now);
    }

private:
    Id id_of(const std::string& login) {
        auto c = s_.credentials(login);
        if (!c) throw StoreError("demo CPPCC: no member " + login);
        return c->member_id;
    }

    Id staff(StaffKind kind, const std::string& name, Id place, const std::string& login) {
        StaffRequest request;
        request.kind = kind;
        request.name = name;
        request.place_id = place;
        std::string code = new_invite_code();
        auto made = must(s_.create_staff(p_.admin, request, sha256_hex(code), kFounded,
                                         kFounded + kActivationCodeSeconds),
                         "staff");
        must(s_.register_member({sha256_hex(code), login, hash_, kFounded}), "staff activation");
        return made.member_id;
    }

    void committee() {
        cppcc_ = must(s_.create_cppcc(p_.admin, p_.street, "嵊州市政协", kFounded), "cppcc").id;
        for (int i = 0; i < 3; ++i)
            committees_[i] =
                must(s_.create_special_committee(p_.admin, cppcc_, kCommittees[i], kFounded),
                     "special committee")
                    .id;
    }

    void people() {
        for (const Person& person : kPeople) {
            Id id = staff(StaffKind::cppcc_member, person.name, p_.street, person.login);
            must(s_.seat_cppcc_member(p_.admin, cppcc_, id, person.post,
                                      person.committee < 0 ? 0 : committees_[person.committee],
                                      person.title, kFounded),
                 "seat");
        }
    }

    void units() {
        for (const Unit& unit : kUnits) {
            Id department = must(s_.create_department(p_.admin, p_.street, unit.name, kFounded),
                                 "department")
                                .id;
            staff(StaffKind::department, unit.name, department, unit.login);
        }
    }

    // --- the 2020 consultation ---
    Id participant(const char* name, const char* title, const char* affiliation,
                   ParticipantKind kind, const char* login, std::int64_t at) {
        ParticipantDraft d{name, title, affiliation, kind, login ? id_of(login) : 0};
        auto v = must(s_.add_participant(sec_, topic_, d, at), "participant");
        return v.consultation.meeting->participants.back().id;
    }
    Id item(ItemKind kind, Id speaker, const char* summary, std::int64_t at, Id to = 0,
            Id answers = 0) {
        ItemDraft d{kind, speaker, summary, to, answers};
        auto v = must(s_.record_item(sec_, topic_, d, at), "item");
        return v.consultation.meeting->items.back().id;
    }
    Id section(const char* heading, const char* body, std::int64_t at) {
        auto v = must(s_.add_section(vice_, topic_, {heading, body}, at), "section");
        return v.consultation.report.back().id;
    }
    Id recommendation(const char* text, std::vector<const char*> proposers, std::vector<Id> items,
                      std::vector<Id> sections, std::int64_t at) {
        RecommendationDraft d{text, {}, std::move(items), std::move(sections)};
        for (const char* login : proposers) d.proposer_ids.push_back(id_of(login));
        auto v = must(s_.add_recommendation(sec_, topic_, d, at), "recommendation");
        return v.recommendations.back().id;
    }
    // Hands a recommendation to a department; returns the task.
    Id hand_over(Id recommendation, const char* unit_login, const char* unit, std::int64_t at,
                 std::int64_t due) {
        auto v = must(s_.hand_over(chair_, recommendation, {unit, id_of(unit_login), due}, at),
                      "hand over");
        for (const auto& r : v.recommendations)
            if (r.id == recommendation) return r.tasks.back().id;
        throw StoreError("demo CPPCC: hand over made no task");
    }
    void position(Id task, const char* unit_login, Adoption a, const char* reason,
                  std::int64_t at, std::int64_t due) {
        must(s_.take_position(task, id_of(unit_login), {a, reason, due}, at), "position");
    }
    void progress(Id task, const char* unit_login, const char* text, std::int64_t at) {
        must(s_.report_progress(task, id_of(unit_login), text, at), "progress");
    }
    void reply(Id task, const char* unit_login, const char* text, std::int64_t at) {
        must(s_.answer_task(task, id_of(unit_login), text, at), "reply");
    }
    void rate(Id task, std::vector<std::pair<const char*, Rating>> ratings, std::int64_t at) {
        for (const auto& [login, rating] : ratings)
            must(s_.rate_reply(task, id_of(login), rating, at), "rating");
        must(s_.conclude_rating(task, chair_, at + kDay), "conclude");
    }

    void consultation_2020();
    void topics_of_today(std::int64_t now);

    Store& s_;
    DemoPlaces p_;
    std::string hash_;
    Id cppcc_ = 0;
    Id committees_[3] = {0, 0, 0};
    Id chair_ = 0, vice_ = 0, sec_ = 0;
    Id topic_ = 0;
};

void CppccDemo::consultation_2020() {
    chair_ = id_of("cppcc_chair");
    vice_ = id_of("cppcc_vice");
    sec_ = id_of("cppcc_sec");

    // 党委点题, then the year's plan with 社会和法制委员会 and the vice-chair.
    TopicDraft topic{
        "加强疫情后城市社区治理，打造县域社会治理共同体",
        "疫情防控中，社区是联防联控的第一线，也暴露出社区规模不均、职责不清、网格力量不足、"
        "信息多头采集等短板。市委点题，请市政协围绕疫情后如何加强城市社区治理、推动形成县域"
        "社会治理共同体开展专题调研和协商，提出可操作的意见建议。",
        TopicSource::party_committee};
    topic_ = must(s_.propose_topic(chair_, cppcc_, topic, china_time(2020, 1, 10, 10)), "topic")
                 .consultation.id;
    must(s_.plan_topic(chair_, topic_, {2020, committees_[0], vice_}, china_time(2020, 1, 20, 10)),
         "plan");

    // 调研: the vice-chair's group, March to May, at communities and the big-data centre.
    must(s_.set_research_group(vice_, topic_,
                               {{vice_, "", true},
                                {id_of("cppcc01"), "", false},
                                {id_of("cppcc05"), "", false},
                                {id_of("cppcc06"), "", false}},
                               china_time(2020, 3, 2, 9)),
         "research group");
    const VisitDraft visits[] = {
        {"2020-03-18", "剡湖街道城中社区",
         "与社区书记、网格员座谈。社区常住人口一万二千余人，只有九名专职社工，疫情期间每名网格员"
         "要联系六百多户，排查主要靠电话和上门，数据手工汇总，常常一天要报五六张表。",
         "座谈记录；社区工作事项清单（复印件）"},
        {"2020-04-09", "三江街道江滨社区",
         "查看小区党支部和物业、业委会的协作情况。新建小区物业矛盾集中，业委会成立难；居民议事会"
         "每季度开一次，议题多为停车、充电、保洁。",
         "居民议事会会议记录两份"},
        {"2020-04-22", "市大数据发展中心",
         "了解疫情期间的数据支撑。公安、卫健、民政等十余个系统各自采集社区数据，口径不一，社区"
         "无法直接调用；抗疫期间建成的人员台账有保留价值。",
         "各系统社区数据项对照表"},
        {"2020-05-14", "鹿山街道城南社区",
         "走访社工站和志愿服务队，听取居民代表意见。老年人助餐、邻里纠纷调解需求大，社会组织"
         "缺少稳定经费，法律顾问每月到社区半天，补贴偏低。",
         "居民代表意见汇总"},
    };
    const std::int64_t noted[] = {china_time(2020, 3, 18, 17), china_time(2020, 4, 9, 17),
                                  china_time(2020, 4, 22, 17), china_time(2020, 5, 14, 17)};
    for (int i = 0; i < 4; ++i) must(s_.add_visit(vice_, topic_, visits[i], noted[i]), "visit");
    const Id s_situation = section(
        "一、基本情况",
        "全市现有城市社区四十余个，社区规模从两千人到一万五千人不等。疫情防控期间，各社区依托"
        "网格开展排查、值守和服务，机关党员下沉社区，志愿者队伍迅速组建，为打赢疫情防控阻击战"
        "发挥了关键作用。",
        china_time(2020, 5, 25, 10));
    const Id s_problems = section(
        "二、存在的问题",
        "一是统筹不够，街道、部门和社区之间职责边界不清，社区承担的事项过多；二是网格偏大，"
        "网格员多为兼职，待遇低、流动快；三是居民参与不足，议事协商制度化程度不高；四是社会组织"
        "和社会工作力量薄弱；五是数据多头采集、不能共享，基层重复填表。",
        china_time(2020, 5, 26, 10));
    const Id s_elsewhere = section(
        "三、外地经验",
        "一些地方建立“一口收集、一体指挥、一支队伍执法”的基层治理机制，推行社区工作准入清单，"
        "在小区建立党支部并推动党员到社区报到，以街道社工站为支点培育社区社会组织，效果明显。",
        china_time(2020, 5, 27, 10));
    const Id s_proposals = section(
        "四、对策建议",
        "从顶层设计、党建引领共建、居民自治与季度协商、社区服务、体制机制与协同、智慧治理六个"
        "方面发力，推动形成共建共治共享的县域社会治理共同体。",
        china_time(2020, 5, 28, 10));

    // 专题协商会, 24 June, afternoon.
    must(s_.schedule_meeting(sec_, topic_, {"2020-06-24", "市行政中心三楼第一会议室", "钱立群"},
                             china_time(2020, 6, 18, 10)),
         "meeting");
    const std::int64_t prep = china_time(2020, 6, 24, 14);
    const Id secretary = participant("沈建中", "市委书记", "中共嵊州市委", ParticipantKind::leader,
                                     nullptr, prep);
    const Id chair = participant("钱立群", "市政协主席", "嵊州市政协", ParticipantKind::member,
                                 "cppcc_chair", prep);
    const Id vice = participant("孙海燕", "市政协副主席", "嵊州市政协", ParticipantKind::member,
                                "cppcc_vice", prep);
    const Id zhou = participant("周明华", "市政协常委、社会和法制委员会主任", "嵊州市政协",
                                ParticipantKind::member, "cppcc01", prep);
    const Id wu = participant("吴晓东", "市政协委员、副部长", "市委组织部",
                              ParticipantKind::member, "cppcc02", prep);
    const Id chen = participant("陈国梁", "常务副书记", "市委政法委",
                                ParticipantKind::department_head, nullptr, prep);
    const Id he = participant("何建平", "局长", "市民政局", ParticipantKind::department_head,
                              nullptr, prep);
    const Id lin = participant("林雅琴", "市政协委员、副主席", "市妇联", ParticipantKind::member,
                               "cppcc03", prep);
    const Id jiang = participant("蒋志刚", "市政协委员、副局长", "市司法局",
                                 ParticipantKind::member, "cppcc04", prep);
    const Id zheng = participant("郑文博", "市政协委员、董事长", "剡溪软件有限公司",
                                 ParticipantKind::member, "cppcc05", prep);
    participant("王丽华", "市政协委员", "嵊州市政协", ParticipantKind::member, "cppcc06", prep);
    participant("李建国", "居民议事会召集人", "城东街道春晖社区", ParticipantKind::resident,
                nullptr, prep);

    std::int64_t t = china_time(2020, 6, 24, 14, 30);
    auto next = [&t](int minutes) { return t += minutes * 60; };
    item(ItemKind::opening, secretary,
         "今天来听取市政协关于城市社区治理的专题调研成果，和大家一起协商。社区治理是基层治理的"
         "基础，疫情防控让我们看清了社区的分量，也看到了短板。请大家直说问题、多提实招。",
         t);
    item(ItemKind::opening, chair,
         "请你来协商是市政协履职的重要平台。这个题目是市委点的题，调研组三个多月走了十多个社区"
         "和部门。今天委员和部门面对面，希望把意见谈透，把建议提实，会后形成成果报送市委市政府。",
         next(8));
    const Id keynote = item(
        ItemKind::keynote, vice,
        "代表调研组作专题发言，从六个方向提出建议：一是加强顶层设计，制定社区治理的总体规划；"
        "二是坚持党建引领、共驻共建；三是推进居民自治，每季度定期开展协商活动；四是完善社区服务"
        "体系；五是理顺体制机制，加强部门协同；六是推进智慧治理，让数据多跑路、基层少填表。",
        next(10));
    const Id sp_zhou = item(
        ItemKind::speech, zhou,
        "建议强化党委统筹，建立“一口收集、一体指挥、一支队伍执法”的运行机制，群众诉求一个口子"
        "进、一个平台派；同时制定社区工作准入清单，厘清街道、部门和社区的职责。",
        next(15));
    const Id sp_wu = item(
        ItemKind::speech, wu,
        "建议推进社区党建标准化，建立机关和在职党员到社区报到、认领服务项目的机制，在有条件的"
        "住宅小区建立党支部，把党的组织延伸到楼道。",
        next(7));
    const Id sp_chen = item(
        ItemKind::speech, chen,
        "建议把城区网格划小，每格控制在三百户左右；配强专职网格员，建立与工作量挂钩的薪酬"
        "保障；把雪亮工程视频监控网络延伸到小区出入口。",
        next(7));
    const Id q_zheng = item(
        ItemKind::question, zheng,
        "视频网络延伸到小区后，画面和数据能否向社区开放，用于独居老人关爱等日常服务？", next(6),
        chen);
    const Id sp_he = item(
        ItemKind::speech, he,
        "建议优化社区规模和布局，超过一万人的社区适时拆分；制定社区服务标准；设立社会组织发展"
        "资金；到二〇二二年底每个乡镇（街道）都建成社会工作站，全市持证社会工作者达到八千名。",
        next(6));
    item(ItemKind::answer, chen,
         "可以分级开放。涉及个人隐私的画面严格管控，社区经授权可以调阅辖区公共区域画面，关爱"
         "独居老人的预警信息由平台推送给网格员。",
         next(5), 0, q_zheng);
    const Id q_zhou = item(ItemKind::question, zhou,
                           "社工站建起来以后，人从哪里来、经费怎么保障？", next(3), he);
    const Id a_he = item(
        ItemKind::answer, he,
        "人员通过政府购买服务和公开招聘相结合解决，经费列入财政预算，并从福彩公益金中安排一部分；"
        "同时鼓励社区工作者考取社工证，给予持证津贴。",
        next(4), 0, q_zhou);
    const Id sp_lin = item(
        ItemKind::speech, lin,
        "建议建立群团组织联席会议制度，建设群团服务中心，建立网格化联系服务群众机制，推行群众"
        "需求月报制，每月汇总居民诉求，按类别分析、按网格交办。",
        next(6));
    const Id sp_jiang = item(
        ItemKind::speech, jiang,
        "建议出台住宅小区物业管理办法，提高社区法律顾问补贴，推动人大代表、政协委员联系社区，"
        "建立物业服务企业考评和退出机制。",
        next(7));
    const Id sp_zheng = item(
        ItemKind::speech, zheng,
        "建议社区数据“一个入口、一张网”，各部门不再各自向社区要数据；推广数字化民情日记；以抗疫"
        "期间建立的人员台账为基础建设社区基础数据库。",
        next(7));
    item(ItemKind::concluding, secretary,
         "大家的发言有调研、有数据、有建议，很有分量。市委将认真研究吸收这次协商的成果，请"
         "有关部门逐条对照、抓好落实，市政协要跟踪督办，年底前把办理情况向社会公开。",
         next(8));
    must(s_.close_meeting(sec_, topic_, next(10)), "close meeting");

    // 协商成果: eight recommendations, each traced to what supports it.
    const std::int64_t drafted = china_time(2020, 7, 2, 10);
    const Id r1 = recommendation(
        "强化党委统筹，建立“一口收集、一体指挥、一支队伍执法”的基层治理机制，制定社区工作准入"
        "清单，厘清街道、部门和社区职责。",
        {"cppcc01", "cppcc_vice"}, {keynote, sp_zhou}, {s_problems, s_elsewhere}, drafted);
    const Id r2 = recommendation(
        "推进社区党建标准化，落实在职党员到社区报到、认领服务项目，在住宅小区建立党支部。",
        {"cppcc02"}, {sp_wu}, {s_elsewhere}, drafted + 600);
    const Id r3 = recommendation(
        "城区网格划小到三百户左右，配强专职网格员并建立薪酬保障，视频网络延伸到小区并分级向社区"
        "开放。",
        {"cppcc01", "cppcc05"}, {sp_chen, q_zheng}, {s_problems}, drafted + 1200);
    const Id r4 = recommendation(
        "优化社区规模布局，制定社区服务标准，设立社会组织发展资金；二〇二二年底前乡镇（街道）"
        "社会工作站全覆盖，持证社会工作者达到八千名。",
        {"cppcc_vice", "cppcc06"}, {sp_he, q_zhou, a_he}, {s_situation, s_problems},
        drafted + 1800);
    const Id r5 = recommendation(
        "建立群团组织联席会议和群团服务中心，建立网格化服务群众机制，推行群众需求月报制。",
        {"cppcc03"}, {sp_lin}, {}, drafted + 2400);
    const Id r6 = recommendation(
        "出台住宅小区物业管理办法，提高社区法律顾问补贴，推动代表委员联系社区，建立物业服务企业"
        "考评和退出机制。",
        {"cppcc04", "cppcc01"}, {sp_jiang}, {s_problems}, drafted + 3000);
    const Id r7 = recommendation(
        "社区数据“一个入口、一张网”，推广数字化民情日记，以抗疫人员台账为基础建设社区基础"
        "数据库。",
        {"cppcc05"}, {sp_zheng, keynote}, {s_problems}, drafted + 3600);
    const Id r8 = recommendation(
        "推进居民自治，社区每季度定期开展协商活动，完善居民议事会议事规则，议定事项交办、督办、"
        "公开。",
        {"cppcc_vice", "cppcc06"}, {keynote}, {s_proposals}, drafted + 4200);

    // 报送 to the party committee and the government.
    must(s_.send_outcome(sec_, topic_, {"中共嵊州市委", "2020-07-08", "市委办公室 陆文"},
                         china_time(2020, 7, 8, 15)),
         "send");
    must(s_.send_outcome(sec_, topic_, {"嵊州市人民政府", "2020-07-08", "市政府办公室 高燕"},
                         china_time(2020, 7, 8, 16)),
         "send");

    // 交办 on 15 July, due in three months; positions within two weeks.
    const std::int64_t handed = china_time(2020, 7, 15, 10);
    const std::int64_t due = china_time(2020, 10, 15, 18);
    const Id t1 = hand_over(r1, "zhengfawei", "市委政法委", handed, due);
    const Id t2 = hand_over(r2, "zuzhibu", "市委组织部", handed + 60, due);
    const Id t3 = hand_over(r3, "zhengfawei", "市委政法委", handed + 120, due);
    const Id t4 = hand_over(r4, "minzhengju", "市民政局", handed + 180, due);
    const Id t5 = hand_over(r5, "fulian", "市妇联", handed + 240, due);
    const Id t6 = hand_over(r6, "sifaju", "市司法局", handed + 300, due);
    const Id t7 = hand_over(r7, "dashuju", "市大数据发展中心", handed + 360, due);
    const Id t8a = hand_over(r8, "minzhengju", "市民政局", handed + 420, due);
    const Id t8b = hand_over(r8, "jiedao", "城东街道民政办", handed + 480, due);

    const std::int64_t stated = china_time(2020, 7, 28, 10);
    position(t1, "zhengfawei", Adoption::adopted,
             "符合市域社会治理现代化试点要求，已列入今年重点工作，由市社会治理中心牵头落实。",
             stated, due);
    position(t2, "zuzhibu", Adoption::adopted,
             "与“红色物业”和在职党员“双报到”工作一并推进。", stated + 60, due);
    position(t3, "zhengfawei", Adoption::partly,
             "网格划小和视频延伸予以采纳；专职网格员薪酬标准涉及财政承受能力，先在城区试行，"
             "全面推开另行研究。",
             stated + 120, due);
    position(t4, "minzhengju", Adoption::adopted,
             "已纳入民政事业发展规划，社工站建设列入年度民生实事。", stated + 180, due);
    position(t5, "fulian", Adoption::adopted,
             "联席会议由市妇联牵头，工会、团市委、科协等参加，群众需求月报与网格工作同步推行。",
             stated + 240, due);
    position(t6, "sifaju", Adoption::partly,
             "法律顾问补贴提高和代表委员联系社区予以采纳；物业管理办法属市住建局职责，已转请其"
             "研究。",
             stated + 300, due);
    position(t7, "dashuju", Adoption::not_adopted,
             "省里统一建设基层治理数字化平台，县级不再单独建设社区基础数据库，社区数据经省平台"
             "回流共享。",
             stated + 360, due);
    position(t8a, "minzhengju", Adoption::adopted, "修订社区居民议事会议事规则，明确季度协商。",
             stated + 420, due);
    position(t8b, "jiedao", Adoption::adopted, "街道各社区按季度开展协商，议定事项在平台公开。",
             stated + 480, due);

    progress(t1, "zhengfawei", "市社会治理中心已挂牌运行，十二个部门人员入驻。",
             china_time(2020, 8, 20, 10));
    reply(t1, "zhengfawei",
          "“一口收集、一体指挥、一支队伍执法”机制已在城区运行，社区工作准入清单经市委办、市府办"
          "印发，清理社区承担事项四十三项。",
          china_time(2020, 10, 9, 10));
    rate(t1, {{"cppcc01", Rating::satisfied}, {"cppcc_vice", Rating::satisfied}},
         china_time(2020, 10, 20, 10));

    reply(t2, "zuzhibu",
          "两千三百余名在职党员到社区报到，认领服务项目四千余个；新建小区党支部二十一个。",
          china_time(2020, 10, 12, 10));
    rate(t2, {{"cppcc02", Rating::satisfied}}, china_time(2020, 10, 20, 11));

    progress(t3, "zhengfawei", "城区网格由一百一十个调整为二百零六个。",
             china_time(2020, 9, 10, 10));
    reply(t3, "zhengfawei",
          "城区网格调整完成，平均每格三百户；视频监控已接入八十个小区出入口，社区可分级调阅；"
          "专职网格员薪酬在两个街道试行。",
          china_time(2020, 10, 28, 10));  // after the due date
    rate(t3, {{"cppcc01", Rating::basically_satisfied}, {"cppcc05", Rating::satisfied}},
         china_time(2020, 11, 5, 10));

    progress(t4, "minzhengju", "首批五个乡镇（街道）社工站建成运行。",
             china_time(2020, 9, 15, 10));
    reply(t4, "minzhengju",
          "印发社区服务标准，设立社会组织发展资金二百万元；社工站三年建设计划已经市政府常务会议"
          "通过，今年建成九个。",
          china_time(2020, 10, 13, 10));
    rate(t4, {{"cppcc_vice", Rating::satisfied}, {"cppcc06", Rating::basically_satisfied}},
         china_time(2020, 10, 20, 12));

    reply(t5, "fulian", "群团联席会议已召开两次，群团服务中心建成；群众需求月报在四个街道推行。",
          china_time(2020, 10, 10, 10));
    rate(t5, {{"cppcc03", Rating::satisfied}}, china_time(2020, 10, 20, 13));

    // The unsatisfied majority sends 市司法局's reply back (督办).
    reply(t6, "sifaju", "社区法律顾问补贴已提高；物业管理办法已转市住建局研究。",
          china_time(2020, 10, 14, 10));
    rate(t6, {{"cppcc04", Rating::unsatisfied}, {"cppcc01", Rating::unsatisfied}},
         china_time(2020, 10, 22, 10));

    reply(t7, "dashuju",
          "社区数据已通过省基层治理平台回流，社区可查询人口、房屋等十二类数据；数字民情日记"
          "在两个社区试点。",
          china_time(2020, 10, 15, 9));
    rate(t7, {{"cppcc05", Rating::basically_satisfied}}, china_time(2020, 10, 22, 11));

    reply(t8a, "minzhengju", "议事规则修订稿已征求意见，明确社区每季度至少开展一次协商。",
          china_time(2020, 10, 14, 15));
    rate(t8a, {{"cppcc_vice", Rating::satisfied}, {"cppcc06", Rating::satisfied}},
         china_time(2020, 10, 22, 12));
    // 城东街道民政办's reply waits for its proposers' rating.
    reply(t8b, "jiedao", "街道六个社区均已建立季度协商制度，三季度共协商议题十八项，结果在平台公开。",
          china_time(2020, 10, 15, 15));

    must(s_.publish_consultation(chair_, topic_, china_time(2020, 12, 18, 10)), "publish");
}

// Today: a member's topic in research for this year's plan, and the community's charging-point
// issue recommended by its council's convenor, waiting to be planned.
void CppccDemo::topics_of_today(std::int64_t now) {
    const Id member = id_of("cppcc01");
    const Id vice2 = id_of("cppcc_vice2");
    TopicDraft lifts{"加快老旧小区加装电梯",
                     "老旧小区多为六层以下住宅，老年住户上下楼难。加装电梯涉及费用分摊、低层住户"
                     "意见和管线迁移，建议政协开展协商，推动形成可复制的办法。",
                     TopicSource::members};
    const Id topic =
        must(s_.propose_topic(member, cppcc_, lifts, now - 20 * kDay), "topic of today")
            .consultation.id;
    must(s_.plan_topic(chair_, topic, {2026, committees_[1], vice2}, now - 18 * kDay),
         "plan of today");
    must(s_.set_research_group(vice2, topic,
                               {{vice2, "", true}, {member, "", false}, {id_of("cppcc06"), "", false}},
                               now - 15 * kDay),
         "research group of today");
    // The charging-point issue (在3号楼车棚加装电动车充电桩) is the demo council's first; its
    // convenor demo01 recommends it, so the committee holds a 群众荐题 topic.
    must(s_.recommend_issue(id_of(demo_login(0)), 1, cppcc_, now - 2 * kDay), "recommend issue");
}
}  // namespace

std::vector<DemoLogin> demo_cppcc_logins() {
    std::vector<DemoLogin> out;
    for (const Person& person : kPeople) out.push_back({person.login, person.name, to_string(person.post)});
    for (const Unit& unit : kUnits) out.push_back({unit.login, unit.name, "department"});
    return out;
}

void seed_demo_cppcc(Store& store, const DemoPlaces& places, const std::string& password_hash,
                     std::int64_t now) {
    CppccDemo(store, places, password_hash).build(now);
}

}  // namespace yishi::server
