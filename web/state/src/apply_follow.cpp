// apply_follow(): 消息 (the unread poll, opening and reading notifications, settings), the board's
// and the report's loads, and files fetched to be saved.
#include <algorithm>

#include "steps.hpp"
#include "yishi/client/apply.hpp"

namespace yishi::client {

namespace steps {

namespace {

// The board a member reads when nothing is picked: their street's or community's; a platform
// administrator picks a street first; department staff read their unit's own view.
BoardFilter default_board(const ClientState& state) {
    BoardFilter f;
    if (const auto& a = state.session.admin) {
        if (a->level == AdminLevel::street) f.street_id = a->id;
        if (a->level == AdminLevel::community) f.community_id = a->id;
    }
    return f;
}

ReportPick default_report(const ClientState& state) {
    ReportPick p;
    if (const auto& a = state.session.admin) {
        if (a->level == AdminLevel::street) p = {"street", a->id, {}};
        if (a->level == AdminLevel::community) p = {"community", a->id, {}};
    }
    return p;
}

}  // namespace

bool reads_unit_board(const ClientState& state) {
    return !state.session.admin && state.session.member.role == "department";
}

void load_board(ClientState& state, BoardFilter filter, std::vector<Request>& out) {
    state.follow.board_filter = filter;
    std::string path = reads_unit_board(state) ? "/api/me/unit-board" : "/api/board";
    bool scoped = filter.street_id != 0 || filter.community_id != 0;
    if (!reads_unit_board(state) && !scoped) return;  // a street to pick first
    out.push_back(make(state, RequestKind::board, "GET", path + board_query(filter)));
}

void load_report(ClientState& state, ReportPick pick, std::vector<Request>& out) {
    state.follow.report_pick = pick;
    if (pick.id == 0) return;  // a street or community to pick first
    out.push_back(make(state, RequestKind::report, "GET", "/api/report" + report_query(pick)));
}

void load_follow_page(ClientState& state, std::vector<Request>& out) {
    if (!state.logged_in()) return;
    auto& f = state.follow;
    switch (state.route.page) {
        case Page::notifications:
            out.push_back(make(state, RequestKind::notifications, "GET", "/api/me/notifications"));
            out.push_back(make(state, RequestKind::notification_settings, "GET",
                               "/api/me/notification-settings"));
            break;
        case Page::board: {
            bool picked = f.board_filter.street_id != 0 || f.board_filter.community_id != 0;
            load_board(state, picked ? f.board_filter : default_board(state), out);
            // The pickers offer the streets and communities the administrator reaches.
            if (state.session.admin && !state.admin.tree_loaded)
                out.push_back(make(state, RequestKind::admin_tree, "GET", "/api/admin/tree"));
            break;
        }
        case Page::report:
            load_report(state, f.report_pick.id != 0 ? f.report_pick : default_report(state), out);
            if (state.session.admin && !state.admin.tree_loaded)
                out.push_back(make(state, RequestKind::admin_tree, "GET", "/api/admin/tree"));
            break;
        default: break;
    }
}

Request poll_unread(ClientState& state) {
    Request r = make(state, RequestKind::unread, "GET", "/api/me/notifications/unread");
    --state.pending;  // quiet: no spinner, and it does not hold back a live page's refresh
    r.background = true;
    state.follow.notes.polling = true;
    return r;
}

}  // namespace steps

namespace {

// 首页 re-fetches what it shows on every kHomePollEvery-th poll, besides whenever the newest
// notification changes.
constexpr std::uint64_t kHomePollEvery = 4;

struct FollowApplier {
    ClientState& state;
    std::vector<Request> out;

    void operator()(const PollUnread&) {
        auto& n = state.follow.notes;
        if (!state.confirmed() || n.polling) return;
        ++n.polls;
        out.push_back(steps::poll_unread(state));
        if (state.route.page == Page::home && n.polls % kHomePollEvery == 0)
            steps::refresh_page(state, out);
    }

    void operator()(const OpenNotification& o) {
        auto& n = state.follow.notes;
        auto it = std::find_if(n.list.items.begin(), n.list.items.end(),
                               [&](const NotificationView& v) { return v.id == o.id; });
        if (it != n.list.items.end() && !it->read) {
            it->read = true;  // shown read at once; the server's count follows
            n.unread = std::max<std::int64_t>(0, n.unread - 1);
            n.list.unread = n.unread;
            MarkRead m;
            m.ids = {o.id};
            out.push_back(steps::make(state, RequestKind::notifications_read, "POST",
                                      "/api/me/notifications/read", encode(m)));
        }
        steps::clear_messages(state);
        Route to = parse_hash(o.link);
        to.modal.clear();
        steps::go(state, to, UrlUpdate::push, out);
    }

    void operator()(const MarkAllRead&) {
        auto& n = state.follow.notes;
        for (auto& v : n.list.items) v.read = true;
        n.unread = 0;
        n.list.unread = 0;
        MarkRead m;
        m.all = true;
        out.push_back(steps::make(state, RequestKind::notifications_read, "POST",
                                  "/api/me/notifications/read", encode(m)));
    }

    void operator()(const SetNotificationKind& k) {
        auto& s = state.follow.notes.settings;
        for (auto& e : s.kinds)
            if (e.kind == k.kind) e.on = k.on;
        NotificationSettings change;
        change.kinds.push_back({k.kind, k.on});
        out.push_back(steps::make(state, RequestKind::notification_settings, "PUT",
                                  "/api/me/notification-settings", encode(change)));
    }

    void operator()(const LoadBoard& b) {
        BoardFilter f = b.filter;
        f.offset = 0;
        steps::load_board(state, f, out);
    }

    // The page before or after the one shown, if there is one; the page size is the server's.
    void operator()(const PageBoard& p) {
        const auto& board = state.follow.board;
        if (!board || p.by == 0) return;
        BoardPaging paging = board_paging(*board);
        if ((p.by < 0 && !paging.has_previous) || (p.by > 0 && !paging.has_next)) return;
        BoardFilter f = state.follow.board_filter;
        f.offset = std::max<std::int64_t>(0, board->offset + p.by * board->limit);
        steps::load_board(state, f, out);
    }

    void operator()(const LoadReport& r) { steps::load_report(state, r.pick, out); }

    void operator()(const DownloadFile& d) {
        if (!state.logged_in() || d.path.empty()) return;
        Request r = steps::make(state, RequestKind::file, "GET", d.path);
        r.save_as = d.filename;
        r.mime = d.mime;
        out.push_back(std::move(r));
    }
};

}  // namespace

std::vector<Request> apply_follow(ClientState& state, const FollowIntent& intent) {
    FollowApplier a{state, {}};
    std::visit(a, intent);
    return std::move(a.out);
}

}  // namespace yishi::client
