// The store's ballots (表决): opening one on an agenda item with its frozen roll, votes (one per
// member, by the core's rule and a UNIQUE constraint), closing with the tally, the issue's
// resolution and the resolution notice (决议公开); and the council's notices.
#include "store_ballot_methods.hpp"
#include "store_records.hpp"
#include "store_impl.hpp"
#include "store_notifications.hpp"
#include "yishi/ballot_count.hpp"
#include "yishi/vote_check.hpp"

namespace yishi::server {

namespace records {

std::optional<BallotRecord> ballot(Connection& db, Id id) {
    Statement q(db,
                "SELECT b.id, b.council_id, b.session_id, b.issue_id, b.special_matter, "
                "b.state, b.electorate_heads, b.electorate_households, b.electorate_area, "
                "b.opened_at, b.closed_at, b.tally_yes, b.tally_no, b.tally_abstain, "
                "b.tally_not_voted, b.tally_present, b.tally_yes_area, "
                "b.tally_present_area, b.tally_quorum, b.outcome, i.title, "
                "COALESCE(b.closes_at, 0) FROM ballots b JOIN issues i ON i.id = b.issue_id WHERE b.id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    BallotRecord r;
    Ballot& b = r.ballot;
    b.id = q.column(0).int64();
    b.council_id = q.column(1).int64();
    b.session_id = q.column(2).int64();
    b.issue_id = q.column(3).int64();
    b.special_matter = q.column(4).integer() != 0;
    b.state = q.column(5).text() == "open" ? BallotState::open : BallotState::closed;
    b.electorate.heads = q.column(6).int64();
    b.electorate.households = q.column(7).int64();
    b.electorate.area_centi_m2 = q.column(8).int64();
    b.opened_at = q.column(9).int64();
    b.closed_at = q.column(10).int64();
    if (!q.column(19).null()) {
        Tally t;
        t.yes = q.column(11).int64();
        t.no = q.column(12).int64();
        t.abstain = q.column(13).int64();
        t.not_voted = q.column(14).int64();
        t.present = q.column(15).int64();
        t.yes_area_centi_m2 = q.column(16).int64();
        t.present_area_centi_m2 = q.column(17).int64();
        t.quorum = q.column(18).integer() != 0;
        if (!outcome_from_string(q.column(19).text(), t.outcome))
            throw StoreError("unknown ballot outcome in database");
        r.tally = t;
    }
    r.issue_title = q.column(20).text();
    b.closes_at = q.column(21).int64();

    Statement roll(db,
                   "SELECT member_id, household_id, area FROM ballot_roll "
                   "WHERE ballot_id = ? ORDER BY member_id");
    roll.bind(1, id);
    while (roll.step())
        b.roll.push_back({roll.column(0).int64(), roll.column(1).int64(),
                          roll.column(2).int64()});
    Statement votes(db,
                    "SELECT member_id, choice FROM votes WHERE ballot_id = ? "
                    "ORDER BY cast_at, member_id");
    votes.bind(1, id);
    while (votes.step()) {
        CastVote v;
        v.member_id = votes.column(0).int64();
        if (!choice_from_string(votes.column(1).text(), v.choice))
            throw StoreError("unknown vote choice in database");
        b.votes.push_back(v);
    }
    return r;
}

std::vector<Id> ballot_ids_of_session(Connection& db, Id session_id) {
    Statement q(db, "SELECT id FROM ballots WHERE session_id = ? ORDER BY id");
    q.bind(1, session_id);
    std::vector<Id> out;
    while (q.step()) out.push_back(q.column(0).int64());
    return out;
}

void write_stage(Connection& db, Id issue_id, IssueStage stage) {
    Statement q(db, "UPDATE issues SET stage = ? WHERE id = ?");
    q.bind(1, to_string(stage));
    q.bind(2, issue_id);
    q.run();
}

Notice insert_notice(Connection& db, Notice n) {
    Statement ins(db,
                  "INSERT INTO notices (council_id, kind, subject_id, text, starts_at, "
                  "ends_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    ins.bind(1, n.council_id);
    ins.bind(2, to_string(n.kind));
    ins.bind(3, n.subject_id);
    ins.bind(4, n.text);
    ins.bind(5, n.starts_at);
    ins.bind(6, n.ends_at);
    n.id = single(ins).int64();
    return n;
}

Result<VoteContext> vote_context(Connection& db, Id ballot_id, Id member_id) {
    auto record = ballot(db, ballot_id);
    if (!record) return make_error("not_found");
    Actor who = actor(db, record->ballot.council_id, member_id);
    if (!who.member) return make_error("forbidden");
    auto s = session(db, record->ballot.session_id);
    if (!s) throw StoreError("a ballot without its session");
    return VoteContext{std::move(*record), who, std::move(*s)};
}

}  // namespace records

std::vector<BallotRecord> Store::ballots_of_session(Id session_id) {
    return impl_->read([&](Connection& db) {
        std::vector<BallotRecord> out;
        for (Id id : records::ballot_ids_of_session(db, session_id))
            if (auto b = records::ballot(db, id)) out.push_back(std::move(*b));
        return out;
    });
}

std::optional<BallotRecord> Store::ballot(Id id) {
    return impl_->read([&](Connection& db) { return records::ballot(db, id); });
}

Result<BallotRecord> Store::open_ballot(Id session_id, Id actor, Id issue_id, std::int64_t now) {
    return open_ballot_as(session_id, actor, issue_id, BallotSpec{}, 0, now);
}

Result<BallotRecord> Store::open_ballot_as(Id session_id, Id actor, Id issue_id,
                                           const BallotSpec& spec, std::int64_t closes_at,
                                           std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<BallotRecord> {
        Connection& db = act.db;
        auto s = records::session(db, session_id);
        if (!s) return make_error("not_found");
        Statement exists(db,
                         "SELECT EXISTS (SELECT 1 FROM ballots WHERE session_id = ? "
                         "AND issue_id = ?)");
        exists.bind(1, session_id);
        exists.bind(2, issue_id);
        exists.step();
        bool has_ballot = exists.column(0).integer() != 0;
        auto opened = yishi::open_ballot(act.who(s->council_id), *s, issue_id,
                                         records::electorate(db, s->council_id), has_ballot, now);
        if (!opened) return opened.error();
        const Ballot& b = opened.value();
        if (!spec.tellers.empty()) {
            std::vector<Actor> tellers;
            for (Id t : spec.tellers) tellers.push_back(records::actor(db, s->council_id, t));
            auto council = server::council(db, s->council_id);
            CouncilRules rules = records::rules(db, *council);
            const PassRule& pass = b.special_matter ? rules.pass_special : rules.pass;
            if (auto e = may_appoint_tellers(spec, pass, tellers)) return *e;
        }
        Statement q(db,
                    "INSERT INTO ballots (council_id, session_id, issue_id, special_matter, "
                    "state, electorate_heads, electorate_households, electorate_area, "
                    "opened_at, closes_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) "
                    "RETURNING id");
        q.bind(1, b.council_id);
        q.bind(2, b.session_id);
        q.bind(3, b.issue_id);
        q.bind(4, b.special_matter ? 1 : 0);
        q.bind(5, b.electorate.heads);
        q.bind(6, b.electorate.households);
        q.bind(7, b.electorate.area_centi_m2);
        q.bind(8, now);
        if (closes_at != 0)
            q.bind(9, closes_at);
        else
            q.bind(9);
        Id id = single(q).int64();
        // The roll is frozen here: later sign-ins and membership changes do not touch it.
        Statement roll(db,
                       "INSERT INTO ballot_roll (ballot_id, member_id, household_id, area) "
                       "VALUES (?, ?, ?, ?)");
        for (const auto& v : b.roll) {
            roll.reset();
            roll.bind(1, id);
            roll.bind(2, v.member_id);
            roll.bind(3, v.household_id);
            roll.bind(4, v.area_centi_m2);
            roll.run();
        }
        Json opened_details = {{"ballot_id", id},
                               {"session_id", session_id},
                               {"issue_id", issue_id},
                               {"roll", b.roll.size()}};
        if (!spec.plain()) {
            methods::insert_spec(db, id, spec);
            opened_details["spec"] = spec_json(spec);
        }
        if (spec.secret) methods::seal_ballot(db, id, impl_->ballot_key);
        notify::ballot_opened(db, id, b, now);
        act.record("ballot_opened", opened_details);
        auto record = records::ballot(db, id);
        return *record;
    });
}

Error not_plain_ballot() { return make_error("not_plain_ballot"); }

bool is_not_plain_ballot(const Error& e) { return e.code == "not_plain_ballot"; }

namespace {
// One member's vote on one ballot: whether the ballot is plain, the facts its rule rests on, the
// voter's membership, the count before it and the head of the audit chain its entry extends, in
// one indexed read however long the roll. On PostgreSQL every statement of a vote is a round
// trip on the one connection that commits the writers' group, so their number bounds the votes
// a second.
struct VoteRow {
    bool plain = true;
    Id council_id = 0;
    Id community_id = 0;
    bool member = false;
    VoteFacts facts;
    std::int64_t electorate = 0;
    std::int64_t cast_before = 0;
    Act::ChainHead chain;  // the newest entry on the community's audit chain
};

std::optional<VoteRow> vote_row(Connection& db, Id ballot_id, Id member_id) {
    Statement q(db,
                "SELECT p.ballot_id IS NULL, b.council_id, c.community_id, "
                "COALESCE(m.active, 0), b.state, s.state, COALESCE(b.closes_at, 0), "
                "b.electorate_heads, r.member_id IS NOT NULL, v.member_id IS NOT NULL, "
                "(SELECT COUNT(*) FROM votes n WHERE n.ballot_id = b.id), "
                "(SELECT MAX(a.seq) FROM audit_log a WHERE a.community_id = c.community_id), "
                "(SELECT a.hash FROM audit_log a WHERE a.community_id = c.community_id "
                "ORDER BY a.seq DESC LIMIT 1) "
                "FROM ballots b JOIN sessions s ON s.id = b.session_id "
                "JOIN councils c ON c.id = b.council_id "
                "LEFT JOIN ballot_specs p ON p.ballot_id = b.id "
                "LEFT JOIN council_members cm ON cm.council_id = b.council_id AND cm.member_id = ?1 "
                "LEFT JOIN members m ON m.id = cm.member_id "
                "LEFT JOIN ballot_roll r ON r.ballot_id = b.id AND r.member_id = ?1 "
                "LEFT JOIN votes v ON v.ballot_id = b.id AND v.member_id = ?1 "
                "WHERE b.id = ?2");
    q.bind(1, member_id);
    q.bind(2, ballot_id);
    if (!q.step()) return std::nullopt;
    VoteRow row;
    row.plain = q.column(0).int64() != 0;
    row.council_id = q.column(1).int64();
    row.community_id = q.column(2).int64();
    // The council's member as records::actor reads one: an active account on its member list.
    row.member = q.column(3).int64() == 1;
    row.facts.ballot = q.column(4).text() == "open" ? BallotState::open : BallotState::closed;
    if (!session_state_from_string(q.column(5).text(), row.facts.session))
        throw StoreError("unknown session state in database");
    row.facts.closes_at = q.column(6).int64();
    row.electorate = q.column(7).int64();
    row.facts.on_roll = q.column(8).int64() != 0;
    row.facts.voted = q.column(9).int64() != 0;
    row.cast_before = q.column(10).int64();
    row.chain = Act::ChainHead{q.column(11).int64(), q.column(12).text()};
    return row;
}
}  // namespace

Result<VoteCounted> Store::cast_vote(Id ballot_id, Id actor, Choice choice, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<VoteCounted> {
        Connection& db = act.db;
        auto row = vote_row(db, ballot_id, actor);
        if (!row) return make_error("not_found");
        // Ballots held otherwise count through cast_content, never this table. Told first,
        // before any other refusal, so that the route can send the vote there instead.
        if (!row->plain) return not_plain_ballot();
        if (!row->member) return make_error("forbidden");
        if (auto e = may_vote(row->facts, now)) return *e;
        // The facts were read in this write transaction, so the vote is new. UNIQUE (ballot,
        // member) is the last word: a vote of the same member that another instance slipped in
        // meanwhile fails this transaction, which runs again and finds it among the facts.
        Statement q(db, "INSERT INTO votes (ballot_id, member_id, choice, cast_at) VALUES (?, ?, ?, ?)");
        q.bind(1, ballot_id);
        q.bind(2, actor);
        q.bind(3, to_string(choice));
        q.bind(4, now);
        q.run_later();
        // The roll is open (记名表决): the log records the choice as the tally will publish it.
        act.in_council(row->council_id);
        act.chain_head(row->community_id, std::move(row->chain));
        act.record("vote_cast", Json{{"ballot_id", ballot_id}, {"choice", to_string(choice)}});
        // The write transaction holds the ballot's votes still: the count is the one read plus
        // this vote.
        return VoteCounted{ballot_id, BallotState::open, row->electorate, row->cast_before + 1};
    });
}

Result<BallotClosing> Store::close_ballot(Id ballot_id, Id actor, int notice_days,
                                          std::int64_t now) {
    // Set by the attempt that committed (write() may run the act more than once).
    bool unsealed = false;
    auto result = impl_->act(actor, now, [&](Act& act) -> Result<BallotClosing> {
        Connection& db = act.db;
        unsealed = false;
        auto record = records::ballot(db, ballot_id);
        if (!record) return make_error("not_found");
        const Actor& who = act.who(record->ballot.council_id);
        auto closed = yishi::close_ballot(who, record->ballot, now);
        if (!closed) return closed.error();
        auto council = server::council(db, closed.value().council_id);
        CouncilRules rules = records::rules(db, *council);
        // The bulletin (计票公告) is published with the result the core's tally_bulletin gives,
        // the same code yishi-tally runs. A plain ballot keeps its tally under the council's
        // rules.
        BallotSpec spec = methods::spec(db, ballot_id);
        std::optional<Tally> plain_tally;
        if (spec.plain()) plain_tally = tally(rules, closed.value());
        auto paper = counted_paper(spec, methods::paper(db, ballot_id, spec));
        if (!paper) return paper.error();
        BallotRecord closed_record = *record;
        closed_record.ballot = closed.value();
        // Unsealing writes: the refusals after it roll it back.
        bool opened = methods::unseal_contents(db, ballot_id, impl_->ballot_key);
        auto published = publish_bulletin({closed.value(), record->issue_title, spec, rules,
                                           methods::bulletin_ballots(db, ballot_id, spec),
                                           paper.value(), plain_tally});
        if (!published) Act::refuse(published.error());
        Tally t = published.value().tally;
        auto issue = server::issue(db, closed.value().issue_id, actor);
        if (!issue) throw StoreError("a ballot without its issue");
        auto resolved = resolve_issue(*issue, closed.value(), t);
        if (!resolved) Act::refuse(resolved.error());
        auto notice = resolution_notice(who, closed.value(), t, issue->title, now, notice_days);
        if (!notice) Act::refuse(notice.error());

        Statement q(db,
                    "UPDATE ballots SET state = 'closed', closed_at = ?, tally_yes = ?, "
                    "tally_no = ?, tally_abstain = ?, tally_not_voted = ?, "
                    "tally_present = ?, tally_yes_area = ?, tally_present_area = ?, "
                    "tally_quorum = ?, outcome = ? WHERE id = ?");
        q.bind(1, now);
        q.bind(2, t.yes);
        q.bind(3, t.no);
        q.bind(4, t.abstain);
        q.bind(5, t.not_voted);
        q.bind(6, t.present);
        q.bind(7, t.yes_area_centi_m2);
        q.bind(8, t.present_area_centi_m2);
        q.bind(9, t.quorum ? 1 : 0);
        q.bind(10, to_string(t.outcome));
        q.bind(11, ballot_id);
        q.run();
        records::write_stage(db, issue->id, resolved.value().stage);
        Notice n = records::insert_notice(db, notice.value());
        methods::save_bulletin(db, ballot_id, published.value().bulletin, now);
        act.record("ballot_closed", Json{{"ballot_id", ballot_id},
                                         {"issue_id", issue->id},
                                         {"yes", t.yes},
                                         {"no", t.no},
                                         {"abstain", t.abstain},
                                         {"present", t.present},
                                         {"outcome", to_string(t.outcome)},
                                         {"issue_stage", to_string(resolved.value().stage)},
                                         {"notice_id", n.id}});
        closed_record.tally = t;
        unsealed = opened;
        return BallotClosing{std::move(closed_record), n};
    });
    // The database's files may still hold the sealed contents as they were while voting (in
    // voting order): SQLite's write-ahead log is emptied now; the ballot is closed and
    // committed whatever that meets.
    if (unsealed) impl_->db->erase_deleted();
    return result;
}

std::vector<Notice> Store::notices(Id council_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db,
                    "SELECT id, council_id, kind, subject_id, text, starts_at, ends_at "
                    "FROM notices WHERE council_id = ? ORDER BY starts_at DESC, id DESC");
        q.bind(1, council_id);
        std::vector<Notice> out;
        while (q.step()) {
            Notice n;
            n.id = q.column(0).int64();
            n.council_id = q.column(1).int64();
            n.kind = q.column(2).text() == "result" ? NoticeKind::result : NoticeKind::resolution;
            n.subject_id = q.column(3).int64();
            n.text = q.column(4).text();
            n.starts_at = q.column(5).int64();
            n.ends_at = q.column(6).int64();
            out.push_back(std::move(n));
        }
        return out;
    });
}

}  // namespace yishi::server
