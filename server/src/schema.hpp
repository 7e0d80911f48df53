// Schema migrations, applied in order and recorded in PRAGMA user_version. Part of the store.
#pragma once

namespace SQLite {
class Database;
}

namespace yishi::server {

// The schema version this server writes.
int latest_schema_version();

// Applies every step above the database's user_version, each in its own transaction.
// Throws StoreError for a database from a newer server.
void migrate(SQLite::Database& db);

}  // namespace yishi::server
