#pragma once

// Rows prepared for a neighbour metric: the cosine metric works on unit-length rows, so
// that 1 - dot is the cosine distance. Shared by the HNSW index and NN-descent.
#include <cmath>
#include <span>

#include "latent/core/Error.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/LatentBatch.h"

namespace latent::detail {

inline void normaliseRow(std::span<float> row) {
    double norm = 0.0;
    for (float v : row) norm += static_cast<double>(v) * v;
    const float scale = norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (float& v : row) v *= scale;
}

// A copy of `data` ready for `metric`; throws Error(InvalidArgument) for empty, NaN or Inf input.
inline LatentBatch rowsForMetric(const LatentBatch& data, Metric metric) {
    if (data.count == 0 || data.dim == 0)
        throw Error(ErrorKind::InvalidArgument, "nothing to index");
    for (float v : data.values) {
        if (!std::isfinite(v))
            throw Error(ErrorKind::InvalidArgument, "neighbour search input has NaN or Inf");
    }
    LatentBatch rows = data;
    if (metric == Metric::Cosine) {
        for (std::size_t i = 0; i < rows.count; ++i) normaliseRow(rows.row(i));
    }
    return rows;
}

}  // namespace latent::detail
