// Replies to the flow's loads and writes: each list replaces its copy, single things are kept
// by id; an accepted write shows its confirmation and reloads the page.
#include "flow_replies.hpp"

#include "cppcc_replies.hpp"
#include "steps.hpp"

namespace yishi::client {

namespace {

// Sessions whose data the page needs beyond the list: on home the open ones (their ballots
// need votes), on an issue's page those whose agenda holds it (its ballot and tally).
void follow_sessions(ClientState& state, std::vector<Request>& out) {
    for (const auto& summary : state.flow.sessions) {
        const Session& s = summary.session;
        bool wanted = false;
        if (state.route.page == Page::home) wanted = s.state == SessionState::open;
        if (state.route.page == Page::issue)
            wanted = s.state != SessionState::planned && on_agenda(s, state.route.id);
        if (wanted) steps::load(state, RequestKind::session, s.id, out);
    }
}

// Notices of resolutions name their ballot: the board draws its tally (首页 draws none).
void follow_notices(ClientState& state, std::vector<Request>& out) {
    if (state.route.page != Page::notices) return;
    int n = 0;
    for (const auto& nv : state.flow.notices) {
        if (nv.notice.kind != NoticeKind::resolution) continue;
        if (++n > 20) break;  // the newest twenty charts; older ones on their ballot's page
        if (!state.find_ballot(nv.notice.subject_id))
            steps::load(state, RequestKind::ballot, nv.notice.subject_id, out);
    }
}

template <class T>
bool take(Result<T> r, T& into) {
    if (!r) return false;
    into = std::move(r).value();
    return true;
}

}  // namespace

bool apply_flow_reply(ClientState& state, const Request& request, std::string_view body,
                      std::vector<Request>& out) {
    FlowData& f = state.flow;
    switch (request.kind) {
        case RequestKind::issue: {
            auto issue = decode_issue(body);
            if (!issue) return false;
            bool found = false;
            for (auto& i : state.issues)
                if (i.id == issue.value().id) i = issue.value(), found = true;
            if (!found) state.issues.push_back(issue.value());
            ++state.issues_version;
            return true;
        }
        case RequestKind::comments: {
            auto list = decode_comment_list(body);
            if (!list) return false;
            f.comments = std::move(list.value().comments);
            f.comments_issue = request.target;
            f.comments_loaded = true;
            return true;
        }
        case RequestKind::sessions: {
            auto list = decode_session_list(body);
            if (!list) return false;
            f.sessions = std::move(list.value().sessions);
            f.sessions_loaded = true;
            if (!request.background) {
                follow_sessions(state, out);
            } else if (state.route.page == Page::home) {
                // 首页's quiet refresh: the open sessions' ballots follow, quietly too, so that
                // a ballot that just opened appears on the to-do list.
                std::size_t first = out.size();
                follow_sessions(state, out);
                for (std::size_t i = first; i < out.size(); ++i) {
                    out[i].background = true;
                    --state.pending;
                    ++state.refreshing;
                }
            }
            return true;
        }
        case RequestKind::session: {
            auto view = decode_session(body);
            if (!view) return false;
            Id id = view.value().session.id;
            bool shown = !request.background && state.route.page == Page::session &&
                         state.route.id == id;
            for (const auto& b : view.value().ballots) {
                f.ballots[b.id] = b;
                // The console's first load: its tellers' entries follow (then the poll has them).
                if (shown && !b.tellers.empty() && b.state == BallotState::open &&
                    !f.paper_counts.count(b.id))
                    steps::load(state, RequestKind::paper_counts, b.id, out);
            }
            f.session_views[id] = std::move(view).value();
            return true;
        }
        case RequestKind::ballot: {
            auto b = decode_ballot(body);
            if (!b) return false;
            Id id = b.value().id;
            bool tellers = !b.value().tellers.empty();
            f.ballots[id] = std::move(b).value();
            // The ballot page of a ballot with tellers shows their entries too.
            if (tellers && !request.background && state.route.page == Page::ballot &&
                state.route.id == id && !f.paper_counts.count(id))
                steps::load(state, RequestKind::paper_counts, id, out);
            return true;
        }
        case RequestKind::paper_counts: {
            PaperCounts p;
            if (!take(decode_paper_counts(body), p)) return false;
            f.paper_counts[request.target] = std::move(p);
            return true;
        }
        case RequestKind::notices: {
            auto list = decode_notice_list(body);
            if (!list) return false;
            f.notices = std::move(list.value().notices);
            f.notices_loaded = true;
            follow_notices(state, out);
            return true;
        }
        case RequestKind::tasks: {
            auto list = decode_task_list(body);
            if (!list) return false;
            f.tasks = std::move(list.value().tasks);
            f.tasks_loaded = true;
            return true;
        }
        case RequestKind::task: {
            auto t = decode_task(body);
            if (!t) return false;
            bool found = false;
            for (auto& x : f.tasks)
                if (x.id == t.value().id) x = t.value(), found = true;
            if (!found) f.tasks.push_back(t.value());
            return true;
        }
        case RequestKind::rules: {
            CouncilRules rules;
            if (!take(decode_rules(body), rules)) return false;
            f.rules = rules;
            return true;
        }
        case RequestKind::demand: {
            DemandStatus d;
            if (!take(decode_demand_status(body), d)) return false;
            f.demand = d;
            return true;
        }
        case RequestKind::members: {
            auto list = decode_member_list(body);
            if (!list) return false;
            f.members = std::move(list.value().members);
            f.members_loaded = true;
            return true;
        }
        case RequestKind::bulletin:
            state.download = Download{"yishi-ballot-" + std::to_string(request.target) +
                                          "-bulletin.json",
                                      std::string(body)};
            return true;
        case RequestKind::write: {
            state.notice = {request.notice_key, {}};
            // A secret ballot's receipt is shown once, in this reply: keep it for the screen.
            if (request.path.size() > 6 &&
                request.path.compare(request.path.size() - 6, 6, "/votes") == 0) {
                auto j = parse_object(body);
                if (j && j.value().contains("receipt") && j.value()["receipt"].is_string())
                    f.receipts[request.target] = j.value()["receipt"].get<std::string>();
            }
            // A teller's entry answers both entries: shown at once, mismatch included.
            if (request.path.size() > 13 &&
                request.path.compare(request.path.size() - 13, 13, "/paper-counts") == 0) {
                if (auto p = decode_paper_counts(body)) f.paper_counts[request.target] = p.value();
            }
            ++state.writes_done;
            if (take_consultation_write(state, request, body, out)) return true;
            // A closed session names the agenda items it returned to the period's list.
            if (request.path.size() > 6 &&
                request.path.compare(request.path.size() - 6, 6, "/close") == 0 &&
                request.path.rfind("/api/sessions/", 0) == 0) {
                if (auto s = decode_session_summary(body);
                    s && !s.value().session.returned_to_list.empty()) {
                    std::string titles;
                    for (const auto& a : s.value().session.returned_to_list)
                        titles += (titles.empty() ? "" : "、") + a.title;
                    state.notice = {{}, state.strings.format("notice.session_returned",
                                                             {{"titles", titles}})};
                }
            }
            // A planned session opens its console; a modal (the vote's confirmation) closes.
            if (request.path.size() > 9 &&
                request.path.compare(request.path.size() - 9, 9, "/sessions") == 0) {
                if (auto s = decode_session_summary(body)) {
                    steps::go(state, Route{Page::session, s.value().session.id, {}},
                              UrlUpdate::push, out);
                    return true;
                }
            }
            if (!state.route.modal.empty()) {
                state.route.modal.clear();
                state.url_update = UrlUpdate::back;
            }
            steps::load_page(state, out);
            return true;
        }
        default: return false;
    }
}

}  // namespace yishi::client
