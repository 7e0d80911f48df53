// What waits for the convenor (召集人) on 首页: collecting issues to list (列入) or turn away,
// answered tasks whose rating is to be ended (结束评价), and finished tasks whose result is not
// yet published (结果公示). Asked with the core's own may_* rules over the loaded lists.
#pragma once
#include <string>
#include <vector>

#include "yishi/client/state.hpp"

namespace yishi::client {

struct ConvenorTodo {
    enum class Kind { list, conclude, result };
    Kind kind = Kind::list;
    Id id = 0;          // the issue (list) or the task (conclude, result)
    std::string title;  // the title
};

// In order: issues oldest first, then tasks as listed (oldest first). Empty for others.
std::vector<ConvenorTodo> convenor_todos(const ClientState& state);

}  // namespace yishi::client
