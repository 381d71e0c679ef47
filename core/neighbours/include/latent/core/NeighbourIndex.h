#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "latent/core/KnnGraph.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

struct Neighbour {
    std::uint32_t index = 0;
    float distance = 0.0f;  // Euclidean, or 1 - cosine similarity
    bool operator==(const Neighbour&) const = default;
};

// Answers "which rows are nearest to this vector?" for any query vector: exact (brute
// force) for small datasets, HNSW (hnswlib) above KnnOptions::exactBelow rows.
// Queries are thread-safe once built.
class NeighbourIndex {
public:
    // Throws Error(InvalidArgument) for empty or non-finite data; Cancelled on cancel.
    static NeighbourIndex build(const LatentBatch& data, const KnnOptions& options = {},
                                const ProgressFn& progress = {});

    NeighbourIndex(NeighbourIndex&&) noexcept;
    NeighbourIndex& operator=(NeighbourIndex&&) noexcept;
    ~NeighbourIndex();

    std::size_t size() const;
    std::size_t dim() const;
    bool isExact() const;

    // The k nearest rows to `query`, nearest first; `exclude` leaves one row out (a point
    // asking for its own neighbours). Fewer than k only when the index holds fewer rows.
    std::vector<Neighbour> nearest(std::span<const float> query, std::size_t k,
                                   std::optional<std::size_t> exclude = std::nullopt) const;

private:
    struct Impl;
    explicit NeighbourIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Runs body(i) for i in [0, n) on `threads` threads in chunks. Progress is reported from
// the calling thread only; a false return or an exception in any body stops all
// threads, and the exception (or Error(Cancelled)) is rethrown here.
void parallelFor(std::size_t n, int threads, const ProgressFn& progress, const std::string& what,
                 const std::function<void(std::size_t)>& body);

}  // namespace latent
