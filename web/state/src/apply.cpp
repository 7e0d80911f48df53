// apply(): intents → state changes and requests. Also the shared steps (steps.hpp).
#include "yishi/client/apply.hpp"

#include "steps.hpp"
#include <algorithm>

#include "yishi/accounts.hpp"
#include "yishi/cosign.hpp"
#include "yishi/messages.hpp"
#include "yishi/messages_live.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

namespace steps {

Request make(ClientState& state, RequestKind kind, std::string method, std::string path,
             std::string body, Id target) {
    Request r;
    r.kind = kind;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    r.token = state.session.token;
    r.epoch = state.epoch;
    r.target = target;
    ++state.pending;
    return r;
}

void load_issues(ClientState& state, std::vector<Request>& out) {
    if (!state.logged_in() || state.council_id == 0) return;
    out.push_back(make(state, RequestKind::issues, "GET",
                       "/api/councils/" + std::to_string(state.council_id) + "/issues", {},
                       state.council_id));
}

void go(ClientState& state, Route route, UrlUpdate url, std::vector<Request>& out) {
    if (requires_login(route.page) && !state.logged_in()) {
        state.after_login = route;
        state.after_login.modal.clear();  // a modal is not worth a login round trip
        route = Route{Page::login};
        url = UrlUpdate::replace;
    } else if (!requires_login(route.page) && state.logged_in()) {
        route = Route{Page::home};
        url = UrlUpdate::replace;
    }
    bool changed = route != state.route;
    bool page_changed = route.page != state.route.page || route.id != state.route.id;
    state.route = std::move(route);
    // A redirect corrects the address even when the screen stays the same.
    if (changed || url == UrlUpdate::replace) state.url_update = url;
    // Opening or closing a modal keeps the page's data; a new page loads its own.
    if (page_changed) {
        // A one-time code is shown on the page that made it, never again; a picked roster
        // file belongs to its community's page.
        state.admin.code.reset();
        if (state.route.page != Page::admin_community) state.admin.roster.reset();
        // A page's reading stops when the page is left; a ballot may be read as it opens.
        stop_speaking(state);
        state.speech.read_on_load =
            state.route.page == Page::ballot && state.settings.read_ballot_aloud;
        load_page(state, out);
    }
}

void end_session(ClientState& state) {
    state.session = LoginSession{};
    state.council_id = 0;
    state.issues.clear();
    ++state.issues_version;
    state.issues_loaded = false;
    // Another member may log in on this device next: nothing of this one's stays (a secret
    // ballot's receipt least of all).
    state.flow = FlowData{};
    state.admin = AdminData{};
    state.follow = FollowData{};
    state.download.reset();
    ++state.epoch;
}

void refresh_page(ClientState& state, std::vector<Request>& out) {
    if (!state.confirmed() || state.refreshing > 0) return;  // one round at a time
    std::size_t first = out.size();
    load_page(state, out);
    for (std::size_t i = first; i < out.size(); ++i) {
        out[i].background = true;
        --state.pending;
        ++state.refreshing;
    }
}

namespace {
// Where the live page's version is asked: the council's for a session or ballot, the
// consultation's for its pages; "" for any other page.
std::string live_version_path(const ClientState& state) {
    switch (state.route.page) {
        case Page::session:
        case Page::ballot:
            return state.council_id == 0
                       ? std::string{}
                       : "/api/councils/" + std::to_string(state.council_id) + "/version";
        case Page::consultation:
        case Page::consultation_record:
            return "/api/consultations/" + std::to_string(state.route.id) + "/version";
        default: return {};
    }
}
}  // namespace

void poll_changes(ClientState& state, std::vector<Request>& out) {
    if (!state.confirmed() || state.refreshing > 0) return;  // one round at a time
    std::string path = live_version_path(state);
    if (path.empty()) return refresh_page(state, out);
    Request r = make(state, RequestKind::live_version, "GET", std::move(path));
    r.background = true;
    --state.pending;
    ++state.refreshing;
    out.push_back(std::move(r));
}

void take_live_version(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out) {
    auto v = decode_live_version(body);
    // A reply for a page left meanwhile, or not a version: the next poll asks again.
    if (!v || request.path != live_version_path(state)) return;
    bool known = state.live_path == request.path;
    if (known && state.live_version == v.value().version) return;
    // The data is asked after the version was read, so it is at least that new.
    state.live_path = request.path;
    state.live_version = v.value().version;
    refresh_page(state, out);
}

void clear_messages(ClientState& state) {
    state.error = {};
    state.error_field.clear();
    state.notice = {};
}

}  // namespace steps

std::string translations_path(const std::string& language) {
    return "i18n/" + language + ".json";
}

Check check_new_issue(std::string_view title, std::string_view body) {
    if (auto t = validate_text(title, "title", kTitleMaxChars); !t) return t.error();
    if (auto b = validate_text(body, "body", kBodyMaxChars); !b) return b.error();
    return std::nullopt;
}

Check cosign_refusal(const ClientState& state, const Issue& issue) {
    bool member = state.confirmed() && issue.council_id == state.council_id;
    return check_cosign(issue, state.session.member.id, member, issue.cosigned_by_me);
}

namespace {

struct Applier {
    ClientState& state;
    std::vector<Request> out;

    void refuse(const Error& e) {
        state.error = {{}, e.message};
        state.error_field = e.field;
        state.notice = {};
    }

    void operator()(const Boot& b) {
        out.push_back(steps::make(state, RequestKind::translations, "GET",
                                  translations_path(b.language)));
        out.push_back(steps::make(state, RequestKind::api_version, "GET", "/api/version"));
        state.settings = b.settings;
        state.settings.text_size = std::clamp(state.settings.text_size, 0, kTextSizes - 1);
        if (!b.stored_token.empty()) {
            state.session.token = b.stored_token;
            out.push_back(steps::make(state, RequestKind::me, "GET", "/api/me"));
        }
        // Always settle the address: an empty or unknown hash becomes the screen shown.
        Route wanted = parse_hash(b.hash);
        wanted.modal.clear();  // a reload does not reopen a modal
        steps::go(state, wanted, UrlUpdate::replace, out);
    }

    void operator()(const Login& l) {
        LoginRequest req{trim(l.login), l.password};
        steps::clear_messages(state);
        if (req.login.empty()) return refuse(make_error("empty_text", "login"));
        if (req.password.empty()) return refuse(make_error("empty_text", "password"));
        out.push_back(steps::make(state, RequestKind::login, "POST", "/api/login", encode(req)));
        state.submitting = true;
    }

    void operator()(const Logout&) {
        if (state.logged_in())
            out.push_back(steps::make(state, RequestKind::logout, "POST", "/api/logout"));
        steps::end_session(state);
        steps::clear_messages(state);
        state.notice = {"notice.logged_out", {}};
        state.after_login = Route{Page::home};
        steps::go(state, Route{Page::login}, UrlUpdate::push, out);
    }

    void operator()(const Register& r) {
        steps::clear_messages(state);
        if (trim(r.code).empty()) return refuse(make_error("empty_text", "code"));
        auto code = normalize_invite_code(r.code);
        if (!code) return refuse(make_error("invite_invalid", "code"));
        RegisterRequest req{*code, trim(r.login), r.password};
        if (req.login.empty()) return refuse(make_error("empty_text", "login"));
        if (req.password.empty()) return refuse(make_error("empty_text", "password"));
        out.push_back(steps::make(state, RequestKind::register_account, "POST", "/api/register",
                                  encode(req)));
        state.submitting = true;
    }

    void operator()(const Navigate& n) {
        if (n.route.page != state.route.page || n.route.id != state.route.id)
            steps::clear_messages(state);
        steps::go(state, n.route, n.from_history ? UrlUpdate::none : UrlUpdate::push, out);
    }

    void operator()(const LoadIssues&) { steps::load_issues(state, out); }

    void operator()(const Refresh&) { steps::refresh_page(state, out); }
    void operator()(const PollChanges&) { steps::poll_changes(state, out); }

    void operator()(const RaiseIssue& r) {
        steps::clear_messages(state);
        if (auto refusal = check_new_issue(r.title, r.body)) return refuse(*refusal);
        if (!state.logged_in() || state.council_id == 0)
            return refuse(make_error("unauthorized"));
        NewIssueRequest req{trim(r.title),        trim(r.body),
                            trim(r.category),     trim(r.tag),
                            r.on_behalf_of,       trim(r.raised_for_name),
                            trim(r.raised_for_household)};
        out.push_back(steps::make(state, RequestKind::raise_issue, "POST",
                                  "/api/councils/" + std::to_string(state.council_id) +
                                      "/issues",
                                  encode(req), state.council_id));
        state.submitting = true;
    }

    void operator()(const Cosign& c) {
        steps::clear_messages(state);
        const Issue* issue = state.find_issue(c.issue_id);
        if (!issue) return refuse(make_error("not_found"));
        if (auto refusal = cosign_refusal(state, *issue)) return refuse(*refusal);
        out.push_back(steps::make(state, RequestKind::cosign, "POST",
                                  "/api/issues/" + std::to_string(c.issue_id) + "/cosign", {},
                                  c.issue_id));
    }

    void operator()(const FlowIntent& f) {
        for (auto& r : apply_flow(state, f)) out.push_back(std::move(r));
    }

    void operator()(const OpenModal& m) {
        if (state.route.modal == m.name) return;
        Route r = state.route;
        r.modal = m.name;
        steps::go(state, r, UrlUpdate::push, out);
    }

    void operator()(const CloseModal&) {
        if (state.route.modal.empty()) return;
        state.route.modal.clear();
        state.url_update = UrlUpdate::back;
    }

    void operator()(const DismissError&) {
        state.error = {};
        state.error_field.clear();
    }

    void operator()(const DismissNotice&) { state.notice = {}; }

    void operator()(const SetTextSize& t) {
        state.settings.text_size = std::clamp(t.size, 0, kTextSizes - 1);
    }

    void operator()(const SetHighContrast& c) { state.settings.high_contrast = c.on; }

    void operator()(const SetElder& e) { state.settings.elder = e.on; }

    void operator()(const AdminIntent& a) {
        for (auto& r : apply_admin(state, a)) out.push_back(std::move(r));
    }

    void operator()(const CppccIntent& c) {
        for (auto& r : apply_cppcc(state, c)) out.push_back(std::move(r));
    }

    void operator()(const FollowIntent& f) {
        for (auto& r : apply_follow(state, f)) out.push_back(std::move(r));
    }

    void operator()(const SpeechIntent& s) { apply_speech(state, s); }

    void operator()(const SwitchLanguage& s) {
        out.push_back(steps::make(state, RequestKind::translations, "GET",
                                  translations_path(s.language)));
    }
};

}  // namespace

std::vector<Request> apply(ClientState& state, const Intent& intent) {
    Applier a{state, {}};
    std::visit(a, intent);
    return std::move(a.out);
}

}  // namespace yishi::client
