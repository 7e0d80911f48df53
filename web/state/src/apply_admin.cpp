// 管理 as requests: first start, password reset, what administrators create and change, the
// roster import's preview and confirmation, the invite sheet. Checks that need no server
// (empty fields, passwords that differ, out of scope) refuse here without sending anything.
#include "steps.hpp"
#include "yishi/accounts.hpp"
#include "yishi/client/apply.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

namespace steps {

void take_member(ClientState& state, LoginReply reply, std::string_view body, bool ask_me,
                 std::vector<Request>& out) {
    state.session.member = std::move(reply.member);
    state.session.councils = std::move(reply.councils);
    state.council_id = state.session.councils.empty() ? 0 : state.session.councils.front().id;
    auto j = parse_object(body);
    bool has_scope = j && j.value().contains("admin");
    if (auto scope = decode_admin_scope(body)) state.session.admin = scope.value();
    // The login reply may leave the scope to GET /api/me, which always has it.
    if (!has_scope && ask_me && state.session.member.role == "admin")
        out.push_back(make(state, RequestKind::me, "GET", "/api/me"));
}

void load_admin(ClientState& state, std::vector<Request>& out) {
    auto& a = state.admin;
    switch (state.route.page) {
        case Page::setup:
            out.push_back(make(state, RequestKind::setup_status, "GET", "/api/setup"));
            break;
        case Page::admin:
            if (!state.logged_in()) return;
            out.push_back(make(state, RequestKind::admin_tree, "GET", "/api/admin/tree"));
            break;
        case Page::admin_community: {
            if (!state.logged_in()) return;
            out.push_back(make(state, RequestKind::admin_tree, "GET", "/api/admin/tree"));
            // Another community's list and filter do not apply here.
            if (a.members_community != state.route.id) {
                a.members.clear();
                a.members_loaded = false;
                a.filter = {};
            }
            std::string q;
            auto add = [&](const char* key, const std::string& v) {
                if (!v.empty()) q += std::string(q.empty() ? "?" : "&") + key + "=" + url_encode(v);
            };
            add("q", trim(a.filter.q));
            add("grid", trim(a.filter.grid));
            add("building", trim(a.filter.building));
            add("role", a.filter.role);
            add("active", a.filter.active);
            out.push_back(make(state, RequestKind::admin_members, "GET",
                               "/api/admin/communities/" + std::to_string(state.route.id) +
                                   "/members" + q,
                               {}, state.route.id));
            break;
        }
        default: break;
    }
}

}  // namespace steps

namespace {

struct AdminApplier {
    ClientState& state;
    std::vector<Request> out;

    void refuse(const Error& e) {
        state.error = {{}, e.message};
        state.error_field = e.field;
        state.notice = {};
    }
    // A refusal the core has no code for: the catalog's text, naming the field.
    void refuse_key(const char* key, const char* field) {
        state.error = {key, {}};
        state.error_field = field;
        state.notice = {};
    }

    Request& send(RequestKind kind, std::string method, std::string path, std::string body,
                  Id target = 0) {
        out.push_back(steps::make(state, kind, std::move(method), std::move(path),
                                  std::move(body), target));
        return out.back();
    }

    // The checks of a new password shared by setup and reset.
    bool password_ok(const std::string& password, const std::string& again) {
        if (password.empty()) return refuse(make_error("empty_text", "password")), false;
        if (auto bad = check_password(password)) return refuse(*bad), false;
        if (password != again) return refuse_key("admin.password_mismatch", "password"), false;
        return true;
    }

    void operator()(const Setup& s) {
        steps::clear_messages(state);
        if (trim(s.code).empty()) return refuse_key("setup.code_missing", "code");
        std::string login = trim(s.login);
        if (login.empty()) return refuse(make_error("empty_text", "login"));
        if (auto bad = check_login(login)) return refuse(*bad);
        auto name = validate_text(s.name, "name", kPersonNameMaxChars);
        if (!name) return refuse(name.error());
        if (!password_ok(s.password, s.password_again)) return;
        if (trim(s.street).empty()) return refuse_key("setup.street_missing", "street");
        if (trim(s.community).empty()) return refuse_key("setup.community_missing", "community");
        Json b{{"code", trim(s.code)},         {"login", login},
               {"name", name.value()},         {"password", s.password},
               {"street", trim(s.street)},     {"community", trim(s.community)}};
        send(RequestKind::setup, "POST", "/api/setup", b.dump());
        state.submitting = true;
    }

    void operator()(const ResetPassword& r) {
        steps::clear_messages(state);
        if (trim(r.code).empty()) return refuse_key("reset.code_missing", "code");
        if (!password_ok(r.password, r.password_again)) return;
        send(RequestKind::password_reset, "POST", "/api/password-reset",
             Json{{"code", trim(r.code)}, {"password", r.password}}.dump());
        state.submitting = true;
    }

    void operator()(const CreateUnit& u) {
        steps::clear_messages(state);
        const auto& scope = state.session.admin;
        if (trim(u.name).empty()) return refuse_key("admin.name_missing", "name");
        auto name = check_place_name(u.name, "name");
        if (!name) return refuse(name.error());
        Json b{{"name", name.value()}};
        std::string path;
        Check refusal = make_error("not_found");
        if (u.kind == "street") {
            refusal = may_create_street(scope);
            path = "/api/admin/streets";
        } else if (u.kind == "community" || u.kind == "department") {
            refusal = may_create_in_street(scope, u.parent_id);
            b["street_id"] = u.parent_id;
            path = u.kind == "community" ? "/api/admin/communities" : "/api/admin/departments";
        } else if (u.kind == "council" || u.kind == "grid") {
            Id street = 0;
            if (state.admin.tree.find_community(u.parent_id, &street))
                refusal = may_manage_community(scope, Place{street, u.parent_id});
            b["community_id"] = u.parent_id;
            if (u.kind == "council") {
                bool known = false;
                for (const char* k : kCouncilKinds) known |= u.council_kind == k;
                if (!known) return refuse_key("admin.kind_missing", "kind");
                b["kind"] = u.council_kind;
            }
            path = u.kind == "council" ? "/api/admin/councils" : "/api/admin/grids";
        }
        if (refusal) return refuse(*refusal);
        Request& r = send(RequestKind::admin_create, "POST", path, b.dump());
        r.notice_key = u.kind == "street"       ? "admin.created_street"
                       : u.kind == "community"  ? "admin.created_community"
                       : u.kind == "department" ? "admin.created_department"
                       : u.kind == "council"    ? "admin.created_council"
                                                : "admin.created_grid";
        state.submitting = true;
    }

    void operator()(const CreateStaff& s) {
        steps::clear_messages(state);
        StaffKind kind{};
        if (!staff_kind_from_string(s.role, kind)) return refuse(make_error("bad_role", "role"));
        auto name = validate_text(s.name, "name", kPersonNameMaxChars);
        if (!name) return refuse(name.error());
        const char* field = place_field(kind);
        bool reachable = false;
        for (const auto& p : staff_places(state.admin.tree, state.session.admin, kind))
            reachable |= p.id == s.place_id;
        if (s.place_id == 0) return refuse_key("admin.place_missing", field);
        if (!reachable) return refuse(make_error("outside_scope", field));
        send(RequestKind::staff, "POST", "/api/admin/staff",
             Json{{"role", s.role}, {"name", name.value()}, {field, s.place_id}}.dump());
        state.submitting = true;
    }

    void operator()(const LoadMembers& l) {
        state.admin.filter = l.filter;
        state.admin.members_community = l.community_id;
        if (state.route.page == Page::admin_community) steps::load_admin(state, out);
    }

    void operator()(const SetMemberRole& r) {
        steps::clear_messages(state);
        if (r.council_id == 0) return refuse_key("admin.council_missing", "council_id");
        Request& q = send(RequestKind::member_change, "POST",
                          "/api/admin/members/" + std::to_string(r.member_id) + "/role",
                          Json{{"council_id", r.council_id}, {"role", r.role}}.dump(),
                          r.member_id);
        q.notice_key = "admin.role_changed";
        state.submitting = true;
    }

    void operator()(const IssueResetCode& r) {
        steps::clear_messages(state);
        state.admin.code.reset();
        send(RequestKind::reset_code, "POST",
             "/api/admin/members/" + std::to_string(r.member_id) + "/reset-code", "{}",
             r.member_id);
        state.submitting = true;
    }

    void operator()(const DeactivateMember& d) {
        steps::clear_messages(state);
        auto reason = validate_text(d.reason, "reason", 500);
        if (!reason) return refuse(reason.error());
        Request& q = send(RequestKind::member_change, "POST",
                          "/api/admin/members/" + std::to_string(d.member_id) + "/deactivate",
                          Json{{"reason", reason.value()}}.dump(), d.member_id);
        q.notice_key = "admin.deactivated";
        state.submitting = true;
    }

    void operator()(const PickRosterFile& p) {
        steps::clear_messages(state);
        if (p.council_id == 0) return refuse_key("admin.council_missing", "council_id");
        state.admin.roster = RosterImport{p.community_id, p.council_id, {}, {}, {}};
        state.pick_file = true;
    }

    void roster_post(bool confirm) {
        const RosterImport& r = *state.admin.roster;
        std::string path = "/api/admin/communities/" + std::to_string(r.community_id) +
                           "/roster?council_id=" + std::to_string(r.council_id);
        if (confirm) path += "&confirm=1";
        Request& q = send(RequestKind::roster, "POST", path, r.bytes, r.community_id);
        q.content_type = "text/csv";
        state.submitting = true;
    }

    void operator()(const RosterFileChosen& f) {
        steps::clear_messages(state);
        if (!state.admin.roster) return;  // no import waits for a file
        if (f.bytes.empty()) return refuse_key("admin.roster_empty", "file");
        state.admin.roster->file_name = f.file_name;
        state.admin.roster->bytes = f.bytes;
        state.admin.roster->preview.reset();
        roster_post(false);
    }

    void operator()(const ConfirmRoster&) {
        steps::clear_messages(state);
        const auto& r = state.admin.roster;
        // Only a previewed file with rows to write, and only once.
        if (!r || !r->preview || r->preview->written || r->preview->accepted.empty()) return;
        roster_post(true);
    }

    void operator()(const CancelRoster&) { state.admin.roster.reset(); }

    void operator()(const DownloadInviteSheet& d) {
        steps::clear_messages(state);
        send(RequestKind::invite_sheet, "POST",
             "/api/admin/communities/" + std::to_string(d.community_id) + "/invite-sheet", "{}",
             d.community_id);
        state.submitting = true;
    }

    void operator()(const DismissCode&) { state.admin.code.reset(); }
};

}  // namespace

std::vector<Request> apply_admin(ClientState& state, const AdminIntent& intent) {
    AdminApplier a{state, {}};
    std::visit(a, intent);
    return std::move(a.out);
}

}  // namespace yishi::client
