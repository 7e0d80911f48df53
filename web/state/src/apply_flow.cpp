// The flow's intents (议 → 定 → 办 → 评) as requests, and what each page loads.
// Checks that need no server (empty text, missing choice) refuse here, with the core's messages.
#include <algorithm>
#include <ctime>
#include <optional>

#include "steps.hpp"
#include "yishi/ballot.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/client/format.hpp"
#include "yishi/messages.hpp"
#include "yishi/text.hpp"

namespace yishi::client::steps {

namespace {

std::string council_path(const ClientState& s, const char* rest) {
    return "/api/councils/" + std::to_string(s.council_id) + rest;
}

std::string path_of(RequestKind kind, const ClientState& s, Id id) {
    switch (kind) {
        case RequestKind::issue: return "/api/issues/" + std::to_string(id);
        case RequestKind::comments: return "/api/issues/" + std::to_string(id) + "/comments";
        case RequestKind::sessions: return council_path(s, "/sessions");
        case RequestKind::session: return "/api/sessions/" + std::to_string(id);
        case RequestKind::ballot: return "/api/ballots/" + std::to_string(id);
        case RequestKind::notices: return council_path(s, "/notices");
        case RequestKind::tasks: return council_path(s, "/tasks");
        case RequestKind::task: return "/api/tasks/" + std::to_string(id);
        case RequestKind::rules: return council_path(s, "/rules");
        case RequestKind::demand: return council_path(s, "/session-demands");
        case RequestKind::members: return council_path(s, "/members");
        case RequestKind::bulletin: return "/api/ballots/" + std::to_string(id) + "/bulletin";
        case RequestKind::paper_counts:
            return "/api/ballots/" + std::to_string(id) + "/paper-counts";
        default: return {};
    }
}

}  // namespace

void load(ClientState& state, RequestKind kind, Id id, std::vector<Request>& out) {
    if (!state.logged_in() || state.council_id == 0) return;
    out.push_back(make(state, kind, "GET", path_of(kind, state, id), {}, id));
}

void write(ClientState& state, std::string method, std::string path, std::string body,
           std::string notice_key, std::vector<Request>& out, Id target) {
    clear_messages(state);
    Request r = make(state, RequestKind::write, std::move(method), std::move(path),
                     std::move(body), target);
    r.notice_key = std::move(notice_key);
    out.push_back(std::move(r));
    state.submitting = true;
}

void load_page(ClientState& state, std::vector<Request>& out) {
    const Id id = state.route.id;
    switch (state.route.page) {
        case Page::home:
            load_issues(state, out);
            load(state, RequestKind::sessions, 0, out);
            load(state, RequestKind::tasks, 0, out);
            // The convenor's to-dos: which finished tasks still lack their result notice.
            if (state.is_convenor()) load(state, RequestKind::notices, 0, out);
            break;
        case Page::issues: load_issues(state, out); break;
        case Page::issue:
            load_issues(state, out);
            load(state, RequestKind::comments, id, out);
            load(state, RequestKind::rules, 0, out);  // the chart's pass and quorum lines
            load(state, RequestKind::sessions, 0, out);  // the ballot on it, if any
            load(state, RequestKind::tasks, 0, out);
            break;
        case Page::sessions:
            load(state, RequestKind::sessions, 0, out);
            load(state, RequestKind::demand, 0, out);
            break;
        case Page::session:
            load(state, RequestKind::session, id, out);
            load(state, RequestKind::rules, 0, out);
            load(state, RequestKind::members, 0, out);  // who is missing
            // Open ballots with tellers: whether their paper counts agree (closing needs it).
            if (const SessionView* v = state.find_session(id))
                for (const auto& b : v->ballots)
                    if (!b.tellers.empty() && b.state == BallotState::open)
                        load(state, RequestKind::paper_counts, b.id, out);
            // The agenda is built from the period's list.
            if (state.issues.empty()) load_issues(state, out);
            break;
        case Page::ballot:
            load(state, RequestKind::ballot, id, out);
            load(state, RequestKind::rules, 0, out);
            load(state, RequestKind::tasks, 0, out);  // a passed one may be assigned here
            load(state, RequestKind::members, 0, out);  // the unit's reporting member
            // Tellers' entries, refreshed with the ballot (the first load follows its reply).
            if (const BallotView* b = state.find_ballot(id); b && !b->tellers.empty())
                load(state, RequestKind::paper_counts, id, out);
            break;
        case Page::notices:
            load(state, RequestKind::notices, 0, out);
            load(state, RequestKind::rules, 0, out);
            break;
        case Page::tasks: load(state, RequestKind::tasks, 0, out); break;
        case Page::new_issue: load(state, RequestKind::members, 0, out); break;  // 代提
        case Page::task: load(state, RequestKind::task, id, out); break;
        case Page::setup:
        case Page::admin:
        case Page::admin_community: load_admin(state, out); break;
        default: break;
    }
    load_cppcc_page(state, out);
    load_follow_page(state, out);
}

}  // namespace yishi::client::steps

namespace yishi::client {

namespace {

Error refuse(ClientState& state, Error e) {
    state.error = {{}, e.message};
    state.error_field = e.field;
    state.notice = {};
    return e;
}

bool text_ok(ClientState& state, const std::string& text, const char* field, std::size_t max) {
    if (auto v = validate_text(text, field, max); !v) {
        refuse(state, v.error());
        return false;
    }
    return true;
}

// "12" → 12; anything but ASCII digits (or more than nine of them) is no whole number.
std::optional<std::int64_t> whole_number(const std::string& text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    std::int64_t n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

std::string id_path(const char* base, Id id, const char* rest) {
    return std::string(base) + std::to_string(id) + rest;
}

}  // namespace

std::vector<Request> apply_flow(ClientState& s, const FlowIntent& intent) {
    std::vector<Request> out;
    auto w = [&](std::string method, std::string path, Json body, std::string key,
                 Id target = 0) {
        steps::write(s, std::move(method), std::move(path), body.is_null() ? "" : body.dump(),
                     std::move(key), out, target);
    };
    std::visit(
        [&](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, PostComment>) {
                if (!text_ok(s, trim(i.text), "text", kCommentMaxChars)) return;
                Json b{{"text", trim(i.text)}};
                if (i.official) b["official"] = true;
                else b["stance"] = i.stance;
                if (i.reply_to != 0) b["reply_to"] = i.reply_to;
                w("POST", id_path("/api/issues/", i.issue_id, "/comments"), b, "notice.commented");
            } else if constexpr (std::is_same_v<T, AcceptIssue>) {
                w("POST", id_path("/api/issues/", i.issue_id, "/accept"), nullptr,
                  "notice.accepted");
            } else if constexpr (std::is_same_v<T, DeclineIssue>) {
                if (!text_ok(s, trim(i.reason), "reason", 500)) return;
                w("POST", id_path("/api/issues/", i.issue_id, "/decline"),
                  Json{{"reason", trim(i.reason)}}, "notice.declined");
            } else if constexpr (std::is_same_v<T, MergeIssue>) {
                if (i.into == 0) return void(refuse(s, make_error("bad_id", "into")));
                if (!text_ok(s, trim(i.reason), "reason", 500)) return;
                w("POST", id_path("/api/issues/", i.issue_id, "/merge"),
                  Json{{"into", i.into}, {"reason", trim(i.reason)}}, "notice.merged");
            } else if constexpr (std::is_same_v<T, DemandSession>) {
                w("POST", "/api/councils/" + std::to_string(s.council_id) + "/session-demands",
                  nullptr, "notice.demanded");
            } else if constexpr (std::is_same_v<T, PlanSession>) {
                if (i.starts_at <= 0) return void(refuse(s, make_error("bad_time", "starts_at")));
                w("POST", "/api/councils/" + std::to_string(s.council_id) + "/sessions",
                  Json{{"kind", i.kind}, {"starts_at", i.starts_at}}, "notice.planned");
            } else if constexpr (std::is_same_v<T, PublishSessionNotice>) {
                if (i.agenda.empty()) return void(refuse(s, make_error("empty_agenda", "agenda")));
                Json agenda = Json::array();
                for (Id id : i.agenda) agenda.push_back({{"issue_id", id}});
                Json b{{"agenda", agenda}};
                if (!trim(i.override_reason).empty()) b["override_reason"] = trim(i.override_reason);
                w("POST", id_path("/api/sessions/", i.session_id, "/notice"), b,
                  "notice.session_noticed");
            } else if constexpr (std::is_same_v<T, SessionStep>) {
                w("POST", id_path("/api/sessions/", i.session_id, ("/" + i.step).c_str()),
                  nullptr, "notice.session_" + std::string(i.step == "sign-in" ? "signed_in"
                                                                                : i.step));
            } else if constexpr (std::is_same_v<T, CancelSession>) {
                if (!text_ok(s, trim(i.reason), "reason", 500)) return;
                w("POST", id_path("/api/sessions/", i.session_id, "/cancel"),
                  Json{{"reason", trim(i.reason)}}, "notice.session_cancel");
            } else if constexpr (std::is_same_v<T, RetimeSession>) {
                if (i.starts_at <= 0) return void(refuse(s, make_error("bad_time", "starts_at")));
                w("POST", id_path("/api/sessions/", i.session_id, "/retime"),
                  Json{{"starts_at", i.starts_at}}, "notice.session_retime");
            } else if constexpr (std::is_same_v<T, SignInMember>) {
                w("POST", id_path("/api/sessions/", i.session_id, "/sign-in"),
                  Json{{"member_id", i.member_id}}, "notice.session_signed_in");
            } else if constexpr (std::is_same_v<T, OpenBallot>) {
                Json b{{"issue_id", i.issue_id}};
                if (i.method != "yes_no") {
                    std::vector<std::string> options;
                    for (const auto& o : i.options)
                        if (!trim(o).empty()) options.push_back(trim(o));
                    if (options.size() < 2)
                        return void(refuse(s, make_error("missing_field", "options")));
                    if (i.method == "budget") {
                        // "名称 费用": the cost after the last space; the core checks decimals.
                        Json costs = Json::object();
                        for (auto& o : options) {
                            auto sp = o.find_last_of(' ');
                            if (sp == std::string::npos)
                                return void(refuse(s, make_error("missing_field", "costs")));
                            costs[trim(o.substr(0, sp))] = trim(o.substr(sp + 1));
                            o = trim(o.substr(0, sp));
                        }
                        if (trim(i.budget).empty())
                            return void(refuse(s, make_error("missing_field", "budget")));
                        b["budget"] = trim(i.budget);
                        b["costs"] = costs;
                    }
                    b["method"] = i.method;
                    b["options"] = options;
                }
                if (i.secret) b["secret"] = true;
                if (i.secret && !i.receipts) b["receipts"] = false;
                if (i.unit != "member") b["unit"] = i.unit;
                if (i.method == "approval" && !trim(i.max_choices).empty()) {
                    auto k = whole_number(trim(i.max_choices));
                    if (!k || *k < 1 || *k > static_cast<std::int64_t>(b["options"].size()))
                        return void(refuse(s, make_error("bad_ballot", "max_choices")));
                    b["max_choices"] = *k;
                }
                if (!i.tellers.empty()) {
                    if (i.tellers.size() != 2 || i.tellers[0] == i.tellers[1])
                        return void(refuse(s, make_error("bad_ballot", "tellers")));
                    b["tellers"] = i.tellers;
                }
                if (!trim(i.closes_at).empty()) {
                    // Typed in local time; the core's rule before the server's.
                    std::int64_t at = parse_local_date_time(i.closes_at);
                    if (at <= 0) return void(refuse(s, make_error("bad_time", "closes_at")));
                    if (auto e = check_closes_at(at, std::time(nullptr))) return void(refuse(s, *e));
                    b["closes_at"] = at;
                }
                w("POST", id_path("/api/sessions/", i.session_id, "/ballots"), b,
                  "notice.ballot_opened");
            } else if constexpr (std::is_same_v<T, CloseBallot>) {
                w("POST", id_path("/api/ballots/", i.ballot_id, "/close"), nullptr,
                  "notice.ballot_closed");
            } else if constexpr (std::is_same_v<T, Vote>) {
                Json b = !i.ranking.empty()   ? Json{{"ranking", i.ranking}}
                         : !i.approve.empty() ? Json{{"approve", i.approve}}
                                              : Json{{"choice", i.choice}};
                w("POST", id_path("/api/ballots/", i.ballot_id, "/votes"), b, "notice.voted",
                  i.ballot_id);
            } else if constexpr (std::is_same_v<T, EnterPaperCounts>) {
                Json counts = Json::object();
                for (const auto& [option, typed] : i.counts) {
                    std::string n = trim(typed);
                    auto k = n.empty() ? std::optional<std::int64_t>(0) : whole_number(n);
                    if (!k) return void(refuse(s, make_error("bad_count", "counts." + option)));
                    counts[option] = *k;
                }
                w("POST", id_path("/api/ballots/", i.ballot_id, "/paper-counts"),
                  Json{{"counts", counts}}, "notice.paper_entered", i.ballot_id);
            } else if constexpr (std::is_same_v<T, DownloadBulletin>) {
                steps::load(s, RequestKind::bulletin, i.ballot_id, out);
            } else if constexpr (std::is_same_v<T, AssignTask>) {
                if (!text_ok(s, trim(i.responsible_unit), "responsible_unit", 50)) return;
                if (i.due_at <= 0) return void(refuse(s, make_error("bad_time", "due_at")));
                Json b{{"responsible_unit", trim(i.responsible_unit)}, {"due_at", i.due_at}};
                if (i.assignee_id != 0) b["assignee_id"] = i.assignee_id;
                w("POST", id_path("/api/ballots/", i.ballot_id, "/tasks"), b, "notice.assigned");
            } else if constexpr (std::is_same_v<T, PostTaskText>) {
                if (!text_ok(s, trim(i.text), "text", kBodyMaxChars)) return;
                w("POST", id_path("/api/tasks/", i.task_id, ("/" + i.kind).c_str()),
                  Json{{"text", trim(i.text)}}, "notice.task_" + i.kind);
            } else if constexpr (std::is_same_v<T, RateTask>) {
                w("POST", id_path("/api/tasks/", i.task_id, "/ratings"),
                  Json{{"rating", i.rating}}, "notice.rated");
            } else if constexpr (std::is_same_v<T, TaskStep>) {
                w("POST", id_path("/api/tasks/", i.task_id, ("/" + i.step).c_str()), nullptr,
                  "notice.task_" + i.step);
            }
        },
        intent);
    return out;
}

}  // namespace yishi::client
