// The store's CPPCC committee (政协): creating it, its special committees (专委会) and seats, and
// reading it back as the committee's page sees it (seats with names, topics newest first); the
// handing over of recommendations to departments (交办), and the community link (群众荐题).
#include "store_consultation_records.hpp"
#include "store_cppcc_records.hpp"
#include "store_impl.hpp"
#include "store_report_marks.hpp"

#include "yishi/administration.hpp"
#include "yishi/text.hpp"

namespace yishi::server {

namespace {
constexpr Id kCityChain = records::kCppccChain;

// The street a committee sits in; nullopt when there is no such committee.
std::optional<Id> street_of_cppcc(Connection& db, Id cppcc_id) {
    Statement q(db, "SELECT street_id FROM cppccs WHERE id = ?");
    q.bind(1, cppcc_id);
    if (!q.step()) return std::nullopt;
    return q.column(0).int64();
}

PlaceRecord place_record(Id id, const std::string& name, Id parent) {
    PlaceRecord p;
    p.id = id;
    p.name = name;
    p.parent_id = parent;
    return p;
}

std::optional<CppccView> cppcc_view(Connection& db, Id cppcc_id, Id viewer) {
    Statement head(db, "SELECT name, street_id FROM cppccs WHERE id = ?");
    head.bind(1, cppcc_id);
    if (!head.step()) return std::nullopt;
    CppccView v;
    v.id = cppcc_id;
    v.name = head.column(0).text();
    v.street_id = head.column(1).int64();
    v.viewer.member_id = viewer;

    Statement committees(db, "SELECT id, name FROM special_committees WHERE cppcc_id = ? ORDER BY id");
    committees.bind(1, cppcc_id);
    while (committees.step())
        v.committees.push_back({committees.column(0).int64(), committees.column(1).text()});

    Statement seats(db,
                    "SELECT s.member_id, m.name, s.post, COALESCE(s.committee_id, 0), s.title "
                    "FROM cppcc_seats s JOIN members m ON m.id = s.member_id "
                    "WHERE s.cppcc_id = ? ORDER BY s.member_id");
    seats.bind(1, cppcc_id);
    while (seats.step()) {
        SeatView s;
        s.member_id = seats.column(0).int64();
        s.name = seats.column(1).text();
        if (!cppcc_post_from_string(seats.column(2).text(), s.post))
            throw StoreError("unknown CPPCC post in database");
        s.committee_id = seats.column(3).int64();
        s.title = seats.column(4).text();
        if (s.member_id == viewer) {
            v.viewer.seated = true;
            v.viewer.post = s.post;
        }
        v.seats.push_back(std::move(s));
    }

    Statement topics(db,
                     "SELECT id, title, source, stage, plan_year, COALESCE(committee_id, 0), "
                     "COALESCE(lead_vice_chair_id, 0), COALESCE(issue_id, 0) FROM topics "
                     "WHERE cppcc_id = ? ORDER BY created_at DESC, id DESC");
    topics.bind(1, cppcc_id);
    while (topics.step()) {
        TopicLine t;
        t.id = topics.column(0).int64();
        t.title = topics.column(1).text();
        if (!topic_source_from_string(topics.column(2).text(), t.source) ||
            !consultation_stage_from_string(topics.column(3).text(), t.stage))
            throw StoreError("unknown topic source or stage in database");
        t.plan_year = topics.column(4).integer();
        t.committee_id = topics.column(5).int64();
        t.lead_vice_chair_id = topics.column(6).int64();
        t.issue_id = topics.column(7).int64();
        v.topics.push_back(std::move(t));
    }
    return v;
}
}  // namespace

Result<PlaceRecord> Store::create_cppcc(Id actor, Id street_id, const std::string& name,
                                        std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        Statement street(act.db, "SELECT 1 FROM streets WHERE id = ?");
        street.bind(1, street_id);
        if (!street.step()) return make_error("not_found", "street_id");
        if (auto refused = may_administer_cppcc(admin_scope_of(act.db, actor), street_id))
            return *refused;
        if (name_taken(act.db, "cppccs", "street_id", street_id, name))
            return make_error("name_taken", "name");
        Statement q(act.db, "INSERT INTO cppccs (street_id, name) VALUES (?, ?) RETURNING id");
        q.bind(1, street_id);
        q.bind(2, name);
        PlaceRecord p = place_record(single(q).int64(), name, street_id);
        act.in_community(kCityChain);
        act.record("cppcc_created",
                   Json{{"cppcc_id", p.id}, {"street_id", street_id}, {"name", name}});
        return p;
    });
}

Result<PlaceRecord> Store::create_special_committee(Id actor, Id cppcc_id, const std::string& name,
                                                    std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<PlaceRecord> {
        auto street = street_of_cppcc(act.db, cppcc_id);
        if (!street) return make_error("not_found", "cppcc_id");
        if (auto refused = may_administer_cppcc(admin_scope_of(act.db, actor), *street))
            return *refused;
        if (name_taken(act.db, "special_committees", "cppcc_id", cppcc_id, name))
            return make_error("name_taken", "name");
        Statement q(act.db,
                    "INSERT INTO special_committees (cppcc_id, name) VALUES (?, ?) RETURNING id");
        q.bind(1, cppcc_id);
        q.bind(2, name);
        PlaceRecord p = place_record(single(q).int64(), name, cppcc_id);
        act.in_community(kCityChain);
        act.record("special_committee_created",
                   Json{{"committee_id", p.id}, {"cppcc_id", cppcc_id}, {"name", name}});
        return p;
    });
}

Result<CppccView> Store::seat_cppcc_member(Id actor, Id cppcc_id, Id member_id, CppccPost post,
                                           Id committee_id, const std::string& title,
                                           std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<CppccView> {
        Connection& db = act.db;
        auto street = street_of_cppcc(db, cppcc_id);
        if (!street) return make_error("not_found", "cppcc_id");
        auto scope = admin_scope_of(db, actor);
        if (auto refused = may_administer_cppcc(scope, *street)) return *refused;
        Statement member(db, "SELECT active FROM members WHERE id = ?");
        member.bind(1, member_id);
        if (!member.step()) return make_error("not_found", "member_id");
        bool active = member.column(0).integer() != 0;
        member.reset();
        if (auto refused = may_seat_cppcc_member(scope, *street, active)) return *refused;
        if (committee_id != 0) {
            Statement c(db, "SELECT 1 FROM special_committees WHERE id = ? AND cppcc_id = ?");
            c.bind(1, committee_id);
            c.bind(2, cppcc_id);
            if (!c.step()) return make_error("bad_id", "committee_id");
        }
        // One seat per member in a committee: seating again changes the post, 专委会 and title.
        Statement q(db,
                    "INSERT INTO cppcc_seats (cppcc_id, member_id, post, committee_id, title) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (cppcc_id, member_id) DO UPDATE SET "
                    "post = excluded.post, committee_id = excluded.committee_id, "
                    "title = excluded.title");
        q.bind(1, cppcc_id);
        q.bind(2, member_id);
        q.bind(3, to_string(post));
        if (committee_id) q.bind(4, committee_id); else q.bind(4);
        q.bind(5, title);
        q.run();
        act.in_community(kCityChain);
        act.record("cppcc_member_seated", Json{{"cppcc_id", cppcc_id},
                                               {"member_id", member_id},
                                               {"post", to_string(post)},
                                               {"committee_id", committee_id},
                                               {"title", title}});
        return *cppcc_view(db, cppcc_id, actor);
    });
}

std::vector<NamedId> Store::cppccs() {
    return impl_->read([&](Connection& db) {
        std::vector<NamedId> out;
        Statement q(db, "SELECT id, name FROM cppccs ORDER BY id");
        while (q.step()) out.push_back({q.column(0).int64(), q.column(1).text()});
        return out;
    });
}

Result<CppccView> Store::cppcc(Id viewer, Id cppcc_id) {
    return impl_->read([&](Connection& db) -> Result<CppccView> {
        auto v = cppcc_view(db, cppcc_id, viewer);
        if (!v) return make_error("not_found", "cppcc_id");
        return *v;
    });
}

// --- handling (办理) ---
namespace records {

std::optional<RecommendationPlace> recommendation_place(Connection& db, Id recommendation_id) {
    Statement q(db,
                "SELECT r.topic_id, t.cppcc_id, COALESCE(t.issue_id, 0), t.title "
                "FROM recommendations r JOIN topics t ON t.id = r.topic_id WHERE r.id = ?");
    q.bind(1, recommendation_id);
    if (!q.step()) return std::nullopt;
    return RecommendationPlace{recommendation_id, q.column(0).int64(), q.column(1).int64(),
                               q.column(2).int64(), q.column(3).text()};
}

Actor recommendation_task_actor(Connection& db, const RecommendationPlace& place, const Task& t,
                                Id member_id) {
    Actor a = task_actor(cppcc_actor_of(db, place.cppcc_id, member_id));
    if (member_id == t.responsible_member_id) a.member = true;
    return a;
}

void bump_topic_version(Connection& db, Id topic_id) {
    Statement q(db, "UPDATE topics SET version = version + 1 WHERE id = ?");
    q.bind(1, topic_id);
    q.run();
}

namespace {
// At most `max` characters of `text`: a note quotes a reply that may fill a comment by itself.
std::string clipped(const std::string& text, std::size_t max) {
    if (utf8_length(text) <= max) return text;
    std::string out;
    auto points = decode_utf8(text);
    for (std::size_t i = 0; i + 1 < max && i < points.size(); ++i) append_utf8(out, points[i]);
    return out + "…";
}

const char* adoption_label(Adoption a) {
    switch (a) {
        case Adoption::adopted: return "采纳";
        case Adoption::partly: return "部分采纳";
        case Adoption::not_adopted: return "未采纳";
    }
    return "";
}
}  // namespace

Id note_on_issue(Connection& db, Id topic_id, Id author, const std::string& text, bool official,
                 std::int64_t now) {
    Statement topic(db, "SELECT issue_id FROM topics WHERE id = ?");
    topic.bind(1, topic_id);
    if (!topic.step() || topic.column(0).null()) return 0;
    Id issue_id = topic.column(0).int64();
    topic.reset();
    Statement q(db,
                "INSERT INTO comments (issue_id, author_id, parent_id, stance, body, official, "
                "created_at) VALUES (?, ?, NULL, 'neutral', ?, ?, ?) RETURNING id");
    q.bind(1, issue_id);
    q.bind(2, author);
    q.bind(3, clipped(text, kBodyMaxChars));
    q.bind(4, official ? 1 : 0);
    q.bind(5, now);
    Id id = single(q).int64();
    if (official) report_marks::issue_answered(db, issue_id, now);
    return id;
}

Id note_outcome_sent(Connection& db, Id topic_id, Id author, const Sending& s, std::int64_t now) {
    Statement q(db, "SELECT title FROM topics WHERE id = ?");
    q.bind(1, topic_id);
    if (!q.step()) return 0;
    std::string text = "政协协商《" + q.column(0).text() + "》成果已报送：" + s.recipient + "（" +
                       s.sent_on + "，" + s.received_by + "接收）";
    q.reset();
    return note_on_issue(db, topic_id, author, text, false, now);
}

Id note_department_answer(Connection& db, const RecommendationPlace& place, const Task& answered,
                          std::int64_t now) {
    if (place.issue_id == 0 || answered.replies.empty()) return 0;
    const TaskReply& reply = answered.replies.back();
    std::string text = "政协协商《" + place.topic_title + "》建议办理：" +
                       answered.responsible_unit + "答复";
    if (answered.adoption) text += std::string("（") + adoption_label(*answered.adoption) + "）";
    text += "：" + reply.text;
    return note_on_issue(db, place.topic_id, reply.by, text, true, now);
}

}  // namespace records

Result<ConsultationView> Store::hand_over(Id actor, Id recommendation_id, const HandOver& h,
                                          std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<ConsultationView> {
        Connection& db = act.db;
        auto place = records::recommendation_place(db, recommendation_id);
        if (!place) return make_error("not_found", "recommendation_id");
        auto c = load_consultation(db, place->topic_id);
        if (!c) throw StoreError("a recommendation without its consultation");
        auto task = yishi::hand_over(cppcc_actor_of(db, place->cppcc_id, actor), *c,
                                     recommendation_id, h, now);
        if (!task) return task.error();
        // A department answers through one of its staff: an active account with a department.
        Statement staff(db,
                        "SELECT 1 FROM members WHERE id = ? AND active = 1 "
                        "AND department_id IS NOT NULL");
        staff.bind(1, h.responsible_member_id);
        if (!staff.step()) return make_error("not_department", "responsible_member_id");
        staff.reset();
        const Task& t = task.value();
        Statement q(db,
                    "INSERT INTO tasks (responsible_unit, responsible_member_id, due_at, state, "
                    "created_by, created_at, recommendation_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id");
        q.bind(1, t.responsible_unit);
        q.bind(2, t.responsible_member_id);
        q.bind(3, t.due_at);
        q.bind(4, to_string(t.state));
        q.bind(5, actor);
        q.bind(6, now);
        q.bind(7, recommendation_id);
        Id task_id = single(q).int64();
        records::bump_topic_version(db, place->topic_id);
        act.in_community(kCityChain);
        act.record("recommendation_handed_over",
                   Json{{"task_id", task_id},
                        {"recommendation_id", recommendation_id},
                        {"topic_id", place->topic_id},
                        {"responsible_unit", t.responsible_unit},
                        {"responsible_member_id", t.responsible_member_id},
                        {"due_at", t.due_at}});
        return consultation_view(db, *load_consultation(db, place->topic_id), actor);
    });
}

// --- the community link (群众荐题) ---
Result<ConsultationView> Store::recommend_issue(Id actor, Id issue_id, Id cppcc_id,
                                                std::int64_t now) {
    return impl_->act(actor, now, [&](Act& act) -> Result<ConsultationView> {
        Connection& db = act.db;
        auto issue = server::issue(db, issue_id, actor);
        if (!issue) return make_error("not_found", "issue_id");
        auto topic = yishi::recommend_issue(act.who(issue->council_id), *issue, cppcc_id, now);
        if (!topic) return topic.error();
        if (!street_of_cppcc(db, cppcc_id)) return make_error("not_found", "cppcc_id");
        const Consultation& c = topic.value();
        // topics.issue_id is UNIQUE: an issue is recommended once, whoever asks first.
        Statement q(db,
                    "INSERT INTO topics (cppcc_id, title, body, source, proposed_by, issue_id, "
                    "created_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (issue_id) DO NOTHING RETURNING id");
        q.bind(1, cppcc_id);
        q.bind(2, c.title);
        q.bind(3, c.body);
        q.bind(4, to_string(c.source));
        q.bind(5, actor);
        q.bind(6, issue_id);
        q.bind(7, now);
        q.bind(8, to_string(c.stage));
        if (!q.step()) return make_error("already_recommended", "issue_id");
        Id topic_id = q.column(0).int64();
        q.reset();
        act.record("issue_recommended",
                   Json{{"issue_id", issue_id}, {"cppcc_id", cppcc_id}, {"topic_id", topic_id}});
        return consultation_view(db, *load_consultation(db, topic_id), actor);
    });
}

Result<IssueConsultation> Store::issue_consultation(Id viewer, Id issue_id) {
    return impl_->read([&](Connection& db) -> Result<IssueConsultation> {
        auto issue = server::issue(db, issue_id, viewer);
        if (!issue) return make_error("not_found", "issue_id");
        if (!server::is_member(db, issue->council_id, viewer)) return make_error("forbidden");
        IssueConsultation out;
        Statement q(db, "SELECT id FROM topics WHERE issue_id = ?");
        q.bind(1, issue_id);
        if (!q.step()) return out;
        Id topic_id = q.column(0).int64();
        q.reset();
        auto c = load_consultation(db, topic_id);
        if (!c) throw StoreError("a topic that does not load");
        ConsultationView v = consultation_view(db, *c, viewer);
        out.topic_id = topic_id;
        out.title = c->title;
        out.cppcc_name = v.cppcc_name;
        out.stage = c->stage;
        // What the consultation recommends is its own until the outcome is sent.
        if (c->stage == ConsultationStage::sent || c->stage == ConsultationStage::published) {
            out.recommendations = std::move(v.recommendations);
            out.figures = v.figures;
        }
        return out;
    });
}

}  // namespace yishi::server
