#pragma once

#include <cstdint>
#include <vector>

#include "TsneAffinities.h"

namespace latent {

// Renumbering t-SNE's points so that each point's neighbours in P sit near it in memory:
// the attraction reads every neighbour's position every iteration, and in the input's
// order most of those reads miss the cache.

// A breadth-first order of P's graph (Cuthill-McKee without its degree sort): from point
// 0, each component from its first point in index order. order[r] is the point put at r.
std::vector<std::uint32_t> localityOrder(const SparseAffinities& p);

// P with its rows and columns renumbered by `order`: row r is row order[r] of p.
SparseAffinities renumbered(const SparseAffinities& p, const std::vector<std::uint32_t>& order);

}  // namespace latent
