#pragma once

// The k best neighbours found so far for every point, each list sorted by (distance, index).
// Ties are broken by index, so the lists after a set of offers are the k smallest distinct
// (distance, index) pairs whatever order the offers came in: NN-descent's result does not
// depend on thread timing.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace latent::detail {

class NeighbourLists {
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    NeighbourLists(std::size_t count, std::size_t k)
        : k_(k),
          ids_(count * k, kNone),
          distances_(count * k, std::numeric_limits<float>::infinity()),
          fresh_(count * k, 0) {}

    std::size_t k() const { return k_; }
    const std::uint32_t* ids(std::size_t i) const { return ids_.data() + i * k_; }
    const float* distances(std::size_t i) const { return distances_.data() + i * k_; }
    float worst(std::size_t i) const { return distances_[i * k_ + k_ - 1]; }
    // "New" in NN-descent's sense: not yet joined with the point's other neighbours.
    bool isFresh(std::size_t i, std::size_t m) const { return fresh_[i * k_ + m] != 0; }
    void markJoined(std::size_t i, std::size_t m) { fresh_[i * k_ + m] = 0; }

    // Puts j into i's list if (d, j) beats its worst entry and j is not there yet.
    // Only one thread may offer to a given i at a time.
    void offer(std::size_t i, std::uint32_t j, float d) {
        std::uint32_t* id = ids_.data() + i * k_;
        float* dist = distances_.data() + i * k_;
        std::uint8_t* fresh = fresh_.data() + i * k_;
        if (!before(d, j, dist[k_ - 1], id[k_ - 1])) return;
        for (std::size_t m = 0; m < k_; ++m) {
            if (id[m] == j) return;
        }
        std::size_t pos = k_ - 1;
        for (; pos > 0 && before(d, j, dist[pos - 1], id[pos - 1]); --pos) {
            id[pos] = id[pos - 1];
            dist[pos] = dist[pos - 1];
            fresh[pos] = fresh[pos - 1];
        }
        id[pos] = j;
        dist[pos] = d;
        fresh[pos] = 1;
    }

    // How many (point, slot) entries hold a different neighbour than in `other`.
    std::size_t differences(const NeighbourLists& other) const {
        std::size_t n = 0;
        for (std::size_t e = 0; e < ids_.size(); ++e) n += ids_[e] != other.ids_[e];
        return n;
    }

private:
    static bool before(float d, std::uint32_t j, float otherD, std::uint32_t otherJ) {
        return d < otherD || (d == otherD && j < otherJ);
    }

    std::size_t k_;
    std::vector<std::uint32_t> ids_;
    std::vector<float> distances_;
    std::vector<std::uint8_t> fresh_;
};

}  // namespace latent::detail
