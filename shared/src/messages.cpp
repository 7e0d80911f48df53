#include "yishi/messages.hpp"

#include "yishi/text.hpp"

namespace yishi {

Result<Json> parse_object(std::string_view body) {
    if (!valid_utf8(body)) return make_error("bad_utf8");
    Json j = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return make_error("bad_json");
    return j;
}

Result<std::string> require_string(const Json& obj, const std::string& field) {
    auto it = obj.find(field);
    if (it == obj.end() || it->is_null()) return make_error("missing_field", field);
    if (!it->is_string()) return make_error("wrong_type", field);
    return it->get<std::string>();
}

namespace {
// Reads a whole response object with a lenient reader: responses come from our own server.
template <class F>
auto read_reply(std::string_view body, F&& f) -> Result<decltype(f(std::declval<const Json&>()))> {
    auto j = parse_object(body);
    if (!j) return j.error();
    try {
        return f(j.value());
    } catch (const Json::exception&) {
        return make_error("bad_json");
    }
}

Member member_from(const Json& j) {
    Member m;
    m.id = j.at("id").get<Id>();
    m.login = j.value("login", "");
    m.name = j.at("name").get<std::string>();
    m.role = j.value("role", "resident");
    return m;
}

Council council_from(const Json& j) {
    Council c;
    c.id = j.at("id").get<Id>();
    c.name = j.at("name").get<std::string>();
    c.community = j.value("community", "");
    c.kind = j.value("kind", "residents_council");
    c.cosign_threshold = j.value("cosign_threshold", 5);
    c.member_count = j.value("member_count", 0);
    return c;
}

// An id that may be absent: null or missing both mean none (0).
Id optional_id(const Json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() || it->is_null() ? 0 : it->get<Id>();
}

Json id_or_null(Id id) { return id == 0 ? Json() : Json(id); }

Issue issue_from(const Json& j) {
    Issue i;
    i.id = j.at("id").get<Id>();
    i.council_id = j.at("council_id").get<Id>();
    i.title = j.at("title").get<std::string>();
    i.body = j.at("body").get<std::string>();
    i.author_id = j.at("author_id").get<Id>();
    i.author_name = j.value("author_name", "");
    i.created_at = j.value("created_at", std::int64_t{0});
    i.cosigns = j.at("cosigns").get<int>();
    if (!issue_stage_from_string(j.value("stage", "collecting"), i.stage))
        throw Json::other_error::create(501, "unknown stage", nullptr);
    i.cosigned_by_me = j.value("cosigned_by_me", false);
    i.category = j.value("category", "");
    i.tag = j.value("tag", "");
    i.raised_by_id = optional_id(j, "raised_by_id");
    i.raised_for_name = j.value("raised_for_name", "");
    i.raised_for_household = j.value("raised_for_household", "");
    i.merged_into = optional_id(j, "merged_into");
    i.reason = j.value("reason", "");
    return i;
}
}  // namespace

Json to_json(const Member& m) {
    return {{"id", m.id}, {"login", m.login}, {"name", m.name}, {"role", m.role}};
}

Json to_json(const Council& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"community", c.community},
            {"kind", c.kind},
            {"cosign_threshold", c.cosign_threshold},
            {"member_count", c.member_count}};
}

Json to_json(const Issue& i) {
    return {{"id", i.id},
            {"council_id", i.council_id},
            {"title", i.title},
            {"body", i.body},
            {"author_id", i.author_id},
            {"author_name", i.author_name},
            {"created_at", i.created_at},
            {"cosigns", i.cosigns},
            {"stage", to_string(i.stage)},
            {"cosigned_by_me", i.cosigned_by_me},
            {"category", i.category},
            {"tag", i.tag},
            {"raised_by_id", id_or_null(i.raised_by_id)},
            {"raised_for_name", i.raised_for_name},
            {"raised_for_household", i.raised_for_household},
            {"merged_into", id_or_null(i.merged_into)},
            {"reason", i.reason}};
}

Result<LoginRequest> decode_login_request(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto login = require_string(j.value(), "login");
    if (!login) return login.error();
    auto password = require_string(j.value(), "password");
    if (!password) return password.error();
    LoginRequest r{trim(login.value()), password.value()};
    if (r.login.empty()) return make_error("empty_text", "login");
    if (r.password.empty()) return make_error("empty_text", "password");
    if (r.login.size() > 64) return make_error("too_long", "login");
    if (r.password.size() > 256) return make_error("too_long", "password");
    return r;
}

std::string encode(const LoginRequest& r) {
    return Json{{"login", r.login}, {"password", r.password}}.dump();
}

Result<NewIssueRequest> decode_new_issue_request(std::string_view body) {
    auto j = parse_object(body);
    if (!j) return j.error();
    auto title = require_string(j.value(), "title");
    if (!title) return title.error();
    auto text = require_string(j.value(), "body");
    if (!text) return text.error();
    auto t = validate_text(title.value(), "title", kTitleMaxChars, TextLines::one);
    if (!t) return t.error();
    auto b = validate_text(text.value(), "body", kBodyMaxChars);
    if (!b) return b.error();
    NewIssueRequest r;
    r.title = t.value();
    r.body = b.value();
    return r;
}

std::string encode(const NewIssueRequest& r) {
    Json j{{"title", r.title}, {"body", r.body}};
    if (!r.category.empty()) j["category"] = r.category;
    if (!r.tag.empty()) j["tag"] = r.tag;
    if (r.on_behalf_of != 0) j["on_behalf_of"] = r.on_behalf_of;
    if (!r.raised_for_name.empty()) j["raised_for_name"] = r.raised_for_name;
    if (!r.raised_for_household.empty()) j["raised_for_household"] = r.raised_for_household;
    return j.dump();
}

std::string encode(const LoginReply& r) {
    Json councils = Json::array();
    for (const auto& c : r.councils) councils.push_back(to_json(c));
    return Json{{"token", r.token}, {"member", to_json(r.member)}, {"councils", councils}}.dump();
}

Result<LoginReply> decode_login_reply(std::string_view body) {
    return read_reply(body, [](const Json& j) {
        LoginReply r;
        r.token = j.at("token").get<std::string>();
        r.member = member_from(j.at("member"));
        for (const auto& c : j.at("councils")) r.councils.push_back(council_from(c));
        return r;
    });
}

std::string encode(const IssueList& r) {
    Json issues = Json::array();
    for (const auto& i : r.issues) issues.push_back(to_json(i));
    return Json{{"council", to_json(r.council)}, {"issues", issues}}.dump();
}

Result<IssueList> decode_issue_list(std::string_view body) {
    return read_reply(body, [](const Json& j) {
        IssueList r;
        r.council = council_from(j.at("council"));
        for (const auto& i : j.at("issues")) r.issues.push_back(issue_from(i));
        return r;
    });
}

Result<IssuePageQuery> parse_issue_page_query(const std::optional<std::string>& limit,
                                              const std::optional<std::string>& after) {
    IssuePageQuery q;
    if (limit) {
        auto n = parse_whole_number(*limit);
        if (!n || *n < 1 || *n > kIssuePageMax)
            return bad_page_size("bad_filter", kIssuePageMax);
        q.limit = *n;
    }
    if (after) {
        if (!limit)
            return bad_paging("bad_filter", "after", "翻页位置须与每页条数 limit 一起给出");
        std::size_t dot = after->find('.');
        std::string_view cursor(*after);
        auto time = dot == std::string::npos ? std::nullopt
                                             : parse_whole_number(cursor.substr(0, dot));
        auto id = dot == std::string::npos ? std::nullopt
                                           : parse_whole_number(cursor.substr(dot + 1));
        if (!time || !id || *id <= 0)
            return bad_paging("bad_filter", "after", "翻页位置无效：请从上一页的 next 取得");
        q.after_time = *time;
        q.after_id = *id;
    }
    return q;
}

std::string excerpt(std::string_view text, std::size_t chars) {
    std::size_t i = 0, n = 0;
    while (i < text.size() && n < chars) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++n;
    }
    if (i >= text.size()) return std::string(text);
    return std::string(text.substr(0, i)) + "…";
}

IssuePage issue_page(const Council& council, std::vector<Issue> issues, std::int64_t limit) {
    IssuePage p{council, std::move(issues), {}};
    if (static_cast<std::int64_t>(p.issues.size()) > limit) {
        p.issues.resize(static_cast<std::size_t>(limit));
        const Issue& last = p.issues.back();
        p.next = std::to_string(last.created_at) + "." + std::to_string(last.id);
    }
    for (auto& i : p.issues) i.body = excerpt(i.body, kIssueExcerptChars);
    return p;
}

std::string encode(const IssuePage& p) {
    Json issues = Json::array();
    for (const auto& i : p.issues) issues.push_back(to_json(i));
    return Json{{"council", to_json(p.council)}, {"issues", issues}, {"next", p.next}}.dump();
}

Result<IssuePage> decode_issue_page(std::string_view body) {
    return read_reply(body, [](const Json& j) {
        IssuePage p;
        p.council = council_from(j.at("council"));
        for (const auto& i : j.at("issues")) p.issues.push_back(issue_from(i));
        p.next = j.at("next").get<std::string>();
        return p;
    });
}

std::string encode(const Issue& r) { return to_json(r).dump(); }

Result<Issue> decode_issue(std::string_view body) {
    return read_reply(body, [](const Json& j) { return issue_from(j); });
}

std::string encode(const Error& e) {
    Json err{{"code", e.code}, {"message", e.message}};
    if (!e.field.empty()) err["field"] = e.field;
    return Json{{"error", err}}.dump();
}

Error decode_error(std::string_view body, int status) {
    auto j = parse_object(body);
    if (j) {
        auto it = j.value().find("error");
        if (it != j.value().end() && it->is_object() && it->contains("message") &&
            (*it)["message"].is_string()) {
            Error e;
            e.status = status;
            e.code = it->value("code", "");
            e.message = (*it)["message"].get<std::string>();
            e.field = it->value("field", "");
            return e;
        }
    }
    Error e = make_error(status >= 500 || status == 0 ? "internal" : "bad_json");
    e.status = status;
    if (status == 0) e.message = "无法连接服务器，请检查网络后重试";
    else if (status == 404) e.message = "找不到请求的内容";
    else if (status < 500) e.message = "请求被拒绝（" + std::to_string(status) + "）";
    return e;
}

}  // namespace yishi
