// The store's consultations (请你来协商) from the topic to publication: each act loads the
// consultation whole, asks the core's rule, writes what the rule changed, bumps the version and
// audits on the city's chain; readers build the view every act replies with.
#include <algorithm>
#include <set>

#include "store_consultation_records.hpp"
#include "store_cppcc_records.hpp"
#include "store_records.hpp"

namespace yishi::server {

namespace {
// The CPPCC committee sits beside the tree, at street or county level: its acts go on the city's
// chain, as the street's own acts do.
constexpr Id kCityChain = records::kCppccChain;

void bind_id(Statement& q, int index, Id id) {
    if (id)
        q.bind(index, id);
    else
        q.bind(index);
}

[[noreturn]] void unknown(const std::string& what) {
    throw StoreError("unknown " + what + " in database");
}

std::vector<Id> ids(Connection& db, const char* sql, Id key) {
    Statement q(db, sql);
    q.bind(1, key);
    std::vector<Id> out;
    while (q.step()) out.push_back(q.column(0).int64());
    return out;
}

bool exists(Connection& db, const char* sql, Id a, Id b) {
    Statement q(db, sql);
    q.bind(1, a);
    q.bind(2, b);
    return q.step();
}

std::string name_of(Connection& db, const char* sql, Id id) {
    Statement q(db, sql);
    q.bind(1, id);
    return q.step() ? q.column(0).text() : "";
}

std::vector<Id> seated_ids(Connection& db, Id cppcc_id) {
    return ids(db, "SELECT member_id FROM cppcc_seats WHERE cppcc_id = ? ORDER BY member_id",
               cppcc_id);
}

std::optional<Meeting> load_meeting(Connection& db, Id topic_id) {
    Statement q(db, "SELECT held_on, place, chair, closed FROM meetings WHERE topic_id = ?");
    q.bind(1, topic_id);
    if (!q.step()) return std::nullopt;
    Meeting m;
    m.held_on = q.column(0).text();
    m.place = q.column(1).text();
    m.chair = q.column(2).text();
    m.closed = q.column(3).int64() != 0;
    Statement p(db,
                "SELECT id, name, title, affiliation, kind, member_id FROM participants "
                "WHERE topic_id = ? ORDER BY id");
    p.bind(1, topic_id);
    while (p.step()) {
        Participant x;
        x.id = p.column(0).int64();
        x.name = p.column(1).text();
        x.title = p.column(2).text();
        x.affiliation = p.column(3).text();
        if (!participant_kind_from_string(p.column(4).text(), x.kind)) unknown("participant kind");
        x.member_id = p.column(5).int64();
        m.participants.push_back(std::move(x));
    }
    Statement i(db,
                "SELECT id, kind, speaker_id, summary, to_participant_id, answers_item_id, at "
                "FROM meeting_items WHERE topic_id = ? ORDER BY id");
    i.bind(1, topic_id);
    while (i.step()) {
        MeetingItem x;
        x.id = i.column(0).int64();
        if (!item_kind_from_string(i.column(1).text(), x.kind)) unknown("item kind");
        x.speaker_id = i.column(2).int64();
        x.summary = i.column(3).text();
        x.to_participant_id = i.column(4).int64();
        x.answers_item_id = i.column(5).int64();
        x.at = i.column(6).int64();
        m.items.push_back(std::move(x));
    }
    return m;
}

std::vector<Recommendation> load_recommendations(Connection& db, Id topic_id) {
    std::vector<Recommendation> out;
    Statement q(db, "SELECT id, text FROM recommendations WHERE topic_id = ? ORDER BY id");
    q.bind(1, topic_id);
    while (q.step()) out.push_back({q.column(0).int64(), q.column(1).text(), {}, {}, {}, {}});
    for (auto& r : out) {
        r.proposer_ids = ids(db,
                             "SELECT member_id FROM recommendation_proposers "
                             "WHERE recommendation_id = ? ORDER BY member_id",
                             r.id);
        r.item_ids = ids(db,
                         "SELECT item_id FROM recommendation_sources WHERE recommendation_id = ? "
                         "AND item_id IS NOT NULL ORDER BY item_id",
                         r.id);
        r.section_ids = ids(db,
                            "SELECT section_id FROM recommendation_sources "
                            "WHERE recommendation_id = ? AND section_id IS NOT NULL "
                            "ORDER BY section_id",
                            r.id);
        for (Id task_id :
             ids(db, "SELECT id FROM tasks WHERE recommendation_id = ? ORDER BY id", r.id))
            if (auto t = records::load_task(db, task_id)) r.tasks.push_back(std::move(t->task));
    }
    return out;
}

// Writes what the rule changed: the topic's own columns, the research group when it differs,
// and every part the rule added (id 0). Returns the id of the part added, 0 if none.
Id write_changes(Connection& db, const Consultation& before, const Consultation& after, Id actor,
                 std::int64_t now) {
    Id added = 0;
    {
        Statement q(db,
                    "UPDATE topics SET title = ?, body = ?, stage = ?, plan_year = ?, "
                    "committee_id = ?, lead_vice_chair_id = ?, version = version + 1 "
                    "WHERE id = ?");
        q.bind(1, after.title);
        q.bind(2, after.body);
        q.bind(3, to_string(after.stage));
        q.bind(4, after.plan_year);
        bind_id(q, 5, after.committee_id);
        bind_id(q, 6, after.lead_vice_chair_id);
        q.bind(7, before.id);
        q.run();
    }
    auto group_key = [](const std::vector<ResearchMember>& g) {
        std::vector<std::pair<Id, bool>> k;
        for (const auto& m : g) k.emplace_back(m.member_id, m.lead);
        std::sort(k.begin(), k.end());
        return k;
    };
    if (group_key(before.research_group) != group_key(after.research_group)) {
        Statement drop(db, "DELETE FROM research_members WHERE topic_id = ?");
        drop.bind(1, before.id);
        drop.run();
        Statement add(db,
                      "INSERT INTO research_members (topic_id, member_id, lead) VALUES (?, ?, ?)");
        for (const auto& m : after.research_group) {
            add.reset();
            add.bind(1, before.id);
            add.bind(2, m.member_id);
            add.bind(3, m.lead ? 1 : 0);
            add.run();
        }
    }
    for (const auto& v : after.visits) {
        if (v.id) continue;
        Statement q(db,
                    "INSERT INTO field_visits (topic_id, visited_on, place, notes, attachment, "
                    "member_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, before.id);
        q.bind(2, v.visited_on);
        q.bind(3, v.place);
        q.bind(4, v.notes);
        q.bind(5, v.attachment);
        q.bind(6, v.by ? v.by : actor);
        added = single(q).int64();
    }
    for (const auto& s : after.report) {
        if (s.id) continue;
        Statement q(db,
                    "INSERT INTO report_sections (topic_id, heading, body) VALUES (?, ?, ?) "
                    "RETURNING id");
        q.bind(1, before.id);
        q.bind(2, s.heading);
        q.bind(3, s.body);
        added = single(q).int64();
    }
    if (after.meeting) {
        const Meeting& m = *after.meeting;
        if (!before.meeting || before.meeting->held_on != m.held_on ||
            before.meeting->place != m.place || before.meeting->chair != m.chair ||
            before.meeting->closed != m.closed) {
            Statement q(db,
                        "INSERT INTO meetings (topic_id, held_on, place, chair, closed) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic_id) DO UPDATE SET "
                        "held_on = excluded.held_on, place = excluded.place, "
                        "chair = excluded.chair, closed = excluded.closed");
            q.bind(1, before.id);
            q.bind(2, m.held_on);
            q.bind(3, m.place);
            q.bind(4, m.chair);
            q.bind(5, m.closed ? 1 : 0);
            q.run();
        }
        for (const auto& p : m.participants) {
            if (p.id) continue;
            Statement q(db,
                        "INSERT INTO participants (topic_id, name, title, affiliation, kind, "
                        "member_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
            q.bind(1, before.id);
            q.bind(2, p.name);
            q.bind(3, p.title);
            q.bind(4, p.affiliation);
            q.bind(5, to_string(p.kind));
            bind_id(q, 6, p.member_id);
            added = single(q).int64();
        }
        for (const auto& i : m.items) {
            if (i.id) continue;
            Statement q(db,
                        "INSERT INTO meeting_items (topic_id, kind, speaker_id, summary, "
                        "to_participant_id, answers_item_id, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        "RETURNING id");
            q.bind(1, before.id);
            q.bind(2, to_string(i.kind));
            q.bind(3, i.speaker_id);
            q.bind(4, i.summary);
            bind_id(q, 5, i.to_participant_id);
            bind_id(q, 6, i.answers_item_id);
            q.bind(7, i.at ? i.at : now);
            added = single(q).int64();
        }
    }
    for (const auto& r : after.recommendations) {
        if (r.id) continue;
        Statement q(db,
                    "INSERT INTO recommendations (topic_id, text, created_at) VALUES (?, ?, ?) "
                    "RETURNING id");
        q.bind(1, before.id);
        q.bind(2, r.text);
        q.bind(3, now);
        added = single(q).int64();
        // A proposer or source named twice is one row.
        Statement proposer(db,
                           "INSERT INTO recommendation_proposers (recommendation_id, member_id) "
                           "VALUES (?, ?) ON CONFLICT DO NOTHING");
        for (Id m : std::set<Id>(r.proposer_ids.begin(), r.proposer_ids.end())) {
            proposer.reset();
            proposer.bind(1, added);
            proposer.bind(2, m);
            proposer.run();
        }
        Statement source(db,
                         "INSERT INTO recommendation_sources (recommendation_id, item_id, "
                         "section_id) VALUES (?, ?, ?)");
        for (Id item : std::set<Id>(r.item_ids.begin(), r.item_ids.end())) {
            source.reset();
            source.bind(1, added);
            source.bind(2, item);
            source.bind(3);
            source.run();
        }
        for (Id section : std::set<Id>(r.section_ids.begin(), r.section_ids.end())) {
            source.reset();
            source.bind(1, added);
            source.bind(2);
            source.bind(3, section);
            source.run();
        }
    }
    for (const auto& s : after.sendings) {
        if (s.id) continue;
        Statement q(db,
                    "INSERT INTO sendings (topic_id, recipient, sent_on, received_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id");
        q.bind(1, before.id);
        q.bind(2, s.recipient);
        q.bind(3, s.sent_on);
        q.bind(4, s.received_by);
        q.bind(5, now);
        added = single(q).int64();
    }
    return added;
}

// One act on a consultation: load it, ask `rule` with the actor as the committee sees them,
// write the difference, audit as `action`, and reply with the consultation as it now is.
template <typename Rule>
Result<ConsultationView> act_on(Act& act, Id topic_id, const char* action, Rule&& rule) {
    auto c = load_consultation(act.db, topic_id);
    if (!c) return make_error("not_found", "topic_id");
    Id actor = act.actor.value_or(0);
    CppccActor who = cppcc_actor_of(act.db, c->cppcc_id, actor);
    Result<Consultation> next = rule(who, *c);
    if (!next) return next.error();
    Id part = write_changes(act.db, *c, next.value(), actor, act.now);
    Json details{{"topic_id", topic_id}, {"stage", to_string(next.value().stage)}};
    if (part) details["part_id"] = part;
    // The community issue a topic came from hears where its outcome was sent.
    if (next.value().sendings.size() > c->sendings.size())
        if (Id note = records::note_outcome_sent(act.db, topic_id, actor,
                                                 next.value().sendings.back(), act.now))
            details["comment_id"] = note;
    act.in_community(kCityChain);
    act.record(action, details);
    return consultation_view(act.db, *load_consultation(act.db, topic_id), actor);
}
}  // namespace

CppccActor cppcc_actor_of(Connection& db, Id cppcc_id, Id member_id) {
    CppccActor a;
    a.member_id = member_id;
    // A deactivated member keeps the seat's row but no longer acts in it.
    Statement q(db,
                "SELECT s.post FROM cppcc_seats s JOIN members m ON m.id = s.member_id "
                "WHERE s.cppcc_id = ? AND s.member_id = ? AND m.active = 1");
    q.bind(1, cppcc_id);
    q.bind(2, member_id);
    if (q.step()) {
        if (!cppcc_post_from_string(q.column(0).text(), a.post)) unknown("CPPCC post");
        a.seated = true;
    }
    return a;
}

std::optional<Consultation> load_consultation(Connection& db, Id topic_id) {
    Statement q(db,
                "SELECT id, cppcc_id, title, body, source, proposed_by, issue_id, created_at, "
                "stage, plan_year, committee_id, lead_vice_chair_id FROM topics WHERE id = ?");
    q.bind(1, topic_id);
    if (!q.step()) return std::nullopt;
    Consultation c;
    c.id = q.column(0).int64();
    c.cppcc_id = q.column(1).int64();
    c.title = q.column(2).text();
    c.body = q.column(3).text();
    if (!topic_source_from_string(q.column(4).text(), c.source)) unknown("topic source");
    c.proposed_by = q.column(5).int64();
    c.issue_id = q.column(6).int64();
    c.created_at = q.column(7).int64();
    if (!consultation_stage_from_string(q.column(8).text(), c.stage)) unknown("stage");
    c.plan_year = q.column(9).integer();
    c.committee_id = q.column(10).int64();
    c.lead_vice_chair_id = q.column(11).int64();

    Statement group(db,
                    "SELECT r.member_id, m.name, r.lead FROM research_members r "
                    "JOIN members m ON m.id = r.member_id WHERE r.topic_id = ? "
                    "ORDER BY r.lead DESC, r.member_id");
    group.bind(1, topic_id);
    while (group.step())
        c.research_group.push_back(
            {group.column(0).int64(), group.column(1).text(), group.column(2).int64() != 0});
    Statement visits(db,
                     "SELECT id, visited_on, place, notes, attachment, member_id FROM field_visits "
                     "WHERE topic_id = ? ORDER BY id");
    visits.bind(1, topic_id);
    while (visits.step())
        c.visits.push_back({visits.column(0).int64(), visits.column(1).text(),
                            visits.column(2).text(), visits.column(3).text(),
                            visits.column(4).text(), visits.column(5).int64()});
    Statement sections(db,
                       "SELECT id, heading, body FROM report_sections WHERE topic_id = ? "
                       "ORDER BY id");
    sections.bind(1, topic_id);
    while (sections.step())
        c.report.push_back(
            {sections.column(0).int64(), sections.column(1).text(), sections.column(2).text()});
    c.meeting = load_meeting(db, topic_id);
    c.recommendations = load_recommendations(db, topic_id);
    Statement sendings(db,
                       "SELECT id, recipient, sent_on, received_by FROM sendings "
                       "WHERE topic_id = ? ORDER BY id");
    sendings.bind(1, topic_id);
    while (sendings.step())
        c.sendings.push_back({sendings.column(0).int64(), sendings.column(1).text(),
                              sendings.column(2).text(), sendings.column(3).text()});
    return c;
}

ConsultationView consultation_view(Connection& db, const Consultation& c, Id viewer) {
    ConsultationView v;
    v.consultation = c;
    for (auto& r : v.consultation.recommendations) r.tasks.clear();
    v.cppcc_name = name_of(db, "SELECT name FROM cppccs WHERE id = ?", c.cppcc_id);
    if (c.committee_id)
        v.committee_name =
            name_of(db, "SELECT name FROM special_committees WHERE id = ?", c.committee_id);
    if (c.issue_id) {
        Statement q(db, "SELECT title, council_id FROM issues WHERE id = ?");
        q.bind(1, c.issue_id);
        if (q.step()) {
            v.issue_title = q.column(0).text();
            v.issue_council_id = q.column(1).int64();
        }
    }
    std::set<Id> people{c.proposed_by, c.lead_vice_chair_id};
    for (const auto& m : c.research_group) people.insert(m.member_id);
    for (const auto& visit : c.visits) people.insert(visit.by);
    if (c.meeting)
        for (const auto& p : c.meeting->participants) people.insert(p.member_id);
    for (const auto& r : c.recommendations) {
        RecommendationView rv{r.id, r.text, r.proposer_ids, r.item_ids, r.section_ids, {}};
        people.insert(r.proposer_ids.begin(), r.proposer_ids.end());
        for (const auto& t : r.tasks) {
            rv.tasks.push_back(task_view(t, ""));
            people.insert(t.responsible_member_id);
            for (const auto& p : t.progress) people.insert(p.by);
            for (const auto& reply : t.replies) people.insert(reply.by);
        }
        v.recommendations.push_back(std::move(rv));
    }
    people.erase(0);
    Statement name(db, "SELECT name FROM members WHERE id = ?");
    for (Id id : people) {
        name.reset();
        name.bind(1, id);
        if (name.step()) v.people.push_back({id, name.column(0).text()});
    }
    v.figures = handling_figures(c);
    CppccActor who = cppcc_actor_of(db, c.cppcc_id, viewer);
    v.viewer = ViewerView{viewer, who.seated, who.post};
    Statement version(db, "SELECT version FROM topics WHERE id = ?");
    version.bind(1, c.id);
    v.version = single(version).int64();
    return v;
}

Id insert_topic(Connection& db, const Consultation& c) {
    Statement q(db,
                "INSERT INTO topics (cppcc_id, title, body, source, proposed_by, issue_id, "
                "created_at, stage, plan_year, committee_id, lead_vice_chair_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    q.bind(1, c.cppcc_id);
    q.bind(2, c.title);
    q.bind(3, c.body);
    q.bind(4, to_string(c.source));
    q.bind(5, c.proposed_by);
    bind_id(q, 6, c.issue_id);
    q.bind(7, c.created_at);
    q.bind(8, to_string(c.stage));
    q.bind(9, c.plan_year);
    bind_id(q, 10, c.committee_id);
    bind_id(q, 11, c.lead_vice_chair_id);
    return single(q).int64();
}

Result<ConsultationView> Store::consultation(Id viewer, Id topic_id) {
    return impl_->read([&](Connection& db) -> Result<ConsultationView> {
        auto c = load_consultation(db, topic_id);
        if (!c) return make_error("not_found", "topic_id");
        return consultation_view(db, *c, viewer);
    });
}

Result<ConsultationView> Store::propose_topic(Id actor, Id cppcc_id, const TopicDraft& d,
                                              std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<ConsultationView> {
        Statement cppcc(act.db, "SELECT 1 FROM cppccs WHERE id = ?");
        cppcc.bind(1, cppcc_id);
        if (!cppcc.step()) return make_error("not_found", "cppcc_id");
        auto c = yishi::propose_topic(cppcc_actor_of(act.db, cppcc_id, actor), cppcc_id, d, now);
        if (!c) return c.error();
        Consultation topic = c.value();
        if (!topic.proposed_by) topic.proposed_by = actor;
        if (!topic.created_at) topic.created_at = now;
        Id id = insert_topic(act.db, topic);
        act.in_community(kCityChain);
        act.record("topic_proposed", Json{{"topic_id", id},
                                          {"cppcc_id", cppcc_id},
                                          {"source", to_string(topic.source)},
                                          {"title", topic.title}});
        return consultation_view(act.db, *load_consultation(act.db, id), actor);
    });
}

Result<ConsultationView> Store::plan_topic(Id actor, Id topic_id, const PlanDraft& d,
                                           std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "topic_planned",
                      [&](const CppccActor& who, const Consultation& c) {
                          bool committee = exists(act.db,
                                                  "SELECT 1 FROM special_committees "
                                                  "WHERE id = ? AND cppcc_id = ?",
                                                  d.committee_id, c.cppcc_id);
                          bool vice_chair = exists(act.db,
                                                   "SELECT 1 FROM cppcc_seats s JOIN members m "
                                                   "ON m.id = s.member_id WHERE s.member_id = ? "
                                                   "AND s.cppcc_id = ? AND s.post = 'vice_chair' "
                                                   "AND m.active = 1",
                                                   d.lead_vice_chair_id, c.cppcc_id);
                          return yishi::plan_topic(who, c, d, committee, vice_chair);
                      });
    });
}

Result<ConsultationView> Store::set_research_group(Id actor, Id topic_id,
                                                   const std::vector<ResearchMember>& group,
                                                   std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "research_group_set",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::set_research_group(who, c, group,
                                                           seated_ids(act.db, c.cppcc_id));
                      });
    });
}

Result<ConsultationView> Store::add_visit(Id actor, Id topic_id, const VisitDraft& d,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "visit_added",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::add_visit(who, c, d);
                      });
    });
}

Result<ConsultationView> Store::add_section(Id actor, Id topic_id, const SectionDraft& d,
                                            std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "section_added",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::add_section(who, c, d.heading, d.body);
                      });
    });
}

Result<ConsultationView> Store::schedule_meeting(Id actor, Id topic_id, const MeetingDraft& d,
                                                 std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "meeting_scheduled",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::schedule_meeting(who, c, d);
                      });
    });
}

Result<ConsultationView> Store::add_participant(Id actor, Id topic_id, const ParticipantDraft& d,
                                                std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "participant_added",
                      [&](const CppccActor& who, const Consultation& c) -> Result<Consultation> {
                          auto next = yishi::add_participant(who, c, d);
                          if (!next || !d.member_id) return next;
                          // The rule knows the account only by its id.
                          Statement q(act.db, "SELECT 1 FROM members WHERE id = ?");
                          q.bind(1, d.member_id);
                          if (!q.step()) return make_error("bad_id", "member_id");
                          return next;
                      });
    });
}

Result<ConsultationView> Store::record_item(Id actor, Id topic_id, const ItemDraft& d,
                                            std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "item_recorded",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::record_item(who, c, d, now);
                      });
    });
}

Result<ConsultationView> Store::close_meeting(Id actor, Id topic_id, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "meeting_closed",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::close_meeting(who, c);
                      });
    });
}

Result<ConsultationView> Store::add_recommendation(Id actor, Id topic_id,
                                                   const RecommendationDraft& d,
                                                   std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "recommendation_added",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::add_recommendation(who, c, d,
                                                           seated_ids(act.db, c.cppcc_id));
                      });
    });
}

Result<ConsultationView> Store::send_outcome(Id actor, Id topic_id, const SendingDraft& d,
                                             std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "outcome_sent",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::send_outcome(who, c, d);
                      });
    });
}

Result<ConsultationView> Store::publish_consultation(Id actor, Id topic_id, std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) {
        return act_on(act, topic_id, "consultation_published",
                      [&](const CppccActor& who, const Consultation& c) {
                          return yishi::publish(who, c);
                      });
    });
}

}  // namespace yishi::server
