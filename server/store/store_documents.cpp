// What the printed documents read beside the session, ballot and task records: where a council
// sits in the tree (for who may read its papers) and one notice (公示) by its id.
#include "store_impl.hpp"

namespace yishi::server {

std::optional<Store::CouncilPlace> Store::council_place(Id council_id) {
    return impl_->read([&](Connection& db) -> std::optional<CouncilPlace> {
        Statement q(db,
                    "SELECT c.community_id, m.name, COALESCE(m.street_id, 0), "
                    "COALESCE(s.name, m.street) "
                    "FROM councils c JOIN communities m ON m.id = c.community_id "
                    "LEFT JOIN streets s ON s.id = m.street_id WHERE c.id = ?");
        q.bind(1, council_id);
        if (!q.step()) return std::nullopt;
        CouncilPlace p;
        p.community_id = q.column(0).int64();
        p.community = q.column(1).text();
        p.street_id = q.column(2).int64();
        p.street = q.column(3).text();
        return p;
    });
}

std::optional<Notice> Store::notice(Id id) {
    return impl_->read([&](Connection& db) -> std::optional<Notice> {
        Statement q(db,
                    "SELECT id, council_id, kind, subject_id, text, starts_at, ends_at "
                    "FROM notices WHERE id = ?");
        q.bind(1, id);
        if (!q.step()) return std::nullopt;
        Notice n;
        n.id = q.column(0).int64();
        n.council_id = q.column(1).int64();
        n.kind = q.column(2).text() == "result" ? NoticeKind::result : NoticeKind::resolution;
        n.subject_id = q.column(3).int64();
        n.text = q.column(4).text();
        n.starts_at = q.column(5).int64();
        n.ends_at = q.column(6).int64();
        return n;
    });
}

}  // namespace yishi::server
