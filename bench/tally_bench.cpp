// Times recounting large bulletins end to end, as a voter would: yishi-tally reading the file and
// printing the result, for 1,000,000 yes/no ballots and 100,000 ranked ballots over 10 options,
// each ballot its own entry (no `count` shortcut), keys and receipts in the order the server
// publishes them (bulletin_text: ballots last; receipts increasing). A last line shows the same
// bulletin with its keys sorted (as nlohmann writes them: ballots first) and receipts shuffled.
// Beside each: the target, and the same recount through a JSON tree (nlohmann's DOM), in process.
// Usage: yishi-bench-tally PATH-TO-yishi-tally
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "yishi/bulletin.hpp"

namespace {
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;
constexpr double kTargetSeconds = 0.2;
constexpr int kRuns = 3;  // the best of three, the machine being shared

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Receipts as the server makes them (10 characters of the invite alphabet), in the increasing
// order it publishes a secret ballot's contents in.
std::vector<std::string> receipts(int n, std::mt19937_64& rng) {
    const std::string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::vector<std::string> out(n, std::string(10, ' '));
    for (auto& r : out)
        for (char& c : r) c = alphabet[rng() % alphabet.size()];
    std::sort(out.begin(), out.end());
    return out;
}

// `sorted`: the keys in sorted order, as nlohmann writes them (ballots first).
std::string yes_no_bulletin(const std::vector<std::string>& receipts, std::mt19937_64& rng,
                            bool sorted = false) {
    const char* choices[] = {"yes", "no", "abstain"};
    std::string ballots = "\"ballots\":[";
    for (std::size_t i = 0; i < receipts.size(); ++i) {
        if (i) ballots += ',';
        ballots += "{\"choice\":\"" + std::string(choices[rng() % 3]) + "\",\"receipt\":\"" +
                   receipts[i] + "\"}";
    }
    ballots += "]";
    std::string header = "\"electorate\":{\"members\":" + std::to_string(receipts.size()) +
                         "},\"method\":\"yes_no\",\"rule\":\"residents_meeting\"";
    return "{" + (sorted ? ballots + "," + header : header + "," + ballots) + "}";
}

std::string ranked_bulletin(const char* method, int n, int options, std::mt19937_64& rng) {
    auto name = [](int o) { return "\"" + std::string(1, static_cast<char>('A' + o)) + "\""; };
    std::string t = "{\"method\":\"" + std::string(method) + "\",\"options\":[";
    for (int o = 0; o < options; ++o) t += (o ? "," : "") + name(o);
    t += "],\"ballots\":[";
    std::vector<int> perm(options);
    for (int i = 0; i < n; ++i) {
        for (int o = 0; o < options; ++o) perm[o] = o;
        std::shuffle(perm.begin(), perm.end(), rng);
        int listed = 1 + static_cast<int>(rng() % options);  // truncated rankings too
        t += i ? ",{\"ranking\":[" : "{\"ranking\":[";
        for (int k = 0; k < listed; ++k) t += (k ? ",[" : "[") + name(perm[k]) + "]";
        t += "]}";
    }
    return t + "]}";
}

// yishi-tally on the file: seconds (best of kRuns) and what it printed.
std::pair<double, std::string> run_tally(const std::string& tally, const std::string& file) {
    double best = 1e9;
    std::string out;
    for (int run = 0; run < kRuns; ++run) {
        auto t0 = Clock::now();
        FILE* p = popen(("'" + tally + "' '" + file + "' 2>&1").c_str(), "r");
        if (!p) return {0, "cannot run " + tally};
        out.clear();
        char buf[4096];
        for (std::size_t got; (got = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, got);
        int status = pclose(p);
        best = std::min(best, seconds_since(t0));
        if (status != 0) return {best, "refused: " + out};
    }
    return {best, out};
}

// The same recount through a JSON tree: read the file, parse it whole, check, count.
std::pair<double, std::string> tree_tally(const std::string& file) {
    auto t0 = Clock::now();
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto b = yishi::parse_bulletin(Json::parse(text.str()));
    if (!b) return {seconds_since(t0), "refused: " + b.error().message};
    std::string out = yishi::tally_bulletin(b.value()).dump(2) + "\n";
    return {seconds_since(t0), out};
}

void time_tally(const char* label, const std::string& tally, const std::string& text) {
    auto file = std::filesystem::temp_directory_path() / "yishi-bench-tally.json";
    std::ofstream(file, std::ios::binary) << text;
    auto [fast, fast_out] = run_tally(tally, file.string());
    auto [tree, tree_out] = tree_tally(file.string());
    std::filesystem::remove(file);
    std::printf("%-32s %5.1f MB  yishi-tally %6.3f s  (target %.1f s: %s)  via a JSON tree %6.3f s  %s\n",
                label, text.size() / 1e6, fast, kTargetSeconds, fast < kTargetSeconds ? "met" : "NOT met",
                tree, fast_out == tree_out ? "same result" : "RESULTS DIFFER");
    if (fast_out != tree_out) std::printf("yishi-tally:\n%s\ntree:\n%s\n", fast_out.c_str(), tree_out.c_str());
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: yishi-bench-tally PATH-TO-yishi-tally\n");
        return 2;
    }
    std::mt19937_64 rng(20261122);  // fixed seed: the same bulletins on every run
    std::printf("Recount end to end (yishi-tally FILE, best of %d), beside the same recount through a JSON tree:\n", kRuns);
    auto published = receipts(1'000'000, rng);
    time_tally("1,000,000 yes/no ballots", argv[1], yes_no_bulletin(published, rng));
    time_tally("100,000 ranked ballots, Schulze", argv[1], ranked_bulletin("schulze", 100'000, 10, rng));
    time_tally("100,000 ranked ballots, IRV", argv[1], ranked_bulletin("irv", 100'000, 10, rng));
    // Not as the server publishes it: the ballots are first skipped, then read once the header is
    // known; every receipt is looked up in a set.
    std::shuffle(published.begin(), published.end(), rng);
    time_tally("  keys sorted, receipts shuffled", argv[1], yes_no_bulletin(published, rng, true));
    return 0;
}
