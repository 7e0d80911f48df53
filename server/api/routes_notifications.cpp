// 消息: a member's notifications (list, unread count, marking read), which kinds they get, and
// the community's outbound hook, set by its administrator. Everything here is the caller's own:
// no route reads or marks another member's notifications.
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/messages_notifications.hpp"
#include "yishi/text.hpp"

namespace yishi::server {

namespace {
Reply list(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    std::int64_t before = 0;
    std::int64_t limit = kNotificationPageDefault;
    if (req.has_param("before")) {
        auto n = parse_whole_number(req.get_param_value("before"));
        if (!n)
            return failure(bad_paging("bad_query", "before", "起始消息编号无效：须为消息编号"));
        before = *n;
    }
    if (req.has_param("limit")) {
        auto n = parse_whole_number(req.get_param_value("limit"));
        if (!n || *n < 1 || *n > kNotificationPageMax)
            return failure(bad_page_size("bad_query", kNotificationPageMax));
        limit = *n;
    }
    return {200, encode(api.store.notifications(caller.value().id, before, limit))};
}

Reply unread(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    return {200, encode(api.store.unread_notifications(caller.value().id))};
}

Reply mark_read(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto m = decode_mark_read(req.body);
    if (!m) return failure(m.error());
    auto after = api.store.mark_notifications_read(caller.value().id, m.value(), api.now());
    if (!after) {
        Error e = after.error();
        if (e.code == "not_found") e.message = "找不到要标记的消息";
        return failure(e);
    }
    return {200, Json{{"unread", after.value().unread}}.dump()};
}

Reply settings(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    return {200, encode(api.store.notification_settings(caller.value().id))};
}

Reply set_settings(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto s = decode_notification_settings(req.body);
    if (!s) return failure(s.error());
    return {200, encode(api.store.set_notification_settings(caller.value().id, s.value()))};
}

Reply hook(Api& api, const httplib::Request& req) {
    auto r = community_request(api, req);
    if (!r) return failure(r.error());
    auto h = api.store.community_hook(r.value().caller, r.value().community);
    if (!h) return failure(h.error());
    return {200, encode(h.value())};
}

Reply set_hook(Api& api, const httplib::Request& req) {
    auto r = community_request(api, req);
    if (!r) return failure(r.error());
    auto h = decode_hook_config(req.body);
    if (!h) return failure(h.error());
    auto set = api.store.set_community_hook(r.value().caller, r.value().community, h.value(),
                                            api.now());
    if (!set) return failure(set.error());
    return {200, encode(set.value())};
}
}  // namespace

void add_notification_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", "/api/me/notifications", list);
    route("GET", "/api/me/notifications/unread", unread);
    route("POST", "/api/me/notifications/read", mark_read);
    route("GET", "/api/me/notification-settings", settings);
    route("PUT", "/api/me/notification-settings", set_settings);
    route("GET", R"(/api/admin/communities/([^/]+)/hook)", hook);
    route("PUT", R"(/api/admin/communities/([^/]+)/hook)", set_hook);
}

}  // namespace yishi::server
