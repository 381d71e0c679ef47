#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/NumericArray.h"

namespace latent {

// Projected coordinates as CSV: a header "index,x,y[,z]" (or d0..dN-1 beyond 3 columns),
// then one row per point with shortest round-trip floats. Atomic. Throws Error(Io).
void writeCoordinatesCsv(const std::filesystem::path& path, const LatentBatch& coords);

// A selection as an index list: one 0-based index per line, in the given order.
void writeIndexList(const std::filesystem::path& path, const std::vector<std::size_t>& indices);

}  // namespace latent
