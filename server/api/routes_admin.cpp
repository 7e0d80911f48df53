// 管理: the first start's setup, the organisation's tree, staff accounts with activation codes,
// a community's members (roles, deactivation, reset codes), roster import and invite sheets.
// The store asks the core whether the caller's scope reaches the place; these decode and encode.
#include "routes.hpp"

#include "request_fields.hpp"
#include "yishi/server/roster_text.hpp"
#include "yishi/accounts.hpp"
#include "yishi/administration.hpp"
#include "yishi/roster.hpp"
#include "yishi/server/invite_sheet.hpp"
#include "yishi/text.hpp"

namespace yishi::server {

namespace {
constexpr std::size_t kReasonMaxChars = 200;

Result<Id> id_in_path(const httplib::Request& req, const char* field) {
    auto id = parse_id(req.matches[1]);
    if (!id) return field_error("bad_id", field);
    return *id;
}

// A required string field, checked as one line of at most `max` characters.
Result<std::string> require_text(const Json& body, const std::string& field, std::size_t max) {
    auto it = body.find(field);
    if (it == body.end()) return make_error("missing_field", field);
    if (!it->is_string()) return make_error("wrong_type", field);
    return validate_text(it->get<std::string>(), field, max, TextLines::one);
}

Result<std::string> require_place_name(const Json& body, const std::string& field) {
    auto it = body.find(field);
    if (it == body.end()) return make_error("missing_field", field);
    if (!it->is_string()) return make_error("wrong_type", field);
    return check_place_name(it->get<std::string>(), field);
}

Json place_json(const PlaceRecord& p, const char* parent) {
    Json j{{"id", p.id}, {"name", p.name}};
    if (parent) j[parent] = p.parent_id;
    if (!p.kind.empty()) {
        j["kind"] = p.kind;
        j["member_count"] = p.member_count;
    }
    return j;
}

Json member_row_json(const MemberRow& m) {
    return Json{{"id", m.id},          {"name", m.name},       {"login", m.login},
                {"role", m.role},      {"household", m.household}, {"building", m.building},
                {"grid", m.grid},      {"phone", m.phone},     {"active", m.active},
                {"activated", m.activated}, {"councils", m.councils}};
}

// A fresh code in clear and its digest; the clear form is shown once and never kept.
std::pair<std::string, std::string> fresh_code() {
    std::string code = new_invite_code();
    return {code, sha256_hex(code)};
}

Reply created(const Json& body) { return {201, body.dump()}; }

// --- first start ---
Reply setup_status(Api& api, const httplib::Request&) {
    return {200, Json{{"needed", api.store.setup_needed()}}.dump()};
}

Reply setup(Api& api, const httplib::Request& req) {
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    const Json& b = body.value();
    auto code_text = require_text(b, "code", 40);
    if (!code_text) return failure(code_text.error());
    auto code = normalize_invite_code(code_text.value());
    if (!code) return failure(make_error("setup_code_invalid", "code"));
    auto login = require_text(b, "login", kLoginMaxChars);
    if (!login) return failure(login.error());
    if (auto bad = check_login(login.value())) return failure(*bad);
    auto name = require_text(b, "name", kPersonNameMaxChars);
    if (!name) return failure(name.error());
    auto password = b.find("password");
    if (password == b.end()) return failure(make_error("missing_field", "password"));
    if (!password->is_string()) return failure(make_error("wrong_type", "password"));
    if (auto bad = check_password(password->get<std::string>())) return failure(*bad);
    auto street = require_place_name(b, "street");
    if (!street) return failure(street.error());
    auto community = require_place_name(b, "community");
    if (!community) return failure(community.error());
    if (!api.store.setup_needed()) return failure(make_error("setup_done"));

    auto hash = api.hasher.try_hash(password->get<std::string>());
    if (!hash) return failure(make_error("rate_limited"));
    std::int64_t now = api.now();
    auto done = api.store.complete_setup({sha256_hex(*code), login.value(), name.value(), *hash,
                                          street.value(), community.value(), now});
    if (!done) return failure(done.error());
    LoginReply reply;
    reply.token = new_token();
    api.store.add_token(token_digest(reply.token), done.value().admin.id, now, api.options.tokens);
    reply.member = done.value().admin;
    Json out = Json::parse(login_reply_body(api, reply));
    out["street_id"] = done.value().street_id;
    out["community_id"] = done.value().community_id;
    return created(out);
}

// --- the tree ---
Reply tree(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto scope = api.store.admin_scope(caller.value().id);
    if (!scope) return failure(make_error("not_admin"));
    Json streets = Json::array();
    for (const StreetTree& s : api.store.tree(*scope)) {
        Json street = place_json(s.street, nullptr);
        street["departments"] = Json::array();
        for (const auto& d : s.departments) street["departments"].push_back(place_json(d, nullptr));
        street["communities"] = Json::array();
        for (const auto& c : s.communities) {
            Json community = place_json(c.community, nullptr);
            community["councils"] = Json::array();
            for (const auto& k : c.councils) community["councils"].push_back(place_json(k, nullptr));
            community["grids"] = Json::array();
            for (const auto& g : c.grids) community["grids"].push_back(place_json(g, nullptr));
            street["communities"].push_back(community);
        }
        street["cppccs"] = Json::array();
        for (const auto& c : s.cppccs) street["cppccs"].push_back(place_json(c, "parent_id"));
        streets.push_back(street);
    }
    return {200, Json{{"scope", scope_json(*scope)}, {"streets", streets}}.dump()};
}

// Reads `parent` (an id, unless empty) and `name`, then creates with `make`.
template <typename Make>
Reply create_place(Api& api, const httplib::Request& req, const char* parent, Make make) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    Id parent_id = 0;
    if (*parent) {
        auto id = require_id(body.value(), parent);
        if (!id) return failure(id.error());
        parent_id = id.value();
    }
    auto name = require_place_name(body.value(), "name");
    if (!name) return failure(name.error());
    Result<PlaceRecord> made = make(caller.value().id, parent_id, name.value(), body.value());
    if (!made) return failure(made.error());
    return created(place_json(made.value(), *parent ? parent : nullptr));
}

Reply create_street(Api& api, const httplib::Request& req) {
    return create_place(api, req, "", [&](Id actor, Id, const std::string& name, const Json&) {
        return api.store.create_street(actor, name, api.now());
    });
}
Reply create_community(Api& api, const httplib::Request& req) {
    return create_place(api, req, "street_id", [&](Id actor, Id street, const std::string& name, const Json&) {
        return api.store.create_community(actor, street, name, api.now());
    });
}
Reply create_department(Api& api, const httplib::Request& req) {
    return create_place(api, req, "street_id", [&](Id actor, Id street, const std::string& name, const Json&) {
        return api.store.create_department(actor, street, name, api.now());
    });
}
Reply create_grid(Api& api, const httplib::Request& req) {
    return create_place(api, req, "community_id", [&](Id actor, Id community, const std::string& name, const Json&) {
        return api.store.create_grid(actor, community, name, api.now());
    });
}
Reply create_council(Api& api, const httplib::Request& req) {
    return create_place(api, req, "community_id",
                        [&](Id actor, Id community, const std::string& name,
                            const Json& body) -> Result<PlaceRecord> {
                            auto kind = body.find("kind");
                            if (kind == body.end()) return make_error("missing_field", "kind");
                            CouncilKind k;
                            if (!kind->is_string()) return make_error("wrong_type", "kind");
                            if (!council_kind_from_string(kind->get<std::string>(), k))
                                return make_error("bad_kind", "kind");
                            return api.store.create_council(actor, community, name, k, api.now());
                        });
}

// --- staff ---
Reply create_staff(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto body = body_object(req, false);
    if (!body) return failure(body.error());
    const Json& b = body.value();
    auto role = b.find("role");
    if (role == b.end()) return failure(make_error("missing_field", "role"));
    if (!role->is_string()) return failure(make_error("wrong_type", "role"));
    StaffRequest r;
    if (!staff_kind_from_string(role->get<std::string>(), r.kind))
        return failure(make_error("bad_role", "role"));
    auto name = require_text(b, "name", kPersonNameMaxChars);
    if (!name) return failure(name.error());
    r.name = name.value();
    auto place = require_id(b, place_field(r.kind));
    if (!place) return failure(place.error());
    r.place_id = place.value();
    auto [code, digest] = fresh_code();
    std::int64_t now = api.now();
    std::int64_t expires = now + kActivationCodeSeconds;
    auto made = api.store.create_staff(caller.value().id, r, digest, now, expires);
    if (!made) return failure(made.error());
    return created(Json{{"member_id", made.value().member_id},
                        {"name", made.value().name},
                        {"role", made.value().role},
                        {"code", format_invite_code(code)},
                        {"expires_at", expires}});
}

// --- members ---
Reply community_members(Api& api, const httplib::Request& req) {
    auto where = community_request(api, req);
    if (!where) return failure(where.error());
    const Id caller = where.value().caller, community = where.value().community;
    MemberFilter f;
    auto text_param = [&](const char* name, std::string& out) -> Check {
        if (!req.has_param(name)) return std::nullopt;
        std::string v = req.get_param_value(name);
        if (v.empty()) return std::nullopt;
        auto ok = validate_text(v, name, kPlaceNameMaxChars, TextLines::one);
        if (!ok) return ok.error();
        out = ok.value();
        return std::nullopt;
    };
    for (auto [name, out] : {std::pair{"q", &f.text}, {"grid", &f.grid}, {"building", &f.building},
                             {"role", &f.role}})
        if (auto bad = text_param(name, *out)) return failure(*bad);
    if (req.has_param("active")) {
        std::string v = req.get_param_value("active");
        if (v == "1") f.active = true;
        else if (v == "0") f.active = false;
        else if (!v.empty()) return failure(make_error("wrong_type", "active"));
    }
    auto rows = api.store.community_members(caller, community, f);
    if (!rows) return failure(rows.error());
    Json members = Json::array();
    for (const auto& m : rows.value()) members.push_back(member_row_json(m));
    return {200, Json{{"members", members}}.dump()};
}

// The caller, the member the path names and the body, of a request about one member.
struct MemberRequest {
    Id caller = 0;
    Id member = 0;
    Json body;
};
Result<MemberRequest> member_request(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return caller.error();
    auto member = id_in_path(req, "member_id");
    if (!member) return member.error();
    auto body = body_object(req, true);
    if (!body) return body.error();
    return MemberRequest{caller.value().id, member.value(), body.value()};
}

Reply set_role(Api& api, const httplib::Request& req) {
    auto r = member_request(api, req);
    if (!r) return failure(r.error());
    const Json& body = r.value().body;
    // Either may be left out: a role alone, or a seat alone (a department joining a council).
    std::optional<Role> role;
    if (auto field = body.find("role"); field != body.end() && !field->is_null()) {
        if (!field->is_string()) return failure(make_error("wrong_type", "role"));
        Role r;
        // A staff role only seats staff who hold it already; the store checks that.
        if (!role_from_string(field->get<std::string>(), r) ||
            !(assignable_council_role(r) || seatable_staff_role(r)))
            return failure(make_error("bad_role", "role"));
        role = r;
    }
    auto council = optional_int(body, "council_id", 1, INT64_MAX, "bad_id", 0);
    if (!council) return failure(council.error());
    auto row = api.store.set_member_role(r.value().caller, r.value().member, role, council.value(),
                                         api.now());
    if (!row) return failure(row.error());
    return {200, member_row_json(row.value()).dump()};
}

Reply deactivate(Api& api, const httplib::Request& req) {
    auto r = member_request(api, req);
    if (!r) return failure(r.error());
    auto reason = require_text(r.value().body, "reason", kReasonMaxChars);
    if (!reason) return failure(reason.error());
    auto row = api.store.deactivate_member(r.value().caller, r.value().member, reason.value(),
                                           api.now());
    if (!row) return failure(row.error());
    return {200, member_row_json(row.value()).dump()};
}

Reply reset_code(Api& api, const httplib::Request& req) {
    auto r = member_request(api, req);
    if (!r) return failure(r.error());
    auto [code, digest] = fresh_code();
    std::int64_t now = api.now();
    auto expires = api.store.issue_reset_code(r.value().caller, r.value().member, digest, now,
                                              now + kResetCodeSeconds);
    if (!expires) return failure(expires.error());
    return created(Json{{"code", format_invite_code(code)}, {"expires_at", expires.value()}});
}

// Failed resets count against the address like failed logins, under a name no login can have.
const std::string kResetThrottleLogin = "#reset";

Reply password_reset(Api& api, const httplib::Request& req) {
    const std::string address = client_address(req);
    std::int64_t now = api.now();
    auto admission = api.store.begin_attempt(kResetThrottleLogin, address, now, api.options.throttle);
    if (!admission.allowed) return wait_before_retry(admission.retry_after_seconds);
    bool code_refused = false;
    Reply reply = [&]() -> Reply {
        auto body = body_object(req, false);
        if (!body) return failure(body.error());
        auto code_text = require_text(body.value(), "code", 40);
        if (!code_text) return failure(code_text.error());
        auto code = normalize_invite_code(code_text.value());
        if (!code) {
            code_refused = true;
            return failure(make_error("code_invalid", "code"));
        }
        auto password = body.value().find("password");
        if (password == body.value().end()) return failure(make_error("missing_field", "password"));
        if (!password->is_string()) return failure(make_error("wrong_type", "password"));
        if (auto bad = check_password(password->get<std::string>())) return failure(*bad);
        auto hash = api.hasher.try_hash(password->get<std::string>());
        if (!hash) return failure(make_error("rate_limited"));
        auto done = api.store.reset_password(sha256_hex(*code), *hash, now);
        if (!done) {
            code_refused = done.error().code.rfind("code_", 0) == 0;
            return failure(done.error());
        }
        return {200, Json{{"ok", true}, {"login", done.value().login}}.dump()};
    }();
    if (!code_refused) api.store.withdraw_attempt(kResetThrottleLogin, address);
    return reply;
}

// --- roster import ---
Reply import_roster(Api& api, const httplib::Request& req) {
    auto where = community_request(api, req);
    if (!where) return failure(where.error());
    const Id caller = where.value().caller, community = where.value().community;
    Id council = 0;
    if (req.has_param("council_id")) {
        auto id = parse_id(req.get_param_value("council_id"));
        if (!id) return failure(make_error("bad_id", "council_id"));
        council = *id;
    }
    bool confirm = req.has_param("confirm") && req.get_param_value("confirm") == "1";
    // The scope first: nobody learns how a file reads unless they may import it.
    auto allowed = api.store.pending_accounts(caller, community, {});
    if (!allowed) return failure(allowed.error());
    auto text = roster_text_utf8(req.body);
    if (!text) return failure(text.error());
    auto preview = read_roster(text.value());
    if (!preview) return failure(preview.error());
    Json accepted = Json::array();
    for (const RosterRow& r : preview.value().accepted)
        accepted.push_back(Json{{"line", r.line},
                                {"name", r.name},
                                {"building", r.building},
                                {"unit", r.unit},
                                {"room", r.room},
                                {"household", r.household()},
                                {"grid", r.grid},
                                {"floor_area_centi_m2", r.floor_area_centi_m2},
                                {"phone", r.phone}});
    Json refused = Json::array();
    for (const RosterRefusal& r : preview.value().refused)
        refused.push_back(Json{{"line", r.line}, {"code", r.code}, {"message", r.message}});
    Json out{{"accepted", accepted}, {"refused", refused}, {"written", false}};
    if (!confirm) return {200, out.dump()};
    auto written =
        api.store.import_roster(caller, community, council, preview.value().accepted, api.now());
    if (!written) return failure(written.error());
    out["written"] = true;
    out["members"] = written.value().members;
    out["households"] = written.value().households;
    out["grids"] = written.value().grids;
    return created(out);
}

// --- invite sheets ---
// Where the printed links lead: the address the administrator reached the server at.
std::string site_of(const httplib::Request& req) {
    std::string host = req.get_header_value("Host");
    bool safe = !host.empty() && host.size() <= 255 &&
                host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789.-:[]") == std::string::npos;
    std::string scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    return scheme + "://" + (safe ? host : "127.0.0.1");
}

Reply invite_sheet(Api& api, const httplib::Request& req) {
    auto where = community_request(api, req);
    if (!where) return failure(where.error());
    const Id caller = where.value().caller, community = where.value().community;
    auto body = body_object(req, true);
    if (!body) return failure(body.error());
    std::vector<Id> wanted;
    if (auto ids = body.value().find("member_ids"); ids != body.value().end()) {
        if (!ids->is_array() || ids->size() > 20000)
            return failure(make_error("wrong_type", "member_ids"));
        for (const Json& id : *ids) {
            if (!id.is_number_integer() || id.get<std::int64_t>() < 1)
                return failure(make_error("bad_id", "member_ids"));
            wanted.push_back(id.get<Id>());
        }
    }
    auto pending = api.store.pending_accounts(caller, community, wanted);
    if (!pending) return failure(pending.error());
    InviteSheet sheet;
    if (auto names = api.store.community_names(community))
        std::tie(sheet.street, sheet.community) = *names;
    std::vector<CodeGrant> grants;
    Json slips = Json::array();
    const std::string site = site_of(req);
    for (const PendingAccount& p : pending.value()) {
        auto [code, digest] = fresh_code();
        grants.push_back({p.member_id, digest});
        InviteSlip slip{p.name, p.household, format_invite_code(code),
                        site + "/#/register/" + code};
        slips.push_back(Json{{"member_id", p.member_id},
                             {"name", slip.name},
                             {"household", slip.household},
                             {"code", slip.code},
                             {"link", slip.link}});
        sheet.slips.push_back(std::move(slip));
    }
    std::int64_t now = api.now();
    if (auto refused = api.store.grant_activation_codes(caller, community, grants, now,
                                                        now + kActivationCodeSeconds))
        return failure(*refused);
    if (req.has_param("format") && req.get_param_value("format") == "json")
        return {200, Json{{"slips", slips}}.dump()};
    Reply pdf{200, invite_sheet_pdf(sheet)};
    pdf.content_type = "application/pdf";
    pdf.headers.emplace("Content-Disposition", "attachment; filename=\"invite-sheet.pdf\"");
    return pdf;
}
}  // namespace

Result<CommunityRequest> community_request(Api& api, const httplib::Request& req) {
    auto caller = api.caller(req);
    if (!caller) return caller.error();
    auto community = id_in_path(req, "community_id");
    if (!community) return community.error();
    return CommunityRequest{caller.value().id, community.value()};
}

void add_admin_routes(ApiRoutes& routes, Api& api) {
    auto route = route_adder(routes, api);
    route("GET", "/api/setup", setup_status);
    route("POST", "/api/setup", setup);
    route("POST", "/api/password-reset", password_reset);
    route("GET", "/api/admin/tree", tree);
    route("POST", "/api/admin/streets", create_street);
    route("POST", "/api/admin/communities", create_community);
    route("POST", "/api/admin/departments", create_department);
    route("POST", "/api/admin/councils", create_council);
    route("POST", "/api/admin/grids", create_grid);
    route("POST", "/api/admin/staff", create_staff);
    route("GET", R"(/api/admin/communities/([^/]+)/members)", community_members);
    route("POST", R"(/api/admin/communities/([^/]+)/roster)", import_roster);
    route("POST", R"(/api/admin/communities/([^/]+)/invite-sheet)", invite_sheet);
    route("POST", R"(/api/admin/members/([^/]+)/role)", set_role);
    route("POST", R"(/api/admin/members/([^/]+)/deactivate)", deactivate);
    route("POST", R"(/api/admin/members/([^/]+)/reset-code)", reset_code);
}

}  // namespace yishi::server
