// Every catalog key the client's code names exists in both languages, so no user-visible
// text falls back to showing its key. Keys are read from the sources themselves: a literal
// like "session.quorum", and the families built at run time from an enum's name.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

std::set<std::string> keys_named_in(const std::filesystem::path& dir) {
    std::set<std::string> out;
    std::regex literal(R"re("([a-z_]+)\.([a-z_]+)")re");
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".cpp") continue;
        std::ifstream in(entry.path());
        std::stringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) {
            std::string section = (*it)[1];
            if (section == "hpp" || (*it)[2] == "hpp" || (*it)[2] == "json" || (*it)[2] == "ttf")
                continue;  // file names, not keys
            out.insert((*it)[1].str() + "." + (*it)[2].str());
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_coverage)

BOOST_AUTO_TEST_CASE(every_key_the_views_and_state_name_is_in_both_catalogs) {
    Strings zh, en;
    BOOST_REQUIRE(zh.load(read_catalog("zh-CN"), "zh-CN"));
    BOOST_REQUIRE(en.load(read_catalog("en"), "en"));
    std::set<std::string> keys = keys_named_in(std::string(YISHI_SOURCE_DIR) + "/web/views");
    for (const auto& k : keys_named_in(std::string(YISHI_SOURCE_DIR) + "/web/state/src"))
        keys.insert(k);
    BOOST_TEST(keys.size() > 150u);  // the scan found the views' keys at all
    // Families completed at run time from an enum's or a step's name.
    for (const char* k :
         {"stage.collecting", "stage.listed", "stage.merged", "stage.declined", "stage.scheduled",
          "stage.resolved", "stance.support", "stance.oppose", "stance.neutral", "stance.question",
          "choice.yes", "choice.no", "choice.abstain", "rating.satisfied",
          "rating.basically_satisfied", "rating.unsatisfied", "task_state.assigned",
          "task_state.answered", "task_state.supervised", "task_state.done",
          "session_kind.regular", "session_kind.extraordinary", "notice.session_open",
          "notice.session_signed_in", "notice.session_close", "notice.task_progress",
          "notice.task_reply", "notice.task_conclude", "notice.task_notice"})
        keys.insert(k);
    // 政协's enums, named by their to_string.
    for (const char* k :
         {"topic_source.party_committee", "topic_source.government", "topic_source.members",
          "topic_source.public_recommendation", "consultation_stage.proposed",
          "consultation_stage.planned", "consultation_stage.researching",
          "consultation_stage.meeting", "consultation_stage.concluded", "consultation_stage.sent",
          "consultation_stage.published", "participant_kind.member", "participant_kind.leader",
          "participant_kind.department_head", "participant_kind.expert",
          "participant_kind.resident", "item_kind.opening", "item_kind.keynote",
          "item_kind.speech", "item_kind.question", "item_kind.answer", "item_kind.concluding",
          "adoption.adopted", "adoption.partly", "adoption.not_adopted", "cppcc_post.chair",
          "cppcc_post.vice_chair", "cppcc_post.member", "cppcc_post.secretariat"})
        keys.insert(k);
    for (const auto& k : keys) {
        if (k == "notice.session_" || k == "notice.task_") continue;
        BOOST_TEST(zh.all().count(k) == 1u, "zh-CN lacks " << k);
        BOOST_TEST(en.all().count(k) == 1u, "en lacks " << k);
    }
}

BOOST_AUTO_TEST_SUITE_END()
