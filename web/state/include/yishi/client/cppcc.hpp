// 政协 in the client: who the viewer is to a consultation, and why an act is refused, by the
// core's rules (consultation.hpp, task.hpp) asked on the consultation as loaded: the views grey
// out what the server would refuse and say why.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "yishi/client/state.hpp"
#include "yishi/consultation.hpp"
#include "yishi/errors.hpp"

namespace yishi::client {

// The viewer as the consultation's committee sees them (unseated until it has loaded).
CppccActor cppcc_viewer(const ClientState& state, Id topic_id);
// The logged-in member as a department answering a recommendation's task.
Actor department_actor(const ClientState& state);
// The seated members' ids of a committee as loaded (empty when it is not).
std::vector<Id> seated_ids(const ClientState& state, Id cppcc_id);
// "2026-09-30" (the end of that day) or "2026-09-30 18:00", local time; 0 when not a date.
std::int64_t due_of(std::string_view typed);

// The acts on a consultation page, each asked of the core with a well-formed draft: only
// who may act and whether the stage allows it decide (never the text not yet typed).
enum class Act { plan, research_group, visit, section, meeting, participant, record, close_meeting,
                 recommend, send, publish, hand_over };
Check act_refusal(const ClientState& state, const ConsultationView& view, Act act);

// A recommendation's task: the department's position, progress and reply; the proposers'
// rating; the leaders' conclusion.
Check position_refusal(const ClientState& state, const TaskView& task);
Check department_answer_refusal(const ClientState& state, const TaskView& task);
Check proposer_rate_refusal(const ClientState& state, const ConsultationView& view,
                            const TaskView& task);
Check leader_conclude_refusal(const ClientState& state, const ConsultationView& view,
                              const TaskView& task);

}  // namespace yishi::client
