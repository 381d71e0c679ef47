#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "latent/core/LatentBatch.h"
#include "latent/core/NumericArray.h"

namespace latent {

// TensorBoard projector vectors: one point per line, tab-separated finite numbers, every
// line the same length, no header. Throws Error(BadFormat) naming `where` and the line
// of the first problem (empty file, ragged row, non-numeric cell).
LatentBatch parseVectorsTsv(std::string_view text, const std::string& where);

// Reads a vectors TSV, refusing (TooLarge) a file above `limits.maxBytes` before reading.
LatentBatch readVectorsTsv(const std::filesystem::path& path, const ArrayReadLimits& limits = {});

// The vectors as TensorBoard writes them ('%g'-style shortest round-trip floats).
std::string encodeVectorsTsv(const LatentBatch& batch, char delimiter = '\t');

// Writes atomically. Throws Error(Io).
void writeVectorsTsv(const std::filesystem::path& path, const LatentBatch& batch);

}  // namespace latent
