// The store's sessions (会议): council rules, demands for an extraordinary session, planning,
// notice with agenda (scheduling its issues), opening, sign-in and closing.
#include "store_records.hpp"
#include "store_impl.hpp"
#include "store_notifications.hpp"

namespace yishi::server {

namespace records {

Actor actor(Connection& db, Id council_id, Id member_id) {
    Statement q(db,
                "SELECT m.role, m.active = 1 AND EXISTS (SELECT 1 FROM council_members cm "
                "WHERE cm.council_id = ? AND cm.member_id = m.id) "
                "FROM members m WHERE m.id = ?");
    q.bind(1, council_id);
    q.bind(2, member_id);
    Member m;
    m.id = member_id;
    std::vector<Membership> memberships;
    if (q.step()) {
        m.role = q.column(0).text();
        Role role = Role::resident;
        role_from_string(m.role, role);
        if (q.column(1).integer() != 0)
            memberships.push_back(make_membership(council_id, member_id, role));
    }
    return actor_in(m, memberships, council_id);
}

CouncilRules rules(Connection& db, const Council& council) {
    Statement q(db, "SELECT rules FROM council_rules WHERE council_id = ?");
    q.bind(1, council.id);
    if (q.step()) {
        Json j = Json::parse(q.column(0).text(), nullptr, false);
        auto r = rules_from_json(j);
        if (!r) throw StoreError("unreadable rules of council " + std::to_string(council.id));
        // The co-sign rule reads the council's own column: that one is the truth for both.
        r.value().cosign_threshold = council.cosign_threshold;
        return r.value();
    }
    return rules_for(council);
}

std::vector<Voter> electorate(Connection& db, Id council_id) {
    Statement q(db,
                "SELECT m.id, m.role, m.household_id, m.floor_area "
                "FROM council_members cm JOIN members m "
                "ON m.id = cm.member_id WHERE cm.council_id = ? AND m.active = 1 ORDER BY m.id");
    q.bind(1, council_id);
    std::vector<Member> members;
    std::vector<Membership> memberships;
    while (q.step()) {
        Member m;
        m.id = q.column(0).int64();
        m.role = q.column(1).text();
        m.household_id = q.column(2).null() ? 0 : q.column(2).int64();
        m.floor_area_centi_m2 = q.column(3).int64();
        Role role = Role::resident;
        role_from_string(m.role, role);
        members.push_back(m);
        memberships.push_back(make_membership(council_id, m.id, role));
    }
    return yishi::electorate(members, memberships, council_id);
}

std::vector<Id> balloted(Connection& db, Id session_id) {
    Statement q(db, "SELECT issue_id FROM ballots WHERE session_id = ? ORDER BY id");
    q.bind(1, session_id);
    std::vector<Id> out;
    while (q.step()) out.push_back(q.column(0).int64());
    return out;
}

std::optional<Session> session(Connection& db, Id id) {
    Statement q(db,
                "SELECT s.id, s.council_id, s.kind, s.state, s.starts_at, s.noticed_at, "
                "s.notice_override_reason, s.opened_at, s.closed_at, c.electorate, "
                "c.present, c.quorum_met, c.quorum_rule, x.reason, x.cancelled_at "
                "FROM sessions s LEFT JOIN session_closings c ON c.session_id = s.id "
                "LEFT JOIN session_cancellations x ON x.session_id = s.id WHERE s.id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    Session s;
    s.id = q.column(0).int64();
    s.council_id = q.column(1).int64();
    if (!session_kind_from_string(q.column(2).text(), s.kind) ||
        !session_state_from_string(q.column(3).text(), s.state))
        throw StoreError("unknown session kind or state in database");
    s.starts_at = q.column(4).int64();
    s.noticed_at = q.column(5).int64();
    s.notice_override_reason = q.column(6).text();
    s.opened_at = q.column(7).int64();
    s.closed_at = q.column(8).int64();
    if (!q.column(9).null()) {
        QuorumStatus kept;
        kept.electorate = q.column(9).int64();
        kept.present = q.column(10).int64();
        kept.met = q.column(11).integer() != 0;
        if (!quorum_rule_from_json(Json::parse(q.column(12).text(), nullptr, false),
                                   kept.rule))
            throw StoreError("unreadable quorum rule of closed session " + std::to_string(s.id));
        s.quorum_at_close = kept;
    }
    if (!q.column(13).null()) {
        s.state = SessionState::cancelled;
        s.cancel_reason = q.column(13).text();
        s.cancelled_at = q.column(14).int64();
    }

    Statement agenda(db,
                     "SELECT a.issue_id, i.title, a.special_matter FROM agenda_items a "
                     "JOIN issues i ON i.id = a.issue_id WHERE a.session_id = ? "
                     "ORDER BY a.position");
    agenda.bind(1, id);
    while (agenda.step())
        s.agenda.push_back({agenda.column(0).int64(), agenda.column(1).text(),
                            agenda.column(2).integer() != 0});
    Statement signins(db,
                      "SELECT member_id FROM session_signins WHERE session_id = ? "
                      "ORDER BY signed_in_at, member_id");
    signins.bind(1, id);
    while (signins.step()) s.signed_in.push_back(signins.column(0).int64());
    if (s.state == SessionState::closed) s.returned_to_list = unballoted_items(s, balloted(db, id));
    return s;
}

}  // namespace records

namespace {
SessionDemand pending_demand(Connection& db, Id council_id) {
    SessionDemand d;
    d.council_id = council_id;
    Statement q(db,
                "SELECT member_id FROM session_demands WHERE council_id = ? "
                "AND session_id IS NULL ORDER BY id");
    q.bind(1, council_id);
    while (q.step()) d.members.push_back(q.column(0).int64());
    return d;
}

DemandStatus status_of(const CouncilRules& rules, const SessionDemand& d, std::int64_t voting) {
    return {static_cast<std::int64_t>(d.members.size()), voting,
            demand_sufficient(rules, d, voting)};
}

void update_session_state(Connection& db, const Session& s) {
    Statement q(db,
                "UPDATE sessions SET state = ?, starts_at = ?, noticed_at = ?, "
                "notice_override_reason = ?, opened_at = ?, closed_at = ? WHERE id = ?");
    // A cancelled session's row stays 'planned': its row in session_cancellations cancels it.
    q.bind(1, to_string(s.state == SessionState::cancelled ? SessionState::planned : s.state));
    q.bind(2, s.starts_at);
    q.bind(3, s.noticed_at);
    q.bind(4, s.notice_override_reason);
    q.bind(5, s.opened_at);
    q.bind(6, s.closed_at);
    q.bind(7, s.id);
    q.run();
    if (s.quorum_at_close) {
        // Written once, at closing; the key refuses a second record.
        Statement kept(db,
                       "INSERT INTO session_closings (session_id, electorate, present, "
                       "quorum_met, quorum_rule) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT DO NOTHING");
        kept.bind(1, s.id);
        kept.bind(2, s.quorum_at_close->electorate);
        kept.bind(3, s.quorum_at_close->present);
        kept.bind(4, s.quorum_at_close->met ? 1 : 0);
        kept.bind(5, to_json(s.quorum_at_close->rule).dump());
        kept.run();
    }
}
}  // namespace

CouncilRules Store::rules(Id council_id) {
    return impl_->read([&](Connection& db) {
        auto council = server::council(db, council_id);
        if (!council) throw StoreError("rules of a council that does not exist");
        return records::rules(db, *council);
    });
}

Result<CouncilRules> Store::set_rules(Id council_id, Id actor, const CouncilRules& proposed,
                                      std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CouncilRules> {
        Connection& db = act.db;
        if (!server::council(db, council_id)) return make_error("not_found", "council_id");
        auto adjusted = adjust_rules(act.who(council_id), proposed);
        if (!adjusted) return adjusted.error();
        std::string text = to_json(adjusted.value()).dump();
        Statement q(db,
                    "INSERT INTO council_rules (council_id, rules, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (council_id) DO UPDATE SET rules = excluded.rules, "
                    "updated_at = excluded.updated_at");
        q.bind(1, council_id);
        q.bind(2, text);
        q.bind(3, now);
        q.run();
        Statement threshold(db, "UPDATE councils SET cosign_threshold = ? WHERE id = ?");
        threshold.bind(1, adjusted.value().cosign_threshold);
        threshold.bind(2, council_id);
        threshold.run();
        act.record("rules_adjusted",
                   Json{{"council_id", council_id}, {"rules", to_json(adjusted.value())}});
        return adjusted;
    });
}

DemandStatus Store::demand_status(Id council_id) {
    return impl_->read([&](Connection& db) -> DemandStatus {
        auto council = server::council(db, council_id);
        if (!council) return {};
        return status_of(records::rules(db, *council), pending_demand(db, council_id),
                         static_cast<std::int64_t>(records::electorate(db, council_id).size()));
    });
}

Result<DemandStatus> Store::demand_session(Id council_id, Id actor, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<DemandStatus> {
        Connection& db = act.db;
        auto council = server::council(db, council_id);
        if (!council) return make_error("not_found", "council_id");
        auto demand = yishi::demand_session(act.who(council_id), pending_demand(db, council_id));
        if (!demand) return demand.error();
        // The partial UNIQUE index is the last word on one pending demand per member.
        Statement q(db,
                    "INSERT INTO session_demands (council_id, member_id, demanded_at) "
                    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        q.bind(1, council_id);
        q.bind(2, actor);
        q.bind(3, now);
        if (q.run() == 0) return make_error("already_demanded");
        auto voting = static_cast<std::int64_t>(records::electorate(db, council_id).size());
        auto status = status_of(records::rules(db, *council), demand.value(), voting);
        act.record("session_demanded", Json{{"council_id", council_id},
                                            {"demanded", status.demanded},
                                            {"sufficient", status.sufficient}});
        return status;
    });
}

std::vector<Session> Store::sessions(Id council_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db, "SELECT id FROM sessions WHERE council_id = ? ORDER BY starts_at, id");
        q.bind(1, council_id);
        std::vector<Id> ids;
        while (q.step()) ids.push_back(q.column(0).int64());
        std::vector<Session> out;
        for (Id id : ids)
            if (auto s = records::session(db, id)) out.push_back(std::move(*s));
        return out;
    });
}

std::optional<Session> Store::session(Id id) {
    return impl_->read([&](Connection& db) { return records::session(db, id); });
}

Result<Session> Store::plan_session(Id council_id, Id actor, SessionKind kind,
                                    std::int64_t starts_at, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Session> {
        Connection& db = act.db;
        auto council = server::council(db, council_id);
        if (!council) return make_error("not_found", "council_id");
        CouncilRules rules = records::rules(db, *council);
        SessionDemand demand = pending_demand(db, council_id);
        auto voting = static_cast<std::int64_t>(records::electorate(db, council_id).size());
        auto planned = yishi::plan_session(act.who(council_id), rules, council_id, kind,
                                           starts_at, &demand, voting, now);
        if (!planned) return planned.error();
        Statement q(db,
                    "INSERT INTO sessions (council_id, kind, state, starts_at, created_by, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, council_id);
        q.bind(2, to_string(kind));
        q.bind(3, to_string(SessionState::planned));
        q.bind(4, starts_at);
        q.bind(5, actor);
        q.bind(6, now);
        Id id = single(q).int64();
        Session planned_session = planned.value();
        planned_session.id = id;
        if (kind == SessionKind::extraordinary) {
            // The demands that called this session are settled by it.
            Statement settle(db,
                             "UPDATE session_demands SET session_id = ? "
                             "WHERE council_id = ? AND session_id IS NULL");
            settle.bind(1, id);
            settle.bind(2, council_id);
            settle.run();
        }
        act.record("session_planned", Json{{"session_id", id},
                                           {"council_id", council_id},
                                           {"kind", to_string(kind)},
                                           {"starts_at", starts_at}});
        return planned_session;
    });
}

Result<Session> Store::publish_notice(Id session_id, Id actor,
                                      const std::vector<AgendaRequest>& requested,
                                      const std::string& override_reason, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<Session> {
        Connection& db = act.db;
        auto s = records::session(db, session_id);
        if (!s) return make_error("not_found");
        auto council = server::council(db, s->council_id);
        const Actor& who = act.who(s->council_id);
        if (auto refused = may_publish_notice(who, *s)) return *refused;

        std::vector<AgendaItem> agenda;
        std::vector<Issue> issues;
        for (const auto& r : requested) {
            auto issue = server::issue(db, r.issue_id, actor);
            // No such issue: refused as another council's.
            if (!issue) return make_error("bad_id", "issue_id");
            auto item = agenda_item(*issue, *s, r.special_matter);
            if (!item) return item.error();
            agenda.push_back(item.value());
            issues.push_back(*issue);
        }
        auto noticed = yishi::publish_notice(who, records::rules(db, *council), *s, agenda, now,
                                             override_reason);
        if (!noticed) return noticed.error();
        // Every item is scheduled before anything is written: a refusal writes nothing.
        std::vector<IssueStage> stages;
        for (const auto& issue : issues) {
            auto scheduled = schedule_issue(issue, noticed.value());
            if (!scheduled) return scheduled.error();
            stages.push_back(scheduled.value().stage);
        }

        update_session_state(db, noticed.value());
        Statement item(db,
                       "INSERT INTO agenda_items (session_id, position, issue_id, "
                       "special_matter) VALUES (?, ?, ?, ?)");
        for (std::size_t k = 0; k < agenda.size(); ++k) {
            item.reset();
            item.bind(1, session_id);
            item.bind(2, static_cast<std::int64_t>(k + 1));
            item.bind(3, agenda[k].issue_id);
            item.bind(4, agenda[k].special_matter ? 1 : 0);
            item.run();
            records::write_stage(db, agenda[k].issue_id, stages[k]);
        }
        Json items = Json::array();
        for (const auto& a : agenda) items.push_back(a.issue_id);
        notify::session_noticed(db, noticed.value(), now);
        act.record("session_noticed",
                   Json{{"session_id", session_id},
                        {"agenda", items},
                        {"override_reason", noticed.value().notice_override_reason}});
        return noticed;
    });
}

namespace {
// Opening, signing in, closing, cancelling and re-timing share one act: load, rule, write
// the session, audit. The transition is called with the transaction's connection.
// (The store's inner type is private: it reaches here deduced, not named.)
template <class StoreImpl, class Transition>
Result<Session> change_session(StoreImpl& impl, Id session_id, Id actor, std::int64_t now,
                               const char* action, Transition&& transition) {
    return impl.act(actor, now, [&](Act& act) -> Result<Session> {
        Connection& db = act.db;
        auto s = records::session(db, session_id);
        if (!s) return make_error("not_found");
        Result<Session> next = transition(db, act.who(s->council_id), *s);
        if (!next) return next.error();
        update_session_state(db, next.value());
        Json details{{"session_id", session_id}};
        if (!next.value().returned_to_list.empty()) {
            Json returned = Json::array();
            for (const auto& a : next.value().returned_to_list)
                returned.push_back(a.issue_id);
            details["returned_to_list"] = returned;
        }
        // The keys' refusals below come after writes: refused, so that they roll back.
        if (next.value().signed_in.size() > s->signed_in.size()) {
            // The member signed in: the actor, or the one a convenor signed in at the desk.
            Id member = next.value().signed_in.back();
            if (member != actor) details["member_id"] = member;
            // UNIQUE (session, member) backs the core's already_signed_in.
            Statement q(db,
                        "INSERT INTO session_signins (session_id, member_id, signed_in_at) "
                        "VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
            q.bind(1, session_id);
            q.bind(2, member);
            q.bind(3, now);
            if (q.run() == 0) Act::refuse(make_error("already_signed_in"));
        }
        if (next.value().state == SessionState::cancelled &&
            s->state != SessionState::cancelled) {
            details["reason"] = next.value().cancel_reason;
            // The key refuses a second cancellation whatever the rule said.
            Statement q(db,
                        "INSERT INTO session_cancellations (session_id, reason, "
                        "cancelled_by, cancelled_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT DO NOTHING");
            q.bind(1, session_id);
            q.bind(2, next.value().cancel_reason);
            q.bind(3, actor);
            q.bind(4, next.value().cancelled_at);
            if (q.run() == 0) Act::refuse(make_error("wrong_session_state"));
        }
        if (next.value().starts_at != s->starts_at) {
            details["from"] = s->starts_at;
            details["starts_at"] = next.value().starts_at;
        }
        act.record(action, details);
        // Read back: sign-ins are listed by time, then member, which an appended one may not
        // follow when two sign in within the same second.
        auto after = records::session(db, session_id);
        return *after;
    });
}
}  // namespace

Result<Session> Store::open_session(Id session_id, Id actor, std::int64_t now) {
    return change_session(*impl_, session_id, actor, now, "session_opened",
                          [&](Connection&, const Actor& who, const Session& s) {
                              return yishi::open_session(who, s, now);
                          });
}

Result<Session> Store::sign_in(Id session_id, Id actor, std::int64_t now) {
    return change_session(*impl_, session_id, actor, now, "session_signed_in",
                          [&](Connection&, const Actor& who, const Session& s) {
                              return yishi::sign_in(who, s);
                          });
}

Result<Session> Store::sign_in_for(Id session_id, Id convenor, Id member, std::int64_t now) {
    return change_session(*impl_, session_id, convenor, now, "session_signed_in",
                          [&](Connection& db, const Actor& who, const Session& s) {
                              return yishi::sign_in_for(
                                  who, records::actor(db, s.council_id, member), s);
                          });
}

std::vector<CouncilMember> Store::council_members(Id council_id) {
    return impl_->read([&](Connection& db) {
        Statement q(db,
                    "SELECT m.id, m.name, m.role, COALESCE(h.label, '') FROM council_members cm "
                    "JOIN members m ON m.id = cm.member_id "
                    "LEFT JOIN households h ON h.id = m.household_id WHERE cm.council_id = ? "
                    "ORDER BY m.id");
        q.bind(1, council_id);
        std::vector<CouncilMember> out;
        while (q.step()) {
            CouncilMember m{q.column(0).int64(), q.column(1).text(), q.column(2).text(), false,
                            q.column(3).text()};
            Role role = Role::resident;
            m.voting = role_from_string(m.role, role) && role_votes(role);
            out.push_back(std::move(m));
        }
        return out;
    });
}

Result<Session> Store::close_session(Id session_id, Id actor, std::int64_t now) {
    return change_session(
        *impl_, session_id, actor, now, "session_closed",
        [&](Connection& db, const Actor& who, const Session& s) -> Result<Session> {
            Statement q(db,
                        "SELECT EXISTS (SELECT 1 FROM ballots WHERE "
                        "session_id = ? AND state = 'open')");
            q.bind(1, s.id);
            q.step();
            bool any_open = q.column(0).integer() != 0;
            auto council = server::council(db, s.council_id);
            auto closed = yishi::close_session(who, records::rules(db, *council), s,
                                               records::electorate(db, s.council_id), any_open,
                                               records::balloted(db, s.id), now);
            if (!closed) return closed;
            // Items without a ballot go back to the period's list: every one is checked
            // before any is written, so that a refusal writes nothing.
            std::vector<std::pair<Id, IssueStage>> stages;
            for (const auto& item : closed.value().returned_to_list) {
                auto issue = server::issue(db, item.issue_id, actor);
                if (!issue) throw StoreError("an agenda item without its issue");
                auto listed = return_to_list(*issue, closed.value());
                if (!listed) return listed.error();
                stages.emplace_back(item.issue_id, listed.value().stage);
            }
            for (const auto& [issue_id, stage] : stages) records::write_stage(db, issue_id, stage);
            return closed;
        });
}

Result<Session> Store::cancel_session(Id session_id, Id actor, const std::string& reason,
                                      std::int64_t now) {
    return change_session(*impl_, session_id, actor, now, "session_cancelled",
                          [&](Connection&, const Actor& who, const Session& s) {
                              return yishi::cancel_session(who, s, reason, now);
                          });
}

Result<Session> Store::retime_session(Id session_id, Id actor, std::int64_t starts_at,
                                      std::int64_t now) {
    return change_session(*impl_, session_id, actor, now, "session_retimed",
                          [&](Connection&, const Actor& who, const Session& s) {
                              return yishi::retime_session(who, s, starts_at, now);
                          });
}

std::vector<Voter> Store::electorate(Id council_id) {
    return impl_->read([&](Connection& db) { return records::electorate(db, council_id); });
}

}  // namespace yishi::server
