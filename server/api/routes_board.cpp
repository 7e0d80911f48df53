#include "routes.hpp"

namespace yishi::server {

void add_board_routes(ApiRoutes&, Api&) {}

}  // namespace yishi::server
