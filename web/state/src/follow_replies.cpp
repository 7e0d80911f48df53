// Replies of 消息 (the polled count, the list, marking read, settings), of the board and the
// report, and of files to save.
#include "follow_replies.hpp"

#include "steps.hpp"
#include "yishi/messages.hpp"
#include "yishi/messages_board.hpp"
#include "yishi/messages_notifications.hpp"

namespace yishi::client {

namespace {

// Something new arrived while the member looks at 首页 or the centre: what it shows is
// fetched again quietly (a ballot that just opened appears without navigating away).
void on_news(ClientState& state, std::vector<Request>& out) {
    if (state.route.page == Page::home || state.route.page == Page::notifications)
        steps::refresh_page(state, out);
}

}  // namespace

bool apply_follow_reply(ClientState& state, const Request& request, std::string_view body,
                        std::vector<Request>& out) {
    auto& f = state.follow;
    auto& n = f.notes;
    switch (request.kind) {
        case RequestKind::unread: {
            auto count = decode_unread_count(body);
            if (!count) return false;
            bool news = n.unread_loaded && count.value().latest != n.latest;
            n.unread = count.value().unread;
            n.latest = count.value().latest;
            n.unread_loaded = true;
            if (news) on_news(state, out);
            return true;
        }
        case RequestKind::notifications: {
            auto list = decode_notification_list(body);
            if (!list) return false;
            n.list = std::move(list).value();
            n.unread = n.list.unread;
            n.list_loaded = true;
            return true;
        }
        case RequestKind::notifications_read: {
            auto j = parse_object(body);
            if (!j) return false;
            if (j.value().contains("unread") && j.value()["unread"].is_number_integer())
                n.unread = n.list.unread = j.value()["unread"].get<std::int64_t>();
            return true;
        }
        case RequestKind::notification_settings: {
            // A PUT answers the settings as they now are, like the GET.
            auto settings = decode_notification_settings(body);
            if (!settings) return request.method != "GET";
            n.settings = std::move(settings).value();
            n.settings_loaded = true;
            return true;
        }
        case RequestKind::board: {
            auto board = decode_board(body);
            if (!board) return false;
            f.board = std::move(board).value();
            f.board_loaded = true;
            return true;
        }
        case RequestKind::report: {
            auto report = decode_report_view(body);
            if (!report) return false;
            f.report = std::move(report).value();
            f.report_loaded = true;
            return true;
        }
        case RequestKind::file:
            state.download = Download{request.save_as, std::string(body), request.mime};
            state.notice = {"follow.saved", {}};
            return true;
        default: return false;
    }
}

}  // namespace yishi::client
