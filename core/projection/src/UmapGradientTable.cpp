#include "UmapGradientTable.h"

#include <cmath>

namespace latent::umap {

GradientTable::GradientTable(const UmapCurve& curve)
    : a_(static_cast<float>(curve.a)), b_(static_cast<float>(curve.b)) {
    attraction_ = fill(&GradientTable::exactAttraction);
    repulsion_ = fill(&GradientTable::exactRepulsion);
}

float GradientTable::exactAttraction(float d2) const {
    const float powB = std::pow(d2, b_);
    return -2.0f * a_ * b_ * (powB / d2) / (a_ * powB + 1.0f);
}

float GradientTable::exactRepulsion(float d2) const {
    return 2.0f * b_ / ((0.001f + d2) * (a_ * std::pow(d2, b_) + 1.0f));
}

std::vector<float> GradientTable::fill(Exact exact) const {
    std::vector<float> table(kKeys + 1);
    for (std::uint32_t key = 0; key <= kKeys; ++key) {
        const float start = std::bit_cast<float>((key + kFirstKey) << (23 - kMantissaBits));
        table[key] = (this->*exact)(start);
    }
    return table;
}

}  // namespace latent::umap
