// The handling (办理) of a consultation's recommendations as the store reads and writes it,
// shared by the task acts (store_tasks.cpp), the committee's acts (store_cppcc.cpp) and the
// consultation's (store_consultations.cpp): where a recommendation sits, the actor on its task,
// the topic's version, and the notes written into a recommended community issue's thread.
// Call them inside a transaction.
#pragma once
#include <optional>
#include <string>

#include "store_impl.hpp"

#include "yishi/consultation.hpp"

namespace yishi::server::records {

// The CPPCC's acts write to the city's chain, as the street's other acts do.
constexpr Id kCppccChain = 0;

// A recommendation's topic, its committee and the community issue the topic came from (0 if none).
struct RecommendationPlace {
    Id recommendation_id = 0;
    Id topic_id = 0;
    Id cppcc_id = 0;
    Id issue_id = 0;
    std::string topic_title;
};
std::optional<RecommendationPlace> recommendation_place(Connection& db, Id recommendation_id);

// The member as the task rules see them on a recommendation's task: as the committee seats them
// (a leader concludes, the proposers rate), and the department it was handed to, which holds no
// seat, as one who may act on it.
Actor recommendation_task_actor(Connection& db, const RecommendationPlace& place, const Task& t,
                                Id member_id);

// Every change to a consultation or to its recommendations' tasks grows the topic's version.
void bump_topic_version(Connection& db, Id topic_id);

// A note in the thread of the community issue a topic came from, by `author`; nothing when the
// topic came from no issue. Returns the comment's id, or 0.
Id note_on_issue(Connection& db, Id topic_id, Id author, const std::string& text, bool official,
                 std::int64_t now);
// 政协协商《…》成果已报送：… — written when the outcome is sent.
Id note_outcome_sent(Connection& db, Id topic_id, Id author, const Sending& s, std::int64_t now);
// 政协协商《…》建议办理：<unit>答复（采纳）：… — written when a department answers.
Id note_department_answer(Connection& db, const RecommendationPlace& place, const Task& answered,
                          std::int64_t now);

}  // namespace yishi::server::records
