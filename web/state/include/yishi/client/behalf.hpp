// 代提: finding the resident a grid worker raises an issue for, by name or household (户).
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "yishi/messages_decide.hpp"

namespace yishi::client {

// The council's voting members whose name or household holds `query` (trimmed; Latin letters
// in any case), in list order, at most `max`; none for an empty query.
std::vector<const CouncilMemberEntry*> find_residents(const std::vector<CouncilMemberEntry>& members,
                                                      std::string_view query, std::size_t max);

}  // namespace yishi::client
