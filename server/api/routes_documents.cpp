#include "routes.hpp"

namespace yishi::server {

void add_document_routes(ApiRoutes&, Api&) {}

}  // namespace yishi::server
