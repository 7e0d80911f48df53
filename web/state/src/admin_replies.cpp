// Replies of the administration API: the tree and member lists replace their copies, a
// roster's preview is kept until confirmed, one-time codes are kept for the page that made
// them, the invite sheet becomes a file to save.
#include "admin_replies.hpp"

#include "steps.hpp"

namespace yishi::client {

namespace {

bool logged_in_by(ClientState& state, std::string_view body, Route next,
                  std::vector<Request>& out) {
    auto reply = decode_login_reply(body);
    if (!reply) return false;
    steps::end_session(state);  // a new session: anything still in flight is stale
    state.session.token = reply.value().token;
    steps::take_member(state, std::move(reply).value(), body, true, out);
    steps::clear_messages(state);
    state.after_login = Route{Page::home};
    state.route = Route{Page::login};
    steps::go(state, std::move(next), UrlUpdate::replace, out);
    return true;
}

}  // namespace

bool apply_admin_reply(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out) {
    AdminData& a = state.admin;
    switch (request.kind) {
        case RequestKind::setup_status: {
            auto j = parse_object(body);
            if (!j || !j.value().contains("needed") || !j.value()["needed"].is_boolean())
                return false;
            a.setup_needed = j.value()["needed"].get<bool>();
            return true;
        }
        case RequestKind::setup:
            if (!logged_in_by(state, body, Route{Page::admin}, out)) return false;
            state.notice = {"setup.done", {}};
            return true;
        case RequestKind::password_reset:
            state.route = Route{Page::reset_password};
            steps::go(state, Route{Page::login}, UrlUpdate::replace, out);
            state.notice = {"reset.done", {}};
            return true;
        case RequestKind::admin_tree: {
            auto tree = decode_admin_tree(body);
            if (!tree) return false;
            a.tree = std::move(tree).value();
            a.tree_loaded = true;
            if (!state.session.admin) state.session.admin = a.tree.scope;
            // 管理's CPPCC cards show their special committees and seats.
            if (state.route.page == Page::admin)
                for (const auto& st : a.tree.streets)
                    for (const auto& c : st.cppccs)
                        steps::load_cppcc(state, RequestKind::cppcc, c.id, out, true);
            return true;
        }
        case RequestKind::admin_members: {
            if (state.route.page != Page::admin_community || request.target != state.route.id)
                return true;  // the user moved on
            auto list = decode_admin_members(body);
            if (!list) return false;
            a.members = std::move(list).value();
            a.members_loaded = true;
            a.members_community = request.target;
            return true;
        }
        case RequestKind::admin_create:
            state.notice = {request.notice_key, {}};
            ++a.created;
            steps::load_admin(state, out);
            return true;
        case RequestKind::staff: {
            auto code = decode_one_time_code(body);
            if (!code) return false;
            a.code = std::move(code).value();
            a.code->kind = "activation";
            state.notice = {"admin.staff_created", {}};
            ++a.created;
            return true;
        }
        case RequestKind::member_change: {
            auto m = decode_admin_member(body);
            if (!m) return false;
            for (auto& x : a.members)
                if (x.id == m.value().id) x = m.value();
            state.notice = {request.notice_key, {}};
            ++state.writes_done;
            return true;
        }
        case RequestKind::reset_code: {
            auto code = decode_one_time_code(body);
            if (!code) return false;
            a.code = std::move(code).value();
            a.code->kind = "reset";
            a.code->member_id = request.target;
            for (const auto& m : a.members)
                if (m.id == request.target) a.code->name = m.name;
            return true;
        }
        case RequestKind::roster: {
            auto preview = decode_roster_preview(body);
            if (!preview) return false;
            if (!a.roster || a.roster->community_id != request.target) return true;
            bool written = preview.value().written;
            std::size_t n = preview.value().accepted.size();
            a.roster->preview = std::move(preview).value();
            if (written) {
                a.roster->bytes.clear();  // written once: nothing to confirm again
                state.notice = {{}, state.strings.format("admin.roster_written",
                                                         {{"n", std::to_string(n)}})};
                steps::load_admin(state, out);
            }
            return true;
        }
        case RequestKind::invite_sheet:
            state.download = Download{state.strings.get("admin.sheet_file"), std::string(body),
                                      "application/pdf"};
            state.notice = {"admin.sheet_saved", {}};
            return true;
        default: return false;
    }
}

void apply_admin_refusal(ClientState& state, const Request& request) {
    if (request.kind == RequestKind::roster && state.admin.roster)
        state.admin.roster->preview.reset();
}

}  // namespace yishi::client
