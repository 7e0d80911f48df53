// Screens of the client and their URL hashes (#/login, #/issues, #/new).
#pragma once
#include <string_view>

namespace yishi::client {

enum class Route { login, issues, new_issue };

// The canonical hash of a route, e.g. "#/issues".
std::string_view to_hash(Route r);

// Reads a location hash. Tolerates a missing "#" or "/", a trailing "/" and a query;
// anything empty or unknown means the issue list, the client's home.
Route parse_hash(std::string_view hash);

// Screens that show a council's data need a session.
bool requires_login(Route r);

// How the browser's address should follow a route change.
enum class UrlUpdate {
    none,     // the change came from the address (back/forward, typed hash)
    push,     // a user's step: back returns to where they were
    replace,  // a redirect: the address is corrected without a history entry
};

}  // namespace yishi::client
