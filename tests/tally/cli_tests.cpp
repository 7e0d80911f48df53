// The command line as a voter uses it: `yishi-tally FILE` and `yishi-tally -` print the result
// JSON; each malformed bulletin exits with status 2 and names its problem on stderr.
// vectors/NAME.json is expected to print vectors/NAME.expected.json (checked by hand when added).
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace {
using Json = nlohmann::json;

const std::string kBinary = YISHI_TALLY_BINARY;
const std::string kVectors = YISHI_TALLY_VECTORS;

struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs the binary through the shell with `args` (already quoted), capturing both streams.
Run tally(const std::string& args) {
    char dir[] = "/tmp/yishi-tally-test-XXXXXX";
    BOOST_REQUIRE(mkdtemp(dir) != nullptr);
    std::string out = std::string(dir) + "/out", err = std::string(dir) + "/err";
    std::string cmd = "'" + kBinary + "' " + args + " >'" + out + "' 2>'" + err + "'";
    int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::remove(out.c_str());
    std::remove(err.c_str());
    rmdir(dir);
    return r;
}

std::string vector_path(const std::string& name) { return "'" + kVectors + "/" + name + "'"; }

void expect_result(const std::string& name) {
    Run r = tally(vector_path(name + ".json"));
    BOOST_TEST(r.status == 0, name << ": " << r.err);
    Json expected = Json::parse(slurp(kVectors + "/" + name + ".expected.json"));
    BOOST_TEST(Json::parse(r.out, nullptr, false) == expected, name << " printed " << r.out);
}

void expect_refusal(const std::string& name, const std::string& code, const std::string& where) {
    Run r = tally(vector_path(name + ".json"));
    BOOST_TEST(r.status == 2, name);
    BOOST_TEST(r.out.empty(), name);
    BOOST_TEST(r.err.find(code) != std::string::npos, name << " said " << r.err);
    BOOST_TEST(r.err.find(where) != std::string::npos, name << " said " << r.err);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tally_cli)

BOOST_AUTO_TEST_CASE(published_elections_recount_to_their_known_results) {
    expect_result("schulze_45_voters");   // E; E > A > C > B > D
    expect_result("tennessee_irv");       // Knoxville after Chattanooga and Nashville go
    expect_result("tennessee_schulze");   // Nashville, the Condorcet winner
}

BOOST_AUTO_TEST_CASE(preset_boundaries_recount_exactly) {
    expect_result("owners_major_exactly_three_quarters");  // 2/3 to take part, 3/4 to pass: passed
    expect_result("owners_major_one_square_metre_short");  // 599.00 of 800.00 m²: failed
    expect_result("representatives_exactly_half_yes");     // 2/3 present, 1/2 yes: failed
    expect_result("council_deferred");                     // 11 to 9 within 1/10: deferred
}

BOOST_AUTO_TEST_CASE(every_other_method_recounts) {
    expect_result("single");
    expect_result("approval_tie");  // a tie names both winners
    expect_result("budget");        // the lift does not fit what is left: skipped
    expect_result("empty");         // no ballots: no winner
}

BOOST_AUTO_TEST_CASE(a_dash_reads_the_bulletin_from_standard_input) {
    Run r = tally("- <" + vector_path("tennessee_irv.json"));
    BOOST_TEST(r.status == 0);
    BOOST_TEST(Json::parse(r.out, nullptr, false) ==
               Json::parse(slurp(kVectors + "/tennessee_irv.expected.json")));
}

BOOST_AUTO_TEST_CASE(malformed_bulletins_exit_with_status_2_naming_the_problem) {
    expect_refusal("bad_unknown_option", "unknown_option", "ballots[1].choice");
    expect_refusal("bad_unknown_preset", "unknown_preset", "owners_special");
    expect_refusal("bad_decimal", "bad_decimal", "88.205");
    expect_refusal("bad_negative_count", "negative_count", "ballots[0].count");
    expect_refusal("bad_present_too_small", "present_too_small", "4 < 5");
}

BOOST_AUTO_TEST_CASE(unreadable_input_exits_with_status_2) {
    BOOST_TEST(tally("- </dev/null").status == 2);  // empty: not JSON
    BOOST_TEST(tally("'" + kVectors + "/no-such-file.json'").status == 2);
    BOOST_TEST(tally("").status == 2);  // no argument: usage
}

BOOST_AUTO_TEST_SUITE_END()
