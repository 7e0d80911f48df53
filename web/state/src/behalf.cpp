// find_residents(): a substring search over names and households.
#include "yishi/client/behalf.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "yishi/text.hpp"

namespace yishi::client {

namespace {
std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

std::vector<const CouncilMemberEntry*> find_residents(const std::vector<CouncilMemberEntry>& members,
                                                      std::string_view query, std::size_t max) {
    std::vector<const CouncilMemberEntry*> out;
    std::string q = folded(trim(query));
    if (q.empty()) return out;
    for (const auto& m : members) {
        if (out.size() == max) break;
        if (!m.voting) continue;
        if (folded(m.name).find(q) != std::string::npos ||
            folded(m.household).find(q) != std::string::npos)
            out.push_back(&m);
    }
    return out;
}

}  // namespace yishi::client
