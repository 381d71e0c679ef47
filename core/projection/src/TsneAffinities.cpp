#include "TsneAffinities.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "latent/core/ThreadTeam.h"

namespace latent {
namespace {

// Fills p (k values) with exp(-beta * d) normalised, for the beta whose entropy is
// log(perplexity). `d` is already shifted so its smallest value is 0, which leaves the
// normalised distribution unchanged and keeps exp() from underflowing for far data.
void calibrateRow(const double* d, std::size_t k, double targetEntropy, double* p) {
    constexpr int kSteps = 100;
    constexpr double kTolerance = 1e-5;
    double mean = 0.0;
    for (std::size_t j = 0; j < k; ++j) mean += d[j];
    mean /= static_cast<double>(k);
    double beta = mean > 0.0 ? 1.0 / mean : 1.0;
    double low = 0.0, high = std::numeric_limits<double>::infinity();
    for (int step = 0; step < kSteps; ++step) {
        double sum = 0.0, weighted = 0.0;
        for (std::size_t j = 0; j < k; ++j) {
            p[j] = std::exp(-beta * d[j]);
            sum += p[j];
            weighted += d[j] * p[j];
        }
        // Entropy of the normalised row: log(sum) + beta * E[d].
        const double entropy = std::log(sum) + beta * weighted / sum;
        const double error = entropy - targetEntropy;
        for (std::size_t j = 0; j < k; ++j) p[j] /= sum;
        if (std::abs(error) <= kTolerance) return;
        if (error > 0.0) {  // too flat: narrow the Gaussian
            low = beta;
            beta = std::isinf(high) ? beta * 2.0 : (beta + high) / 2.0;
        } else {
            high = beta;
            beta = (beta + low) / 2.0;
        }
    }
}

}  // namespace

std::size_t tsneNeighbourCount(std::size_t count, double perplexity) {
    const auto wanted = static_cast<std::size_t>(3.0 * perplexity) + 1;
    return std::min(count - 1, wanted);
}

SparseAffinities tsneAffinities(const KnnGraph& graph, double perplexity, Metric metric,
                                ThreadTeam& team) {
    const std::size_t n = graph.count, k = graph.k;
    const double targetEntropy = std::log(perplexity);
    std::vector<float> conditional(n * k);
    auto calibrate = [&](std::size_t i) {
        std::vector<double> d(k), p(k);
        const float* dist = graph.neighbourDistances(i);
        for (std::size_t j = 0; j < k; ++j) {
            d[j] = metric == Metric::Euclidean ? static_cast<double>(dist[j]) * dist[j] : dist[j];
        }
        const double nearest = *std::min_element(d.begin(), d.end());
        for (double& v : d) v -= nearest;
        calibrateRow(d.data(), k, targetEntropy, p.data());
        for (std::size_t j = 0; j < k; ++j) conditional[i * k + j] = static_cast<float>(p[j]);
    };
    team.parallelFor(n, 64, calibrate);

    // Symmetrise: row i gets its own k entries and every p_i|j pointing at it.
    SparseAffinities p;
    p.rowStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        p.rowStart[i + 1] += k;
        for (std::size_t m = 0; m < k; ++m) ++p.rowStart[graph.neighbours(i)[m] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) p.rowStart[i + 1] += p.rowStart[i];
    std::vector<std::pair<std::uint32_t, float>> entries(p.rowStart[n]);
    std::vector<std::size_t> fill(p.rowStart.begin(), p.rowStart.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t m = 0; m < k; ++m) {
            const std::uint32_t j = graph.neighbours(i)[m];
            const float v = conditional[i * k + m];
            entries[fill[i]++] = {j, v};
            entries[fill[j]++] = {static_cast<std::uint32_t>(i), v};
        }
    }
    // Sort each row by column and merge the pairs that came from both directions.
    std::vector<std::size_t> merged(n + 1, 0);
    auto mergeRow = [&](std::size_t i) {
        auto first = entries.begin() + static_cast<std::ptrdiff_t>(p.rowStart[i]);
        auto last = entries.begin() + static_cast<std::ptrdiff_t>(p.rowStart[i + 1]);
        std::sort(first, last);
        auto out = first;
        for (auto it = first; it != last; ++it) {
            if (out != first && (out - 1)->first == it->first) {
                (out - 1)->second += it->second;
            } else {
                *out++ = *it;
            }
        }
        merged[i + 1] = static_cast<std::size_t>(out - first);
    };
    team.parallelFor(n, 256, mergeRow);

    const double scale = 1.0 / (2.0 * static_cast<double>(n));
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) start[i + 1] = start[i] + merged[i + 1];
    p.columns.resize(start[n]);
    p.values.resize(start[n]);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t m = 0; m < merged[i + 1]; ++m) {
            const auto& [column, value] = entries[p.rowStart[i] + m];
            p.columns[start[i] + m] = column;
            p.values[start[i] + m] = static_cast<float>(value * scale);
        }
    }
    p.rowStart = std::move(start);
    return p;
}

}  // namespace latent
