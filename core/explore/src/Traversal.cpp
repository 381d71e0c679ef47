#include "latent/core/Traversal.h"

#include <algorithm>

#include "latent/core/DecodeLatents.h"
#include "latent/core/Error.h"

namespace latent {

TraversalRange dataRange(const DimensionSummary& s, double sigmas) {
    return {s.mean - sigmas * s.stddev, s.mean + sigmas * s.stddev};
}

TraversalRange priorRange(double sigmas) { return {-sigmas, sigmas}; }

LatentBatch traversalLatents(std::span<const float> point, const std::vector<std::size_t>& dims,
                             std::size_t steps, const std::vector<TraversalRange>& ranges) {
    if (steps < 2) throw Error(ErrorKind::InvalidArgument, "a traversal needs at least 2 steps");
    if (dims.empty() || ranges.size() != dims.size()) {
        throw Error(ErrorKind::InvalidArgument, "a traversal needs one range per chosen dimension");
    }
    LatentBatch out(dims.size() * steps, point.size());
    for (std::size_t r = 0; r < dims.size(); ++r) {
        if (dims[r] >= point.size()) {
            throw Error(ErrorKind::InvalidArgument, "dimension " + std::to_string(dims[r]) +
                                                        " does not exist in a " +
                                                        std::to_string(point.size()) + "-d latent");
        }
        for (std::size_t c = 0; c < steps; ++c) {
            auto row = out.row(r * steps + c);
            std::copy(point.begin(), point.end(), row.begin());
            const double f = static_cast<double>(c) / static_cast<double>(steps - 1);
            row[dims[r]] = static_cast<float>(ranges[r].low + f * (ranges[r].high - ranges[r].low));
        }
    }
    return out;
}

Raster decodeToGrid(const DecodeFn& decode, const LatentBatch& latents, int columns, int scale) {
    return makeGrid(decode(latents), columns, scale, 2);
}

}  // namespace latent
