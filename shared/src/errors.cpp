// The table of error codes: HTTP status and the Chinese message shown to users.
#include "yishi/errors.hpp"

#include <map>
#include <vector>

namespace yishi {

namespace {
struct Entry {
    int status;
    const char* message;  // "{f}" is replaced by the field's Chinese name
};

const std::map<std::string, Entry>& table() {
    static const std::map<std::string, Entry> t = {
        {"not_found", {404, "找不到请求的内容"}},
        {"method_not_allowed", {405, "不支持该请求方法"}},
        {"bad_json", {400, "请求格式错误：不是有效的 JSON"}},
        {"missing_field", {400, "缺少字段：{f}"}},
        {"wrong_type", {400, "字段类型错误：{f}"}},
        {"empty_text", {400, "{f}不能为空"}},
        {"too_long", {400, "{f}超出长度限制"}},
        {"bad_utf8", {400, "{f}含有无效的字符编码（需要 UTF-8）"}},
        {"bad_character", {400, "{f}含有不允许的控制字符，请删除后重试"}},
        {"line_break", {400, "{f}只能写一行，不能换行"}},
        {"bad_id", {400, "编号无效：{f}"}},
        {"unauthorized", {401, "请先登录"}},
        {"bad_credentials", {401, "账号或密码错误"}},
        {"forbidden", {403, "您不是该议事会的成员，无权操作"}},
        {"own_issue", {409, "不能附议自己提出的议题"}},
        {"already_cosigned", {409, "您已经附议过该议题"}},
        {"not_open_for_cosign", {409, "该议题已不在征集附议阶段"}},
        // The council flow (提 → 议 → 定 → 办 → 评).
        {"not_convenor", {403, "只有召集人可以进行此操作"}},
        {"not_grid_worker", {403, "只有网格员可以代居民提出议题"}},
        {"behalf_twice", {400, "代提时请选择有账号的居民，或填写没有账号的居民姓名，只能二选一"}},
        {"not_department", {403, "只有职能部门可以发表正式答复"}},
        {"not_author", {403, "只能修改自己发表的内容"}},
        {"not_responsible", {403, "只有责任单位可以填报办理进展和答复"}},
        {"not_eligible", {403, "您不在本次表决（评价）的名单中，无权参与"}},
        {"wrong_stage", {409, "议题当前所处阶段不允许此操作"}},
        {"bad_merge_target", {409, "不能合并到该议题：须为本议事会另一个未关闭的议题"}},
        {"thread_closed", {409, "该议题的讨论已关闭"}},
        {"reply_to_reply", {409, "只能回复主评论，不能回复他人的回复"}},
        {"comment_hidden", {409, "该评论已被隐藏"}},
        {"bad_rules", {400, "议事规则设置无效：{f}"}},
        {"bad_time", {400, "时间无效：{f}"}},
        {"bad_period", {400, "公示期无效：{f}"}},
        {"already_demanded", {409, "您已提议过召开临时会议"}},
        {"demand_insufficient", {409, "提议召开临时会议的成员人数未达到规定比例"}},
        {"empty_agenda", {400, "会议议程不能为空"}},
        {"notice_too_short", {409, "会议通知发布时间不足规定天数；如确需召开，请填写理由"}},
        {"not_on_agenda", {409, "该议题不在会议议程中"}},
        {"wrong_session_state", {409, "会议当前状态不允许此操作"}},
        {"too_early", {409, "会议尚未到开始时间"}},
        {"already_signed_in", {409, "您已签到"}},
        {"nobody_present", {409, "尚无成员签到，不能开始表决"}},
        {"ballot_exists", {409, "该议程事项已经表决过"}},
        {"ballot_still_open", {409, "还有表决尚未结束"}},
        {"ballot_closed", {409, "表决未开放或已结束"}},
        {"ballot_deadline_passed", {409, "投票已截止，等待召集人结束表决并计票"}},
        {"already_voted", {409, "您已投过票，每人只计一票"}},
        {"not_passed", {409, "只有表决通过的事项才能交办"}},
        {"wrong_task_state", {409, "交办事项当前状态不允许此操作"}},
        {"already_rated", {409, "您已评价过本次答复"}},
        {"payload_too_large", {413, "请求内容过大（上限 1 MiB）"}},
        {"length_required", {411, "不接受分块传输的请求，请注明内容长度"}},
        {"rate_limited", {429, "尝试次数过多，请稍后再试"}},
        // refused by the gate in front of the API, before a request reaches it
        {"bad_request", {400, "请求格式错误：请求行或请求头无效"}},
        {"headers_too_large", {431, "请求头过大（最多 100 行、共 16 KiB）"}},
        {"request_timeout", {408, "请求发送超时，请检查网络后重试"}},
        {"too_many_connections", {429, "来自同一地址的连接过多，请稍后再试"}},
        {"server_busy", {503, "服务器繁忙，请稍后再试"}},
        {"gate_required", {403, "请通过服务器的公开地址访问"}},
        // accounts by invite code (邀请码)
        {"bad_login", {400, "账号需为 3–32 位小写英文字母、数字或下划线"}},
        {"bad_password", {400, "密码长度需为 8–128 个字符"}},
        {"login_taken", {409, "该账号已被使用，请换一个"}},
        {"invite_invalid", {400, "邀请码无效，请核对后重新输入"}},
        {"invite_used", {410, "该邀请码已经使用过，请向社区申请新的邀请码"}},
        {"invite_expired", {410, "该邀请码已过期，请向社区申请新的邀请码"}},
        {"invite_not_allowed", {403, "只有召集人或管理员可以发放邀请码"}},
        // administration (管理): first start, the tree, staff, codes and deactivation
        {"not_admin", {403, "只有管理员可以进行此操作"}},
        {"outside_scope", {403, "超出您的管理范围"}},
        {"setup_code_invalid", {403, "初始设置码无效，请使用服务器启动时显示的链接"}},
        {"setup_done", {409, "已完成初始设置，请直接登录"}},
        {"name_taken", {409, "{f}已存在，请换一个名称"}},
        {"bad_kind", {400, "类型无效：{f}"}},
        {"bad_role", {400, "角色无效：{f}"}},
        {"code_invalid", {400, "验证码无效，请核对后重新输入"}},
        {"code_used", {410, "该验证码已经使用过，请向社区申请新的验证码"}},
        {"code_expired", {410, "该验证码已过期，请向社区申请新的验证码"}},
        {"member_inactive", {403, "该账号已停用，如有疑问请联系社区"}},
        {"already_inactive", {409, "该成员已经停用"}},
        {"already_activated", {409, "该成员已激活账号，请改用重置密码"}},
        // bulletins (计票公告) recounted offline: the field is a path such as ballots[3].choice
        {"bad_bulletin", {400, "计票公告格式错误：{f}"}},
        {"bad_bulletin_json", {400, "计票公告不是有效的 JSON"}},
        {"unknown_method", {400, "未知的表决方式：{f}"}},
        {"unknown_option", {400, "未知选项：{f}"}},
        {"unknown_preset", {400, "未知的表决规则：{f}"}},
        {"bad_decimal", {400, "数值格式错误，须为最多两位小数的非负数（如 \"88.20\"）：{f}"}},
        {"negative_count", {400, "票数不能为负数：{f}"}},
        {"bad_count", {400, "票数须为不小于 0 的整数：{f}"}},
        {"present_too_small", {400, "出席人数少于选票张数：{f}"}},
        {"too_many_choices", {400, "所选项目超过允许的数量：{f}"}},
        {"duplicate_option", {400, "选项重复：{f}"}},
        {"duplicate_receipt", {400, "回执码重复：{f}"}},
        {"exceeds_electorate", {400, "参与人数或面积超过全体：{f}"}},
        {"number_too_large", {400, "数值过大：{f}"}},
        // ballot methods, voting units, secret ballots and tellers
        {"bad_ballot", {400, "表决设置无效：{f}"}},
        {"household_voted", {409, "您所在的户已有成员投票，每户只计一票"}},
        {"not_teller", {403, "只有本次表决指定的计票员可以录入纸质票数"}},
        {"paper_counts_disagree", {409, "两位计票员录入的纸质票数尚未一致，不能结束表决"}},
        {"bulletin_not_published", {409, "表决尚未结束，计票公告还未公布"}},
        // residents' roster (花名册) files and the floor areas they declare
        {"bad_floor_area", {400, "建筑面积格式无效：须为正数，最多两位小数，如 88.20（平方米）"}},
        {"bad_encoding", {400, "文件编码无法识别：请另存为 UTF-8 或 GB18030（GBK）编码的 CSV"}},
        {"bad_csv", {400, "CSV 文件格式错误：文件为空或没有表头"}},
        {"missing_column", {400, "花名册缺少“姓名”列，请检查表头"}},
        {"too_many_rows", {400, "花名册行数过多（每次最多 20000 行），请分批导入"}},
        {"missing_name", {400, "缺少姓名"}},
        {"bad_name", {400, "姓名无效"}},
        {"bad_phone", {400, "手机号格式无效：须为 11 位手机号或固定电话号码"}},
        {"duplicate_member", {400, "同一户中姓名重复"}},
        // CPPCC consultations (请你来协商); wrong_stage and not_department serve here too
        {"not_seated", {403, "你不是本届政协委员"}},
        {"not_recorder", {403, "只有秘书处或主席、副主席可以记录（调研记录也可由调研组成员填写）"}},
        {"not_leader", {403, "只有主席、副主席可以这样做"}},
        {"bad_date", {400, "日期应为 YYYY-MM-DD（2000–2100 年的真实日期）：{f}"}},
        {"bad_research_group", {400, "调研组须有成员且只有一位组长，成员都须是本届政协委员，不能重复：{f}"}},
        {"bad_participant", {400, "须为本次会议的另一位参会人员：{f}"}},
        {"bad_item", {400, "会议记录项无效（回答须对应本次会议的提问，其他发言不能关联）：{f}"}},
        {"already_answered", {409, "这个提问已经记录过回答"}},
        {"empty_meeting", {409, "会议还没有任何记录，不能结束"}},
        {"bad_proposer", {400, "提出建议的委员须是本届政协委员，至少一位，不能重复：{f}"}},
        {"bad_source", {400, "建议的依据必须是本次协商的发言或调研报告章节：{f}"}},
        {"not_proposer", {403, "只有提出建议的委员可以评价"}},
        {"already_recommended", {409, "这个议题已经推荐给政协"}},
        {"no_recommendations", {409, "还没有协商建议，不能报送"}},
        // the accountability board and exports
        {"bad_filter", {400, "筛选条件无效：{f}"}},
        {"missing_scope", {400, "请指定街道（street）或社区（community）"}},
        {"not_department_staff", {403, "只有责任单位的工作人员可以查看本单位台账"}},
        {"secret_roll", {409, "无记名表决不提供投票名单"}},
        {"internal", {500, "服务器内部错误，请稍后再试"}},
    };
    return t;
}
}  // namespace

std::string field_label(const std::string& field) {
    static const std::map<std::string, std::string> names = {
        {"title", "标题"},   {"body", "内容"},       {"login", "账号"},
        {"password", "密码"}, {"issue_id", "议题编号"}, {"council_id", "议事会编号"},
        {"name", "姓名"},     {"code", "邀请码"},
        // the council flow
        {"reason", "理由"},   {"category", "类别"},   {"tag", "网格/楼栋"},
        {"on_behalf_of", "代提对象"},      {"parent_id", "被回复的评论"},
        {"raised_for_name", "居民姓名"},   {"raised_for_household", "居民户号"},
        {"starts_at", "开始时间"},         {"due_at", "办理期限"},
        {"responsible_unit", "责任单位"},  {"responsible_member_id", "责任人"},
        {"days", "公示天数"},              {"quorum", "法定人数规则"},
        {"pass", "表决通过规则"},          {"pass_special", "特别事项通过规则"},
        {"demand", "提议召开临时会议的比例"}, {"cosign_threshold", "附议门槛"},
        {"notice_days", "通知提前天数"},   {"defer_margin", "暂缓决策差距"},
        {"kind", "类型"},                  {"member_id", "成员"},
        // ballots of every method, paper counts and bulletins
        {"method", "表决方式"},   {"options", "选项"},       {"max_choices", "最多可选项数"},
        {"budget", "预算总额"},   {"costs", "项目费用"},     {"unit", "计票单位"},
        {"secret", "无记名"},     {"tellers", "计票员"},     {"counts", "纸质票数"},
        {"choice", "所投选项"},   {"approve", "赞成的项目"}, {"ranking", "排序"},
        {"ballots", "选票"},      {"present", "出席人数"},   {"electorate", "全体人数"},
        {"rule", "表决规则"},     {"closes_at", "投票截止时间"},
        {"household", "户号"},
        // administration
        {"street", "街道名称"},   {"community", "社区名称"}, {"street_id", "街道"},
        {"community_id", "社区"}, {"department_id", "责任单位"}, {"grid_id", "网格"},
        {"role", "角色"},         {"member_ids", "成员"},
        // CPPCC consultations
        {"cppcc_id", "政协"},     {"year", "年度"},         {"committee_id", "专委会"},
        {"lead_vice_chair_id", "牵头副主席"}, {"members", "调研组成员"},
        {"visited_on", "调研日期"}, {"place", "地点"},      {"notes", "调研记录"},
        {"attachment", "附件"},   {"heading", "章节标题"},  {"held_on", "会议日期"},
        {"chair", "主持人"},      {"affiliation", "单位"},  {"speaker_id", "发言人"},
        {"summary", "发言摘要"},  {"to_participant_id", "提问对象"},
        {"answers_item_id", "所回答的提问"}, {"text", "建议内容"},
        {"proposer_ids", "提出建议的委员"}, {"item_ids", "依据的发言"},
        {"section_ids", "依据的报告章节"}, {"recipient", "报送对象"}, {"sent_on", "报送日期"},
        {"received_by", "接收人"}, {"recommendation_id", "建议"}, {"adoption", "采纳情况"},
        {"post", "职务"},
        // notifications
        {"ids", "消息编号"}, {"all", "全部已读"}, {"kinds", "消息类型设置"}, {"url", "消息推送地址"},
    };
    if (field.empty()) return "请求";
    if (auto it = names.find(field); it != names.end()) return it->second;
    // One step inside a known field: "costs.路灯" → 项目费用（路灯）, "approve[1]" → 赞成的项目（第 2 项）,
    // "ranking[0][2]" → 排序（第 1 组第 3 项）. Deeper paths stay as they are, to name the spot.
    auto cut = field.find_first_of(".[");
    if (cut == std::string::npos || cut == 0) return field;
    auto head = names.find(field.substr(0, cut));
    if (head == names.end()) return field;
    std::string rest = field.substr(cut + 1);
    if (field[cut] == '[') {
        std::vector<std::size_t> at;
        std::size_t i = 0;
        while (i < rest.size()) {
            std::size_t n = 0, digits = 0;
            while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && digits < 7)
                n = n * 10 + static_cast<std::size_t>(rest[i++] - '0'), ++digits;
            if (digits == 0 || i >= rest.size() || rest[i] != ']') return field;
            at.push_back(n + 1);
            if (++i == rest.size()) break;
            if (rest[i] != '[') return field;
            ++i;
        }
        if (at.empty() || at.size() > 2) return field;
        rest = at.size() == 1 ? "第 " + std::to_string(at[0]) + " 项"
                              : "第 " + std::to_string(at[0]) + " 组第 " + std::to_string(at[1]) + " 项";
    } else if (rest.find_first_of(".[") != std::string::npos) {
        return field;
    } else if (rest == "yes" || rest == "no" || rest == "abstain") {
        rest = rest == "yes" ? "赞成" : rest == "no" ? "反对" : "弃权";
    }
    return head->second + "（" + rest + "）";
}

Error make_error(const std::string& code, const std::string& field) {
    auto it = table().find(code);
    Error e;
    e.code = code;
    e.field = field;
    if (it == table().end()) {
        e.status = 500;
        e.message = "服务器内部错误，请稍后再试";
        return e;
    }
    e.status = it->second.status;
    std::string msg = it->second.message;
    if (auto pos = msg.find("{f}"); pos != std::string::npos) msg.replace(pos, 3, field_label(field));
    e.message = msg;
    return e;
}

Error rate_limited_for(std::int64_t wait_seconds) {
    Error e = make_error("rate_limited");
    if (wait_seconds < 1) wait_seconds = 1;
    std::string wait = wait_seconds < 60 ? std::to_string(wait_seconds) + " 秒"
                                         : std::to_string((wait_seconds + 59) / 60) + " 分钟";
    e.message = "尝试次数过多，请 " + wait + "后再试";
    return e;
}

Error bad_paging(const std::string& code, const std::string& field, std::string message) {
    return Error{code, 400, field, std::move(message)};
}

Error bad_page_size(const std::string& code, std::int64_t max) {
    return bad_paging(code, "limit", "每页条数无效：须为 1 到 " + std::to_string(max) + " 之间的整数");
}

}  // namespace yishi
