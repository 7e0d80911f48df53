// JSON forms of comments (议): a comment round-trips, the thread decodes as docs/api.md shows it,
// a hidden comment shows its reason and never its text or history, and faults are named.
#include <boost/test/unit_test.hpp>

#include "yishi/messages_threads.hpp"

using namespace yishi;

namespace {
template <class T>
void refused(const Result<T>& r, const std::string& code, const std::string& field) {
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().code == code);
    BOOST_TEST(r.error().field == field);
}

std::string with(const std::string& body, const Json::json_pointer& at, const Json& value) {
    Json j = Json::parse(body);
    if (value.is_null()) j[at.parent_pointer()].erase(at.back());
    else j[at] = value;
    return j.dump();
}

// From docs/api.md: GET /api/issues/1/comments.
const std::string kThread =
    R"({"comments":[
 {"author_id":2,"author_name":"王秀英","created_at":1795350003,"edited":true,"hidden":false,"hidden_reason":"","history":[{"replaced_at":1795350063,"text":"晚上充电排队太久"}],"id":1,"issue_id":1,"official":false,"reply_to":null,"stance":"support","text":"晚上充电排队太久，常到十一点"},
 {"author_id":4,"author_name":"刘桂兰","created_at":1795350003,"edited":false,"hidden":true,"hidden_reason":"含有个人信息","history":[],"id":2,"issue_id":1,"official":false,"reply_to":1,"stance":"question","text":"该评论已被隐藏，理由：含有个人信息"},
 {"author_id":16,"author_name":"街道城管科","created_at":1795350003,"edited":false,"hidden":false,"hidden_reason":"","history":[],"id":3,"issue_id":1,"official":true,"reply_to":1,"stance":"neutral","text":"电费按表计收，由使用者承担。"}]})";
const std::string kPosted =
    R"({"author_id":4,"author_name":"刘桂兰","created_at":1795350003,"edited":false,"hidden":false,"hidden_reason":"","history":[],"id":2,"issue_id":1,"official":false,"reply_to":1,"stance":"question","text":"电费谁出？"})";
}  // namespace

BOOST_AUTO_TEST_SUITE(messages_threads)

BOOST_AUTO_TEST_CASE(the_thread_decodes_the_server_reply) {
    auto l = decode_comment_list(kThread);
    BOOST_REQUIRE(l.ok());
    const auto& c = l.value().comments;
    BOOST_REQUIRE(c.size() == 3u);
    BOOST_TEST(c[0].reply_to == 0);
    BOOST_TEST(c[0].edited);
    BOOST_REQUIRE(c[0].history.size() == 1u);
    BOOST_TEST(c[0].history[0].body == "晚上充电排队太久");
    BOOST_TEST(c[1].hidden);
    BOOST_TEST(c[1].hidden_reason == "含有个人信息");
    BOOST_TEST(c[2].official);
    BOOST_TEST((c[2].stance == Stance::neutral));
    BOOST_TEST(Json::parse(encode(l.value())) == Json::parse(kThread));
}

BOOST_AUTO_TEST_CASE(a_posted_comment_round_trips) {
    auto c = decode_comment(kPosted);
    BOOST_REQUIRE(c.ok());
    BOOST_TEST(c.value().reply_to == 1);
    BOOST_TEST((c.value().stance == Stance::question));
    BOOST_TEST(Json::parse(encode(c.value())) == Json::parse(kPosted));
}

BOOST_AUTO_TEST_CASE(a_hidden_comment_shows_the_reason_not_the_text_or_its_history) {
    Comment c;
    c.id = 5;
    c.body = "住在7号楼502的张某";
    c.history = {{"住在7号楼的张某", 10}};
    c.hidden = true;
    c.hidden_reason = "含有个人信息";
    CommentView v = comment_view(c, "刘桂兰");
    BOOST_TEST(v.text == shown_text(c));
    BOOST_TEST(v.text.find("张某") == std::string::npos);
    BOOST_TEST(v.history.empty());
    BOOST_TEST(v.edited);
    BOOST_TEST(encode(v).find("张某") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_top_level_comment_replies_to_null) {
    Comment c;
    c.id = 1;
    c.body = "支持";
    CommentView v = comment_view(c, "王秀英");
    BOOST_TEST(Json::parse(encode(v))["reply_to"].is_null());
    BOOST_TEST(!Json::parse(encode(v))["edited"].get<bool>());
}

BOOST_AUTO_TEST_CASE(comment_refusals_name_the_field_by_its_path) {
    refused(decode_comment(with(kPosted, "/reply_to"_json_pointer, nullptr)), "missing_field",
            "reply_to");
    refused(decode_comment(with(kPosted, "/reply_to"_json_pointer, "1")), "wrong_type",
            "reply_to");
    refused(decode_comment(with(kPosted, "/stance"_json_pointer, "maybe")), "wrong_type",
            "stance");
    refused(decode_comment_list(with(kThread, "/comments/0/history/0/text"_json_pointer, 3)),
            "wrong_type", "comments[0].history[0].text");
    refused(decode_comment_list(with(kThread, "/comments/2/official"_json_pointer, nullptr)),
            "missing_field", "comments[2].official");
    refused(decode_comment("[]"), "bad_json", "");
}

BOOST_AUTO_TEST_SUITE_END()
