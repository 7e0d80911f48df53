// Translation catalogs: both languages complete, keys flattened, placeholders filled.
#include <boost/test/unit_test.hpp>

#include "fixtures.hpp"

using namespace fixtures;

BOOST_AUTO_TEST_SUITE(strings)

BOOST_AUTO_TEST_CASE(chinese_and_english_catalogs_have_the_same_keys) {
    Strings zh, en;
    BOOST_REQUIRE(zh.load(read_catalog("zh-CN"), "zh-CN"));
    BOOST_REQUIRE(en.load(read_catalog("en"), "en"));
    std::vector<std::string> zk, ek;
    for (const auto& [k, v] : zh.all()) zk.push_back(k);
    for (const auto& [k, v] : en.all()) ek.push_back(k);
    BOOST_TEST(zk == ek, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_chinese_catalog_names_the_screens_controls_as_specified) {
    Strings zh;
    BOOST_REQUIRE(zh.load(read_catalog("zh-CN"), "zh-CN"));
    BOOST_TEST(zh.get("login.login") == "账号");
    BOOST_TEST(zh.get("login.password") == "密码");
    BOOST_TEST(zh.get("login.submit") == "登录");
    BOOST_TEST(zh.get("issues.new") == "提出新议题");
    BOOST_TEST(zh.get("issues.cosign") == "附议");
    BOOST_TEST(zh.get("issues.cosigned") == "已附议");
    BOOST_TEST(zh.get("header.logout") == "退出登录");
    BOOST_TEST(zh.get("raise.field_title") == "标题");
    BOOST_TEST(zh.get("raise.field_body") == "内容");
    BOOST_TEST(zh.get("raise.submit") == "提交");
    BOOST_TEST(zh.get("raise.back") == "返回");
    BOOST_TEST(zh.get("stage.collecting") == "征集附议中");
    BOOST_TEST(zh.get("stage.listed") == "已列入议题清单");
}

BOOST_AUTO_TEST_CASE(every_issue_stage_has_a_name_in_both_languages) {
    for (const char* lang : {"zh-CN", "en"}) {
        Strings cat;
        BOOST_REQUIRE(cat.load(read_catalog(lang), lang));
        for (auto stage : {yishi::IssueStage::collecting, yishi::IssueStage::listed,
                           yishi::IssueStage::merged, yishi::IssueStage::declined,
                           yishi::IssueStage::scheduled, yishi::IssueStage::resolved}) {
            std::string key = std::string("stage.") + yishi::to_string(stage);
            BOOST_TEST(cat.get(key) != key, lang << " names " << key);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_missing_key_shows_the_key_itself) {
    Strings s;
    BOOST_REQUIRE(s.load(R"({"a":{"b":"乙"}})", "zh-CN"));
    BOOST_TEST(s.get("a.b") == "乙");
    BOOST_TEST(s.get("a.c") == "a.c");
}

BOOST_AUTO_TEST_CASE(placeholders_are_replaced_everywhere_they_occur) {
    Strings s;
    BOOST_REQUIRE(s.load(R"({"n":"{n} 人附议，共 {n} 人"})", "zh-CN"));
    BOOST_TEST(s.format("n", {{"n", "3"}}) == "3 人附议，共 3 人");
}

BOOST_AUTO_TEST_CASE(a_malformed_catalog_is_rejected_and_the_old_one_kept) {
    Strings s;
    BOOST_REQUIRE(s.load(R"({"k":"旧"})", "zh-CN"));
    BOOST_TEST(!s.load("{not json", "en"));
    BOOST_TEST(!s.load(R"({"k":5})", "en"));
    BOOST_TEST(s.get("k") == "旧");
    BOOST_TEST(s.language() == "zh-CN");
}

BOOST_AUTO_TEST_SUITE_END()
