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

std::string ClientState::shown(const UserMessage& m) const {
    if (!m.text.empty()) return m.text;
    if (m.key.empty()) return {};
    return strings.get(m.key);
}

}  // namespace yishi::client
