// ClientState's read-only helpers.
#include "yishi/client/state.hpp"

namespace yishi::client {

const Council* ClientState::current_council() const {
    for (const auto& c : session.councils)
        if (c.id == council_id) return &c;
    return nullptr;
}

const Issue* ClientState::find_issue(Id id) const {
    for (const auto& i : issues)
        if (i.id == id) return &i;
    return nullptr;
}

const BallotView* ClientState::find_ballot(Id id) const {
    auto it = flow.ballots.find(id);
    return it == flow.ballots.end() ? nullptr : &it->second;
}

const TaskView* ClientState::find_task(Id id) const {
    for (const auto& t : flow.tasks)
        if (t.id == id) return &t;
    return nullptr;
}

const SessionView* ClientState::find_session(Id id) const {
    auto it = flow.session_views.find(id);
    return it == flow.session_views.end() ? nullptr : &it->second;
}

const ConsultationView* ClientState::find_consultation(Id id) const {
    auto it = cppcc.consultations.find(id);
    return it == cppcc.consultations.end() ? nullptr : &it->second;
}

const ConsultationTaskLine* ClientState::find_consultation_task(Id task_id) const {
    for (const auto& line : cppcc.my_tasks.items)
        if (line.task.id == task_id) return &line;
    return nullptr;
}

Actor ClientState::actor() const {
    Actor a;
    a.member_id = session.member.id;
    role_from_string(session.member.role, a.role);
    a.member = confirmed() && current_council() != nullptr;
    a.voting = a.member && role_votes(a.role);
    return a;
}

bool ClientState::is_convenor() const { return convenes(actor()); }

std::string ClientState::shown(const UserMessage& m) const {
    if (!m.text.empty()) return m.text;
    if (m.key.empty()) return {};
    return strings.get(m.key);
}

}  // namespace yishi::client
