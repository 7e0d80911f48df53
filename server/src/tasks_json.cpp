// JSON forms of tasks (交办事项) for the 办/评 endpoints.
#include "tasks_json.hpp"

namespace yishi::server {

Json to_json(const TaskRecord& r) {
    const Task& t = r.task;
    Json progress = Json::array();
    for (const auto& p : t.progress)
        progress.push_back({{"by", p.by}, {"text", p.text}, {"at", p.at}});
    Json replies = Json::array();
    for (const auto& reply : t.replies) {
        Json counts = {{"satisfied", 0}, {"basically_satisfied", 0}, {"unsatisfied", 0}};
        Json rated_by = Json::array();
        for (const auto& m : reply.ratings) {
            counts[yishi::to_string(m.rating)] = counts[yishi::to_string(m.rating)].get<int>() + 1;
            rated_by.push_back(m.member_id);
        }
        replies.push_back({{"by", reply.by},
                           {"text", reply.text},
                           {"at", reply.at},
                           {"ratings", counts},
                           {"rated_by", rated_by}});
    }
    return {{"id", t.id},
            {"council_id", t.council_id},
            {"issue_id", t.issue_id},
            {"issue_title", r.issue_title},
            {"ballot_id", t.ballot_id},
            {"responsible_unit", t.responsible_unit},
            {"responsible_member_id", t.responsible_member_id},
            {"due_at", t.due_at},
            {"created_at", t.created_at},
            {"state", yishi::to_string(t.state)},
            {"progress", progress},
            {"replies", replies}};
}

}  // namespace yishi::server
