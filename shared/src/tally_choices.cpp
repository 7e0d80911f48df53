// Counting picks among named options: single choice, approval and participatory budget.
#include <algorithm>
#include <numeric>

#include "yishi/methods.hpp"

namespace yishi {

namespace {
CountResult count_picks(std::size_t n, const std::vector<Picks>& ballots) {
    CountResult r;
    r.counts.assign(n, 0);
    for (const auto& b : ballots)
        for (std::size_t o : b.options) r.counts[o] += b.count;
    std::int64_t top = 0;
    for (std::int64_t c : r.counts) top = std::max(top, c);
    // No vote for anything elects nobody, rather than every option at zero.
    for (std::size_t o = 0; o < n && top > 0; ++o)
        if (r.counts[o] == top) r.winners.push_back(o);
    return r;
}
}  // namespace

// Single choice and approval count alike; they differ in what a valid ballot is (one pick, or up
// to max_choices), which the bulletin checks.
CountResult tally_single(std::size_t n_options, const std::vector<Picks>& ballots) {
    return count_picks(n_options, ballots);
}

CountResult tally_approval(std::size_t n_options, const std::vector<Picks>& ballots) {
    return count_picks(n_options, ballots);
}

BudgetResult tally_budget(const std::vector<std::int64_t>& costs_centi, std::int64_t budget_centi,
                          const std::vector<Picks>& ballots) {
    const std::size_t n = costs_centi.size();
    BudgetResult r;
    r.approvals = count_picks(n, ballots).counts;
    std::vector<std::size_t> by_approvals(n);
    std::iota(by_approvals.begin(), by_approvals.end(), std::size_t{0});
    // stable: equal approvals keep the options order, so the earlier-listed project goes first.
    std::stable_sort(by_approvals.begin(), by_approvals.end(), [&](std::size_t a, std::size_t b) {
        return r.approvals[a] > r.approvals[b];
    });
    std::vector<bool> funded(n, false);
    std::int64_t left = budget_centi;
    for (std::size_t o : by_approvals) {
        if (r.approvals[o] == 0 || costs_centi[o] > left) continue;  // skip, keep going
        left -= costs_centi[o];
        r.spent_centi += costs_centi[o];
        funded[o] = true;
        r.funded.push_back(o);
    }
    for (std::size_t o = 0; o < n; ++o)
        if (!funded[o]) r.unfunded.push_back(o);
    return r;
}

}  // namespace yishi
