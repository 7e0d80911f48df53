// Steps shared by the tests of ballot methods, units, secrecy and tellers.
#include "ballot_method_steps.hpp"

#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

namespace yishi::test {

Id open_ballot_with(TestServer& server, ClockShift& shift, const std::vector<std::string>& tokens,
                    Json spec, int last) {
    Id session = open_session_with(server, shift, tokens, {1});
    sign_in(server, session, tokens, 1, last);
    spec["issue_id"] = 1;
    auto opened =
        post_json(server, tokens[1], path_of("/api/sessions/", session, "/ballots"), spec);
    BOOST_REQUIRE_MESSAGE(opened.status == 201, opened.body.dump());
    return opened.body["id"].get<Id>();
}

Recount recount(const Json& bulletin) {
    auto path = temp_path(".bulletin.json");
    {
        std::ofstream out(path);
        out << bulletin.dump(2);
    }
    Recount r;
    std::string cmd = std::string(YISHI_TALLY_BINARY) + " '" + path.string() + "' 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    BOOST_REQUIRE(p);
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::filesystem::remove(path);
    return r;
}

}  // namespace yishi::test
