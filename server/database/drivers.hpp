// The two drivers behind Database::open.
#pragma once
#include "yishi/database/database.hpp"

namespace yishi::database {

std::unique_ptr<Database> open_sqlite(const std::string& path, Database::Options options);
std::unique_ptr<Database> open_postgres(const std::string& address, Database::Options options);

}  // namespace yishi::database
