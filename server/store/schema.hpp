// Schema migrations: one list of steps for both databases, recorded in the schema_version
// table. Part of the store.
#pragma once

#include "yishi/database/database.hpp"

namespace yishi::server {

// The schema version this server writes.
int latest_schema_version();

// The version recorded in the database; 0 for an empty one.
int stored_schema_version(database::Database& db);

// Applies every step above the recorded version, each in its own transaction; servers
// starting together on one database apply each step once. Throws StoreError for a database
// from a newer server.
void migrate(database::Database& db);
// The same, stopping at `up_to`: tests build a database as an older server left it.
void migrate(database::Database& db, int up_to);

}  // namespace yishi::server
