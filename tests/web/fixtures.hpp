// Shared test fixtures: canned server replies and a state that has logged in.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "yishi/client/apply.hpp"
#include "yishi/messages.hpp"
#include "yishi/messages_decide.hpp"

namespace fixtures {

using namespace yishi;
using namespace yishi::client;

inline std::string read_catalog(const std::string& language) {
    std::ifstream in(std::string(YISHI_I18N_DIR) + "/" + language + ".json");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline Council council() {
    Council c;
    c.id = 7;
    c.name = "幸福里居民议事会";
    c.community = "幸福里社区";
    c.cosign_threshold = 5;
    c.member_count = 15;
    return c;
}

inline LoginReply login_reply() {
    LoginReply r;
    r.token = "tok-demo01";
    r.member = Member{101, "demo01", "王秀英", "resident"};
    r.councils = {council()};
    return r;
}

inline Issue issue(Id id, Id author, std::string title, int cosigns = 0, bool mine = false) {
    Issue i;
    i.id = id;
    i.council_id = 7;
    i.title = std::move(title);
    i.body = "说明";
    i.author_id = author;
    i.author_name = author == 101 ? "王秀英" : "李建国";
    i.cosigns = cosigns;
    i.cosigned_by_me = mine;
    return i;
}

inline IssueList issue_list() {
    IssueList l;
    l.council = council();
    l.issues = {issue(2, 102, "楼道堆物影响消防通道", 1), issue(1, 101, "加装电梯", 3)};
    return l;
}

// An open yes/no ballot of a session, with its roll and who has voted.
inline BallotView open_ballot(std::vector<Id> roll, std::vector<Id> voted) {
    BallotView b;
    b.id = 9;
    b.council_id = 7;
    b.session_id = 3;
    b.issue_id = 1;
    b.issue_title = "加装电梯";
    b.state = BallotState::open;
    b.roll = std::move(roll);
    b.voted = std::move(voted);
    b.votes_cast = static_cast<std::int64_t>(b.voted.size());
    b.electorate = 15;
    return b;
}

// Finds the one request of a kind, failing the test when there is not exactly one.
inline const Request& only(const std::vector<Request>& rs, RequestKind kind) {
    const Request* found = nullptr;
    int n = 0;
    for (const auto& r : rs)
        if (r.kind == kind) { found = &r; ++n; }
    BOOST_REQUIRE_EQUAL(n, 1);
    return *found;
}

inline bool has(const std::vector<Request>& rs, RequestKind kind) {
    for (const auto& r : rs)
        if (r.kind == kind) return true;
    return false;
}

// A state that booted at `hash`, loaded the Chinese catalog and logged in as demo01.
struct LoggedIn {
    ClientState state;
    std::vector<Request> followups;

    explicit LoggedIn(const std::string& hash = "#/login") {
        auto boot = apply(state, Boot{hash, "", "zh-CN"});
        apply_response(state, only(boot, RequestKind::translations), 200, read_catalog("zh-CN"));
        apply_response(state, only(boot, RequestKind::api_version), 200, R"({"api":1})");
        auto sent = apply(state, Login{"demo01", "yishi2026"});
        followups = apply_response(state, only(sent, RequestKind::login), 200,
                                   encode(login_reply()));
        state.url_update = UrlUpdate::none;
    }

    // Answers the pending list request with the canned list, and home's other loads
    // (sessions, tasks) with empty lists.
    void load_list() {
        apply_response(state, only(followups, RequestKind::issues), 200, encode(issue_list()));
        settle_others();
    }

    // Answers every pending request but the issue list with an empty reply of its kind.
    void settle_others() {
        for (const auto& r : followups) {
            if (r.kind == RequestKind::sessions) apply_response(state, r, 200, R"({"sessions":[]})");
            if (r.kind == RequestKind::tasks) apply_response(state, r, 200, R"({"tasks":[]})");
        }
        followups.clear();
    }
};

}  // namespace fixtures
