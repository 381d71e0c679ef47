#include "latent/core/Continuity.h"

#include <algorithm>
#include <cmath>

#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr std::size_t kPathsPerBatch = 16;

double rmsChange(const Image& a, const Image& b) {
    double sum = 0.0;
    for (std::size_t p = 0; p < a.pixels.size(); ++p) {
        const double d = static_cast<double>(a.pixels[p]) - b.pixels[p];
        sum += d * d;
    }
    return std::sqrt(sum / static_cast<double>(std::max<std::size_t>(a.pixels.size(), 1)));
}

}  // namespace

Continuity measureContinuity(const LatentBatch& latents, const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                             std::size_t steps, const DecodeFn& decode, const ProgressFn& progress) {
    if (steps == 0) throw Error(ErrorKind::InvalidArgument, "continuity: a path needs 1 or more steps");
    Continuity result;
    result.steps = steps;
    const std::size_t points = steps + 1, dim = latents.dim;
    double rateSum = 0.0;
    std::size_t rateCount = 0;
    for (std::size_t first = 0; first < pairs.size(); first += kPathsPerBatch) {
        if (progress && !progress(static_cast<double>(first) / pairs.size(), "Decoding along latent paths")) {
            throw Error(ErrorKind::Cancelled, "cancelled");
        }
        const std::size_t paths = std::min(kPathsPerBatch, pairs.size() - first);
        LatentBatch path(paths * points, dim);
        std::vector<double> stepLength(paths);
        for (std::size_t p = 0; p < paths; ++p) {
            const auto a = latents.row(pairs[first + p].first), b = latents.row(pairs[first + p].second);
            double distance = 0.0;
            for (std::size_t d = 0; d < dim; ++d) distance += (static_cast<double>(b[d]) - a[d]) * (b[d] - a[d]);
            stepLength[p] = std::sqrt(distance) / static_cast<double>(steps);
            for (std::size_t s = 0; s < points; ++s) {
                const float t = static_cast<float>(s) / static_cast<float>(steps);
                for (std::size_t d = 0; d < dim; ++d) path.row(p * points + s)[d] = a[d] + t * (b[d] - a[d]);
            }
        }
        const std::vector<Image> images = decode(path);
        if (images.size() != path.count) throw Error(ErrorKind::Inference, "continuity: the decoder lost images");
        for (std::size_t p = 0; p < paths; ++p) {
            const auto begin = images.begin() + static_cast<std::ptrdiff_t>(p * points);
            const bool finite = std::none_of(begin, begin + static_cast<std::ptrdiff_t>(points),
                                             [](const Image& im) { return im.hadNonFinite; });
            if (!finite || stepLength[p] <= 0.0) {
                ++result.skippedPaths;
                continue;
            }
            double sum = 0.0, largest = 0.0;
            for (std::size_t s = 0; s < steps; ++s) {
                const double rate = rmsChange(begin[static_cast<std::ptrdiff_t>(s)], begin[static_cast<std::ptrdiff_t>(s + 1)]) /
                                    stepLength[p];
                sum += rate;
                largest = std::max(largest, rate);
            }
            rateSum += sum;
            rateCount += steps;
            result.pathMeanRate.push_back(sum / static_cast<double>(steps));
            result.pathLargestRate.push_back(largest);
            if (result.pathLargestRate.size() == 1 || largest > result.largestRate) {
                result.largestRate = largest;
                result.worstPath = first + p;
                result.worstStrip.assign(begin, begin + static_cast<std::ptrdiff_t>(points));
            }
        }
    }
    result.meanRate = rateCount > 0 ? rateSum / static_cast<double>(rateCount) : std::nan("");
    return result;
}

}  // namespace latent
