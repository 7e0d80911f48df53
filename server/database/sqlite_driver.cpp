// The SQLite driver: one connection to a file in WAL mode with synchronous=FULL (an
// acknowledged write survives a crash), behind a mutex: SQLite has one writer anyway, and
// BEGIN IMMEDIATE takes the write lock up front so transactions never fail halfway. Also the
// online backup of such a file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "drivers.hpp"

namespace yishi::database {

// In sqlite_legacy.cpp: upgrades a file from before the schema_version table; false when
// there was nothing to do.
bool adopt_legacy_sqlite(SQLite::Database& db);

namespace {
constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void rethrow(const SQLite::Exception& e) {
    // Busy: another process holds the lock beyond the timeout; a later attempt may get it.
    int code = e.getErrorCode() & 0xff;
    throw Error(e.what(), code == SQLITE_BUSY || code == SQLITE_LOCKED);
}

std::string expand_types(std::string_view script) {
    return with_column_types(script, "INTEGER PRIMARY KEY", "BLOB");
}

class SqliteCursor final : public Cursor {
public:
    SqliteCursor(SQLite::Database& db, std::string_view sql) try
        : db_(db), q_(db, std::string(sql)) {
    } catch (const SQLite::Exception& e) {
        rethrow(e);
    }
    void bind_null(int index) override { guard([&] { q_.bind(index); }); }
    void bind_int(int index, std::int64_t value) override {
        guard([&] { q_.bind(index, value); });
    }
    void bind_text(int index, std::string_view value) override {
        guard([&] { q_.bind(index, std::string(value)); });
    }
    void bind_bytes(int index, std::string_view value) override {
        guard([&] { q_.bind(index, value.data(), static_cast<int>(value.size())); });
    }
    bool step() override {
        bool row = false;
        guard([&] { row = q_.executeStep(); });
        if (!row) changes_ = db_.getChanges();
        return row;
    }
    Column column(int index) override {
        SQLite::Column c = q_.getColumn(index);
        if (c.isNull()) return Column(std::nullopt, true);
        const char* data = static_cast<const char*>(c.getBlob());
        return Column(std::string_view(data ? data : "", static_cast<std::size_t>(c.getBytes())), true);
    }
    int column_count() override { return q_.getColumnCount(); }
    std::int64_t changes() override { return changes_; }
    void reset() override { guard([&] { q_.reset(); }); }

private:
    template <typename F>
    void guard(F&& f) {
        try {
            f();
        } catch (const SQLite::Exception& e) {
            rethrow(e);
        }
    }
    SQLite::Database& db_;
    SQLite::Statement q_;
    std::int64_t changes_ = 0;
};

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(SQLite::Database db) : db_(std::move(db)) {}
    Kind kind() const override { return Kind::sqlite; }
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        return std::make_unique<SqliteCursor>(db_, sql);
    }
    void execute(std::string_view script) override {
        try {
            db_.exec(expand_types(script));
        } catch (const SQLite::Exception& e) {
            rethrow(e);
        }
    }
    void begin(bool write) override { execute(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
    void commit() override { execute("COMMIT"); }
    void rollback() noexcept override {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // Nothing was open (SQLite ends a transaction itself on some errors).
        }
    }
    // SQLite's generated ids always continue above the largest one in the table.
    void resume_generated_ids(std::string_view) override {}
    SQLite::Database& db() { return db_; }

private:
    SQLite::Database db_;
};

SQLite::Database open_file(const std::string& path, bool read_only) {
    try {
        if (read_only) {
            SQLite::Database db(path, SQLite::OPEN_READONLY);
            db.setBusyTimeout(kBusyTimeoutMs);
            return db;
        }
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.setBusyTimeout(kBusyTimeoutMs);
        std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal") throw Error("cannot switch " + path + " to WAL journal mode");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        // Deleted rows and freed pages are overwritten with zeros: a secret ballot's sealed
        // contents, deleted at closing, leave nothing behind in the file.
        db.exec("PRAGMA secure_delete = ON");
        adopt_legacy_sqlite(db);
        return db;
    } catch (const SQLite::Exception& e) {
        throw Error("cannot open database " + path + ": " + e.what());
    }
}

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, bool read_only)
        : Database(path), connection_(open_file(path, read_only)) {}
    Kind kind() const override { return Kind::sqlite; }
    void with_connection(const std::function<void(Connection&)>& f) override {
        std::lock_guard lock(mutex_);
        f(connection_);
    }
    void erase_deleted() noexcept override {
        std::lock_guard lock(mutex_);
        try {
            // The write-ahead log still holds the pages as they were before the delete: copy
            // the latest pages into the file and empty the log. Should another connection be
            // reading, the next checkpoint does it.
            connection_.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
        }
    }
    void set_durable(bool durable) override {
        std::lock_guard lock(mutex_);
        connection_.execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        // The checkpoint syncs the write-ahead log before it copies it into the database.
        if (durable) connection_.execute("PRAGMA wal_checkpoint(PASSIVE)");
    }

protected:
    // One connection, one writer: every scope is already one after another.
    void run(bool write, std::optional<std::int64_t>, const std::function<void(Connection&)>& f) override {
        std::lock_guard lock(mutex_);
        connection_.begin(write);
        try {
            f(connection_);
            connection_.commit();
        } catch (...) {
            connection_.rollback();
            throw;
        }
    }

private:
    std::mutex mutex_;
    SqliteConnection connection_;
};
}  // namespace

BackupCopy backup_sqlite(const std::string& path, const std::string& target) {
    if (Database::is_postgres_address(path))
        throw Error("backup copies SQLite database files; a PostgreSQL database is backed up with "
                    "pg_dump (for example pg_dump --format=custom --file=yishi.dump ADDRESS)");
    // Claims the name before SQLite opens it: O_EXCL keeps "never overwrite" true even against
    // a second backup started at the same moment. 0600: the copy holds password hashes.
    int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            throw Error(target + " already exists: a backup never overwrites a file, choose a new name");
        throw Error("cannot create " + target + ": " + std::strerror(errno));
    }
    ::close(fd);
    try {
        SQLite::Database source(path, SQLite::OPEN_READONLY);
        source.setBusyTimeout(kBusyTimeoutMs);
        SQLite::Database copy(target, SQLite::OPEN_READWRITE);
        copy.setBusyTimeout(kBusyTimeoutMs);
        BackupCopy out;
        {
            SQLite::Backup backup(copy, source);
            // Every page in one step, under one read transaction: in WAL mode the server's
            // writers carry on meanwhile, and their commits cannot make the copy start over as
            // they would between smaller steps. Busy only while a checkpoint or recovery runs.
            constexpr int kBusyAttempts = 200;
            constexpr auto kBusyPause = std::chrono::milliseconds(50);
            for (int attempt = 0;; ++attempt) {
                int rc = backup.executeStep(-1);
                if (rc == SQLITE_DONE) break;
                if (attempt >= kBusyAttempts)
                    throw Error("the database " + path + " stayed busy for 10 seconds; try again");
                std::this_thread::sleep_for(kBusyPause);
            }
            out.pages = backup.getTotalPageCount();
        }  // sqlite3_backup_finish
        out.page_size = copy.execAndGet("PRAGMA page_size").getInt64();
        // The pages say WAL, as the source's do; a backup is better one self-contained file.
        copy.exec("PRAGMA journal_mode = DELETE");
        std::string check = copy.execAndGet("PRAGMA quick_check").getString();
        if (check != "ok") throw Error("the copy of " + path + " fails SQLite's check: " + check);
        return out;
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(target);
        throw Error("cannot back up " + path + ": " + e.what());
    } catch (...) {
        std::filesystem::remove(target);
        throw;
    }
}

std::unique_ptr<Database> open_sqlite(const std::string& path, Database::Options options) {
    return std::make_unique<SqliteDatabase>(path, options.read_only);
}

}  // namespace yishi::database
