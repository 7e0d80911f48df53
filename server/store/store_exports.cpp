// Rows for the community administrator's CSV exports: a community's issues and a ballot's roll.
// (tasks.csv is the community's board, store_board.cpp.)
#include "store_impl.hpp"

namespace yishi::server {

namespace {
std::optional<Place> community_place(Connection& db, Id community_id) {
    Statement q(db, "SELECT COALESCE(street_id, 0) FROM communities WHERE id = ?");
    q.bind(1, community_id);
    if (!q.step()) return std::nullopt;
    return Place{q.column(0).int64(), community_id};
}
}  // namespace

Result<std::vector<Store::IssueExportRow>> Store::export_issues(Id viewer, Id community_id) {
    return impl_->read([&](Connection& db) -> Result<std::vector<IssueExportRow>> {
        auto place = community_place(db, community_id);
        if (!place) return make_error("not_found", "community_id");
        if (auto refused = may_export(admin_scope_of(db, viewer), *place)) return *refused;
        Statement q(db,
                    "SELECT i.id, i.title, i.stage, i.category, COALESCE(g.name, ''), "
                    "COALESCE(cs.n, 0), m.name, i.created_at, COALESCE(i.accepted_at, 0), "
                    "COALESCE(i.answered_at, 0) "
                    "FROM issues i JOIN councils co ON co.id = i.council_id "
                    "JOIN members m ON m.id = i.author_id "
                    "LEFT JOIN grids g ON g.id = i.grid_id "
                    "LEFT JOIN (SELECT issue_id, COUNT(*) AS n FROM cosigns GROUP BY issue_id) cs "
                    "ON cs.issue_id = i.id "
                    "WHERE co.community_id = ? ORDER BY i.created_at, i.id");
        q.bind(1, community_id);
        std::vector<IssueExportRow> out;
        while (q.step()) {
            IssueExportRow r;
            r.id = q.column(0).int64();
            r.title = q.column(1).text();
            issue_stage_from_string(q.column(2).text(), r.stage);
            r.category = q.column(3).text();
            r.grid = q.column(4).text();
            r.cosigns = q.column(5).int64();
            r.author = q.column(6).text();
            r.raised_at = q.column(7).int64();
            r.accepted_at = q.column(8).int64();
            r.answered_at = q.column(9).int64();
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<Store::RollExport> Store::export_roll(Id viewer, Id ballot_id) {
    return impl_->read([&](Connection& db) -> Result<RollExport> {
        Statement b(db,
                    "SELECT co.community_id, COALESCE(cm.street_id, 0), b.state, i.title, "
                    "COALESCE(s.secret, 0) FROM ballots b "
                    "JOIN councils co ON co.id = b.council_id "
                    "JOIN communities cm ON cm.id = co.community_id "
                    "JOIN issues i ON i.id = b.issue_id "
                    "LEFT JOIN ballot_specs s ON s.ballot_id = b.id WHERE b.id = ?");
        b.bind(1, ballot_id);
        if (!b.step()) return make_error("not_found", "ballot_id");
        Place place{b.column(1).int64(), b.column(0).int64()};
        if (auto refused = may_export(admin_scope_of(db, viewer), place)) return *refused;
        if (b.column(4).int64() != 0) return make_error("secret_roll");
        RollExport out;
        out.ballot_id = ballot_id;
        out.closed = b.column(2).text() == "closed";
        out.issue_title = b.column(3).text();
        // A yes/no ballot's choice is in votes, another method's content in ballot_voters.
        Statement q(db,
                    "SELECT m.name, COALESCE(h.label, ''), v.choice, bv.content, "
                    "CASE WHEN v.member_id IS NULL AND bv.member_id IS NULL THEN 0 ELSE 1 END "
                    "FROM ballot_roll r JOIN members m ON m.id = r.member_id "
                    "LEFT JOIN households h ON h.id = r.household_id "
                    "LEFT JOIN votes v ON v.ballot_id = r.ballot_id AND v.member_id = r.member_id "
                    "LEFT JOIN ballot_voters bv ON bv.ballot_id = r.ballot_id "
                    "AND bv.member_id = r.member_id "
                    "WHERE r.ballot_id = ? ORDER BY r.member_id");
        q.bind(1, ballot_id);
        while (q.step()) {
            RollExportRow r;
            r.name = q.column(0).text();
            r.household = q.column(1).text();
            r.voted = q.column(4).int64() != 0;
            if (out.closed) r.choice = q.column(2).null() ? q.column(3).text() : q.column(2).text();
            out.rows.push_back(std::move(r));
        }
        return out;
    });
}

}  // namespace yishi::server
