#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <span>
#include <vector>

namespace latent {

// N latent vectors of dimension D, row-major. Also used for any N x D float matrix
// (projected coordinates are a LatentBatch with D = 2 or 3).
struct LatentBatch {
    std::size_t count = 0;
    std::size_t dim = 0;
    std::vector<float> values;

    LatentBatch() = default;
    LatentBatch(std::size_t n, std::size_t d) : count(n), dim(d), values(n * d, 0.0f) {}

    std::span<float> row(std::size_t i) {
        assert(i < count && "LatentBatch::row out of range");
        return {values.data() + i * dim, dim};
    }
    std::span<const float> row(std::size_t i) const {
        assert(i < count && "LatentBatch::row out of range");
        return {values.data() + i * dim, dim};
    }
};

// The rows `items` of `batch`, in that order.
inline LatentBatch rowsOf(const LatentBatch& batch, const std::vector<std::size_t>& items) {
    LatentBatch rows(items.size(), batch.dim);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const auto row = batch.row(items[k]);
        std::copy(row.begin(), row.end(), rows.row(k).begin());
    }
    return rows;
}

// `t` of the way from `from` to `to`, value by value (both of one shape), into `out`, which
// keeps its buffer: a map's frames between two layouts of the same points.
inline void blendInto(const LatentBatch& from, const LatentBatch& to, float t, LatentBatch& out) {
    assert(from.values.size() == to.values.size() && "blendInto: layouts of different shapes");
    out.count = to.count;
    out.dim = to.dim;
    out.values.resize(to.values.size());
    for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = from.values[i] + t * (to.values[i] - from.values[i]);
}

}  // namespace latent
