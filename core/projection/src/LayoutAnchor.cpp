#include "latent/core/LayoutAnchor.h"

#include <cmath>

#include "AnchorShape.h"
#include "latent/core/Error.h"

namespace latent {

void checkLayoutAnchor(const LayoutAnchor& anchor, std::size_t count, int dims, const std::string& method) {
    if (!anchor.given()) return;
    const LatentBatch& layout = *anchor.layout;
    if (layout.count != count || layout.dim != static_cast<std::size_t>(dims)) {
        throw Error(ErrorKind::InvalidArgument,
                    method + ": the anchor layout has " + std::to_string(layout.count) + " points of " +
                        std::to_string(layout.dim) + " values; the map needs " + std::to_string(count) + " of " +
                        std::to_string(dims));
    }
    for (const float v : layout.values) {
        if (!std::isfinite(v)) throw Error(ErrorKind::InvalidArgument, method + ": the anchor layout has NaN or Inf");
    }
    if (!(anchor.weight >= 0.0) || !std::isfinite(anchor.weight)) {
        throw Error(ErrorKind::InvalidArgument,
                    method + ": the anchor weight must be a finite number of 0 or more, not " +
                        std::to_string(anchor.weight));
    }
}

namespace detail {

Spread spreadOf(const std::vector<float>& layout, int dims) {
    const auto d = static_cast<std::size_t>(dims);
    const std::size_t n = layout.size() / d;
    Spread spread;
    if (n == 0) return spread;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t c = 0; c < d; ++c) spread.centre[c] += layout[i * d + c];
    for (std::size_t c = 0; c < d; ++c) spread.centre[c] /= static_cast<double>(n);
    double sumSquares = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < d; ++c) {
            const double x = layout[i * d + c] - spread.centre[c];
            sumSquares += x * x;
        }
    }
    spread.rms = std::sqrt(sumSquares / static_cast<double>(n));
    return spread;
}

std::vector<float> unitShape(const std::vector<float>& layout, int dims) {
    const auto d = static_cast<std::size_t>(dims);
    const Spread spread = spreadOf(layout, dims);
    const double scale = spread.rms > 0.0 ? 1.0 / spread.rms : 0.0;
    std::vector<float> shape(layout.size());
    for (std::size_t i = 0; i < layout.size(); ++i) {
        shape[i] = static_cast<float>((layout[i] - spread.centre[i % d]) * scale);
    }
    return shape;
}

}  // namespace detail
}  // namespace latent
