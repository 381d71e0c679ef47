#pragma once

// splitmix64 (Steele, Lea & Flood 2014): a tiny generator whose output function is also a
// good 64-bit hash. Used where core needs cheap, seedable, reproducible randomness.
#include <cstddef>
#include <cstdint>

namespace latent::detail {

// The splitmix64 output function: a well-mixed hash of z.
inline std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ull); }
    // Multiply-shift instead of a modulo: no division in inner loops. n < 2^32.
    std::uint32_t below(std::size_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

private:
    std::uint64_t state_;
};

}  // namespace latent::detail
