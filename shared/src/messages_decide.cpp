// JSON forms of sessions, ballots with their tally, and notices (定 decide; see messages_decide.hpp).
#include "yishi/messages_decide.hpp"

#include "messages_read.hpp"

namespace yishi {

namespace {
using wire::Fields;

Json tally_json(const Tally& t) {
    return {{"yes", t.yes},
            {"no", t.no},
            {"abstain", t.abstain},
            {"not_voted", t.not_voted},
            {"present", t.present},
            {"yes_area_centi_m2", t.yes_area_centi_m2},
            {"present_area_centi_m2", t.present_area_centi_m2},
            {"quorum", t.quorum},
            {"outcome", to_string(t.outcome)}};
}

Tally tally_from(const Fields& f) {
    Tally t;
    t.yes = f.integer("yes");
    t.no = f.integer("no");
    t.abstain = f.integer("abstain");
    t.not_voted = f.integer("not_voted");
    t.present = f.integer("present");
    t.yes_area_centi_m2 = f.integer("yes_area_centi_m2");
    t.present_area_centi_m2 = f.integer("present_area_centi_m2");
    t.quorum = f.boolean("quorum");
    t.outcome = f.one_of(
        "outcome", {Outcome::passed, Outcome::failed, Outcome::no_quorum, Outcome::deferred});
    return t;
}

std::vector<std::string> names(const Json& list, const std::string& path) {
    std::vector<std::string> out;
    if (!list.is_array()) wire::refuse("wrong_type", path);
    for (const auto& x : list) {
        if (!x.is_string()) wire::refuse("wrong_type", path);
        out.push_back(x.get<std::string>());
    }
    return out;
}

CastBallot cast_from(const Fields& f) {
    CastBallot c;
    c.member_id = f.integer("member_id");
    if (f.has("choice")) c.choice = f.text("choice");
    if (f.has("approve")) c.approve = names(f.array("approve"), f.path("approve"));
    if (f.has("ranking"))
        for (const auto& group : f.array("ranking"))
            c.ranking.push_back(names(group, f.path("ranking")));
    return c;
}

BallotView ballot_from(const Fields& f) {
    BallotView b;
    b.id = f.integer("id");
    b.council_id = f.integer("council_id");
    b.session_id = f.integer("session_id");
    b.issue_id = f.integer("issue_id");
    b.issue_title = f.text("issue_title");
    b.method = f.text("method");
    b.special_matter = f.boolean("special_matter");
    b.state = f.one_of("state", {BallotState::open, BallotState::closed});
    b.opened_at = f.integer("opened_at");
    b.closed_at = f.integer("closed_at");
    if (f.has("closes_at")) b.closes_at = f.integer("closes_at");
    b.roll = f.ids("roll");
    b.electorate = f.integer("electorate");
    b.votes_cast = f.integer("votes_cast");
    b.voted = f.ids("voted");
    // Ballots of other methods (docs/ballots.md) add these; a plain yes/no ballot has none.
    if (f.has("options")) {
        const Json& options = f.array("options");
        for (std::size_t i = 0; i < options.size(); ++i) {
            if (!options[i].is_string()) wire::refuse("wrong_type", f.path("options"));
            b.options.push_back(options[i].get<std::string>());
        }
    }
    if (f.has("secret")) b.secret = f.boolean("secret");
    if (f.has("unit")) b.unit = f.text("unit");
    if (f.has("max_choices")) b.max_choices = f.integer("max_choices");
    if (f.has("tellers")) b.tellers = f.ids("tellers");
    if (f.has("result")) b.result = f.object("result").json();
    // Votes are published once the ballot is closed, and only then.
    if (b.state == BallotState::closed) {
        for (std::size_t i = 0; i < f.array("votes").size(); ++i) {
            Fields v = f.element("votes", i);
            b.votes.push_back(
                {v.integer("member_id"),
                 v.one_of("choice", {Choice::yes, Choice::no, Choice::abstain})});
        }
        if (f.has("tally")) b.tally = tally_from(f.object("tally"));
        if (f.has("cast"))
            for (std::size_t i = 0; i < f.array("cast").size(); ++i)
                b.cast.push_back(cast_from(f.element("cast", i)));
    }
    return b;
}

Notice notice_from(const Fields& f) {
    Notice n;
    n.id = f.integer("id");
    n.council_id = f.integer("council_id");
    n.kind = f.one_of("kind", {NoticeKind::resolution, NoticeKind::result});
    n.subject_id = f.integer("subject_id");
    n.text = f.text("text");
    n.starts_at = f.integer("starts_at");
    n.ends_at = f.integer("ends_at");
    return n;
}

SessionSummary summary_from(const Fields& f) {
    SessionSummary out;
    Session& s = out.session;
    s.id = f.integer("id");
    s.council_id = f.integer("council_id");
    s.kind = f.one_of("kind", {SessionKind::regular, SessionKind::extraordinary});
    s.state = f.one_of("state", {SessionState::planned, SessionState::noticed, SessionState::open,
                                 SessionState::closed, SessionState::cancelled});
    s.starts_at = f.integer("starts_at");
    s.noticed_at = f.integer("noticed_at");
    s.notice_override_reason = f.text("notice_override_reason");
    s.opened_at = f.integer("opened_at");
    s.closed_at = f.integer("closed_at");
    for (std::size_t i = 0; i < f.array("agenda").size(); ++i) {
        Fields a = f.element("agenda", i);
        s.agenda.push_back({a.integer("issue_id"), a.text("title"), a.boolean("special_matter")});
    }
    out.signed_in_count = f.integer("signed_in_count");
    if (f.has("returned_to_list"))
        for (std::size_t i = 0; i < f.array("returned_to_list").size(); ++i) {
            Fields a = f.element("returned_to_list", i);
            s.returned_to_list.push_back({a.integer("issue_id"), a.text("title"), false});
        }
    if (f.has("cancel_reason")) s.cancel_reason = f.text("cancel_reason");
    if (f.has("cancelled_at")) s.cancelled_at = f.integer("cancelled_at");
    return out;
}
}  // namespace

BallotView ballot_view(const Ballot& b, const std::string& issue_title,
                       const std::optional<Tally>& tally) {
    BallotView v;
    v.id = b.id;
    v.council_id = b.council_id;
    v.session_id = b.session_id;
    v.issue_id = b.issue_id;
    v.issue_title = issue_title;
    v.special_matter = b.special_matter;
    v.state = b.state;
    v.opened_at = b.opened_at;
    v.closed_at = b.closed_at;
    v.closes_at = b.closes_at;
    for (const auto& voter : b.roll) v.roll.push_back(voter.member_id);
    v.electorate = b.electorate.heads;
    v.votes_cast = static_cast<std::int64_t>(b.votes.size());
    for (const auto& vote : b.votes) v.voted.push_back(vote.member_id);
    if (b.state == BallotState::closed) {
        v.votes = b.votes;
        v.tally = tally;
    }
    return v;
}

Json to_json(const BallotView& b) {
    Json j = {{"id", b.id},
              {"council_id", b.council_id},
              {"session_id", b.session_id},
              {"issue_id", b.issue_id},
              {"issue_title", b.issue_title},
              {"method", b.method},
              {"special_matter", b.special_matter},
              {"state", to_string(b.state)},
              {"opened_at", b.opened_at},
              {"closed_at", b.closed_at},
              {"roll", b.roll},
              {"electorate", b.electorate},
              {"votes_cast", b.votes_cast},
              {"voted", b.voted}};
    if (b.closes_at != 0) j["closes_at"] = b.closes_at;  // absent: no closing time announced
    if (b.state == BallotState::closed) {
        Json votes = Json::array();
        for (const auto& v : b.votes)
            votes.push_back({{"member_id", v.member_id}, {"choice", to_string(v.choice)}});
        j["votes"] = votes;
        if (b.tally) j["tally"] = tally_json(*b.tally);
    }
    return j;
}

std::string encode(const BallotView& b) { return to_json(b).dump(); }

std::string encode(const VoteCounted& v) {
    return Json{{"id", v.ballot_id},
                {"state", to_string(v.state)},
                {"electorate", v.electorate},
                {"votes_cast", v.votes_cast}}
        .dump();
}

namespace {
VoteCounted vote_counted_from(const Fields& f) {
    VoteCounted v;
    v.ballot_id = f.integer("id");
    v.state = f.one_of("state", {BallotState::open, BallotState::closed});
    v.electorate = f.integer("electorate");
    v.votes_cast = f.integer("votes_cast");
    return v;
}
}  // namespace

Result<VoteCounted> decode_vote_counted(std::string_view body) {
    return wire::decode_body(body, vote_counted_from);
}

Result<BallotView> decode_ballot(std::string_view body) {
    return wire::decode_body(body, ballot_from);
}

Json to_json(const PaperCounts& p) {
    Json entries = Json::array();
    for (const auto& e : p.entries)
        entries.push_back(
            {{"teller_id", e.teller_id}, {"counts", e.counts}, {"entered_at", e.entered_at}});
    return {{"tellers", p.tellers},
            {"entries", entries},
            {"differing", p.differing},
            {"agreed", p.agreed}};
}

std::string encode(const PaperCounts& p) { return to_json(p).dump(); }

Result<PaperCounts> decode_paper_counts(std::string_view body) {
    return wire::decode_body(body, [](const wire::Fields& f) {
        PaperCounts p;
        p.tellers = f.ids("tellers");
        for (std::size_t i = 0; i < f.array("entries").size(); ++i) {
            wire::Fields e = f.element("entries", i);
            PaperEntry entry{e.integer("teller_id"), e.object("counts").json(),
                             e.integer("entered_at")};
            for (const auto& [name, n] : entry.counts.items())
                if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
                    wire::refuse("wrong_type", e.path("counts") + "." + name);
            p.entries.push_back(std::move(entry));
        }
        const Json& differing = f.array("differing");
        for (std::size_t i = 0; i < differing.size(); ++i) {
            if (!differing[i].is_string()) wire::refuse("wrong_type", f.path("differing"));
            p.differing.push_back(differing[i].get<std::string>());
        }
        p.agreed = f.boolean("agreed");
        return p;
    });
}

Json to_json(const Notice& n) {
    return {{"id", n.id},
            {"council_id", n.council_id},
            {"kind", to_string(n.kind)},
            {"subject_id", n.subject_id},
            {"text", n.text},
            {"starts_at", n.starts_at},
            {"ends_at", n.ends_at}};
}

std::string encode(const Notice& n) { return to_json(n).dump(); }

Result<Notice> decode_notice(std::string_view body) { return wire::decode_body(body, notice_from); }

std::string encode(const BallotClosingView& c) {
    Json j = to_json(c.ballot);
    j["notice"] = to_json(c.notice);
    return j.dump();
}

Result<BallotClosingView> decode_ballot_closing(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return BallotClosingView{ballot_from(f), notice_from(f.object("notice"))};
    });
}

Json to_json(const NoticeView& n) {
    Json j = to_json(n.notice);
    j["in_force"] = n.in_force;
    return j;
}

std::string encode(const NoticeList& l) {
    return Json{{"notices", wire::list_json(l.notices)}}.dump();
}

Result<NoticeList> decode_notice_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        NoticeList l;
        for (std::size_t i = 0; i < f.array("notices").size(); ++i) {
            Fields n = f.element("notices", i);
            l.notices.push_back({notice_from(n), n.boolean("in_force")});
        }
        return l;
    });
}

SessionSummary session_summary(const Session& s) {
    return {s, static_cast<std::int64_t>(s.signed_in.size())};
}

Json to_json(const SessionSummary& summary) {
    const Session& s = summary.session;
    Json agenda = Json::array();
    for (const auto& a : s.agenda)
        agenda.push_back(
            {{"issue_id", a.issue_id}, {"title", a.title}, {"special_matter", a.special_matter}});
    Json returned = Json::array();
    for (const auto& a : s.returned_to_list)
        returned.push_back({{"issue_id", a.issue_id}, {"title", a.title}});
    return {{"id", s.id},
            {"council_id", s.council_id},
            {"kind", to_string(s.kind)},
            {"state", to_string(s.state)},
            {"starts_at", s.starts_at},
            {"noticed_at", s.noticed_at},
            {"notice_override_reason", s.notice_override_reason},
            {"opened_at", s.opened_at},
            {"closed_at", s.closed_at},
            {"agenda", agenda},
            {"signed_in_count", summary.signed_in_count},
            {"returned_to_list", returned},
            {"cancel_reason", s.cancel_reason},
            {"cancelled_at", s.cancelled_at}};
}

std::string encode(const SessionSummary& s) { return to_json(s).dump(); }

Result<SessionSummary> decode_session_summary(std::string_view body) {
    return wire::decode_body(body, summary_from);
}

std::string encode(const SessionList& l) {
    return Json{{"sessions", wire::list_json(l.sessions)}}.dump();
}

std::string encode(const MemberList& l) {
    Json members = Json::array();
    for (const auto& m : l.members)
        members.push_back({{"id", m.id}, {"name", m.name}, {"role", m.role}, {"voting", m.voting},
                           {"household", m.household}});
    return Json{{"members", members}}.dump();
}

Result<MemberList> decode_member_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        MemberList l;
        for (std::size_t i = 0; i < f.array("members").size(); ++i) {
            Fields m = f.element("members", i);
            l.members.push_back({m.integer("id"), m.text("name"), m.text("role"), m.boolean("voting"),
                                 m.has("household") ? m.text("household") : std::string{}});
        }
        return l;
    });
}

Result<SessionList> decode_session_list(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        SessionList l;
        for (std::size_t i = 0; i < f.array("sessions").size(); ++i)
            l.sessions.push_back(summary_from(f.element("sessions", i)));
        return l;
    });
}

Json to_json(const SessionView& v) {
    Json j = to_json(SessionSummary{v.session, v.signed_in_count});
    Json signed_in = Json::array();
    for (const auto& a : v.signed_in)
        signed_in.push_back({{"member_id", a.member_id}, {"name", a.name}});
    j["signed_in"] = signed_in;
    j["quorum"] = {{"met", v.quorum.met},
                   {"present", v.quorum.present},
                   {"electorate", v.quorum.electorate},
                   {"rule", wire::quorum_rule_json(v.quorum.rule)}};
    j["ballots"] = wire::list_json(v.ballots);
    return j;
}

std::string encode(const SessionView& s) { return to_json(s).dump(); }

Result<SessionView> decode_session(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        SessionSummary summary = summary_from(f);
        SessionView v{summary.session, summary.signed_in_count, {}, {}, {}};
        for (std::size_t i = 0; i < f.array("signed_in").size(); ++i) {
            Fields a = f.element("signed_in", i);
            v.signed_in.push_back({a.integer("member_id"), a.text("name")});
            v.session.signed_in.push_back(v.signed_in.back().member_id);
        }
        Fields q = f.object("quorum");
        v.quorum.met = q.boolean("met");
        v.quorum.present = q.integer("present");
        v.quorum.electorate = q.integer("electorate");
        if (!wire::read_quorum_rule(q.at("rule"), v.quorum.rule))
            wire::refuse("wrong_type", q.path("rule"));
        for (std::size_t i = 0; i < f.array("ballots").size(); ++i)
            v.ballots.push_back(ballot_from(f.element("ballots", i)));
        return v;
    });
}

}  // namespace yishi
