#pragma once

// Internal to core: UMAP's two gradient coefficients as functions of the squared distance,
// read from tables instead of computed with std::pow. The SGD needs one coefficient per
// pull and per negative sample (about 600 million at N = 70,000) and spent a third of its
// time in powf; a table read is a few instructions, and the buckets in use stay cached.

#include <bit>
#include <cstdint>
#include <vector>

#include "latent/core/Umap.h"

namespace latent::umap {

class GradientTable {
public:
    explicit GradientTable(const UmapCurve& curve);

    // -2ab d2^(b-1) / (a d2^b + 1): the attraction along an edge, per unit of difference.
    float attraction(float d2) const {
        return lookup(attraction_, d2, &GradientTable::exactAttraction);
    }
    // 2b / ((0.001 + d2)(a d2^b + 1)): the repulsion from a negative sample.
    float repulsion(float d2) const {
        return lookup(repulsion_, d2, &GradientTable::exactRepulsion);
    }

    float exactAttraction(float d2) const;
    float exactRepulsion(float d2) const;

private:
    // Buckets follow the float's bits: its exponent and top kMantissaBits of mantissa, so
    // each bucket is a fixed fraction of its value and linear interpolation inside it is
    // within 5e-5 relative of the exact function (measured: 4.1e-5 at worst, near the
    // repulsion's 0.001 offset). Outside the covered exponents
    // (distances below 2^-12 or above 2^12) the exact formula is used.
    static constexpr int kMantissaBits = 7;
    static constexpr int kLowExponent = -24, kHighExponent = 24;
    static constexpr std::uint32_t kFirstKey = static_cast<std::uint32_t>(kLowExponent + 127)
                                               << kMantissaBits;
    static constexpr std::uint32_t kKeys = static_cast<std::uint32_t>(kHighExponent - kLowExponent)
                                           << kMantissaBits;

    using Exact = float (GradientTable::*)(float) const;

    float lookup(const std::vector<float>& table, float d2, Exact exact) const {
        const auto bits = std::bit_cast<std::uint32_t>(d2);
        const std::uint32_t key = (bits >> (23 - kMantissaBits)) - kFirstKey;
        if (key >= kKeys) return (this->*exact)(d2);  // also catches d2 below the range
        constexpr std::uint32_t kFractionMask = (1u << (23 - kMantissaBits)) - 1;
        const float t = static_cast<float>(bits & kFractionMask) * (1.0f / (kFractionMask + 1));
        const float lo = table[key], hi = table[key + 1];
        return lo + t * (hi - lo);
    }

    std::vector<float> fill(Exact exact) const;

    float a_, b_;
    std::vector<float> attraction_, repulsion_;  // kKeys + 1 bucket starts each
};

}  // namespace latent::umap
