#include "latent/core/Sampling.h"

#include <algorithm>
#include <numeric>

#include "latent/core/Error.h"

namespace latent {
namespace {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound) by rejection, so no value is favoured.
    std::size_t below(std::size_t bound) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t v;
        do v = next();
        while (v >= limit);
        return static_cast<std::size_t>(v % bound);
    }

private:
    std::uint64_t state_;
};

}  // namespace

std::vector<std::size_t> sampleItems(std::size_t count, std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> items(count);
    std::iota(items.begin(), items.end(), std::size_t{0});
    SplitMix64 random(seed);
    const std::size_t kept = std::min(n, count);
    for (std::size_t i = 0; i < kept; ++i) std::swap(items[i], items[i + random.below(count - i)]);
    items.resize(kept);
    return items;
}

std::vector<std::pair<std::size_t, std::size_t>> samplePairs(std::size_t count, std::size_t n, std::uint64_t seed) {
    if (count < 2) throw Error(ErrorKind::InvalidArgument, "pairs need 2 or more items");
    SplitMix64 random(seed);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    while (pairs.size() < n) {
        const std::size_t a = random.below(count), b = random.below(count);
        if (a != b) pairs.emplace_back(a, b);
    }
    return pairs;
}

}  // namespace latent
