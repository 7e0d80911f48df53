// JSON messages: requests decode with errors naming the field; replies round-trip.
#include <boost/test/unit_test.hpp>

#include "yishi/messages.hpp"
#include "yishi/text.hpp"

using namespace yishi;

namespace {
bool has_han(const std::string& s) {
    for (char32_t cp : decode_utf8(s))
        if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
    return false;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(new_issue_request_decodes_and_trims) {
    auto r = decode_new_issue_request(R"({"title":" 加装电梯 ","body":"三号楼老人上下楼困难"})");
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.value().title == "加装电梯");
    BOOST_TEST(r.value().body == "三号楼老人上下楼困难");
}

BOOST_AUTO_TEST_CASE(missing_field_is_named) {
    auto r = decode_new_issue_request(R"({"body":"内容"})");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == "missing_field");
    BOOST_TEST(r.error().field == "title");
    BOOST_TEST(r.error().message == "缺少字段：标题");
}

BOOST_AUTO_TEST_CASE(fields_of_ballots_and_paths_inside_them_are_named_in_chinese) {
    BOOST_TEST(make_error("missing_field", "options").message == "缺少字段：选项");
    BOOST_TEST(make_error("missing_field", "kind").message == "缺少字段：类型");
    BOOST_TEST(make_error("bad_decimal", "costs.路灯改造").message ==
               "数值格式错误，须为最多两位小数的非负数（如 \"88.20\"）：项目费用（路灯改造）");
    BOOST_TEST(make_error("negative_count", "counts.abstain").message ==
               "票数不能为负数：纸质票数（弃权）");
    BOOST_TEST(make_error("unknown_option", "approve[1]").message == "未知选项：赞成的项目（第 2 项）");
    BOOST_TEST(make_error("unknown_option", "ranking[0][2]").message ==
               "未知选项：排序（第 1 组第 3 项）");
    // Deeper paths and unknown fields stay as they are: a bug report still names the exact spot.
    BOOST_TEST(field_label("ballots[1].choice") == "ballots[1].choice");
    BOOST_TEST(field_label("tally.yes") == "tally.yes");
    BOOST_TEST(field_label("costs[") == "costs[");
    BOOST_TEST(field_label("costs[x]") == "costs[x]");
    BOOST_TEST(field_label("approve[1]x") == "approve[1]x");
}

BOOST_AUTO_TEST_CASE(wrong_type_is_named) {
    auto r = decode_new_issue_request(R"({"title":"路灯","body":42})");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == "wrong_type");
    BOOST_TEST(r.error().field == "body");
}

BOOST_AUTO_TEST_CASE(malformed_json_and_non_objects_are_refused) {
    for (const char* body : {"{", "", "[]", "\"title\"", "{\"title\":}"}) {
        auto r = decode_new_issue_request(body);
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(r.error().code == "bad_json");
        BOOST_TEST(r.error().status == 400);
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_request_is_refused) {
    auto r = decode_new_issue_request("{\"title\":\"\xC3\",\"body\":\"x\"}");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == "bad_utf8");
}

BOOST_AUTO_TEST_CASE(lone_surrogate_escape_is_refused) {
    auto r = decode_new_issue_request(R"({"title":"\ud800","body":"x"})");
    BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(login_request_requires_both_fields) {
    BOOST_TEST(decode_login_request(R"({"login":"demo01","password":"x"})").ok());
    auto r = decode_login_request(R"({"login":"demo01"})");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().field == "password");
    BOOST_TEST(!decode_login_request(R"({"login":"  ","password":"x"})").ok());
}

BOOST_AUTO_TEST_CASE(issue_list_round_trips) {
    IssueList list;
    list.council = {3, "春晖社区居民议事会", "春晖社区", "residents_council", 5, 15};
    Issue i;
    i.id = 9;
    i.council_id = 3;
    i.title = "电动车充电桩";
    i.body = "车棚需要安装充电桩";
    i.author_id = 4;
    i.author_name = "王秀英";
    i.created_at = 1700000000;
    i.cosigns = 5;
    i.stage = IssueStage::listed;
    i.cosigned_by_me = true;
    i.category = "照明";
    i.tag = "3号楼";
    i.raised_by_id = 12;
    i.merged_into = 4;
    i.reason = "与4号议题重复";
    list.issues.push_back(i);
    auto back = decode_issue_list(encode(list));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().council.name == "春晖社区居民议事会");
    BOOST_TEST(back.value().council.cosign_threshold == 5);
    BOOST_REQUIRE(back.value().issues.size() == 1u);
    const Issue& b = back.value().issues[0];
    BOOST_TEST(b.title == "电动车充电桩");
    BOOST_TEST(b.author_name == "王秀英");
    BOOST_TEST(b.cosigns == 5);
    BOOST_TEST((b.stage == IssueStage::listed));
    BOOST_TEST(b.cosigned_by_me);
    BOOST_TEST(b.category == "照明");
    BOOST_TEST(b.tag == "3号楼");
    BOOST_TEST(b.raised_by_id == 12);
    BOOST_TEST(b.merged_into == 4);
    BOOST_TEST(b.reason == "与4号议题重复");
}

BOOST_AUTO_TEST_CASE(absent_merge_target_and_raiser_are_null_in_json_and_zero_in_memory) {
    Issue i;
    i.id = 1;
    i.council_id = 2;
    i.title = "路灯";
    i.body = "不亮";
    i.author_id = 3;
    Json j = to_json(i);
    BOOST_TEST(j["merged_into"].is_null());
    BOOST_TEST(j["raised_by_id"].is_null());
    auto back = decode_issue(j.dump());
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().merged_into == 0);
    BOOST_TEST(back.value().raised_by_id == 0);
}

BOOST_AUTO_TEST_CASE(reply_with_missing_fields_is_an_error_not_a_crash) {
    BOOST_TEST(!decode_issue(R"({"id":1})").ok());
    BOOST_TEST(!decode_login_reply(R"({"token":5})").ok());
}

BOOST_AUTO_TEST_CASE(error_body_round_trips_with_its_chinese_message) {
    Error e = make_error("empty_text", "title");
    Error back = decode_error(encode(e), 400);
    BOOST_TEST(back.code == "empty_text");
    BOOST_TEST(back.field == "title");
    BOOST_TEST(back.message == "标题不能为空");
}

BOOST_AUTO_TEST_CASE(unreadable_error_body_becomes_a_chinese_message) {
    BOOST_TEST(decode_error("<html>", 502).message == "服务器内部错误，请稍后再试");
    BOOST_TEST(decode_error("", 0).message == "无法连接服务器，请检查网络后重试");
}

BOOST_AUTO_TEST_CASE(every_error_code_has_a_status_and_chinese_message) {
    for (const char* code : {"not_found", "bad_json", "missing_field", "unauthorized",
                             "bad_credentials", "forbidden", "own_issue", "already_cosigned",
                             "payload_too_large", "length_required", "rate_limited", "internal"}) {
        Error e = make_error(code, "title");
        BOOST_TEST(e.status >= 400);
        BOOST_TEST(has_han(e.message), code << " has a Chinese message");
    }
    BOOST_TEST(make_error("no_such_code").status == 500);
}

BOOST_AUTO_TEST_CASE(an_excerpt_keeps_whole_characters_and_marks_the_cut) {
    BOOST_TEST(excerpt("楼道灯坏了", 5) == "楼道灯坏了");
    BOOST_TEST(excerpt("楼道灯坏了很久", 5) == "楼道灯坏了…");
    BOOST_TEST(excerpt("3栋2单元ab", 4) == "3栋2单…");
    BOOST_TEST(excerpt("", 5) == "");
}

BOOST_AUTO_TEST_CASE(a_page_query_takes_a_limit_and_a_cursor_and_refuses_the_rest) {
    auto none = parse_issue_page_query(std::nullopt, std::nullopt);
    BOOST_REQUIRE(none.ok());
    BOOST_TEST(none.value().limit == 0);
    auto page = parse_issue_page_query(std::string("20"), std::string("1767196800.42"));
    BOOST_REQUIRE(page.ok());
    BOOST_TEST(page.value().limit == 20);
    BOOST_TEST(page.value().after_time == 1767196800);
    BOOST_TEST(page.value().after_id == 42);
    for (const char* bad : {"0", "201", "-1", "", "1e3", " 5"}) {
        auto r = parse_issue_page_query(std::string(bad), std::nullopt);
        BOOST_TEST_CONTEXT(bad) {
            BOOST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().field == "limit");
            BOOST_TEST(r.error().status == 400);
        }
    }
    for (const char* bad : {"", "42", "1.0", "x.1", "1.2.3", ".5"}) {
        auto r = parse_issue_page_query(std::string("5"), std::string(bad));
        BOOST_TEST_CONTEXT(bad) {
            BOOST_REQUIRE(!r.ok());
            BOOST_TEST(r.error().field == "after");
        }
    }
    BOOST_TEST(!parse_issue_page_query(std::nullopt, std::string("1.2")).ok());
}

BOOST_AUTO_TEST_CASE(a_refused_page_size_keeps_the_lists_code_and_names_the_range_in_chinese) {
    Error e = bad_page_size("bad_query", 100);
    BOOST_TEST(e.code == "bad_query");
    BOOST_TEST(e.status == 400);
    BOOST_TEST(e.field == "limit");
    BOOST_TEST(e.message == "每页条数无效：须为 1 到 100 之间的整数");
    auto issues = parse_issue_page_query(std::string("0"), std::nullopt);
    BOOST_REQUIRE(!issues.ok());
    BOOST_TEST(issues.error().code == "bad_filter");
    BOOST_TEST(issues.error().message ==
               "每页条数无效：须为 1 到 " + std::to_string(kIssuePageMax) + " 之间的整数");
}

BOOST_AUTO_TEST_CASE(a_page_of_limit_plus_one_issues_names_its_last_as_the_next_cursor) {
    Council c;
    c.id = 1;
    std::vector<Issue> rows(3);
    for (int k = 0; k < 3; ++k) {
        rows[k].id = 10 - k;
        rows[k].created_at = 1000 - k;
        rows[k].body = std::string(300, 'a');
    }
    IssuePage p = issue_page(c, rows, 2);
    BOOST_TEST(p.issues.size() == 2u);
    BOOST_TEST(p.next == "999.9");
    BOOST_TEST(p.issues[0].body == std::string(kIssueExcerptChars, 'a') + "…");
    BOOST_TEST(issue_page(c, rows, 3).next == "");
    auto back = decode_issue_page(encode(p));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(back.value().next == "999.9");
    BOOST_TEST(back.value().issues.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
