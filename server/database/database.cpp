// The interface's shared parts: statements over a driver's cursor, column conversions, and
// choosing the driver by address.
#include "yishi/database/database.hpp"

#include <charconv>

#include "drivers.hpp"

namespace yishi::database {

namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::int64_t Column::int64() const {
    if (!value_) return 0;
    std::string_view v = *value_;
    if (v == "t") return 1;
    if (v == "f") return 0;
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size())
        throw Error("not an integer in the database: " + std::string(v.substr(0, 40)));
    return out;
}

std::string Column::bytes() const {
    if (!value_) return {};
    if (blob_) return std::string(*value_);
    // PostgreSQL's text form of BYTEA: \x then two hex digits a byte.
    std::string_view v = *value_;
    if (v.size() < 2 || v[0] != '\\' || v[1] != 'x' || v.size() % 2 != 0)
        throw Error("unreadable bytes in the database");
    std::string out;
    out.reserve((v.size() - 2) / 2);
    for (std::size_t i = 2; i < v.size(); i += 2) {
        int hi = hex_value(v[i]), lo = hex_value(v[i + 1]);
        if (hi < 0 || lo < 0) throw Error("unreadable bytes in the database");
        out.push_back(static_cast<char>(hi * 16 + lo));
    }
    return out;
}

Statement::Statement(Connection& connection, std::string_view sql)
    : cursor_(connection.prepare(sql)) {}

Statement& Statement::bind_int(int index, std::int64_t value) {
    cursor_->bind_int(index, value);
    return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
    cursor_->bind_text(index, value);
    return *this;
}
Statement& Statement::bind(int index) {
    cursor_->bind_null(index);
    return *this;
}
Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    if (value) cursor_->bind_int(index, *value);
    else cursor_->bind_null(index);
    return *this;
}
Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    if (value) cursor_->bind_text(index, *value);
    else cursor_->bind_null(index);
    return *this;
}
Statement& Statement::bind_bytes(int index, std::string_view bytes) {
    cursor_->bind_bytes(index, bytes);
    return *this;
}
bool Statement::step() { return cursor_->step(); }
std::int64_t Statement::run() {
    while (cursor_->step()) {
    }
    return cursor_->changes();
}
void Statement::run_later() { cursor_->defer(); }
Column Statement::column(int index) { return cursor_->column(index); }
int Statement::column_count() { return cursor_->column_count(); }
void Statement::reset() { cursor_->reset(); }

Column single(Statement& statement) {
    if (!statement.step()) throw Error("the query returned no row");
    return statement.column(0);
}

std::string with_column_types(std::string_view script, std::string_view id,
                              std::string_view bytes) {
    std::string out(script);
    auto replace_all = [&](std::string_view from, std::string_view to) {
        for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
            out.replace(at, from.size(), to);
    };
    replace_all("{id}", id);
    replace_all("{bytes}", bytes);
    return out;
}

bool Database::is_postgres_address(const std::string& address) {
    return address.rfind("postgresql://", 0) == 0 || address.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Database> Database::open(const std::string& address, Options options) {
    if (is_postgres_address(address)) return open_postgres(address, options);
    return open_sqlite(address, options);
}

}  // namespace yishi::database
