// Properties over random bulletins from a fixed-seed PRNG (reproducible): the order of ballots
// never matters; splitting a `count` into single ballots never changes a result; a Condorcet
// winner always wins Schulze.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "yishi/bulletin.hpp"
#include "yishi/decimal.hpp"

using namespace yishi;
using Json = nlohmann::json;

namespace {
constexpr int kRuns = 300;
const char* kMethods[] = {"yes_no", "single", "approval", "schulze", "irv", "budget"};
const char* kPresets[] = {"residents_meeting",      "villagers_meeting", "villagers_meeting_households",
                          "villager_representatives", "owners_ordinary",   "owners_major",
                          "council_default"};

struct Gen {
    std::mt19937_64 rng{20261122};
    int below(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }

    Json options(int n) {
        Json o = Json::array();
        for (int i = 0; i < n; ++i) o.push_back(std::string("项目") + static_cast<char>('A' + i));
        return o;
    }

    // A random subset of the options, in random order.
    Json subset(const Json& opts, int max) {
        std::vector<int> idx(opts.size());
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<int>(i);
        std::shuffle(idx.begin(), idx.end(), rng);
        Json out = Json::array();
        int k = below(max + 1);
        for (int i = 0; i < k; ++i) out.push_back(opts[idx[i]]);
        return out;
    }

    Json ranking(const Json& opts) {
        Json listed = subset(opts, static_cast<int>(opts.size()));
        Json groups = Json::array();
        for (const auto& o : listed) {
            if (!groups.empty() && below(4) == 0) groups.back().push_back(o);  // equal rank
            else groups.push_back(Json::array({o}));
        }
        return groups;
    }

    Json bulletin(const std::string& method) {
        int n_options = 2 + below(4);
        Json opts = options(n_options);
        Json j = {{"method", method}};
        if (method != "yes_no") j["options"] = opts;
        Json ballots = Json::array();
        int entries = below(12);
        std::int64_t total = 0, area = 0;
        bool owners = false;
        if (method == "yes_no") {
            j["rule"] = kPresets[below(7)];
            owners = j["rule"].get<std::string>().rfind("owners", 0) == 0;
        }
        for (int e = 0; e < entries; ++e) {
            Json b = {{"count", below(5)}};
            total += b["count"].get<int>();
            if (method == "yes_no") {
                b["choice"] = std::vector<std::string>{"yes", "no", "abstain"}[below(3)];
                std::int64_t a = 3000 + below(20000);
                if (owners) b["area"] = format_hundredths(a);
                area += a * b["count"].get<int>();
            } else if (method == "single") {
                b["choice"] = opts[below(n_options)];
            } else if (method == "approval" || method == "budget") {
                b["approve"] = subset(opts, n_options);
            } else {
                b["ranking"] = ranking(opts);
            }
            ballots.push_back(b);
        }
        j["ballots"] = ballots;
        if (method == "yes_no") {
            j["electorate"] = {{"members", total + 2 + below(10)}, {"households", total + 2 + below(10)},
                               {"owners", total + below(4)}, {"area", format_hundredths(area + below(30000))}};
            if (!owners && below(2)) j["present"] = total + below(3);
            if (below(2)) j["defer_margin"] = {{"num", below(3)}, {"den", 3 + below(5)}};
        }
        if (method == "budget") {
            j["budget"] = format_hundredths(1000 + below(100000));
            Json costs = Json::object();
            for (const auto& o : opts) costs[o.get<std::string>()] = format_hundredths(below(60000));
            j["costs"] = costs;
        }
        return j;
    }
};

Json recount(const Json& j) {
    auto b = parse_bulletin(j);
    BOOST_REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().message) << " in " << j.dump());
    return tally_bulletin(b.value());
}

// Every entry with count n becomes n entries of count 1.
Json split_counts(const Json& j) {
    Json out = j;
    Json ballots = Json::array();
    for (auto b : j["ballots"]) {
        int n = b["count"].get<int>();
        b.erase("count");
        for (int i = 0; i < n; ++i) ballots.push_back(b);
    }
    out["ballots"] = ballots;
    return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(properties)

BOOST_AUTO_TEST_CASE(the_order_of_ballots_never_changes_a_result) {
    Gen g;
    for (int run = 0; run < kRuns; ++run) {
        for (const char* m : kMethods) {
            Json j = g.bulletin(m);
            Json shuffled = j;
            std::vector<Json> v(j["ballots"].begin(), j["ballots"].end());
            std::shuffle(v.begin(), v.end(), g.rng);
            shuffled["ballots"] = v;
            BOOST_TEST(recount(j) == recount(shuffled), j.dump());
        }
    }
}

BOOST_AUTO_TEST_CASE(splitting_a_count_into_single_ballots_never_changes_a_result) {
    Gen g;
    for (int run = 0; run < kRuns; ++run)
        for (const char* m : kMethods) {
            Json j = g.bulletin(m);
            BOOST_TEST(recount(j) == recount(split_counts(j)), j.dump());
        }
}

BOOST_AUTO_TEST_CASE(a_condorcet_winner_always_wins_schulze) {
    Gen g;
    int with_condorcet_winner = 0;
    for (int run = 0; run < 3 * kRuns; ++run) {
        Json j = g.bulletin("schulze");
        auto b = parse_bulletin(j);
        BOOST_REQUIRE(b.ok());
        const auto& bl = b.value();
        const std::size_t n = bl.options.size();
        // d[x][y] straight from the ballots, independently of the method's own code.
        std::vector<std::vector<std::int64_t>> d(n, std::vector<std::int64_t>(n, 0));
        for (const auto& r : bl.rankings) {
            std::vector<std::size_t> rank(n, r.groups.size());
            for (std::size_t gi = 0; gi < r.groups.size(); ++gi)
                for (std::size_t o : r.groups[gi]) rank[o] = gi;
            for (std::size_t x = 0; x < n; ++x)
                for (std::size_t y = 0; y < n; ++y)
                    if (rank[x] < rank[y]) d[x][y] += r.count;
        }
        for (std::size_t x = 0; x < n; ++x) {
            bool beats_all = true;
            for (std::size_t y = 0; y < n; ++y)
                if (y != x && d[x][y] <= d[y][x]) beats_all = false;
            if (!beats_all) continue;
            ++with_condorcet_winner;
            BOOST_TEST(tally_bulletin(bl)["winners"] == Json::array({bl.options[x]}), j.dump());
        }
    }
    BOOST_TEST(with_condorcet_winner > kRuns / 2);  // the property was really exercised
}

BOOST_AUTO_TEST_SUITE_END()
