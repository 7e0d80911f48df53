// The SQLite driver: a file in WAL mode with synchronous=FULL (an acknowledged write survives a
// crash). One writer connection, since SQLite has one writer anyway: BEGIN IMMEDIATE takes the
// write lock up front so transactions never fail halfway, and writers that arrive while one
// commits are committed together (group commit: each in its own savepoint, one sync for all,
// each acknowledged only once that sync is done). Readers run on connections of their own, so
// a read never waits for a write's sync. Each connection keeps its prepared statements. Also
// the online backup of such a file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "drivers.hpp"
#include "write_queue.hpp"

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

// Prepared statements kept by a connection, by their SQL, for the next use of the same text.
class StatementCache {
public:
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool busy = false;  // a cursor holds it (a statement run while another is stepped)
    };
    // The entry for `sql`, now busy: the kept one when it is free, else a new one when there is
    // room; nullptr when neither (the cursor then makes a statement of its own). The cursor
    // holds the entry's address and hands it back with it, without a second lookup by text:
    // entries are never erased and unordered_map never moves its elements, not even on rehash.
    Entry* take(SQLite::Database& db, std::string_view sql) {
        std::string key(sql);
        auto it = entries_.find(key);
        if (it != entries_.end()) {
            if (it->second.busy) return nullptr;
            it->second.busy = true;
            return &it->second;
        }
        if (entries_.size() >= kMaxKept) return nullptr;
        auto statement = std::make_unique<SQLite::Statement>(db, key);
        Entry& e = entries_[key];
        e.statement = std::move(statement);
        e.busy = true;
        return &e;
    }
    static void give_back(Entry& e) { e.busy = false; }

private:
    // The store's SQL is a few hundred fixed texts; text built per call beyond this is not kept.
    static constexpr std::size_t kMaxKept = 1000;
    std::unordered_map<std::string, Entry> entries_;
};

class SqliteCursor final : public Cursor {
public:
    SqliteCursor(SQLite::Database& db, StatementCache& cache, std::string_view sql) try
        : db_(db), kept_(cache.take(db, sql)) {
        if (kept_) {
            q_ = kept_->statement.get();
        } else {
            own_ = std::make_unique<SQLite::Statement>(db, std::string(sql));
            q_ = own_.get();
        }
    } catch (const SQLite::Exception& e) {
        rethrow(e);
    }
    ~SqliteCursor() override {
        if (!kept_) return;
        try {
            q_->reset();
            q_->clearBindings();
        } catch (...) {
            // A failed step leaves its error in reset(); the statement is fine to run again.
        }
        StatementCache::give_back(*kept_);
    }
    void bind_null(int index) override { guard([&] { q_->bind(index); }); }
    void bind_int(int index, std::int64_t value) override {
        guard([&] { q_->bind(index, value); });
    }
    void bind_text(int index, std::string_view value) override {
        guard([&] { q_->bind(index, std::string(value)); });
    }
    void bind_bytes(int index, std::string_view value) override {
        guard([&] { q_->bind(index, static_cast<const void*>(value.data()), static_cast<int>(value.size())); });
    }
    bool step() override {
        bool row = false;
        guard([&] { row = q_->executeStep(); });
        if (!row) changes_ = db_.getChanges();
        return row;
    }
    Column column(int index) override {
        SQLite::Column c = q_->getColumn(index);
        if (c.isNull()) return Column(std::nullopt, true);
        const char* data = static_cast<const char*>(c.getBlob());
        return Column(std::string_view(data ? data : "", static_cast<std::size_t>(c.getBytes())), true);
    }
    int column_count() override { return q_->getColumnCount(); }
    std::int64_t changes() override { return changes_; }
    void reset() override { guard([&] { q_->reset(); }); }

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
    StatementCache::Entry* kept_;  // null: the statement is the cursor's own
    SQLite::Statement* q_ = nullptr;
    std::unique_ptr<SQLite::Statement> own_;
    std::int64_t changes_ = 0;
};

class SqliteConnection final : public Connection {
public:
    explicit SqliteConnection(SQLite::Database db) : db_(std::move(db)) {}
    Kind kind() const override { return Kind::sqlite; }
    std::unique_ptr<Cursor> prepare(std::string_view sql) override {
        return std::make_unique<SqliteCursor>(db_, cache_, sql);
    }
    void execute(std::string_view script) override {
        try {
            db_.exec(expand_types(script));
        } catch (const SQLite::Exception& e) {
            rethrow(e);
        }
    }
    void begin(bool write) override { control(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
    void commit() override { control("COMMIT"); }
    // A statement that begins, marks or ends a transaction, kept prepared like the others: every
    // request runs a few of them.
    void control(std::string_view sql) { SqliteCursor(db_, cache_, sql).step(); }
    void rollback() noexcept override {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // Nothing was open (SQLite ends a transaction itself on some errors).
        }
    }
    // SQLite's generated ids always continue above the largest one in the table.
    void resume_generated_ids(std::string_view) override {}
    bool in_transaction() { return sqlite3_get_autocommit(db_.getHandle()) == 0; }
    SQLite::Database& db() { return db_; }

private:
    SQLite::Database db_;
    StatementCache cache_;  // after db_: its statements are finalized before the connection
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

// A connection for reading the file a writer keeps: it sees every committed write.
SQLite::Database open_reader(const std::string& path) {
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        db.setBusyTimeout(kBusyTimeoutMs);
        return db;
    } catch (const SQLite::Exception& e) {
        throw Error("cannot open database " + path + ": " + e.what());
    }
}

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, bool read_only)
        : Database(path), writer_(open_file(path, read_only)),
          // An in-memory database exists on its one connection only.
          separate_readers_(path != ":memory:" && !path.empty() && path.rfind("file:", 0) != 0) {}
    Kind kind() const override { return Kind::sqlite; }
    void with_connection(const std::function<void(Connection&)>& f) override {
        std::lock_guard lock(writer_mutex_);
        f(writer_);
    }
    void erase_deleted() noexcept override {
        // No reader may hold an old snapshot meanwhile: that would keep the log's pages.
        std::unique_lock readers(readers_gate_);
        std::lock_guard lock(writer_mutex_);
        try {
            // The write-ahead log still holds the pages as they were before the delete: copy
            // the latest pages into the file and empty the log.
            writer_.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
        }
    }
    void set_durable(bool durable) override {
        std::lock_guard lock(writer_mutex_);
        writer_.execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        // The checkpoint syncs the write-ahead log before it copies it into the database.
        if (durable) writer_.execute("PRAGMA wal_checkpoint(PASSIVE)");
    }

protected:
    void run(bool write, std::optional<std::int64_t>, const std::function<void(Connection&)>& f) override {
        if (write) return run_write(f);
        if (!separate_readers_) {
            std::lock_guard lock(writer_mutex_);
            run_alone(writer_, false, f);
            return;
        }
        std::shared_lock gate(readers_gate_);
        std::unique_ptr<SqliteConnection> reader = lease_reader();
        try {
            run_alone(*reader, false, f);
        } catch (...) {
            release_reader(std::move(reader));
            throw;
        }
        release_reader(std::move(reader));
    }

private:
    using Job = WriteQueue::Job;

    static void run_alone(SqliteConnection& c, bool write, const std::function<void(Connection&)>& f) {
        c.begin(write);
        try {
            f(c);
            c.commit();
        } catch (...) {
            c.rollback();
            throw;
        }
    }

    void run_write(const std::function<void(Connection&)>& f) {
        writes_.run(f, [this](const WriteQueue::Group& group) { commit_group(group); });
    }

    void commit_group(const WriteQueue::Group& group) {
        std::lock_guard lock(writer_mutex_);
        if (group.size() == 1) {
            try {
                run_alone(writer_, true, *group[0]->f);
            } catch (...) {
                group[0]->error = std::current_exception();
            }
            return;
        }
        try {
            writer_.begin(true);
        } catch (...) {
            for (Job* j : group) j->error = std::current_exception();
            return;
        }
        // A failing writer undoes its own savepoint only; should SQLite have ended the whole
        // transaction, the writers before it lost theirs too.
        std::size_t i = 0;
        for (; i < group.size(); ++i) {
            Job* j = group[i];
            try {
                writer_.control("SAVEPOINT writer");
                (*j->f)(writer_);
                writer_.control("RELEASE writer");
            } catch (...) {
                j->error = std::current_exception();
                if (!writer_.in_transaction()) break;
                try {
                    writer_.control("ROLLBACK TO writer");
                    writer_.control("RELEASE writer");
                } catch (...) {
                    break;
                }
            }
        }
        if (i < group.size()) {
            writer_.rollback();
            std::exception_ptr lost = group[i]->error;
            for (Job* j : group)
                if (j != group[i]) j->error = lost;
            return;
        }
        try {
            writer_.commit();
        } catch (...) {
            writer_.rollback();
            for (Job* j : group)
                if (!j->error) j->error = std::current_exception();
        }
    }

    std::unique_ptr<SqliteConnection> lease_reader() {
        {
            std::lock_guard lock(readers_mutex_);
            if (!idle_readers_.empty()) {
                auto c = std::move(idle_readers_.back());
                idle_readers_.pop_back();
                return c;
            }
        }
        return std::make_unique<SqliteConnection>(open_reader(address()));
    }
    void release_reader(std::unique_ptr<SqliteConnection> c) {
        std::lock_guard lock(readers_mutex_);
        if (idle_readers_.size() < kIdleReaders) idle_readers_.push_back(std::move(c));
    }

    static constexpr std::size_t kIdleReaders = 16;
    std::mutex writer_mutex_;
    SqliteConnection writer_;
    bool separate_readers_;
    WriteQueue writes_;
    std::shared_mutex readers_gate_;  // readers share it; erasing deleted pages holds it alone
    std::mutex readers_mutex_;
    std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
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
