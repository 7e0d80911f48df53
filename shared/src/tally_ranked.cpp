// Ranked ballots: Schulze by winning votes and instant-runoff with its documented elimination rule.
#include <algorithm>

#include "yishi/methods.hpp"

namespace yishi {

namespace {
using Matrix = std::vector<std::vector<std::int64_t>>;

// rank[o]: the index of o's group; unlisted options share the rank after the last group.
// Into `rank`, reused from ballot to ballot: a count runs over every ballot, round after round.
void ranks_of(std::size_t n, const Ranking& b, std::vector<std::size_t>& rank) {
    rank.assign(n, b.groups.size());
    for (std::size_t g = 0; g < b.groups.size(); ++g)
        for (std::size_t o : b.groups[g]) rank[o] = g;
}

// d[X][Y]: the number of voters who rank X above Y.
Matrix pairwise(std::size_t n, const std::vector<Ranking>& ballots) {
    Matrix d(n, std::vector<std::int64_t>(n, 0));
    std::vector<std::size_t> rank;
    for (const auto& b : ballots) {
        if (b.groups.empty() || b.count == 0) continue;  // blank: no preference at all
        ranks_of(n, b, rank);
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y)
                if (rank[x] < rank[y]) d[x][y] += b.count;
    }
    return d;
}

// p[X][Y]: the strength of the strongest path from X to Y, a path being as strong as its weakest
// link (Floyd–Warshall over the widest-path semiring).
Matrix strongest_paths(const Matrix& d) {
    const std::size_t n = d.size();
    Matrix p(n, std::vector<std::int64_t>(n, 0));
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y)
            if (x != y && d[x][y] > d[y][x]) p[x][y] = d[x][y];
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t x = 0; x < n; ++x)
            for (std::size_t y = 0; y < n; ++y)
                if (x != y && x != k && y != k) p[x][y] = std::max(p[x][y], std::min(p[x][k], p[k][y]));
    return p;
}
}  // namespace

SchulzeResult tally_schulze(std::size_t n_options, const std::vector<Ranking>& ballots) {
    Matrix d = pairwise(n_options, ballots);
    Matrix p = strongest_paths(d);
    SchulzeResult r;
    std::vector<bool> placed(n_options, false);
    for (std::size_t left = n_options; left > 0;) {
        std::vector<std::size_t> group;
        for (std::size_t x = 0; x < n_options; ++x) {
            if (placed[x]) continue;
            bool beaten = false;
            for (std::size_t y = 0; y < n_options && !beaten; ++y)
                beaten = !placed[y] && p[y][x] > p[x][y];
            if (!beaten) group.push_back(x);
        }
        // Schulze's relation is transitive, so some option is always unbeaten; guard anyway.
        if (group.empty())
            for (std::size_t x = 0; x < n_options; ++x)
                if (!placed[x]) group.push_back(x);
        for (std::size_t x : group) placed[x] = true;
        left -= group.size();
        r.order.push_back(std::move(group));
    }
    bool any_preference = false;
    for (const auto& row : d)
        for (std::int64_t v : row) any_preference = any_preference || v > 0;
    if (any_preference && !r.order.empty()) r.winners = r.order.front();
    return r;
}

IrvResult tally_irv(std::size_t n_options, const std::vector<Ranking>& ballots) {
    IrvResult r;
    std::vector<bool> continuing(n_options, true);
    std::size_t left = n_options;
    while (left > 0) {
        IrvRound round;
        round.counts.assign(n_options, 0);
        round.continuing = continuing;
        std::int64_t total = 0;
        std::vector<std::size_t> rank;
        for (const auto& b : ballots) {
            // The best group with a continuing option; unlisted options form the last group.
            ranks_of(n_options, b, rank);
            std::size_t best_rank = b.groups.size() + 1, best = 0, at_best = 0;
            for (std::size_t o = 0; o < n_options; ++o) {
                if (!continuing[o] || rank[o] > best_rank) continue;
                if (rank[o] < best_rank) {
                    best = o;
                    best_rank = rank[o];
                    at_best = 0;
                }
                ++at_best;
            }
            if (at_best != 1) continue;  // an equal-ranked tie is not split: counts for none
            round.counts[best] += b.count;
            total += b.count;
        }
        if (total == 0) {  // nothing counted (no ballots, or only blanks and ties): no winner
            r.rounds.push_back(std::move(round));
            break;
        }
        std::optional<std::size_t> winner;
        for (std::size_t o = 0; o < n_options; ++o)
            if (continuing[o] && (left == 1 || round.counts[o] * 2 > total)) winner = o;
        if (winner) {
            r.winners.push_back(*winner);
            r.rounds.push_back(std::move(round));
            break;
        }
        // Eliminate: fewest votes; then fewest in the previous round; then listed later.
        const IrvRound* prev = r.rounds.empty() ? nullptr : &r.rounds.back();
        std::optional<std::size_t> out;
        for (std::size_t o = 0; o < n_options; ++o) {
            if (!continuing[o]) continue;
            if (!out) { out = o; continue; }
            std::int64_t c = round.counts[o], best = round.counts[*out];
            bool fewer = c < best;
            if (c == best) {
                std::int64_t pc = prev ? prev->counts[o] : 0, pb = prev ? prev->counts[*out] : 0;
                fewer = pc <= pb;  // equal again: o is listed later, so it goes first
            }
            if (fewer) out = o;
        }
        round.eliminated = out;
        continuing[*out] = false;
        --left;
        r.rounds.push_back(std::move(round));
    }
    return r;
}

}  // namespace yishi
