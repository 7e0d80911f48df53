#include "routes.hpp"

namespace yishi::server {

void add_report_routes(ApiRoutes&, Api&) {}

}  // namespace yishi::server
