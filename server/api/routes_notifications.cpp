#include "routes.hpp"

namespace yishi::server {

void add_notification_routes(ApiRoutes&, Api&) {}

}  // namespace yishi::server
