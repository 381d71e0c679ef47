#include "latent/core/DimensionStats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "latent/core/Error.h"

namespace latent {

std::vector<DimensionSummary> summariseDimensions(const LatentBatch& means, const LatentBatch* logvars,
                                                  const DimensionStatsOptions& options) {
    if (means.count < 2) throw Error(ErrorKind::InvalidArgument, "dimension statistics need 2 or more latents");
    if (logvars && (logvars->count != means.count || logvars->dim != means.dim)) {
        throw Error(ErrorKind::InvalidArgument, "logvars do not match the latent means in shape");
    }
    const std::size_t n = means.count, d = means.dim;
    std::vector<DimensionSummary> out(d);
    for (std::size_t j = 0; j < d; ++j) {
        DimensionSummary& s = out[j];
        s.dimension = j;
        s.min = s.max = means.row(0)[j];
        double sum = 0.0, sumSq = 0.0, kl = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = means.row(i)[j];
            sum += v;
            sumSq += v * v;
            s.min = std::min(s.min, means.row(i)[j]);
            s.max = std::max(s.max, means.row(i)[j]);
            if (logvars) {
                const double lv = logvars->row(i)[j];
                kl += 0.5 * (v * v + std::exp(lv) - lv - 1.0);
            }
        }
        s.mean = sum / static_cast<double>(n);
        const double variance = std::max(0.0, (sumSq - sum * s.mean) / static_cast<double>(n - 1));
        s.stddev = std::sqrt(variance);
        s.importance = logvars ? kl / static_cast<double>(n) : variance;
        s.active = s.importance > options.activityThreshold;

        s.histogram.assign(std::max<std::size_t>(options.bins, 1), 0);
        const double lo = s.mean - 3.0 * s.stddev, width = 6.0 * s.stddev;
        for (std::size_t i = 0; i < n; ++i) {
            const double f = width > 0.0 ? (means.row(i)[j] - lo) / width : 0.5;
            if (f < 0.0 || f > 1.0) continue;  // beyond 3 sd: outside the slider range
            const auto bin = std::min(s.histogram.size() - 1, static_cast<std::size_t>(f * static_cast<double>(s.histogram.size())));
            ++s.histogram[bin];
        }
    }
    return out;
}

std::vector<std::size_t> rankDimensions(const std::vector<DimensionSummary>& summaries) {
    std::vector<std::size_t> order(summaries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return summaries[a].importance > summaries[b].importance;
    });
    return order;
}

}  // namespace latent
