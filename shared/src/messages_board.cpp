// JSON forms of the accountability board (see messages_board.hpp).
#include "yishi/messages_board.hpp"

#include "messages_read.hpp"

namespace yishi {

using wire::Fields;

namespace {
constexpr BoardSource kSources[] = {BoardSource::council, BoardSource::consultation};
constexpr TaskState kStates[] = {TaskState::assigned, TaskState::answered, TaskState::supervised,
                                 TaskState::done};

Json named_list(const std::vector<NamedId>& items) {
    Json list = Json::array();
    for (const auto& n : items) list.push_back({{"id", n.id}, {"name", n.name}});
    return list;
}

std::vector<NamedId> read_named(const Fields& f, const char* name) {
    std::vector<NamedId> out;
    for (std::size_t i = 0; i < f.array(name).size(); ++i) {
        Fields n = f.element(name, i);
        out.push_back({n.integer("id"), n.text("name")});
    }
    return out;
}

BoardRow row_from(const Fields& f) {
    BoardRow r;
    r.task_id = f.integer("task_id");
    r.source = f.one_of("source", kSources);
    r.subject_id = f.integer("subject_id");
    r.subject_title = f.text("subject_title");
    r.community_id = f.integer("community_id");
    r.community_name = f.text("community_name");
    r.council_id = f.integer("council_id");
    r.council_name = f.text("council_name");
    r.grid_id = f.integer("grid_id");
    r.grid_name = f.text("grid_name");
    r.responsible_unit = f.text("responsible_unit");
    r.responsible_member_id = f.integer("responsible_member_id");
    r.due_at = f.integer("due_at");
    r.created_at = f.integer("created_at");
    r.state = f.one_of("state", kStates);
    r.status = f.one_of("status", kBoardStatuses);
    r.days_overdue = f.integer("days_overdue");
    if (f.has("latest_progress")) {
        Fields p = f.object("latest_progress");
        r.latest_progress = LatestProgress{p.text("text"), p.integer("at")};
    } else if (!f.json().contains("latest_progress")) {
        wire::refuse("missing_field", f.path("latest_progress"));
    }
    Fields counts = f.object("ratings");
    r.ratings = {counts.integer("satisfied"), counts.integer("basically_satisfied"),
                 counts.integer("unsatisfied")};
    r.first_reply_at = f.integer("first_reply_at");
    return r;
}

UnitFigures unit_from(const Fields& f) {
    UnitFigures u;
    u.unit = f.text("unit");
    u.received = f.integer("received");
    u.answered_on_time = f.integer("answered_on_time");
    u.overdue_now = f.integer("overdue_now");
    u.answered = f.integer("answered");
    u.reply_days_tenths = f.integer("reply_days_tenths");
    u.ratings = f.integer("ratings");
    u.satisfied = f.integer("satisfied");
    u.satisfied_permille = f.integer("satisfied_permille");
    return u;
}
}  // namespace

Json to_json(const BoardRow& r) {
    return {{"task_id", r.task_id},
            {"source", to_string(r.source)},
            {"subject_id", r.subject_id},
            {"subject_title", r.subject_title},
            {"community_id", r.community_id},
            {"community_name", r.community_name},
            {"council_id", r.council_id},
            {"council_name", r.council_name},
            {"grid_id", r.grid_id},
            {"grid_name", r.grid_name},
            {"responsible_unit", r.responsible_unit},
            {"responsible_member_id", r.responsible_member_id},
            {"due_at", r.due_at},
            {"created_at", r.created_at},
            {"state", to_string(r.state)},
            {"status", to_string(r.status)},
            {"days_overdue", r.days_overdue},
            {"latest_progress", r.latest_progress
                                    ? Json{{"text", r.latest_progress->text},
                                           {"at", r.latest_progress->at}}
                                    : Json()},
            {"ratings",
             {{"satisfied", r.ratings.satisfied},
              {"basically_satisfied", r.ratings.basically_satisfied},
              {"unsatisfied", r.ratings.unsatisfied}}},
            {"first_reply_at", r.first_reply_at}};
}

Json to_json(const UnitFigures& u) {
    return {{"unit", u.unit},
            {"received", u.received},
            {"answered_on_time", u.answered_on_time},
            {"overdue_now", u.overdue_now},
            {"answered", u.answered},
            {"reply_days_tenths", u.reply_days_tenths},
            {"ratings", u.ratings},
            {"satisfied", u.satisfied},
            {"satisfied_permille", u.satisfied_permille}};
}

std::string encode(const Board& b) {
    Json units = Json::array();
    for (const auto& u : b.filters.units) units.push_back(u);
    return Json{{"scope", {{"kind", b.scope.kind}, {"id", b.scope.id}, {"name", b.scope.name}}},
                {"now", b.now},
                {"rows", wire::list_json(b.rows)},
                {"total", b.total},
                {"limit", b.limit},
                {"offset", b.offset},
                {"units", wire::list_json(b.units)},
                {"filters",
                 {{"units", units},
                  {"communities", named_list(b.filters.communities)},
                  {"councils", named_list(b.filters.councils)},
                  {"grids", named_list(b.filters.grids)}}}}
        .dump();
}

Result<Board> decode_board(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        Board b;
        Fields scope = f.object("scope");
        b.scope = {scope.text("kind"), scope.integer("id"), scope.text("name")};
        b.now = f.integer("now");
        for (std::size_t i = 0; i < f.array("rows").size(); ++i)
            b.rows.push_back(row_from(f.element("rows", i)));
        b.total = f.integer("total");
        b.limit = f.integer("limit");
        b.offset = f.integer("offset");
        for (std::size_t i = 0; i < f.array("units").size(); ++i)
            b.units.push_back(unit_from(f.element("units", i)));
        Fields filters = f.object("filters");
        const Json& units = filters.array("units");
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (!units[i].is_string()) wire::refuse("wrong_type", filters.path("units"));
            b.filters.units.push_back(units[i].get<std::string>());
        }
        b.filters.communities = read_named(filters, "communities");
        b.filters.councils = read_named(filters, "councils");
        b.filters.grids = read_named(filters, "grids");
        return b;
    });
}

}  // namespace yishi
