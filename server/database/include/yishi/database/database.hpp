// One small interface over the two databases the store runs on: SQLite (an embedded file, the
// default) and PostgreSQL (a server that several Yishi instances share). The store writes its
// SQL once against it; a driver knows placeholders, types, transactions and which failures are
// worth a retry. SQL uses `?` or `?N` placeholders (1-based); a driver rewrites them.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace yishi::database {

// A database failure. `retry` marks one that a fresh attempt of the whole transaction may not
// meet (PostgreSQL's serialization failures and deadlocks, a key taken by a concurrent writer).
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what, bool retry = false)
        : std::runtime_error(what), retry_(retry) {}
    bool retry() const { return retry_; }

private:
    bool retry_;
};

enum class Kind { sqlite, postgres };

// One value of the current row. Integers, text, bytes and NULL are all the store uses.
class Column {
public:
    Column(std::optional<std::string_view> value, bool blob) : value_(value), blob_(blob) {}
    bool null() const { return !value_; }
    std::int64_t int64() const;  // 0 for NULL; PostgreSQL's booleans read as 0 and 1
    int integer() const { return static_cast<int>(int64()); }
    std::string text() const { return value_ ? std::string(*value_) : std::string(); }
    std::string bytes() const;  // a BLOB (SQLite) or BYTEA (PostgreSQL) column's bytes

private:
    std::optional<std::string_view> value_;
    bool blob_;  // the driver hands over raw bytes (SQLite) rather than PostgreSQL's hex text
};

// A driver's prepared statement: parameters in, rows out.
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_null(int index) = 0;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view value) = 0;
    virtual void bind_bytes(int index, std::string_view value) = 0;
    // Runs the statement on the first call; true while a row is current.
    virtual bool step() = 0;
    virtual Column column(int index) = 0;
    virtual int column_count() = 0;
    virtual std::int64_t changes() = 0;  // rows the statement inserted, updated or deleted
    // Ready to run again; bindings are kept until bound anew.
    virtual void reset() = 0;
    // Runs the statement later in its transaction: before the next statement that is stepped,
    // at the connection's flush, or with the commit, whichever comes first, where its failure
    // fails the transaction. Several deferred writes then travel together (PostgreSQL: one
    // round trip); a driver without round trips runs it at once.
    virtual void defer() { step(); }
};

// One connection: used by one thread at a time, inside a transaction the Database began.
class Connection {
public:
    virtual ~Connection() = default;
    virtual Kind kind() const = 0;
    virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
    // Runs statements without parameters, separated by semicolons. In a script, `{id}` stands
    // for a generated 64-bit primary key column and `{bytes}` for a column of raw bytes: the
    // only two column types the databases spell differently.
    virtual void execute(std::string_view script) = 0;
    virtual void begin(bool write) = 0;
    // Runs what was deferred (Cursor::defer), so that its failure is this moment's.
    virtual void flush() {}
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // After rows were copied in with their ids: generated ids of `table` continue above them.
    virtual void resume_generated_ids(std::string_view table) = 0;
};

// A statement over a connection, in the manner of SQLiteCpp's: bind, then step through rows.
class Statement {
public:
    Statement(Connection& connection, std::string_view sql);
    template <typename T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
    Statement& bind(int index, T value) { return bind_int(index, static_cast<std::int64_t>(value)); }
    Statement& bind_int(int index, std::int64_t value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullptr_t) { return bind(index); }
    Statement& bind(int index);  // NULL
    Statement& bind(int index, const std::optional<std::int64_t>& value);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind_bytes(int index, std::string_view bytes);
    bool step();
    // Runs a statement that returns no rows; the number of rows it changed.
    std::int64_t run();
    // A write whose outcome is not read: run later, with the transaction's next round trip
    // (Cursor::defer); the driver keeps what it needs, the Statement may go.
    void run_later();
    Column column(int index);
    int column_count();
    void reset();

private:
    std::unique_ptr<Cursor> cursor_;
};

// Runs `sql` and reads column 0 of its first row; throws when there is no row.
Column single(Statement& statement);

// Connections to one database, chosen by its address: `postgresql://...` (or `postgres://`)
// for PostgreSQL, anything else is a SQLite file path. Transactions run through read() and
// write(): each leases a connection, begins, runs the function and commits, and write() runs
// the function again from the start when the driver reports a retryable failure. The function
// must therefore keep its effects inside the transaction (build its result afresh each time).
class Database {
public:
    struct Options {
        bool read_only = false;
        int max_connections = 16;  // PostgreSQL; SQLite keeps one connection
        int max_attempts = 30;     // of a write that meets retryable failures
    };
    static std::unique_ptr<Database> open(const std::string& address, Options options);
    static bool is_postgres_address(const std::string& address);

    virtual ~Database() = default;
    virtual Kind kind() const = 0;
    const std::string& address() const { return address_; }

    template <typename F>
    auto write(F&& f) { return write_in(std::nullopt, std::forward<F>(f)); }
    // A write in a scope (a community): writers in one scope run one after another, so they
    // never make each other fail and retry; writers in different scopes run side by side.
    template <typename F>
    auto write_in(std::optional<std::int64_t> scope, F&& f) -> decltype(f(std::declval<Connection&>())) {
        using R = decltype(f(std::declval<Connection&>()));
        if constexpr (std::is_void_v<R>) {
            run(true, scope, [&](Connection& c) { f(c); });
        } else {
            std::optional<R> out;
            run(true, scope, [&](Connection& c) { out.emplace(f(c)); });
            return std::move(*out);
        }
    }
    template <typename F>
    auto read(F&& f) -> decltype(f(std::declval<Connection&>())) {
        using R = decltype(f(std::declval<Connection&>()));
        if constexpr (std::is_void_v<R>) {
            run(false, std::nullopt, [&](Connection& c) { f(c); });
        } else {
            std::optional<R> out;
            run(false, std::nullopt, [&](Connection& c) { out.emplace(f(c)); });
            return std::move(*out);
        }
    }
    // A read of one statement. One statement sees one snapshot by itself on both databases, so
    // it needs no BEGIN and COMMIT around it (on PostgreSQL, two round trips fewer).
    template <typename F>
    auto read_statement(F&& f) -> decltype(f(std::declval<Connection&>())) {
        using R = decltype(f(std::declval<Connection&>()));
        if constexpr (std::is_void_v<R>) {
            run_statement([&](Connection& c) { f(c); });
        } else {
            std::optional<R> out;
            run_statement([&](Connection& c) { out.emplace(f(c)); });
            return std::move(*out);
        }
    }
    // Outside any transaction, with the connection to itself: for a driver's housekeeping
    // (SQLite's pragmas, checkpoints) and for migrations that manage their own transactions.
    virtual void with_connection(const std::function<void(Connection&)>& f) = 0;
    // After a committed transaction that deleted rows which must not be recoverable from the
    // database's files (a secret ballot's sealed contents): SQLite empties its write-ahead
    // log; PostgreSQL's old row versions wait for its vacuum (documented).
    virtual void erase_deleted() noexcept = 0;
    // Whether a commit waits for the disk. On by default; off only for bulk seeding, where a
    // crash loses nothing that cannot be made again.
    virtual void set_durable(bool durable) = 0;

protected:
    explicit Database(std::string address) : address_(std::move(address)) {}
    virtual void run(bool write, std::optional<std::int64_t> scope,
                     const std::function<void(Connection&)>& f) = 0;
    virtual void run_statement(const std::function<void(Connection&)>& f) {
        run(false, std::nullopt, f);
    }

private:
    std::string address_;
};

// What a backup copied: the source's pages, of page_size bytes each.
struct BackupCopy {
    std::int64_t pages = 0;
    std::int64_t page_size = 0;
};
// A consistent copy of the SQLite database at `path` into the new file `target`, taken with
// SQLite's online backup API while servers keep writing to it: the copy holds the database as
// one moment saw it, in one file (no write-ahead log beside it), readable by its owner only.
// Throws Error for a PostgreSQL address (pg_dump copies those), when `target` exists (a backup
// never overwrites) and when the copy fails (then no file is left at `target`).
BackupCopy backup_sqlite(const std::string& path, const std::string& target);

}  // namespace yishi::database
