// Moving a community's database to another (a SQLite file into PostgreSQL): every table
// copied row for row with its ids, in one transaction, then counted on both sides.
#include "schema.hpp"
#include "store_impl.hpp"

namespace yishi::server {

namespace {
// Every table of the schema, each after the tables it references.
constexpr const char* kTables[] = {
    "streets",         "communities",      "departments",        "grids",
    "households",      "councils",         "members",
    "council_members", "issues",           "cosigns",            "auth_tokens",
    "invites",         "audit_log",        "council_rules",      "sessions",
    "session_demands", "agenda_items",     "session_signins",    "ballots",
    "ballot_roll",     "votes",            "notices",            "issue_dispositions",
    "comments",        "comment_revisions", "cppccs",            "special_committees",
    "cppcc_seats",     "topics",           "research_members",   "field_visits",
    "report_sections", "meetings",         "participants",       "meeting_items",
    "recommendations", "recommendation_proposers", "recommendation_sources", "sendings",
    "tasks",           "task_progress",
    "task_replies",    "task_ratings",     "ballot_specs",       "ballot_voters",
    "paper_counts",    "bulletins",        "ballot_key_check",   "ballot_seals",
    "sealed_contents", "secret_contents",  "throttle_pairs",     "throttle_addresses",
    "session_closings", "session_cancellations", "admin_scopes", "account_codes",
    "setup",           "notifications",    "notification_mutes", "community_hooks",
    "hook_deliveries",
};
// Tables whose `id` the database generates.
constexpr const char* kGeneratedIds[] = {
    "streets", "departments", "grids", "account_codes",
    "communities", "households", "councils", "members", "issues", "invites", "sessions",
    "session_demands", "ballots", "notices", "comments", "comment_revisions", "tasks",
    "task_progress", "task_replies", "sealed_contents", "secret_contents", "cppccs",
    "special_committees", "topics", "field_visits", "report_sections", "participants",
    "meeting_items", "recommendations", "sendings", "notifications", "hook_deliveries",
};

std::int64_t count_rows(Connection& db, const std::string& table) {
    Statement q(db, "SELECT COUNT(*) FROM " + table);
    return single(q).int64();
}
}  // namespace

std::vector<TableCount> copy_database(const std::string& from, const std::string& to) {
    auto source = database::Database::open(from, {.read_only = true});
    if (stored_schema_version(*source) != latest_schema_version())
        throw StoreError("database " + from + " is not at schema version " +
                         std::to_string(latest_schema_version()) +
                         " (start this server on it once to upgrade it)");
    auto target = database::Database::open(to, {});
    migrate(*target);

    return source->read([&](Connection& in) {
        return target->write([&](Connection& out) {
            if (count_rows(out, "communities") > 0)
                throw StoreError("database " + to + " already holds data: copy into an empty one");
            std::vector<TableCount> counts;
            for (const char* table : kTables) {
                Statement rows(in, std::string("SELECT * FROM ") + table);
                std::optional<Statement> insert;
                while (rows.step()) {
                    int columns = rows.column_count();
                    if (!insert) {
                        std::string sql = std::string("INSERT INTO ") + table + " VALUES (";
                        for (int c = 0; c < columns; ++c) sql += c ? ", ?" : "?";
                        insert.emplace(out, sql + ")");
                    }
                    insert->reset();
                    for (int c = 0; c < columns; ++c) {
                        auto value = rows.column(c);
                        if (value.null()) insert->bind(c + 1);
                        else insert->bind(c + 1, value.text());
                    }
                    insert->run();
                }
                counts.push_back({table, count_rows(in, table), count_rows(out, table)});
            }
            for (const char* table : kGeneratedIds) out.resume_generated_ids(table);
            return counts;
        });
    });
}

}  // namespace yishi::server
