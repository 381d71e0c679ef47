#include "latent/core/ProjectionQuality.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "latent/core/ThreadTeam.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

void check(const LatentBatch& high, const LatentBatch& low, std::size_t k, std::size_t maxK,
           std::size_t sampleSize, const char* what) {
    auto refuse = [&](const std::string& message) {
        throw Error(ErrorKind::InvalidArgument, std::string(what) + ": " + message);
    };
    if (high.count != low.count) {
        refuse("the data has " + std::to_string(high.count) + " points but the layout " +
               std::to_string(low.count));
    }
    if (high.dim == 0 || low.dim == 0) refuse("points have no coordinates");
    if (k < 1 || k >= maxK) {
        refuse("k = " + std::to_string(k) + " needs 1 <= k < " + std::to_string(maxK) + " for " +
               std::to_string(high.count) + " points");
    }
    if (sampleSize == 0) refuse("needs at least one query point");
    for (const LatentBatch* batch : {&high, &low}) {
        for (float v : batch->values) {
            if (!std::isfinite(v)) refuse("the input has NaN or infinite values");
        }
    }
}

// The query points: all of them, or a seeded sample (partial Fisher-Yates shuffle).
std::vector<std::size_t> queries(std::size_t n, std::size_t sampleSize, std::uint64_t seed) {
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    if (sampleSize >= n) return all;
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < sampleSize; ++i) std::swap(all[i], all[i + rng() % (n - i)]);
    all.resize(sampleSize);
    std::sort(all.begin(), all.end());
    return all;
}

// Squared distances from row i to every row (itself: +infinity).
void distancesFrom(const LatentBatch& data, std::size_t i, std::vector<double>& out) {
    out.resize(data.count);
    const auto a = data.row(i);
    for (std::size_t j = 0; j < data.count; ++j) {
        const auto b = data.row(j);
        double d2 = 0.0;
        for (std::size_t c = 0; c < data.dim; ++c) {
            const double delta = static_cast<double>(a[c]) - b[c];
            d2 += delta * delta;
        }
        out[j] = d2;
    }
    out[i] = std::numeric_limits<double>::infinity();
}

// The k nearest indices by `d`, nearest first, ties broken by index.
std::vector<std::size_t> nearest(const std::vector<double>& d, std::size_t k) {
    std::vector<std::size_t> idx(d.size());
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    auto closer = [&](std::size_t a, std::size_t b) {
        return d[a] < d[b] || (d[a] == d[b] && a < b);
    };
    std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(), closer);
    idx.resize(k);
    return idx;
}

// Runs score(i, highDistances, lowDistances) for every query and returns the scores'
// sum, added up in query order.
template <typename Score>
double sumOverQueries(const LatentBatch& high, const LatentBatch& low,
                      const std::vector<std::size_t>& q, int threads, Score score) {
    std::vector<double> scores(q.size());
    ThreadTeam team(threads);
    auto body = [&](std::size_t m) {
        std::vector<double> dHigh, dLow;
        distancesFrom(high, q[m], dHigh);
        distancesFrom(low, q[m], dLow);
        scores[m] = score(dHigh, dLow);
    };
    team.parallelFor(q.size(), 8, body);
    return std::accumulate(scores.begin(), scores.end(), 0.0);
}

}  // namespace

double trustworthiness(const LatentBatch& high, const LatentBatch& low, std::size_t k,
                       std::size_t sampleSize, std::uint64_t seed, int threads) {
    check(high, low, k, (high.count + 1) / 2, sampleSize, "trustworthiness");
    const std::size_t n = high.count;
    const auto q = queries(n, sampleSize, seed);
    const double penalty =
        sumOverQueries(high, low, q, threads,
                       [&](const std::vector<double>& dHigh, const std::vector<double>& dLow) {
                           // The rank of j in the data (1 = nearest) is one more than the points
                           // closer than it.
                           double sum = 0.0;
                           for (std::size_t j : nearest(dLow, k)) {
                               std::size_t closer = 0;
                               for (std::size_t l = 0; l < n; ++l)
                                   closer += dHigh[l] < dHigh[j] || (dHigh[l] == dHigh[j] && l < j);
                               if (closer + 1 > k) sum += static_cast<double>(closer + 1 - k);
                           }
                           return sum;
                       });
    const double kd = static_cast<double>(k);
    const double norm =
        static_cast<double>(q.size()) * kd * (2.0 * static_cast<double>(n) - 3.0 * kd - 1.0);
    return 1.0 - 2.0 * penalty / norm;
}

double knnPreservation(const LatentBatch& high, const LatentBatch& low, std::size_t k,
                       std::size_t sampleSize, std::uint64_t seed, int threads) {
    check(high, low, k, high.count, sampleSize, "k-NN preservation");
    const auto q = queries(high.count, sampleSize, seed);
    const double kept =
        sumOverQueries(high, low, q, threads,
                       [&](const std::vector<double>& dHigh, const std::vector<double>& dLow) {
                           auto inHigh = nearest(dHigh, k), inLow = nearest(dLow, k);
                           std::sort(inHigh.begin(), inHigh.end());
                           std::sort(inLow.begin(), inLow.end());
                           std::vector<std::size_t> both;
                           std::set_intersection(inHigh.begin(), inHigh.end(), inLow.begin(),
                                                 inLow.end(), std::back_inserter(both));
                           return static_cast<double>(both.size()) / static_cast<double>(k);
                       });
    return kept / static_cast<double>(q.size());
}

}  // namespace latent
