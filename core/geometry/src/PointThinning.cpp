#include "latent/core/PointThinning.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "latent/core/SplitMix64.h"

namespace latent {
namespace {

// A well-mixed 32-bit hash of the row index (splitmix-style finaliser): a fixed
// pseudo-random rank per point, independent of the order of the grid cells.
std::uint32_t rankOf(std::uint32_t i) {
    return static_cast<std::uint32_t>(detail::mix64(i + 0x9e3779b97f4a7c15ull) >> 32);
}

// Maps each point to a cell of a grid with about `cells` cells over the bounding box.
class Grid {
public:
    Grid(const LatentBatch& coords, std::size_t cells) : coords_(coords) {
        const std::size_t dim = std::min<std::size_t>(coords.dim, 3);
        lo_.fill(0.0f);
        std::array<float, 3> hi{};
        for (std::size_t a = 0; a < dim; ++a) {
            lo_[a] = std::numeric_limits<float>::max();
            hi[a] = std::numeric_limits<float>::lowest();
        }
        for (std::size_t i = 0; i < coords.count; ++i) {
            for (std::size_t a = 0; a < dim; ++a) {
                lo_[a] = std::min(lo_[a], coords.values[i * coords.dim + a]);
                hi[a] = std::max(hi[a], coords.values[i * coords.dim + a]);
            }
        }
        const double side = std::pow(static_cast<double>(cells), 1.0 / static_cast<double>(std::max<std::size_t>(dim, 1)));
        const auto perAxis = static_cast<std::size_t>(std::max(1.0, std::floor(side)));
        for (std::size_t a = 0; a < 3; ++a) {
            n_[a] = a < dim ? perAxis : 1;
            const float extent = a < dim ? hi[a] - lo_[a] : 0.0f;
            scale_[a] = extent > 0.0f ? static_cast<float>(n_[a]) / extent : 0.0f;
        }
    }
    std::size_t cellCount() const { return n_[0] * n_[1] * n_[2]; }
    std::size_t cellOf(std::size_t i) const {
        std::size_t cell = 0;
        for (std::size_t a = 3; a-- > 0;) {
            std::size_t c = 0;
            if (a < coords_.dim && scale_[a] > 0.0f) {
                const float v = (coords_.values[i * coords_.dim + a] - lo_[a]) * scale_[a];
                c = std::min(n_[a] - 1, static_cast<std::size_t>(std::max(0.0f, v)));
            }
            cell = cell * n_[a] + c;
        }
        return cell;
    }

private:
    const LatentBatch& coords_;
    std::array<float, 3> lo_{}, scale_{};
    std::array<std::size_t, 3> n_{};
};

}  // namespace

std::vector<std::uint32_t> representativeSubset(const LatentBatch& coords, std::size_t budget) {
    std::vector<std::uint32_t> out;
    if (coords.count <= budget) {
        out.resize(coords.count);
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint32_t>(i);
        return out;
    }
    // A quarter of the budget goes to covering the grid, the rest to the uniform sample.
    const Grid grid(coords, std::max<std::size_t>(1, budget / 4));
    constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> cellBest(grid.cellCount(), kEmpty);  // lowest rank per cell
    for (std::size_t i = 0; i < coords.count; ++i) {
        std::uint32_t& best = cellBest[grid.cellOf(i)];
        const auto row = static_cast<std::uint32_t>(i);
        if (best == kEmpty || rankOf(row) < rankOf(best)) best = row;
    }
    const auto occupied = static_cast<std::size_t>(
        std::count_if(cellBest.begin(), cellBest.end(), [](std::uint32_t v) { return v != kEmpty; }));
    const double fraction = static_cast<double>(budget - std::min(budget, occupied)) /
                            static_cast<double>(coords.count);
    const auto threshold = static_cast<std::uint64_t>(fraction * 4294967296.0);
    out.reserve(budget + occupied / 8);
    for (std::size_t i = 0; i < coords.count; ++i) {
        const auto row = static_cast<std::uint32_t>(i);
        if (rankOf(row) < threshold || cellBest[grid.cellOf(i)] == row) out.push_back(row);
    }
    return out;
}

}  // namespace latent
