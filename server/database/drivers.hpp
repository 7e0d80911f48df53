// The two drivers behind Database::open.
#pragma once
#include "yishi/database/database.hpp"

namespace yishi::database {

// A script with `{id}` and `{bytes}` spelled as the driver's database spells them.
std::string with_column_types(std::string_view script, std::string_view id,
                              std::string_view bytes);

std::unique_ptr<Database> open_sqlite(const std::string& path, Database::Options options);
std::unique_ptr<Database> open_postgres(const std::string& address, Database::Options options);

}  // namespace yishi::database
