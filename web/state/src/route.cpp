// Route <-> hash mapping and which screens need a session or live updates.
#include "yishi/client/route.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace yishi::client {

namespace {

// What follows a page's name in its hash: nothing, an id it needs, or a code a link may carry.
enum class Part { none, id, code };

struct PageName {
    Page page;
    std::string_view name;
    Part part;
};

constexpr Part N = Part::none, I = Part::id, C = Part::code;

// Pages sharing a name are told apart by what follows it: #/cppcc lists, #/cppcc/3 shows one,
// #/consultation/5/record is the record screen of #/consultation/5.
constexpr std::array<PageName, 24> kPages{{
    {Page::login, "login", N},       {Page::register_account, "register", C},
    {Page::home, "home", N},         {Page::issues, "issues", N},
    {Page::issue, "issue", I},       {Page::new_issue, "new", N},
    {Page::sessions, "sessions", N}, {Page::session, "session", I},
    {Page::ballot, "ballot", I},     {Page::notices, "notices", N},
    {Page::tasks, "tasks", N},       {Page::task, "task", I},
    {Page::settings, "settings", N}, {Page::setup, "setup", C},
    {Page::reset_password, "reset", C}, {Page::admin, "admin", N},
    {Page::admin_community, "community", I},
    {Page::cppcc, "cppcc", I},       {Page::cppccs, "cppcc", N},
    {Page::consultation, "consultation", I},
    {Page::consultation_tasks, "my-consultation-tasks", N},
    {Page::notifications, "notifications", N},
    {Page::board, "board", N},       {Page::report, "report", N},
}};

// The next "/"-separated part of `rest`, consumed.
std::string_view next_part(std::string_view& rest) {
    auto slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    return part;
}

// Ids are positive decimals without a leading zero, as the server's paths want them.
Id parse_id(std::string_view s) {
    if (s.empty() || s.size() > 15 || s.front() == '0') return 0;
    for (char c : s)
        if (c < '0' || c > '9') return 0;
    Id v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc{} && end == s.data() + s.size() ? v : 0;
}

// Modal names are short lower-case words with dashes: nothing a hash could smuggle.
bool valid_modal(std::string_view m) {
    if (m.empty() || m.size() > 32) return false;
    for (char c : m)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// Codes are letters, digits and dashes (XXXXX-XXXXX as printed); anything else is dropped.
bool valid_code(std::string_view c) {
    if (c.empty() || c.size() > 40) return false;
    for (char ch : c)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-'))
            return false;
    return true;
}

}  // namespace

Route code_route(Page p, std::string code) {
    Route r{p};
    r.code = std::move(code);
    return r;
}

std::string to_hash(const Route& r) {
    if (r.page == Page::consultation_record)
        return "#/consultation/" + std::to_string(r.id) + "/record";
    for (const auto& p : kPages) {
        if (p.page != r.page) continue;
        std::string out = "#/" + std::string(p.name);
        if (p.part == Part::id) out += "/" + std::to_string(r.id);
        if (p.part == Part::code && !r.code.empty()) out += "/" + r.code;
        if (!r.modal.empty()) out += "/" + r.modal;
        return out;
    }
    return "#/home";
}

Route parse_hash(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    if (auto q = hash.find('?'); q != std::string_view::npos) hash = hash.substr(0, q);
    while (!hash.empty() && hash.back() == '/') hash.remove_suffix(1);
    std::string_view rest = hash;
    std::string_view name = next_part(rest);
    for (const auto& p : kPages) {
        if (p.name != name) continue;
        Route r{p.page, 0, {}};
        if (p.part == Part::id) {
            std::string_view after = rest;
            r.id = parse_id(next_part(after));
            if (r.id == 0) continue;  // another page of that name may take no id
            rest = after;
            if (p.page == Page::consultation && rest == "record")
                return Route{Page::consultation_record, r.id, {}};
        }
        if (p.part == Part::none && p.name == "cppcc" && !rest.empty()) return Route{};
        if (p.part == Part::code && !rest.empty()) {
            std::string_view code = next_part(rest);
            if (valid_code(code)) r.code = std::string(code);
            return r;  // nothing after a code
        }
        if (!rest.empty()) {
            if (!valid_modal(rest)) return Route{p.page, r.id, {}};
            r.modal = std::string(rest);
        }
        return r;
    }
    return Route{};
}

bool requires_login(Page p) {
    return p != Page::login && p != Page::register_account && p != Page::setup &&
           p != Page::reset_password;
}

bool is_live(Page p) {
    return p == Page::session || p == Page::ballot || p == Page::consultation ||
           p == Page::consultation_record;
}

}  // namespace yishi::client
