// JSON forms of tasks (办/评): a task with progress and replies round-trips, decodes the server's
// replies as docs/api.md shows them, counts ratings without telling who chose what, and refuses
// missing or mistyped fields by their path.
#include <boost/test/unit_test.hpp>

#include "yishi/messages_tasks.hpp"

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

// From docs/api.md: the list after assigning, and the task after supervision and a second reply.
const std::string kTasks =
    R"({"tasks":[{"adoption":null,"ballot_id":1,"council_id":1,"created_at":1795350003,"due_at":1797942003,"id":1,"issue_id":1,"issue_title":"在3号楼车棚加装电动车充电桩","position_reason":"","raters":[],"recommendation_id":0,"progress":[],"replies":[],"responsible_member_id":16,"responsible_unit":"街道城管科","state":"assigned"}]})";
const std::string kDone =
    R"({"adoption":null,"ballot_id":1,"council_id":1,"created_at":1795350003,"due_at":1797942003,"id":1,"issue_id":1,"issue_title":"在3号楼车棚加装电动车充电桩","position_reason":"","raters":[],"recommendation_id":0,
 "progress":[{"at":1795436403,"by":16,"text":"已联系供电公司现场勘察，确定安装位置。"}],
 "replies":[{"at":1795522803,"by":16,"rated_by":[2,3,4,5,6,7,8,9,10],"ratings":{"basically_satisfied":1,"satisfied":3,"unsatisfied":5},"text":"已在3号楼北侧安装充电桩8个，12月1日起投入使用。"},
            {"at":1795609203,"by":16,"rated_by":[2,3,4,5,6,7,8,9],"ratings":{"basically_satisfied":3,"satisfied":4,"unsatisfied":1},"text":"已增设充电桩4个并调整收费时段，夜间不再排队。"}],
 "responsible_member_id":16,"responsible_unit":"街道城管科","state":"done"})";
}  // namespace

BOOST_AUTO_TEST_SUITE(messages_tasks)

BOOST_AUTO_TEST_CASE(task_list_decodes_the_server_reply) {
    auto l = decode_task_list(kTasks);
    BOOST_REQUIRE(l.ok());
    BOOST_REQUIRE(l.value().tasks.size() == 1u);
    const TaskView& t = l.value().tasks[0];
    BOOST_TEST(t.responsible_unit == "街道城管科");
    BOOST_TEST(t.responsible_member_id == 16);
    BOOST_TEST((t.state == TaskState::assigned));
    BOOST_TEST(Json::parse(encode(l.value())) == Json::parse(kTasks));
}

BOOST_AUTO_TEST_CASE(a_supervised_then_done_task_decodes_with_both_replies) {
    auto t = decode_task(kDone);
    BOOST_REQUIRE(t.ok());
    BOOST_TEST((t.value().state == TaskState::done));
    BOOST_REQUIRE(t.value().progress.size() == 1u);
    BOOST_TEST(t.value().progress[0].at == 1795436403);
    BOOST_REQUIRE(t.value().replies.size() == 2u);
    BOOST_TEST(t.value().replies[0].ratings.unsatisfied == 5);
    BOOST_TEST(t.value().replies[1].ratings.satisfied == 4);
    BOOST_TEST(t.value().replies[1].rated_by.size() == 8u);
    BOOST_TEST(Json::parse(encode(t.value())) == Json::parse(kDone));
}

BOOST_AUTO_TEST_CASE(ratings_are_counted_and_raters_listed_without_their_choice) {
    Task task;
    task.id = 3;
    task.state = TaskState::answered;
    task.replies.push_back({16, "已维修", 100,
                            {{2, Rating::unsatisfied}, {3, Rating::satisfied},
                             {4, Rating::unsatisfied}}});
    TaskView v = task_view(task, "路灯不亮");
    BOOST_TEST(v.issue_title == "路灯不亮");
    BOOST_TEST(v.replies[0].ratings.unsatisfied == 2);
    BOOST_TEST(v.replies[0].ratings.satisfied == 1);
    BOOST_TEST(v.replies[0].ratings.basically_satisfied == 0);
    BOOST_TEST((v.replies[0].rated_by == std::vector<Id>{2, 3, 4}));
    Json reply = Json::parse(encode(v))["replies"][0];
    BOOST_TEST(reply["ratings"] ==
               Json::parse(R"({"satisfied":1,"basically_satisfied":0,"unsatisfied":2})"));
    BOOST_TEST(!reply.contains("rating"));
    auto back = decode_task(encode(v));
    BOOST_REQUIRE(back.ok());
    BOOST_TEST(encode(back.value()) == encode(v));
}

BOOST_AUTO_TEST_CASE(task_refusals_name_the_field_by_its_path) {
    refused(decode_task(with(kDone, "/responsible_unit"_json_pointer, nullptr)), "missing_field",
            "responsible_unit");
    refused(decode_task(with(kDone, "/state"_json_pointer, "lost")), "wrong_type", "state");
    refused(decode_task(with(kDone, "/replies/1/ratings/satisfied"_json_pointer, "4")),
            "wrong_type", "replies[1].ratings.satisfied");
    refused(decode_task(with(kDone, "/progress/0/text"_json_pointer, nullptr)), "missing_field",
            "progress[0].text");
    refused(decode_task_list(R"({"tasks":{}})"), "wrong_type", "tasks");
    refused(decode_task_list("{}"), "missing_field", "tasks");
}

BOOST_AUTO_TEST_CASE(task_states_read_back_by_their_wire_names) {
    TaskState s;
    BOOST_TEST(task_state_from_string("supervised", s));
    BOOST_TEST((s == TaskState::supervised));
    BOOST_TEST(!task_state_from_string("closed", s));
}

BOOST_AUTO_TEST_SUITE_END()
