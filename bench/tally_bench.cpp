// Times recounting large bulletins: 1,000,000 yes/no ballots and 100,000 ranked ballots over 10
// options, each ballot its own entry (no `count` shortcut), from JSON text to result.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "yishi/bulletin.hpp"

namespace {
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string yes_no_bulletin(int n, std::mt19937_64& rng) {
    const char* choices[] = {"yes", "no", "abstain"};
    Json ballots = Json::array();
    for (int i = 0; i < n; ++i)
        ballots.push_back({{"choice", choices[rng() % 3]}, {"receipt", "R" + std::to_string(i)}});
    Json b = {{"method", "yes_no"}, {"rule", "residents_meeting"},
              {"electorate", {{"members", n}}}, {"ballots", ballots}};
    return b.dump();
}

std::string ranked_bulletin(const char* method, int n, int options, std::mt19937_64& rng) {
    Json names = Json::array();
    for (int o = 0; o < options; ++o) names.push_back(std::string(1, static_cast<char>('A' + o)));
    Json ballots = Json::array();
    std::vector<int> perm(options);
    for (int i = 0; i < n; ++i) {
        for (int o = 0; o < options; ++o) perm[o] = o;
        std::shuffle(perm.begin(), perm.end(), rng);
        Json ranking = Json::array();
        int listed = 1 + static_cast<int>(rng() % options);  // truncated rankings too
        for (int k = 0; k < listed; ++k) ranking.push_back(Json::array({names[perm[k]]}));
        ballots.push_back({{"ranking", ranking}});
    }
    Json b = {{"method", method}, {"options", names}, {"ballots", ballots}};
    return b.dump();
}

void time_tally(const char* label, const std::string& text) {
    auto t0 = Clock::now();
    auto parsed = yishi::parse_bulletin_text(text);
    double parse_s = seconds_since(t0);
    if (!parsed) {
        std::printf("%s: refused: %s\n", label, parsed.error().message.c_str());
        return;
    }
    auto t1 = Clock::now();
    Json result = yishi::tally_bulletin(parsed.value());
    double tally_s = seconds_since(t1);
    std::printf("%-34s read+check %7.3f s   tally %7.3f s   total %7.3f s\n", label, parse_s,
                tally_s, parse_s + tally_s);
}
}  // namespace

int main() {
    std::mt19937_64 rng(20261122);  // fixed seed: the same bulletins on every run
    time_tally("1,000,000 yes/no ballots", yes_no_bulletin(1'000'000, rng));
    std::string ranked_schulze = ranked_bulletin("schulze", 100'000, 10, rng);
    time_tally("100,000 ranked ballots, Schulze", ranked_schulze);
    std::string ranked_irv = ranked_bulletin("irv", 100'000, 10, rng);
    time_tally("100,000 ranked ballots, IRV", ranked_irv);
    return 0;
}
