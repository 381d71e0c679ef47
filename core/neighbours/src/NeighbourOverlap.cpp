#include "latent/core/NeighbourOverlap.h"

#include <algorithm>
#include <string>

#include "latent/core/Error.h"

namespace latent {

std::vector<double> neighbourOverlap(const KnnGraph& a, const KnnGraph& b) {
    if (a.count != b.count || a.k != b.k || a.k == 0) {
        throw Error(ErrorKind::InvalidArgument, "neighbour overlap needs two graphs of the same items and k (" +
                                                    std::to_string(a.count) + " items, k " + std::to_string(a.k) +
                                                    " against " + std::to_string(b.count) + ", k " +
                                                    std::to_string(b.k) + ")");
    }
    std::vector<double> overlap(a.count);
    std::vector<std::uint32_t> inA(a.k), inB(b.k);
    for (std::size_t i = 0; i < a.count; ++i) {
        std::copy(a.neighbours(i), a.neighbours(i) + a.k, inA.begin());
        std::copy(b.neighbours(i), b.neighbours(i) + b.k, inB.begin());
        std::sort(inA.begin(), inA.end());
        std::sort(inB.begin(), inB.end());
        std::size_t shared = 0;
        for (auto x = inA.begin(), y = inB.begin(); x != inA.end() && y != inB.end();) {
            if (*x < *y) {
                ++x;
            } else if (*y < *x) {
                ++y;
            } else {
                ++shared, ++x, ++y;
            }
        }
        overlap[i] = static_cast<double>(shared) / static_cast<double>(a.k);
    }
    return overlap;
}

}  // namespace latent
