// The store over either database: opening and migrating, councils, issues and co-signs.
#include "yishi/server/store.hpp"

#include "schema.hpp"
#include "store_ballot_methods.hpp"
#include "store_records.hpp"
#include "store_report_marks.hpp"
#include "store_impl.hpp"
#include "store_notifications.hpp"
#include "yishi/cosign.hpp"

namespace yishi::server {

namespace {
constexpr const char* kCouncilSelect = R"sql(
    SELECT c.id, c.name, co.name, c.kind, c.cosign_threshold,
           (SELECT COUNT(*) FROM council_members cm WHERE cm.council_id = c.id)
    FROM councils c JOIN communities co ON co.id = c.community_id
)sql";

// ?1 is always the viewer, for cosigned_by_me.
constexpr const char* kIssueSelect = R"sql(
    SELECT i.id, i.council_id, i.title, i.body, i.author_id, m.name, i.created_at, i.stage,
           (SELECT COUNT(*) FROM cosigns s WHERE s.issue_id = i.id),
           EXISTS (SELECT 1 FROM cosigns s WHERE s.issue_id = i.id AND s.member_id = ?1),
           i.category, i.tag, i.raised_by, d.merged_into, d.reason, i.raised_for_name,
           i.raised_for_household
    FROM issues i JOIN members m ON m.id = i.author_id
    LEFT JOIN issue_dispositions d ON d.issue_id = i.id
)sql";

Council council_from(Statement& q) {
    Council c;
    c.id = q.column(0).int64();
    c.name = q.column(1).text();
    c.community = q.column(2).text();
    c.kind = q.column(3).text();
    c.cosign_threshold = q.column(4).integer();
    c.member_count = q.column(5).integer();
    return c;
}

Issue issue_from(Statement& q) {
    Issue i;
    i.id = q.column(0).int64();
    i.council_id = q.column(1).int64();
    i.title = q.column(2).text();
    i.body = q.column(3).text();
    i.author_id = q.column(4).int64();
    i.author_name = q.column(5).text();
    i.created_at = q.column(6).int64();
    if (!issue_stage_from_string(q.column(7).text(), i.stage))
        throw StoreError("unknown issue stage in database: " + q.column(7).text());
    i.cosigns = q.column(8).integer();
    i.cosigned_by_me = q.column(9).integer() != 0;
    i.category = q.column(10).text();
    i.tag = q.column(11).text();
    i.raised_by_id = q.column(12).null() ? 0 : q.column(12).int64();
    i.merged_into = q.column(13).null() ? 0 : q.column(13).int64();
    i.reason = q.column(14).null() ? "" : q.column(14).text();
    i.raised_for_name = q.column(15).text();
    i.raised_for_household = q.column(16).text();
    return i;
}

}  // namespace

Member member_from(Statement& q) {
    Member m;
    m.id = q.column(0).int64();
    m.login = q.column(1).text();
    m.name = q.column(2).text();
    m.role = q.column(3).text();
    return m;
}

Store::Impl::Impl(const std::string& address, Access access) {
    try {
        db = database::Database::open(address, {.read_only = access == Access::read_only});
    } catch (const database::Error& e) {
        throw StoreError(e.what());
    }
}

std::optional<Issue> issue(Connection& db, Id id, Id viewer) {
    Statement q(db, std::string(kIssueSelect) + " WHERE i.id = ?2");
    q.bind(1, viewer);
    q.bind(2, id);
    if (!q.step()) return std::nullopt;
    return issue_from(q);
}

std::optional<Council> council(Connection& db, Id id) {
    Statement q(db, std::string(kCouncilSelect) + " WHERE c.id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return council_from(q);
}

bool is_member(Connection& db, Id council_id, Id member_id) {
    Statement q(db, "SELECT 1 FROM council_members WHERE council_id = ? AND member_id = ?");
    q.bind(1, council_id);
    q.bind(2, member_id);
    return q.step();
}

Id community_of_council(Connection& db, Id council_id) {
    Statement q(db, "SELECT community_id FROM councils WHERE id = ?");
    q.bind(1, council_id);
    if (!q.step()) throw StoreError("no council " + std::to_string(council_id));
    return q.column(0).int64();
}

Id community_of_member(Connection& db, Id member_id) {
    // A member belongs to their own community, else to the community of their councils; one
    // outside every community (a street office's staff) writes to the city's chain, 0.
    Statement own(db, "SELECT community_id FROM members WHERE id = ?");
    own.bind(1, member_id);
    if (own.step() && !own.column(0).null()) return own.column(0).int64();
    own.reset();
    Statement q(db,
                "SELECT MIN(c.community_id) FROM council_members cm "
                "JOIN councils c ON c.id = cm.council_id WHERE cm.member_id = ?");
    q.bind(1, member_id);
    if (!q.step() || q.column(0).null()) return 0;
    return q.column(0).int64();
}

Store::Store(const std::string& address, Access access, const std::string& ballot_key_path)
    : impl_(std::make_unique<Impl>(address, access)) {
    try {
        if (access == Access::read_only) {
            int version = schema_version();
            if (version != latest_schema_version())
                throw StoreError("database " + address + " has schema version " +
                                 std::to_string(version) + ", this server reads version " +
                                 std::to_string(latest_schema_version()) +
                                 " (start the server on it once to upgrade it)");
            return;
        }
        migrate(*impl_->db);
        std::string key_path = ballot_key_path;
        if (key_path.empty()) {
            if (impl_->db->kind() == database::Kind::postgres)
                throw StoreError("with PostgreSQL, give the ballot key file with --ballot-key: "
                                 "every server sharing the database needs the same file");
            key_path = address + ".ballot-key";
        }
        // Once a secret ballot was sealed, only the same key will do: never a fresh one that
        // would leave its votes unopenable.
        auto recorded = impl_->read([](Connection& db) { return methods::ballot_key_fingerprint(db); });
        impl_->ballot_key = load_ballot_key(key_path, !recorded);
        if (recorded && *recorded != impl_->ballot_key.fingerprint())
            throw StoreError("ballot key file " + key_path +
                             " is not the key this database's secret ballots were sealed under: "
                             "give the database's own key file with --ballot-key");
    } catch (const database::Error& e) {
        throw StoreError("cannot prepare database " + address + ": " + e.what());
    }
}

Store::~Store() = default;

int Store::schema_version() { return stored_schema_version(*impl_->db); }

void Store::set_durable(bool durable) { impl_->db->set_durable(durable); }

std::vector<Council> Store::councils_of(Id member_id) {
    return impl_->read([&](Connection& db) {
    Statement q(db,
                        std::string(kCouncilSelect) +
                            " WHERE c.id IN (SELECT council_id FROM council_members "
                            "WHERE member_id = ?) ORDER BY c.id");
    q.bind(1, member_id);
    std::vector<Council> out;
    while (q.step()) out.push_back(council_from(q));
    return out;
    });
}

std::optional<Council> Store::council(Id id) {
    return impl_->read([&](Connection& db) { return server::council(db, id); });
}

bool Store::is_member(Id council_id, Id member_id) {
    return impl_->read([&](Connection& db) { return server::is_member(db, council_id, member_id); });
}

std::vector<Issue> Store::issues(Id council_id, Id viewer) {
    return impl_->read([&](Connection& db) {
    Statement q(db, std::string(kIssueSelect) +
                                       " WHERE i.council_id = ?2 "
                                       "ORDER BY i.created_at DESC, i.id DESC");
    q.bind(1, viewer);
    q.bind(2, council_id);
    std::vector<Issue> out;
    while (q.step()) out.push_back(issue_from(q));
    return out;
    });
}

std::vector<Issue> Store::issue_page(Id council_id, Id viewer, const IssuePageQuery& page) {
    return impl_->read([&](Connection& db) {
        // Two texts rather than one with an optional condition: each uses the council's
        // (council_id, created_at) index and stops after the page.
        std::string sql = std::string(kIssueSelect) + " WHERE i.council_id = ?2 ";
        if (page.after_id != 0)
            sql += "AND (i.created_at < ?4 OR (i.created_at = ?4 AND i.id < ?5)) ";
        sql += "ORDER BY i.created_at DESC, i.id DESC LIMIT ?3";
        Statement q(db, sql);
        q.bind(1, viewer);
        q.bind(2, council_id);
        q.bind(3, page.limit + 1);
        if (page.after_id != 0) {
            q.bind(4, page.after_time);
            q.bind(5, page.after_id);
        }
        std::vector<Issue> out;
        while (q.step()) out.push_back(issue_from(q));
        return out;
    });
}

std::optional<Issue> Store::issue(Id id, Id viewer) {
    return impl_->read([&](Connection& db) { return server::issue(db, id, viewer); });
}

Result<Issue> Store::cosign(Id issue_id, Id member_id, std::int64_t now) {
    return impl_->act(member_id, now, [&](Act& act) -> Result<Issue> {
        auto issue = server::issue(act.db, issue_id, member_id);
        if (!issue) return make_error("not_found", "issue_id");
        auto council = server::council(act.db, issue->council_id);
        if (!council) throw StoreError("issue without a council");
        bool member = act.who(council->id).member;
        if (auto refusal = check_cosign(*issue, member_id, member, issue->cosigned_by_me))
            return *refusal;

        // The UNIQUE constraint is the last word: a duplicate inserts nothing.
        Statement insert(act.db,
                         "INSERT INTO cosigns (issue_id, member_id, created_at) "
                         "VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        insert.bind(1, issue_id);
        insert.bind(2, member_id);
        insert.bind(3, now);
        if (insert.run() == 0) return make_error("already_cosigned");

        Statement count(act.db, "SELECT COUNT(*) FROM cosigns WHERE issue_id = ?");
        count.bind(1, issue_id);
        Issue after = *issue;
        after.cosigns = single(count).integer();
        after.cosigned_by_me = true;
        after.stage = stage_after_cosign(*issue, after.cosigns, *council);
        if (after.stage != issue->stage) records::write_stage(act.db, issue_id, after.stage);
        if (after.stage == IssueStage::listed) report_marks::issue_accepted(act.db, issue_id, now);
        if (after.stage != issue->stage)
            notify::issue_outcome(act.db, NotificationKind::issue_accepted, after, now);
        act.record("issue_cosigned", Json{{"issue_id", issue_id},
                                          {"cosigns", after.cosigns},
                                          {"stage", to_string(after.stage)}});
        return after;
    });
}

}  // namespace yishi::server
