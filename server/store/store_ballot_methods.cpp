// The store's side of ballot methods: ballot specs, 'has voted' records apart from secret contents
// (no voter, no time, random ids; sealed while the ballot is open), tellers' paper counts
// (计票员) and published bulletins.
#include "store_ballot_methods.hpp"

#include <sodium.h>

#include <algorithm>
#include <tuple>

#include "store_records.hpp"
#include "store_impl.hpp"
#include "yishi/ballot_count.hpp"
#include "yishi/server/auth.hpp"

namespace yishi::server {

namespace methods {

BallotSpec spec(Connection& db, Id ballot_id) {
    Statement q(db,
                "SELECT method, secret, unit, spec FROM ballot_specs WHERE ballot_id = ?");
    q.bind(1, ballot_id);
    if (!q.step()) return BallotSpec{};
    Json details = Json::parse(q.column(3).text(), nullptr, false);
    if (!details.is_object()) throw StoreError("unreadable ballot spec in database");
    auto s = stored_spec(q.column(0).text(), q.column(1).integer() != 0, q.column(2).text(),
                         details);
    if (!s) throw StoreError("unknown ballot method or unit in database");
    return s.value();
}

void insert_spec(Connection& db, Id ballot_id, const BallotSpec& s) {
    Statement q(db,
                "INSERT INTO ballot_specs (ballot_id, method, secret, unit, spec) "
                "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, ballot_id);
    q.bind(2, to_string(s.method));
    q.bind(3, s.secret ? 1 : 0);
    q.bind(4, to_string(s.unit));
    q.bind(5, spec_details(s).dump());
    q.run();
}

PaperCounts paper(Connection& db, Id ballot_id, const BallotSpec& s) {
    std::vector<PaperEntry> entries;
    Statement q(db,
                "SELECT teller_id, counts, entered_at FROM paper_counts "
                "WHERE ballot_id = ? ORDER BY teller_id");
    q.bind(1, ballot_id);
    while (q.step())
        entries.push_back({q.column(0).int64(), Json::parse(q.column(1).text()),
                           q.column(2).int64()});
    return compare_paper_counts(s, std::move(entries));
}

std::vector<Json> bulletin_ballots(Connection& db, Id ballot_id, const BallotSpec& s) {
    std::vector<Json> out;
    if (s.plain()) {
        Statement q(
            db, "SELECT member_id, choice FROM votes WHERE ballot_id = ? "
                "ORDER BY cast_at, member_id");
        q.bind(1, ballot_id);
        while (q.step())
            out.push_back(
                {{"choice", q.column(1).text()}, {"member_id", q.column(0).int64()}});
        return out;
    }
    if (!s.secret) {
        Statement q(db,
                    "SELECT member_id, content FROM ballot_voters WHERE ballot_id = ? "
                    "ORDER BY voted_at, member_id");
        q.bind(1, ballot_id);
        while (q.step()) {
            Json c = Json::parse(q.column(1).text());
            c["member_id"] = q.column(0).int64();
            out.push_back(std::move(c));
        }
        return out;
    }
    // A canonical order, a function of what was cast alone: it says nothing of the voting order.
    Statement q(db,
                "SELECT content, receipt FROM secret_contents WHERE ballot_id = ? "
                "ORDER BY receipt NULLS FIRST, content, id");
    q.bind(1, ballot_id);
    while (q.step()) {
        Json c = Json::parse(q.column(0).text());
        if (!q.column(1).null()) c["receipt"] = q.column(1).text();
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Json> stored_bulletin(Connection& db, Id ballot_id) {
    Statement q(db, "SELECT bulletin FROM bulletins WHERE ballot_id = ?");
    q.bind(1, ballot_id);
    if (!q.step()) return std::nullopt;
    return Json::parse(q.column(0).text());
}

void save_bulletin(Connection& db, Id ballot_id, const Json& bulletin, std::int64_t now) {
    Statement q(
        db, "INSERT INTO bulletins (ballot_id, bulletin, published_at) VALUES (?, ?, ?)");
    q.bind(1, ballot_id);
    q.bind(2, bulletin.dump());
    q.bind(3, now);
    q.run();
}

namespace {
// A random positive 62-bit id for a row of `table` (secret_contents, sealed_contents), so that
// ids (rowids in SQLite) carry no voting order.
Id random_content_id(Connection& db, const std::string& table) {
    for (;;) {
        std::uint64_t r = 0;
        randombytes_buf(&r, sizeof r);
        Id id = static_cast<Id>(r & 0x3FFF'FFFF'FFFF'FFFFull) + 1;
        Statement q(db, "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = ?)");
        q.bind(1, id);
        q.step();
        if (q.column(0).integer() == 0) return id;
    }
}

void insert_secret_content(Connection& db, Id ballot_id, const Json& content,
                           const std::optional<std::string>& receipt) {
    Statement c(db,
                "INSERT INTO secret_contents (id, ballot_id, content, receipt) "
                "VALUES (?, ?, ?, ?)");
    c.bind(1, random_content_id(db, "secret_contents"));
    c.bind(2, ballot_id);
    c.bind(3, content.dump());
    if (receipt)
        c.bind(4, *receipt);
    else
        c.bind(4);
    c.run();
}
}  // namespace

std::optional<std::string> ballot_key_fingerprint(Connection& db) {
    Statement q(db, "SELECT fingerprint FROM ballot_key_check WHERE id = 1");
    if (!q.step()) return std::nullopt;
    return q.column(0).text();
}

void seal_ballot(Connection& db, Id ballot_id, const BallotKey& key) {
    Statement record(db,
                     "INSERT INTO ballot_key_check (id, fingerprint) VALUES (1, ?) "
                     "ON CONFLICT DO NOTHING");
    record.bind(1, key.fingerprint());
    record.run();
    if (ballot_key_fingerprint(db) != key.fingerprint())
        throw StoreError("this server's ballot key is not the one the database's secret ballots "
                         "are sealed under: servers sharing a database need the same key file");
    BallotKeyPair pair = new_ballot_key_pair(key);
    Statement q(db,
                "INSERT INTO ballot_seals (ballot_id, public_key, sealed_secret_key) "
                "VALUES (?, ?, ?)");
    q.bind(1, ballot_id);
    q.bind(2, pair.public_key);
    q.bind(3, pair.sealed_secret_key);
    q.run();
}

std::optional<BallotKeyPair> ballot_key_pair(Connection& db, Id ballot_id) {
    Statement q(
        db, "SELECT public_key, sealed_secret_key FROM ballot_seals WHERE ballot_id = ?");
    q.bind(1, ballot_id);
    if (!q.step()) return std::nullopt;
    return BallotKeyPair{q.column(0).text(), q.column(1).text()};
}

void insert_sealed_content(Connection& db, Id ballot_id, const std::string& sealed) {
    Statement q(db, "INSERT INTO sealed_contents (id, ballot_id, sealed) VALUES (?, ?, ?)");
    q.bind(1, random_content_id(db, "sealed_contents"));
    q.bind(2, ballot_id);
    q.bind(3, sealed);
    q.run();
}

bool unseal_contents(Connection& db, Id ballot_id, const BallotKey& key) {
    auto pair = ballot_key_pair(db, ballot_id);
    if (!pair) return false;
    std::vector<std::string> sealed;
    Statement q(db, "SELECT sealed FROM sealed_contents WHERE ballot_id = ?");
    q.bind(1, ballot_id);
    while (q.step()) sealed.push_back(q.column(0).text());
    struct Opened {
        std::optional<std::string> receipt;
        std::string content;
        Json json;
    };
    std::vector<Opened> opened;
    for (const auto& text : open_contents(key, *pair, sealed)) {
        Json c = Json::parse(text, nullptr, false);
        if (!c.is_object()) throw StoreError("an unreadable sealed ballot content");
        Opened o;
        if (auto r = c.find("receipt"); r != c.end()) {
            o.receipt = r->get<std::string>();
            c.erase("receipt");
        }
        o.content = c.dump();
        o.json = std::move(c);
        opened.push_back(std::move(o));
    }
    // Written in an order that depends on what was cast alone, never on when.
    std::sort(opened.begin(), opened.end(), [](const Opened& a, const Opened& b) {
        return std::tie(a.receipt, a.content) < std::tie(b.receipt, b.content);
    });
    for (const auto& o : opened) insert_secret_content(db, ballot_id, o.json, o.receipt);
    // With secure_delete on, the sealed rows and the ballot's secret key are zeroed in place.
    Statement drop(db, "DELETE FROM sealed_contents WHERE ballot_id = ?");
    drop.bind(1, ballot_id);
    drop.run();
    Statement forget(db, "DELETE FROM ballot_seals WHERE ballot_id = ?");
    forget.bind(1, ballot_id);
    forget.run();
    return true;
}

}  // namespace methods

BallotSpec Store::ballot_spec(Id ballot_id) {
    return impl_->read([&](Connection& db) { return methods::spec(db, ballot_id); });
}

std::vector<Id> Store::ballot_voters(Id ballot_id) {
    return impl_->read([&](Connection& db) {
        // In voting order, as the 'has voted' records were written (ties by member).
        Statement q(db,
                    "SELECT member_id FROM ballot_voters WHERE ballot_id = ? "
                    "ORDER BY voted_at, member_id");
        q.bind(1, ballot_id);
        std::vector<Id> out;
        while (q.step()) out.push_back(q.column(0).int64());
        return out;
    });
}

std::vector<std::pair<Id, Json>> Store::open_contents(Id ballot_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db,
                    "SELECT member_id, content FROM ballot_voters "
                    "WHERE ballot_id = ? AND content IS NOT NULL ORDER BY voted_at, member_id");
        q.bind(1, ballot_id);
        std::vector<std::pair<Id, Json>> out;
        while (q.step())
            out.emplace_back(q.column(0).int64(), Json::parse(q.column(1).text()));
        return out;
    });
}

Result<CastReceipt> Store::cast_content(Id ballot_id, Id actor, const Json& content,
                                        std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CastReceipt> {
        Connection& db = act.db;
        auto vote = records::vote_context(db, ballot_id, actor);
        if (!vote) return vote.error();
        const Ballot& b = vote.value().record.ballot;
        BallotSpec spec = methods::spec(db, ballot_id);
        if (spec.plain()) throw StoreError("cast_content on a plain ballot");
        auto council = server::council(db, b.council_id);
        CouncilRules rules = records::rules(db, *council);
        // The core's rule (state, closing time, roll, unit, area); 'has voted' is the voters table's, below.
        auto cast = content_vote(vote.value().who, b, vote.value().session, spec, rules, content,
                                 now);
        if (!cast) return cast.error();
        const Id unit_key = cast.value().unit_key;
        const Json& stored = cast.value().content;
        Statement prior(db,
                        "SELECT member_id FROM ballot_voters WHERE ballot_id = ? "
                        "AND (member_id = ? OR unit_key = ?)");
        prior.bind(1, ballot_id);
        prior.bind(2, actor);
        prior.bind(3, unit_key);
        if (prior.step()) return already_voted_in_unit(actor, prior.column(0).int64());
        // UNIQUE (ballot, member) and UNIQUE (ballot, unit) are the last word.
        Statement q(db,
                    "INSERT INTO ballot_voters (ballot_id, member_id, unit_key, content, "
                    "voted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        q.bind(1, ballot_id);
        q.bind(2, actor);
        q.bind(3, unit_key);
        if (spec.secret)
            q.bind(4);  // NULL: what was cast is stored apart, without the voter
        else
            q.bind(4, stored.dump());
        q.bind(5, now);
        if (q.run() == 0) return make_error("already_voted");
        std::string receipt;
        act.in_council(b.council_id);
        if (spec.secret) {
            if (spec.receipts) receipt = new_invite_code();
            if (auto pair = methods::ballot_key_pair(db, ballot_id)) {
                // Sealed until closing, receipt inside, padded to the ballot's one size.
                Json sealed = stored;
                if (spec.receipts) sealed["receipt"] = receipt;
                methods::insert_sealed_content(
                    db, ballot_id,
                    seal_content(pair->public_key, sealed.dump(), sealed_block_size(spec)));
            } else {
                // Opened by a server that did not yet seal contents: stored as it was then.
                methods::insert_secret_content(
                    db, ballot_id, stored,
                    spec.receipts ? std::optional(receipt) : std::nullopt);
            }
            // The log says who voted, never what, and never the receipt (which would link them).
            act.record("vote_cast", Json{{"ballot_id", ballot_id}});
        } else {
            act.record("vote_cast", Json{{"ballot_id", ballot_id}, {"content", content}});
        }
        auto after = records::ballot(db, ballot_id);
        return CastReceipt{*after, receipt};
    });
}

Result<PaperCounts> Store::enter_paper_counts(Id ballot_id, Id actor, const Json& counts,
                                              std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PaperCounts> {
        Connection& db = act.db;
        auto record = records::ballot(db, ballot_id);
        if (!record) return make_error("not_found");
        const Actor& who = act.who(record->ballot.council_id);
        BallotSpec spec = methods::spec(db, ballot_id);
        if (auto e = may_enter_paper_counts(who, record->ballot, spec)) return *e;
        Statement q(db,
                    "INSERT INTO paper_counts (ballot_id, teller_id, counts, entered_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (ballot_id, teller_id) DO UPDATE SET "
                    "counts = excluded.counts, entered_at = excluded.entered_at");
        q.bind(1, ballot_id);
        q.bind(2, actor);
        q.bind(3, counts.dump());
        q.bind(4, now);
        q.run();
        PaperCounts pc = methods::paper(db, ballot_id, spec);
        act.record("paper_counts_entered",
                   Json{{"ballot_id", ballot_id}, {"counts", counts}, {"agreed", pc.agreed}});
        return pc;
    });
}

Result<PaperCounts> Store::paper_counts(Id ballot_id, Id viewer) {
    return impl_->read([&](Connection& db) -> Result<PaperCounts> {
        auto record = records::ballot(db, ballot_id);
        if (!record) return make_error("not_found");
        if (!server::is_member(db, record->ballot.council_id, viewer))
            return make_error("forbidden");
        return methods::paper(db, ballot_id, methods::spec(db, ballot_id));
    });
}

std::optional<Json> Store::bulletin(Id ballot_id) {
    return impl_->read([&](Connection& db) -> std::optional<Json> {
        if (auto b = methods::stored_bulletin(db, ballot_id)) return b;
        // Ballots closed by a server that kept no bulletins: published from their votes
        // under the council's present rules, the way closing publishes them now.
        auto record = records::ballot(db, ballot_id);
        if (!record || record->ballot.state != BallotState::closed || !record->tally)
            return std::nullopt;
        BallotSpec spec = methods::spec(db, ballot_id);
        auto council = server::council(db, record->ballot.council_id);
        CouncilRules rules = records::rules(db, *council);
        auto published =
            publish_bulletin({record->ballot, record->issue_title, spec, rules,
                              methods::bulletin_ballots(db, ballot_id, spec), std::nullopt,
                              record->tally});
        if (!published)
            throw StoreError("an unpublishable closed ballot: " + published.error().message);
        return published.value().bulletin;
    });
}

}  // namespace yishi::server
