// apply_response(): server replies → state changes and follow-up requests.
#include <algorithm>

#include "admin_replies.hpp"
#include "cppcc_replies.hpp"
#include "flow_replies.hpp"
#include "follow_replies.hpp"
#include "steps.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/messages.hpp"

namespace yishi::client {

namespace {

bool session_bound(RequestKind k) {
    return k != RequestKind::translations && k != RequestKind::api_version;
}

std::string language_of(const std::string& path) {
    auto slash = path.rfind('/');
    std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    auto dot = file.rfind(".json");
    return dot == std::string::npos ? file : file.substr(0, dot);
}

void show_error(ClientState& state, UserMessage message, std::string field = {}) {
    state.error = std::move(message);
    state.error_field = std::move(field);
    state.notice = {};
}

struct Reply {
    ClientState& state;
    const Request& request;
    std::string_view body;
    std::vector<Request> out;

    void bad_reply() { show_error(state, {"error.bad_reply", {}}); }

    void translations() {
        if (!state.strings.load(body, language_of(request.path)))
            show_error(state, {"error.bad_reply", {}});
    }

    void api_version() {
        auto j = parse_object(body);
        if (!j || !j.value().contains("api") || j.value()["api"] != kApiVersion)
            show_error(state, {"error.api_mismatch", {}});
    }

    void login() {
        auto reply = decode_login_reply(body);
        if (!reply) return bad_reply();
        steps::end_session(state);  // a new session: anything still in flight is stale
        state.session.token = reply.value().token;
        steps::take_member(state, std::move(reply).value(), body, true, out);
        steps::clear_messages(state);
        Route next = state.after_login;
        state.after_login = Route{Page::home};
        state.route = Route{Page::login};
        steps::go(state, next, UrlUpdate::replace, out);
    }

    void me() {
        // GET /api/me answers a LoginReply without the token: reuse its decoder.
        auto j = parse_object(body);
        if (!j) return bad_reply();
        j.value()["token"] = state.session.token;
        auto reply = decode_login_reply(j.value().dump());
        if (!reply) return bad_reply();
        steps::take_member(state, std::move(reply).value(), body, false, out);
        steps::load_page(state, out);
    }

    void issues() {
        if (request.target != state.council_id) return;  // the user switched councils
        auto list = decode_issue_list(body);
        if (!list) return bad_reply();
        state.issues = std::move(list.value().issues);
        state.issues_loaded = true;
        ++state.issues_version;
        for (auto& c : state.session.councils)
            if (c.id == list.value().council.id) c = list.value().council;
    }

    void raise_issue() {
        auto issue = decode_issue(body);
        if (!issue) return bad_reply();
        if (issue.value().council_id == state.council_id && !state.find_issue(issue.value().id))
            state.issues.insert(state.issues.begin(), issue.value());
        ++state.issues_version;
        ++state.issues_raised;
        state.notice = {"notice.raised", {}};
        if (state.route.page == Page::new_issue)
            steps::go(state, Route{Page::issues}, UrlUpdate::push, out);
    }

    void cosign() {
        auto issue = decode_issue(body);
        if (!issue) return bad_reply();
        auto it = std::find_if(state.issues.begin(), state.issues.end(),
                               [&](const Issue& i) { return i.id == issue.value().id; });
        // The button turning into 已附议 and the count are the confirmation: no banner that
        // would shift the list under the user's finger.
        if (it != state.issues.end()) *it = issue.value();
        ++state.issues_version;
    }

    void success() {
        switch (request.kind) {
            case RequestKind::translations: return translations();
            case RequestKind::api_version: return api_version();
            case RequestKind::login:
            case RequestKind::register_account: return login();
            case RequestKind::logout: return;
            case RequestKind::me: return me();
            case RequestKind::live_version: return steps::take_live_version(state, request, body, out);
            case RequestKind::issues: return issues();
            case RequestKind::raise_issue: return raise_issue();
            case RequestKind::cosign: return cosign();
            case RequestKind::setup_status:
            case RequestKind::setup:
            case RequestKind::password_reset:
            case RequestKind::admin_tree:
            case RequestKind::admin_members:
            case RequestKind::admin_create:
            case RequestKind::staff:
            case RequestKind::member_change:
            case RequestKind::reset_code:
            case RequestKind::roster:
            case RequestKind::invite_sheet:
                if (!apply_admin_reply(state, request, body, out)) bad_reply();
                return;
            case RequestKind::cppccs:
            case RequestKind::cppcc:
            case RequestKind::consultation:
            case RequestKind::consultation_tasks:
            case RequestKind::issue_consultation:
            case RequestKind::consultation_paper:
                if (!apply_cppcc_reply(state, request, body, out) && !request.background)
                    bad_reply();
                return;
            case RequestKind::unread:
            case RequestKind::notifications:
            case RequestKind::notifications_read:
            case RequestKind::notification_settings:
            case RequestKind::board:
            case RequestKind::report:
            case RequestKind::file:
                if (!apply_follow_reply(state, request, body, out) && !request.background)
                    bad_reply();
                return;
            default:
                if (!apply_flow_reply(state, request, body, out)) bad_reply();
        }
    }

    void failure(int status) {
        // A background refresh that fails says nothing: the next one may succeed.
        if (request.background && status != 401) return;
        if (status == 0) {
            // The catalog itself may be what failed to arrive: keep a Chinese fallback.
            return show_error(state, {"error.network", state.strings.loaded()
                                                           ? std::string{}
                                                           : decode_error({}, 0).message});
        }
        // An expired or revoked token: back to login, then back to this screen afterwards.
        if (status == 401 && !request.token.empty() && request.kind != RequestKind::logout) {
            Route here = state.route;
            steps::end_session(state);
            state.route = Route{Page::login};
            state.url_update = UrlUpdate::replace;
            state.after_login = requires_login(here.page) ? here : Route{Page::home};
            return show_error(state, {"error.session_expired", {}});
        }
        if (request.kind == RequestKind::logout || request.kind == RequestKind::api_version)
            return;  // nothing the user can act on
        Error e = decode_error(body, status);
        show_error(state, {{}, e.message}, e.field);
        apply_admin_refusal(state, request);
        // A refused co-sign usually means the list is out of date (co-signed elsewhere).
        if (request.kind == RequestKind::cosign && status == 409) steps::load_issues(state, out);
        if (request.kind != RequestKind::write) return;
        // The confirmation modal closes, so that the reason is seen and nothing is pressed twice.
        if (!state.route.modal.empty()) {
            state.route.modal.clear();
            state.url_update = UrlUpdate::back;
        }
        // A vote refused for a reason only the server knows stays refused on the ballot's page.
        bool vote = request.path.size() > 6 &&
                    request.path.compare(request.path.size() - 6, 6, "/votes") == 0;
        if (vote && (e.code == "household_voted" || e.code == "already_voted"))
            state.flow.vote_refusals[request.target] = e;
        // A refused change (already voted, closed meanwhile): show what is true now.
        if (status == 409) steps::load_page(state, out);
    }
};

}  // namespace

std::vector<Request> apply_response(ClientState& state, const Request& request, int status,
                                    std::string_view body) {
    if (request.kind == RequestKind::unread) {
        // The poll is counted apart (one at a time), whatever its reply.
        if (request.epoch == state.epoch) state.follow.notes.polling = false;
    } else if (request.background) state.refreshing = std::max(0, state.refreshing - 1);
    else state.pending = std::max(0, state.pending - 1);
    switch (request.kind) {
        case RequestKind::login: case RequestKind::register_account:
        case RequestKind::raise_issue: case RequestKind::write: case RequestKind::setup:
        case RequestKind::password_reset: case RequestKind::admin_create:
        case RequestKind::staff: case RequestKind::member_change: case RequestKind::reset_code:
        case RequestKind::roster: case RequestKind::invite_sheet:
            state.submitting = false;
            break;
        default: break;
    }
    if (session_bound(request.kind) && request.epoch != state.epoch) return {};
    Reply r{state, request, body, {}};
    if (status >= 200 && status < 300) r.success();
    else r.failure(status);
    read_when_loaded(state);
    return std::move(r.out);
}

}  // namespace yishi::client
