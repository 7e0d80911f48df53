// 管理: what an administrator's scope reaches, and the administration API's replies read
// into the client's records. Lenient where the server may add fields; strict on the ids.
#include "yishi/client/admin.hpp"

#include "yishi/messages.hpp"

namespace yishi::client {

const char* const kCouncilKinds[5] = {"residents_council", "residents_meeting",
                                      "villagers_meeting", "villager_representatives",
                                      "owners_assembly"};

const AdminCommunity* AdminTree::find_community(Id id, Id* street_id) const {
    for (const auto& s : streets)
        for (const auto& c : s.communities)
            if (c.id == id) {
                if (street_id) *street_id = s.id;
                return &c;
            }
    return nullptr;
}

std::vector<StaffPlace> staff_places(const AdminTree& tree, const std::optional<AdminScope>& scope,
                                     StaffKind kind) {
    std::vector<StaffPlace> out;
    auto offer = [&](Id id, std::string name, Place place) {
        if (!may_create_staff(scope, kind, place)) out.push_back({id, std::move(name), place});
    };
    for (const auto& st : tree.streets) {
        Place street{st.id, 0};
        if (kind == StaffKind::street_admin || kind == StaffKind::cppcc_member)
            offer(st.id, st.name, street);
        if (kind == StaffKind::department)
            for (const auto& d : st.departments) offer(d.id, d.name, street);
        for (const auto& c : st.communities) {
            Place community{st.id, c.id};
            if (kind == StaffKind::community_admin) offer(c.id, c.name, community);
            if (kind == StaffKind::grid_worker)
                for (const auto& g : c.grids) offer(g.id, c.name + " · " + g.name, community);
            if (kind == StaffKind::party_committee)
                for (const auto& k : c.councils) offer(k.id, c.name + " · " + k.name, community);
        }
    }
    return out;
}

namespace {

// A field as text whether the server sends it as a string or a number; "" when absent.
std::string text_of(const Json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    if (it->is_number()) return it->dump();
    return {};
}

std::int64_t int_of(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

bool bool_of(const Json& j, const char* key, bool otherwise) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() ? it->get<bool>() : otherwise;
}

const Json& array_of(const Json& j, const char* key) {
    static const Json empty = Json::array();
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

Error bad_reply() { return make_error("bad_json"); }

std::optional<AdminScope> scope_of(const Json& j) {
    AdminScope s;
    if (!j.is_object() || !admin_level_from_string(text_of(j, "level"), s.level))
        return std::nullopt;
    s.id = int_of(j, "id");
    return s;
}

AdminMember member_of(const Json& m) {
    AdminMember r;
    r.id = int_of(m, "id");
    r.name = text_of(m, "name");
    r.login = text_of(m, "login");
    r.role = text_of(m, "role");
    r.household = text_of(m, "household");
    r.building = text_of(m, "building");
    r.grid = text_of(m, "grid");
    r.active = bool_of(m, "active", true);
    r.activated = bool_of(m, "activated", !r.login.empty());
    for (const auto& c : array_of(m, "councils"))
        if (c.is_number_integer()) r.councils.push_back(c.get<Id>());
    return r;
}

}  // namespace

Result<std::optional<AdminScope>> decode_admin_scope(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto it = j.value().find("admin");
    if (it == j.value().end()) return std::optional<AdminScope>{};
    return scope_of(*it);
}

Result<AdminTree> decode_admin_tree(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    const Json& t = j.value();
    AdminTree tree;
    if (t.contains("scope")) tree.scope = scope_of(t["scope"]);
    for (const auto& s : array_of(t, "streets")) {
        if (!s.is_object()) return bad_reply();
        AdminStreet street{int_of(s, "id"), text_of(s, "name"), {}, {}, {}};
        for (const auto& d : array_of(s, "departments"))
            street.departments.push_back({int_of(d, "id"), text_of(d, "name")});
        for (const auto& d : array_of(s, "cppccs"))
            street.cppccs.push_back({int_of(d, "id"), text_of(d, "name")});
        for (const auto& c : array_of(s, "communities")) {
            if (!c.is_object()) return bad_reply();
            AdminCommunity community{int_of(c, "id"), text_of(c, "name"), {}, {}};
            for (const auto& k : array_of(c, "councils"))
                community.councils.push_back({int_of(k, "id"), text_of(k, "name"),
                                              text_of(k, "kind"), int_of(k, "member_count")});
            for (const auto& g : array_of(c, "grids"))
                community.grids.push_back({int_of(g, "id"), text_of(g, "name")});
            street.communities.push_back(std::move(community));
        }
        tree.streets.push_back(std::move(street));
    }
    return tree;
}

Result<std::vector<AdminMember>> decode_admin_members(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    if (!j.value().contains("members") || !j.value()["members"].is_array()) return bad_reply();
    std::vector<AdminMember> out;
    for (const auto& m : j.value()["members"]) {
        if (!m.is_object()) return bad_reply();
        out.push_back(member_of(m));
    }
    return out;
}

Result<AdminMember> decode_admin_member(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    const Json& m = j.value().contains("member") ? j.value()["member"] : j.value();
    if (!m.is_object() || int_of(m, "id") == 0) return bad_reply();
    return member_of(m);
}

Result<RosterPreview> decode_roster_preview(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    const Json& p = j.value();
    if (!p.contains("accepted") || !p.contains("refused")) return bad_reply();
    RosterPreview r;
    for (const auto& a : array_of(p, "accepted"))
        r.accepted.push_back({int_of(a, "line"), text_of(a, "name"), text_of(a, "building"),
                              text_of(a, "unit"), text_of(a, "room"), text_of(a, "household"),
                              text_of(a, "grid"), text_of(a, "floor_area"), text_of(a, "phone")});
    for (const auto& x : array_of(p, "refused"))
        r.refused.push_back({int_of(x, "line"), text_of(x, "code"), text_of(x, "message")});
    r.written = bool_of(p, "written", false);
    return r;
}

Result<OneTimeCode> decode_one_time_code(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    OneTimeCode c;
    c.code = text_of(j.value(), "code");
    c.name = text_of(j.value(), "name");
    c.member_id = int_of(j.value(), "member_id");
    c.expires_at = int_of(j.value(), "expires_at");
    if (c.code.empty()) return bad_reply();
    return c;
}

std::string url_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : text) {
        bool plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '~';
        if (plain) {
            out += static_cast<char>(ch);
        } else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

}  // namespace yishi::client
