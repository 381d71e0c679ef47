#pragma once

#include <cstddef>
#include <cstdint>

#include "latent/core/LatentBatch.h"

namespace latent {

// How faithfully a layout (`low`, e.g. a 2-D map) keeps the neighbourhoods of the data it
// was made from (`high`, same number of rows). Distances are Euclidean in both spaces and
// neighbours are exact (brute force). For large inputs the score is averaged over
// `sampleSize` query points drawn with `seed`; with sampleSize >= N every point is a
// query and the score is exact. Each query is independent, so the result does not depend
// on `threads`. Throws Error(InvalidArgument) for mismatched sizes, NaN/Inf, k out of
// range or sampleSize 0.

// Trustworthiness (Venna & Kaski 2001), as sklearn.manifold.trustworthiness:
// 1 - 2 / (n k (2N - 3k - 1)) * sum over queries i of sum over j among i's k nearest in
// the layout but not in the data of (rank of j among i's neighbours in the data - k),
// with n the number of queries. 1 means no false neighbours. Needs k < N / 2.
double trustworthiness(const LatentBatch& high, const LatentBatch& low, std::size_t k,
                       std::size_t sampleSize, std::uint64_t seed, int threads);

// Mean over queries of the fraction of a point's k nearest neighbours in the data that
// are also among its k nearest in the layout. Needs k < N.
double knnPreservation(const LatentBatch& high, const LatentBatch& low, std::size_t k,
                       std::size_t sampleSize, std::uint64_t seed, int threads);

}  // namespace latent
