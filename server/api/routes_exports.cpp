#include "routes.hpp"

namespace yishi::server {

void add_export_routes(ApiRoutes&, Api&) {}

}  // namespace yishi::server
