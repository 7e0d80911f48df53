// Route <-> hash mapping and which screens need a session.
#include "yishi/client/route.hpp"

namespace yishi::client {

std::string_view to_hash(Route r) {
    switch (r) {
        case Route::login: return "#/login";
        case Route::issues: return "#/issues";
        case Route::new_issue: return "#/new";
    }
    return "#/issues";
}

Route parse_hash(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    if (auto q = hash.find('?'); q != std::string_view::npos) hash = hash.substr(0, q);
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);
    if (hash == "login") return Route::login;
    if (hash == "new") return Route::new_issue;
    return Route::issues;
}

bool requires_login(Route r) { return r != Route::login; }

}  // namespace yishi::client
