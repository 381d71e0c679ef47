#pragma once

#include <cstddef>
#include <string>

namespace latent {

// One of `count` contiguous slices of a dataset's rows, for cluster jobs that each encode
// one: shards 0..count-1, concatenated in order, are the whole dataset.
struct Shard {
    std::size_t index = 0;
    std::size_t count = 1;
    // Boundaries fall on multiples of this many rows: the encoder's batch, so a shard's
    // batches are the whole run's and its latents match it bit for bit.
    std::size_t block = 1;
};

struct RowRange {
    std::size_t first = 0;
    std::size_t last = 0;  // one past the end
    std::size_t size() const { return last - first; }
};

// The rows of `shard` among `total`: whole blocks, their counts differing by at most one
// between shards (the last block may be short). Throws Error(InvalidArgument) when there
// are more shards than blocks, whichever shard is asked for.
RowRange shardRows(std::size_t total, const Shard& shard);

// "K/N" with 0 <= K < N (e.g. a Slurm array index over N tasks), block 1. Throws
// Error(InvalidArgument) with the expected form otherwise.
Shard parseShard(const std::string& spec);

}  // namespace latent
