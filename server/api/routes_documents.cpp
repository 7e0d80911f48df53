// Printed documents as PDF: GET /api/sessions/{id}/minutes.pdf (会议纪要 of a closed session)
// and GET /api/notices/{id}.pdf (决议公示 / 实施结果公示), for the council's members and the
// administrators whose scope reaches its community; GET /api/report.pdf (群众需求月报) for
// whom may read the report.
#include <algorithm>
#include <map>

#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/administration.hpp"
#include "yishi/ballot_spec.hpp"
#include "yishi/report.hpp"
#include "yishi/server/documents_print.hpp"

namespace yishi::server {

namespace {

// A path id that is no id, named in Chinese (these fields have no label in the core's table).
Error bad_path_id(const char* field, const char* label) {
    return Error{"bad_id", 400, field, std::string("编号无效：") + label};
}

Reply pdf_reply(std::string bytes, const std::string& file_name) {
    Reply pdf{200, std::move(bytes)};
    pdf.content_type = "application/pdf";
    pdf.headers.emplace("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    return pdf;
}

// Whether `caller` may read the council's papers: a member of the council, or an administrator
// whose scope reaches its community (the core's reaches()).
Check may_read_council_papers(Api& api, const Member& caller, Id council_id,
                              const Store::CouncilPlace& place) {
    if (api.store.is_member(council_id, caller.id)) return std::nullopt;
    if (auto scope = api.store.admin_scope(caller.id))
        if (reaches(*scope, Place{place.street_id, place.community_id})) return std::nullopt;
    return Error{"forbidden", 403, "", "您不是该议事会的成员或其所在社区的管理员，无权查看"};
}

const char* method_label(Method m) {
    switch (m) {
        case Method::yes_no: return "赞成/反对/弃权";
        case Method::single: return "单选";
        case Method::approval: return "多选";
        case Method::schulze: return "排序（舒尔茨法）";
        case Method::irv: return "排序（即时决选）";
        case Method::budget: return "参与式预算";
    }
    return "";
}

// The winners (or funded projects) a published bulletin's result names.
std::vector<std::string> published_winners(const std::optional<Json>& bulletin) {
    std::vector<std::string> out;
    if (!bulletin || !bulletin->contains("result")) return out;
    const Json& result = (*bulletin)["result"];
    for (const char* key : {"winners", "funded"})
        if (auto it = result.find(key); it != result.end() && it->is_array())
            for (const Json& name : *it)
                if (name.is_string()) out.push_back(name.get<std::string>());
    return out;
}

MinutesItem minutes_item(Api& api, const AgendaItem& a, const std::vector<BallotRecord>& ballots) {
    MinutesItem item;
    item.title = a.title;
    item.special_matter = a.special_matter;
    auto b = std::find_if(ballots.begin(), ballots.end(),
                          [&](const BallotRecord& r) { return r.ballot.issue_id == a.issue_id; });
    if (b == ballots.end() || b->ballot.state != BallotState::closed || !b->tally) return item;
    item.tally = b->tally;
    BallotSpec spec = api.store.ballot_spec(b->ballot.id);
    if (spec.method != Method::yes_no) {
        item.method = method_label(spec.method);
        item.winners = published_winners(api.store.bulletin(b->ballot.id));
    }
    return item;
}

Reply minutes(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(bad_path_id("session_id", "会议编号"));
    auto s = api.store.session(*id);
    if (!s) return failure(make_error("not_found"));
    auto council = api.store.council(s->council_id);
    auto place = api.store.council_place(s->council_id);
    if (!council || !place) return failure(make_error("not_found"));
    if (auto e = may_read_council_papers(api, caller.value(), s->council_id, *place))
        return failure(*e);
    if (s->state != SessionState::closed)
        return failure(Error{"session_not_closed", 409, "",
                             "会议尚未结束，闭会后才能打印会议纪要"});

    MinutesPaper m;
    m.council = council->name;
    m.community = place->community;
    m.street = place->street;
    m.kind = s->kind;
    m.starts_at = s->starts_at;
    m.opened_at = s->opened_at;
    m.closed_at = s->closed_at;
    std::map<Id, std::string> names;
    auto members = api.store.council_members(s->council_id);
    for (const CouncilMember& c : members) {
        names[c.id] = c.name;
        if (c.role == "convenor") m.convenors.push_back(c.name);
    }
    for (Id who : s->signed_in) {
        if (!names.count(who))
            if (auto member = api.store.member(who)) names[who] = member->name;
        m.attendees.push_back(names[who]);
    }
    for (const CouncilMember& c : members)
        if (c.voting && std::find(s->signed_in.begin(), s->signed_in.end(), c.id) ==
                            s->signed_in.end())
            m.absentees.push_back(c.name);
    m.quorum = quorum_status(api.store.rules(s->council_id), *s,
                             api.store.electorate(s->council_id));
    auto ballots = api.store.ballots_of_session(s->id);
    for (const AgendaItem& a : s->agenda) m.items.push_back(minutes_item(api, a, ballots));
    return pdf_reply(minutes_pdf(m), "minutes-" + std::to_string(s->id) + ".pdf");
}

Reply notice(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(bad_path_id("notice_id", "公示编号"));
    auto n = api.store.notice(*id);
    if (!n) return failure(make_error("not_found"));
    auto council = api.store.council(n->council_id);
    auto place = api.store.council_place(n->council_id);
    if (!council || !place) return failure(make_error("not_found"));
    if (auto e = may_read_council_papers(api, caller.value(), n->council_id, *place))
        return failure(*e);
    NoticePaper paper{*n, council->name, place->community, ""};
    if (n->kind == NoticeKind::resolution) {
        if (auto b = api.store.ballot(n->subject_id)) paper.subject_title = b->issue_title;
    } else if (auto t = api.store.task(n->subject_id)) {
        paper.subject_title = t->issue_title;
    }
    return pdf_reply(notice_pdf(paper), "notice-" + std::to_string(n->id) + ".pdf");
}

// The monthly report of the query GET /api/report reads (report_rows).
Reply report(Api& api, const httplib::Request& req) {
    auto rows = report_rows(api, req);
    if (!rows) return failure(rows.error());
    return pdf_reply(monthly_report_pdf(build_monthly_report(rows.value())),
                     "report-" + format_month(rows.value().month) + ".pdf");
}

}  // namespace

void add_document_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", R"(/api/sessions/([^/]+)/minutes\.pdf)", minutes);
    route("GET", R"(/api/notices/([^/]+)\.pdf)", notice);
    route("GET", R"(/api/report\.pdf)", report);
}

}  // namespace yishi::server
